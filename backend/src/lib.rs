//! What the 办事 server does: one service per area over a `Store`, with SQLite (embedded
//! default) and PostgreSQL (scale-out) behind it. SQL lives only in `store/`.

pub mod accounts;
pub mod catalog;
pub mod clock;
pub mod error;
pub mod pii;
pub mod random;
pub mod search;
pub mod seed;
pub mod store;

pub use accounts::{AccountService, AccountSetup, IpLimiter, SessionService, StaffService};
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
    pub clock: Arc<dyn Clock>,
}

impl Services {
    pub fn new(store: Arc<dyn Store>, setup: AccountSetup) -> Self {
        let sessions = SessionService::new(store.clone(), setup.clock.clone());
        let limiter = IpLimiter::new(setup.limits);
        Self {
            catalog: CatalogService::new(store.clone()),
            search: SearchService::new(store.clone(), setup.clock.clone()),
            accounts: AccountService::new(store.clone(), &setup, sessions.clone()),
            staff: StaffService::new(store.clone(), setup.clock.clone(), sessions, limiter),
            clock: setup.clock,
            store,
        }
    }
}
