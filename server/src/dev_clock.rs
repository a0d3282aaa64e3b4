//! `POST /dev/clock?minutes=N`: moves the development clock on (browser tests of check-in
//! windows and reminders). Exists only when the server was started with BANSHI_CLOCK_START,
//! which production refuses.

use crate::AppState;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

pub async fn advance(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> impl IntoResponse {
    let minutes = query
        .as_deref()
        .and_then(|q| q.strip_prefix("minutes="))
        .and_then(|m| m.parse::<i64>().ok());
    match (&state.dev_clock, minutes) {
        (Some(clock), Some(minutes)) if (0..=60 * 24 * 30).contains(&minutes) => {
            clock.advance(minutes * 60);
            // A round at the new time, as the server's own loop would run soon after.
            crate::log_round(&state.jobs.run_once().await);
            (StatusCode::OK, format!("{}", backend::Clock::now(clock))).into_response()
        }
        (Some(_), _) => (StatusCode::BAD_REQUEST, "minutes: 0 to 43200").into_response(),
        (None, _) => StatusCode::NOT_FOUND.into_response(),
    }
}
