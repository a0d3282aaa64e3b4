//! Components by area: `layout` frames every page, `catalog` shows services and guides.

pub mod catalog;
pub mod layout;
