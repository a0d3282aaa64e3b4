//! A bundle as the catalogue seed writes it.

use crate::case::{FieldKey, FieldSpec};
use crate::catalog::Theme;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleDef {
    /// Lower-case letters, digits and `-` (`birth`): the bundle's address.
    pub code: String,
    /// 出生一件事.
    pub name: String,
    /// One sentence for the tile and the page.
    pub summary: String,
    #[serde(default)]
    pub themes: Vec<Theme>,
    /// Words people search it by.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Trips to a hall the joint application still needs (0: none).
    pub visits: u8,
    /// Who may apply: each rule asks one question and says why when it is not met.
    #[serde(default)]
    pub eligibility: Vec<Rule>,
    pub items: Vec<BundleItem>,
    /// Materials the items name differently that one upload serves; the first name is the
    /// one the joint form shows.
    #[serde(default)]
    pub same_materials: Vec<Vec<String>>,
    /// 事项 offered once the bundle is finished (by code).
    #[serde(default)]
    pub follow_ups: Vec<String>,
    /// The person the bundle is about, added to the applicant's family members once an item
    /// issues their ID number (the newborn).
    #[serde(default)]
    pub adds_member: Option<MemberFrom>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleItem {
    /// The 事项 code.
    pub item: String,
    /// Items (by code) that must be finished before this one starts.
    #[serde(default)]
    pub after: Vec<String>,
    /// What the department records when it finishes this item, and which items it feeds.
    #[serde(default)]
    pub outputs: Vec<Output>,
}

/// A fact one item issues (a certificate number, a new ID number) that later items take.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Output {
    pub field: FieldSpec,
    /// Items (by code) given this fact when they start; each must come after the issuer.
    pub feeds: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub field: FieldSpec,
    pub must: Condition,
    /// Said to someone the rule turns away, in one sentence.
    pub why: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// A date from `from` days before today to `to` days after it (both included).
    DaysFromToday { from: u32, to: u32 },
    /// One of these choices.
    OneOf(Vec<String>),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberFrom {
    /// The joint form's field with their name.
    pub name: FieldKey,
    /// The output with their ID number.
    pub id_number: FieldKey,
    /// `child`, `spouse` or `parent`.
    pub relation: crate::Relation,
}

impl BundleDef {
    /// The code's shape: 2–32 lower-case letters, digits or `-`, starting with a letter.
    pub fn code_ok(code: &str) -> bool {
        (2..=32).contains(&code.len())
            && code.starts_with(|c: char| c.is_ascii_lowercase())
            && code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }

    pub fn position(&self, item: &str) -> Option<usize> {
        self.items.iter().position(|i| i.item == item)
    }

    /// Whether a search for `query` should offer the bundle: its name or a keyword holds
    /// the query, or the query holds a keyword ("新生儿怎么上户口" holds "新生儿").
    pub fn matches(&self, query: &str) -> bool {
        let q = query.trim();
        !q.is_empty()
            && (self.name.contains(q)
                || self
                    .keywords
                    .iter()
                    .any(|k| k.contains(q) || (k.chars().count() >= 2 && q.contains(k.as_str()))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_finds_a_bundle_by_name_or_keyword_either_way() {
        let def = BundleDef {
            code: "birth".into(),
            name: "出生一件事".into(),
            summary: String::new(),
            themes: Vec::new(),
            keywords: vec!["新生儿".into(), "宝宝上户口".into()],
            visits: 0,
            eligibility: Vec::new(),
            items: Vec::new(),
            same_materials: Vec::new(),
            follow_ups: Vec::new(),
            adds_member: None,
        };
        for q in ["出生", "一件事", "新生儿怎么落户", "上户口", " 新生儿 "] {
            assert!(def.matches(q), "{q}");
        }
        for q in ["", "  ", "退休", "户口迁入"] {
            assert!(!def.matches(q), "{q}");
        }
        assert!(BundleDef::code_ok("school-move"));
        assert!(
            !BundleDef::code_ok("Birth") && !BundleDef::code_ok("1a") && !BundleDef::code_ok("a")
        );
    }
}
