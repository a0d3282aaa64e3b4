//! A case's uploaded materials: taken only for an upload field of the case's form, only while
//! the case waits on the applicant, within the per-file and per-case limits; served only to
//! the applicant and to staff who may see the case.

use super::CaseService;
use super::uploads::{Staged, Stop};
use crate::blobs::BlobReader;
use crate::store::{AddFile, CaseFileRecord, CaseRecord, NewCaseFile};
use crate::{Error, Result};
use domain::case::{
    FieldKey, FieldKind, FieldProblem, FileKind, FileView, FormSpec, MAX_CASE_BYTES,
    MAX_CASE_FILES, UploadProblem,
};
use domain::{Invalid, Refusal, StaffMember};

/// A stored file, ready to stream out.
pub struct FileOut {
    pub kind: FileKind,
    pub size: u64,
    pub body: BlobReader,
}

impl CaseService {
    /// Where uploads are received and kept.
    pub fn blobs(&self) -> &std::sync::Arc<dyn crate::blobs::BlobStore> {
        &self.blobs
    }

    /// May the citizen upload for `key` now? Asked before the file is read, so that a
    /// refusal costs no upload.
    pub async fn may_upload(&self, citizen_id: i64, case_id: i64, key: &str) -> Result<()> {
        let record = self.own(citizen_id, case_id).await?;
        self.check_upload(&record, key).await
    }

    async fn check_upload(&self, record: &CaseRecord, key: &str) -> Result<()> {
        if !self.state(record)?.awaits_citizen() {
            return Err(Refusal::CaseClosedForChanges.into());
        }
        let is_upload = self
            .form_of(record)
            .await?
            .fields()
            .any(|f| f.key.as_str() == key && f.kind == FieldKind::File);
        if !is_upload {
            return Err(Invalid::Upload(UploadProblem::UnknownField).into());
        }
        Ok(())
    }

    /// Keeps a received file for the case's field `key`: cleaned of its metadata, put in the
    /// blob store, recorded. On any refusal nothing is kept and the draft is as it was.
    pub async fn attach(
        &self,
        citizen_id: i64,
        case_id: i64,
        key: &str,
        staged: Staged,
    ) -> Result<i64> {
        let record = self.own(citizen_id, case_id).await?;
        self.check_upload(&record, key).await?;
        let clean = staged
            .scrubbed(self.blobs.staging_path())
            .await
            .map_err(stop_error)?;
        let (kind, size) = (clean.kind, clean.size);
        let blob = self.blobs.put(&clean.take_path()).await?;
        let added = self
            .store
            .add_case_file(&NewCaseFile {
                case_id,
                citizen_id,
                field_key: key,
                blob: &blob,
                kind: kind.as_str(),
                size: i64::try_from(size).unwrap_or(i64::MAX),
                now: self.clock.now(),
                max_files: i64::from(MAX_CASE_FILES),
                max_bytes: i64::try_from(MAX_CASE_BYTES).unwrap_or(i64::MAX),
            })
            .await;
        let refused: Error = match added {
            Ok(AddFile::Added(id)) => return Ok(id),
            Ok(AddFile::Closed) => Refusal::CaseClosedForChanges.into(),
            Ok(AddFile::TooMany) => Invalid::Upload(UploadProblem::too_many()).into(),
            Ok(AddFile::CaseFull) => Invalid::Upload(UploadProblem::case_full()).into(),
            Err(e) => e,
        };
        if let Err(e) = self.blobs.remove(&blob).await {
            tracing::warn!(error = %e, "refused upload's blob not removed");
        }
        Err(refused)
    }

    /// Removes one of the citizen's files while the case waits on them.
    pub async fn remove_file(&self, citizen_id: i64, case_id: i64, file_id: i64) -> Result<()> {
        let record = self.own(citizen_id, case_id).await?;
        if !self.state(&record)?.awaits_citizen() {
            return Err(Refusal::CaseClosedForChanges.into());
        }
        let blob = self
            .store
            .remove_case_file(case_id, citizen_id, file_id, self.clock.now())
            .await?
            .ok_or(Error::NotFound)?;
        // The row stays (removed) for the audit trail; the bytes go.
        self.blobs.remove(&blob).await
    }

    /// One of the citizen's own files.
    pub async fn my_file(&self, citizen_id: i64, case_id: i64, file_id: i64) -> Result<FileOut> {
        self.own(citizen_id, case_id).await?;
        self.file_out(case_id, file_id).await
    }

    /// A file of a case the staff member may see (never of a draft).
    pub async fn staff_file(
        &self,
        staff: &StaffMember,
        case_id: i64,
        file_id: i64,
    ) -> Result<FileOut> {
        self.staff_record(staff, case_id).await?;
        self.file_out(case_id, file_id).await
    }

    async fn file_out(&self, case_id: i64, file_id: i64) -> Result<FileOut> {
        let file = self
            .store
            .case_files(case_id)
            .await?
            .into_iter()
            .find(|f| f.id == file_id)
            .ok_or(Error::NotFound)?;
        let kind = FileKind::parse(&file.kind)
            .ok_or_else(|| Error::Corrupt(format!("file kind {}", file.kind)))?;
        let body = self
            .blobs
            .open(&file.blob)
            .await?
            .ok_or_else(|| Error::Storage(format!("blob of case file {file_id} missing")))?;
        Ok(FileOut {
            kind,
            size: u64::try_from(file.size).unwrap_or(0),
            body,
        })
    }

    /// Required uploads without a file, as form problems (checked at submission).
    pub(super) fn missing_uploads(
        form: &FormSpec,
        files: &[CaseFileRecord],
    ) -> Vec<(FieldKey, FieldProblem)> {
        form.fields()
            .filter(|f| f.kind == FieldKind::File && f.required)
            .filter(|f| !files.iter().any(|x| x.field_key == f.key.as_str()))
            .map(|f| (f.key.clone(), FieldProblem::NoFile))
            .collect()
    }
}

pub(super) fn file_views(files: &[CaseFileRecord]) -> Vec<FileView> {
    files
        .iter()
        .filter_map(|f| {
            Some(FileView {
                id: f.id,
                key: f.field_key.clone(),
                kind: FileKind::parse(&f.kind)?,
                size: u64::try_from(f.size).ok()?,
                at: f.created_at,
            })
        })
        .collect()
}

fn stop_error(stop: Stop) -> Error {
    match stop {
        Stop::Problem(p) => Invalid::Upload(p).into(),
        Stop::Failed(e) => e,
    }
}
