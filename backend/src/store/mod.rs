//! Storage behind one trait. The database URL's scheme picks the implementation:
//! `sqlite:` for the embedded default, `postgres:`/`postgresql:` for the shared scale-out store.

mod accounts;
mod accounts_sql;
mod catalog_sql;
mod postgres;
mod rows;
mod sqlite;

pub use accounts::*;
pub use postgres::PgStore;
pub use sqlite::SqliteStore;

use crate::seed::Catalog;
use crate::{Error, Result};
use async_trait::async_trait;
use domain::{Department, Hall, ServiceCode, ServiceItem, ServiceSummary};
use std::sync::Arc;

/// Reading the service catalogue (the same SQL on both stores, see `catalog_sql`).
#[async_trait]
pub trait CatalogStore: Send + Sync {
    async fn departments(&self) -> Result<Vec<Department>>;
    async fn halls(&self) -> Result<Vec<Hall>>;
    /// The home page grid, in rank order.
    async fn hot_services(&self, limit: u32) -> Result<Vec<ServiceSummary>>;
    async fn service(&self, code: &ServiceCode) -> Result<Option<ServiceItem>>;
}

#[async_trait]
pub trait Store:
    CatalogStore + CitizenStore + AccessStore + StaffStore + Send + Sync + 'static
{
    /// `sqlite` or `postgres`, for logs and the readiness probe.
    fn kind(&self) -> &'static str;
    /// Answers when the database does (readiness).
    async fn ping(&self) -> Result<()>;
    /// Applies this backend's migrations; safe to run at every start.
    async fn migrate(&self) -> Result<()>;
    /// Loads the catalogue into an empty store in one transaction; false when one was there.
    async fn seed_catalog_if_empty(&self, catalog: &Catalog) -> Result<bool>;
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
