//! Components by area: `layout` frames every page, `catalog` shows services and guides,
//! `forms` are the parts every form is built from, `staff` the staff account parts.

pub mod catalog;
pub mod forms;
pub mod layout;
pub mod staff;
