//! Form parts that look and behave the same everywhere: a label above each field, a hint
//! below it, the error announced at the top of the form, and what was typed kept.

mod field;
mod form_error;

pub use field::{Hidden, SelectField, TextField};
pub use form_error::FormError;
