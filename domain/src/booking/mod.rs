//! Hall appointments: the holiday + 调休 calendar, hall schedules and the slots they make, when
//! a day's slots are released and close, the booking rules (limits, check-in window, no-show
//! suspension), booking codes and queue numbers, and the calendar file a citizen downloads.
//! Times of day are China time; instants are seconds since 1970 UTC, passed in by the caller.

mod calendar;
mod code;
mod ics;
mod policy;
mod schedule;
mod views;
mod when;

pub use calendar::{Calendar, CalendarEntry, DayKind, OFFICIAL_DAYS, Weekday};
pub use code::{BookingCode, queue_number};
pub use ics::{IcsEvent, cancels_event};
pub use policy::{BookingPolicy, BookingStatus, CheckIn, Release, ReleaseRule};
pub use schedule::{Period, Schedule, ScheduleError, SlotSpec, TimeOfDay};
pub use views::{BookingView, DayState, DayView, DeskBooking, HallDesk, SlotView, WaitView};
pub use when::{china_minute, clock_text, when_text};
