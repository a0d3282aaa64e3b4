//! What pages show of an account: masked numbers only (the full ones stay encrypted in the
//! store), shared by the server and the browser.

use super::{Relation, StaffRole, VerifyLevel};
use serde::{Deserialize, Serialize};

/// 我的: the signed-in citizen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub phone_masked: String,
    pub name_masked: Option<String>,
    pub id_masked: Option<String>,
    /// 实名认证 done.
    pub verified: bool,
    /// Which check it passed (None until verified).
    pub verify_level: Option<VerifyLevel>,
    /// 长辈版 (large type).
    pub elder: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyMember {
    pub id: i64,
    pub name_masked: String,
    pub relation: Relation,
    /// None for a newborn not yet registered.
    pub id_masked: Option<String>,
}

/// A postal address for results sent by post; shown whole only to its owner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostalAddress {
    pub id: i64,
    pub recipient_masked: String,
    pub phone_masked: String,
    pub region: String,
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: StaffRole,
    pub hall_code: Option<String>,
    pub departments: Vec<String>,
    pub active: bool,
    /// Locked after repeated wrong passwords, until this time (seconds since 1970 UTC).
    pub locked_until: Option<i64>,
}

/// A text in the outbox (shown on the development outbox page).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub at: i64,
    pub channel: String,
    pub recipient_masked: String,
    pub body: String,
}
