//! The 放号 rush, answered before the app renders anything. First, cheaply, whether the caller
//! is signed in at all (the session, remembered five minutes): a flood of anonymous posts is
//! answered 401 and takes nothing from real citizens. Then each process counts the places it
//! believes are left per slot (read from the slot, trusted for a second): a request takes
//! one, or is told 409 when the database has said "full", or 503 with Retry-After while every
//! place left is being booked by requests in flight (one may come back) — unless its request
//! key already made a booking (a resent form), which goes on to get that booking. Past the
//! admission gate (8 booking requests at once, 256 waiting up to 1 s) the answer is 503 too.
//! All of these cost microseconds here, against a Leptos server function, a session lookup
//! and a transaction inside, so a rush's losers learn at once and only about as many
//! requests as places reach the database, whose conditional update still decides.

use crate::AppState;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use backend::booking::Place;

/// Paths that book: the server function, its reschedule twin, and the no-JavaScript form.
fn gated(method: &Method, path: &str) -> Option<Gate> {
    if method != Method::POST {
        return None;
    }
    match path {
        "/api/book" => Some(Gate::Api { full_check: true }),
        "/api/reschedule-booking" => Some(Gate::Api { full_check: false }),
        p if p.starts_with("/book/") => Some(Gate::Form),
        _ => None,
    }
}

enum Gate {
    Api { full_check: bool },
    Form,
}

pub async fn booking_gate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(gate) = gated(request.method(), request.uri().path()) else {
        return next.run(request).await;
    };
    let booking = &state.services.booking;
    // Signed in at all? Without a live session nothing is spent on the request: the API is
    // told at once, a plain form goes on to the page (which sends them to sign in).
    let token = app::session::cookie_in(request.headers(), app::session::CITIZEN_COOKIE);
    let citizen = match token {
        Some(token) => match state.services.accounts.is_signed_in_cached(&token).await {
            Ok(citizen) => citizen,
            // The store failed: the app answers that properly (and logs it).
            Err(_) => return next.run(request).await,
        },
        None => None,
    };
    let Some(citizen) = citizen else {
        return match gate {
            Gate::Api { .. } => json(
                StatusCode::UNAUTHORIZED,
                &app::api::AppError::SignInRequired,
            ),
            Gate::Form => next.run(request).await,
        };
    };
    let (parts, body) = request.into_parts();
    // The body limit layer outside has already bounded this.
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    // A place from this process's count; none left: full, without the database — unless
    // this very form already booked (a resend), which goes on to be given its booking.
    let mut took = None;
    if let Gate::Api { full_check: true } = gate
        && let Some(slot) = form_value(&bytes, "slot_id").and_then(|v| v.parse::<i64>().ok())
    {
        let refused = match booking.take_place(slot).await {
            Ok(Place::Taken) => {
                took = Some(slot);
                None
            }
            Ok(Place::Full) => Some(StatusCode::CONFLICT),
            Ok(Place::Claimed) => Some(StatusCode::SERVICE_UNAVAILABLE),
            // An unknown slot or a failed read: the app answers it properly.
            Err(_) => None,
        };
        let key = form_value(&bytes, "request_key").unwrap_or_default();
        if let Some(status) = refused
            && !booking
                .made_with_key(citizen, &decoded(key))
                .await
                .unwrap_or(false)
        {
            return if status == StatusCode::CONFLICT {
                let full = backend::booking::full_error();
                json(status, &app::api::AppError::from(full))
            } else {
                busy(json(status, &app::api::AppError::Busy))
            };
        }
    }
    let Ok(_turn) = booking.admit().await else {
        if let Some(slot) = took {
            booking.settle_place(slot, false);
        }
        return match gate {
            Gate::Api { .. } => busy(json(
                StatusCode::SERVICE_UNAVAILABLE,
                &app::api::AppError::Busy,
            )),
            // A bare 503: the error layer shows the calm "系统繁忙" page.
            Gate::Form => busy(StatusCode::SERVICE_UNAVAILABLE.into_response()),
        };
    };
    let mut response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let again = response
        .headers_mut()
        .remove(app::api::BOOKING_AGAIN_HEADER)
        .is_some();
    if let Some(slot) = took {
        // Used by a new booking; found full by the database (which has reset the count); or
        // anything else, which leaves the place for the next one.
        let used = response.status() == StatusCode::OK && !again;
        if response.status() != StatusCode::CONFLICT {
            booking.settle_place(slot, used);
        }
    }
    response
}

fn busy(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    response
}

/// The error as the server function would have encoded it.
fn json(status: StatusCode, error: &app::api::AppError) -> Response {
    let body = serde_json::to_string(error).unwrap_or_else(|_| "\"Unavailable\"".to_owned());
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

/// A form value as typed (request keys are hex, but decode anyway).
fn decoded(value: &str) -> String {
    form_urlencoded::parse(format!("v={value}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// One field of a form-encoded body, still encoded (slot ids are digits).
fn form_value<'a>(body: &'a [u8], name: &str) -> Option<&'a str> {
    std::str::from_utf8(body)
        .ok()?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_booking_posts_are_gated() {
        assert!(gated(&Method::POST, "/api/book").is_some());
        assert!(gated(&Method::POST, "/book/11410100MB1957846X4000107001").is_some());
        assert!(gated(&Method::GET, "/book/11410100MB1957846X4000107001").is_none());
        assert!(gated(&Method::POST, "/api/sign-in").is_none());
    }

    #[test]
    fn reads_a_field_of_a_form() {
        assert_eq!(
            form_value(b"item=X&slot_id=42&member=", "slot_id"),
            Some("42")
        );
        assert_eq!(form_value(b"item=X", "slot_id"), None);
    }
}
