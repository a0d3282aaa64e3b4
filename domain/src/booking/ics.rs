use crate::CivilDate;
use crate::date::CHINA_OFFSET_SECS;

/// An appointment as an iCalendar file (RFC 5545) that phones add to their calendar: times in
/// Asia/Shanghai with the zone spelled out, the hall as location, an alarm an hour before.
///
/// A calendar keeps one event per UID and replaces it with a file of a higher SEQUENCE: the
/// UID is the booking code (it never changes, not even when the booking moves), the sequence
/// is the booking's change count (each move or cancellation adds one), and a booking that no
/// longer holds a place gives `METHOD:CANCEL` with `STATUS:CANCELLED`, which takes it out.
pub struct IcsEvent<'a> {
    pub uid: &'a str,
    pub start: i64,
    pub end: i64,
    pub stamp: i64,
    pub summary: &'a str,
    pub location: &'a str,
    pub description: &'a str,
    /// How many times the booking has changed since it was made (0 for a new one).
    pub sequence: i64,
    /// Cancelled by the citizen or by the hall: the file removes the event.
    pub cancelled: bool,
}

/// Does a booking in this state take its event out of the calendar? Cancelled by the citizen
/// or because the hall closed the day: yes. Booked, checked in, done, or missed: the
/// appointment stays where it was.
pub fn cancels_event(status: super::BookingStatus) -> bool {
    matches!(
        status,
        super::BookingStatus::Cancelled | super::BookingStatus::Closed
    )
}

impl IcsEvent<'_> {
    pub fn render(&self) -> String {
        let (method, status) = if self.cancelled {
            ("METHOD:CANCEL", "STATUS:CANCELLED")
        } else {
            ("METHOD:PUBLISH", "STATUS:CONFIRMED")
        };
        let mut lines = vec![
            "BEGIN:VCALENDAR".to_owned(),
            "VERSION:2.0".to_owned(),
            "PRODID:-//banshi//booking//ZH".to_owned(),
            "CALSCALE:GREGORIAN".to_owned(),
            method.to_owned(),
            "BEGIN:VTIMEZONE".to_owned(),
            "TZID:Asia/Shanghai".to_owned(),
            "BEGIN:STANDARD".to_owned(),
            "DTSTART:19700101T000000".to_owned(),
            "TZOFFSETFROM:+0800".to_owned(),
            "TZOFFSETTO:+0800".to_owned(),
            "TZNAME:CST".to_owned(),
            "END:STANDARD".to_owned(),
            "END:VTIMEZONE".to_owned(),
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}@banshi", self.uid),
            format!("DTSTAMP:{}Z", stamp_utc(self.stamp)),
            format!("DTSTART;TZID=Asia/Shanghai:{}", local(self.start)),
            format!("DTEND;TZID=Asia/Shanghai:{}", local(self.end)),
            format!("SUMMARY:{}", escape(self.summary)),
            format!("LOCATION:{}", escape(self.location)),
            format!("SEQUENCE:{}", self.sequence.max(0)),
            status.to_owned(),
            format!("DESCRIPTION:{}", escape(self.description)),
        ];
        if !self.cancelled {
            lines.extend([
                "BEGIN:VALARM".to_owned(),
                "ACTION:DISPLAY".to_owned(),
                "TRIGGER:-PT1H".to_owned(),
                format!("DESCRIPTION:{}", escape(self.summary)),
                "END:VALARM".to_owned(),
            ]);
        }
        lines.extend(["END:VEVENT".to_owned(), "END:VCALENDAR".to_owned()]);
        lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("")
    }
}

fn stamp(secs: i64) -> String {
    let date = CivilDate::from_epoch_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        date.year(),
        date.month(),
        date.day(),
        s / 3600,
        s % 3600 / 60,
        s % 60
    )
}

fn stamp_utc(secs: i64) -> String {
    stamp(secs)
}

