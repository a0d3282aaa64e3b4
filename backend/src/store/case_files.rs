//! What case uploads need from storage: one row per file (the bytes are in the blob store),
//! added only while the case is open to the applicant and within the case's limits — checked
//! and written in one transaction that holds the case row, so two uploads at once cannot
//! both squeeze past a limit.

use crate::Result;
use async_trait::async_trait;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CaseFileRecord {
    pub id: i64,
    pub case_id: i64,
    pub field_key: String,
    pub blob: String,
    pub kind: String,
    pub size: i64,
    pub created_at: i64,
}

pub struct NewCaseFile<'a> {
    pub case_id: i64,
    pub citizen_id: i64,
    pub field_key: &'a str,
    pub blob: &'a str,
    pub kind: &'a str,
    pub size: i64,
    pub now: i64,
    pub max_files: i64,
    pub max_bytes: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddFile {
    Added(i64),
    /// Not the citizen's case, or no longer open to their changes.
    Closed,
    TooMany,
    CaseFull,
}

#[async_trait]
pub trait CaseFileStore: Send + Sync {
    async fn add_case_file(&self, file: &NewCaseFile<'_>) -> Result<AddFile>;
    /// The case's files (not removed), oldest first.
    async fn case_files(&self, case_id: i64) -> Result<Vec<CaseFileRecord>>;
    /// Marks one of the citizen's files removed while the case is open to them; its blob name
    /// when it was.
    async fn remove_case_file(
        &self,
        case_id: i64,
        citizen_id: i64,
        file_id: i64,
        now: i64,
    ) -> Result<Option<String>>;
}
