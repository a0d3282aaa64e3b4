mod app_bar;
mod notice;
#[cfg(feature = "ssr")]
mod security;
mod tab_bar;

pub use app_bar::AppBar;
pub use notice::Notice;
#[cfg(feature = "ssr")]
pub use security::set_security_headers;
pub use tab_bar::{Tab, TabBar};
