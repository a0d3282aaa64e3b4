//! What a citizen does: book, see, cancel and move bookings; wait for a full day.

use super::BookingService;
use super::texts;
use crate::accounts::Actor;
use crate::store::{
    AuditRecord, BookResult, BookingRecord, Freed, Joined, NewBooking, NewWait, Refusal,
};
use crate::{Error, Result};
use domain::booking::{
    BookingCode, BookingStatus, BookingView, DayState, ForWhom, IcsEvent, WaitStatus, WaitView,
};
use domain::calendar::Weekday;
use domain::{CivilDate, Relation, ServiceItem};

/// A booking request as the confirm form sends it.
#[derive(Clone, Debug)]
pub struct BookForm {
    pub item: String,
    pub slot_id: i64,
    /// Booking for a family member (theirs only), or for themself.
    pub member_id: Option<i64>,
    /// From the form: the same key again returns the booking it made.
    pub request_key: String,
}

#[derive(Clone, Debug)]
pub struct WaitForm {
    pub item: String,
    pub hall: String,
    pub date: CivilDate,
    pub member_id: Option<i64>,
    pub request_key: String,
}

fn check_key(key: &str) -> Result<()> {
    if key.is_empty() || key.len() > 64 || !key.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(domain::Refusal::FormExpired.into());
    }
    Ok(())
}

impl BookingService {
    pub async fn book(&self, citizen_id: i64, form: &BookForm, ip: &str) -> Result<BookingView> {
        self.book_counted(citizen_id, form, ip)
            .await
            .map(|(view, _)| view)
    }

    /// `book`, also saying whether this request made the booking (true) or found the one
    /// the same form made before (false), which the server's place count needs.
    pub async fn book_counted(
        &self,
        citizen_id: i64,
        form: &BookForm,
        ip: &str,
    ) -> Result<(BookingView, bool)> {
        check_key(&form.request_key)?;
        let item = self.bookable_item(&form.item).await?;
        self.check_member(citizen_id, form.member_id).await?;
        let slot = self.open_slot(form.slot_id, &item.department.code).await?;
        let now = self.clock.now();
        for _ in 0..3 {
            let code = BookingCode::from_random(crate::random::bytes5());
            // The confirmation text and the audit line are written in the booking's own
            // transaction: one commit (one disk flush) a booking, which is what a rush waits on.
            let provisional = BookingRecord {
                id: 0,
                code: code.as_str().to_owned(),
                citizen_id,
                member_id: form.member_id,
                item_code: item.code.as_str().to_owned(),
                slot_id: slot.id,
                hall_code: slot.hall_code.clone(),
                department_code: slot.department_code.clone(),
                day: slot.day,
                start_at: slot.start_at,
                end_at: slot.end_at,
                status: "booked".to_owned(),
                created_at: now,
                queue_no: None,
                changed_at: now,
                sequence: 0,
            };
            let text = texts::booked(&self.view(&provisional).await?);
            let sealed = self.accounts.seal_text(citizen_id, &text).await?;
            let audit = AuditRecord {
                at: now,
                actor_kind: "citizen".to_owned(),
                actor_id: Some(citizen_id),
                on_behalf_of: form.member_id,
                action: "booking.create".to_owned(),
                record_kind: Some("booking".to_owned()),
                record_id: None,
                ip: (!ip.is_empty()).then(|| ip.to_owned()),
            };
            let booking = NewBooking {
                citizen_id,
                member_id: form.member_id,
                item_code: item.code.as_str(),
                request_key: &form.request_key,
                code: code.as_str(),
                now,
                policy: &self.policy,
                audit: Some(&audit),
                text: sealed.as_ref(),
            };
            match self.store.book(&booking, slot.id).await {
                Ok(BookResult::Booked(record)) => {
                    self.booked_keys.record(citizen_id, &form.request_key);
                    // A sender other than the outbox (a carrier gateway) is called after commit.
                    if sealed.is_none() {
                        self.notify(citizen_id, &text).await;
                    }
                    return Ok((self.view(&record).await?, true));
                }
                Ok(BookResult::Existing(record)) => return Ok((self.view(&record).await?, false)),
                Ok(BookResult::Full) => {
                    self.reference.mark_sold_out(slot.id);
                    return Err(full());
                }
                Ok(BookResult::Refused(why)) => return Err(self.refusal(why)),
                // Two codes alike (one in 2^40): draw another.
                Err(Error::Database(e)) if crate::store::is_unique_violation(&e) => continue,
                Err(e) => return Err(e),
            }
        }
        Err(Error::Corrupt("booking codes kept colliding".to_owned()))
    }

