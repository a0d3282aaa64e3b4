//! Shared by the HTTP suites: the real router on a fresh SQLite database, and requests
//! through it one at a time.
#![allow(dead_code)] // each suite uses its own part of this

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, StatusCode, header};
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
        (
            "BANSHI_UPLOADS_DIR".into(),
            std::env::temp_dir()
                .join(format!(
                    "banshi_uploads_{}_{}",
                    std::process::id(),
                    COUNTER.fetch_add(1, Ordering::Relaxed)
                ))
                .display()
                .to_string(),
        ),
        ("BANSHI_IP_SENDS_PER_HOUR".into(), "10000".into()),
        ("BANSHI_IP_TRIES_PER_10_MIN".into(), "10000".into()),
        ("BANSHI_IP_VERIFIES_PER_HOUR".into(), "10000".into()),
        // The tests read sign-in codes from the development outbox.
        ("BANSHI_DEV_TOOLS".into(), "1".into()),
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

pub fn encode(fields: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

/// A form post from one of our own pages, with `cookie` (may be empty).
pub async fn post(
    app: &Router,
    uri: &str,
    fields: &[(&str, &str)],
    cookie: &str,
) -> (Response<()>, String) {
    let request = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, cookie)
        .body(Body::from(encode(fields)))
        .unwrap();
    send(app, request).await
}

pub async fn get_as(app: &Router, uri: &str, cookie: &str) -> (Response<()>, String) {
    let request = Request::get(uri)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap();
    send(app, request).await
}

/// `name=value` of the cookie `name` set by `response`, for the next request.
pub fn cookie(response: &Response<()>, name: &str) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
}

pub fn set_cookie_line<'a>(response: &'a Response<()>, name: &str) -> &'a str {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .unwrap_or_default()
}

pub async fn code_for(app: &Router, phone: &str) -> String {
    let (_, html) = get(app, &format!("/dev/outbox?phone={phone}")).await;
    let start = html.find("验证码是 ").expect("a code in the outbox") + "验证码是 ".len();
    html[start..start + 6].to_owned()
}

/// Signs `phone` in through the login page and returns the session cookie.
pub async fn sign_in(app: &Router, phone: &str) -> String {
    let (response, html) = post(
        app,
        "/login",
        &[("intent", "send"), ("phone", phone), ("send_key", phone)],
        "",
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK, "{html}");
    let code = code_for(app, phone).await;
    let (response, _) = post(
        app,
        "/login",
        &[
            ("intent", "sign_in"),
            ("phone", phone),
            ("code", &code),
            ("next", "/me"),
        ],
        "",
    )
    .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(header(&response, header::LOCATION), "/me");
    cookie(&response, "banshi_sid").expect("a session cookie")
}

/// A fresh database on the test PostgreSQL cluster `make test` starts.
pub async fn postgres_url() -> String {
    let admin = std::env::var("BANSHI_TEST_POSTGRES_URL")
        .expect("BANSHI_TEST_POSTGRES_URL is not set: run `make test`");
    let name = format!(
        "banshi_http_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    let pool = sqlx::PgPool::connect(&admin)
        .await
        .expect("connect to the test cluster");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&pool)
        .await
        .expect("create db");
    pool.close().await;
    let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
    format!("{base}/{name}")
}

// Booking suites: the demo 事项, the fixed clock, valid ID numbers.

/// 不动产转移登记（二手房买卖）: bookable, and 不动产 opens on weekends.
pub const ITEM: &str = "11410100MB1957846X4000107001";
/// Saturday 2026-11-28 10:00 China time: next Saturday (12-05) is released.
pub const CLOCK: &str = "1795831200";

pub async fn booking_app(url: &str) -> Router {
    app_with(url, &[("BANSHI_CLOCK_START", CLOCK)]).await
}

/// A valid GB 11643 number for the `n`th test person.
pub fn id_number(n: u32) -> String {
    let body = format!("41010519800101{:03}", n % 1000);
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body
        .bytes()
        .zip(weights)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    let check = b"10X98765432"[(sum % 11) as usize] as char;
    format!("{body}{check}")
}

/// A signed-in citizen, verified through the page (person `n`); their cookie.
pub async fn verified(app: &Router, n: u32) -> String {
    let cookie = sign_in(app, &format!("1370000{n:04}")).await;
    let id = id_number(n);
    let (response, html) = post(
        app,
        "/me/verify",
        &[("name", "张三"), ("id_number", &id)],
        &cookie,
    )
    .await;
    assert_eq!(response.status(), StatusCode::FOUND, "{html}");
    cookie
}

/// A second handle on the database at `url` (the same personal-data key, uploads in a
/// directory of its own), for setting things up through the services or the CLI.
pub fn side_config(url: &str) -> Config {
    let uploads = std::env::temp_dir().join(format!(
        "banshi_side_uploads_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    Config::from_lookup(|n| match n {
        "BANSHI_DATABASE_URL" => Some(url.to_owned()),
        "BANSHI_PII_KEY" => Some("3c".repeat(32)),
        "BANSHI_UPLOADS_DIR" => Some(uploads.display().to_string()),
        _ => None,
    })
    .unwrap()
}

/// The app with its services and an admin, for staff accounts made directly.
pub async fn staff_app() -> (Router, backend::Services, domain::StaffMember) {
    let url = fresh_db_url();
    let app = booking_app(&url).await;
    let services = server::prepare(side_config(&url)).await.unwrap().services;
    let password = services
        .staff
        .create_admin("root.admin", "管理员")
        .await
        .unwrap();
    let token = services
        .staff
        .sign_in("root.admin", &password, "127.0.0.1", None)
        .await
        .unwrap();
    let admin = services.staff.current(&token).await.unwrap().unwrap();
    (app, services, admin)
}

/// A staff member of `role` at the demo hall for `departments`, signed in over HTTP.
pub async fn staff_cookie(
    app: &Router,
    services: &backend::Services,
    admin: &domain::StaffMember,
    username: &str,
    role: &str,
    departments: &[&str],
) -> String {
    let form = backend::accounts::NewStaffForm {
        username: username.into(),
        display_name: "窗口".into(),
        role: role.into(),
        hall_code: "zz-smzj".into(),
        departments: departments.iter().map(|d| (*d).to_owned()).collect(),
        active: true,
    };
    let (_, password) = services
        .staff
        .create(admin, &form, "127.0.0.1")
        .await
        .unwrap();
    let (response, html) = post(
        app,
        "/staff",
        &[("username", username), ("password", &password)],
        "",
    )
    .await;
    assert_eq!(response.status(), StatusCode::FOUND, "{html}");
    cookie(&response, "banshi_staff").expect("a staff cookie")
}
