//! What the account services need from storage: citizens and what they keep, sign-in codes,
//! sessions, staff, the outbox and the audit log. Records here hold personal data only
//! encrypted (`*_enc`), as blind indexes (`*_index`) or masked (`*_masked`).

use crate::Result;
use async_trait::async_trait;
use domain::{CodeCheck, OtpPolicy, SendDecision, SendRefusal};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CitizenRecord {
    pub id: i64,
    pub phone_masked: Option<String>,
    pub name_masked: Option<String>,
    pub id_masked: Option<String>,
    pub id_enc: Option<Vec<u8>>,
    pub id_index: Option<Vec<u8>>,
    pub verified_at: Option<i64>,
    pub verified_level: Option<String>,
    pub elder: bool,
    pub deleted_at: Option<i64>,
}

/// A verified identity, ready to store.
pub struct SealedIdentity {
    pub name_enc: Vec<u8>,
    pub name_masked: String,
    pub id_enc: Vec<u8>,
    pub id_index: Vec<u8>,
    pub id_masked: String,
    pub level: domain::VerifyLevel,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MemberRecord {
    pub id: i64,
    pub name_enc: Vec<u8>,
    pub name_masked: String,
    pub relation: String,
    pub id_masked: Option<String>,
    pub request_key: String,
    pub created_at: i64,
}

pub struct NewMember {
    pub citizen_id: i64,
    pub name_enc: Vec<u8>,
    pub name_masked: String,
    pub relation: &'static str,
    pub id_enc: Option<Vec<u8>>,
    pub id_index: Option<Vec<u8>>,
    pub id_masked: Option<String>,
    pub request_key: String,
    pub created_at: i64,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AddressRecord {
    pub id: i64,
    pub recipient_masked: String,
    pub phone_masked: String,
    pub region: String,
    pub detail_enc: Vec<u8>,
}

pub struct NewAddress {
    pub citizen_id: i64,
    pub recipient_enc: Vec<u8>,
    pub recipient_masked: String,
    pub phone_enc: Vec<u8>,
    pub phone_masked: String,
    pub region: String,
    pub detail_enc: Vec<u8>,
    pub request_key: String,
    pub created_at: i64,
}

/// Adding a record that must be unique per citizen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Added {
    /// The new record's id (or the earlier one's, when the same form came again).
    Id(i64),
    /// Another record already holds the unique value (an ID number).
    Duplicate,
}

#[async_trait]
pub trait CitizenStore: Send + Sync {
    /// The live citizen with this phone, created if there is none: signing in is signing up.
    async fn citizen_for_phone(
        &self,
        phone_index: &[u8],
        phone_enc: &[u8],
        phone_masked: &str,
        now: i64,
    ) -> Result<i64>;
    async fn citizen(&self, id: i64) -> Result<Option<CitizenRecord>>;
    /// Stores a verified identity on an unverified account; `Duplicate` when another account
    /// holds the ID number.
    async fn set_identity(&self, id: i64, identity: &SealedIdentity, now: i64) -> Result<Added>;
    async fn set_elder(&self, id: i64, elder: bool) -> Result<()>;
    /// Removes the personal data, family, addresses and sessions; the row stays, anonymous.
    async fn erase_citizen(&self, id: i64, now: i64) -> Result<()>;

    async fn family(&self, citizen_id: i64) -> Result<Vec<MemberRecord>>;
    /// Only the citizen's own members are found.
    async fn family_member(&self, citizen_id: i64, member_id: i64) -> Result<Option<MemberRecord>>;
    async fn add_family_member(&self, member: &NewMember) -> Result<Added>;
    async fn remove_family_member(&self, citizen_id: i64, member_id: i64) -> Result<bool>;

    async fn addresses(&self, citizen_id: i64) -> Result<Vec<AddressRecord>>;
    async fn add_address(&self, address: &NewAddress) -> Result<Added>;
    async fn remove_address(&self, citizen_id: i64, address_id: i64) -> Result<bool>;

