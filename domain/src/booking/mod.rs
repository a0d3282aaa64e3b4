//! Hall appointments: hall schedules (by the day kinds of `crate::calendar`) and the slots they make, when
//! a day's slots are released and close, the booking rules (limits, check-in window, no-show
//! suspension), booking codes and queue numbers, and the calendar file a citizen downloads.
//! Times of day are China time; instants are seconds since 1970 UTC, passed in by the caller.

mod code;
mod ics;
mod policy;
mod schedule;
mod views;
mod when;

pub use code::{BookingCode, queue_number};
pub use ics::{IcsEvent, cancels_event};
pub use policy::{BookingPolicy, BookingStatus, CheckIn, Release, ReleaseRule, WaitStatus};
pub use schedule::{Period, Schedule, ScheduleError, SlotSpec, TimeOfDay};
pub use views::{
    BookingView, ClosedWhy, DayState, DayView, DeskBooking, ForWhom, HallDesk, SlotView, WaitView,
};
pub use when::{china_minute, clock_text, when_text};
