use serde::{Deserialize, Serialize};

/// How a family member is related to the citizen who added them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Spouse,
    Child,
    Parent,
}

impl Relation {
    pub const ALL: [Relation; 3] = [Relation::Spouse, Relation::Child, Relation::Parent];

    pub fn label(self) -> &'static str {
        match self {
            Self::Spouse => "配偶",
            Self::Child => "子女",
            Self::Parent => "父母",
        }
    }

    /// The form and storage value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Spouse => "spouse",
            Self::Child => "child",
            Self::Parent => "parent",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == value)
    }

    /// Only a child may be added without an ID number (a newborn has none before 户口登记).
    pub fn may_lack_id(self) -> bool {
        self == Self::Child
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_and_only_children_may_lack_an_id() {
        for relation in Relation::ALL {
            assert_eq!(Relation::parse(relation.as_str()), Some(relation));
        }
        assert_eq!(Relation::parse("friend"), None);
        assert!(Relation::Child.may_lack_id());
        assert!(!Relation::Spouse.may_lack_id() && !Relation::Parent.may_lack_id());
    }
}
