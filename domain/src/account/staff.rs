use serde::{Deserialize, Serialize};

/// What a staff member does (and so what they may do).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    /// 受理: the window clerk who accepts applications and checks bookings in.
    Clerk,
    /// 综合受理: a hall's 无差别综合受理 window, taking in every department's applications.
    GeneralClerk,
    /// 审批: decides cases.
    Approver,
    /// 帮办: helps citizens fill forms and apply (帮办代办).
    Assistant,
    /// 管理: manages staff accounts, calendars and halls.
    Admin,
}

impl StaffRole {
    pub const ALL: [StaffRole; 5] = [
        Self::Clerk,
        Self::GeneralClerk,
        Self::Approver,
        Self::Assistant,
        Self::Admin,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Clerk => "受理",
            Self::GeneralClerk => "综合受理",
            Self::Approver => "审批",
            Self::Assistant => "帮办",
            Self::Admin => "管理",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Clerk => "clerk",
            Self::GeneralClerk => "general_clerk",
            Self::Approver => "approver",
            Self::Assistant => "assistant",
            Self::Admin => "admin",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == value)
    }

    /// Takes applications in (受理), for their departments or, at a 综合受理 window, for all.
    pub fn takes_in(self) -> bool {
        matches!(self, Self::Clerk | Self::GeneralClerk)
    }
}

/// A staff sign-in name: 3–32 lower-case letters, digits, '.', '_' or '-', starting with a letter.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Username(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum UsernameError {
    #[error("username is not 3–32 of a-z 0-9 . _ - starting with a letter")]
    Shape,
}

impl Username {
    pub fn parse(raw: &str) -> Result<Self, UsernameError> {
        let name = raw.trim().to_ascii_lowercase();
        let first_ok = name.starts_with(|c: char| c.is_ascii_lowercase());
        let rest_ok = name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
        if (3..=32).contains(&name.len()) && first_ok && rest_ok {
            Ok(Self(name))
        } else {
            Err(UsernameError::Shape)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new staff password. Length is what matters (NIST SP 800-63B); composition rules only
/// push people to "Abc12345!".
pub struct Password(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PasswordError {
    #[error("password shorter than 12")]
    TooShort,
    #[error("password longer than 128")]
    TooLong,
    #[error("password contains the username")]
    ContainsUsername,
}

impl Password {
    pub fn parse(raw: &str, username: &Username) -> Result<Self, PasswordError> {
        let count = raw.chars().count();
        if count < 12 {
            return Err(PasswordError::TooShort);
        }
        if count > 128 {
            return Err(PasswordError::TooLong);
        }
        if raw.to_ascii_lowercase().contains(username.as_str()) {
            return Err(PasswordError::ContainsUsername);
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(<hidden>)")
    }
}

/// After `max_failures` wrong passwords in a row, the account is locked for `lock_secs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LockoutPolicy {
    pub max_failures: u32,
    pub lock_secs: i64,
}

impl Default for LockoutPolicy {
    fn default() -> Self {
        Self {
            max_failures: 5,
            lock_secs: 15 * 60,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip() {
        for role in StaffRole::ALL {
            assert_eq!(StaffRole::parse(role.as_str()), Some(role));
        }
        assert_eq!(StaffRole::parse("root"), None);
    }

    #[test]
    fn usernames() {
        assert_eq!(Username::parse(" Wang.Li ").unwrap().as_str(), "wang.li");
        for bad in ["ab", "1abc", "wang li", "王力", &"a".repeat(33)] {
            assert_eq!(Username::parse(bad), Err(UsernameError::Shape), "{bad}");
        }
    }

    #[test]
    fn passwords_need_length_not_symbols() {
        let user = Username::parse("wangli").unwrap();
        assert!(Password::parse("correct horse battery", &user).is_ok());
        assert_eq!(
            Password::parse("Abc123!", &user).err(),
            Some(PasswordError::TooShort)
        );
        assert_eq!(
            Password::parse("my-WANGLI-password", &user).err(),
            Some(PasswordError::ContainsUsername)
        );
        assert!(
            !format!("{:?}", Password::parse("correct horse battery", &user)).contains("horse")
        );
    }
}
