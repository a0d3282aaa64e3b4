//! The promised time limit (承诺办结时限) as a clock: it counts working days from 受理, stops
//! while the case waits for a supplement (需补正: the law's 中止), starts again on
//! resubmission, and stops at the decision. Everything it says comes from the one working-day
//! calendar, so a holiday or 调休 day entered there moves every deadline alike; beyond the
//! years whose notice the calendar holds, it says so (`firm` is false).

use crate::CivilDate;
use crate::calendar::{Calendar, Reckoned};
use serde::{Deserialize, Serialize};

/// What happened to the clock, and on which day (China time), in the order it happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClockMark {
    /// 受理: the count starts the next working day. Only the first counts: a case accepted
    /// again after a supplement goes on from its resubmission.
    Accepted(CivilDate),
    /// 需补正 asked (after 受理): the count stops; that day counts as used.
    Paused(CivilDate),
    /// Resubmitted: the count goes on from the next working day.
    Resumed(CivilDate),
    /// Decided (or withdrawn): the count ends.
    Stopped(CivilDate),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Running {
    Running,
    /// Waiting for the citizen's supplement: `days_left` is what will be left on resuming.
    Paused,
    /// Decided; `on_time` when within the limit.
    Stopped {
        on_time: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// The promised limit, in working days.
    pub limit: u32,
    /// Working days counted so far (paused days are not).
    pub used: i64,
    /// When the case falls due, while the clock runs and the limit is not yet passed.
    pub due: Option<Reckoned>,
    /// Working days left today: 0 on the day it falls due, negative once overdue (by that
    /// many working days). While paused, the days that will be left on resuming.
    pub days_left: i64,
    pub running: Running,
    /// Whether the calendar can vouch for the figures (every day counted lies in a year
    /// whose holiday notice it holds).
    pub firm: bool,
}

impl Deadline {
    /// Overdue and still running: staff see these first.
    pub fn overdue(&self) -> bool {
        self.running == Running::Running && self.days_left < 0
    }
}

/// The clock of a case with a `limit` of working days, after `marks`, on `today`; `None`
/// before 受理 (a draft or a submitted case has no clock yet).
pub fn deadline(
    calendar: &Calendar,
    limit: u32,
    marks: &[ClockMark],
    today: CivilDate,
) -> Option<Deadline> {
    let mut used = 0_i64;
    let mut since: Option<CivilDate> = None;
    let mut accepted = false;
    let mut stopped = false;
    let mut firm = true;
    let mut count = |from: CivilDate, to: CivilDate| {
        firm &= calendar.covers(from) && calendar.covers(to);
        calendar.working_days_between(from, to)
    };
    for mark in marks {
        match *mark {
            ClockMark::Accepted(day) if !accepted => {
                accepted = true;
                since = Some(day);
            }
            ClockMark::Resumed(day) if accepted && !stopped => since = since.or(Some(day)),
            ClockMark::Paused(day) | ClockMark::Stopped(day) if accepted && !stopped => {
                if let Some(from) = since.take() {
                    used += count(from, day).max(0);
                }
                stopped = matches!(mark, ClockMark::Stopped(_));
            }
            _ => {}
        }
    }
    if !accepted {
        return None;
    }
    let left = i64::from(limit) - used;
    let (due, days_left, running) = match since {
        Some(from) if !stopped => {
            let due = u32::try_from(left)
                .ok()
                .map(|n| calendar.add_working_days(from, n));
            let days_left = left - count(from, today);
            firm &= due.is_none_or(|d| d.firm);
            (due, days_left, Running::Running)
        }
        _ if stopped => (None, left, Running::Stopped { on_time: left >= 0 }),
        _ => (None, left, Running::Paused),
    };
    Some(Deadline {
        limit,
        used,
        due,
        days_left,
        running,
        firm,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ClockMark::*;
    use proptest::prelude::*;

    fn day(y: u16, m: u8, d: u8) -> CivilDate {
        CivilDate::new(y, m, d).unwrap()
    }

    fn clock(limit: u32, marks: &[ClockMark], today: CivilDate) -> Deadline {
        deadline(&Calendar::official(), limit, marks, today).expect("accepted")
    }

    #[test]
    fn no_clock_before_acceptance() {
        assert_eq!(
            deadline(&Calendar::official(), 5, &[], day(2026, 3, 2)),
            None
        );
        assert_eq!(
            deadline(
                &Calendar::official(),
                5,
                &[Paused(day(2026, 3, 2))],
                day(2026, 3, 3)
            ),
            None
        );
    }

    #[test]
    fn a_running_clock_counts_down_over_the_国庆_week() {
        // Accepted 30 September 2026, 5 working days: 8, 9, 10 (调休 Saturday), 12, 13 October.
        let marks = [Accepted(day(2026, 9, 30))];
        let d = clock(5, &marks, day(2026, 9, 30));
        assert_eq!(d.due.map(|r| r.date), Some(day(2026, 10, 13)));
        assert_eq!(d.days_left, 5);
        assert!(d.firm && !d.overdue());
        assert_eq!(
            clock(5, &marks, day(2026, 10, 5)).days_left,
            5,
            "holiday week"
        );
        assert_eq!(clock(5, &marks, day(2026, 10, 10)).days_left, 2);
        assert_eq!(
            clock(5, &marks, day(2026, 10, 13)).days_left,
            0,
            "due today"
        );
        let late = clock(5, &marks, day(2026, 10, 15));
        assert_eq!(late.days_left, -2);
        assert!(late.overdue());
    }

    #[test]
    fn a_supplement_pauses_the_clock() {
        // Monday 2 March, 5 days; 补正 asked Wednesday (Tuesday and Wednesday used), resubmitted
        // the next Monday: 3 left, due Thursday 12 March instead of Monday 9 March.
        let asked = [Accepted(day(2026, 3, 2)), Paused(day(2026, 3, 4))];
        let paused = clock(5, &asked, day(2026, 3, 6));
        assert_eq!(paused.running, Running::Paused);
        assert_eq!((paused.used, paused.days_left, paused.due), (2, 3, None));
        let resumed = [asked[0], asked[1], Resumed(day(2026, 3, 9))];
        let d = clock(5, &resumed, day(2026, 3, 9));
        assert_eq!(d.due.map(|r| r.date), Some(day(2026, 3, 12)));
        assert_eq!(d.days_left, 3);
    }

    #[test]
    fn acceptance_again_after_a_supplement_does_not_restart_the_count() {
        let marks = [
            Accepted(day(2026, 3, 2)),
            Paused(day(2026, 3, 4)),
            Resumed(day(2026, 3, 9)),
            Accepted(day(2026, 3, 10)),
        ];
        let d = clock(5, &marks, day(2026, 3, 10));
        assert_eq!(d.due.map(|r| r.date), Some(day(2026, 3, 12)));
        assert_eq!(d.days_left, 2);
    }

    #[test]
    fn a_pause_over_春节_and_a_调休_saturday() {
        // Tuesday 10 February 2026, 3 days; paused on the 11th (1 used); resubmitted Friday 27
        // February: the 2 left are Saturday 28 February (worked) and Monday 2 March.
        let marks = [
            Accepted(day(2026, 2, 10)),
            Paused(day(2026, 2, 11)),
            Resumed(day(2026, 2, 27)),
        ];
        let d = clock(3, &marks, day(2026, 2, 27));
        assert_eq!(d.due.map(|r| r.date), Some(day(2026, 3, 2)));
        assert_eq!(clock(3, &marks, day(2026, 2, 28)).days_left, 1);
    }

    #[test]
    fn a_decision_stops_the_clock_and_says_if_it_was_on_time() {
        let marks = [Accepted(day(2026, 3, 2)), Stopped(day(2026, 3, 5))];
        let d = clock(5, &marks, day(2026, 4, 1));
        assert_eq!(d.running, Running::Stopped { on_time: true });
        assert_eq!((d.used, d.days_left), (3, 2));
        let late = [Accepted(day(2026, 3, 2)), Stopped(day(2026, 3, 12))];
        assert_eq!(
            clock(5, &late, day(2026, 4, 1)).running,
            Running::Stopped { on_time: false }
        );
    }

    #[test]
    fn a_deadline_in_an_unpublished_year_is_an_estimate() {
        let d = clock(10, &[Accepted(day(2026, 12, 24))], day(2026, 12, 24));
        assert!(!d.firm);
        assert!(d.due.is_some_and(|r| r.date.year() == 2027 && !r.firm));
        assert!(clock(5, &[Accepted(day(2026, 12, 1))], day(2026, 12, 1)).firm);
    }

    fn any_day() -> impl Strategy<Value = CivilDate> {
        // 2025-01-01 … 2026-11-30: inside the notices.
        (20_089_i64..20_787).prop_map(CivilDate::from_epoch_days)
    }

    proptest! {
        /// Without a pause the due date is the calendar's; a pause never brings it forward,
        /// and one begun and ended on the same day before the due date changes nothing.
        #[test]
        fn pauses_only_ever_push_the_due_date_back(
            accepted in any_day(), limit in 1_u32..30, at in 0_i64..40, length in 0_i64..40,
        ) {
            let c = Calendar::official();
            let plain = deadline(&c, limit, &[Accepted(accepted)], accepted).unwrap();
            let due = c.add_working_days(accepted, limit).date;
            prop_assert_eq!(plain.due.map(|r| r.date), Some(due));
            let paused_on = CivilDate::from_epoch_days(accepted.epoch_days() + at);
            prop_assume!(paused_on < due);
            let resumed_on = CivilDate::from_epoch_days(paused_on.epoch_days() + length);
            let marks = [Accepted(accepted), Paused(paused_on), Resumed(resumed_on)];
            let d = deadline(&c, limit, &marks, resumed_on).unwrap();
            let later = d.due.expect("within the limit").date;
            prop_assert!(later >= due);
            if length == 0 {
                prop_assert_eq!(later, due);
            }
            prop_assert_eq!(d.used + c.working_days_between(resumed_on, later), i64::from(limit));
        }
    }
}
