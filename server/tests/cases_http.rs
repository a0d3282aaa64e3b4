//! 在线申办 over HTTP, as the pages post it: a draft from the guide's button, a step saved
//! and checked, a double submit that makes one case, and nobody else reaching it.

mod support;

use axum::http::{StatusCode, header};
use support::{app_with, booking_app, fresh_db_url, get_as, header, post, sign_in, verified};

/// 居住证申领 (公安): 网办 Ⅱ, 5 working days.
const RESIDENCE: &str = "11410100005252014Q4000107004";

#[tokio::test]
async fn a_case_is_applied_for_once_and_seen_by_its_applicant_only() {
    let app = booking_app(&fresh_db_url()).await;
    let owner = verified(&app, 21).await;
    let other = verified(&app, 22).await;

    let apply = format!("/apply/{RESIDENCE}");
    let fields = [("member", "self"), ("request_key", "k1")];
    let (response, html) = post(&app, &apply, &fields, &owner).await;
    assert_eq!(response.status(), StatusCode::FOUND, "{html}");
    let edit = header(&response, header::LOCATION).to_owned();
    assert!(
        edit.starts_with("/cases/") && edit.ends_with("/edit?step=0"),
        "{edit}"
    );
    let (again, _) = post(&app, &apply, &fields, &owner).await;
    assert_eq!(
        header(&again, header::LOCATION),
        edit,
        "the same form: the same draft"
    );
    let case = edit.trim_end_matches("/edit?step=0").to_owned();

    // A step that does not check stays, with the problem beside its field and what was typed.
    let step1 = format!("{case}/edit?step=1");
    let (response, html) = post(
        &app,
        &step1,
        &[("intent", "next"), ("delivery.method", "by-drone")],
        &owner,
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(html.contains("请从选项中选择"), "the field's own problem");
    let (response, _) = post(
        &app,
        &step1,
        &[("intent", "next"), ("delivery.method", "pickup")],
        &owner,
    )
    .await;
    assert_eq!(
        header(&response, header::LOCATION),
        format!("{case}/edit?step=2")
    );

    // Submitted twice: both land on the case, which was submitted once.
    let review = format!("{case}/edit?step=2");
    for _ in 0..2 {
        let (response, html) = post(&app, &review, &[("intent", "submit")], &owner).await;
        assert_eq!(response.status(), StatusCode::FOUND, "{html}");
        assert_eq!(
            header(&response, header::LOCATION),
            format!("{case}?done=submitted#done")
        );
    }
    let (response, html) = get_as(&app, &case, &owner).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(html.matches("timeline__item").count(), 1, "one submission");
    let (_, progress) = get_as(&app, "/progress", &owner).await;
    assert_eq!(progress.matches("居住证申领").count(), 1);

    // Nobody else reaches it, and a visitor is asked to sign in first.
    for path in [case.clone(), format!("{case}/edit")] {
        let (response, _) = get_as(&app, &path, &other).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let (response, _) = post(&app, &review, &[("intent", "submit")], &other).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let (response, _) = get_as(&app, &case, "").await;
    assert!(header(&response, header::LOCATION).starts_with("/login?next=/cases/"));
}

#[tokio::test]
async fn applying_asks_for_real_name_verification_first() {
    let app = booking_app(&fresh_db_url()).await;
    let plain = sign_in(&app, "13700000031").await;
    let (response, html) = get_as(&app, &format!("/apply/{RESIDENCE}"), &plain).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(html.contains("去实名认证"), "{html}");
    assert!(!html.contains("开始填写"));
}

/// Submits a 居住证 application for `cookie` through the pages; the case's number.
async fn submitted_number(app: &axum::Router, cookie: &str) -> String {
    let fields = [("member", "self"), ("request_key", "t1")];
    let (response, _) = post(app, &format!("/apply/{RESIDENCE}"), &fields, cookie).await;
    let case = header(&response, header::LOCATION)
        .trim_end_matches("/edit?step=0")
        .to_owned();
    let step1 = format!("{case}/edit?step=1");
    let pickup = [("intent", "next"), ("delivery.method", "pickup")];
    post(app, &step1, &pickup, cookie).await;
    post(
        app,
        &format!("{case}/edit?step=2"),
        &[("intent", "submit")],
        cookie,
    )
    .await;
    let (_, html) = get_as(app, &case, cookie).await;
    let at = html
        .find("case__number")
        .expect("the number on the case page");
    let digits: String = html[at..]
        .chars()
        .skip_while(|c| *c != '>')
        .skip(1)
        .take_while(|c| *c != '<')
        .filter(|c| !c.is_whitespace())
        .collect();
    assert_eq!(digits.len(), 15, "{digits}");
    digits
}

#[tokio::test]
async fn tracking_without_signing_in_answers_two_failures_alike_and_limits_guesses() {
    let app = app_with(
        &fresh_db_url(),
        &[
            ("BANSHI_IP_TRIES_PER_10_MIN", "4"),
            ("BANSHI_CLOCK_START", "1795831200"),
        ],
    )
    .await;
    let owner = verified(&app, 41).await;
    let number = submitted_number(&app, &owner).await;
    // Signing in above spent one of the address's tries.
    let (response, html) = post(
        &app,
        "/track",
        &[("number", &number), ("last4", "0041")],
        "",
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK, "{html}");
    assert!(html.contains("居住证申领") && html.contains("已提交"));
    let wrong_tail = post(
        &app,
        "/track",
        &[("number", &number), ("last4", "9999")],
        "",
    )
    .await;
    let unknown = post(
        &app,
        "/track",
        &[("number", "20261128000001X"), ("last4", "0041")],
        "",
    )
    .await;
    for (response, html) in [&wrong_tail, &unknown] {
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert!(html.contains("没有找到这个办件"), "{html}");
        assert!(!html.contains("居住证申领"));
    }
    let (response, html) = post(
        &app,
        "/track",
        &[("number", &number), ("last4", "0041")],
        "",
    )
    .await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS, "{html}");
    assert!(html.contains("操作过于频繁"));
}
