//! What the booking service needs from storage. Every rule that must hold under concurrency
//! (capacity, one booking per request key, the per-citizen limits, claims of background jobs)
//! is decided inside one store transaction; time rules (release, cut-off, check-in window) are
//! decided by the service before it calls in.

use crate::Result;
use async_trait::async_trait;
use domain::booking::BookingPolicy;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ScheduleRecord {
    pub hall_code: String,
    pub department_code: String,
    pub weekend: bool,
    pub periods: String,
    pub windows: i64,
    pub slot_minutes: i64,
    pub per_window: i64,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ReleaseRecord {
    pub release_days: i64,
    pub release_at: i64,
    pub cutoff_minutes: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SlotRecord {
    pub id: i64,
    pub hall_code: String,
    pub department_code: String,
    pub day: i64,
    pub start_min: i64,
    pub end_min: i64,
    pub start_at: i64,
    pub end_at: i64,
    pub capacity: i64,
    pub booked: i64,
    pub held: i64,
}

impl SlotRecord {
    pub fn remaining(&self) -> i64 {
        (self.capacity - self.booked - self.held).max(0)
    }
}

pub struct NewSlot {
    pub start_min: i64,
    pub end_min: i64,
    pub start_at: i64,
    pub end_at: i64,
    pub capacity: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct BookingRecord {
    pub id: i64,
    pub code: String,
    pub citizen_id: i64,
    pub member_id: Option<i64>,
    pub item_code: String,
    pub slot_id: i64,
    pub hall_code: String,
    pub department_code: String,
    pub day: i64,
    pub start_at: i64,
    pub end_at: i64,
    pub status: String,
    pub created_at: i64,
    pub queue_no: Option<String>,
    pub changed_at: i64,
    /// Moves and cancellations so far: the calendar file's SEQUENCE.
    pub sequence: i64,
}

/// A booking to make, already past the time rules.
pub struct NewBooking<'a> {
    pub citizen_id: i64,
    pub member_id: Option<i64>,
    pub item_code: &'a str,
    pub request_key: &'a str,
    pub code: &'a str,
    pub now: i64,
    pub policy: &'a BookingPolicy,
    /// Written with the booking (its id filled in), in the same transaction.
    pub audit: Option<&'a crate::store::AuditRecord>,
    /// The confirmation text, queued in the same transaction.
    pub text: Option<&'a crate::store::NewOutbox>,
}

/// Why a booking the rules refuse is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    NotVerified,
    Suspended {
        until: i64,
    },
    TooMany {
        max: u32,
    },
    /// The person already holds a booking for this 事项 that day.
    SameDay,
    /// The hall closed that day.
    DayClosed,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BookResult {
    Booked(BookingRecord),
    /// The same request came again: the booking it made the first time.
    Existing(BookingRecord),
    Full,
    Refused(Refusal),
}

/// A freed place now held for someone in the waitlist; they are to be told.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Offer {
    pub wait_id: i64,
    pub citizen_id: i64,
    pub item_code: String,
    pub slot_id: i64,
    pub offer_until: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Freed {
    /// Done; when a place went to the waitlist, the offer to announce.
    Done(Option<Offer>),
    /// The booking was no longer active (already cancelled, checked in, past).
    NotActive,
    /// Rescheduling only: the new slot is full; nothing changed.
    Full,
    /// Rescheduling only: the person already holds this 事项 on the new day.
    SameDay,
    /// Rescheduling only: the hall is closed on the new day; nothing changed.
    DayClosed,
}

pub struct NewWait<'a> {
    pub citizen_id: i64,
    pub member_id: Option<i64>,
    pub item_code: &'a str,
    pub hall_code: &'a str,
    pub department_code: &'a str,
    pub day: i64,
    pub request_key: &'a str,
    pub now: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct WaitRecord {
    pub id: i64,
    pub citizen_id: i64,
    pub member_id: Option<i64>,
    pub item_code: String,
    pub hall_code: String,
    pub department_code: String,
    pub day: i64,
    pub status: String,
    pub offered_slot_id: Option<i64>,
    pub offer_until: Option<i64>,
    /// Waiting entries ahead in the same line, plus one.
    pub position: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Joined {
    Id(i64),
    /// Already waiting (or offered) for this 事项 that day.
    AlreadyWaiting,
    /// Already holds a booking for this 事项 that day: an offer could never be accepted.
    AlreadyBooked,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reminder {
    DayBefore,
    HourBefore,
}

/// A booking on the clerk's list, with the person's masked name.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct DeskRecord {
    pub code: String,
    pub item_code: String,
    pub department_code: String,
    pub start_at: i64,
    pub status: String,
    pub queue_no: Option<String>,
    pub person_masked: Option<String>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct TicketRecord {
    pub department_code: String,
    pub number: i64,
    pub label: String,
    pub booking_code: Option<String>,
    pub done_at: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckedIn {
    /// The queue number given now (or the one given before, at a second scan).
    Ticket(String),
    /// Not an active booking of this hall (cancelled, no-show, served).
    NotActive(String),
}

/// Hall reference data: the holiday calendar, schedules, release rules, closed days.
#[async_trait]
pub trait HallReferenceStore: Send + Sync {
    /// Special days (epoch day, holiday?, name), in date order.
    async fn calendar_days(&self) -> Result<Vec<(i64, bool, String)>>;
    /// Loads the official days once per database (later edits are the admin's).
    async fn seed_calendar(&self, days: &[(i64, bool, String)]) -> Result<bool>;
    async fn set_calendar_day(&self, day: i64, holiday: bool, name: &str) -> Result<()>;
    async fn remove_calendar_day(&self, day: i64) -> Result<bool>;
    /// Inserts the schedules a hall × department has none of yet.
    async fn seed_schedules(&self, schedules: &[ScheduleRecord]) -> Result<()>;
    async fn schedules(
        &self,
        hall_code: &str,
        department_code: &str,
    ) -> Result<Vec<ScheduleRecord>>;
    /// Departments with a schedule in the hall.
    async fn scheduled_departments(&self, hall_code: &str) -> Result<Vec<String>>;
    async fn release_rule(&self, hall_code: &str) -> Result<Option<ReleaseRecord>>;
    async fn closed_days(&self, hall_code: &str, from: i64, to: i64) -> Result<Vec<(i64, String)>>;
}

/// Slots and bookings, and the booking jobs (no-shows, reminders, closing a day).
#[async_trait]
pub trait BookingStore: Send + Sync {
    /// Makes the day's slots unless they exist, then returns them by start.
    async fn day_slots(
        &self,
        hall_code: &str,
        department_code: &str,
        day: i64,
        make: &[NewSlot],
    ) -> Result<Vec<SlotRecord>>;
    /// Already-made slots of the days `from..=to`.
    async fn slots_between(
        &self,
        hall_code: &str,
        department_code: &str,
        from: i64,
        to: i64,
    ) -> Result<Vec<SlotRecord>>;
    async fn slot(&self, id: i64) -> Result<Option<SlotRecord>>;
    /// Books a place in `slot_id` if every rule allows, in one transaction.
    async fn book(&self, booking: &NewBooking<'_>, slot_id: i64) -> Result<BookResult>;
    async fn bookings_of(&self, citizen_id: i64) -> Result<Vec<BookingRecord>>;
    async fn booking_by_code(&self, code: &str) -> Result<Option<BookingRecord>>;
    /// Whether the citizen's form with this request key made a booking (any status).
    async fn booked_with_key(&self, citizen_id: i64, request_key: &str) -> Result<bool>;
    /// The start instants of the citizen's no-shows since `since`.
    async fn no_shows(&self, citizen_id: i64, since: i64) -> Result<Vec<i64>>;
    /// Cancels an active booking; its place goes to the first in the waitlist, if any.
    async fn cancel(&self, booking_id: i64, now: i64, hold_secs: i64) -> Result<Freed>;
    /// Moves an active booking to `slot_id` in one transaction: the old place is released only
    /// if the new one is taken.
    async fn reschedule(
        &self,
        booking_id: i64,
        slot_id: i64,
        now: i64,
        hold_secs: i64,
    ) -> Result<Freed>;
    async fn mark_no_shows(&self, now: i64, grace_secs: i64) -> Result<u64>;
    async fn claim_reminders(
        &self,
        kind: Reminder,
        now: i64,
        limit: u32,
    ) -> Result<Vec<BookingRecord>>;
    /// Closes a hall's day: its bookings become `closed` (returned, to notify), its waitlist
    /// ends; false when the day was already closed.
    async fn close_day(
        &self,
        hall_code: &str,
        day: i64,
        reason: &str,
        now: i64,
    ) -> Result<(bool, Vec<BookingRecord>, Vec<i64>)>;
    /// The citizen's phone, encrypted (for texts).
    async fn citizen_phone_enc(&self, citizen_id: i64) -> Result<Option<Vec<u8>>>;
}

/// The waitlist of full days and its offers.
#[async_trait]
pub trait WaitlistStore: Send + Sync {
    async fn join_waitlist(&self, wait: &NewWait<'_>) -> Result<Joined>;
    async fn waitlist_of(&self, citizen_id: i64) -> Result<Vec<WaitRecord>>;
    /// Leaves the line; a place held for this entry passes on.
    async fn leave_waitlist(
        &self,
        citizen_id: i64,
        wait_id: i64,
        now: i64,
        hold_secs: i64,
    ) -> Result<Option<Offer>>;
    /// Turns a live offer into a booking (the same rules as `book`).
    async fn accept_offer(&self, booking: &NewBooking<'_>, wait_id: i64) -> Result<BookResult>;
    /// Background jobs; each row is claimed by one process only.
    async fn expire_offers(&self, now: i64, hold_secs: i64) -> Result<Vec<Offer>>;
}

/// The hall desk: the day's list, check-in, queue numbers.
#[async_trait]
pub trait DeskStore: Send + Sync {
    async fn desk(&self, hall_code: &str, day: i64) -> Result<Vec<DeskRecord>>;
    async fn tickets(&self, hall_code: &str, day: i64) -> Result<Vec<TicketRecord>>;
    /// Checks an active booking in and gives it the next queue number of its department
    /// (`kind_index` picks the letter).
    async fn check_in(&self, booking_id: i64, kind_index: u32, now: i64) -> Result<CheckedIn>;
    async fn walk_in(
        &self,
        hall_code: &str,
        department_code: &str,
        day: i64,
        kind_index: u32,
        now: i64,
    ) -> Result<String>;
    /// Marks a ticket served (and its booking done); false when there is no such ticket.
    async fn ticket_done(&self, hall_code: &str, day: i64, label: &str, now: i64) -> Result<bool>;
}
