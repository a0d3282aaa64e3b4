//! What probing a release build from outside found, each pinned over HTTP: redirects only to
//! this site, a resent booking form gets its booking even once the slot is full, the desk
//! acts only within a clerk's reach and answers unknown and out-of-reach alike, parallel
//! password guesses cannot pass the lockout, development pages exist only when switched on,
//! personal answers are never stored by a cache, and signing in again ends the old session.

mod support;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use support::{
    ITEM, app, app_with, booking_app, code_for, cookie, fresh_db_url, get, get_as, header,
    id_number, post, send, sign_in, staff_app, staff_cookie,
};

async fn verified(app: &Router, n: u32) -> String {
    let cookie = sign_in(app, &format!("1360000{n:04}")).await;
    let (response, html) = post(
        app,
        "/me/verify",
        &[("name", "张三"), ("id_number", &id_number(n))],
        &cookie,
    )
    .await;
    assert_eq!(response.status(), StatusCode::FOUND, "{html}");
    cookie
}

async fn saturday_slots(app: &Router, cookie: &str) -> Vec<String> {
    let (_, html) = get_as(app, &format!("/book/{ITEM}?date=2026-12-05"), cookie).await;
    html.split("name=\"slot_id\" value=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(str::to_owned))
        .collect()
}

async fn api(
    app: &Router,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, String) {
    let request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookie)
        .body(Body::from(support::encode(fields)))
        .unwrap();
    let (response, text) = send(app, request).await;
    (response.status(), text)
}

async fn api_book(app: &Router, cookie: &str, slot: &str, key: &str) -> (StatusCode, String) {
    let fields = [
        ("item", ITEM),
        ("slot_id", slot),
        ("member", ""),
        ("request_key", key),
    ];
    api(app, "/api/book", cookie, &fields).await
}

