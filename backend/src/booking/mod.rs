//! Hall appointments: what days and slots a citizen can book, booking with every rule held in
//! one store transaction, the waitlist, the clerk's desk (check-in, queue numbers, walk-ins),
//! closing a day, and the background jobs (reminders, no-shows, offer expiry).

mod admission;
mod availability;
mod citizen;
mod desk;
mod jobs;
mod qr;
mod texts;

pub use admission::Admission;
pub use availability::DayPlan;
pub use citizen::{BookForm, WaitForm};
pub use jobs::JobReport;
pub use qr::qr_svg;

use crate::accounts::{AccountService, Audit};
use crate::clock::Clock;
use crate::{CatalogService, Error, Result, Store};
use domain::booking::{BookingPolicy, Calendar, CalendarEntry, ReleaseRule, TimeOfDay};
use domain::{CivilDate, Department, Hall, ServiceCode, ServiceItem};
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
        for hall in self.store.halls().await? {
            for d in self.store.departments().await? {
                schedules.push(default_schedule(&hall.code, &d.code, false));
                if d.weekend {
                    schedules.push(default_schedule(&hall.code, &d.code, true));
                }
            }
        }
        self.store.seed_schedules(&schedules).await
    }

    pub async fn calendar(&self) -> Result<Calendar> {
        let entries = self
            .store
            .calendar_days()
            .await?
            .into_iter()
            .map(|(day, holiday, name)| CalendarEntry {
                date: CivilDate::from_epoch_days(day),
                holiday,
                name,
            });
        Ok(Calendar::new(entries))
    }

    /// A bookable 事项, or NotFound (also for one that is not 可预约).
    pub async fn bookable_item(&self, code: &str) -> Result<ServiceItem> {
        let code = ServiceCode::parse(code).map_err(|_| Error::NotFound)?;
        let item = self.catalog.guide(&code).await?;
        if item.flags.bookable {
            Ok(item)
        } else {
            Err(Error::NotFound)
        }
    }

    /// Halls with windows of the item's department.
    pub async fn halls_for(&self, item: &ServiceItem) -> Result<Vec<Hall>> {
        let mut out = Vec::new();
        for hall in self.store.halls().await? {
            let departments = self.store.scheduled_departments(&hall.code).await?;
            if departments.contains(&item.department.code) {
                out.push(hall);
            }
        }
        Ok(out)
    }

    async fn hall(&self, code: &str) -> Result<Hall> {
        self.store
            .halls()
            .await?
            .into_iter()
            .find(|h| h.code == code)
            .ok_or(Error::NotFound)
    }

    async fn department(&self, code: &str) -> Result<(u32, Department)> {
        self.store
            .departments()
            .await?
            .into_iter()
            .enumerate()
            .find(|(_, d)| d.code == code)
            .map(|(i, d)| (u32::try_from(i).unwrap_or(0), d))
            .ok_or(Error::NotFound)
    }

    async fn release_rule(&self, hall: &str) -> Result<ReleaseRule> {
        let r = self
            .store
            .release_rule(hall)
            .await?
            .ok_or(Error::NotFound)?;
        Ok(ReleaseRule {
            days_before: u32::try_from(r.release_days).unwrap_or(7),
            opens_at: TimeOfDay(u16::try_from(r.release_at).unwrap_or(480)),
            cutoff_minutes: u32::try_from(r.cutoff_minutes).unwrap_or(60),
        })
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

/// "12月5日 周六 09:00".
pub fn when_text(start_at: i64) -> String {
    let date = CivilDate::in_china(start_at);
    let minutes = (start_at + domain::date::CHINA_OFFSET_SECS).rem_euclid(86_400) / 60;
    format!(
        "{}月{}日 周{} {:02}:{:02}",
        date.month(),
        date.day(),
        domain::booking::Weekday::of(date).label(),
        minutes / 60,
        minutes % 60
    )
}
