//! What every booking request reads and almost nothing changes, kept in memory: 事项 (the
//! catalogue is loaded at start), halls with their release rules, departments, and the
//! holiday calendar (admins edit it: reloaded after 5 s, at once after an edit here). A rush
//! then spends its database time on the booking itself.

use crate::{Error, Result, Store};
use domain::booking::{Calendar, CalendarEntry, ReleaseRule, TimeOfDay};
use domain::{CivilDate, Department, Hall, ServiceCode, ServiceItem};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

const CALENDAR_FOR: Duration = Duration::from_secs(5);
/// How long a slot seen full answers "full" without asking the database. Harmless if stale:
/// a freed place goes to the waitlist first, and the next look after this asks again.
const SOLD_OUT_FOR: Duration = Duration::from_secs(1);

pub(crate) struct Org {
    pub halls: Vec<(Hall, ReleaseRule)>,
    pub departments: Vec<Department>,
}

#[derive(Default)]
pub(crate) struct Reference {
    items: RwLock<HashMap<String, Arc<ServiceItem>>>,
    org: RwLock<Option<Arc<Org>>>,
    calendar: RwLock<Option<(Instant, Arc<Calendar>)>>,
    sold_out: Mutex<HashMap<i64, Instant>>,
}

impl Reference {
    pub async fn item(&self, store: &dyn Store, code: &str) -> Result<Arc<ServiceItem>> {
        if let Some(item) = self.items.read().ok().and_then(|m| m.get(code).cloned()) {
            return Ok(item);
        }
        let parsed = ServiceCode::parse(code).map_err(|_| Error::NotFound)?;
        let item = Arc::new(store.service(&parsed).await?.ok_or(Error::NotFound)?);
        if let Ok(mut items) = self.items.write() {
            items.insert(code.to_owned(), item.clone());
        }
        Ok(item)
    }

    pub async fn org(&self, store: &dyn Store) -> Result<Arc<Org>> {
        if let Some(org) = self.org.read().ok().and_then(|o| o.clone()) {
            return Ok(org);
        }
        let mut halls = Vec::new();
        for hall in store.halls().await? {
            let r = store.release_rule(&hall.code).await?.ok_or(Error::NotFound)?;
            let rule = ReleaseRule {
                days_before: u32::try_from(r.release_days).unwrap_or(7),
                opens_at: TimeOfDay(u16::try_from(r.release_at).unwrap_or(480)),
                cutoff_minutes: u32::try_from(r.cutoff_minutes).unwrap_or(60),
            };
            halls.push((hall, rule));
        }
        let org = Arc::new(Org {
            halls,
            departments: store.departments().await?,
        });
        if let Ok(mut slot) = self.org.write() {
            *slot = Some(org.clone());
        }
        Ok(org)
    }

    pub async fn calendar(&self, store: &dyn Store) -> Result<Arc<Calendar>> {
        if let Some((at, calendar)) = self.calendar.read().ok().and_then(|c| c.clone())
            && at.elapsed() < CALENDAR_FOR
        {
            return Ok(calendar);
        }
        let entries = store.calendar_days().await?.into_iter().map(|(day, holiday, name)| {
            CalendarEntry {
                date: CivilDate::from_epoch_days(day),
                holiday,
                name,
            }
        });
        let calendar = Arc::new(Calendar::new(entries));
        if let Ok(mut slot) = self.calendar.write() {
            *slot = Some((Instant::now(), calendar.clone()));
        }
        Ok(calendar)
    }

    /// After an edit in this process: read the calendar again at the next look.
    pub fn forget_calendar(&self) {
        if let Ok(mut slot) = self.calendar.write() {
            *slot = None;
        }
    }

    pub fn is_sold_out(&self, slot: i64) -> bool {
        self.sold_out
            .lock()
            .is_ok_and(|m| m.get(&slot).is_some_and(|at| at.elapsed() < SOLD_OUT_FOR))
    }

    pub fn mark_sold_out(&self, slot: i64) {
        if let Ok(mut m) = self.sold_out.lock() {
            m.retain(|_, at| at.elapsed() < SOLD_OUT_FOR);
            m.insert(slot, Instant::now());
        }
    }

    /// A place in `slot` came free here: ask the database again.
    pub fn forget_sold_out(&self, slot: i64) {
        if let Ok(mut m) = self.sold_out.lock() {
            m.remove(&slot);
        }
    }
}
