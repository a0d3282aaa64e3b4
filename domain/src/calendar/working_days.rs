//! Working-day arithmetic for promised time limits (承诺办结时限): "N 个工作日" counts the
//! working days after the starting day, so a case accepted on Friday with a limit of 1 is due
//! on Monday, and one accepted on a Saturday hall day starts counting on Monday too.

use super::Calendar;
use crate::CivilDate;
use serde::{Deserialize, Serialize};

/// A date the calendar worked out, and whether it can vouch for it: `firm` is false when the
/// count crossed into a year whose holiday notice the calendar does not hold yet, so the date
/// assumes a plain week there and is shown as an estimate (预计).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reckoned {
    pub date: CivilDate,
    pub firm: bool,
}

impl Calendar {
    /// Whether offices work on `date`: a weekday that is no holiday, or a 调休 make-up day.
    pub fn is_working_day(&self, date: CivilDate) -> bool {
        match self.days.get(&date) {
            Some(entry) => !entry.holiday,
            None => !super::Weekday::of(date).is_weekend(),
        }
    }

    /// Whether the calendar holds the holiday notice for `date`'s year (at least one holiday
    /// of that year is entered); beyond it, a count is an estimate.
    pub fn covers(&self, date: CivilDate) -> bool {
        self.covered_years.contains(&date.year())
    }

    /// The `n`-th working day after `from` (`from` itself never counts); `from` when `n` is 0,
    /// the limit of a 即办件.
    pub fn add_working_days(&self, from: CivilDate, n: u32) -> Reckoned {
        let mut day = from.epoch_days();
        let mut left = n;
        let mut firm = self.covers(from);
        while left > 0 {
            day += 1;
            let date = CivilDate::from_epoch_days(day);
            firm &= self.covers(date);
            if self.is_working_day(date) {
                left -= 1;
            }
        }
        Reckoned {
            date: CivilDate::from_epoch_days(day),
            firm,
        }
    }

