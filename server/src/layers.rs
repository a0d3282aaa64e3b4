//! The tower-http layers every response passes through, and the asset service.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderName, HeaderValue, Response, StatusCode, header};
use std::any::Any;
use std::path::Path;
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::{SetResponseHeader, SetResponseHeaderLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Forms and server-function calls are small; anything bigger is refused before it is read.
pub(crate) const BODY_LIMIT: usize = 64 * 1024;

/// For responses that set no policy of their own (assets, server functions, probes). Pages
/// set a stricter-but-scripted one with their nonce (`app::components::layout::security`).
const DEFAULT_CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// A body limit and a time limit for the routes of `router`: small and short for pages and
/// forms, bigger and longer for uploads (`crate::uploads`).
pub fn bounded(router: Router, body_limit: usize, timeout: Duration) -> Router {
    router
        .layer(RequestBodyLimitLayer::new(body_limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            timeout,
        ))
}

pub fn apply(router: Router, client_ip_header: Option<String>) -> Router {
    let headers = ServiceBuilder::new()
        .layer(axum::middleware::map_response(default_csp))
        .layer(axum::middleware::map_response(default_cache_control))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(self), geolocation=(), microphone=()"),
        ));
    // Listed innermost first; the header layer is last so that every response — a page, a
    // refused body, a timeout, a panic — leaves with the same headers.
    router
        .layer(axum::middleware::from_fn(reactive_root))
        .layer(axum::middleware::from_fn(crate::etag::guide_etag))
        .layer(axum::middleware::from_fn(page_csp))
        .layer(axum::middleware::from_fn(refuse_cross_site))
        .layer(axum::middleware::from_fn(move |request, next| {
            note_client_ip(client_ip_header.clone(), request, next)
        }))
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(axum::middleware::map_response(explain_bare_errors))
        // The path only: query strings can carry what a citizen typed, and logs keep nothing
        // personal.
        .layer(TraceLayer::new_for_http().make_span_with(
            |request: &axum::http::Request<Body>| {
                tracing::info_span!("request", method = %request.method(), path = %request.uri().path())
            },
        ))
        .layer(CatchPanicLayer::custom(calm_panic_response))
        .layer(headers)
}

/// `/pkg` holds the JS, WASM and CSS. Content-hashed names (release builds) are cached for a
/// year; unhashed ones are revalidated every time. The build writes `.br` and `.gz` siblings
/// so nothing is compressed per request.
pub fn pkg_assets(dir: &Path, hashed: bool) -> SetResponseHeader<ServeDir, HeaderValue> {
    let cache = if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    SetResponseHeader::overriding(
        ServeDir::new(dir).precompressed_br().precompressed_gzip(),
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache),
    )
}

/// Only POST changes state, and only from our own pages: a browser names the page's site in
/// `Sec-Fetch-Site` (all current browsers) or `Origin`; anything from another site is refused
/// before it reaches a form or server function. Requests without either header come from
/// programs, not from a victim's browser, and are let through.
async fn refuse_cross_site(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response<Body> {
    let safe = matches!(
        *request.method(),
        axum::http::Method::GET | axum::http::Method::HEAD | axum::http::Method::OPTIONS
    );
    if safe || is_same_site(request.headers()) {
        return next.run(request).await;
    }
    tracing::warn!(path = %request.uri().path(), "cross-site request refused");
    calm_page(StatusCode::FORBIDDEN)
}

fn is_same_site(headers: &axum::http::HeaderMap) -> bool {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = text("sec-fetch-site") {
        return matches!(site, "same-origin" | "none");
    }
    match (text("origin"), text("host")) {
        (Some(origin), Some(host)) => {
            let authority = origin.split_once("://").map_or("", |(_, rest)| rest);
            authority.eq_ignore_ascii_case(host)
        }
        (Some(_), None) => false,
        (None, _) => true,
    }
}

/// The strict policy for a response that set none — except a 304, whose headers would
/// replace those of the page the browser kept (and block that page's scripts).
async fn default_csp(mut response: Response<Body>) -> Response<Body> {
    if response.status() != StatusCode::NOT_MODIFIED
        && !response
            .headers()
            .contains_key(header::CONTENT_SECURITY_POLICY)
    {
        response.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(DEFAULT_CSP),
        );
    }
    response
}

