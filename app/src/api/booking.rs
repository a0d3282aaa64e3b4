//! Booking server functions (citizen side). Each resolves the signed-in citizen from the
//! session and asks the booking service for that citizen's records only.

use super::AppError;
use domain::booking::{BookingView, DayView, HallDesk, SlotView, WaitView};
use domain::{FamilyMember, Hall, Material};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::session::{client_ip, require_citizen};
#[cfg(feature = "ssr")]
use domain::StaffAction;

/// Set on a booking answer that found the booking the same form made before: the server's
/// place count (`server/src/booking_gate.rs`) gives back the place it set aside. Removed
/// before the answer leaves.
pub const BOOKING_AGAIN_HEADER: &str = "x-banshi-booking-again";

/// Everything the booking page shows: the 事项, its halls, a week of days and, once a day is
/// picked, its slots; who is asking and for whom they may book.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookPage {
    pub item_code: String,
    pub item_name: String,
    pub department_name: String,
    pub halls: Vec<Hall>,
    /// The chosen hall (the only one, or the one picked).
    pub hall: Option<Hall>,
    pub week: Vec<DayView>,
    /// The first day of the week shown, and of the weeks before and after (None before today).
    pub week_start: String,
    pub prev_week: Option<String>,
    pub next_week: String,
    pub day: Option<DayView>,
    pub slots: Vec<SlotView>,
    pub signed_in: bool,
    pub verified: bool,
    pub family: Vec<FamilyMember>,
    /// A running no-show suspension: when it ends.
    pub suspended_until: Option<String>,
}

#[server(endpoint = "book-page", prefix = "/api")]
pub async fn load_book_page(
    item: String,
    hall: Option<String>,
    week: Option<String>,
    date: Option<String>,
) -> Result<BookPage, AppError> {
    super::answer(async move {
        let services = super::services()?;
        let booking = &services.booking;
        let item = booking.bookable_item(&item).await?;
        let halls = booking.halls_for(&item).await?;
        let hall = match (&hall, halls.len()) {
            (Some(code), _) => Some(
                halls
                    .iter()
                    .find(|h| &h.code == code)
                    .cloned()
                    .ok_or(AppError::NotFound)?,
            ),
            (None, 1) => halls.first().cloned(),
            _ => None,
        };
        let today = domain::CivilDate::in_china(services.clock.now());
        let date = date.as_deref().map(parse_date).transpose()?;
        let start = match (week.as_deref(), date) {
            (Some(w), _) => parse_date(w)?,
            (None, Some(d)) => d,
            (None, None) => today,
        }
        .max(today);
        let shift = |days: i64| domain::CivilDate::from_epoch_days(start.epoch_days() + days);
        let department = &item.department.code;
        let (week_days, day, slots) = match &hall {
            Some(h) => {
                let week_days = booking.week(&h.code, department, start).await?;
                match date {
                    Some(d) => {
                        let plan = booking.day(&h.code, department, d).await?;
                        (week_days, Some(plan.view), plan.slots)
                    }
                    None => (week_days, None, Vec::new()),
                }
            }
            None => (Vec::new(), None, Vec::new()),
        };
        let citizen = crate::session::citizen().await?;
        let (verified, family, suspended_until) = match citizen {
            Some(id) => {
                let profile = services.accounts.profile(id).await?;
                let family = services.accounts.family(id).await?;
                let until = booking
                    .suspension(id)
                    .await?
                    .map(backend::booking::when_text);
                (profile.verified, family, until)
            }
            None => (false, Vec::new(), None),
        };
        Ok(BookPage {
            item_code: item.code.as_str().to_owned(),
            item_name: item.name.clone(),
            department_name: item.department.short_name.clone(),
            halls,
            hall,
            week: week_days,
            week_start: start.to_string(),
            prev_week: (start > today).then(|| shift(-7).max(today).to_string()),
            next_week: shift(7).to_string(),
            day,
            slots,
            signed_in: citizen.is_some(),
            verified,
            family,
            suspended_until,
        })
    })
    .await
}

#[cfg(feature = "ssr")]
fn parse_date(text: &str) -> Result<domain::CivilDate, AppError> {
    let mut parts = text.trim().splitn(3, '-').map(str::parse::<u16>);
    let bad = || AppError::BadInput(domain::Invalid::Date);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) => domain::CivilDate::new(
            y,
            u8::try_from(m).map_err(|_| bad())?,
            u8::try_from(d).map_err(|_| bad())?,
        )
        .ok_or_else(bad),
        _ => Err(bad()),
    }
}

#[cfg(feature = "ssr")]
fn member(text: &str) -> Result<Option<i64>, AppError> {
    match text.trim() {
        "" | "self" => Ok(None),
        id => id
            .parse()
            .map(Some)
            .map_err(|_| AppError::BadInput(domain::Invalid::Choose(domain::Choice::ForWhom))),
    }
}

