use super::schedule::TimeOfDay;
use crate::CivilDate;
use serde::{Deserialize, Serialize};

/// When a day's slots can be booked: day D opens `days_before` days earlier at `opens_at`
/// (China time), and each slot closes `cutoff_minutes` before it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleaseRule {
    pub days_before: u32,
    pub opens_at: TimeOfDay,
    pub cutoff_minutes: u32,
}

impl Default for ReleaseRule {
    fn default() -> Self {
        Self {
            days_before: 7,
            opens_at: TimeOfDay(8 * 60),
            cutoff_minutes: 60,
        }
    }
}

/// Where a day stands for booking at some instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Release {
    /// Not released yet; opens at this instant.
    NotYet(i64),
    Open,
    /// Past (or too late to book its last slot).
    Over,
}

impl ReleaseRule {
    pub fn opens(&self, day: CivilDate) -> i64 {
        CivilDate::from_epoch_days(day.epoch_days() - i64::from(self.days_before)).china_midnight()
            + self.opens_at.minutes() * 60
    }

    /// The last instant a slot starting at `start` can be booked, cancelled or moved.
    pub fn cutoff(&self, start: i64) -> i64 {
        start - i64::from(self.cutoff_minutes) * 60
    }

    pub fn release(&self, day: CivilDate, last_slot_start: i64, now: i64) -> Release {
        let opens = self.opens(day);
        if now < opens {
            Release::NotYet(opens)
        } else if now > self.cutoff(last_slot_start) {
            Release::Over
        } else {
            Release::Open
        }
    }
}

/// The booking rules, configurable per deployment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingPolicy {
    /// Active (not yet served) bookings one account may hold.
    pub max_active: u32,
    /// How long a freed place is held for the first in the waitlist.
    pub offer_hold_secs: i64,
    /// After the slot ends, how long before a booking not checked in is a no-show.
    pub no_show_grace_secs: i64,
    pub no_show_limit: u32,
    pub no_show_window_days: i64,
    pub suspension_days: i64,
    /// Check-in opens this long before the slot starts …
    pub check_in_early_secs: i64,
    /// … and closes this long after.
    pub check_in_late_secs: i64,
}

impl Default for BookingPolicy {
    fn default() -> Self {
        Self {
            max_active: 3,
            offer_hold_secs: 15 * 60,
            no_show_grace_secs: 30 * 60,
            no_show_limit: 3,
            no_show_window_days: 90,
            suspension_days: 30,
            check_in_early_secs: 30 * 60,
            check_in_late_secs: 15 * 60,
        }
    }
}

/// A check-in attempt at `now` for a slot starting at `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckIn {
    TooEarly { opens: i64 },
    Allowed,
    TooLate,
}

impl BookingPolicy {
    /// The end of the suspension the no-shows at `no_shows` (instants) earn, if it is still
    /// running at `now`: `no_show_limit` within any `no_show_window_days` suspend for
    /// `suspension_days` from the last of them.
    pub fn suspended_until(&self, no_shows: &[i64], now: i64) -> Option<i64> {
        let limit = self.no_show_limit as usize;
        if limit == 0 || no_shows.len() < limit {
            return None;
        }
        let mut times = no_shows.to_vec();
        times.sort_unstable();
        let window = self.no_show_window_days * 86_400;
        times
            .windows(limit)
            .filter(|w| w[limit - 1] - w[0] <= window)
            .map(|w| w[limit - 1] + self.suspension_days * 86_400)
            .filter(|&until| until > now)
            .max()
    }

    pub fn check_in(&self, start: i64, now: i64) -> CheckIn {
        if now < start - self.check_in_early_secs {
            CheckIn::TooEarly {
                opens: start - self.check_in_early_secs,
            }
        } else if now > start + self.check_in_late_secs {
            CheckIn::TooLate
        } else {
            CheckIn::Allowed
        }
    }

    /// A booking for a slot ending at `end` not checked in by this instant is a no-show.
    pub fn no_show_after(&self, end: i64) -> i64 {
        end + self.no_show_grace_secs
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BookingStatus {
    Booked,
    CheckedIn,
    Done,
    Cancelled,
    NoShow,
    /// The hall closed the day (weather, outage).
    Closed,
}

impl BookingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Booked => "booked",
            Self::CheckedIn => "checked_in",
            Self::Done => "done",
            Self::Cancelled => "cancelled",
            Self::NoShow => "no_show",
            Self::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            Self::Booked,
            Self::CheckedIn,
            Self::Done,
            Self::Cancelled,
            Self::NoShow,
            Self::Closed,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }

