//! The texts a citizen gets about a booking. No personal numbers: the code and the place.

use domain::booking::BookingView;

pub(crate) fn booked(b: &BookingView) -> String {
    format!(
        "【办事】预约成功：{}，{}月{}日 周{} {}，{}{}窗口。预约码 {}，请提前到场签到。",
        b.item_name,
        b.date.month(),
        b.date.day(),
        b.weekday.label(),
        b.start,
        b.hall_name,
        b.department_name,
        b.code
    )
}

pub(crate) fn moved(b: &BookingView) -> String {
    format!(
        "【办事】改约成功：{} 改到 {}月{}日 周{} {}，预约码 {} 不变。",
        b.item_name,
        b.date.month(),
        b.date.day(),
        b.weekday.label(),
        b.start,
        b.code
    )
}

pub(crate) fn reminder(b: &BookingView, hour: bool) -> String {
    let lead = if hour { "一小时后" } else { "明天" };
    let when = format!("{}月{}日 {}", b.date.month(), b.date.day(), b.start);
    format!(
        "【办事】提醒：您预约的{}将于{}（{}）在{}{}窗口办理，预约码 {}。不能前往请提前取消。",
        b.item_name, lead, when, b.hall_name, b.department_name, b.code
    )
}

pub(crate) fn offered(item: &str, when: &str, until: i64) -> String {
    format!(
        "【办事】候补成功：{item} {when} 有空位，为您保留到 {}，请在“我的预约”中确认。",
        super::when_text(until)
    )
}

pub(crate) fn closed(b: &BookingView, reason: &str) -> String {
    format!(
        "【办事】因{reason}，{}{}月{}日停办，您的预约（{}）已取消，请重新预约。",
        b.hall_name,
        b.date.month(),
        b.date.day(),
        b.code
    )
}

pub(crate) fn wait_closed(reason: &str) -> String {
    format!("【办事】因{reason}，您候补的日期大厅停办，候补已结束，请另选日期。")
}
