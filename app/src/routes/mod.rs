//! A page a file.

mod account;
mod guide;
mod home;
mod not_found;
mod staff;
mod under_construction;

pub use account::*;
pub use guide::GuidePage;
pub use home::HomePage;
pub use not_found::{ErrorNotice, NotFound};
pub use staff::*;
pub use under_construction::UnderConstruction;
