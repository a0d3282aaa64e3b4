//! A page a file.

mod account;
mod booking;
mod browse;
mod guide;
mod home;
mod not_found;
mod search;
mod staff;
mod under_construction;

pub use account::*;
pub use booking::{BookIndexPage, BookPage, BookingPage, CalendarPage, DeskPage, MyBookingsPage};
pub use browse::{BrowsePage, DepartmentPage, ThemePage};
pub use guide::GuidePage;
pub use home::HomePage;
pub use not_found::{ErrorNotice, NotFound};
pub use search::SearchPage;
pub use staff::*;
pub use under_construction::UnderConstruction;
