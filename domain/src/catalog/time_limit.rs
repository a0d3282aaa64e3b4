use serde::{Deserialize, Serialize};
use std::fmt;

/// A time limit counted in working days (法定/承诺办结时限). Zero means 即办 (done on the spot).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WorkingDays(pub u16);

impl WorkingDays {
    pub const ON_THE_SPOT: Self = Self(0);

    pub fn is_on_the_spot(self) -> bool {
        self.0 == 0
    }

    /// How much the promised limit shortens the legal one, in whole percent rounded down
    /// (the figure the 承诺 vs 法定 comparison shows: 承诺 5 天、法定 20 天 → 75 %).
    /// `None` when there is no legal limit to compare with.
    pub fn compression_percent(promised: Self, legal: Self) -> Option<u8> {
        if legal.0 == 0 {
            return None;
        }
        let saved = legal.0.saturating_sub(promised.0) as u32;
        Some((saved * 100 / legal.0 as u32) as u8)
    }
}

impl fmt::Display for WorkingDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_on_the_spot() {
            f.write_str("即办")
        } else {
            write!(f, "{} 个工作日", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn displays_days_and_on_the_spot() {
        assert_eq!(WorkingDays(5).to_string(), "5 个工作日");
        assert_eq!(WorkingDays::ON_THE_SPOT.to_string(), "即办");
    }

    #[test]
    fn compression_matches_the_published_examples() {
        assert_eq!(
            WorkingDays::compression_percent(WorkingDays(5), WorkingDays(20)),
            Some(75)
        );
        assert_eq!(
            WorkingDays::compression_percent(WorkingDays(0), WorkingDays(20)),
            Some(100)
        );
        assert_eq!(
            WorkingDays::compression_percent(WorkingDays(20), WorkingDays(20)),
            Some(0)
        );
        assert_eq!(
            WorkingDays::compression_percent(WorkingDays(7), WorkingDays(30)),
            Some(76)
        );
        assert_eq!(
            WorkingDays::compression_percent(WorkingDays(0), WorkingDays(0)),
            None
        );
    }

    proptest! {
        #[test]
        fn compression_is_a_percentage_and_monotone(p in 0u16..400, legal in 1u16..400) {
            let pct = WorkingDays::compression_percent(WorkingDays(p), WorkingDays(legal)).unwrap();
            prop_assert!(pct <= 100);
            if p < legal {
                let worse = WorkingDays::compression_percent(WorkingDays(p + 1), WorkingDays(legal)).unwrap();
                prop_assert!(worse <= pct);
            }
        }
    }
}
