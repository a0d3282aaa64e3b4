//! Hall appointments: pick hall, day and slot (`book`), the citizen's bookings and waitlist
//! (`mine`), one booking's confirmation (`detail`), and the clerk's desk (`desk`).

mod book;
mod calendar;
mod desk;
mod detail;
mod index;
mod mine;
mod week;

pub use book::BookPage;
pub use calendar::CalendarPage;
pub use desk::DeskPage;
pub use detail::BookingPage;
pub use index::BookIndexPage;
pub use mine::MyBookingsPage;

/// "2026-12-05" → "12月5日".
pub(crate) fn month_day(date: domain::CivilDate) -> String {
    format!("{}月{}日", date.month(), date.day())
}
