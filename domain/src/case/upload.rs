//! Uploaded materials: what a file is (judged by its first bytes, never by its name or the
//! type the browser declares), the limits, and why an upload was turned away.

use serde::{Deserialize, Serialize};

/// One file at most this big: a phone photo of a document, or a scanned PDF.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// All of a case's files together.
pub const MAX_CASE_BYTES: u64 = 40 * 1024 * 1024;
pub const MAX_CASE_FILES: u32 = 20;

/// The kinds taken. Anything else — a renamed executable, an HTML page, a HEIC the phone did
/// not convert — is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FileKind {
    Jpeg,
    Png,
    Pdf,
}

impl FileKind {
    /// Bytes needed to tell the kinds apart.
    pub const SNIFF_LEN: usize = 8;

    /// What the file's first bytes say it is.
    pub fn sniff(head: &[u8]) -> Option<Self> {
        if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Self::Jpeg)
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else if head.starts_with(b"%PDF-") {
            Some(Self::Pdf)
        } else {
            None
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Jpeg => "jpeg",
            Self::Png => "png",
            Self::Pdf => "pdf",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Jpeg, Self::Png, Self::Pdf]
            .into_iter()
            .find(|k| k.as_str() == text)
    }

    pub fn mime(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Pdf => "application/pdf",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::Pdf => "pdf",
        }
    }
}

/// Why a file was not taken. The draft is untouched in every case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UploadProblem {
    /// No file chosen, or an empty one.
    Empty,
    /// Not a JPEG, PNG or PDF by its content.
    NotAllowedType,
    /// Bigger than `MAX_FILE_BYTES`.
    TooBig { max_mb: u32 },
    /// The case's files would pass `MAX_CASE_BYTES`.
    CaseFull { max_mb: u32 },
    /// The case has `MAX_CASE_FILES` already.
    TooMany { max: u32 },
    /// The upload broke off before the end.
    Interrupted,
    /// The field is not an upload of this case's form.
    UnknownField,
}

impl UploadProblem {
    pub fn too_big() -> Self {
        Self::TooBig {
            max_mb: (MAX_FILE_BYTES / (1024 * 1024)) as u32,
        }
    }

    pub fn case_full() -> Self {
        Self::CaseFull {
            max_mb: (MAX_CASE_BYTES / (1024 * 1024)) as u32,
        }
    }

    pub fn too_many() -> Self {
        Self::TooMany {
            max: MAX_CASE_FILES,
        }
    }

    /// A stable code for a redirect's query (`?upload=too_big`), read back by `parse`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Empty => "empty",
            Self::NotAllowedType => "type",
            Self::TooBig { .. } => "too_big",
            Self::CaseFull { .. } => "case_full",
            Self::TooMany { .. } => "too_many",
            Self::Interrupted => "interrupted",
            Self::UnknownField => "field",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [
            Self::Empty,
            Self::NotAllowedType,
            Self::too_big(),
            Self::case_full(),
            Self::too_many(),
            Self::Interrupted,
            Self::UnknownField,
        ]
        .into_iter()
        .find(|p| p.code() == code)
    }
}

/// An uploaded file as pages show it: never its original name (names carry personal data).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileView {
    pub id: i64,
    /// The form field (material) it was uploaded for.
    pub key: String,
    pub kind: FileKind,
    pub size: u64,
    pub at: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_by_content() {
        assert_eq!(
            FileKind::sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]),
            Some(FileKind::Jpeg)
        );
        assert_eq!(
            FileKind::sniff(b"\x89PNG\r\n\x1a\n\0\0"),
            Some(FileKind::Png)
        );
        assert_eq!(FileKind::sniff(b"%PDF-1.7\n"), Some(FileKind::Pdf));
        // A page or a program renamed to .jpg is still what it is.
        assert_eq!(FileKind::sniff(b"<html><script>"), None);
        assert_eq!(FileKind::sniff(b"MZ\x90\0\x03\0\0\0"), None);
        assert_eq!(FileKind::sniff(b""), None);
        assert_eq!(FileKind::sniff(&[0xFF, 0xD8]), None);
    }

    #[test]
    fn codes_read_back() {
        for p in [
            UploadProblem::Empty,
            UploadProblem::NotAllowedType,
            UploadProblem::too_big(),
            UploadProblem::case_full(),
            UploadProblem::too_many(),
            UploadProblem::Interrupted,
            UploadProblem::UnknownField,
        ] {
            assert_eq!(UploadProblem::parse(p.code()), Some(p));
        }
        for k in [FileKind::Jpeg, FileKind::Png, FileKind::Pdf] {
            assert_eq!(FileKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(UploadProblem::parse("other"), None);
    }
}