    /// The working days after `from` up to and including `to`: how many a deadline `to` has
    /// left on `from` (0 on the day it falls due), negative once `to` has passed.
    pub fn working_days_between(&self, from: CivilDate, to: CivilDate) -> i64 {
        let (a, b) = (from.epoch_days(), to.epoch_days());
        let count = |lo: i64, hi: i64| {
            (lo + 1..=hi)
                .filter(|&d| self.is_working_day(CivilDate::from_epoch_days(d)))
                .count() as i64
        };
        if a <= b { count(a, b) } else { -count(b, a) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: u16, m: u8, d: u8) -> CivilDate {
        CivilDate::new(y, m, d).unwrap()
    }

    type Ymd = (u16, u8, u8);

    /// (accepted on, working days, due on) over the 2025 and 2026 notices.
    const DEADLINES: &[(Ymd, u32, Ymd)] = &[
        // A plain week: Monday + 5 is the next Monday.
        ((2026, 3, 2), 5, (2026, 3, 9)),
        // Friday + 1 is Monday; a Saturday hall day + 1 is Monday as well.
        ((2026, 3, 6), 1, (2026, 3, 9)),
        ((2026, 3, 7), 1, (2026, 3, 9)),
        // 即办: the same day, even on a weekend.
        ((2026, 3, 7), 0, (2026, 3, 7)),
        // 元旦 2026: 1–3 off, Sunday 4 January worked.
        ((2025, 12, 31), 1, (2026, 1, 4)),
        ((2025, 12, 31), 2, (2026, 1, 5)),
        // 春节 2026: Saturday 14 February worked, 15–23 off, Saturday 28 worked.
        ((2026, 2, 13), 1, (2026, 2, 14)),
        ((2026, 2, 13), 2, (2026, 2, 24)),
        ((2026, 2, 13), 5, (2026, 2, 27)),
        ((2026, 2, 13), 6, (2026, 2, 28)),
        ((2026, 2, 13), 7, (2026, 3, 2)),
        // 劳动节 2026: 1–5 May off, Saturday 9 May worked.
        ((2026, 4, 30), 1, (2026, 5, 6)),
        ((2026, 4, 30), 4, (2026, 5, 9)),
        ((2026, 4, 30), 5, (2026, 5, 11)),
        // 中秋 and 国庆 2026: Sunday 20 September worked; 25–27 September and 1–7 October
        // off; Saturday 10 October worked.
        ((2026, 9, 18), 1, (2026, 9, 20)),
        ((2026, 9, 24), 1, (2026, 9, 28)),
        ((2026, 9, 30), 1, (2026, 10, 8)),
        ((2026, 9, 30), 3, (2026, 10, 10)),
        ((2026, 9, 30), 4, (2026, 10, 12)),
        // 2025: 春节 28 January – 4 February off, Sunday 26 January and Saturday 8 February
        // worked; 国庆 1–8 October off, Sunday 28 September and Saturday 11 October worked.
        ((2025, 1, 24), 1, (2025, 1, 26)),
        ((2025, 1, 24), 3, (2025, 2, 5)),
        ((2025, 2, 6), 2, (2025, 2, 8)),
        ((2025, 9, 26), 1, (2025, 9, 28)),
        ((2025, 9, 29), 2, (2025, 10, 9)),
        ((2025, 9, 29), 4, (2025, 10, 11)),
        // A 20-day limit across 中秋 and the 国庆 week: 3 + 3 + 3 (with Saturday 10 October) + 11.
        ((2026, 9, 21), 20, (2026, 10, 26)),
    ];

    #[test]
    fn deadlines_over_the_notices() {
        let c = Calendar::official();
        for &((y, m, d), n, (dy, dm, dd)) in DEADLINES {
            let due = c.add_working_days(day(y, m, d), n);
            assert_eq!(due.date, day(dy, dm, dd), "{y}-{m}-{d} + {n}");
            assert!(due.firm, "{y}-{m}-{d} + {n} lies inside the notices");
            assert_eq!(
                c.working_days_between(day(y, m, d), due.date),
                i64::from(n),
                "{y}-{m}-{d} + {n} counted back"
            );
        }
    }

    #[test]
    fn days_left_count_down_to_zero_then_below() {
        let c = Calendar::official();
        let due = day(2026, 10, 8);
        assert_eq!(c.working_days_between(day(2026, 9, 30), due), 1);
        assert_eq!(
            c.working_days_between(day(2026, 10, 3), due),
            1,
            "holiday week"
        );
        assert_eq!(c.working_days_between(due, due), 0, "due today");
        assert_eq!(c.working_days_between(day(2026, 10, 9), due), -1);
        assert_eq!(
            c.working_days_between(day(2026, 10, 12), due),
            -3,
            "10 October worked"
        );
    }

    #[test]
    fn a_count_into_an_unpublished_year_is_an_estimate() {
        let c = Calendar::official();
        let late = c.add_working_days(day(2026, 12, 28), 5);
        assert_eq!(late.date, day(2027, 1, 4), "a plain week assumed in 2027");
        assert!(!late.firm);
        assert!(c.add_working_days(day(2026, 12, 21), 5).firm);
        let with_2027 = Calendar::new(c.entries().cloned().chain([super::super::CalendarEntry {
            date: day(2027, 1, 1),
            holiday: true,
            name: "元旦".into(),
        }]));
        assert!(with_2027.add_working_days(day(2026, 12, 28), 5).firm);
    }

    fn any_date() -> impl Strategy<Value = CivilDate> {
        // 2024-06-01 … 2027-06-30: inside, across and beyond the notices.
        (19_875_i64..21_000).prop_map(CivilDate::from_epoch_days)
    }

    proptest! {
        #[test]
        fn adding_then_counting_gives_back_n(from in any_date(), n in 0_u32..80) {
            let c = Calendar::official();
            let due = c.add_working_days(from, n);
            prop_assert_eq!(c.working_days_between(from, due.date), i64::from(n));
            if n > 0 {
                prop_assert!(c.is_working_day(due.date));
                prop_assert!(due.date > from);
            }
            prop_assert!(c.add_working_days(from, n + 1).date > due.date);
        }

        #[test]
        fn counts_add_up_and_reverse(a in any_date(), b in any_date(), m in any_date()) {
            let c = Calendar::official();
            prop_assert_eq!(
                c.working_days_between(a, m) + c.working_days_between(m, b),
                c.working_days_between(a, b)
            );
            prop_assert_eq!(c.working_days_between(a, b), -c.working_days_between(b, a));
        }
    }
}
