//! Accounts: how citizens and staff sign in and what the rules around it are — one-time
//! codes, sessions, staff roles and lock-out, family relations. Times are seconds since 1970
//! UTC, passed in by the caller (the domain has no clock).

mod otp;
mod relation;
mod session;
mod staff;
mod verify_level;
mod views;

pub use otp::{CodeCheck, OtpCode, OtpError, OtpPolicy, OtpState, SendDecision, SendRefusal};
pub use relation::Relation;
pub use session::{SessionKind, SessionPolicy};
pub use staff::{LockoutPolicy, Password, PasswordError, StaffRole, Username, UsernameError};
pub use verify_level::VerifyLevel;
pub use views::{FamilyMember, OutboxMessage, PostalAddress, Profile, StaffMember};
