//! Booking over HTTP: the forms a browser without JavaScript posts, the server function a
//! script calls, the calendar file, and two servers sharing one PostgreSQL as two processes
//! would (separate pools, separate services, one database).

mod support;

use app::api::AppError;
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use domain::Refusal;
use support::{ITEM, booking_app, fresh_db_url, get_as, header, post, send, sign_in, verified};

/// Signs a new citizen in and verifies them; returns the session cookie.
/// The slot ids offered on 2026-12-05, in time order.
async fn saturday_slots(app: &Router, cookie: &str) -> Vec<String> {
    let (response, html) = get_as(app, &format!("/book/{ITEM}?date=2026-12-05"), cookie).await;
    assert_eq!(response.status(), StatusCode::OK);
    html.split("name=\"slot_id\" value=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(str::to_owned))
        .collect()
}

/// `POST /api/book` as a script sends it (no browser headers).
async fn api_book(app: &Router, cookie: &str, slot: &str, key: &str) -> (StatusCode, String) {
    let body = support::encode(&[
        ("item", ITEM),
        ("slot_id", slot),
        ("member", ""),
        ("request_key", key),
    ]);
    let request = Request::post("/api/book")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap();
    let (response, text) = send(app, request).await;
    (response.status(), text)
}

#[tokio::test]
async fn a_booking_by_form_is_made_once_and_seen_only_by_its_owner() {
    let app = booking_app(&fresh_db_url()).await;
    let owner = verified(&app, 1).await;
    let other = verified(&app, 2).await;
    let slots = saturday_slots(&app, &owner).await;
    assert_eq!(slots.len(), 16, "09:00–17:00 in half hours on a Saturday");

    let form = [
        ("intent", "book"),
        ("slot_id", slots[0].as_str()),
        ("member", "self"),
        ("request_key", "k1"),
    ];
    let uri = format!("/book/{ITEM}?date=2026-12-05");
    let (first, _) = post(&app, &uri, &form, &owner).await;
    assert_eq!(first.status(), StatusCode::FOUND);
    let location = header(&first, header::LOCATION).to_owned();
    assert!(
        location.starts_with("/me/bookings/") && location.ends_with("?done=booked#done"),
        "{location}"
    );
    // A double tap sends the same form again: the same booking, not a second one.
    let (again, _) = post(&app, &uri, &form, &owner).await;
    assert_eq!(header(&again, header::LOCATION), location);
    let location = location.trim_end_matches("?done=booked#done").to_owned();

    let (response, html) = get_as(&app, &location, &owner).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(html.contains("<svg"), "a QR code");
    assert!(html.contains("12月5日 周六 09:00–09:30"));
    let (response, _) = get_as(&app, &location, &other).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "not theirs");

    let ics = format!("{location}/ics");
    let (response, body) = get_as(&app, &ics, &owner).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(header(&response, header::CONTENT_TYPE).starts_with("text/calendar"));
    assert!(body.contains("DTSTART;TZID=Asia/Shanghai:20261205T090000"));
    let (response, _) = get_as(&app, &ics, &other).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let (response, _) = get_as(&app, &ics, "").await;
    assert!(header(&response, header::LOCATION).starts_with("/login?next="));

    let (response, html) = get_as(&app, "/me/bookings", &owner).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(html.matches("待办理").count(), 1, "one booking listed");
}

#[tokio::test]
async fn a_full_slot_answers_409_and_a_refusal_400() {
    let app = booking_app(&fresh_db_url()).await;
    let a = verified(&app, 11).await;
    let b = verified(&app, 12).await;
    let c = verified(&app, 13).await;
    let slot = saturday_slots(&app, &a).await.remove(0);
    assert_eq!(api_book(&app, &a, &slot, "a1").await.0, StatusCode::OK);
    assert_eq!(api_book(&app, &b, &slot, "b1").await.0, StatusCode::OK);
    // Other clients get the outcome typed, to word (or act on) themselves.
    let refusal = |text: &str| match serde_json::from_str::<AppError>(text) {
        Ok(AppError::Refused(refusal)) => refusal,
        other => panic!("expected a typed refusal, got {other:?} from {text}"),
    };
    let (status, text) = api_book(&app, &c, &slot, "c1").await;
    assert_eq!(status, StatusCode::CONFLICT, "{text}");
    assert_eq!(refusal(&text), Refusal::SlotFull { kept: false });
    // The same person, the same 事项, the same day: refused with the reason.
    let other_slot = saturday_slots(&app, &a).await.remove(1);
    let (status, text) = api_book(&app, &a, &other_slot, "a2").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(refusal(&text), Refusal::SameDay { kept: false });
    // Unverified: told to verify first.
    let newcomer = sign_in(&app, "13700009999").await;
    let (status, text) = api_book(&app, &newcomer, &other_slot, "n1").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(refusal(&text), Refusal::NotVerified);
}

/// The scale-out shape: two servers, each with its own pool and services, on one PostgreSQL.
/// A rush through both books exactly the capacity, and reminders go out once each when both
/// run their jobs at the same moment.
#[tokio::test]
async fn two_servers_on_one_postgres_never_overbook_and_remind_once() {
    let url = support::postgres_url().await;
    let one = booking_app(&url).await;
    let two = booking_app(&url).await;
    let mut citizens = Vec::new();
    for n in 0..24u32 {
        let app = if n % 2 == 0 { &one } else { &two };
        citizens.push(verified(app, 100 + n).await);
    }
    let slot = saturday_slots(&one, &citizens[0]).await.remove(0);
    let rush = citizens.iter().enumerate().map(|(i, cookie)| {
        let app = if i % 2 == 0 { one.clone() } else { two.clone() };
        let (cookie, slot) = (cookie.clone(), slot.clone());
        tokio::spawn(async move { api_book(&app, &cookie, &slot, &format!("r{i}")).await.0 })
    });
    let mut accepted = 0;
    for task in rush {
        match task.await.unwrap() {
            StatusCode::OK => accepted += 1,
            StatusCode::CONFLICT | StatusCode::SERVICE_UNAVAILABLE => {}
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(accepted, 2, "a Saturday half hour has 2 places");

    // Six days and an hour on (12-04 11:00) the day-before reminders are due; both servers
    // run their jobs at once.
    let (a, b) = tokio::join!(
        advance(one.clone(), 6 * 24 * 60 + 60),
        advance(two.clone(), 6 * 24 * 60 + 60)
    );
    assert_eq!(
        (a.0.status(), b.0.status()),
        (StatusCode::OK, StatusCode::OK)
    );
    let (_, outbox) = get_as(&one, "/dev/outbox", "").await;
    assert_eq!(
        outbox.matches("【办事】提醒").count(),
        2,
        "one reminder per booking"
    );
    let (a, b) = tokio::join!(advance(one.clone(), 0), advance(two.clone(), 0));
    assert_eq!(
        (a.0.status(), b.0.status()),
        (StatusCode::OK, StatusCode::OK)
    );
    let (_, outbox) = get_as(&two, "/dev/outbox", "").await;
    assert_eq!(
        outbox.matches("【办事】提醒").count(),
        2,
        "running again sends nothing new"
    );
}

/// `POST /dev/clock?minutes=N`: moves a test server's clock on and runs its jobs.
async fn advance(app: Router, minutes: u32) -> (axum::http::Response<()>, String) {
    let request = Request::post(format!("/dev/clock?minutes={minutes}"))
        .body(Body::empty())
        .unwrap();
    send(&app, request).await
}
