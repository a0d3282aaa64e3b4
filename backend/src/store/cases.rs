//! What the case service needs from storage. A transition is one conditional update (the case
//! moves only from the state the service saw, so two clerks acting at once move it once)
//! with its event in the same transaction.

use crate::Result;
use async_trait::async_trait;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CaseRecord {
    pub id: i64,
    pub number: Option<String>,
    pub citizen_id: i64,
    pub member_id: Option<i64>,
    pub item_code: String,
    pub department_code: String,
    pub state: String,
    pub step: i64,
    pub answers_enc: Vec<u8>,
    pub limit_days: i64,
    pub immediate: bool,
    pub created_at: i64,
    pub updated_at: i64,
    pub submitted_at: Option<i64>,
    pub pickup_code: Option<String>,
    pub tracking_no: Option<String>,
    /// Set on a bundle application (the joint form): the bundle's code.
    pub bundle_code: Option<String>,
    /// Set on a bundle's item case: the bundle application.
    pub parent_id: Option<i64>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CaseEventRecord {
    pub id: i64,
    pub case_id: i64,
    pub at: i64,
    pub action: String,
    pub from_state: String,
    pub to_state: String,
    pub actor_kind: String,
    pub actor_id: i64,
    pub department_code: Option<String>,
    pub note: Option<String>,
    /// Field keys a supplement asks for, space-separated.
    pub wanted: Option<String>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CertificateRecord {
    pub code: String,
    pub case_id: i64,
    /// `Certificate::canonical`, as signed.
    pub content: String,
    pub signature: Vec<u8>,
    pub issued_at: i64,
    pub revoked_at: Option<i64>,
}

pub struct NewCertificate<'a> {
    pub code: &'a str,
    pub content: &'a str,
    pub signature: &'a [u8],
}

pub struct NewDraft<'a> {
    pub citizen_id: i64,
    pub member_id: Option<i64>,
    pub item_code: &'a str,
    pub department_code: &'a str,
    pub answers_enc: &'a [u8],
    pub limit_days: i64,
    pub immediate: bool,
    pub request_key: &'a str,
    pub now: i64,
    /// A bundle application's bundle.
    pub bundle_code: Option<&'a str>,
}

/// One item case made when a bundle is submitted.
pub struct NewPart<'a> {
    pub item_code: &'a str,
    pub department_code: &'a str,
    /// `submitted`, or `waiting` for its prerequisites.
    pub state: &'a str,
    pub number: &'a str,
    pub answers_enc: Vec<u8>,
    pub limit_days: i64,
    pub immediate: bool,
    pub request_key: String,
    /// Uploads copied from the bundle application: (this item's field key, the joint key).
    pub files: Vec<(&'a str, &'a str)>,
}

/// One move of a case, as the service decided it.
pub struct Transition<'a> {
    pub case_id: i64,
    pub from: &'a str,
    pub to: &'a str,
    pub action: &'a str,
    /// `citizen` or `staff`, and their id.
    pub actor_kind: &'a str,
    pub actor_id: i64,
    /// The acting clerk's department, shown on the timeline.
    pub department_code: Option<&'a str>,
    pub note: Option<&'a str>,
    pub at: i64,
    /// Given to the case at submission (kept if it has one).
    pub number: Option<&'a str>,
    /// What a supplement asks for (field keys, space-separated).
    pub wanted: Option<&'a str>,
    /// Set when the result is issued (kept once set).
    pub pickup_code: Option<&'a str>,
    pub tracking_no: Option<&'a str>,
    /// Issued with the move, in the same transaction.
    pub certificate: Option<NewCertificate<'a>>,
    /// Replaces the answers (a bundle item given its outputs, or the facts fed to it).
    pub answers_enc: Option<&'a [u8]>,
    /// Sets the family member applied for (the newborn, once registered).
    pub member_id: Option<i64>,
    /// A bundle's submission: its item cases, made in the same transaction.
    pub parts: Vec<NewPart<'a>>,
}

impl<'a> Transition<'a> {
    /// A move by the citizen that changes nothing but the state; callers set what differs.
    pub fn new(case_id: i64, from: &'a str, to: &'a str, action: &'a str, at: i64) -> Self {
        Self {
            case_id,
            from,
            to,
            action,
            actor_kind: "citizen",
            actor_id: 0,
            department_code: None,
            note: None,
            at,
            number: None,
            wanted: None,
            pickup_code: None,
            tracking_no: None,
            certificate: None,
            answers_enc: None,
            member_id: None,
            parts: Vec::new(),
        }
    }
}

#[async_trait]
pub trait CaseStore: Send + Sync {
    /// A new draft, or the one this citizen's form with `request_key` made before.
    async fn create_draft(&self, draft: &NewDraft<'_>) -> Result<CaseRecord>;
    /// Saves a draft's answers and step; false unless the case is the citizen's and still
    /// open to the citizen's changes (a draft, or waiting for a supplement).
    async fn save_answers(
        &self,
        case_id: i64,
        citizen_id: i64,
        answers_enc: &[u8],
        step: i64,
        now: i64,
    ) -> Result<bool>;
    async fn case_by_id(&self, id: i64) -> Result<Option<CaseRecord>>;
    async fn case_by_number(&self, number: &str) -> Result<Option<CaseRecord>>;
    /// The citizen's cases, newest change first.
    async fn cases_of(&self, citizen_id: i64) -> Result<Vec<CaseRecord>>;
    /// Cases in `states` of `departments` (every department when empty), of one 事项 when
    /// `item` is given, oldest first.
    async fn case_queue(
        &self,
        departments: &[String],
        states: &[&str],
        item: Option<&str>,
        limit: u32,
    ) -> Result<Vec<CaseRecord>>;
    async fn case_events(&self, case_id: i64) -> Result<Vec<CaseEventRecord>>;
    /// The events of many cases in one query (a list page), by case then in order.
    async fn case_events_of(&self, case_ids: &[i64]) -> Result<Vec<CaseEventRecord>>;
    /// Family members by id, in one query (the applicant-for lines of a list page).
    async fn members_by_id(&self, ids: &[i64]) -> Result<Vec<crate::store::MemberRecord>>;
    /// Moves the case if it is still in `from`; false when it had moved on. A number already
    /// taken fails with a unique violation (the service draws another).
    async fn transition(&self, t: &Transition<'_>) -> Result<bool>;
    /// The item cases of bundle applications, by bundle then in order.
    async fn bundle_parts(&self, parent_ids: &[i64]) -> Result<Vec<CaseRecord>>;
    /// Bundle applications with an item still waiting for its prerequisites.
    async fn bundles_waiting(&self) -> Result<Vec<i64>>;
    async fn certificate_by_code(&self, code: &str) -> Result<Option<CertificateRecord>>;
    async fn certificate_of(&self, case_id: i64) -> Result<Option<CertificateRecord>>;
}
