//! Where uploaded files live. The service sees only this trait: files under a directory by
//! default (random names, outside the site root), an object store later. An upload is first
//! streamed into the store's staging area, then checked and cleaned, then put in.

use crate::{Error, Result};
use async_trait::async_trait;
use std::path::{Path, PathBuf};
use tokio::io::AsyncRead;

pub type BlobReader = Box<dyn AsyncRead + Send + Unpin>;

#[async_trait]
pub trait BlobStore: Send + Sync {
    /// A new, unused path in the staging area for a file being received.
    fn staging_path(&self) -> PathBuf;
    /// Takes a finished staged file in (moved, not copied) and names it.
    async fn put(&self, staged: &Path) -> Result<String>;
    /// The stored file, to stream out; None if it is gone.
    async fn open(&self, name: &str) -> Result<Option<BlobReader>>;
    async fn remove(&self, name: &str) -> Result<()>;
}

/// Files in `root/files`, staged in `root/staging` (one filesystem, so taking a file in is a
/// rename). Names are 26 random letters: nothing about the citizen or the file.
pub struct DirBlobs {
    files: PathBuf,
    staging: PathBuf,
}

impl DirBlobs {
    pub fn open_dir(root: &Path) -> Result<Self> {
        let files = root.join("files");
        let staging = root.join("staging");
        for dir in [&files, &staging] {
            std::fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
        }
        // Whatever was being received when the process stopped is not coming back.
        if let Ok(entries) = std::fs::read_dir(&staging) {
            for entry in entries.flatten() {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        Ok(Self { files, staging })
    }

    fn path_of(&self, name: &str) -> Option<PathBuf> {
        (name.len() == 26 && name.bytes().all(|b| b.is_ascii_lowercase()))
            .then(|| self.files.join(name))
    }
}

/// 26 random lower-case letters (about 122 bits). Letters only: a hex name stored in the
/// database would now and then hold a run of digits that reads like a phone number, and the
/// personal-data scan of the database rightly cannot tell.
pub(crate) fn random_name() -> String {
    let mut name = String::with_capacity(26);
    for _ in 0..2 {
        // 26^13 < 2^64: thirteen letters from each draw.
        let mut n = crate::random::u64();
        for _ in 0..13 {
            name.push(char::from(b'a' + (n % 26) as u8));
            n /= 26;
        }
    }
    name
}

fn io_error(path: &Path, e: &std::io::Error) -> Error {
    Error::Storage(format!("{}: {e}", path.display()))
}

#[async_trait]
impl BlobStore for DirBlobs {
    fn staging_path(&self) -> PathBuf {
        self.staging.join(random_name())
    }

    async fn put(&self, staged: &Path) -> Result<String> {
        let name = random_name();
        let to = self.files.join(&name);
        tokio::fs::rename(staged, &to)
            .await
            .map_err(|e| io_error(&to, &e))?;
        Ok(name)
    }

    async fn open(&self, name: &str) -> Result<Option<BlobReader>> {
        let Some(path) = self.path_of(name) else {
            return Ok(None);
        };
        match tokio::fs::File::open(&path).await {
            Ok(file) => Ok(Some(Box::new(file))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io_error(&path, &e)),
        }
    }

    async fn remove(&self, name: &str) -> Result<()> {
        let Some(path) = self.path_of(name) else {
            return Ok(());
        };
        match tokio::fs::remove_file(&path).await {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io_error(&path, &e)),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_are_letters_only_and_differ() {
        let a = super::random_name();
        let b = super::random_name();
        assert_eq!(a.len(), 26);
        assert!(a.bytes().all(|c| c.is_ascii_lowercase()), "{a}");
        assert_ne!(a, b);
    }
}
