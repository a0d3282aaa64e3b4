//! Shared by the HTTP suites: the real router on a fresh SQLite database, and requests
//! through it one at a time.
#![allow(dead_code)] // each suite uses its own part of this

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, header};
use http_body_util::BodyExt;
use server::{Config, prepare, router};
use std::sync::atomic::{AtomicU32, Ordering};
use tower::ServiceExt;

static COUNTER: AtomicU32 = AtomicU32::new(0);

pub async fn app() -> Router {
    app_at(&fresh_db_url()).await
}

pub fn fresh_db_url() -> String {
    let db = std::env::temp_dir().join(format!(
        "banshi_http_{}_{}.db",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_file(&db);
    format!("sqlite://{}", db.display())
}

pub async fn app_at(url: &str) -> Router {
    app_with(url, &[]).await
}

/// The app on `url` with extra configuration (`(name, value)` pairs) over the test defaults:
/// a fixed personal-data key, and per-address limits out of the way.
pub async fn app_with(url: &str, extra: &[(&str, &str)]) -> Router {
    let mut settings: Vec<(String, String)> = vec![
        ("BANSHI_DATABASE_URL".into(), url.to_owned()),
        ("BANSHI_PII_KEY".into(), "3c".repeat(32)),
        ("BANSHI_IP_SENDS_PER_HOUR".into(), "10000".into()),
        ("BANSHI_IP_TRIES_PER_10_MIN".into(), "10000".into()),
    ];
    settings.extend(
        extra
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
    );
    let config = Config::from_lookup(|name| {
        settings
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    })
    .unwrap();
    router(prepare(config).await.expect("app starts"))
}

pub async fn send(app: &Router, request: Request<Body>) -> (Response<()>, String) {
    let response = app.clone().oneshot(request).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (
        Response::from_parts(parts, ()),
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

pub async fn get(app: &Router, uri: &str) -> (Response<()>, String) {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

pub fn header(response: &Response<()>, name: header::HeaderName) -> &str {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}