    /// Holds a place and counts toward the active limit.
    pub fn is_active(self) -> bool {
        self == Self::Booked
    }
}

/// Where a place in a full day's waitlist stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WaitStatus {
    /// In line (`position` says where).
    Waiting,
    /// A place came free and is held for this citizen until the offer's end.
    Offered,
    /// The offer was taken: it is a booking now.
    Accepted,
    /// The offer ran out, or the day passed or closed.
    Expired,
    /// The citizen left the line.
    Left,
}

impl WaitStatus {
    const ALL: [Self; 5] = [
        Self::Waiting,
        Self::Offered,
        Self::Accepted,
        Self::Expired,
        Self::Left,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Waiting => "waiting",
            Self::Offered => "offered",
            Self::Accepted => "accepted",
            Self::Expired => "expired",
            Self::Left => "left",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Still in line or holding an offer.
    pub fn is_live(self) -> bool {
        matches!(self, Self::Waiting | Self::Offered)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const DAY: i64 = 86_400;

    #[test]
    fn a_saturday_opens_the_saturday_before_at_eight() {
        let rule = ReleaseRule::default();
        let sat = CivilDate::new(2026, 12, 5).unwrap();
        let opens = rule.opens(sat);
        assert_eq!(CivilDate::in_china(opens).to_string(), "2026-11-28");
        assert_eq!(
            opens - CivilDate::new(2026, 11, 28).unwrap().china_midnight(),
            8 * 3600
        );
        let nine = sat.china_midnight() + 9 * 3600;
        assert_eq!(rule.release(sat, nine, opens - 1), Release::NotYet(opens));
        assert_eq!(rule.release(sat, nine, opens), Release::Open);
        assert_eq!(rule.release(sat, nine, nine - 3600), Release::Open);
        assert_eq!(rule.release(sat, nine, nine - 3599), Release::Over);
    }

    #[test]
    fn three_no_shows_in_ninety_days_suspend_for_thirty() {
        let p = BookingPolicy::default();
        let t0 = 1_800_000_000;
        let shows = [t0, t0 + 10 * DAY, t0 + 89 * DAY];
        assert_eq!(p.suspended_until(&shows[..2], t0 + 11 * DAY), None);
        let until = t0 + 89 * DAY + 30 * DAY;
        assert_eq!(p.suspended_until(&shows, t0 + 90 * DAY), Some(until));
        assert_eq!(p.suspended_until(&shows, until), None, "over at its end");
        let spread = [t0, t0 + 50 * DAY, t0 + 91 * DAY];
        assert_eq!(p.suspended_until(&spread, t0 + 92 * DAY), None);
    }

    #[test]
    fn check_in_from_half_an_hour_before_to_a_quarter_after() {
        let p = BookingPolicy::default();
        let start = 1_800_000_000;
        assert_eq!(
            p.check_in(start, start - 1801),
            CheckIn::TooEarly {
                opens: start - 1800
            }
        );
        assert_eq!(p.check_in(start, start - 1800), CheckIn::Allowed);
        assert_eq!(p.check_in(start, start + 900), CheckIn::Allowed);
        assert_eq!(p.check_in(start, start + 901), CheckIn::TooLate);
    }

    #[test]
    fn statuses_round_trip() {
        for s in [
            "booked",
            "checked_in",
            "done",
            "cancelled",
            "no_show",
            "closed",
        ] {
            assert_eq!(BookingStatus::parse(s).map(BookingStatus::as_str), Some(s));
        }
        assert_eq!(BookingStatus::parse("x"), None);
    }

    proptest! {
        /// Adding a no-show never shortens a suspension, and fewer than the limit never suspend.
        #[test]
        fn suspensions_only_grow(mut days in proptest::collection::vec(0i64..400, 0..8), extra in 0i64..400, now_day in 0i64..500) {
            let p = BookingPolicy::default();
            let t0 = 1_800_000_000;
            let now = t0 + now_day * DAY;
            let times: Vec<i64> = days.iter().map(|d| t0 + d * DAY).collect();
            let before = p.suspended_until(&times, now);
            if times.len() < 3 { prop_assert_eq!(before, None); }
            days.push(extra);
            let more: Vec<i64> = days.iter().map(|d| t0 + d * DAY).collect();
            prop_assert!(p.suspended_until(&more, now) >= before);
        }
    }
}
