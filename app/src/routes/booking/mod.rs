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

/// Percent-encodes a local path with its query for a `next=` parameter.
pub(crate) fn encode_next(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// "2026-12-05" → "12月5日".
pub(crate) fn month_day(date: domain::CivilDate) -> String {
    format!("{}月{}日", date.month(), date.day())
}