    /// Under a lock on the number's row: decides by `policy` whether to send, and if so stores
    /// the new code's hash. Several processes sharing one database see one decision.
    async fn otp_send(
        &self,
        phone_index: &[u8],
        code_hash: &[u8],
        send_key: &str,
        policy: &OtpPolicy,
        now: i64,
    ) -> Result<Result<SendDecision, SendRefusal>>;
    /// Under the same lock: checks a typed code's hash and counts the try.
    async fn otp_check(
        &self,
        phone_index: &[u8],
        code_hash: &[u8],
        policy: &OtpPolicy,
        now: i64,
    ) -> Result<CodeCheck>;
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SessionRecord {
    pub kind: String,
    pub subject_id: i64,
    pub created_at: i64,
    pub seen_at: i64,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OutboxRecord {
    pub id: i64,
    pub created_at: i64,
    pub channel: String,
    pub recipient_masked: String,
    pub body: String,
}

pub struct NewOutbox {
    pub channel: &'static str,
    pub recipient_enc: Vec<u8>,
    pub recipient_index: Vec<u8>,
    pub recipient_masked: String,
    pub body: String,
    pub created_at: i64,
    /// When the text may be deleted (a sign-in code once it has expired); None: kept.
    pub purge_at: Option<i64>,
}

/// One line of the audit log.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditRecord {
    pub at: i64,
    pub actor_kind: String,
    pub actor_id: Option<i64>,
    pub on_behalf_of: Option<i64>,
    pub action: String,
    pub record_kind: Option<String>,
    pub record_id: Option<i64>,
    pub ip: Option<String>,
}

#[async_trait]
pub trait AccessStore: Send + Sync {
    async fn create_session(
        &self,
        token_hash: &[u8],
        kind: &str,
        subject: i64,
        now: i64,
    ) -> Result<()>;
    async fn session(&self, token_hash: &[u8]) -> Result<Option<SessionRecord>>;
    async fn touch_session(&self, token_hash: &[u8], now: i64) -> Result<()>;
    async fn end_session(&self, token_hash: &[u8]) -> Result<()>;
    async fn end_sessions_of(&self, kind: &str, subject: i64) -> Result<()>;
    /// Deletes sessions of `kind` last seen before `seen_before` or opened before
    /// `opened_before` (dead by the policy anyway); how many went.
    async fn sweep_sessions(&self, kind: &str, seen_before: i64, opened_before: i64)
    -> Result<u64>;

    async fn push_outbox(&self, message: &NewOutbox) -> Result<i64>;
    /// Deletes texts whose `purge_at` has passed; how many went.
    async fn purge_outbox(&self, now: i64) -> Result<u64>;
    /// Newest first; only messages to `recipient_index` when given.
    async fn outbox(&self, recipient_index: Option<&[u8]>, limit: u32)
    -> Result<Vec<OutboxRecord>>;

    async fn audit(&self, entry: &AuditRecord) -> Result<()>;
    /// Newest first, for the actor when given.
    async fn audit_trail(&self, actor: Option<(&str, i64)>, limit: u32)
    -> Result<Vec<AuditRecord>>;
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StaffRecord {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: String,
    pub hall_code: Option<String>,
    pub active: bool,
    pub failures: i64,
    pub locked_until: Option<i64>,
    #[sqlx(skip)]
    pub departments: Vec<String>,
}

pub struct NewStaff {
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: &'static str,
    pub hall_code: Option<String>,
    pub departments: Vec<String>,
    pub created_at: i64,
}

pub struct StaffChange {
    pub display_name: String,
    pub role: &'static str,
    pub hall_code: Option<String>,
    pub departments: Vec<String>,
    pub active: bool,
}

#[async_trait]
pub trait StaffStore: Send + Sync {
    async fn staff_count(&self) -> Result<i64>;
    /// `Duplicate` when the username is taken.
    async fn create_staff(&self, staff: &NewStaff) -> Result<Added>;
    async fn staff_by_username(&self, username: &str) -> Result<Option<StaffRecord>>;
    async fn staff_member(&self, id: i64) -> Result<Option<StaffRecord>>;
    async fn all_staff(&self) -> Result<Vec<StaffRecord>>;
    async fn update_staff(&self, id: i64, change: &StaffChange) -> Result<bool>;
    async fn set_staff_password(&self, id: i64, password_hash: &str) -> Result<bool>;
    /// Counts one password attempt before the password is checked, in one statement, so
    /// parallel guesses cannot pass the limit: false when the account is locked at `now`.
    /// The attempt that reaches the limit locks the account until `lock_until`.
    async fn begin_staff_attempt(
        &self,
        id: i64,
        now: i64,
        max_failures: i64,
        lock_until: i64,
    ) -> Result<bool>;
    /// A right password: the count starts again and any lock ends.
    async fn staff_attempt_succeeded(&self, id: i64) -> Result<()>;
}
