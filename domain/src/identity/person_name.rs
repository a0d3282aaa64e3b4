use serde::{Deserialize, Serialize};
use std::fmt;

/// A person's name as on their ID card: Chinese characters, with the middle dot of ethnic
/// minority and transliterated names (阿依古丽·买买提), or Latin letters and spaces.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonName(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum NameError {
    #[error("name is empty")]
    Empty,
    #[error("name is not 2–30 characters")]
    Length,
    #[error("name has a character other than Han, Latin or ·")]
    Character,
    #[error("name has a · at an end or two together")]
    Dot,
}

const MAX_CHARS: usize = 30;

impl PersonName {
    /// Trims what was typed and turns the look-alike dots people type (•, ., ・, ．) into "·".
    pub fn parse(raw: &str) -> Result<Self, NameError> {
        let dotted: String = raw
            .chars()
            .map(|c| match c {
                '•' | '.' | '・' | '．' | '‧' => '·',
                other => other,
            })
            .collect();
        // Spaces between Chinese characters (张 三) are not part of the name; between Latin
        // words (Li Ming) one space is.
        let mut text = String::new();
        for word in dotted.split_whitespace() {
            let join = text.chars().last().is_some_and(|last| {
                !is_han(last) && !word.starts_with(is_han) && last != '·' && !word.starts_with('·')
            });
            if join {
                text.push(' ');
            }
            text.push_str(word);
        }
        if text.is_empty() {
            return Err(NameError::Empty);
        }
        let count = text.chars().count();
        if !(2..=MAX_CHARS).contains(&count) {
            return Err(NameError::Length);
        }
        let allowed = |c: char| is_han(c) || c.is_ascii_alphabetic() || c == '·' || c == ' ';
        if !text.chars().all(allowed) {
            return Err(NameError::Character);
        }
        if text.starts_with('·') || text.ends_with('·') || text.contains("··") {
            return Err(NameError::Dot);
        }
        Ok(Self(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// *三 / 张*三: the last character, and the first when there are more than two, around a
    /// single star, so the mask does not tell the name's length either.
    pub fn masked(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        match chars.len() {
            0..=2 => format!("*{}", chars.last().copied().unwrap_or('*')),
            n => format!("{}*{}", chars[0], chars[n - 1]),
        }
    }
}

/// CJK unified ideographs and extension A, plus the extension planes used by rare names.
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0x20000..=0x3134F)
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PersonName({})", self.masked())
    }
}

impl TryFrom<String> for PersonName {
    type Error = NameError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<PersonName> for String {
    fn from(name: PersonName) -> Self {
        name.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_names() {
        for name in ["张三", "欧阳娜娜", "阿依古丽·买买提", "Li Ming", "𠮷田"] {
            assert_eq!(PersonName::parse(name).unwrap().as_str(), name);
        }
        assert_eq!(
            PersonName::parse(" 阿依古丽•买买提 ").unwrap().as_str(),
            "阿依古丽·买买提"
        );
        assert_eq!(PersonName::parse("张 三").unwrap().as_str(), "张三");
        assert_eq!(PersonName::parse("张\u{3000}三").unwrap().as_str(), "张三");
        assert_eq!(PersonName::parse("Li  Ming").unwrap().as_str(), "Li Ming");
    }

    #[test]
    fn each_mistake_gets_its_own_message() {
        assert_eq!(PersonName::parse("  "), Err(NameError::Empty));
        assert_eq!(PersonName::parse("张"), Err(NameError::Length));
        assert_eq!(PersonName::parse(&"张".repeat(31)), Err(NameError::Length));
        assert_eq!(PersonName::parse("张3"), Err(NameError::Character));
        assert_eq!(PersonName::parse("·张三"), Err(NameError::Dot));
        assert_eq!(PersonName::parse("阿依··买买提"), Err(NameError::Dot));
        assert_eq!(PersonName::parse("<b>张三"), Err(NameError::Character));
    }

    #[test]
    fn masks_all_but_the_ends() {
        assert_eq!(PersonName::parse("张三").unwrap().masked(), "*三");
        assert_eq!(PersonName::parse("欧阳娜娜").unwrap().masked(), "欧*娜");
        assert_eq!(PersonName::parse("王小明").unwrap().masked(), "王*明");
        assert!(!format!("{:?}", PersonName::parse("欧阳娜娜").unwrap()).contains("阳娜"));
    }
}
