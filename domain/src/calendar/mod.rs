//! The one working-day calendar: which days are workdays, weekends, holidays (放假) or 调休
//! make-up working days, and the arithmetic a deadline needs (add N working days, count the
//! working days between two dates). Hall schedules and case deadlines both ask it, so a
//! holiday entered once moves both.

mod official;
mod working_days;

pub use official::OFFICIAL_DAYS;
pub use working_days::Reckoned;

use crate::CivilDate;
use official::official_entries;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Monday = 1 … Sunday = 7 (ISO).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Weekday(pub u8);

impl Weekday {
    pub fn of(date: CivilDate) -> Self {
        // 1970-01-01 was a Thursday (4).
        Self(((date.epoch_days() + 3).rem_euclid(7) + 1) as u8)
    }

    pub fn is_weekend(self) -> bool {
        self.0 >= 6
    }

    pub fn label(self) -> &'static str {
        ["一", "二", "三", "四", "五", "六", "日"][usize::from(self.0 - 1)]
    }
}

/// What a day is for opening hours.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayKind {
    Workday,
    Weekend,
    /// A statutory holiday (or a day of its 调休 bridge): normal schedules are closed.
    Holiday(String),
    /// A weekend day worked in exchange for a holiday (调休上班): the weekday schedule applies.
    MakeupWorkday(String),
}

/// One day the State Council's notice (or an admin) sets apart from the plain week.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarEntry {
    pub date: CivilDate,
    /// true: a holiday (放假); false: a make-up working day (调休上班).
    pub holiday: bool,
    pub name: String,
}

/// The year's special days; every other day is a workday or a weekend by its weekday.
#[derive(Clone, Debug, Default)]
pub struct Calendar {
    days: BTreeMap<CivilDate, CalendarEntry>,
    /// Years with at least one holiday entered: their notice is in, counts there are firm.
    covered_years: BTreeSet<u16>,
}

impl Calendar {
    pub fn new(entries: impl IntoIterator<Item = CalendarEntry>) -> Self {
        let days: BTreeMap<CivilDate, CalendarEntry> =
            entries.into_iter().map(|e| (e.date, e)).collect();
        let covered_years = days
            .values()
            .filter(|e| e.holiday)
            .map(|e| e.date.year())
            .collect();
        Self {
            days,
            covered_years,
        }
    }

    /// The official 2025 and 2026 days.
    pub fn official() -> Self {
        Self::new(official_entries())
    }

    pub fn kind(&self, date: CivilDate) -> DayKind {
        match self.days.get(&date) {
            Some(e) if e.holiday => DayKind::Holiday(e.name.clone()),
            Some(e) => DayKind::MakeupWorkday(e.name.clone()),
            None if Weekday::of(date).is_weekend() => DayKind::Weekend,
            None => DayKind::Workday,
        }
    }

    pub fn entries(&self) -> impl Iterator<Item = &CalendarEntry> {
        self.days.values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: u16, m: u8, d: u8) -> CivilDate {
        CivilDate::new(y, m, d).unwrap()
    }

    #[test]
    fn weekdays_are_iso() {
        assert_eq!(Weekday::of(day(2026, 11, 28)).0, 6, "a Saturday");
        assert_eq!(Weekday::of(day(2026, 11, 30)).0, 1, "a Monday");
        assert_eq!(Weekday::of(day(2025, 1, 1)).0, 3, "a Wednesday");
        assert_eq!(Weekday::of(day(1970, 1, 1)).0, 4);
    }

    #[test]
    fn every_official_day_is_real_and_listed_once() {
        assert_eq!(official_entries().count(), OFFICIAL_DAYS.len());
        let calendar = Calendar::official();
        assert_eq!(calendar.entries().count(), OFFICIAL_DAYS.len());
        // Make-up working days are all weekend days; that is what makes them make-up days.
        for e in calendar.entries().filter(|e| !e.holiday) {
            assert!(
                Weekday::of(e.date).is_weekend(),
                "{} is a weekend day",
                e.date
            );
        }
    }

    /// The 2026 notice, day by day: what each listed day is, and its neighbours.
    #[test]
    fn the_2026_notice() {
        let c = Calendar::official();
        let holiday = |y, m, d| matches!(c.kind(day(y, m, d)), DayKind::Holiday(_));
        let makeup = |y, m, d| matches!(c.kind(day(y, m, d)), DayKind::MakeupWorkday(_));
        // 元旦: 1月1日至3日放假调休，共3天；1月4日（周日）上班.
        assert!((1..=3).all(|d| holiday(2026, 1, d)));
        assert!(makeup(2026, 1, 4));
        assert_eq!(c.kind(day(2026, 1, 5)), DayKind::Workday);
        // 春节: 2月15日至23日放假，共9天；2月14日（周六）、2月28日（周六）上班.
        assert!((15..=23).all(|d| holiday(2026, 2, d)));
        assert!(makeup(2026, 2, 14) && makeup(2026, 2, 28));
        assert_eq!(c.kind(day(2026, 2, 24)), DayKind::Workday);
        // 清明节 4月4日至6日；劳动节 5月1日至5日，5月9日（周六）上班.
        assert!((4..=6).all(|d| holiday(2026, 4, d)));
        assert!((1..=5).all(|d| holiday(2026, 5, d)));
        assert!(makeup(2026, 5, 9));
        assert_eq!(c.kind(day(2026, 5, 10)), DayKind::Weekend);
        // 端午节 6月19日至21日；中秋节 9月25日至27日.
        assert!((19..=21).all(|d| holiday(2026, 6, d)));
        assert!((25..=27).all(|d| holiday(2026, 9, d)));
        // 国庆节 10月1日至7日；9月20日（周日）、10月10日（周六）上班.
        assert!((1..=7).all(|d| holiday(2026, 10, d)));
        assert!(makeup(2026, 9, 20) && makeup(2026, 10, 10));
        assert_eq!(c.kind(day(2026, 10, 8)), DayKind::Workday);
        assert_eq!(c.kind(day(2026, 10, 11)), DayKind::Weekend);
        // The year's totals: 33 days off, 6 Saturdays and Sundays worked.
        let in_2026 = |holiday: bool| {
            c.entries()
                .filter(|e| e.date.year() == 2026 && e.holiday == holiday)
                .count()
        };
        assert_eq!(in_2026(true), 3 + 9 + 3 + 5 + 3 + 3 + 7);
        assert_eq!(in_2026(false), 6);
    }

    #[test]
    fn the_2025_notice() {
        let c = Calendar::official();
        assert!(matches!(
            c.kind(day(2025, 1, 26)),
            DayKind::MakeupWorkday(_)
        ));
        assert!(matches!(c.kind(day(2025, 10, 8)), DayKind::Holiday(_)));
        assert!(matches!(
            c.kind(day(2025, 10, 11)),
            DayKind::MakeupWorkday(_)
        ));
        assert_eq!(c.kind(day(2025, 10, 9)), DayKind::Workday);
    }
}
