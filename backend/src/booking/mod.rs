//! Hall appointments: what days and slots a citizen can book, booking with every rule held in
//! one store transaction, the waitlist, the clerk's desk (check-in, queue numbers, walk-ins),
//! closing a day, and the background jobs (reminders, no-shows, offer expiry).

mod admission;
mod availability;
mod citizen;
mod desk;
mod jobs;
mod keys;
mod qr;
pub(crate) mod reference;
mod texts;

pub use admission::Admission;
pub use availability::DayPlan;
pub use citizen::{BookForm, WaitForm, full as full_error};
pub use jobs::JobReport;
pub use qr::qr_svg;
pub use reference::Place;

use crate::accounts::{AccountService, Audit};
use crate::clock::Clock;
use crate::{CatalogService, Error, Result, Store};
use domain::booking::{BookingPolicy, ReleaseRule};
use domain::calendar::Calendar;
use domain::{CivilDate, Department, Hall, ServiceItem};
use std::sync::Arc;

#[derive(Clone)]
pub struct BookingService {
    store: Arc<dyn Store>,
    catalog: CatalogService,
    accounts: AccountService,
    audit: Audit,
    clock: Arc<dyn Clock>,
    policy: BookingPolicy,
    admission: Admission,
    reference: Arc<reference::Reference>,
    booked_keys: Arc<keys::BookedKeys>,
}

impl BookingService {
    pub fn new(
        store: Arc<dyn Store>,
        catalog: CatalogService,
        accounts: AccountService,
        clock: Arc<dyn Clock>,
        policy: BookingPolicy,
    ) -> Self {
        Self {
            audit: Audit::new(store.clone(), clock.clone()),
            store,
            catalog,
            accounts,
            clock,
            policy,
            admission: Admission::default(),
            reference: Arc::default(),
            booked_keys: Arc::default(),
        }
    }

    pub fn policy(&self) -> &BookingPolicy {
        &self.policy
    }

    /// Loads the official holiday calendar once per database, and a default schedule for
    /// every hall × department that has none (weekday 09:00–12:00 and 13:00–17:00 with two
    /// windows; 周末不打烊 departments also Saturday and Sunday 09:00–17:00 with one).
    pub async fn seed(&self) -> Result<()> {
        let days: Vec<(i64, bool, String)> = Calendar::official()
            .entries()
            .map(|e| (e.date.epoch_days(), e.holiday, e.name.clone()))
            .collect();
        self.store.seed_calendar(&days).await?;
        let mut schedules = Vec::new();
        let departments = self.store.departments().await?;
        for hall in self.store.halls().await? {
            for d in &departments {
                schedules.push(default_schedule(&hall.code, &d.code, false));
                if d.weekend {
                    schedules.push(default_schedule(&hall.code, &d.code, true));
                }
            }
        }
        self.store.seed_schedules(&schedules).await
    }

    pub async fn calendar(&self) -> Result<Arc<Calendar>> {
        self.reference.calendar(self.store.as_ref()).await
    }

    /// Any 事项 of the catalogue, from the process's reference cache.
    pub async fn item(&self, code: &str) -> Result<Arc<ServiceItem>> {
        self.reference.item(self.store.as_ref(), code).await
    }

    /// A bookable 事项, or NotFound (also for one that is not 可预约).
    pub async fn bookable_item(&self, code: &str) -> Result<Arc<ServiceItem>> {
        let item = self.reference.item(self.store.as_ref(), code).await?;
        if item.flags.bookable {
            Ok(item)
        } else {
            Err(Error::NotFound)
        }
    }

    /// Halls with windows of the item's department.
    pub async fn halls_for(&self, item: &ServiceItem) -> Result<Vec<Hall>> {
        let mut out = Vec::new();
        for (hall, _) in &self.reference.org(self.store.as_ref()).await?.halls {
            let departments = self.store.scheduled_departments(&hall.code).await?;
            if departments.contains(&item.department.code) {
                out.push(hall.clone());
            }
        }
        Ok(out)
    }

    async fn hall(&self, code: &str) -> Result<Hall> {
        let org = self.reference.org(self.store.as_ref()).await?;
        org.halls
            .iter()
            .find(|(h, _)| h.code == code)
            .map(|(h, _)| h.clone())
            .ok_or(Error::NotFound)
    }

    /// The department and its place in the catalogue (which picks its queue letter).
    async fn department(&self, code: &str) -> Result<(u32, Department)> {
        let org = self.reference.org(self.store.as_ref()).await?;
        org.departments
            .iter()
            .enumerate()
            .find(|(_, d)| d.code == code)
            .map(|(i, d)| (u32::try_from(i).unwrap_or(0), d.clone()))
            .ok_or(Error::NotFound)
    }

    async fn release_rule(&self, hall: &str) -> Result<ReleaseRule> {
        let org = self.reference.org(self.store.as_ref()).await?;
        org.halls
            .iter()
            .find(|(h, _)| h.code == hall)
            .map(|(_, rule)| *rule)
            .ok_or(Error::NotFound)
    }

    /// Lets a booking request in, or answers Busy (503) when too many are already waiting.
    /// The server function asks before anything else, so a rush is turned away before it
    /// costs a session lookup.
    pub async fn admit(&self) -> Result<tokio::sync::OwnedSemaphorePermit> {
        self.admission.enter().await
    }

    /// Takes one of the places this process counts as left in the slot, or says why not
    /// (full, or all claimed by requests in flight), so a rush's losers are answered without
    /// a session lookup or a transaction. The
    /// booking's conditional update still decides; settle the place
    /// once the request is answered (`settle_place`).
    pub async fn take_place(&self, slot_id: i64) -> Result<Place> {
        self.reference
            .take_place(self.store.as_ref(), slot_id)
            .await
    }

    /// The answer to a request that took a place is out; `used` when it made a booking.
    pub fn settle_place(&self, slot_id: i64, used: bool) {
        self.reference.settle_place(slot_id, used);
    }

    /// Did this citizen's form with `request_key` already make a booking? Asked before any
    /// "full" answer from the place count, so a resent form gets its booking, not 409.
    /// This process remembers the keys it booked; with PostgreSQL other processes may have
    /// booked it, so the database is asked too (one indexed read, only for requests the
    /// count would refuse). SQLite serves one process, whose memory is the whole answer.
    pub async fn made_with_key(&self, citizen_id: i64, request_key: &str) -> Result<bool> {
        if request_key.is_empty() {
            return Ok(false);
        }
        if self.booked_keys.contains(citizen_id, request_key) {
            return Ok(true);
        }
        if self.store.kind() == "postgres" {
            return self.store.booked_with_key(citizen_id, request_key).await;
        }
        Ok(false)
    }

    fn today(&self) -> CivilDate {
        CivilDate::in_china(self.clock.now())
    }
}

fn default_schedule(hall: &str, department: &str, weekend: bool) -> crate::store::ScheduleRecord {
    crate::store::ScheduleRecord {
        hall_code: hall.to_owned(),
        department_code: department.to_owned(),
        weekend,
        periods: if weekend {
            "09:00-17:00"
        } else {
            "09:00-12:00,13:00-17:00"
        }
        .to_owned(),
        windows: if weekend { 1 } else { 2 },
        slot_minutes: 30,
        per_window: 2,
    }
}

pub use domain::booking::when_text;
