//! Refusals a rule gives, typed: the layers below the app return them, tests match on them,
//! and only the app words them (in Chinese). New refusals go here rather than into
//! message strings.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Refusal {
    /// Staff sign-in failed: an unknown username, a wrong password and a locked account get
    /// this one answer, so nobody learns which usernames exist or which are locked.
    StaffSignIn,
    /// 实名认证 was tried too often from this account or this address; try later.
    VerifyTooOften,
    /// The booking code is not one this clerk can act on: unknown, or of another hall or
    /// department (one answer, so a desk cannot probe which codes exist).
    NoSuchBooking,
    /// The queue number is not open at this clerk's desk (unknown, done, another department).
    NoSuchTicket,
    /// The hall is closed that day (停办), so nothing can be booked or moved into it.
    HallClosed,
}
