//! Server functions: each gets the services from context, parses its input into domain types,
//! calls one backend service and maps the error to a user-safe one.

mod account;
mod booking;
mod bundles;
mod cases;
mod catalog;
mod error;
mod staff;

pub use account::*;
pub use booking::*;
pub use bundles::*;
pub use cases::*;
pub use catalog::*;
pub use error::AppError;
pub use staff::*;

/// Runs a server function's body and, when it fails, answers with the error's status.
#[cfg(feature = "ssr")]
pub(crate) async fn answer<T>(
    body: impl std::future::Future<Output = Result<T, AppError>>,
) -> Result<T, AppError> {
    let result = body.await;
    if let Err(error) = &result {
        error.set_status();
    }
    result
}

/// The backend services, provided by the server for every request.
#[cfg(feature = "ssr")]
pub(crate) fn services() -> Result<backend::Services, AppError> {
    leptos::prelude::use_context::<backend::Services>().ok_or_else(|| {
        tracing::error!("backend::Services missing from request context");
        AppError::Unavailable
    })
}

/// Posted (key, value) pairs as form answers; a pair whose key is not a field key is dropped
/// (no form asks it).
#[cfg(feature = "ssr")]
pub(crate) fn keyed(pairs: Vec<(String, String)>) -> domain::case::Answers {
    pairs
        .into_iter()
        .filter_map(|(k, v)| Some((domain::case::FieldKey::parse(&k)?, v)))
        .collect()
}
