use crate::CivilDate;
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

    /// Whether a member born on `member` can be this relation of a citizen born on
    /// `citizen`: a parent is born before, a child after (refused as `Refusal::BirthOrder`).
    pub fn birth_fits(self, member: CivilDate, citizen: CivilDate) -> bool {
        match self {
            Self::Parent => member < citizen,
            Self::Child => member > citizen,
            Self::Spouse => true,
        }
    }

    /// One spouse at a time.
    pub fn only_one(self) -> bool {
        self == Self::Spouse
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

    #[test]
    fn parents_are_born_before_and_children_after() {
        let me = CivilDate::new(1985, 3, 12).unwrap();
        let older = CivilDate::new(1960, 1, 1).unwrap();
        let younger = CivilDate::new(2015, 6, 1).unwrap();
        assert!(Relation::Parent.birth_fits(older, me));
        assert!(!Relation::Parent.birth_fits(younger, me));
        assert!(!Relation::Parent.birth_fits(me, me));
        assert!(Relation::Child.birth_fits(younger, me));
        assert!(!Relation::Child.birth_fits(older, me));
        assert!(Relation::Spouse.birth_fits(younger, me));
        assert!(Relation::Spouse.only_one() && !Relation::Child.only_one());
    }
}
