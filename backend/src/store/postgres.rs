use super::Store;
use super::accounts_sql::accounts_queries;
use super::booking_sql::booking_queries;
use super::case_files_sql::case_file_queries;
use super::cases_sql::{case_queries, part_inserts};
use super::catalog_sql::catalog_queries;
use super::desk_sql::desk_queries;
use super::jobs_sql::job_queries;
use super::reference_sql::reference_queries;
use super::tx_sql::tx_helpers;
use super::waitlist_sql::waitlist_queries;
use crate::Result;
use crate::seed::Catalog;
use async_trait::async_trait;
use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;
use std::time::Duration;

/// The scale-out store: several stateless server processes share one PostgreSQL.
pub struct PgStore {
    pool: PgPool,
}

/// Serialises catalogue seeding across processes starting together (pg_advisory_xact_lock).
const SEED_LOCK: i64 = 0x6261_6e73_6869_0001;

impl PgStore {
    pub async fn connect(url: &str) -> Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await?;
        Ok(Self { pool })
    }

    /// Rows read to decide a write are locked until the transaction ends.
    const FOR_UPDATE: &'static str = " FOR UPDATE";

    /// Background jobs claim rows no other process has locked, and leave those to it.
    const SKIP_LOCKED: &'static str = " FOR UPDATE SKIP LOCKED";

    /// A JSON array bound as parameter 1 or 2, as rows with a `value` column.
    const JSON_EACH_1: &'static str = "json_array_elements_text($1::json)";
    const JSON_EACH_2: &'static str = "json_array_elements_text($2::json)";

    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>> {
        Ok(self.pool.begin().await?)
    }
}

#[async_trait]
impl Store for PgStore {
    fn kind(&self) -> &'static str {
        "postgres"
    }

    async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn migrate(&self) -> Result<()> {
        sqlx::migrate!("./migrations/postgres")
            .run(&self.pool)
            .await?;
        Ok(())
    }

    async fn sync_catalog(&self, catalog: &Catalog) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(SEED_LOCK)
            .execute(&mut *tx)
            .await?;
        Self::sync_locked(tx, catalog).await
    }
}

catalog_queries!(PgStore, sqlx::Postgres);
booking_queries!(PgStore, sqlx::Postgres);
reference_queries!(PgStore, sqlx::Postgres);
waitlist_queries!(PgStore, sqlx::Postgres);
desk_queries!(PgStore, sqlx::Postgres);
tx_helpers!(PgStore, sqlx::Postgres);
case_file_queries!(PgStore);
case_queries!(PgStore, sqlx::Postgres);
part_inserts!(PgStore, sqlx::Postgres);
job_queries!(PgStore, sqlx::Postgres);
accounts_queries!(PgStore, sqlx::Postgres);
