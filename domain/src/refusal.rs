//! Refusals a rule gives, typed: the layers below the app return them, tests match on them,
//! and only the app words them (`app::i18n::outcomes`). A new refusal is a variant here,
//! never a message string.

use crate::Relation;
use crate::booking::BookingStatus;
use crate::case::CaseState;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    // Signing in.
    /// Staff sign-in failed: an unknown username, a wrong password and a locked account get
    /// this one answer, so nobody learns which usernames exist or which are locked.
    StaffSignIn,
    /// The staff account is switched off (after a correct password only).
    StaffDisabled,
    /// The number's codes for today are used up.
    CodeDailyLimit,
    CodeWrong {
        tries_left: u32,
    },
    CodeTooManyTries,
    CodeExpired,
    /// No code was sent to this number (or it was used).
    NoCode,

    // 实名认证 and the family.
    /// 实名认证 was tried too often from this account or this address; try later.
    VerifyTooOften,
    /// Already verified with another identity; corrections are made at a hall window.
    AlreadyVerified,
    /// The name and ID number do not belong together.
    NameIdMismatch,
    /// The ID number is verified on another account.
    IdOnAnotherAccount,
    /// The action needs a verified (实名) account first.
    NotVerified,
    SelfAsMember,
    MemberListed,
    FamilyFull {
        max: u32,
    },
    /// Only one of this relation (a spouse) at a time.
    RelationTaken(Relation),
    /// A member without an ID number of the same relation and name is listed already.
    MemberRepeated {
        relation: Relation,
        name_masked: String,
    },
    /// The member's birth date does not fit the relation (a parent younger than the citizen).
    BirthOrder(Relation),
    AddressesFull {
        max: u32,
    },

    // Staff accounts.
    UsernameTaken {
        username: String,
    },
    /// An admin may not disable or demote their own account.
    SelfDemote,
    /// The clerk's account has no hall, and this needs one.
    NoHall,

    // Booking.
    /// The form's one-time key is missing: it was not made by our page.
    FormExpired,
    /// Booking is suspended until `until` after `no_shows` no-shows within `window_days`.
    Suspended {
        until: i64,
        no_shows: u32,
        window_days: u32,
    },
    TooManyBookings {
        max: u32,
    },
    /// The person holds a booking for this 事项 that day; `kept` when moving one, which stays.
    SameDay {
        kept: bool,
    },
    /// The hall is closed that day (停办), so nothing can be booked or moved into it.
    HallClosed,
    /// The slot is full; `kept` when moving a booking, which stays where it was.
    SlotFull {
        kept: bool,
    },
    /// The day is a holiday (its name).
    Holiday {
        name: String,
    },
    /// The day's slots are released at `opens`.
    NotReleased {
        opens: i64,
    },
    /// The slot's booking cut-off has passed.
    SlotPastCutoff,
    NotCancellable,
    NotMovable,
    /// Cancel and move close `minutes` before the start.
    PastChangeCutoff {
        minutes: u32,
    },
    /// A waitlist is for full days; this one has room.
    DayHasRoom,
    AlreadyWaiting,
    /// The offered place's slot passed its cut-off.
    OfferPastCutoff,
    /// The offer was held too long and went to the next in line.
    OfferExpired,

    // The desk.
    /// The booking code is not one this clerk can act on: unknown, or of another hall or
    /// department (one answer, so a desk cannot probe which codes exist).
    NoSuchBooking,
    /// The queue number is not open at this clerk's desk (unknown, done, another department).
    NoSuchTicket,
    CheckInTooEarly {
        from: i64,
    },
    CheckInTooLate {
        late_minutes: u32,
    },
    /// The booking is in a state that cannot check in (cancelled, done …).
    CheckInStatus(BookingStatus),
    ClosePast,
    AlreadyClosed,

    // Cases.
    /// The 事项 cannot be applied for online (网办深度 Ⅰ: see the guide and go to the hall).
    NotOnline,
    /// The action does not apply to the case as it stands (its state moved on, or the
    /// action is not one for this state).
    CaseNotNow(CaseState),
    /// Only a 即办件 is finished at once.
    NotImmediate,
    /// The citizen's form is not open for changes (submitted and not sent back).
    CaseClosedForChanges,
}
