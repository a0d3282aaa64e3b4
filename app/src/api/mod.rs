//! Server functions: each gets the services from context, parses its input into domain types,
//! calls one backend service and maps the error to a user-safe one.

mod account;
mod booking;
mod cases;
mod catalog;
mod error;
mod staff;

pub use account::*;
pub use booking::*;
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
