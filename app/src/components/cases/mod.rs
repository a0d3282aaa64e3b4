//! Pieces of the case pages: a form field drawn from its spec, the state chip with the
//! clock, and the timeline.

mod case_field;
mod state_line;
mod timeline;

pub use case_field::CaseField;
pub use state_line::StateLine;
pub use timeline::Timeline;
