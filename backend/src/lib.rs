//! What the 办事 server does: one service per area over a `Store`, with SQLite (embedded
//! default) and PostgreSQL (scale-out) behind it. SQL lives only in `store/`.

pub mod accounts;
pub mod blobs;
pub mod booking;
pub mod cases;
pub mod catalog;
pub mod certs;
pub mod clock;
pub mod error;
pub mod jobs;
pub mod pii;
pub mod random;
pub mod search;
pub mod seed;
pub mod store;

pub use accounts::{AccountService, AccountSetup, IpLimiter, SessionService, StaffService};
pub use booking::BookingService;
pub use catalog::{CatalogService, HomePage};
pub use clock::Clock;
pub use error::{Error, Result};
pub use search::SearchService;
pub use store::{CatalogStore, Store, connect};

use std::sync::Arc;

/// Every service the app layer may call, cheap to clone into request context.
#[derive(Clone)]
pub struct Services {
    pub store: Arc<dyn Store>,
    pub catalog: CatalogService,
    pub search: SearchService,
    pub accounts: AccountService,
    pub staff: StaffService,
    pub booking: BookingService,
    pub cases: cases::CaseService,
    pub clock: Arc<dyn Clock>,
}

impl Services {
    pub fn new(store: Arc<dyn Store>, setup: AccountSetup) -> Self {
        let sessions = SessionService::new(store.clone(), setup.clock.clone());
        let limiter = IpLimiter::new(setup.limits);
        let catalog = CatalogService::new(store.clone());
        let accounts = AccountService::new(store.clone(), &setup, sessions.clone());
        let booking = BookingService::new(
            store.clone(),
            catalog.clone(),
            accounts.clone(),
            setup.clock.clone(),
            setup.booking,
        );
        Self {
            cases: cases::CaseService::new(
                store.clone(),
                booking.clone(),
                accounts.clone(),
                setup.pii.clone(),
                setup.clock.clone(),
                setup.blobs.clone(),
            ),
            booking,
            catalog,
            search: SearchService::new(store.clone(), setup.clock.clone()),
            accounts,
            staff: StaffService::new(store.clone(), setup.clock.clone(), sessions, limiter),
            clock: setup.clock,
            store,
        }
    }

    /// Every background job, in the order a round runs them; a round is `round_secs` long.
    pub fn jobs(&self, round_secs: i64) -> jobs::JobRunner {
        let mut runner = jobs::JobRunner::new(self.store.clone(), self.clock.clone(), round_secs);
        let booking = self.booking.clone();
        runner.add("booking", move || {
            let booking = booking.clone();
            async move {
                let r = booking.run_jobs().await?;
                Ok(r.reminders as u64 + r.no_shows + r.offers as u64)
            }
        });
        let cases = self.cases.clone();
        runner.add("cases.bundles", move || {
            let cases = cases.clone();
            async move { cases.advance_all().await }
        });
        let accounts = self.accounts.clone();
        runner.add("accounts.sweep", move || {
            let accounts = accounts.clone();
            async move {
                let (texts, sessions) = accounts.sweep().await?;
                Ok(texts + sessions)
            }
        });
        runner
    }
}
