//! How a case's result reaches the applicant, and the electronic certificate a licence or a
//! confirmation yields: its canonical text is what is signed, so one function writes it.

use crate::CivilDate;
use crate::catalog::ItemCategory;
use serde::{Deserialize, Serialize};

/// The applicant's choice on the form (`delivery.method`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Delivery {
    /// 到大厅窗口领取, with a pickup code.
    Pickup,
    /// 免费邮寄, with the post's tracking number.
    Post,
}

impl Delivery {
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "pickup" => Some(Self::Pickup),
            "post" => Some(Self::Post),
            _ => None,
        }
    }
}

/// What the applicant has in hand (or on the way) once the case is concluded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseResult {
    pub delivery: Delivery,
    /// Shown at the window to collect; only the applicant sees it.
    pub pickup_code: Option<String>,
    pub tracking_no: Option<String>,
    pub certificate: Option<Certificate>,
    /// The certificate's signature as hex, carried by its QR code for offline checking.
    pub signature: Option<String>,
}

/// A 行政许可 or 行政确认 yields a licence or a certificate; the others a decision letter.
pub fn yields_certificate(category: ItemCategory) -> bool {
    matches!(category, ItemCategory::Licence | ItemCategory::Confirmation)
}

/// A post tracking number: 8–30 letters and digits, kept in capitals.
pub fn tracking_number(raw: &str) -> Option<String> {
    let t: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    ((8..=30).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric())).then_some(t)
}

/// An electronic certificate's public facts: what a verifier sees, and what is signed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    /// The verification code in `/verify/{code}`: 16 capitals and digits.
    pub code: String,
    pub item_name: String,
    pub department_name: String,
    /// The holder's name, masked (a verifier compares it with the paper in front of them).
    pub holder_masked: String,
    pub case_number: String,
    pub issued_on: CivilDate,
}

impl Certificate {
    /// The exact bytes signed: one fact a line, in this order, UTF-8, no trailing newline.
    /// Changing it breaks every certificate issued, so the version is the first line.
    pub fn canonical(&self) -> String {
        format!(
            "banshi-certificate-v1\n{}\n{}\n{}\n{}\n{}\n{}",
            self.code,
            self.item_name,
            self.department_name,
            self.holder_masked,
            self.case_number,
            self.issued_on
        )
    }

    /// Reads back what `canonical` wrote.
    pub fn from_canonical(text: &str) -> Option<Self> {
        let mut lines = text.split('\n');
        if lines.next()? != "banshi-certificate-v1" {
            return None;
        }
        let mut next = || lines.next().map(str::to_owned);
        let c = Self {
            code: next()?,
            item_name: next()?,
            department_name: next()?,
            holder_masked: next()?,
            case_number: next()?,
            issued_on: CivilDate::parse(&next()?)?,
        };
        lines.next().is_none().then_some(c)
    }

    /// A code is 16 of these: no look-alikes (0/O, 1/I).
    pub const ALPHABET: &'static [u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    pub fn code_ok(code: &str) -> bool {
        code.len() == 16 && code.bytes().all(|b| Self::ALPHABET.contains(&b))
    }
}

/// What `/verify/{code}` finds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verification {
    /// Issued, not revoked, and its signature checks out against the published key.
    Valid(Certificate),
    Revoked(Certificate),
    /// No such certificate — or one whose stored signature or the QR code's does not match:
    /// either way it must not be trusted.
    Unknown,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_numbers_are_tidied_and_checked() {
        assert_eq!(
            tracking_number(" sf 1234 5678 901 ").as_deref(),
            Some("SF12345678901")
        );
        assert_eq!(tracking_number("1234567"), None);
        assert_eq!(tracking_number("SF-12345678"), None);
        assert_eq!(tracking_number(&"9".repeat(31)), None);
    }

    #[test]
    fn the_canonical_text_names_every_fact_once() {
        let c = Certificate {
            code: "ABCDEFGH23456789".into(),
            item_name: "居住证申领".into(),
            department_name: "公安".into(),
            holder_masked: "张*".into(),
            case_number: "202611280000017".into(),
            issued_on: CivilDate::new(2026, 11, 30).expect("date"),
        };
        assert_eq!(
            c.canonical(),
            "banshi-certificate-v1\nABCDEFGH23456789\n居住证申领\n公安\n张*\n202611280000017\n2026-11-30"
        );
        assert_eq!(Certificate::from_canonical(&c.canonical()), Some(c.clone()));
        assert_eq!(
            Certificate::from_canonical(&format!("{}\nmore", c.canonical())),
            None
        );
        assert!(Certificate::code_ok(&c.code));
        assert!(!Certificate::code_ok("ABCDEFGH2345678O"));
        assert!(!Certificate::code_ok("ABC"));
    }

    #[test]
    fn licences_and_confirmations_yield_certificates() {
        assert!(yields_certificate(ItemCategory::Licence));
        assert!(yields_certificate(ItemCategory::Confirmation));
        assert!(!yields_certificate(ItemCategory::Benefit));
        assert!(!yields_certificate(ItemCategory::PublicService));
    }
}
