//! Receiving a file: streamed to the staging area chunk by chunk (never whole in memory),
//! refused as soon as its first bytes or its size say no, then copied once more without the
//! metadata a photo carries (EXIF: the place it was taken, the phone, the time).

use crate::blobs::BlobStore;
use crate::{Error, Result};
use domain::case::{FileKind, MAX_FILE_BYTES, UploadProblem};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use tokio::io::AsyncWriteExt;

/// A file being received. Dropped before `finish`, its staged bytes are deleted.
pub struct Receiving {
    path: PathBuf,
    file: Option<tokio::io::BufWriter<tokio::fs::File>>,
    size: u64,
    head: Vec<u8>,
    kind: Option<FileKind>,
}

/// A whole file in the staging area, of a kind taken. Deleted when dropped unless put in.
pub struct Staged {
    pub(crate) path: PathBuf,
    pub kind: FileKind,
    pub size: u64,
}

/// Why receiving stopped: a problem of the file, or of the machine.
#[derive(Debug)]
pub enum Stop {
    Problem(UploadProblem),
    Failed(Error),
}

impl From<UploadProblem> for Stop {
    fn from(p: UploadProblem) -> Self {
        Self::Problem(p)
    }
}

impl Receiving {
    pub async fn begin(blobs: &dyn BlobStore) -> Result<Self> {
        let path = blobs.staging_path();
        let file = tokio::fs::File::create(&path)
            .await
            .map_err(|e| Error::Storage(e.to_string()))?;
        Ok(Self {
            path,
            file: Some(tokio::io::BufWriter::new(file)),
            size: 0,
            head: Vec::with_capacity(FileKind::SNIFF_LEN),
            kind: None,
        })
    }

    pub async fn push(&mut self, chunk: &[u8]) -> std::result::Result<(), Stop> {
        self.size += chunk.len() as u64;
        if self.size > MAX_FILE_BYTES {
            return Err(UploadProblem::too_big().into());
        }
        if self.kind.is_none() {
            let want = FileKind::SNIFF_LEN - self.head.len();
            self.head.extend_from_slice(&chunk[..want.min(chunk.len())]);
            if self.head.len() == FileKind::SNIFF_LEN {
                self.kind = Some(FileKind::sniff(&self.head).ok_or(UploadProblem::NotAllowedType)?);
            }
        }
        let file = self.file.as_mut().ok_or(UploadProblem::Interrupted)?;
        file.write_all(chunk)
            .await
            .map_err(|e| Stop::Failed(Error::Storage(e.to_string())))
    }

    /// The file is complete: a kind taken, and not empty.
    pub async fn finish(mut self) -> std::result::Result<Staged, Stop> {
        if self.size == 0 {
            return Err(UploadProblem::Empty.into());
        }
        let kind = match self.kind {
            Some(kind) => kind,
            None => FileKind::sniff(&self.head).ok_or(UploadProblem::NotAllowedType)?,
        };
        if let Some(mut file) = self.file.take() {
            file.flush()
                .await
                .map_err(|e| Stop::Failed(Error::Storage(e.to_string())))?;
        }
        Ok(Staged {
            path: std::mem::take(&mut self.path),
            kind,
            size: self.size,
        })
    }
}

