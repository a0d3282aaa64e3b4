//! Application forms, defined in data: each field has a key from one shared vocabulary
//! (`applicant.name`, `child.birth_date`, `address.postal` …), a kind that says how its
//! answer parses, and whether it is required. Keys are the contract the 一件事 bundles merge
//! forms by: two items asking `child.birth_date` ask it once.

use crate::CivilDate;
use crate::identity::{IdError, IdNumber, NameError, PersonName, Phone, PhoneError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A field's key: dot-separated lower-case words (`applicant.name`), 3–48 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FieldKey(String);

impl FieldKey {
    pub fn parse(raw: &str) -> Option<Self> {
        let word_ok = |w: &str| {
            !w.is_empty()
                && w.starts_with(|c: char| c.is_ascii_lowercase())
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        };
        let ok = (3..=48).contains(&raw.len()) && raw.contains('.') && raw.split('.').all(word_ok);
        ok.then(|| Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The block it belongs to (`applicant` of `applicant.name`).
    pub fn block(&self) -> &str {
        self.0.split('.').next().unwrap_or_default()
    }
}

impl TryFrom<String> for FieldKey {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, String> {
        Self::parse(&raw).ok_or_else(|| format!("not a field key: {raw}"))
    }
}

impl From<FieldKey> for String {
    fn from(key: FieldKey) -> String {
        key.0
    }
}

impl fmt::Display for FieldKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How an answer parses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FieldKind {
    Text {
        max_chars: u16,
    },
    Number {
        min: i64,
        max: i64,
    },
    /// A date on or before today (a birth, an event that happened).
    PastDate,
    Date,
    Choice {
        options: Vec<ChoiceOption>,
    },
    IdNumber,
    Phone,
    Name,
    /// One of the citizen's saved postal addresses, by its id.
    Address,
    /// An upload (a photo or PDF of a material).
    File,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub value: String,
    pub label: String,
}

/// Where a known fact comes from, so it is filled in and never asked again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Prefill {
    /// The applicant's verified name, ID number, phone (from the account).
    ApplicantName,
    ApplicantId,
    ApplicantPhone,
    /// The family member applied for: name, ID number, birth date (from the family list).
    MemberName,
    MemberId,
    MemberBirthDate,
    /// Issued by an earlier item of the 一件事 (a certificate number, an ID number): shown to
    /// the department, never typed or changed by the citizen.
    Issued,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldSpec {
    pub key: FieldKey,
    pub label: String,
    #[serde(flatten)]
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub hint: Option<String>,
    #[serde(default)]
    pub prefill: Option<Prefill>,
}

/// One step of the form (a page of it), with its title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormStep {
    pub title: String,
    pub fields: Vec<FieldSpec>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormSpec {
    pub steps: Vec<FormStep>,
}

/// What is wrong with one answer; the app words it beside the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldProblem {
    /// A required upload with no file sent.
    NoFile,
    Missing,
    TooLong {
        max_chars: u16,
    },
    NotANumber,
    OutOfRange {
        min: i64,
        max: i64,
    },
    NotADate,
    InTheFuture,
    NotAChoice,
    IdNumber(IdError),
    Phone(PhoneError),
    Name(NameError),
    /// The answer no longer meets the 一件事's eligibility rule.
    Ineligible,
}

/// Answers by key, as typed (or as normalised by `check`).
pub type Answers = BTreeMap<FieldKey, String>;

impl FieldSpec {
    /// The answer normalised (trimmed; an ID number upper-cased, a phone without spaces,
    /// a date as 2026-12-03), `None` when optional and empty, or what is wrong with it.
    pub fn check(&self, raw: &str, today: CivilDate) -> Result<Option<String>, FieldProblem> {
        let raw = raw.trim();
        if raw.is_empty() {
            return if self.required && self.kind != FieldKind::File {
                Err(FieldProblem::Missing)
            } else {
                Ok(None)
            };
        }
        let value = match &self.kind {
            FieldKind::Text { max_chars } => {
                if raw.chars().count() > usize::from(*max_chars) {
                    return Err(FieldProblem::TooLong {
                        max_chars: *max_chars,
                    });
                }
                raw.to_owned()
            }
            FieldKind::Number { min, max } => {
                let n: i64 = crate::plain_number(raw)
                    .parse()
                    .map_err(|_| FieldProblem::NotANumber)?;
                if n < *min || n > *max {
                    return Err(FieldProblem::OutOfRange {
                        min: *min,
                        max: *max,
                    });
                }
                n.to_string()
            }
            FieldKind::Date | FieldKind::PastDate => {
                let date = CivilDate::parse(raw).ok_or(FieldProblem::NotADate)?;
                if self.kind == FieldKind::PastDate && date > today {
                    return Err(FieldProblem::InTheFuture);
                }
                date.to_string()
            }
            FieldKind::Choice { options } => {
                if !options.iter().any(|o| o.value == raw) {
                    return Err(FieldProblem::NotAChoice);
                }
                raw.to_owned()
            }
            FieldKind::IdNumber => IdNumber::parse(raw, today)
                .map_err(FieldProblem::IdNumber)?
                .as_str()
                .to_owned(),
            FieldKind::Phone => Phone::parse(raw)
                .map_err(FieldProblem::Phone)?
                .as_str()
                .to_owned(),
            FieldKind::Name => PersonName::parse(raw)
                .map_err(FieldProblem::Name)?
                .as_str()
                .to_owned(),
            FieldKind::Address | FieldKind::File => {
                raw.parse::<i64>().map_err(|_| FieldProblem::NotAChoice)?;
                raw.to_owned()
            }
        };
        Ok(Some(value))
    }
}

impl FormSpec {
    pub fn fields(&self) -> impl Iterator<Item = &FieldSpec> {
        self.steps.iter().flat_map(|s| s.fields.iter())
    }

    /// Checks the answers of `step` (every step when `None`): the normalised answers, or
    /// every problem, by key. Answers to keys the form does not ask are dropped. A required
    /// upload is checked by the caller, who knows which files are attached.
    pub fn check(
        &self,
        answers: &Answers,
        step: Option<usize>,
        today: CivilDate,
    ) -> Result<Answers, Vec<(FieldKey, FieldProblem)>> {
        let mut clean = Answers::new();
        let mut problems = Vec::new();
        let fields = self
            .steps
            .iter()
            .enumerate()
            .filter(|(i, _)| step.is_none_or(|s| s == *i))
            .flat_map(|(_, s)| s.fields.iter());
        for field in fields {
            let raw = answers.get(&field.key).map_or("", String::as_str);
            match field.check(raw, today) {
                Ok(Some(value)) => {
                    clean.insert(field.key.clone(), value);
                }
                Ok(None) => {}
                Err(problem) => problems.push((field.key.clone(), problem)),
            }
        }
        if problems.is_empty() {
            Ok(clean)
        } else {
            Err(problems)
        }
    }

    /// The fields of `step` the citizen answers (those filled in from elsewhere are not).
    pub fn asked_in(&self, step: usize) -> impl Iterator<Item = &FieldSpec> {
        self.steps
            .get(step)
            .into_iter()
            .flat_map(|s| s.fields.iter())
            .filter(|f| f.prefill.is_none())
    }

    /// Every key is asked once, across all steps; what seeding checks.
    pub fn keys_unique(&self) -> bool {
        let mut seen = std::collections::BTreeSet::new();
        self.fields().all(|f| seen.insert(&f.key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> CivilDate {
        CivilDate::new(2026, 12, 3).unwrap()
    }

    fn key(k: &str) -> FieldKey {
        FieldKey::parse(k).unwrap()
    }

    fn field(k: &str, kind: FieldKind, required: bool) -> FieldSpec {
        FieldSpec {
            key: key(k),
            label: k.to_owned(),
            kind,
            required,
            hint: None,
            prefill: None,
        }
    }

    #[test]
    fn keys_are_dotted_lower_case_words() {
        assert_eq!(key("child.birth_date").block(), "child");
        for bad in [
            "name",
            "Applicant.name",
            "a..b",
            ".a",
            "a.",
            "a.b-c",
            "1a.b",
            "",
        ] {
            assert_eq!(FieldKey::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn each_kind_parses_and_normalises() {
        let t = today();
        let check = |kind: FieldKind, raw: &str| field("x.y", kind, true).check(raw, t);
        assert_eq!(
            check(FieldKind::Text { max_chars: 4 }, " 一二三四 "),
            Ok(Some("一二三四".into()))
        );
        assert_eq!(
            check(FieldKind::Text { max_chars: 3 }, "一二三四"),
            Err(FieldProblem::TooLong { max_chars: 3 })
        );
        assert_eq!(
            check(FieldKind::Number { min: 1, max: 9 }, "３"),
            Ok(Some("3".into()))
        );
        assert_eq!(
            check(FieldKind::Number { min: 1, max: 9 }, "10"),
            Err(FieldProblem::OutOfRange { min: 1, max: 9 })
        );
        assert_eq!(
            check(FieldKind::PastDate, "2026年1月5日"),
            Ok(Some("2026-01-05".into()))
        );
        assert_eq!(
            check(FieldKind::PastDate, "2026-12-04"),
            Err(FieldProblem::InTheFuture)
        );
        assert_eq!(
            check(FieldKind::Date, "2026-12-04"),
            Ok(Some("2026-12-04".into()))
        );
        assert_eq!(
            check(FieldKind::Date, "2026-02-30"),
            Err(FieldProblem::NotADate)
        );
        let choice = FieldKind::Choice {
            options: vec![ChoiceOption {
                value: "post".into(),
                label: "邮寄".into(),
            }],
        };
        assert_eq!(check(choice.clone(), "post"), Ok(Some("post".into())));
        assert_eq!(check(choice, "fly"), Err(FieldProblem::NotAChoice));
        assert_eq!(
            check(FieldKind::IdNumber, "11010519491231002x"),
            Ok(Some("11010519491231002X".into()))
        );
        assert_eq!(
            check(FieldKind::IdNumber, "110105194912310021"),
            Err(FieldProblem::IdNumber(IdError::Checksum))
        );
        assert_eq!(
            check(FieldKind::Phone, "138 1234 5678"),
            Ok(Some("13812345678".into()))
        );
        assert_eq!(check(FieldKind::Name, ""), Err(FieldProblem::Missing));
        assert_eq!(field("x.y", FieldKind::Name, false).check(" ", t), Ok(None));
    }

    #[test]
    fn a_form_checks_a_step_or_all_and_reports_every_problem() {
        let form = FormSpec {
            steps: vec![
                FormStep {
                    title: "宝宝信息".into(),
                    fields: vec![
                        field("child.name", FieldKind::Name, true),
                        field("child.birth_date", FieldKind::PastDate, true),
                    ],
                },
                FormStep {
                    title: "联系".into(),
                    fields: vec![field("contact.phone", FieldKind::Phone, true)],
                },
            ],
        };
        assert!(form.keys_unique());
        let mut answers = Answers::new();
        answers.insert(key("child.name"), "王小宝".into());
        answers.insert(key("other.thing"), "dropped".into());
        let step0 = form.check(&answers, Some(0), today()).unwrap_err();
        assert_eq!(
            step0,
            vec![(key("child.birth_date"), FieldProblem::Missing)]
        );
        answers.insert(key("child.birth_date"), "2026/11/20".into());
        let clean = form.check(&answers, Some(0), today()).unwrap();
        assert_eq!(clean.len(), 2, "unknown keys dropped: {clean:?}");
        assert_eq!(form.check(&answers, None, today()).unwrap_err().len(), 1);
    }
}
