use thiserror::Error;

/// What can go wrong below the app layer. Callers map each variant to a user-safe message;
/// `Database` and `Seed` carry causes meant for logs only.
#[derive(Debug, Error)]
pub enum Error {
    #[error("not found")]
    NotFound,
    /// Input that does not parse, or a request a rule refuses; the text is for the citizen.
    #[error("{0}")]
    Invalid(String),
    /// The request needs a signed-in citizen (or staff member) and has none.
    #[error("sign-in required")]
    SignInRequired,
    /// Signed in, but this is not theirs to do.
    #[error("forbidden")]
    Forbidden,
    /// Too many requests from one address; the text says how long to wait.
    #[error("{message}")]
    RateLimited { message: String, wait_secs: i64 },
    /// A place that is no longer there (a full slot, an offer that ran out); the text says
    /// what to do instead.
    #[error("{0}")]
    Full(String),
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
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An input error whose text (a domain error's Chinese message) is shown as is.
    pub fn invalid(why: impl std::fmt::Display) -> Self {
        Self::Invalid(why.to_string())
    }
}
