use thiserror::Error;

/// What can go wrong below the app layer. Callers map each variant to a user-safe message;
/// `Database` and `Seed` carry causes meant for logs only.
#[derive(Debug, Error)]
pub enum Error {
    #[error("not found")]
    NotFound,
    #[error("unsupported database URL scheme: {0}")]
    UnsupportedUrl(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("seed data rejected: {0}")]
    Seed(String),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
