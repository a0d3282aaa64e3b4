//! `/me/bookings/{code}/ics`: a booking as a calendar file. A plain handler, because the
//! answer is a file, not a page; who asks is resolved from the same session cookie.

use crate::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

pub async fn booking_ics(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Response {
    let services = &state.services;
    let citizen = match app::session::cookie_in(&headers, app::session::CITIZEN_COOKIE) {
        Some(token) => services.accounts.current(&token).await,
        None => Ok(None),
    };
    let citizen = match citizen {
        Ok(Some(id)) => id,
        Ok(None) => {
            let back = app::forms::sign_in_path(&format!("/me/bookings/{code}"));
            return Redirect::to(&back).into_response();
        }
        Err(e) => return failed(e),
    };
    match services.booking.ics(citizen, &code).await {
        Ok(body) => {
            let mut response = body.into_response();
            let h = response.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            );
            if let Ok(v) = HeaderValue::from_str(&format!(
                "attachment; filename=\"banshi-{}.ics\"",
                code.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .collect::<String>()
            )) {
                h.insert(header::CONTENT_DISPOSITION, v);
            }
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            );
            response
        }
        Err(e) => failed(e),
    }
}

fn failed(e: backend::Error) -> Response {
    match e {
        backend::Error::NotFound => (StatusCode::NOT_FOUND, "没有找到这个预约").into_response(),
        cause => {
            tracing::error!(error = %cause, "calendar file failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "服务暂时不可用，请稍后重试",
            )
                .into_response()
        }
    }
}
