use super::mask_middle;
use crate::CivilDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A resident ID number (公民身份号码, GB 11643-1999): 6-digit address code, 8-digit birth
/// date, 3-digit sequence (odd for men), and a check character. Stored upper-case.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String")]
pub struct IdNumber(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum IdError {
    #[error("ID number has {0} characters, not 18")]
    Length(usize),
    #[error("ID number has a character other than 17 digits and a digit or X")]
    Character,
    #[error("ID number address code is not valid")]
    AddressCode,
    #[error("ID number birth date is not a date")]
    BirthDate,
    #[error("ID number birth date is in the future")]
    FutureBirthDate,
    #[error("ID number check character is wrong")]
    Checksum,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sex {
    Male,
    Female,
}

/// GB 11643 check: weights 2^(17-i) mod 11, and the character for each remainder.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS: [u8; 11] = *b"10X98765432";

/// Province-level codes (GB/T 2260), plus 83 for residence permits of Taiwan residents.
const PROVINCES: [u8; 35] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
];

impl IdNumber {
    /// Parses what a citizen typed (spaces and full-width digits undone, lower-case x
    /// accepted), checking the birth date against `today`.
    pub fn parse(raw: &str, today: CivilDate) -> Result<Self, IdError> {
        let text = super::plain_number(raw).to_ascii_uppercase();
        let count = text.chars().count();
        if count != 18 {
            return Err(IdError::Length(count));
        }
        let bytes = text.as_bytes();
        let body_ok = bytes[..17].iter().all(u8::is_ascii_digit);
        if !body_ok || !(bytes[17].is_ascii_digit() || bytes[17] == b'X') {
            return Err(IdError::Character);
        }
        let province = (bytes[0] - b'0') * 10 + (bytes[1] - b'0');
        if !PROVINCES.contains(&province) || (&text[2..6] == "0000" && province != 71) {
            return Err(IdError::AddressCode);
        }
        let birth = birth_date(&text).ok_or(IdError::BirthDate)?;
        // Resident ID numbers were first issued in 1984; nobody born before 1900 holds one.
        if birth.year() < 1900 {
            return Err(IdError::BirthDate);
        }
        if birth > today {
            return Err(IdError::FutureBirthDate);
        }
        if bytes[17] != check_char(&bytes[..17]) {
            return Err(IdError::Checksum);
        }
        Ok(Self(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn birth_date(&self) -> CivilDate {
        birth_date(&self.0).unwrap_or_else(|| unreachable!("checked when parsed"))
    }

    pub fn sex(&self) -> Sex {
        if (self.0.as_bytes()[16] - b'0') % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    /// 110***********1234: the only form a page or a log shows.
    pub fn masked(&self) -> String {
        mask_middle(&self.0, 3, 4)
    }
}

/// The check character for the first 17 digits.
fn check_char(digits: &[u8]) -> u8 {
    let sum: u32 = digits
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    CHECK_CHARS[(sum % 11) as usize]
}

fn birth_date(text: &str) -> Option<CivilDate> {
    let year = text.get(6..10)?.parse().ok()?;
    let month = text.get(10..12)?.parse().ok()?;
    let day = text.get(12..14)?.parse().ok()?;
    CivilDate::new(year, month, day)
}

/// Debug never prints the whole number (it ends up in logs).
impl fmt::Debug for IdNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IdNumber({})", self.masked())
    }
}

impl From<IdNumber> for String {
    fn from(id: IdNumber) -> Self {
        id.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> CivilDate {
        CivilDate::new(2026, 11, 27).unwrap()
    }

    #[test]
    fn accepts_the_examples_published_in_the_standard() {
        // GB 11643-1999 appendix examples.
        let a = IdNumber::parse("11010519491231002X", today()).unwrap();
        assert_eq!(a.birth_date(), CivilDate::new(1949, 12, 31).unwrap());
        assert_eq!(a.sex(), Sex::Female);
        // The second example (born 1880) has a right check character but no living holder.
        assert_eq!(check_char(b"44052418800101001"), b'4');
        assert_eq!(
            IdNumber::parse("440524188001010014", today()),
            Err(IdError::BirthDate)
        );
        let b = IdNumber::parse("440524198001010013", today()).unwrap();
        assert_eq!(b.birth_date(), CivilDate::new(1980, 1, 1).unwrap());
        assert_eq!(b.sex(), Sex::Male);
    }

    #[test]
    fn lower_case_x_and_spaces_are_normalised() {
        let id = IdNumber::parse("  11010519491231002x ", today()).unwrap();
        assert_eq!(id.as_str(), "11010519491231002X");
        for typed in [
            "110105 19491231 002X",
            "１１０１０５１９４９１２３１００２ｘ",
        ] {
            assert_eq!(IdNumber::parse(typed, today()).unwrap(), id, "{typed}");
        }
    }

    #[test]
    fn each_mistake_gets_its_own_message() {
        assert_eq!(
            IdNumber::parse("1101051949123100", today()),
            Err(IdError::Length(16))
        );
        assert_eq!(
            IdNumber::parse("11010519491231002Y", today()),
            Err(IdError::Character)
        );
        assert_eq!(
            IdNumber::parse("1101051949123X0021", today()),
            Err(IdError::Character)
        );
        assert_eq!(
            IdNumber::parse("99010519491231002X", today()),
            Err(IdError::AddressCode)
        );
        assert_eq!(
            IdNumber::parse("110105194902300021", today()),
            Err(IdError::BirthDate)
        );
        assert_eq!(
            IdNumber::parse("110105203001010011", today()),
            Err(IdError::FutureBirthDate)
        );
        assert_eq!(
            IdNumber::parse("110105194912310021", today()),
            Err(IdError::Checksum)
        );
    }

    /// An ID number for `birth` (YYYYMMDD) with its check character right.
    fn with_check(birth: &str) -> String {
        let body = format!("110105{birth}002");
        let check = char::from(check_char(body.as_bytes()));
        format!("{body}{check}")
    }

    #[test]
    fn nobody_born_before_1900_holds_an_id_number() {
        for birth in ["18000101", "18991231"] {
            assert_eq!(
                IdNumber::parse(&with_check(birth), today()),
                Err(IdError::BirthDate),
                "{birth}"
            );
        }
        assert!(IdNumber::parse(&with_check("19000101"), today()).is_ok());
    }

    #[test]
    fn masks_and_never_debug_prints_in_clear() {
        let id = IdNumber::parse("11010519491231002X", today()).unwrap();
        assert_eq!(id.masked(), "110***********002X");
        assert!(!format!("{id:?}").contains("19491231"));
    }

    /// Any valid number: a real province, any county digits, a real past date, any sequence.
    fn valid_number() -> impl Strategy<Value = String> {
        (
            prop::sample::select(PROVINCES.to_vec()),
            1u32..10_000,
            1900u16..=2025,
            1u8..=12,
            1u8..=28,
            0u32..1000,
        )
            .prop_map(|(p, county, y, m, d, seq)| {
                let body = format!("{p:02}{county:04}{y:04}{m:02}{d:02}{seq:03}");
                let check = check_char(body.as_bytes()) as char;
                format!("{body}{check}")
            })
    }

    proptest! {
        #[test]
        fn any_valid_number_round_trips(raw in valid_number()) {
            let id = IdNumber::parse(&raw, today()).unwrap();
            prop_assert_eq!(id.as_str(), raw.as_str());
            prop_assert_eq!(IdNumber::parse(&raw.to_lowercase(), today()).unwrap(), id);
        }

        #[test]
        fn any_single_character_change_is_rejected(
            raw in valid_number(),
            at in 0usize..18,
            replacement in prop::sample::select(b"0123456789X".to_vec()),
        ) {
            let mut bytes = raw.into_bytes();
            prop_assume!(bytes[at] != replacement);
            bytes[at] = replacement;
            let changed = String::from_utf8(bytes).unwrap();
            prop_assert!(IdNumber::parse(&changed, today()).is_err(), "{} accepted", changed);
        }
    }
}
