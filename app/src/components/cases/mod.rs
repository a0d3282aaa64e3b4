//! Pieces of the case pages: a form field drawn from its spec, the state chip with the
//! clock, the timeline, a material's uploads, and a 一件事's flow chart.

mod bundle_track;
mod case_field;
mod draft_keeper;
mod flow_chart;
mod state_line;
mod timeline;
mod uploads;

pub use bundle_track::BundleTrack;
pub use case_field::CaseField;
pub use draft_keeper::DraftKeeper;
pub use flow_chart::FlowChart;
pub use state_line::StateLine;
pub use timeline::Timeline;
pub use uploads::{UploadField, file_text};