/// The booking code inside a booking's JSON answer.
fn code_of(json: &str) -> String {
    json.split("\"code\":\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn only_same_site_paths_are_followed_after_sign_in() {
    let app = app().await;
    for (n, next) in [
        "/\t/evil.example",
        "/\n/evil.example",
        "/\\evil.example",
        "//evil.example",
        "https://evil.example/",
        "/ /evil.example",
    ]
    .into_iter()
    .enumerate()
    {
        let phone = format!("135000001{n:02}");
        let phone = phone.as_str();
        let (_, _) = post(
            &app,
            "/login",
            &[
                ("intent", "send"),
                ("phone", phone),
                ("send_key", &format!("s{n}")),
            ],
            "",
        )
        .await;
        let code = code_for(&app, phone).await;
        let (response, _) = post(
            &app,
            "/login",
            &[
                ("intent", "sign_in"),
                ("phone", phone),
                ("code", &code),
                ("next", next),
            ],
            "",
        )
        .await;
        assert_eq!(response.status(), StatusCode::FOUND, "{next:?}");
        assert_eq!(header(&response, header::LOCATION), "/me", "{next:?}");
        let session = cookie(&response, "banshi_sid").unwrap();
        // Signed in already, the page itself sends them on: to /me, never elsewhere.
        let (response, _) = get_as(&app, "/login?next=/%09/evil.example", &session).await;
        assert_eq!(header(&response, header::LOCATION), "/me");
    }
    // A same-site path is kept, and the sign-in link a page builds encodes it.
    let (_, html) = get(&app, "/login?next=/me/family").await;
    assert!(html.contains("value=\"/me/family\""), "{html}");
}

#[tokio::test]
async fn a_resent_booking_form_gets_its_booking_after_the_slot_filled() {
    let app = booking_app(&fresh_db_url()).await;
    let a = verified(&app, 1).await;
    let b = verified(&app, 2).await;
    let c = verified(&app, 3).await;
    let slot = saturday_slots(&app, &a).await.remove(0);
    let (status, first) = api_book(&app, &a, &slot, "akey").await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(api_book(&app, &b, &slot, "bkey").await.0, StatusCode::OK);
    // The slot (2 places) is full, and this process now knows it.
    assert_eq!(
        api_book(&app, &c, &slot, "ckey").await.0,
        StatusCode::CONFLICT
    );
    // A's browser sends the same form again: the booking it made, not "full".
    let (status, again) = api_book(&app, &a, &slot, "akey").await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(code_of(&again), code_of(&first));
    // Someone else with A's key is no one's resend: full.
    assert_eq!(
        api_book(&app, &c, &slot, "akey").await.0,
        StatusCode::CONFLICT
    );
    // Without JavaScript the same: the form lands on the booking.
    let uri = format!("/book/{ITEM}?date=2026-12-05");
    let form = [
        ("intent", "book"),
        ("slot_id", slot.as_str()),
        ("member", "self"),
        ("request_key", "akey"),
    ];
    let (response, _) = post(&app, &uri, &form, &a).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert!(
        header(&response, header::LOCATION).contains(&code_of(&first)),
        "{}",
        header(&response, header::LOCATION)
    );
}

#[tokio::test]
async fn anonymous_booking_posts_are_turned_away_before_the_rush_gate() {
    let app = booking_app(&fresh_db_url()).await;
    let a = verified(&app, 10).await;
    let slot = saturday_slots(&app, &a).await.remove(0);
    for forged in [
        "",
        "banshi_sid=0000",
        &format!("banshi_sid={}", "ab".repeat(32)),
    ] {
        let (status, text) = api_book(&app, forged, &slot, "x").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{forged}: {text}");
    }
    assert_eq!(api_book(&app, &a, &slot, "a").await.0, StatusCode::OK);
    // Even against a full slot the anonymous are told to sign in: the session is the first
    // question, before the place count or a turn (which real citizens need in a rush).
    let b = verified(&app, 11).await;
    assert_eq!(api_book(&app, &b, &slot, "b").await.0, StatusCode::OK);
    let (status, _) = api_book(&app, "", &slot, "x").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_desk_acts_only_within_a_clerks_reach() {
    let (app, services, admin) = staff_app().await;
    let citizen = verified(&app, 20).await;
    let slot = saturday_slots(&app, &citizen).await.remove(0); // 12-05 09:00
    let (status, booked) = api_book(&app, &citizen, &slot, "desk1").await;
    assert_eq!(status, StatusCode::OK, "{booked}");
    let code = code_of(&booked);
    // Saturday 08:45: check-in is open.
    let (response, _) = send(
        &app,
        Request::post(format!("/dev/clock?minutes={}", 7 * 24 * 60 - 75))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    // Clerks sign in at the start of their shift (a staff session lasts 30 idle minutes).
    let bdc = staff_cookie(&app, &services, &admin, "bdc.clerk", "clerk", &["bdc"]).await;
    let ga = staff_cookie(&app, &services, &admin, "ga.clerk", "clerk", &["ga"]).await;
    let helper = staff_cookie(&app, &services, &admin, "bdc.helper", "assistant", &["bdc"]).await;

    // Another department's clerk: exactly the answer an unknown code gets.
    let (status, theirs) = api(&app, "/staff/api/check-in", &ga, &[("code", &code)]).await;
    let (unknown_status, unknown) =
        api(&app, "/staff/api/check-in", &ga, &[("code", "ABCDEFGH")]).await;
    assert_eq!((status, &theirs), (unknown_status, &unknown));
    assert_eq!(status, StatusCode::BAD_REQUEST, "{theirs}");
    // A 帮办 helper has no desk rights at all.
    let (status, _) = api(&app, "/staff/api/check-in", &helper, &[("code", &code)]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, label) = api(&app, "/staff/api/check-in", &bdc, &[("code", &code)]).await;
    assert_eq!(status, StatusCode::OK, "{label}");
    assert!(label.contains("A001"), "{label}");

    // 公安's clerk cannot finish 不动产's number, nor tell it from one that does not exist.
    let (status, theirs) = api(&app, "/staff/api/ticket-done", &ga, &[("label", "A001")]).await;
    let (_, unknown) = api(&app, "/staff/api/ticket-done", &ga, &[("label", "A999")]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(theirs, unknown);
    let (_, desk) = get_as(&app, "/staff/desk", &bdc).await;
    assert!(
        desk.contains("已签到"),
        "still checked in, not done: {desk}"
    );
    let (status, _) = api(&app, "/staff/api/ticket-done", &bdc, &[("label", "A001")]).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn parallel_password_guesses_lock_the_account_and_read_alike() {
    let (app, services, admin) = staff_app().await;
    let form = backend::accounts::NewStaffForm {
        username: "wang.li".into(),
        display_name: "王力".into(),
        role: "clerk".into(),
        hall_code: "zz-smzj".into(),
        departments: vec!["bdc".into()],
        active: true,
    };
    let (_, password) = services
        .staff
        .create(&admin, &form, "127.0.0.1")
        .await
        .unwrap();
    let guesses = (0..10).map(|i| {
        let app = app.clone();
        tokio::spawn(async move {
            api(
                &app,
                "/staff/api/sign-in",
                "",
                &[
                    ("username", "wang.li"),
                    ("password", &format!("a wrong guess {i}")),
                ],
            )
            .await
        })
    });
    let mut answers = Vec::new();
    for guess in guesses {
        answers.push(guess.await.unwrap());
    }
    let (status, wrong) = answers[0].clone();
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(answers.iter().all(|a| *a == (status, wrong.clone())));
    // Locked now: the right password is refused with the very same answer, and so is a
    // username that does not exist.
    let right = api(
        &app,
        "/staff/api/sign-in",
        "",
        &[("username", "wang.li"), ("password", &password)],
    )
    .await;
    assert_eq!(right, (status, wrong.clone()));
    let nobody = api(
        &app,
        "/staff/api/sign-in",
        "",
        &[("username", "no.body"), ("password", "whatever it is")],
    )
    .await;
    assert_eq!(nobody, (status, wrong));
}

#[tokio::test]
async fn development_pages_exist_only_when_switched_on() {
    let off = app_with(&fresh_db_url(), &[("BANSHI_DEV_TOOLS", "0")]).await;
    for path in ["/dev/outbox", "/dev/outbox?phone=13800000000", "/dev/clock"] {
        let (response, _) = get(&off, path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let (status, _) = api(&off, "/api/dev-outbox", "", &[("phone", "")]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = api(&off, "/dev/clock?minutes=1", "", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let on = app().await;
    let (response, _) = get(&on, "/dev/outbox").await;
    assert_eq!(response.status(), StatusCode::OK);
    // Switched on but not on loopback, or in production: the server does not start.
    for refused in [
        &[("BANSHI_DEV_TOOLS", "1"), ("BANSHI_ADDR", "0.0.0.0:3000")][..],
        &[("BANSHI_DEV_TOOLS", "1"), ("BANSHI_ENV", "production")][..],
    ] {
        let config = server::Config::from_lookup(|n| {
            refused
                .iter()
                .find(|(k, _)| *k == n)
                .map(|(_, v)| (*v).to_owned())
                .or_else(|| (n == "BANSHI_PII_KEY").then(|| "3c".repeat(32)))
        });
        assert!(config.is_err(), "{refused:?}");
    }
}

#[tokio::test]
async fn personal_answers_are_never_kept_by_a_cache() {
    let app = app().await;
    let session = sign_in(&app, "13500000088").await;
    for path in ["/me", "/me/family", "/me/bookings", "/login"] {
        let (response, _) = get_as(&app, path, &session).await;
        assert_eq!(
            header(&response, header::CACHE_CONTROL),
            "no-store",
            "{path}"
        );
    }
    let (status, _) = api(&app, "/api/me", &session, &[]).await;
    assert_eq!(status, StatusCode::OK);
    let request = Request::post("/api/me")
        .header(header::COOKIE, &session)
        .body(Body::empty())
        .unwrap();
    let (response, _) = send(&app, request).await;
    assert_eq!(header(&response, header::CACHE_CONTROL), "no-store");
    // A redirect carrying a fresh session cookie is not kept either.
    let (response, _) = get(&app, "/me/family").await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(header(&response, header::CACHE_CONTROL), "no-store");
}

#[tokio::test]
async fn signing_in_again_ends_the_session_it_replaces() {
    let app = app().await;
    let old = sign_in(&app, "13500000099").await;
    let (_, _) = post(
        &app,
        "/login",
        &[
            ("intent", "send"),
            ("phone", "13500000099"),
            ("send_key", "again"),
        ],
        &old,
    )
    .await;
    let code = code_for(&app, "13500000099").await;
    let (response, _) = post(
        &app,
        "/login",
        &[
            ("intent", "sign_in"),
            ("phone", "13500000099"),
            ("code", &code),
            ("next", "/me"),
        ],
        &old,
    )
    .await;
    let new = cookie(&response, "banshi_sid").expect("a new session");
    assert_ne!(new, old);
    let (_, html) = get_as(&app, "/me", &old).await;
    assert!(
        html.contains("登录 / 注册"),
        "the old token signs nobody in"
    );
    let (_, html) = get_as(&app, "/me", &new).await;
    assert!(!html.contains("登录 / 注册"));
}
