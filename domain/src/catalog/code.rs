use serde::{Deserialize, Serialize};
use std::fmt;

/// 实施编码: the code a 事项 is published under. Real codes are long digit strings with an
/// optional department/serial suffix (e.g. `11410100MB1234567X4000115001`); we accept
/// 6–40 ASCII letters, digits and hyphens, upper-cased, so a code is always safe in a URL path.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ServiceCode(String);

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("item code is not 6–40 characters")]
    Length,
    #[error("item code has a character other than letters, digits and -")]
    Character,
}

impl ServiceCode {
    pub fn parse(raw: &str) -> Result<Self, CodeError> {
        let raw = raw.trim();
        if !(6..=40).contains(&raw.len()) {
            return Err(CodeError::Length);
        }
        if !raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return Err(CodeError::Character);
        }
        Ok(Self(raw.to_ascii_uppercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ServiceCode {
    type Error = CodeError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<ServiceCode> for String {
    fn from(code: ServiceCode) -> Self {
        code.0
    }
}

impl fmt::Display for ServiceCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_published_codes_and_normalises_case() {
        let code = ServiceCode::parse(" 11410100mb1957846x4000115001 ").unwrap();
        assert_eq!(code.as_str(), "11410100MB1957846X4000115001");
    }

    #[test]
    fn rejects_short_long_and_unsafe_codes() {
        assert_eq!(ServiceCode::parse("12345"), Err(CodeError::Length));
        assert_eq!(ServiceCode::parse(&"1".repeat(41)), Err(CodeError::Length));
        assert_eq!(ServiceCode::parse("1234/../56"), Err(CodeError::Character));
        assert_eq!(
            ServiceCode::parse("不动产登记0001"),
            Err(CodeError::Character)
        );
    }

    proptest! {
        #[test]
        fn parsed_codes_round_trip(raw in "[A-Za-z0-9-]{6,40}") {
            let code = ServiceCode::parse(&raw).unwrap();
            prop_assert_eq!(ServiceCode::parse(code.as_str()).unwrap(), code.clone());
            let json = serde_json::to_string(&code).unwrap();
            prop_assert_eq!(&json, &format!("\"{}\"", code.as_str()));
            prop_assert_eq!(serde_json::from_str::<ServiceCode>(&json).unwrap(), code);
        }

        #[test]
        fn anything_with_a_slash_is_rejected(a in "[A-Z0-9]{3,18}", b in "[A-Z0-9]{3,18}") {
            let raw = format!("{a}/{b}");
            prop_assert!(ServiceCode::parse(&raw).is_err());
        }
    }

    #[test]
    fn deserialising_rejects_unsafe_codes() {
        assert!(serde_json::from_str::<ServiceCode>("\"../../etc\"").is_err());
        assert!(serde_json::from_str::<ServiceCode>("\"12\"").is_err());
    }
}
