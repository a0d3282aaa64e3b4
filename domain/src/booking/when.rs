use crate::CivilDate;
use crate::calendar::Weekday;
use crate::date::CHINA_OFFSET_SECS;

/// Minutes after midnight in China at `at` (seconds since 1970 UTC).
pub fn china_minute(at: i64) -> i64 {
    (at + CHINA_OFFSET_SECS).rem_euclid(86_400) / 60
}

/// "09:00" for minutes after midnight.
pub fn clock_text(minutes: i64) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// "12月5日 周六 09:00": an instant as citizens read it, China time.
pub fn when_text(at: i64) -> String {
    let date = CivilDate::in_china(at);
    format!(
        "{}月{}日 周{} {}",
        date.month(),
        date.day(),
        Weekday::of(date).label(),
        clock_text(china_minute(at))
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn instants_read_in_china_time() {
        let nine = CivilDate::new(2026, 12, 5).unwrap().china_midnight() + 9 * 3600;
        assert_eq!(super::when_text(nine), "12月5日 周六 09:00");
        assert_eq!(super::clock_text(super::china_minute(nine + 1800)), "09:30");
    }
    use crate::CivilDate;
}