    fn refusal(&self, why: Refusal) -> Error {
        use domain::Refusal as R;
        Error::Refused(match why {
            Refusal::NotVerified => R::NotVerified,
            Refusal::Suspended { until } => R::Suspended {
                until,
                no_shows: self.policy.no_show_limit,
                window_days: u32::try_from(self.policy.no_show_window_days).unwrap_or(u32::MAX),
            },
            Refusal::TooMany { max } => R::TooManyBookings { max },
            Refusal::SameDay => R::SameDay { kept: false },
            Refusal::DayClosed => R::HallClosed,
        })
    }

    async fn check_member(&self, citizen_id: i64, member: Option<i64>) -> Result<()> {
        if let Some(id) = member {
            self.store
                .family_member(citizen_id, id)
                .await?
                .ok_or(Error::NotFound)?;
        }
        Ok(())
    }

    /// The citizen's bookings, soonest first for active ones, then the rest newest first.
    pub async fn my_bookings(&self, citizen_id: i64) -> Result<Vec<BookingView>> {
        let mut records = self.store.bookings_of(citizen_id).await?;
        records.sort_by_key(|b| {
            (
                b.status != "booked",
                if b.status == "booked" {
                    b.start_at
                } else {
                    -b.start_at
                },
            )
        });
        let mut out = Vec::with_capacity(records.len());
        for r in &records {
            out.push(self.view(r).await?);
        }
        Ok(out)
    }

    /// One of the citizen's bookings with its 事项 (for the materials); NotFound for anyone
    /// else's code.
    pub async fn my_booking(
        &self,
        citizen_id: i64,
        code: &str,
    ) -> Result<(BookingView, ServiceItem)> {
        let record = self.own(citizen_id, code).await?;
        let item = self
            .catalog
            .guide(&domain::ServiceCode::parse(&record.item_code).map_err(|_| Error::NotFound)?)
            .await?;
        Ok((self.view(&record).await?, item))
    }

    async fn own(&self, citizen_id: i64, code: &str) -> Result<BookingRecord> {
        let code = BookingCode::parse(code).ok_or(Error::NotFound)?;
        match self.store.booking_by_code(code.as_str()).await? {
            Some(b) if b.citizen_id == citizen_id => Ok(b),
            _ => Err(Error::NotFound),
        }
    }

    pub async fn cancel(&self, citizen_id: i64, code: &str, ip: &str) -> Result<()> {
        let record = self.own(citizen_id, code).await?;
        self.check_changeable(&record).await?;
        match self
            .store
            .cancel(record.id, self.clock.now(), self.policy.offer_hold_secs)
            .await?
        {
            Freed::Done(offer) => {
                self.freed(citizen_id, &record, "booking.cancel", offer, ip)
                    .await?;
                Ok(())
            }
            // Cancelled already (a second tap): nothing more to do.
            _ if record.status == "cancelled" => Ok(()),
            _ => Err(domain::Refusal::NotCancellable.into()),
        }
    }

    pub async fn reschedule(
        &self,
        citizen_id: i64,
        code: &str,
        slot_id: i64,
        ip: &str,
    ) -> Result<BookingView> {
        let record = self.own(citizen_id, code).await?;
        if record.slot_id == slot_id {
            return self.view(&record).await;
        }
        self.check_changeable(&record).await?;
        let (_, department) = self.department(&record.department_code).await?;
        let slot = self.open_slot(slot_id, &department.code).await?;
        match self
            .store
            .reschedule(
                record.id,
                slot.id,
                self.clock.now(),
                self.policy.offer_hold_secs,
            )
            .await?
        {
            Freed::Done(offer) => {
                self.freed(citizen_id, &record, "booking.reschedule", offer, ip)
                    .await?;
                let moved = self.own(citizen_id, code).await?;
                let view = self.view(&moved).await?;
                self.notify(citizen_id, &texts::moved(&view)).await;
                Ok(view)
            }
            Freed::Full => Err(domain::Refusal::SlotFull { kept: true }.into()),
            Freed::SameDay => Err(domain::Refusal::SameDay { kept: true }.into()),
            Freed::NotActive => Err(domain::Refusal::NotMovable.into()),
            Freed::DayClosed => Err(domain::Refusal::HallClosed.into()),
        }
    }

    /// After a place was given up: the audit line, and the place announced to the first in
    /// the waitlist, or (no one waiting) counted as free here at once.
    async fn freed(
        &self,
        citizen_id: i64,
        record: &BookingRecord,
        action: &str,
        offer: Option<crate::store::Offer>,
        ip: &str,
    ) -> Result<()> {
        self.audit
            .record(
                Actor::citizen(citizen_id),
                action,
                Some(("booking", record.id)),
                ip,
            )
            .await?;
        match offer {
            Some(offer) => self.announce(&offer).await,
            None => self.reference.forget_sold_out(record.slot_id),
        }
        Ok(())
    }

