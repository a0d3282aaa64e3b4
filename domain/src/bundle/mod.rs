//! 一件事 bundles: several 事项 applied for with one joint form and run as one case per item,
//! each item starting when the items it needs are finished. A bundle is data (the catalogue
//! seed): `def` is its shape as written, `graph` the order between its items, `joint` the one
//! form built from the items' own forms, `eligibility` who may apply, `savings` what it spares
//! against applying item by item. Everything here is checked when the catalogue loads.

mod def;
mod eligibility;
mod graph;
mod joint;
mod savings;
mod views;

pub use def::{BundleDef, BundleItem, Condition, MemberFrom, Output, Rule};
pub use eligibility::{NotEligible, check_eligibility};
pub use graph::{GraphProblem, ancestors, layers, prerequisites, runnable, topological};
pub use joint::{Bundle, BundleProblem, SharedUpload};
pub use savings::Savings;
pub use views::{BundleEntry, BundleIntro, BundlePart, BundleProgress, BundleView, FlowBox};
