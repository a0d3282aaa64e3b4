//! Who a citizen is: the resident ID number (GB 11643) and the mainland mobile number, both
//! parsed once, and the masked forms that are all a page or a log may show.

mod id_number;
mod mask;
mod phone;

pub use id_number::{IdError, IdNumber, Sex};
pub use mask::mask_middle;
pub use phone::{Phone, PhoneError};
