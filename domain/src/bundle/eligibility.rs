//! Who may apply for a bundle: each rule asks one question and holds or not.

use super::{Condition, Rule};
use crate::CivilDate;
use crate::case::{Answers, FieldKey, FieldProblem};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotEligible {
    /// Answers that do not parse, by key.
    Form(Vec<(FieldKey, FieldProblem)>),
    /// The rules (by position) the answers do not meet; each says why in the seed.
    Rules(Vec<usize>),
}

/// The eligibility answers normalised, or why not.
pub fn check_eligibility(
    rules: &[Rule],
    answers: &Answers,
    today: CivilDate,
) -> Result<Answers, NotEligible> {
    let mut clean = Answers::new();
    let mut problems = Vec::new();
    let mut unmet = Vec::new();
    for (i, rule) in rules.iter().enumerate() {
        let raw = answers.get(&rule.field.key).map_or("", String::as_str);
        let value = match rule.field.check(raw, today) {
            Ok(Some(v)) => v,
            Ok(None) => {
                problems.push((rule.field.key.clone(), FieldProblem::Missing));
                continue;
            }
            Err(p) => {
                problems.push((rule.field.key.clone(), p));
                continue;
            }
        };
        let holds = match &rule.must {
            Condition::DaysFromToday { from, to } => CivilDate::parse(&value).is_some_and(|d| {
                let days = d.epoch_days() - today.epoch_days();
                -i64::from(*from) <= days && days <= i64::from(*to)
            }),
            Condition::OneOf(values) => values.contains(&value),
        };
        if !holds {
            unmet.push(i);
        }
        clean.insert(rule.field.key.clone(), value);
    }
    if !problems.is_empty() {
        Err(NotEligible::Form(problems))
    } else if !unmet.is_empty() {
        Err(NotEligible::Rules(unmet))
    } else {
        Ok(clean)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::{ChoiceOption, FieldKind, FieldSpec};

    fn key(k: &str) -> FieldKey {
        FieldKey::parse(k).unwrap()
    }

    fn rules() -> Vec<Rule> {
        vec![
            Rule {
                field: FieldSpec {
                    key: key("child.birth_date"),
                    label: "出生日期".into(),
                    kind: FieldKind::PastDate,
                    required: true,
                    hint: None,
                    prefill: None,
                },
                must: Condition::DaysFromToday { from: 365, to: 0 },
                why: "出生已满一年".into(),
            },
            Rule {
                field: FieldSpec {
                    key: key("child.born_in"),
                    label: "出生地点".into(),
                    kind: FieldKind::Choice {
                        options: ["local", "elsewhere"]
                            .map(|v| ChoiceOption {
                                value: v.into(),
                                label: v.into(),
                            })
                            .to_vec(),
                    },
                    required: true,
                    hint: None,
                    prefill: None,
                },
                must: Condition::OneOf(vec!["local".into()]),
                why: "不在本市医院出生".into(),
            },
        ]
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| (key(k), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn each_rule_holds_or_is_named() {
        let today = CivilDate::new(2026, 12, 3).unwrap();
        let ok = check_eligibility(
            &rules(),
            &answers(&[
                ("child.birth_date", "2025年12月3日"),
                ("child.born_in", "local"),
            ]),
            today,
        );
        assert_eq!(ok.unwrap()[&key("child.birth_date")], "2025-12-03");
        assert_eq!(
            check_eligibility(
                &rules(),
                &answers(&[
                    ("child.birth_date", "2025-12-02"),
                    ("child.born_in", "elsewhere")
                ]),
                today
            ),
            Err(NotEligible::Rules(vec![0, 1]))
        );
        assert_eq!(
            check_eligibility(&rules(), &answers(&[("child.born_in", "local")]), today),
            Err(NotEligible::Form(vec![(
                key("child.birth_date"),
                FieldProblem::Missing
            )]))
        );
        assert_eq!(
            check_eligibility(
                &rules(),
                &answers(&[
                    ("child.birth_date", "2026-12-04"),
                    ("child.born_in", "local")
                ]),
                today
            ),
            Err(NotEligible::Form(vec![(
                key("child.birth_date"),
                FieldProblem::InTheFuture
            )]))
        );
    }
}