    async fn check_changeable(&self, record: &BookingRecord) -> Result<()> {
        let rule = self.release_rule(&record.hall_code).await?;
        if record.status == "booked" && self.clock.now() > rule.cutoff(record.start_at) {
            return Err(domain::Refusal::PastChangeCutoff {
                minutes: rule.cutoff_minutes,
            }
            .into());
        }
        Ok(())
    }

    /// Joins the line for a full day.
    pub async fn join_waitlist(&self, citizen_id: i64, form: &WaitForm) -> Result<i64> {
        check_key(&form.request_key)?;
        let item = self.bookable_item(&form.item).await?;
        self.check_member(citizen_id, form.member_id).await?;
        let citizen = self
            .store
            .citizen(citizen_id)
            .await?
            .ok_or(Error::SignInRequired)?;
        if citizen.verified_at.is_none() {
            return Err(self.refusal(Refusal::NotVerified));
        }
        let plan = self
            .day(&form.hall, &item.department.code, form.date)
            .await?;
        if !matches!(plan.view.state, DayState::Full) {
            return Err(domain::Refusal::DayHasRoom.into());
        }
        let joined = self
            .store
            .join_waitlist(&NewWait {
                citizen_id,
                member_id: form.member_id,
                item_code: item.code.as_str(),
                hall_code: &form.hall,
                department_code: &item.department.code,
                day: form.date.epoch_days(),
                request_key: &form.request_key,
                now: self.clock.now(),
            })
            .await?;
        match joined {
            Joined::Id(id) => Ok(id),
            Joined::AlreadyWaiting => Err(domain::Refusal::AlreadyWaiting.into()),
            Joined::AlreadyBooked => Err(self.refusal(Refusal::SameDay)),
        }
    }

    pub async fn my_waitlist(&self, citizen_id: i64) -> Result<Vec<WaitView>> {
        let org = self.reference.org(self.store.as_ref()).await?;
        let mut out = Vec::new();
        for w in self.store.waitlist_of(citizen_id).await? {
            let item_name = self.item_name(&w.item_code).await;
            let status = WaitStatus::parse(&w.status)
                .ok_or_else(|| Error::Corrupt(format!("waitlist status {}", w.status)))?;
            let offered = status == WaitStatus::Offered;
            let offer_start = match w.offered_slot_id {
                Some(id) if offered => self.store.slot(id).await?.map(|s| s.start_at),
                _ => None,
            };
            out.push(WaitView {
                id: w.id,
                item_code: w.item_code.clone(),
                item_name,
                hall_name: org
                    .halls
                    .iter()
                    .find(|(h, _)| h.code == w.hall_code)
                    .map(|(h, _)| h.name.clone())
                    .unwrap_or_default(),
                date: CivilDate::from_epoch_days(w.day),
                position: (status == WaitStatus::Waiting)
                    .then(|| u32::try_from(w.position).unwrap_or(0)),
                offer_until: w.offer_until.filter(|_| offered),
                status,
                offer_start,
            });
        }
        Ok(out)
    }

    pub async fn accept_offer(
        &self,
        citizen_id: i64,
        wait_id: i64,
        request_key: &str,
        ip: &str,
    ) -> Result<BookingView> {
        check_key(request_key)?;
        let wait = self
            .store
            .waitlist_of(citizen_id)
            .await?
            .into_iter()
            .find(|w| w.id == wait_id)
            .ok_or(Error::NotFound)?;
        if let Some(slot) = wait.offered_slot_id.filter(|_| wait.status == "offered") {
            let slot = self.store.slot(slot).await?.ok_or(Error::NotFound)?;
            let rule = self.release_rule(&slot.hall_code).await?;
            if self.clock.now() > rule.cutoff(slot.start_at) {
                return Err(domain::Refusal::OfferPastCutoff.into());
            }
        }
        let code = BookingCode::from_random(crate::random::bytes5());
        let booking = NewBooking {
            citizen_id,
            member_id: wait.member_id,
            item_code: &wait.item_code,
            request_key,
            code: code.as_str(),
            now: self.clock.now(),
            policy: &self.policy,
            audit: None,
            text: None,
        };
        match self.store.accept_offer(&booking, wait_id).await? {
            BookResult::Booked(record) => {
                let actor = Actor::Citizen {
                    id: citizen_id,
                    for_member: wait.member_id,
                };
                self.audit
                    .record(
                        actor,
                        "booking.from_waitlist",
                        Some(("booking", record.id)),
                        ip,
                    )
                    .await?;
                let view = self.view(&record).await?;
                self.notify(citizen_id, &texts::booked(&view)).await;
                Ok(view)
            }
            BookResult::Existing(record) => self.view(&record).await,
            BookResult::Full => Err(domain::Refusal::OfferExpired.into()),
            BookResult::Refused(why) => Err(self.refusal(why)),
        }
    }

