//! The clerk's side at the hall: today's list, check-in with a queue number, walk-ins, done;
//! and the admin's: closing a day, editing the holiday calendar.

use super::BookingService;
use super::texts;
use crate::accounts::Actor;
use crate::store::CheckedIn;
use crate::{Error, Result};
use domain::booking::{BookingCode, BookingStatus, CheckIn, DeskBooking, HallDesk};
use domain::{CivilDate, Invalid, Reach, Refusal, StaffAction, StaffMember, may};

/// The clerk's hall, if their role does `action` at a desk at all.
fn desk_hall(staff: &StaffMember, action: StaffAction) -> Result<&str> {
    match staff.hall_code.as_deref() {
        Some(hall) if may(staff, action, &Reach::ANY) => Ok(hall),
        _ => Err(Error::Forbidden),
    }
}

impl BookingService {
    /// The hall's bookings and tickets today that the clerk may see.
    pub async fn desk(&self, staff: &StaffMember) -> Result<HallDesk> {
        let hall = desk_hall(staff, StaffAction::SeeDesk)?;
        let sees =
            |department: &str| may(staff, StaffAction::SeeDesk, &Reach::at(hall, department));
        let today = self.today();
        let hall_record = self.hall(hall).await?;
        let names = &self.reference.org(self.store.as_ref()).await?.departments;
        let name = |code: &str| {
            names
                .iter()
                .find(|d| d.code == code)
                .map(|d| d.short_name.clone())
                .unwrap_or_default()
        };
        let mut bookings = Vec::new();
        for r in self.store.desk(hall, today.epoch_days()).await? {
            if !sees(&r.department_code) {
                continue;
            }
            bookings.push(DeskBooking {
                start: domain::booking::clock_text(domain::booking::china_minute(r.start_at)),
                item_name: self.item_name(&r.item_code).await,
                department_name: name(&r.department_code),
                person: r.person_masked.unwrap_or_else(|| "（已注销）".to_owned()),
                status: BookingStatus::parse(&r.status).unwrap_or(BookingStatus::Cancelled),
                queue_no: r.queue_no,
                code: r.code,
            });
        }
        let tickets = self
            .store
            .tickets(hall, today.epoch_days())
            .await?
            .into_iter()
            .filter(|t| sees(&t.department_code))
            .map(|t| {
                (
                    t.label,
                    name(&t.department_code),
                    t.booking_code,
                    t.done_at.is_some(),
                )
            })
            .collect();
        Ok(HallDesk {
            hall_name: hall_record.name,
            date: today,
            bookings,
            tickets,
        })
    }

    /// Checks a booking in at the hall by its code (typed or scanned) and gives its queue
    /// number. The code must be of this hall, in the clerk's reach, within the window; an
    /// unknown code and one out of reach get the same answer.
    pub async fn check_in(&self, staff: &StaffMember, code: &str, ip: &str) -> Result<String> {
        desk_hall(staff, StaffAction::ServeAtDesk)?;
        let parsed = BookingCode::parse(code).ok_or(Invalid::BookingCode)?;
        let record = match self.store.booking_by_code(parsed.as_str()).await? {
            Some(b)
                if may(
                    staff,
                    StaffAction::ServeAtDesk,
                    &Reach::at(&b.hall_code, &b.department_code),
                ) =>
            {
                b
            }
            _ => return Err(Error::Refused(Refusal::NoSuchBooking)),
        };
        if record.status == "booked" {
            match self.policy.check_in(record.start_at, self.clock.now()) {
                CheckIn::Allowed => {}
                CheckIn::TooEarly { opens } => {
                    return Err(Refusal::CheckInTooEarly { from: opens }.into());
                }
                CheckIn::TooLate => {
                    let late_minutes = self.policy.check_in_late_secs / 60;
                    return Err(Refusal::CheckInTooLate {
                        late_minutes: u32::try_from(late_minutes).unwrap_or(u32::MAX),
                    }
                    .into());
                }
            }
        }
        let (index, _) = self.department(&record.department_code).await?;
        match self
            .store
            .check_in(record.id, index, self.clock.now())
            .await?
        {
            CheckedIn::Ticket(label) => {
                self.audit
                    .record(
                        Actor::Staff(staff.id),
                        "booking.check_in",
                        Some(("booking", record.id)),
                        ip,
                    )
                    .await?;
                Ok(label)
            }
            CheckedIn::NotActive(status) => Err(BookingStatus::parse(&status)
                .map_or(Refusal::NoSuchBooking, Refusal::CheckInStatus)
                .into()),
        }
    }

