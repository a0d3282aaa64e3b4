//! The staff account form fields and the staff table.

mod staff_fields;
mod staff_table;

pub use staff_fields::StaffFields;
pub use staff_table::StaffTable;