    pub async fn leave_waitlist(&self, citizen_id: i64, wait_id: i64) -> Result<()> {
        if let Some(offer) = self
            .store
            .leave_waitlist(
                citizen_id,
                wait_id,
                self.clock.now(),
                self.policy.offer_hold_secs,
            )
            .await?
        {
            self.announce(&offer).await;
        }
        Ok(())
    }

    /// When the citizen's no-show suspension ends, if one is running.
    pub async fn suspension(&self, citizen_id: i64) -> Result<Option<i64>> {
        let p = &self.policy;
        let now = self.clock.now();
        let since = now - (p.no_show_window_days + p.suspension_days) * 86_400;
        let shows = self.store.no_shows(citizen_id, since).await?;
        Ok(p.suspended_until(&shows, now))
    }

    /// The booking as an .ics file.
    pub async fn ics(&self, citizen_id: i64, code: &str) -> Result<String> {
        let (view, item) = self.my_booking(citizen_id, code).await?;
        let record = self.own(citizen_id, code).await?;
        let materials: Vec<String> = item
            .materials
            .iter()
            .filter(|m| m.required)
            .map(|m| m.name.clone())
            .collect();
        let description = format!(
            "预约码 {}\n{} {}窗口\n请带：{}\n如需取消，请在“我的预约”中操作",
            view.code,
            view.hall_name,
            view.department_name,
            materials.join("、")
        );
        Ok(IcsEvent {
            uid: &view.code,
            start: record.start_at,
            end: record.end_at,
            stamp: record.changed_at,
            sequence: record.sequence,
            cancelled: domain::booking::cancels_event(view.status),
            summary: &format!("预约办理：{}", view.item_name),
            location: &format!("{} {}", view.hall_name, view.hall_address),
            description: &description,
        }
        .render())
    }

    pub(crate) async fn item_name(&self, code: &str) -> String {
        match domain::ServiceCode::parse(code) {
            Ok(c) => self
                .catalog
                .guide(&c)
                .await
                .map(|i| i.name)
                .unwrap_or_else(|_| code.to_owned()),
            Err(_) => code.to_owned(),
        }
    }

    pub(crate) async fn view(&self, r: &BookingRecord) -> Result<BookingView> {
        let hall = self.hall(&r.hall_code).await?;
        let (_, department) = self.department(&r.department_code).await?;
        let rule = self.release_rule(&r.hall_code).await?;
        let status = BookingStatus::parse(&r.status)
            .ok_or_else(|| Error::Corrupt(format!("booking status {}", r.status)))?;
        let for_whom = match r.member_id {
            Some(id) => match self.store.family_member(r.citizen_id, id).await? {
                Some(m) => ForWhom::Member {
                    name_masked: m.name_masked,
                    relation: Relation::parse(&m.relation),
                },
                None => ForWhom::FormerMember,
            },
            None => ForWhom::Myself,
        };
        let date = CivilDate::from_epoch_days(r.day);
        let minute = domain::booking::china_minute;
        Ok(BookingView {
            code: r.code.clone(),
            item_code: r.item_code.clone(),
            item_name: self.item_name(&r.item_code).await,
            hall_name: hall.name,
            hall_address: hall.address,
            hall_phone: hall.phone,
            department_name: department.short_name,
            date,
            weekday: Weekday::of(date),
            start: domain::booking::clock_text(minute(r.start_at)),
            end: domain::booking::clock_text(minute(r.end_at)),
            start_at: r.start_at,
            changeable: status.is_active() && self.clock.now() <= rule.cutoff(r.start_at),
            cutoff_at: rule.cutoff(r.start_at),
            status,
            for_whom,
            queue_no: r.queue_no.clone(),
        })
    }

    /// Texts are best effort: a booking stands even if its text could not be queued.
    pub(crate) async fn notify(&self, citizen_id: i64, body: &str) {
        if let Err(e) = self.accounts.text_citizen(citizen_id, body).await {
            tracing::warn!(error = %e, "booking text not queued");
        }
    }

    pub(crate) async fn announce(&self, offer: &crate::store::Offer) {
        let when = match self.store.slot(offer.slot_id).await {
            Ok(Some(s)) => super::when_text(s.start_at),
            _ => String::new(),
        };
        let name = self.item_name(&offer.item_code).await;
        self.notify(
            offer.citizen_id,
            &texts::offered(&name, &when, offer.offer_until),
        )
        .await;
    }
}

/// The answer for a slot with no place left.
pub fn full() -> Error {
    domain::Refusal::SlotFull { kept: false }.into()
}
