use thiserror::Error;

/// What can go wrong below the app layer. Callers map each variant to a user-safe message;
/// `Database` and `Seed` carry causes meant for logs only.
#[derive(Debug, Error)]
pub enum Error {
    #[error("not found")]
    NotFound,
    /// Input that does not parse; the app words it.
    #[error("invalid: {0:?}")]
    Invalid(domain::Invalid),
    /// The request needs a signed-in citizen (or staff member) and has none.
    #[error("sign-in required")]
    SignInRequired,
    /// Signed in, but this is not theirs to do.
    #[error("forbidden")]
    Forbidden,
    /// Too many requests from one address: wait `wait_secs`.
    #[error("rate limited for {wait_secs} s")]
    RateLimited { wait_secs: i64 },
    /// Too many requests at once: come back in a moment.
    #[error("busy")]
    Busy,
    /// A rule refused the request; the app words it.
    #[error("refused: {0:?}")]
    Refused(domain::Refusal),
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
    /// The file store failed (a disk full, a directory gone).
    #[error("file storage: {0}")]
    Storage(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<domain::Invalid> for Error {
    fn from(invalid: domain::Invalid) -> Self {
        Self::Invalid(invalid)
    }
}

impl From<domain::Refusal> for Error {
    fn from(refusal: domain::Refusal) -> Self {
        Self::Refused(refusal)
    }
}
