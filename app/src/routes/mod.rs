//! A page a file.

mod guide;
mod home;
mod not_found;
mod under_construction;

pub use guide::GuidePage;
pub use home::HomePage;
pub use not_found::{ErrorNotice, NotFound};
pub use under_construction::UnderConstruction;