/// Pages, server-function answers and calendar files may hold personal data (a masked
/// name, a booking): unless the handler chose a policy (a guide's validator, hashed assets),
/// neither the browser nor any cache on the way keeps them.
async fn default_cache_control(mut response: Response<Body>) -> Response<Body> {
    let generated = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|v| {
            [
                "text/html",
                "application/json",
                "text/calendar",
                "text/plain",
            ]
            .iter()
            .any(|t| v.starts_with(t))
        });
    if generated && !response.headers().contains_key(header::CACHE_CONTROL) {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Every request gets its script nonce here, before anything renders: the render reads it
/// from the request (`app::components::layout::provide_request_nonce`) and every HTML
/// response gets the policy naming it. The header never depends on what a render wrote, so
/// no other request can change it.
async fn page_csp(
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response<Body> {
    let nonce = backend::random::token_hex(16);
    request
        .extensions_mut()
        .insert(app::components::layout::CspNonce(nonce.clone()));
    let mut response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html && let Ok(value) = HeaderValue::from_str(&app::components::layout::page_policy(&nonce))
    {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

/// Each request runs under a reactive owner of its own. Some Leptos handlers (server
/// functions, static files) create their owner with `Owner::new()`, a child of whatever
/// owner the thread last had: under load that could be another request's page, and a
/// context the handler did not provide itself (the request's parts, its response options)
/// was then found in that page. Seen as a page whose CSP named another request's nonce, its
/// scripts blocked. With a root per request, a lookup can only find this request's own.
async fn reactive_root(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response<Body> {
    use leptos::prelude::Owner;
    use leptos::reactive::computed::ScopedFuture;
    let root = Owner::new_root(None);
    let handled = root.with(|| ScopedFuture::new(next.run(request)));
    handled.await
}

/// Records the caller's address for rate limits and the audit log: the trusted proxy's
/// header when one is configured, otherwise the connection's peer.
async fn note_client_ip(
    header: Option<String>,
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response<Body> {
    let from_header = header.as_deref().and_then(|name| {
        let value = request.headers().get(name)?.to_str().ok()?;
        // X-Forwarded-For style lists: the proxy appends the address it saw last.
        value.rsplit(',').next().map(|v| v.trim().to_owned())
    });
    let peer = request
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|info| info.0.ip().to_string());
    let ip = from_header.or(peer).unwrap_or_default();
    request.extensions_mut().insert(app::ClientIp(ip));
    next.run(request).await
}

/// A panic is logged with its message; the citizen sees a calm page, nothing internal.
fn calm_panic_response(panic: Box<dyn Any + Send + 'static>) -> Response<Body> {
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    tracing::error!(panic = message, "request handler panicked");
    calm_page(StatusCode::INTERNAL_SERVER_ERROR)
}

/// Errors the layers produce (a body too large, a timeout) come without a page; give the
/// citizen one that says what happened instead of a blank screen or English text.
async fn explain_bare_errors(response: Response<Body>) -> Response<Body> {
    let status = response.status();
    // The body-limit layer answers in plain English text; the timeout layer with nothing.
    let kind = response.headers().get(header::CONTENT_TYPE);
    let bare = kind.is_none();
    // An answer in JSON (an upload refused for an API client) is already explained.
    let json = kind.is_some_and(|k| k.as_bytes().starts_with(b"application/json"));
    let failed = status.is_client_error() || status.is_server_error();
    if !failed || json || !(bare || status == StatusCode::PAYLOAD_TOO_LARGE) {
        return response;
    }
    if status.is_server_error() {
        tracing::warn!(%status, "request ended without an answer (timeout)");
    }
    calm_page(status)
}

/// A minimal page in Chinese for failures outside the app's own rendering.
fn calm_page(status: StatusCode) -> Response<Body> {
    let (title, message) = match status {
        StatusCode::PAYLOAD_TOO_LARGE => (
            "提交内容过大",
            "您提交的内容超过了允许的大小，请精简后重试。",
        ),
        StatusCode::NOT_FOUND => ("页面不存在", "您访问的内容不存在，请返回首页重新查找。"),
        StatusCode::FORBIDDEN => (
            "请求被拒绝",
            "为保护您的账号安全，来自其他网站的提交已被拒绝。请在本站页面上重新操作。",
        ),
        s if s.is_client_error() => ("请求有误", "请求无法处理，请返回上一页重试。"),
        _ => (
            "服务暂时不可用",
            "系统暂时繁忙，请稍后刷新重试，或拨打 12345 政务服务便民热线。",
        ),
    };
    let body = format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} - 办事</title><h1>{title}</h1><p>{message}</p>\
         <p><a href=\"/\">返回首页</a></p></html>"
    );
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}
