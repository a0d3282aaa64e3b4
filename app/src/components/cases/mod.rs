//! Pieces of the case pages: a form field drawn from its spec, the state chip with the
//! clock, the timeline, and a material's uploads.

mod case_field;
mod draft_keeper;
mod state_line;
mod timeline;
mod uploads;

pub use case_field::CaseField;
pub use draft_keeper::DraftKeeper;
pub use state_line::StateLine;
pub use timeline::Timeline;
pub use uploads::{UploadField, file_text};