/// 确认预约. The form's `request_key` makes a double tap or a resent form book once.
#[server(endpoint = "book", prefix = "/api")]
pub async fn book(
    item: String,
    slot_id: String,
    member: String,
    request_key: String,
) -> Result<BookingView, AppError> {
    super::answer(async move {
        let slot_id = slot_id
            .trim()
            .parse()
            .map_err(|_| AppError::BadInput(domain::Invalid::Choose(domain::Choice::Slot)))?;
        // The server's booking gate has already let this request in (a live session, a place
        // of the count, admission); the store decides, the request key first.
        let booking = &super::services()?.booking;
        let citizen = require_citizen().await?;
        let form = backend::booking::BookForm {
            item,
            slot_id,
            member_id: self::member(&member)?,
            request_key,
        };
        let (view, new) = booking.book_counted(citizen, &form, &client_ip()).await?;
        if !new && let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.insert_header(
                http::HeaderName::from_static(BOOKING_AGAIN_HEADER),
                http::HeaderValue::from_static("1"),
            );
        }
        Ok(view)
    })
    .await
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyBookings {
    pub bookings: Vec<BookingView>,
    pub waits: Vec<WaitView>,
    pub suspended_until: Option<String>,
}

#[server(endpoint = "my-bookings", prefix = "/api")]
pub async fn load_my_bookings() -> Result<MyBookings, AppError> {
    super::answer(async {
        let citizen = require_citizen().await?;
        let booking = &super::services()?.booking;
        Ok(MyBookings {
            bookings: booking.my_bookings(citizen).await?,
            waits: booking.my_waitlist(citizen).await?,
            suspended_until: booking
                .suspension(citizen)
                .await?
                .map(backend::booking::when_text),
        })
    })
    .await
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingDetail {
    pub booking: BookingView,
    pub materials: Vec<Material>,
    /// The QR code as inline SVG (drawn on the server).
    pub qr_svg: String,
    pub cutoff: String,
}

#[server(endpoint = "booking", prefix = "/api")]
pub async fn load_booking(code: String) -> Result<BookingDetail, AppError> {
    super::answer(async move {
        let citizen = require_citizen().await?;
        let (booking, item) = super::services()?
            .booking
            .my_booking(citizen, &code)
            .await?;
        Ok(BookingDetail {
            qr_svg: backend::booking::qr_svg(&booking.code).unwrap_or_default(),
            cutoff: backend::booking::when_text(booking.cutoff_at),
            materials: item.materials,
            booking,
        })
    })
    .await
}

#[server(endpoint = "cancel-booking", prefix = "/api")]
pub async fn cancel_booking(code: String) -> Result<(), AppError> {
    super::answer(async move {
        let citizen = require_citizen().await?;
        Ok(super::services()?
            .booking
            .cancel(citizen, &code, &client_ip())
            .await?)
    })
    .await
}

#[server(endpoint = "reschedule-booking", prefix = "/api")]
pub async fn reschedule_booking(code: String, slot_id: String) -> Result<BookingView, AppError> {
    super::answer(async move {
        let slot_id = slot_id
            .trim()
            .parse()
            .map_err(|_| AppError::BadInput(domain::Invalid::Choose(domain::Choice::Slot)))?;
        let booking = &super::services()?.booking;
        let citizen = require_citizen().await?;
        Ok(booking
            .reschedule(citizen, &code, slot_id, &client_ip())
            .await?)
    })
    .await
}

#[server(endpoint = "join-waitlist", prefix = "/api")]
pub async fn join_waitlist(
    item: String,
    hall: String,
    date: String,
    member: String,
    request_key: String,
) -> Result<i64, AppError> {
    super::answer(async move {
        let citizen = require_citizen().await?;
        let form = backend::booking::WaitForm {
            item,
            hall,
            date: parse_date(&date)?,
            member_id: self::member(&member)?,
            request_key,
        };
        Ok(super::services()?
            .booking
            .join_waitlist(citizen, &form)
            .await?)
    })
    .await
}

#[server(endpoint = "accept-offer", prefix = "/api")]
pub async fn accept_offer(wait_id: String, request_key: String) -> Result<BookingView, AppError> {
    super::answer(async move {
        let citizen = require_citizen().await?;
        let wait_id = wait_id.trim().parse().map_err(|_| AppError::NotFound)?;
        Ok(super::services()?
            .booking
            .accept_offer(citizen, wait_id, &request_key, &client_ip())
            .await?)
    })
    .await
}

#[server(endpoint = "leave-waitlist", prefix = "/api")]
pub async fn leave_waitlist(wait_id: String) -> Result<(), AppError> {
    super::answer(async move {
        let citizen = require_citizen().await?;
        let wait_id = wait_id.trim().parse().map_err(|_| AppError::NotFound)?;
        Ok(super::services()?
            .booking
            .leave_waitlist(citizen, wait_id)
            .await?)
    })
    .await
}

/// The clerk's desk today (staff server functions live under `/staff/api`).
#[server(endpoint = "desk", prefix = "/staff/api")]
pub async fn load_desk() -> Result<HallDesk, AppError> {
    super::answer(async {
        let staff = crate::session::staff_may(StaffAction::SeeDesk).await?;
        Ok(super::services()?.booking.desk(&staff).await?)
    })
    .await
}

#[server(endpoint = "check-in", prefix = "/staff/api")]
pub async fn check_in(code: String) -> Result<String, AppError> {
    super::answer(async move {
        let staff = crate::session::staff_may(StaffAction::ServeAtDesk).await?;
        Ok(super::services()?
            .booking
            .check_in(&staff, &code, &client_ip())
            .await?)
    })
    .await
}

#[server(endpoint = "walk-in", prefix = "/staff/api")]
pub async fn walk_in(department: String) -> Result<String, AppError> {
    super::answer(async move {
        let staff = crate::session::staff_may(StaffAction::ServeAtDesk).await?;
        Ok(super::services()?
            .booking
            .walk_in(&staff, &department, &client_ip())
            .await?)
    })
    .await
}

#[server(endpoint = "ticket-done", prefix = "/staff/api")]
pub async fn ticket_done(label: String) -> Result<(), AppError> {
    super::answer(async move {
        let staff = crate::session::staff_may(StaffAction::ServeAtDesk).await?;
        Ok(super::services()?
            .booking
            .ticket_done(&staff, label.trim(), &client_ip())
            .await?)
    })
    .await
}

/// One special day as the admin page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpecialDay {
    pub date: String,
    pub weekday: String,
    pub holiday: bool,
    pub name: String,
}