impl Drop for Receiving {
    fn drop(&mut self) {
        if !self.path.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.path.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

impl Staged {
    /// The same file without its metadata, staged beside it. A photo that does not parse is
    /// refused: what cannot be cleaned is not kept.
    pub(crate) async fn scrubbed(self, to: PathBuf) -> std::result::Result<Staged, Stop> {
        let kind = self.kind;
        let from = self.path.clone();
        let out = to.clone();
        let done = tokio::task::spawn_blocking(move || scrub_file(kind, &from, &out))
            .await
            .map_err(|e| Stop::Failed(Error::Storage(e.to_string())))?;
        let mut cleaned = Staged {
            path: to,
            kind,
            size: 0,
        };
        match done {
            Ok(size) => {
                cleaned.size = size;
                Ok(cleaned)
            }
            // Malformed or cut short: a file we cannot read through is not a photo we take.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof
                ) =>
            {
                Err(UploadProblem::NotAllowedType.into())
            }
            Err(e) => Err(Stop::Failed(Error::Storage(e.to_string()))),
        }
    }

    /// Hands the path over (to the blob store); the file is no longer deleted on drop.
    pub(crate) fn take_path(mut self) -> PathBuf {
        std::mem::take(&mut self.path)
    }
}

fn scrub_file(kind: FileKind, from: &Path, to: &Path) -> io::Result<u64> {
    let mut input = BufReader::new(std::fs::File::open(from)?);
    let mut output = CountingWriter::new(BufWriter::new(std::fs::File::create(to)?));
    match kind {
        FileKind::Jpeg => scrub_jpeg(&mut input, &mut output)?,
        FileKind::Png => scrub_png(&mut input, &mut output)?,
        // A PDF's metadata cannot be removed without rewriting it; it is kept as sent.
        FileKind::Pdf => {
            io::copy(&mut input, &mut output)?;
        }
    }
    output.inner.flush()?;
    Ok(output.count)
}

struct CountingWriter<W> {
    inner: W,
    count: u64,
}

impl<W: Write> CountingWriter<W> {
    fn new(inner: W) -> Self {
        Self { inner, count: 0 }
    }
}

impl<W: Write> Write for CountingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.count += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn bad(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_owned())
}

/// Copies a JPEG without its APP1 (EXIF, XMP), APP13 (IPTC) and comment segments. The image
/// data after the start-of-scan marker is copied as it is.
pub fn scrub_jpeg(input: &mut impl Read, output: &mut impl Write) -> io::Result<()> {
    let mut soi = [0u8; 2];
    input.read_exact(&mut soi)?;
    if soi != [0xFF, 0xD8] {
        return Err(bad("not a JPEG"));
    }
    output.write_all(&soi)?;
    loop {
        let mut byte = [0u8; 1];
        input.read_exact(&mut byte)?;
        if byte[0] != 0xFF {
            return Err(bad("JPEG marker expected"));
        }
        // Fill bytes (0xFF repeated) may precede a marker.
        let mut marker = 0xFF;
        while marker == 0xFF {
            input.read_exact(&mut byte)?;
            marker = byte[0];
        }
        match marker {
            // Start of scan, or an end with no scan: the rest is image data, kept whole.
            0xDA | 0xD9 => {
                output.write_all(&[0xFF, marker])?;
                io::copy(input, output)?;
                return Ok(());
            }
            // Markers without a length.
            0x01 | 0xD0..=0xD7 => output.write_all(&[0xFF, marker])?,
            _ => {
                let mut len = [0u8; 2];
                input.read_exact(&mut len)?;
                let len = u16::from_be_bytes(len);
                if len < 2 {
                    return Err(bad("JPEG segment length"));
                }
                let mut body = vec![0u8; usize::from(len) - 2];
                input.read_exact(&mut body)?;
                if matches!(marker, 0xE1 | 0xED | 0xFE) {
                    continue;
                }
                output.write_all(&[0xFF, marker])?;
                output.write_all(&len.to_be_bytes())?;
                output.write_all(&body)?;
            }
        }
    }
}