    /// A queue number for someone without a booking.
    pub async fn walk_in(&self, staff: &StaffMember, department: &str, ip: &str) -> Result<String> {
        let hall = desk_hall(staff, StaffAction::ServeAtDesk)?;
        if !may(
            staff,
            StaffAction::ServeAtDesk,
            &Reach::at(hall, department),
        ) {
            return Err(Error::Forbidden);
        }
        let (index, _) = self.department(department).await?;
        let label = self
            .store
            .walk_in(
                hall,
                department,
                self.today().epoch_days(),
                index,
                self.clock.now(),
            )
            .await?;
        self.audit
            .record(Actor::Staff(staff.id), "ticket.walk_in", None, ip)
            .await?;
        Ok(label)
    }

    /// Marks a queue number of today done (and its booking, if any). Only a number of the
    /// clerk's own departments: others answer as if it did not exist.
    pub async fn ticket_done(&self, staff: &StaffMember, label: &str, ip: &str) -> Result<()> {
        let hall = desk_hall(staff, StaffAction::ServeAtDesk)?;
        let today = self.today().epoch_days();
        let ours = self.store.tickets(hall, today).await?.into_iter().any(|t| {
            t.label == label
                && may(
                    staff,
                    StaffAction::ServeAtDesk,
                    &Reach::at(hall, &t.department_code),
                )
        });
        if !ours
            || !self
                .store
                .ticket_done(hall, today, label, self.clock.now())
                .await?
        {
            return Err(Error::Refused(Refusal::NoSuchTicket));
        }
        self.audit
            .record(Actor::Staff(staff.id), "ticket.done", None, ip)
            .await
    }

    /// Closes a hall's day: bookings on it are cancelled and their holders told, and the
    /// waitlist for it ends.
    pub async fn close_day(
        &self,
        staff_id: i64,
        hall: &str,
        date: CivilDate,
        reason: &str,
        ip: &str,
    ) -> Result<usize> {
        let reason = reason.trim();
        if reason.is_empty() || reason.chars().count() > 40 {
            return Err(Invalid::CloseReason.into());
        }
        if date < self.today() {
            return Err(Refusal::ClosePast.into());
        }
        self.hall(hall).await?;
        let (closed, bookings, waiting) = self
            .store
            .close_day(hall, date.epoch_days(), reason, self.clock.now())
            .await?;
        if !closed {
            return Err(Refusal::AlreadyClosed.into());
        }
        self.audit
            .record(Actor::Staff(staff_id), "hall.close_day", None, ip)
            .await?;
        for b in &bookings {
            let view = self.view(b).await?;
            self.notify(b.citizen_id, &texts::closed(&view, reason))
                .await;
        }
        for citizen in waiting {
            self.notify(citizen, &texts::wait_closed(reason)).await;
        }
        Ok(bookings.len())
    }

    /// Adds or changes a special day (admin).
    pub async fn set_calendar_day(&self, date: CivilDate, holiday: bool, name: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 20 {
            return Err(Invalid::HolidayName.into());
        }
        self.store
            .set_calendar_day(date.epoch_days(), holiday, name)
            .await
    }

    pub async fn remove_calendar_day(&self, date: CivilDate) -> Result<()> {
        if self.store.remove_calendar_day(date.epoch_days()).await? {
            self.reference.forget_calendar();
            Ok(())
        } else {
            Err(Error::NotFound)
        }
    }
}