/// The holiday and 调休 days of `year` (admins).
#[server(endpoint = "calendar", prefix = "/staff/api")]
pub async fn load_calendar(year: u16) -> Result<Vec<SpecialDay>, AppError> {
    super::answer(async move {
        crate::session::staff_may(StaffAction::ManageCalendar).await?;
        let calendar = super::services()?.booking.calendar().await?;
        Ok(calendar
            .entries()
            .filter(|e| e.date.year() == year)
            .map(|e| SpecialDay {
                date: e.date.to_string(),
                weekday: domain::calendar::Weekday::of(e.date).label().to_owned(),
                holiday: e.holiday,
                name: e.name.clone(),
            })
            .collect())
    })
    .await
}

/// Adds or changes a special day: `kind` is `holiday` (放假) or `workday` (调休上班).
#[server(endpoint = "calendar-set", prefix = "/staff/api")]
pub async fn set_calendar_day(date: String, kind: String, name: String) -> Result<(), AppError> {
    super::answer(async move {
        crate::session::staff_may(StaffAction::ManageCalendar).await?;
        let holiday = match kind.as_str() {
            "holiday" => true,
            "workday" => false,
            _ => {
                return Err(AppError::BadInput(domain::Invalid::Choose(
                    domain::Choice::DayKind,
                )));
            }
        };
        let date = parse_date(&date)?;
        Ok(super::services()?
            .booking
            .set_calendar_day(date, holiday, &name)
            .await?)
    })
    .await
}

#[server(endpoint = "calendar-remove", prefix = "/staff/api")]
pub async fn remove_calendar_day(date: String) -> Result<(), AppError> {
    super::answer(async move {
        crate::session::staff_may(StaffAction::ManageCalendar).await?;
        Ok(super::services()?
            .booking
            .remove_calendar_day(parse_date(&date)?)
            .await?)
    })
    .await
}

/// Closes the admin's hall on `date`: bookings are cancelled and their holders texted.
/// Answers how many bookings were cancelled.
#[server(endpoint = "close-day", prefix = "/staff/api")]
pub async fn close_day(date: String, reason: String) -> Result<usize, AppError> {
    super::answer(async move {
        let me = crate::session::staff_may(StaffAction::ManageCalendar).await?;
        let hall = me
            .hall_code
            .clone()
            .ok_or(AppError::Refused(domain::Refusal::NoHall))?;
        Ok(super::services()?
            .booking
            .close_day(me.id, &hall, parse_date(&date)?, &reason, &client_ip())
            .await?)
    })
    .await
}

/// The 预约 entry: every 事项 that takes appointments.
#[server(endpoint = "bookable", prefix = "/api")]
pub async fn load_bookable() -> Result<Vec<domain::ServiceSummary>, AppError> {
    super::answer(async { Ok(super::services()?.store.bookable_services().await?) }).await
}
