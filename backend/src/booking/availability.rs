//! Which days and slots a citizen can book: the calendar picks the schedule, the hall's
//! release rule says whether the day is open yet, the slots say how many places are left.

use super::BookingService;
use crate::store::{NewSlot, SlotRecord};
use crate::{Error, Result};
use domain::CivilDate;
use domain::Refusal;
use domain::booking::{
    ClosedWhy, DayState, DayView, Release, ReleaseRule, Schedule, SlotView, TimeOfDay,
};
use domain::calendar::{Calendar, DayKind, Weekday};

/// A day's view and, when it has hours, its slots (made in the store on first look, once
/// the day is released).
pub struct DayPlan {
    pub view: DayView,
    pub slots: Vec<SlotView>,
    /// The slot rows behind `slots` (booking checks them).
    pub records: Vec<SlotRecord>,
}

impl BookingService {
    /// Seven days from `from` for one department's windows in a hall.
    pub async fn week(
        &self,
        hall: &str,
        department: &str,
        from: CivilDate,
    ) -> Result<Vec<DayView>> {
        let calendar = self.calendar().await?;
        let rule = self.release_rule(hall).await?;
        let schedules = self.store.schedules(hall, department).await?;
        let closed = self
            .store
            .closed_days(hall, from.epoch_days(), from.epoch_days() + 6)
            .await?;
        let mut out = Vec::with_capacity(7);
        for offset in 0..7 {
            let date = CivilDate::from_epoch_days(from.epoch_days() + offset);
            let closed = closed
                .iter()
                .find(|(d, _)| *d == date.epoch_days())
                .map(|(_, r)| r.as_str());
            let plan = self
                .plan(
                    &calendar, &rule, &schedules, closed, hall, department, date, false,
                )
                .await?;
            out.push(plan.view);
        }
        Ok(out)
    }

    /// One day with its slots.
    pub async fn day(&self, hall: &str, department: &str, date: CivilDate) -> Result<DayPlan> {
        let calendar = self.calendar().await?;
        let rule = self.release_rule(hall).await?;
        let schedules = self.store.schedules(hall, department).await?;
        let day = date.epoch_days();
        let closed = self.store.closed_days(hall, day, day).await?;
        let closed = closed.first().map(|(_, r)| r.as_str());
        self.plan(
            &calendar, &rule, &schedules, closed, hall, department, date, true,
        )
        .await
    }

    #[allow(clippy::too_many_arguments)]
    async fn plan(
        &self,
        calendar: &Calendar,
        rule: &ReleaseRule,
        schedules: &[crate::store::ScheduleRecord],
        closed: Option<&str>,
        hall: &str,
        department: &str,
        date: CivilDate,
        with_slots: bool,
    ) -> Result<DayPlan> {
        let kind = calendar.kind(date);
        let mut plan = DayPlan {
            view: DayView {
                date,
                weekday: Weekday::of(date),
                kind: kind.clone(),
                state: DayState::Over,
            },
            slots: Vec::new(),
            records: Vec::new(),
        };
        if let Some(reason) = closed {
            plan.view.state = DayState::Closed {
                why: ClosedWhy::HallClosed {
                    reason: reason.to_owned(),
                },
            };
            return Ok(plan);
        }
        let parse = |weekend: bool| {
            schedules
                .iter()
                .find(|s| s.weekend == weekend)
                .and_then(|s| {
                    Schedule::new(
                        &s.periods,
                        u32::try_from(s.windows).ok()?,
                        u32::try_from(s.slot_minutes).ok()?,
                        u32::try_from(s.per_window).ok()?,
                    )
                    .ok()
                })
        };
        let (weekday_hours, weekend_hours) = (parse(false), parse(true));
        let Some(schedule) =
            Schedule::for_day(&kind, weekday_hours.as_ref(), weekend_hours.as_ref())
        else {
            plan.view.state = DayState::Closed {
                why: match kind {
                    DayKind::Holiday(name) => ClosedWhy::Holiday { name },
                    _ => ClosedWhy::Weekend,
                },
            };
            return Ok(plan);
        };
        let specs = schedule.slots();
        let midnight = date.china_midnight();
        let at = |t: TimeOfDay| midnight + t.minutes() * 60;
        let Some(last) = specs.last() else {
            plan.view.state = DayState::Closed {
                why: ClosedWhy::NoHours,
            };
            return Ok(plan);
        };
        let now = self.clock.now();
        match rule.release(date, at(last.start), now) {
            Release::NotYet(opens) => {
                plan.view.state = DayState::NotYet { opens };
                return Ok(plan);
            }
            Release::Over => {
                plan.view.state = DayState::Over;
                return Ok(plan);
            }
            Release::Open => {}
        }
        let make: Vec<NewSlot> = specs
            .iter()
            .map(|s| NewSlot {
                start_min: s.start.minutes(),
                end_min: s.end.minutes(),
                start_at: at(s.start),
                end_at: at(s.end),
                capacity: i64::from(s.capacity),
            })
            .collect();
        let records = self
            .store
            .day_slots(hall, department, date.epoch_days(), &make)
            .await?;
        let open: Vec<&SlotRecord> = records
            .iter()
            .filter(|s| now <= rule.cutoff(s.start_at))
            .collect();
        let remaining: i64 = open.iter().map(|s| s.remaining()).sum();
        plan.view.state = if open.is_empty() {
            DayState::Over
        } else if remaining == 0 {
            DayState::Full
        } else {
            DayState::Open {
                remaining: u32::try_from(remaining).unwrap_or(u32::MAX),
            }
        };
        if with_slots {
            plan.slots = records
                .iter()
                .map(|s| SlotView {
                    id: s.id,
                    start: domain::booking::clock_text(s.start_min),
                    end: domain::booking::clock_text(s.end_min),
                    remaining: u32::try_from(s.remaining()).unwrap_or(0),
                    capacity: u32::try_from(s.capacity).unwrap_or(0),
                    closed: now > rule.cutoff(s.start_at),
                })
                .collect();
            plan.records = records;
        }
        Ok(plan)
    }

    /// The slot, checked bookable now for `department`: a real day of the calendar, released,
    /// not past its cut-off. Only the slot is read from the database; a closed day is refused
    /// by the store's booking update itself.
    pub(crate) async fn open_slot(&self, slot_id: i64, department: &str) -> Result<SlotRecord> {
        let slot = self.store.slot(slot_id).await?.ok_or(Error::NotFound)?;
        if slot.department_code != department {
            return Err(Error::NotFound);
        }
        let date = CivilDate::from_epoch_days(slot.day);
        if let DayKind::Holiday(name) = self.calendar().await?.kind(date) {
            return Err(Refusal::Holiday { name }.into());
        }
        let rule = self.release_rule(&slot.hall_code).await?;
        let now = self.clock.now();
        let opens = rule.opens(date);
        if now < opens {
            return Err(Refusal::NotReleased { opens }.into());
        }
        if now > rule.cutoff(slot.start_at) {
            return Err(Refusal::SlotPastCutoff.into());
        }
        Ok(slot)
    }
}
