//! What bundle pages are given: typed facts; the app words and draws them.

use super::Savings;
use crate::case::{CaseState, Deadline, FieldSpec};
use serde::{Deserialize, Serialize};

/// A bundle's tile (home, themes, search).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleEntry {
    pub code: String,
    pub name: String,
    pub summary: String,
}

/// One box of the flow chart: an item, the items it waits for, its layer (rows from the
/// top: prerequisites above) and its state once applied for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlowBox {
    pub name: String,
    pub after: Vec<usize>,
    pub layer: u32,
    pub state: Option<CaseState>,
}

/// The page before applying: what it is, what it spares, the questions that decide who may.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleIntro {
    pub entry: BundleEntry,
    pub savings: Savings,
    /// (code, name, department) in order.
    pub items: Vec<(String, String, String)>,
    pub questions: Vec<FieldSpec>,
    /// Why each question's rule turns someone away (by the same position).
    pub whys: Vec<String>,
    pub flow: Vec<FlowBox>,
    pub visits: u8,
}

/// One item of a submitted bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundlePart {
    pub case_id: i64,
    pub number: Option<String>,
    pub item_code: String,
    pub item_name: String,
    pub department_name: String,
    pub state: CaseState,
    pub deadline: Option<Deadline>,
    pub limit_days: u32,
    /// Names of the unfinished items it waits for.
    pub waiting_for: Vec<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleProgress {
    pub total: u32,
    /// Results issued.
    pub finished: u32,
    pub needs_supplement: u32,
    /// Refused, denied or withdrawn.
    pub stopped: u32,
}

/// A submitted bundle, tracked: each item, the flow chart, what to do next once finished.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleView {
    pub code: String,
    pub name: String,
    pub parts: Vec<BundlePart>,
    pub flow: Vec<FlowBox>,
    pub progress: BundleProgress,
    /// (code, name) of services offered once it is finished; empty before.
    pub follow_ups: Vec<(String, String)>,
}

impl BundleProgress {
    pub fn of(states: impl Iterator<Item = CaseState>) -> Self {
        let mut p = Self::default();
        for s in states {
            p.total += 1;
            match s {
                CaseState::Concluded | CaseState::Delivered | CaseState::PickedUp => {
                    p.finished += 1
                }
                CaseState::NeedsSupplement => p.needs_supplement += 1,
                CaseState::NotAccepted | CaseState::Denied | CaseState::Withdrawn => p.stopped += 1,
                _ => {}
            }
        }
        p
    }

    /// Nothing more will happen to any item.
    pub fn is_over(&self) -> bool {
        self.finished + self.stopped == self.total
    }

    /// How a submitted bundle reads in a list: wanting the citizen while any item does,
    /// 已办结 once every item is over and one at least was finished, else as submitted.
    pub fn state(&self) -> CaseState {
        if self.needs_supplement > 0 {
            CaseState::NeedsSupplement
        } else if self.is_over() && self.finished > 0 {
            CaseState::Concluded
        } else if self.is_over() {
            CaseState::Withdrawn
        } else {
            CaseState::Submitted
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseState::*;

    #[test]
    fn a_bundle_reads_as_its_items_stand() {
        let of = |states: &[CaseState]| BundleProgress::of(states.iter().copied());
        assert_eq!(of(&[Concluded, Waiting, Submitted]).state(), Submitted);
        assert_eq!(
            of(&[Concluded, NeedsSupplement, Waiting]).state(),
            NeedsSupplement
        );
        assert_eq!(of(&[PickedUp, Delivered, Denied]).state(), Concluded);
        assert_eq!(of(&[Withdrawn, NotAccepted]).state(), Withdrawn);
        let p = of(&[Concluded, NeedsSupplement, Denied, Waiting]);
        assert_eq!(
            (p.total, p.finished, p.needs_supplement, p.stopped),
            (4, 1, 1, 1)
        );
    }
}
