//! What every booking request reads and almost nothing changes, kept in memory: 事项 (the
//! catalogue is loaded at start), halls with their release rules, departments, and the
//! holiday calendar (admins edit it: reloaded after 5 s, at once after an edit here). A rush
//! then spends its database time on the booking itself.

use crate::{Error, Result, Store};
use domain::booking::{ReleaseRule, TimeOfDay};
use domain::calendar::{Calendar, CalendarEntry};
use domain::{CivilDate, Department, Hall, ServiceCode, ServiceItem};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

const CALENDAR_FOR: Duration = Duration::from_secs(5);
/// How long this process trusts its count of a slot's places left before reading the slot
/// again. A stale "full" is harmless: a freed place goes to the waitlist first, and the next
/// look after this asks the database.
const PLACES_FOR: Duration = Duration::from_secs(1);

pub(crate) struct Org {
    pub halls: Vec<(Hall, ReleaseRule)>,
    pub departments: Vec<Department>,
}

/// What `take_place` found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// One set aside for this request: book, or give it back.
    Taken,
    /// The database says the slot is full.
    Full,
    /// Every place left is being booked by requests in flight; one may come back (the same
    /// form twice, a refusal), so the answer is "try again in a moment", not "full".
    Claimed,
}

/// A slot's places as counted here: read from the database at `at`, less those taken since;
/// `full` when the database itself answered "full" (a count run down by takes is not).
struct Count {
    at: Instant,
    left: i64,
    /// Taken by requests still being answered.
    in_flight: i64,
    full: bool,
}

#[derive(Default)]
pub(crate) struct Reference {
    items: RwLock<HashMap<String, Arc<ServiceItem>>>,
    org: RwLock<Option<Arc<Org>>>,
    calendar: RwLock<Option<(Instant, Arc<Calendar>)>>,
    /// Places left per slot as this process counts them.
    places: Mutex<HashMap<i64, Count>>,
    /// One count read at a time: in a rush thousands find a count stale at once, and one
    /// read serves them all (they would otherwise queue on the database pool).
    reading: tokio::sync::Mutex<()>,
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
            let r = store
                .release_rule(&hall.code)
                .await?
                .ok_or(Error::NotFound)?;
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
        let entries = store
            .calendar_days()
            .await?
            .into_iter()
            .map(|(day, holiday, name)| CalendarEntry {
                date: CivilDate::from_epoch_days(day),
                holiday,
                name,
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

    /// The database found the slot full less than a second ago.
    #[cfg(test)]
    fn is_sold_out(&self, slot: i64) -> bool {
        self.places.lock().is_ok_and(|m| {
            m.get(&slot)
                .is_some_and(|c| c.full && c.at.elapsed() < PLACES_FOR)
        })
    }

    /// Takes one of the places this process counts as left in `slot`, reading the slot when
    /// its count is older than a second. The database's conditional update still decides;
    /// this only spares it the requests that cannot win.
    pub async fn take_place(&self, store: &dyn Store, slot: i64) -> Result<Place> {
        if let Some(taken) = self.take_counted(slot) {
            return Ok(taken);
        }
        let _reading = self.reading.lock().await;
        if let Some(taken) = self.take_counted(slot) {
            return Ok(taken);
        }
        let record = store.slot(slot).await?.ok_or(Error::NotFound)?;
        if let Ok(mut m) = self.places.lock() {
            let fresh = m.get(&slot).is_some_and(|c| c.at.elapsed() < PLACES_FOR);
            if !fresh {
                let left = record.remaining();
                m.insert(
                    slot,
                    Count {
                        at: Instant::now(),
                        left,
                        in_flight: 0,
                        full: left <= 0,
                    },
                );
            }
        }
        Ok(self.take_counted(slot).unwrap_or(Place::Taken))
    }

    fn take_counted(&self, slot: i64) -> Option<Place> {
        let mut m = self.places.lock().ok()?;
        let count = m.get_mut(&slot)?;
        if count.at.elapsed() >= PLACES_FOR {
            return None;
        }
        Some(if count.full {
            Place::Full
        } else if count.left > 0 {
            count.left -= 1;
            count.in_flight += 1;
            Place::Taken
        } else if count.in_flight > 0 {
            Place::Claimed
        } else {
            // Nothing left and nothing being booked: the database would say full.
            Place::Full
        })
    }

    /// The answer to a request that took a place is out: `used` by a new booking, or not
    /// (refused, the same form again, shed), when the place goes back in the count.
    pub fn settle_place(&self, slot: i64, used: bool) {
        if let Ok(mut m) = self.places.lock()
            && let Some(count) = m.get_mut(&slot)
        {
            count.in_flight = (count.in_flight - 1).max(0);
            if !used {
                count.left += 1;
            }
        }
    }

    /// The database found the slot full.
    pub fn mark_sold_out(&self, slot: i64) {
        if let Ok(mut m) = self.places.lock() {
            m.retain(|_, c| c.at.elapsed() < PLACES_FOR);
            m.insert(
                slot,
                Count {
                    at: Instant::now(),
                    left: 0,
                    in_flight: 0,
                    full: true,
                },
            );
        }
    }

    /// A place in `slot` came free here: count it again from the database.
    pub fn forget_sold_out(&self, slot: i64) {
        if let Ok(mut m) = self.places.lock() {
            m.remove(&slot);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counting(slot: i64, left: i64) -> Reference {
        let r = Reference::default();
        r.places.lock().unwrap().insert(
            slot,
            Count {
                at: Instant::now(),
                left,
                in_flight: 0,
                full: false,
            },
        );
        r
    }

    #[test]
    fn places_in_flight_are_claimed_not_full() {
        let r = counting(7, 2);
        assert_eq!(r.take_counted(7), Some(Place::Taken));
        assert_eq!(r.take_counted(7), Some(Place::Taken));
        // Both are being booked: come back in a moment, one may be given back.
        assert_eq!(r.take_counted(7), Some(Place::Claimed));
        r.settle_place(7, false);
        assert_eq!(
            r.take_counted(7),
            Some(Place::Taken),
            "a refused one came back"
        );
        r.settle_place(7, true);
        r.settle_place(7, true);
        // Nothing left, nothing in flight: full, though the database has not said so.
        assert_eq!(r.take_counted(7), Some(Place::Full));
        assert!(
            !r.is_sold_out(7),
            "only the database's answer marks it sold out"
        );
        r.mark_sold_out(7);
        assert!(r.is_sold_out(7));
        r.forget_sold_out(7);
        assert_eq!(r.take_counted(7), None, "counted again from the database");
    }
}
