//! 在线申办 and 办件进度: start an application from a guide, fill it in step by step (saved
//! on the server at every step), check it and send it, follow it; and the clerk's queue and
//! case page.

mod apply;
mod case;
mod edit;
mod progress;
mod staff;
mod track;
mod verify;

pub use apply::ApplyPage;
pub use case::CasePage;
pub use edit::CaseEditPage;
pub use progress::ProgressPage;
pub use staff::{StaffCasePage, StaffCasesPage};
pub use track::TrackPage;
pub use verify::CertificateCheckPage;

/// The number as read aloud, "20261203 483920 7".
pub(crate) fn number_text(number: &Option<String>) -> String {
    number
        .as_deref()
        .and_then(domain::case::CaseNo::parse)
        .map(|n| n.to_string())
        .unwrap_or_default()
}
