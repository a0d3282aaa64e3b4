#![recursion_limit = "256"]
//! What the citizen sees: routes rendered on the server, islands hydrated in the browser only
//! where they add something, and thin server functions in `api/`.

pub mod api;
pub mod components;
pub mod forms;
pub mod i18n;
pub mod routes;
pub mod session;
mod shell;

pub use forms::{FORM_PAGES, Posted};
pub use session::{ClientIp, SiteMode};
pub use shell::{App, shell};
