//! Signing and checking e-certificates (Ed25519 over `Certificate::canonical`). The public
//! key is published on the verification page, so a printed certificate's QR code — which
//! carries the signature — can be checked offline as well as here.

use domain::case::Certificate;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

#[derive(Clone)]
pub struct CertSigner {
    key: SigningKey,
}

impl std::fmt::Debug for CertSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CertSigner({})", self.public_key_hex())
    }
}

impl CertSigner {
    pub fn from_seed(seed: &[u8; 32]) -> Self {
        Self {
            key: SigningKey::from_bytes(seed),
        }
    }

    pub fn sign(&self, certificate: &Certificate) -> Vec<u8> {
        self.key
            .sign(certificate.canonical().as_bytes())
            .to_bytes()
            .to_vec()
    }

    /// Does `signature` sign `certificate` under this key?
    pub fn verify(&self, certificate: &Certificate, signature: &[u8]) -> bool {
        let Ok(bytes) = <[u8; 64]>::try_from(signature) else {
            return false;
        };
        self.public()
            .verify(
                certificate.canonical().as_bytes(),
                &Signature::from_bytes(&bytes),
            )
            .is_ok()
    }

    fn public(&self) -> VerifyingKey {
        self.key.verifying_key()
    }

    /// The published key, as 64 hex digits.
    pub fn public_key_hex(&self) -> String {
        hex(self.public().as_bytes())
    }
}

/// Hex as the personal-data keys are written, one encoding for the crate.
pub(crate) use crate::pii::{decode_hex as unhex, encode_hex as hex};

#[cfg(test)]
mod tests {
    use super::*;
    use domain::CivilDate;

    fn certificate() -> Certificate {
        Certificate {
            code: "ABCDEFGH23456789".into(),
            item_name: "居住证申领".into(),
            department_name: "公安".into(),
            holder_masked: "张*".into(),
            case_number: "202611280000017".into(),
            issued_on: CivilDate::new(2026, 11, 30).expect("date"),
        }
    }

    #[test]
    fn a_signature_checks_out_and_any_change_breaks_it() {
        let signer = CertSigner::from_seed(&[7u8; 32]);
        let c = certificate();
        let sig = signer.sign(&c);
        assert!(signer.verify(&c, &sig));
        let mut changed = c.clone();
        changed.holder_masked = "李*".into();
        assert!(!signer.verify(&changed, &sig));
        assert!(!signer.verify(&c, &sig[..63]));
        let other = CertSigner::from_seed(&[8u8; 32]);
        assert!(!other.verify(&c, &sig));
        assert_eq!(unhex(&hex(&sig)).as_deref(), Some(sig.as_slice()));
    }

    /// RFC 8032 test 1: the empty message under the published secret key, so that our
    /// signatures are plain Ed25519 any offline checker can verify.
    #[test]
    fn signatures_are_plain_ed25519() {
        let seed: [u8; 32] =
            unhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
                .expect("hex")
                .try_into()
                .expect("32 bytes");
        let key = SigningKey::from_bytes(&seed);
        assert_eq!(
            hex(key.verifying_key().as_bytes()),
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
        );
        assert_eq!(
            hex(&key.sign(b"").to_bytes()),
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        );
    }
}
