//! The service catalogue: departments, halls and 事项 with their 办事指南 (GB/T 39046 fields).

mod code;
mod depth;
mod guide;
mod item;
pub(crate) mod lint;
mod theme;
mod time_limit;

pub use code::{CodeError, ServiceCode};
pub use depth::OnlineDepth;
pub use guide::{Department, Fee, Hall, Material, MaterialSource, Scope, ServiceFlags, Visits};
pub use item::{CaseType, ItemCategory, ServiceItem, ServiceSummary};
pub use lint::{GuideProblem, lint_guide};
pub use theme::Theme;
pub use time_limit::WorkingDays;
