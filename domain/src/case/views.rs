//! What case pages are given: typed states and facts; the app words them.

use super::{CaseAction, CaseResult, CaseState, Deadline, Delivery, FieldSpec, FileView, FormSpec};
use crate::booking::ForWhom;
use crate::bundle::{BundleProgress, BundleView};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: i64,
    /// Given at submission; a draft has none.
    pub number: Option<String>,
    pub item_code: String,
    pub item_name: String,
    pub department_name: String,
    pub state: CaseState,
    pub for_whom: ForWhom,
    pub updated_at: i64,
    /// The promised limit's clock, from 受理 on.
    pub deadline: Option<Deadline>,
    /// The promised limit in working days (0: 即办).
    pub limit_days: u32,
    /// A submitted 一件事: how its items stand.
    pub bundle: Option<BundleProgress>,
}

/// Who moved the case, as the citizen sees it: the clerk's name stays in the audit trail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActedBy {
    Applicant,
    Clerk {
        department_name: String,
    },
    Approver {
        department_name: String,
    },
    /// The 一件事 itself: the items it waited for are finished.
    Bundle,
}

/// A case that is one item of a 一件事.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartOf {
    pub bundle_name: String,
    /// The bundle application (the citizen's tracking page).
    pub parent_id: i64,
    /// Names of the unfinished items it waits for.
    pub waiting_for: Vec<String>,
    /// What the department records when it finishes this item (fed to later items).
    pub outputs: Vec<FieldSpec>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub at: i64,
    pub action: CaseAction,
    pub state: CaseState,
    pub by: ActedBy,
    /// The reason given (a supplement asked, a refusal).
    pub note: Option<String>,
    /// The materials or answers a supplement asks for: (field key, label).
    pub wanted: Vec<(String, String)>,
}

/// One answer as shown back: ID and phone numbers masked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerView {
    pub key: String,
    pub label: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseView {
    pub summary: CaseSummary,
    pub form: FormSpec,
    /// The form's current step (for a draft being filled in).
    pub step: u32,
    pub answers: Vec<AnswerView>,
    /// Uploaded materials, by field.
    pub files: Vec<FileView>,
    /// How the applicant asked for the result.
    pub delivery: Delivery,
    /// How the result comes, once issued (the pickup code only on the applicant's view).
    pub result: Option<CaseResult>,
    pub timeline: Vec<TimelineEntry>,
    /// A bundle application once submitted: its items and flow chart.
    pub bundle: Option<BundleView>,
    /// A bundle's item: which bundle, what it waits for.
    pub part_of: Option<PartOf>,
}