fn local(secs: i64) -> String {
    stamp(secs + CHINA_OFFSET_SECS)
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Lines end in CRLF and fold at 75 octets, never inside a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_shanghai_local_with_an_alarm() {
        let start = CivilDate::new(2026, 12, 5).unwrap().china_midnight() + 9 * 3600;
        let ics = IcsEvent {
            uid: "K7M2Q9XA",
            start,
            end: start + 1800,
            stamp: start - 86_400,
            summary: "预约办理：不动产登记，第一次；含逗号",
            location: "市民之家 二楼 B 区",
            description: "预约码 K7M2Q9XA\n请带身份证原件",
            sequence: 0,
            cancelled: false,
        }
        .render();
        assert!(ics.contains("DTSTART;TZID=Asia/Shanghai:20261205T090000\r\n"));
        assert!(ics.contains("DTEND;TZID=Asia/Shanghai:20261205T093000\r\n"));
        assert!(ics.contains("DTSTAMP:20261204T010000Z\r\n"));
        assert!(ics.contains("TRIGGER:-PT1H"));
        assert!(ics.contains("\\n请带"), "newlines escaped");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "folded: {line}");
        }
    }

    fn event(start: i64, sequence: i64, cancelled: bool) -> String {
        IcsEvent {
            uid: "K7M2Q9XA",
            start,
            end: start + 1800,
            stamp: start - 3600,
            summary: "预约办理：不动产登记",
            location: "市民之家",
            description: "预约码 K7M2Q9XA",
            sequence,
            cancelled,
        }
        .render()
    }

    fn field<'a>(ics: &'a str, name: &str) -> Vec<&'a str> {
        ics.split("\r\n")
            .filter_map(|l| l.strip_prefix(name))
            .filter_map(|l| l.strip_prefix(':'))
            .collect()
    }

    #[test]
    fn a_new_booking_publishes_a_confirmed_event_at_sequence_zero() {
        let start = CivilDate::new(2026, 12, 5).unwrap().china_midnight() + 9 * 3600;
        let ics = event(start, 0, false);
        assert_eq!(field(&ics, "METHOD"), ["PUBLISH"]);
        assert_eq!(field(&ics, "STATUS"), ["CONFIRMED"]);
        assert_eq!(field(&ics, "SEQUENCE"), ["0"]);
        assert_eq!(field(&ics, "UID"), ["K7M2Q9XA@banshi"]);
    }

    #[test]
    fn a_moved_booking_keeps_its_uid_with_a_higher_sequence() {
        let start = CivilDate::new(2026, 12, 5).unwrap().china_midnight() + 9 * 3600;
        let before = event(start, 0, false);
        let after = event(start + 86_400, 1, false);
        assert_eq!(field(&before, "UID"), field(&after, "UID"));
        let seq = |ics: &str| field(ics, "SEQUENCE")[0].parse::<i64>().unwrap();
        assert!(seq(&after) > seq(&before));
        assert_eq!(field(&after, "METHOD"), ["PUBLISH"]);
        assert!(after.contains("DTSTART;TZID=Asia/Shanghai:20261206T090000\r\n"));
    }

    #[test]
    fn a_cancelled_booking_cancels_the_same_event_with_a_higher_sequence() {
        let start = CivilDate::new(2026, 12, 5).unwrap().china_midnight() + 9 * 3600;
        let booked = event(start, 1, false);
        let cancelled = event(start, 2, true);
        assert_eq!(field(&cancelled, "METHOD"), ["CANCEL"]);
        assert_eq!(field(&cancelled, "STATUS"), ["CANCELLED"]);
        assert_eq!(field(&cancelled, "UID"), field(&booked, "UID"));
        assert_eq!(field(&cancelled, "SEQUENCE"), ["2"]);
        assert!(
            !cancelled.contains("BEGIN:VALARM"),
            "no reminder for a cancelled event"
        );
    }

    #[test]
    fn only_cancellations_by_the_citizen_or_the_hall_take_the_event_out() {
        use super::super::BookingStatus as S;
        assert!(cancels_event(S::Cancelled));
        assert!(cancels_event(S::Closed));
        for kept in [S::Booked, S::CheckedIn, S::Done, S::NoShow] {
            assert!(!cancels_event(kept), "{kept:?}");
        }
    }
}
