//! Forms post to the page they are on. The page renders again with the posted fields in
//! context (`app::Posted`): on success it redirects, on failure it shows the error next to
//! what was typed. This works the same with JavaScript off, and needs no WASM.

use crate::AppState;
use crate::layers::BODY_LIMIT;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;

pub async fn form_page(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, BODY_LIMIT).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let fields: Vec<(String, String)> = form_urlencoded::parse(&bytes).into_owned().collect();
    let posted = app::Posted::new(fields);
    let context = crate::router::page_context(&state);
    let options = state.leptos_options.clone();
    let render = leptos_axum::render_app_async_with_context(
        move || {
            context();
            provide_context(posted.clone());
        },
        move || app::shell(options.clone()),
    );
    render(Request::from_parts(parts, Body::empty())).await
}
