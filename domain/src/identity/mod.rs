//! Who a citizen is: the resident ID number (GB 11643), the mainland mobile number and the
//! name as on the ID card, each parsed once, and the masked forms that are all a page or a
//! log may show.

mod id_number;
mod mask;
mod person_name;
mod phone;
mod typed;

pub use id_number::{IdError, IdNumber, Sex};
pub use mask::mask_middle;
pub use person_name::{NameError, PersonName};
pub use phone::{Phone, PhoneError};
pub use typed::plain_number;