/// Copies a PNG without its text and EXIF chunks (eXIf, tEXt, zTXt, iTXt, tIME), up to IEND.
pub fn scrub_png(input: &mut impl Read, output: &mut impl Write) -> io::Result<()> {
    let mut signature = [0u8; 8];
    input.read_exact(&mut signature)?;
    if &signature != b"\x89PNG\r\n\x1a\n" {
        return Err(bad("not a PNG"));
    }
    output.write_all(&signature)?;
    loop {
        let mut header = [0u8; 8];
        input.read_exact(&mut header)?;
        let len = u64::from(u32::from_be_bytes([
            header[0], header[1], header[2], header[3],
        ]));
        let kind = &header[4..8];
        // The chunk's data and its CRC.
        let mut chunk = input.by_ref().take(len + 4);
        if matches!(kind, b"eXIf" | b"tEXt" | b"zTXt" | b"iTXt" | b"tIME") {
            let skipped = io::copy(&mut chunk, &mut io::sink())?;
            if skipped != len + 4 {
                return Err(bad("PNG chunk cut short"));
            }
            continue;
        }
        output.write_all(&header)?;
        if io::copy(&mut chunk, output)? != len + 4 {
            return Err(bad("PNG chunk cut short"));
        }
        if kind == b"IEND" {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(marker: u8, body: &[u8]) -> Vec<u8> {
        let mut out = vec![0xFF, marker];
        out.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(body);
        out
    }

    #[test]
    fn a_jpeg_loses_its_exif_and_keeps_its_image() {
        let mut jpeg = vec![0xFF, 0xD8];
        jpeg.extend(segment(0xE0, b"JFIF\0\x01\x01"));
        jpeg.extend(segment(0xE1, b"Exif\0\0GPS 34.75N 113.62E"));
        jpeg.extend(segment(0xFE, b"taken at home"));
        jpeg.extend(segment(0xDB, &[0u8; 65]));
        jpeg.extend([0xFF, 0xDA, 0, 2, 1, 2, 3, 0xFF, 0x00, 4, 0xFF, 0xD9]);
        let mut out = Vec::new();
        scrub_jpeg(&mut jpeg.as_slice(), &mut out).expect("scrubbed");
        let text = String::from_utf8_lossy(&out);
        assert!(!text.contains("GPS") && !text.contains("home"), "{text}");
        assert!(text.contains("JFIF"));
        assert!(out.ends_with(&[0xFF, 0xDA, 0, 2, 1, 2, 3, 0xFF, 0x00, 4, 0xFF, 0xD9]));
        assert_eq!(
            out.len(),
            jpeg.len()
                - segment(0xE1, b"Exif\0\0GPS 34.75N 113.62E").len()
                - segment(0xFE, b"taken at home").len()
        );
    }

    #[test]
    fn a_cut_or_false_jpeg_is_refused() {
        let mut out = Vec::new();
        let cut = [0xFF, 0xD8, 0xFF, 0xE1, 0x10, 0x00, 1, 2];
        assert!(scrub_jpeg(&mut cut.as_slice(), &mut out).is_err());
        let false_start = [0xFF, 0xD8, 0x41, 0x41];
        assert!(scrub_jpeg(&mut false_start.as_slice(), &mut Vec::new()).is_err());
    }

    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&[0, 0, 0, 0]);
        out
    }

    #[test]
    fn a_png_loses_its_text_and_exif_chunks() {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend(chunk(b"IHDR", &[0u8; 13]));
        png.extend(chunk(b"eXIf", b"GPS here"));
        png.extend(chunk(b"tEXt", b"Author\0someone"));
        png.extend(chunk(b"IDAT", &[7u8; 100]));
        png.extend(chunk(b"IEND", b""));
        png.extend(b"trailing bytes");
        let mut out = Vec::new();
        scrub_png(&mut png.as_slice(), &mut out).expect("scrubbed");
        let text = String::from_utf8_lossy(&out);
        assert!(!text.contains("GPS") && !text.contains("someone") && !text.contains("trailing"));
        assert!(text.contains("IHDR") && text.contains("IDAT") && text.contains("IEND"));
        assert_eq!(out.len(), 8 + 25 + 112 + 12);
    }

    #[test]
    fn a_cut_png_is_refused() {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend(&chunk(b"IDAT", &[7u8; 100])[..50]);
        assert!(scrub_png(&mut png.as_slice(), &mut Vec::new()).is_err());
    }
}
