//! Personal numbers at rest. An ID or phone number is stored twice: encrypted
//! (AES-256-GCM, random nonce, the column's name as associated data, so a value copied into
//! another column does not decrypt) and as a keyed blind index (HMAC-SHA256) for lookup and
//! uniqueness without decrypting. Both keys derive from one master key in configuration.

use aes_gcm::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::path::Path;

const NONCE_LEN: usize = 12;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PiiError {
    #[error("the PII master key must be 64 hexadecimal characters (32 bytes)")]
    BadKey,
    #[error("stored personal data does not decrypt with this key and column")]
    Undecryptable,
    #[error("cannot read or create the development key at {path}: {why}")]
    KeyFile { path: String, why: String },
}

/// Encrypts personal numbers and computes their blind index.
#[derive(Clone)]
pub struct PiiCipher {
    aead: Aes256Gcm,
    index_key: [u8; 32],
    signing_seed: [u8; 32],
}

impl std::fmt::Debug for PiiCipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PiiCipher(<keys hidden>)")
    }
}

impl PiiCipher {
    /// From the master key as 64 hex characters (`BANSHI_PII_KEY`).
    pub fn from_hex(master: &str) -> Result<Self, PiiError> {
        let master = decode_hex(master.trim()).ok_or(PiiError::BadKey)?;
        let master: [u8; 32] = master.try_into().map_err(|_| PiiError::BadKey)?;
        Ok(Self::from_master(&master))
    }

    /// Two independent keys from one: leaking the index key reveals nothing encrypted.
    fn from_master(master: &[u8; 32]) -> Self {
        let encryption = derive(master, b"banshi/pii/encryption");
        let index_key = derive(master, b"banshi/pii/blind-index");
        Self {
            aead: Aes256Gcm::new(&encryption.into()),
            index_key,
            signing_seed: derive(master, b"banshi/certificates/ed25519"),
        }
    }

    /// The seed of the e-certificate signing key: derived from the master key under its own
    /// label, so one secret is kept and backed up, and neither key reveals the other.
    pub fn certificate_seed(&self) -> [u8; 32] {
        self.signing_seed
    }

    /// `nonce || ciphertext+tag`, bound to `column` (e.g. `citizens.id_number`).
    pub fn encrypt(&self, plaintext: &str, column: &str) -> Vec<u8> {
        let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
        let payload = Payload {
            msg: plaintext.as_bytes(),
            aad: column.as_bytes(),
        };
        let sealed = self
            .aead
            .encrypt(&nonce, payload)
            .unwrap_or_else(|_| unreachable!("AES-GCM encryption of a short string cannot fail"));
        let mut out = Vec::with_capacity(NONCE_LEN + sealed.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    pub fn decrypt(&self, stored: &[u8], column: &str) -> Result<String, PiiError> {
        if stored.len() < NONCE_LEN {
            return Err(PiiError::Undecryptable);
        }
        let (nonce, sealed) = stored.split_at(NONCE_LEN);
        let payload = Payload {
            msg: sealed,
            aad: column.as_bytes(),
        };
        let plain = self
            .aead
            .decrypt(Nonce::from_slice(nonce), payload)
            .map_err(|_| PiiError::Undecryptable)?;
        String::from_utf8(plain).map_err(|_| PiiError::Undecryptable)
    }

    /// Equal values in the same column give equal indexes; nothing else can be learnt from it.
    pub fn blind_index(&self, value: &str, column: &str) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.index_key)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(column.as_bytes());
        mac.update(&[0]);
        mac.update(value.as_bytes());
        mac.finalize().into_bytes().into()
    }
}

