use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date (no time zone): birth dates, holidays, deadlines. The domain has no clock,
/// so "today" is always passed in by the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CivilDate {
    year: u16,
    month: u8,
    day: u8,
}

impl CivilDate {
    /// A real date, or `None` (30 February, month 13 …).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    /// "2026-12-03", also "2026/12/3" and "2026年12月3日".
    pub fn parse(raw: &str) -> Option<Self> {
        let parts: Vec<&str> = raw
            .split(['-', '/', '.', '年', '月', '日'])
            .filter(|p| !p.is_empty())
            .collect();
        match parts.as_slice() {
            [y, m, d] => Self::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
            _ => None,
        }
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// The date in China (UTC+8, no daylight saving) at `unix_secs` seconds since 1970 UTC.
    pub fn in_china(unix_secs: i64) -> Self {
        Self::from_epoch_days((unix_secs + CHINA_OFFSET_SECS).div_euclid(86_400))
    }

    /// The date `days` after 1970-01-01 (H. Hinnant's civil-from-days).
    pub fn from_epoch_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Self { year, month, day }
    }

    /// Days since 1970-01-01; the inverse of `from_epoch_days`.
    pub fn epoch_days(self) -> i64 {
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let yoe = year.rem_euclid(400);
        let mp = (month + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The instant this date starts in China, in seconds since 1970 UTC.
    pub fn china_midnight(self) -> i64 {
        self.epoch_days() * 86_400 - CHINA_OFFSET_SECS
    }
}

/// China Standard Time is UTC+8 all year.
pub const CHINA_OFFSET_SECS: i64 = 8 * 3_600;

pub fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_dates_only() {
        assert!(CivilDate::new(2024, 2, 29).is_some());
        assert!(CivilDate::new(2023, 2, 29).is_none());
        assert!(
            CivilDate::new(1900, 2, 29).is_none(),
            "1900 is not a leap year"
        );
        assert!(CivilDate::new(2000, 2, 29).is_some(), "2000 is");
        assert!(CivilDate::new(2026, 4, 31).is_none());
        assert!(CivilDate::new(2026, 13, 1).is_none());
        assert!(CivilDate::new(2026, 1, 0).is_none());
        assert_eq!(
            CivilDate::new(2026, 11, 27).unwrap().to_string(),
            "2026-11-27"
        );
    }

    #[test]
    fn china_is_eight_hours_ahead_of_utc() {
        // 2026-11-27 16:00 UTC is midnight of the 28th in Beijing.
        let utc_16h = 1_795_795_200;
        assert_eq!(CivilDate::in_china(utc_16h - 1).to_string(), "2026-11-27");
        assert_eq!(CivilDate::in_china(utc_16h).to_string(), "2026-11-28");
        let day = CivilDate::new(2026, 11, 28).unwrap();
        assert_eq!(day.china_midnight(), utc_16h);
        assert_eq!(CivilDate::from_epoch_days(0).to_string(), "1970-01-01");
    }

    proptest::proptest! {
        #[test]
        fn epoch_days_round_trip(days in -100_000i64..200_000) {
            let date = CivilDate::from_epoch_days(days);
            proptest::prop_assert_eq!(date.epoch_days(), days);
            proptest::prop_assert!(CivilDate::new(date.year(), date.month(), date.day()).is_some());
        }
    }

    #[test]
    fn dates_order_by_year_then_month_then_day() {
        let a = CivilDate::new(2025, 12, 31).unwrap();
        let b = CivilDate::new(2026, 1, 1).unwrap();
        assert!(a < b);
    }
}
