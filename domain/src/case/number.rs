//! 办件编号: the number a citizen quotes on the phone and types into /track. The date it was
//! submitted, six random digits, and an ISO 7064 MOD 11-2 check character (as on the ID
//! card), so a mistyped digit is caught before any lookup: 20261203 483920 7.

use crate::CivilDate;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CaseNo(String);

impl CaseNo {
    /// A number for a case submitted on `day`; `random` picks its six digits.
    pub fn new(day: CivilDate, random: u32) -> Self {
        let body = format!(
            "{:04}{:02}{:02}{:06}",
            day.year(),
            day.month(),
            day.day(),
            random % 1_000_000
        );
        let check = check_char(body.as_bytes());
        Self(format!("{body}{}", char::from(check)))
    }

    /// What was typed, with spaces and hyphens ignored and x read as X; `None` unless it is
    /// 14 digits, a real date, and the right check character.
    pub fn parse(raw: &str) -> Option<Self> {
        let compact: String = crate::plain_number(raw)
            .chars()
            .filter(|c| *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let bytes = compact.as_bytes();
        if bytes.len() != 15 || !bytes[..14].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let number = |from: usize, to: usize| compact[from..to].parse::<u16>().ok();
        let date = CivilDate::new(
            number(0, 4)?,
            u8::try_from(number(4, 6)?).ok()?,
            u8::try_from(number(6, 8)?).ok()?,
        )?;
        (date.year() >= 2020 && check_char(&bytes[..14]) == bytes[14]).then_some(Self(compact))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The day it was submitted.
    pub fn day(&self) -> Option<CivilDate> {
        let n = |from: usize, to: usize| self.0.get(from..to)?.parse::<u16>().ok();
        CivilDate::new(
            n(0, 4)?,
            u8::try_from(n(4, 6)?).ok()?,
            u8::try_from(n(6, 8)?).ok()?,
        )
    }
}

impl fmt::Display for CaseNo {
    /// Grouped for reading aloud: "20261203 483920 7".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0.get(..8), self.0.get(8..14), self.0.get(14..)) {
            (Some(a), Some(b), Some(c)) => write!(f, "{a} {b} {c}"),
            _ => f.write_str(&self.0),
        }
    }
}

/// ISO 7064 MOD 11-2 over ASCII digits: weights 2^k mod 11 from the right, X for 10.
fn check_char(digits: &[u8]) -> u8 {
    let mut sum = 0_u32;
    for (i, d) in digits.iter().enumerate() {
        let power = u32::try_from(digits.len() - i).unwrap_or(0);
        sum += u32::from(d - b'0') * (2_u32.pow(power % 10) % 11);
    }
    match (12 - sum % 11) % 11 {
        10 => b'X',
        n => b'0' + u8::try_from(n).unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_check_is_the_id_cards() {
        // The GB 11643 example 11010519491231002X: the same check over its 17 digits.
        assert_eq!(check_char(b"11010519491231002"), b'X');
        assert_eq!(check_char(b"44052419800101001"), b'3');
    }

    #[test]
    fn numbers_read_back_and_typos_are_caught() {
        let day = CivilDate::new(2026, 12, 3).unwrap();
        let no = CaseNo::new(day, 483_920);
        assert_eq!(&no.as_str()[..14], "20261203483920");
        assert_eq!(CaseNo::parse(no.as_str()), Some(no.clone()));
        assert_eq!(CaseNo::parse(&no.to_string()), Some(no.clone()), "grouped");
        assert_eq!(no.day(), Some(day));
        let mut typo = no.as_str().as_bytes().to_vec();
        typo[10] = if typo[10] == b'9' { b'8' } else { typo[10] + 1 };
        assert_eq!(CaseNo::parse(std::str::from_utf8(&typo).unwrap()), None);
        for bad in [
            "",
            "2026120348392",
            "20261303483920X",
            "abc",
            "20261203483920",
        ] {
            assert_eq!(CaseNo::parse(bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn every_new_number_parses_and_one_changed_digit_never_does(
            days in 20_000_i64..22_000, random in any::<u32>(), at in 0_usize..14, by in 1_u8..10,
        ) {
            let no = CaseNo::new(CivilDate::from_epoch_days(days), random);
            prop_assert_eq!(CaseNo::parse(no.as_str()), Some(no.clone()));
            let mut bytes = no.as_str().as_bytes().to_vec();
            bytes[at] = b'0' + (bytes[at] - b'0' + by) % 10;
            let changed = String::from_utf8(bytes).unwrap();
            prop_assert_eq!(CaseNo::parse(&changed), None);
        }
    }
}