/// For development only: reads the master key from `path`, creating a random one (mode 0600)
/// the first time. Returns the key and whether it was just created, so the caller can warn.
pub fn dev_master_key(path: &Path) -> Result<(String, bool), PiiError> {
    let fail = |why: std::io::Error| PiiError::KeyFile {
        path: path.display().to_string(),
        why: why.to_string(),
    };
    if path.exists() {
        return std::fs::read_to_string(path)
            .map(|k| (k.trim().to_owned(), false))
            .map_err(fail);
    }
    let key: [u8; 32] = Aes256Gcm::generate_key(&mut OsRng).into();
    let hex = encode_hex(&key);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    write_private(path, &hex).map_err(fail)?;
    Ok((hex, true))
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}

fn derive(master: &[u8; 32], label: &[u8]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(master)
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(label);
    mac.finalize().into_bytes().into()
}

pub(crate) fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

pub(crate) fn encode_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    const ID: &str = "11010519491231002X";

    fn cipher() -> PiiCipher {
        PiiCipher::from_hex(KEY).unwrap()
    }

    #[test]
    fn round_trips_and_hides_the_number() {
        let stored = cipher().encrypt(ID, "citizens.id_number");
        assert!(
            !stored.windows(ID.len()).any(|w| w == ID.as_bytes()),
            "no clear text stored"
        );
        assert_eq!(cipher().decrypt(&stored, "citizens.id_number").unwrap(), ID);
    }

    #[test]
    fn the_same_number_encrypts_differently_each_time() {
        let c = cipher();
        assert_ne!(
            c.encrypt(ID, "citizens.id_number"),
            c.encrypt(ID, "citizens.id_number")
        );
    }

    #[test]
    fn another_column_another_key_or_a_flipped_bit_does_not_decrypt() {
        let stored = cipher().encrypt(ID, "citizens.id_number");
        assert_eq!(
            cipher().decrypt(&stored, "family.id_number"),
            Err(PiiError::Undecryptable)
        );
        let other = PiiCipher::from_hex(&KEY.replace("1f", "20")).unwrap();
        assert_eq!(
            other.decrypt(&stored, "citizens.id_number"),
            Err(PiiError::Undecryptable)
        );
        let mut tampered = stored.clone();
        let last = tampered.len() - 1;
        tampered[last] ^= 1;
        assert_eq!(
            cipher().decrypt(&tampered, "citizens.id_number"),
            Err(PiiError::Undecryptable)
        );
        assert_eq!(
            cipher().decrypt(&stored[..5], "citizens.id_number"),
            Err(PiiError::Undecryptable)
        );
    }

    #[test]
    fn blind_index_is_stable_per_column_and_keyed() {
        let c = cipher();
        assert_eq!(
            c.blind_index(ID, "citizens.id_number"),
            c.blind_index(ID, "citizens.id_number")
        );
        assert_ne!(
            c.blind_index(ID, "citizens.id_number"),
            c.blind_index(ID, "family.id_number")
        );
        let other = PiiCipher::from_hex(&KEY.replace("1f", "20")).unwrap();
        assert_ne!(
            c.blind_index(ID, "citizens.id_number"),
            other.blind_index(ID, "citizens.id_number")
        );
    }

    #[test]
    fn bad_keys_are_refused() {
        assert_eq!(PiiCipher::from_hex("abc").err(), Some(PiiError::BadKey));
        assert_eq!(
            PiiCipher::from_hex(&"zz".repeat(32)).err(),
            Some(PiiError::BadKey)
        );
        assert_eq!(
            PiiCipher::from_hex(&"ab".repeat(31)).err(),
            Some(PiiError::BadKey)
        );
        assert!(!format!("{:?}", cipher()).contains("0001"));
    }

    #[test]
    fn the_development_key_is_created_once_and_private() {
        let dir = std::env::temp_dir().join(format!("banshi_pii_{}", std::process::id()));
        let path = dir.join("pii.key");
        let _ = std::fs::remove_dir_all(&dir);
        let (first, created) = dev_master_key(&path).unwrap();
        assert!(created);
        assert!(PiiCipher::from_hex(&first).is_ok());
        let (again, created_again) = dev_master_key(&path).unwrap();
        assert_eq!((again, created_again), (first, false));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
