//! A page a file.

mod account;
mod booking;
mod browse;
mod bundles;
mod cases;
mod guide;
mod home;
mod not_found;
mod search;
mod staff;

pub use account::*;
pub use booking::{BookIndexPage, BookPage, BookingPage, CalendarPage, DeskPage, MyBookingsPage};
pub use browse::{BrowsePage, DepartmentPage, ThemePage};
pub use bundles::BundlePage;
pub use cases::{
    ApplyPage, CaseEditPage, CasePage, CertificateCheckPage, ProgressPage, StaffCasePage,
    StaffCasesPage, TrackPage,
};
pub use guide::GuidePage;
pub use home::HomePage;
pub use not_found::{ErrorNotice, NotFound};
pub use search::SearchPage;
pub use staff::*;
