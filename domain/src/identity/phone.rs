use super::mask_middle;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A mainland China mobile number (11 digits, 1[3-9]…), stored without prefix or separators.
/// Typed forms such as "+86 138-1234-5678" and "86 13812345678" are accepted.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PhoneError {
    #[error("phone number is not 11 digits")]
    Length,
    #[error("phone number has a non-digit")]
    Character,
    #[error("phone number does not start with 13–19")]
    Prefix,
}

impl Phone {
    pub fn parse(raw: &str) -> Result<Self, PhoneError> {
        let compact = super::plain_number(raw);
        let digits = compact
            .strip_prefix("+86")
            .or_else(|| compact.strip_prefix("0086"))
            .or_else(|| {
                (compact.len() == 13)
                    .then(|| compact.strip_prefix("86"))
                    .flatten()
            })
            .unwrap_or(&compact);
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(PhoneError::Character);
        }
        if digits.len() != 11 {
            return Err(PhoneError::Length);
        }
        let bytes = digits.as_bytes();
        if bytes[0] != b'1' || !(b'3'..=b'9').contains(&bytes[1]) {
            return Err(PhoneError::Prefix);
        }
        Ok(Self(digits.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// 138****5678: the only form a page or a log shows.
    pub fn masked(&self) -> String {
        mask_middle(&self.0, 3, 4)
    }
}

/// Debug never prints the whole number (it ends up in logs).
impl fmt::Debug for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Phone({})", self.masked())
    }
}

impl TryFrom<String> for Phone {
    type Error = PhoneError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Phone> for String {
    fn from(phone: Phone) -> Self {
        phone.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn full_width_digits_from_chinese_keyboards() {
        assert_eq!(
            Phone::parse("１３８１２３４５６７８").unwrap().as_str(),
            "13812345678"
        );
    }

    #[test]
    fn accepts_common_typed_forms() {
        for raw in [
            "13812345678",
            "138 1234 5678",
            "138-1234-5678",
            "+86 13812345678",
            "8613812345678",
            "0086 138 1234 5678",
        ] {
            assert_eq!(Phone::parse(raw).unwrap().as_str(), "13812345678", "{raw}");
        }
    }

    #[test]
    fn says_what_is_wrong() {
        assert_eq!(Phone::parse("1381234567"), Err(PhoneError::Length));
        assert_eq!(Phone::parse("1381234567a"), Err(PhoneError::Character));
        assert_eq!(Phone::parse("12812345678"), Err(PhoneError::Prefix));
        assert_eq!(Phone::parse("03711234567"), Err(PhoneError::Prefix));
    }

    #[test]
    fn masks_and_never_debug_prints_in_clear() {
        let phone = Phone::parse("13812345678").unwrap();
        assert_eq!(phone.masked(), "138****5678");
        assert!(!format!("{phone:?}").contains("1234"));
    }

    proptest! {
        #[test]
        fn valid_numbers_round_trip(second in 3u8..=9, rest in "[0-9]{9}") {
            let raw = format!("1{second}{rest}");
            let phone = Phone::parse(&raw).unwrap();
            prop_assert_eq!(phone.as_str(), raw.as_str());
            let json = serde_json::to_string(&phone).unwrap();
            prop_assert_eq!(serde_json::from_str::<Phone>(&json).unwrap(), phone);
        }
    }
}
