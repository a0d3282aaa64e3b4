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
use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::Duration;

/// The embedded store: one SQLite file in WAL mode. Writers queue on SQLite's single write
/// lock, so write transactions begin IMMEDIATE (take the lock up front) rather than failing
/// with SQLITE_BUSY when a read turns into a write.
pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    pub async fn connect(url: &str) -> Result<Self> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a booking acknowledged to a citizen survives a power cut.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        if let Some(dir) = options.get_filename().parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(sqlx::Error::Io)?;
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        Ok(Self { pool })
    }

    /// SQLite serialises writers: taking the lock up front is the row lock.
    const FOR_UPDATE: &'static str = "";

    /// Background jobs claim rows no other process has locked, and leave those to it.
    const SKIP_LOCKED: &'static str = "";

    /// A JSON array bound as parameter 1 or 2, as rows with a `value` column.
    const JSON_EACH_1: &'static str = "json_each($1)";
    const JSON_EACH_2: &'static str = "json_each($2)";

    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }
}

#[async_trait]
impl Store for SqliteStore {
    fn kind(&self) -> &'static str {
        "sqlite"
    }

    async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn migrate(&self) -> Result<()> {
        sqlx::migrate!("./migrations/sqlite")
            .run(&self.pool)
            .await?;
        Ok(())
    }

    async fn sync_catalog(&self, catalog: &Catalog) -> Result<bool> {
        // The write lock taken up front: two starts at once seed only once.
        let tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        Self::sync_locked(tx, catalog).await
    }
}

catalog_queries!(SqliteStore, sqlx::Sqlite);
booking_queries!(SqliteStore, sqlx::Sqlite);
reference_queries!(SqliteStore, sqlx::Sqlite);
waitlist_queries!(SqliteStore, sqlx::Sqlite);
desk_queries!(SqliteStore, sqlx::Sqlite);
tx_helpers!(SqliteStore, sqlx::Sqlite);
case_file_queries!(SqliteStore);
case_queries!(SqliteStore, sqlx::Sqlite);
part_inserts!(SqliteStore, sqlx::Sqlite);
job_queries!(SqliteStore, sqlx::Sqlite);
accounts_queries!(SqliteStore, sqlx::Sqlite);
