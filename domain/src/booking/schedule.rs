use crate::calendar::DayKind;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Minutes after midnight, China time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TimeOfDay(pub u16);

impl TimeOfDay {
    pub fn parse(text: &str) -> Option<Self> {
        let (h, m) = text.trim().split_once(':')?;
        let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
        (h < 24 && m < 60).then_some(Self(h * 60 + m))
    }

    pub fn minutes(self) -> i64 {
        i64::from(self.0)
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub start: TimeOfDay,
    pub end: TimeOfDay,
}

/// Opening hours of one department's windows in a hall, for weekdays or for weekends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub periods: Vec<Period>,
    pub windows: u32,
    pub slot_minutes: u32,
    /// Citizens one window serves per slot.
    pub per_window: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ScheduleError {
    #[error("periods are not like 09:00-12:00, comma-separated")]
    BadPeriods,
    #[error("periods overlap or are out of order")]
    Overlap,
    #[error("windows, slot length or places per window is 0")]
    Zero,
}

/// One bookable slot a schedule makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlotSpec {
    pub start: TimeOfDay,
    pub end: TimeOfDay,
    pub capacity: u32,
}

impl Schedule {
    /// `periods` like "09:00-12:00,13:00-17:00".
    pub fn new(
        periods: &str,
        windows: u32,
        slot_minutes: u32,
        per_window: u32,
    ) -> Result<Self, ScheduleError> {
        if windows == 0 || slot_minutes == 0 || per_window == 0 {
            return Err(ScheduleError::Zero);
        }
        let mut parsed = Vec::new();
        for part in periods.split([',', '，']).filter(|p| !p.trim().is_empty()) {
            let (a, b) = part
                .split_once(['-', '–', '～', '~'])
                .ok_or(ScheduleError::BadPeriods)?;
            let start = TimeOfDay::parse(a).ok_or(ScheduleError::BadPeriods)?;
            let end = TimeOfDay::parse(b).ok_or(ScheduleError::BadPeriods)?;
            if end <= start || parsed.last().is_some_and(|p: &Period| p.end > start) {
                return Err(ScheduleError::Overlap);
            }
            parsed.push(Period { start, end });
        }
        if parsed.is_empty() {
            return Err(ScheduleError::BadPeriods);
        }
        Ok(Self {
            periods: parsed,
            windows,
            slot_minutes,
            per_window,
        })
    }

    /// "09:00-12:00,13:00-17:00", the form `new` reads.
    pub fn periods_text(&self) -> String {
        self.periods
            .iter()
            .map(|p| format!("{}-{}", p.start, p.end))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Whole slots only: a period's leftover minutes at the end are not offered.
    pub fn slots(&self) -> Vec<SlotSpec> {
        let step = self.slot_minutes as u16;
        let capacity = self.windows * self.per_window;
        let mut out = Vec::new();
        for p in &self.periods {
            let mut start = p.start.0;
            while start + step <= p.end.0 {
                out.push(SlotSpec {
                    start: TimeOfDay(start),
                    end: TimeOfDay(start + step),
                    capacity,
                });
                start += step;
            }
        }
        out
    }

    /// Which schedule a day follows: a 调休 Saturday works the weekday hours (and only those),
    /// a holiday closes both.
    pub fn for_day<'a>(
        kind: &DayKind,
        weekday: Option<&'a Schedule>,
        weekend: Option<&'a Schedule>,
    ) -> Option<&'a Schedule> {
        match kind {
            DayKind::Workday | DayKind::MakeupWorkday(_) => weekday,
            DayKind::Weekend => weekend,
            DayKind::Holiday(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_weekday_makes_fourteen_half_hours() {
        let s = Schedule::new("09:00-12:00,13:00-17:00", 2, 30, 1).unwrap();
        let slots = s.slots();
        assert_eq!(slots.len(), 6 + 8);
        assert_eq!(slots[0].start.to_string(), "09:00");
        assert_eq!(slots[6].start.to_string(), "13:00", "no slot over lunch");
        assert!(slots.iter().all(|s| s.capacity == 2));
        assert_eq!(s.periods_text(), "09:00-12:00,13:00-17:00");
    }

    #[test]
    fn bad_hours_are_refused() {
        assert_eq!(
            Schedule::new("9-12", 1, 30, 1),
            Err(ScheduleError::BadPeriods)
        );
        assert_eq!(
            Schedule::new("12:00-09:00", 1, 30, 1),
            Err(ScheduleError::Overlap)
        );
        assert_eq!(
            Schedule::new("09:00-12:00,11:00-13:00", 1, 30, 1),
            Err(ScheduleError::Overlap)
        );
        assert_eq!(
            Schedule::new("09:00-12:00", 0, 30, 1),
            Err(ScheduleError::Zero)
        );
        assert_eq!(Schedule::new("", 1, 30, 1), Err(ScheduleError::BadPeriods));
        assert!(Schedule::new("09:00～12:00，13:00-17:00", 1, 30, 1).is_ok());
    }

    #[test]
    fn a_makeup_saturday_works_weekday_hours_only() {
        let weekday = Schedule::new("09:00-12:00,13:00-17:00", 3, 30, 1).unwrap();
        let weekend = Schedule::new("09:00-17:00", 1, 30, 1).unwrap();
        let pick = |k: &DayKind| Schedule::for_day(k, Some(&weekday), Some(&weekend));
        assert_eq!(pick(&DayKind::MakeupWorkday("春节".into())), Some(&weekday));
        assert_eq!(pick(&DayKind::Weekend), Some(&weekend));
        assert_eq!(pick(&DayKind::Holiday("春节".into())), None);
        assert_eq!(
            Schedule::for_day(&DayKind::Weekend, Some(&weekday), None),
            None
        );
    }

    proptest! {
        #[test]
        fn slots_stay_inside_the_hours_and_never_overlap(
            start in 0u16..600, len in 1u16..600, slot in 5u32..120, windows in 1u32..5,
        ) {
            let (a, b) = (TimeOfDay(start), TimeOfDay(start + len));
            let s = Schedule::new(&format!("{a}-{b}"), windows, slot, 1).unwrap();
            let slots = s.slots();
            prop_assert_eq!(slots.len() as u32, u32::from(len) / slot);
            for w in slots.windows(2) {
                prop_assert!(w[0].end <= w[1].start);
            }
            for x in &slots {
                prop_assert!(x.start >= a && x.end <= b);
            }
        }
    }
}
