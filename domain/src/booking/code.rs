use serde::{Deserialize, Serialize};
use std::fmt;

/// Upper-case letters and digits without 0/O and 1/I, which a clerk misreads on paper.
const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const LEN: usize = 8;

/// The code on a booking's confirmation and in its QR code: 8 characters, 40 random bits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BookingCode(String);

impl BookingCode {
    /// From 5 random bytes (40 bits, 5 per character).
    pub fn from_random(bytes: [u8; 5]) -> Self {
        let mut bits = bytes.iter().fold(0u64, |acc, b| acc << 8 | u64::from(*b));
        let mut out = [0u8; LEN];
        for c in out.iter_mut().rev() {
            *c = ALPHABET[(bits & 31) as usize];
            bits >>= 5;
        }
        Self(out.iter().map(|&b| char::from(b)).collect())
    }

    /// What a clerk types or a scanner reads: case, spaces and dashes do not matter.
    pub fn parse(text: &str) -> Option<Self> {
        let code: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        (code.len() == LEN && code.bytes().all(|b| ALPHABET.contains(&b))).then_some(Self(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BookingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The ticket a clerk calls: a letter per window kind, then the day's number (A012).
pub fn queue_number(kind_index: u32, number: u32) -> String {
    let letter = char::from(b'A' + (kind_index % 26) as u8);
    format!("{letter}{number:03}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn queue_numbers_read_like_a_hall_ticket() {
        assert_eq!(queue_number(0, 12), "A012");
        assert_eq!(queue_number(2, 1), "C001");
    }

    #[test]
    fn typed_codes_are_forgiving_but_exact() {
        let code = BookingCode::from_random([1, 2, 3, 4, 5]);
        let typed = format!(
            " {}-{} ",
            &code.as_str()[..4].to_lowercase(),
            &code.as_str()[4..]
        );
        assert_eq!(BookingCode::parse(&typed), Some(code));
        assert_eq!(BookingCode::parse("ABC"), None);
        assert_eq!(
            BookingCode::parse("ABCDEFG0"),
            None,
            "0 is not in the alphabet"
        );
    }

    proptest! {
        #[test]
        fn every_code_parses_back(bytes in any::<[u8; 5]>()) {
            let code = BookingCode::from_random(bytes);
            prop_assert_eq!(code.as_str().len(), LEN);
            prop_assert_eq!(BookingCode::parse(code.as_str()), Some(code));
        }
    }
}
