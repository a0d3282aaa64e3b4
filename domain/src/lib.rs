//! What things are in 办事: types that parse (never validate later) and the rules over them.
//! Pure: no I/O, compiles to WebAssembly and to the server alike.

pub mod account;
pub mod booking;
pub mod bundle;
pub mod calendar;
pub mod case;
pub mod catalog;
pub mod date;
pub mod identity;
pub mod invalid;
pub mod permission;
pub mod refusal;
pub mod search;

pub use account::*;
pub use catalog::*;
pub use date::CivilDate;
pub use identity::*;
pub use invalid::{Choice, Invalid};
pub use permission::{Reach, StaffAction, may};
pub use refusal::Refusal;
