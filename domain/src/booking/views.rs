//! What booking pages are given: plain data with the Chinese labels already decided here, so
//! the pages only lay them out. Times of day are China time.

use super::policy::{BookingStatus, WaitStatus};
use crate::calendar::{DayKind, Weekday};
use crate::{CivilDate, Relation};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayState {
    /// Places left today, over all its slots.
    Open {
        remaining: u32,
    },
    Full,
    /// Released at this instant.
    NotYet {
        opens: i64,
    },
    /// Too late to book any of its slots.
    Over,
    /// No hours that day.
    Closed {
        why: ClosedWhy,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClosedWhy {
    /// Closed by the hall (停办), with the reason given.
    HallClosed { reason: String },
    /// A holiday, by its name.
    Holiday { name: String },
    /// A weekend day without weekend hours.
    Weekend,
    /// A schedule with no slots.
    NoHours,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayView {
    pub date: CivilDate,
    pub weekday: Weekday,
    /// What the calendar says of the day (a holiday's name, a 调休 working day).
    pub kind: DayKind,
    pub state: DayState,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotView {
    pub id: i64,
    /// "09:00".
    pub start: String,
    pub end: String,
    pub remaining: u32,
    pub capacity: u32,
    /// Past its cut-off.
    pub closed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingView {
    pub code: String,
    pub item_code: String,
    pub item_name: String,
    pub hall_name: String,
    pub hall_address: String,
    pub hall_phone: String,
    /// The window kind: the department's windows in the hall.
    pub department_name: String,
    pub date: CivilDate,
    pub weekday: Weekday,
    pub start: String,
    pub end: String,
    pub start_at: i64,
    pub status: BookingStatus,
    pub for_whom: ForWhom,
    pub queue_no: Option<String>,
    /// Cancel and reschedule are still allowed (before the cut-off, still booked).
    pub changeable: bool,
    /// The cut-off instant, shown as "可在 … 前取消".
    pub cutoff_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitView {
    pub id: i64,
    pub item_code: String,
    pub item_name: String,
    pub hall_name: String,
    pub date: CivilDate,
    pub status: WaitStatus,
    /// Place in line while waiting (1 = next).
    pub position: Option<u32>,
    /// An offered place: when it starts and until when it is held.
    pub offer_start: Option<i64>,
    pub offer_until: Option<i64>,
}

/// Whom a booking is for: the citizen, or one of their family members.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ForWhom {
    Myself,
    Member {
        name_masked: String,
        relation: Option<Relation>,
    },
    /// A member since removed from the family list.
    FormerMember,
}

/// One booking on the clerk's list for the day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskBooking {
    pub code: String,
    pub start: String,
    pub item_name: String,
    pub department_name: String,
    /// Masked name of the person to serve.
    pub person: String,
    pub status: BookingStatus,
    pub queue_no: Option<String>,
}

/// A hall's day at the desk: bookings and walk-ins in the clerk's departments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HallDesk {
    pub hall_name: String,
    pub date: CivilDate,
    pub bookings: Vec<DeskBooking>,
    /// Queue tickets issued today: (number, department name, booking code or None for a
    /// walk-in, done).
    pub tickets: Vec<(String, String, Option<String>, bool)>,
}
