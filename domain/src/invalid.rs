//! Input that does not parse, typed by what was wrong with it: the domain's parse errors and
//! the forms' plain checks. Like `Refusal`, only the app words it.

use crate::Relation;
use crate::account::{OtpError, PasswordError, UsernameError};
use crate::booking::ScheduleError;
use crate::case::{FieldKey, FieldProblem};
use crate::identity::{IdError, NameError, PhoneError};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Invalid {
    IdNumber(IdError),
    Phone(PhoneError),
    Name(NameError),
    Otp(OtpError),
    Username(UsernameError),
    Password(PasswordError),
    Schedule(ScheduleError),
    /// A delivery address's recipient and phone.
    Recipient(NameError),
    ContactPhone(PhoneError),
    /// 所在地区: 4–40 characters.
    Region,
    /// 详细地址: 4–120 characters.
    AddressDetail,
    /// A booking code is 8 letters and digits.
    BookingCode,
    /// A date as 2026-12-05.
    Date,
    /// A choice left empty or not one of those offered.
    Choose(Choice),
    /// A member of this relation needs an ID number.
    MemberIdNeeded(Relation),
    /// A staff member's display name: 2–30 characters.
    StaffName,
    /// Clerks and approvers serve at least one department.
    DepartmentsNeeded,
    /// 停办 needs a reason (40 characters at most) for the citizens told.
    CloseReason,
    /// A holiday's name: 1–20 characters.
    HolidayName,
    /// Erasing an account needs its box ticked.
    ConfirmErase,
    /// The request's arguments did not decode.
    Arguments,
    /// An application form's answers, each problem by its field's key.
    Form(Vec<(FieldKey, FieldProblem)>),
    /// Refusing, returning or asking for a supplement needs a reason (1–200 characters).
    ReasonNeeded,
    /// A case number is 14 digits and a check character (a typo is caught by the check).
    CaseNumber,
    /// The last 4 digits of the applicant's phone.
    PhoneTail,
    /// A post tracking number: 8–30 letters and digits.
    TrackingNumber,
    /// The pickup code the applicant shows does not match.
    PickupCode,
    /// An uploaded file not taken.
    Upload(crate::case::UploadProblem),
}

/// Which choice a form left empty or filled with something not offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Choice {
    Relation,
    Role,
    Hall,
    Department,
    ForWhom,
    Slot,
    DayKind,
}
