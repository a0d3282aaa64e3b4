//! A case (办件): one application for one 事项, from draft to result. Its life is one state
//! machine (`state`), its promised time limit one clock over the working-day calendar
//! (`deadline`), and it is found by its number (`number`). Bundles (一件事) run one case per
//! item through the same machine.

mod deadline;
mod form;
pub mod item_form;
mod number;
mod result;
mod state;
mod upload;
mod views;

pub use deadline::{ClockMark, Deadline, Running, deadline};
pub use form::{
    Answers, ChoiceOption, FieldKey, FieldKind, FieldProblem, FieldSpec, FormSpec, FormStep,
    Prefill,
};
pub use number::CaseNo;
pub use result::{
    CaseResult, Certificate, Delivery, Verification, tracking_number, yields_certificate,
};
pub use state::{Actor, CaseAction, CaseState, Forbidden, next};
pub use upload::{
    FileKind, FileView, MAX_CASE_BYTES, MAX_CASE_FILES, MAX_FILE_BYTES, UploadProblem,
};
pub use views::{ActedBy, AnswerView, CaseSummary, CaseView, PartOf, TimelineEntry};
