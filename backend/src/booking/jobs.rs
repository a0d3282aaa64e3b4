//! Background work, safe with several server processes on one PostgreSQL: every row is
//! claimed inside one store statement or transaction (SKIP LOCKED there), so each reminder
//! goes once and each offer passes on once. The clock is the service's, so tests move time.

use super::BookingService;
use super::texts;
use crate::Result;
use crate::store::Reminder;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct JobReport {
    pub reminders: usize,
    pub no_shows: u64,
    pub offers: usize,
}

impl BookingService {
    /// One pass of every job; the server runs it every half minute.
    pub async fn run_jobs(&self) -> Result<JobReport> {
        let now = self.clock.now();
        let mut report = JobReport::default();
        for offer in self
            .store
            .expire_offers(now, self.policy.offer_hold_secs)
            .await?
        {
            self.announce(&offer).await;
            report.offers += 1;
        }
        report.no_shows = self
            .store
            .mark_no_shows(now, self.policy.no_show_grace_secs)
            .await?;
        for kind in [Reminder::HourBefore, Reminder::DayBefore] {
            loop {
                let claimed = self.store.claim_reminders(kind, now, 100).await?;
                for booking in &claimed {
                    let view = self.view(booking).await?;
                    let body = texts::reminder(&view, kind == Reminder::HourBefore);
                    self.notify(booking.citizen_id, &body).await;
                }
                report.reminders += claimed.len();
                if claimed.len() < 100 {
                    break;
                }
            }
        }
        Ok(report)
    }
}
