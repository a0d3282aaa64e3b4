//! Components by area: `layout` frames every page, `catalog` shows services and guides,
//! `forms` are the parts every form is built from, `cases` the case pages' parts, `staff` the
//! staff account parts.

pub mod cases;
pub mod catalog;
pub mod forms;
pub mod layout;
pub mod staff;
