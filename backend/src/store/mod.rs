//! Storage behind one trait. The database URL's scheme picks the implementation:
//! `sqlite:` for the embedded default, `postgres:`/`postgresql:` for the shared scale-out store.

mod accounts;
mod accounts_sql;
mod booking;
mod booking_sql;
mod case_files;
mod case_files_sql;
mod cases;
mod cases_sql;
mod catalog_sql;
mod desk_sql;
mod jobs_sql;
mod postgres;
mod reference_sql;
mod rows;
mod sqlite;
mod tx_sql;
mod waitlist_sql;

pub use accounts::*;
pub(crate) use accounts_sql::is_unique_violation;
pub use booking::*;
pub use case_files::*;
pub use cases::*;
pub use postgres::PgStore;
pub use sqlite::SqliteStore;

use crate::seed::Catalog;
use crate::{Error, Result};
use async_trait::async_trait;
use domain::{Department, Hall, ServiceCode, ServiceItem, ServiceSummary};
use std::sync::Arc;

/// Leases that let one process at a time run each background job (`crate::jobs`).
#[async_trait]
pub trait JobStore: Send + Sync {
    /// Takes the lease of job `name` for `holder` until `until`, if it is free, expired at
    /// `now`, or already `holder`'s; true when taken.
    async fn claim_job(&self, name: &str, holder: &str, now: i64, until: i64) -> Result<bool>;
}

/// Reading the service catalogue (the same SQL on both stores, see `catalog_sql`).
#[async_trait]
pub trait CatalogStore: Send + Sync {
    async fn departments(&self) -> Result<Vec<Department>>;
    async fn halls(&self) -> Result<Vec<Hall>>;
    /// The catalogue's 一件事 bundles, in the seed's order.
    async fn bundle_defs(&self) -> Result<Vec<domain::bundle::BundleDef>>;
    /// The home page grid, in rank order.
    async fn hot_services(&self, limit: u32) -> Result<Vec<ServiceSummary>>;
    /// Every 事项 that takes appointments, by department then catalogue order.
    async fn bookable_services(&self) -> Result<Vec<ServiceSummary>>;
    async fn service(&self, code: &ServiceCode) -> Result<Option<ServiceItem>>;
    /// Every 事项 with its keywords and guide text, most popular first (hot rank, then
    /// catalogue order).
    async fn search_entries(&self) -> Result<Vec<crate::search::EntryText>>;
    /// Counts a query that found nothing well on `day` (days since 1970-01-01, China time).
    async fn record_search_miss(&self, query: &str, day: i64, at: i64) -> Result<()>;
    /// The queries that most often found nothing, most frequent first.
    async fn search_misses(&self, limit: u32) -> Result<Vec<crate::search::Miss>>;
}

#[async_trait]
pub trait Store:
    CatalogStore
    + CitizenStore
    + AccessStore
    + StaffStore
    + HallReferenceStore
    + BookingStore
    + WaitlistStore
    + DeskStore
    + JobStore
    + CaseStore
    + CaseFileStore
    + Send
    + Sync
    + 'static
{
    /// `sqlite` or `postgres`, for logs and the readiness probe.
    fn kind(&self) -> &'static str;
    /// Answers when the database does (readiness).
    async fn ping(&self) -> Result<()>;
    /// Applies this backend's migrations; safe to run at every start.
    async fn migrate(&self) -> Result<()>;
    /// Loads the catalogue in one transaction unless this version is already loaded; true
    /// when it loaded (first start, or a new seed file).
    async fn sync_catalog(&self, catalog: &Catalog) -> Result<bool>;
}

/// Opens the store named by `url`, without migrating it.
pub async fn connect(url: &str) -> Result<Arc<dyn Store>> {
    let scheme = url.split(':').next().unwrap_or_default();
    match scheme {
        "sqlite" => Ok(Arc::new(SqliteStore::connect(url).await?)),
        "postgres" | "postgresql" => Ok(Arc::new(PgStore::connect(url).await?)),
        other => Err(Error::UnsupportedUrl(other.to_owned())),
    }
}
