//! 在线申办 over HTTP, as the pages post it: a draft from the guide's button, a step saved
//! and checked, a double submit that makes one case, and nobody else reaching it.

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use support::{
    app_with, booking_app, fresh_db_url, get_as, header, post, send, sign_in, staff_app,
    staff_cookie, verified,
};

/// 居住证申领 (公安): 网办 Ⅱ, 5 working days.
const RESIDENCE: &str = "11410100005252014Q4000107004";

/// A JPEG whose EXIF names a place.
const PHOTO: &[u8] = b"\xff\xd8\xff\xe1\x00\x0bExif\0\0GPS\xff\xda\x00\x02\x01\x02\xff\xd9";

/// Posts one file for field `key` as the upload form does (`accept` says who is asking: a
/// page wants HTML, another client JSON).
async fn upload(
    app: &axum::Router,
    case: &str,
    key: &str,
    file: (&str, &str, &[u8]),
    cookie: &str,
    accept: &str,
) -> (axum::http::Response<()>, String) {
    let (name, kind, bytes) = file;
    let boundary = "banshi-test-boundary";
    let mut body = Vec::new();
    for (field, value) in [("step", "1"), ("key", key)] {
        body.extend(format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n"
        ).bytes());
    }
    body.extend(format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: {kind}\r\n\r\n"
    ).bytes());
    body.extend_from_slice(bytes);
    body.extend(format!("\r\n--{boundary}--\r\n").bytes());
    let request = Request::post(format!("{case}/files"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::ACCEPT, accept)
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap();
    send(app, request).await
}

/// The first step of 居住证申领 answered and its two required materials uploaded.
async fn upload_materials(app: &axum::Router, case: &str, cookie: &str) {
    let facts = [
        ("intent", "next"),
        ("residence.address", "金水区花园路 88 号"),
        ("residence.since", "2025-03-01"),
    ];
    let (response, html) = post(app, &format!("{case}/edit?step=0"), &facts, cookie).await;
    assert_eq!(response.status(), StatusCode::FOUND, "{html}");
    for key in ["material.m1", "material.m2"] {
        let (response, body) = upload(
            app,
            case,
            key,
            ("a.jpg", "image/jpeg", PHOTO),
            cookie,
            "text/html",
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{body}");
        assert!(header(&response, header::LOCATION).contains("uploaded="));
    }
}

#[tokio::test]
async fn uploads_are_judged_by_content_and_served_privately() {
    let app = booking_app(&fresh_db_url()).await;
    let owner = verified(&app, 41).await;
    let other = verified(&app, 42).await;
    let fields = [("member", "self"), ("request_key", "u1")];
    let (response, _) = post(&app, &format!("/apply/{RESIDENCE}"), &fields, &owner).await;
    let case = header(&response, header::LOCATION)
        .trim_end_matches("/edit?step=0")
        .to_owned();
    let (_, before) = get_as(&app, &format!("{case}/edit?step=1"), &owner).await;

    // Another client gets the status that fits and a stable code; a page, its form step back
    // with the problem named. A page renamed to .jpg is still a page.
    let html_as_photo = (
        "photo.jpg",
        "image/jpeg",
        &b"<html><script>alert(1)</script>"[..],
    );
    let (response, body) = upload(
        &app,
        &case,
        "material.m1",
        html_as_photo,
        &owner,
        "application/json",
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(body.contains("\"code\":\"upload.type\""), "{body}");
    assert!(body.contains("只能上传照片"), "{body}");
    let (response, _) = upload(
        &app,
        &case,
        "material.m1",
        html_as_photo,
        &owner,
        "text/html",
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        header(&response, header::LOCATION),
        format!("{case}/edit?step=1&upload=type&key=material.m1#files")
    );
    let big = vec![b'%'; 11 * 1024 * 1024];
    let (response, body) = upload(
        &app,
        &case,
        "material.m2",
        ("scan.pdf", "application/pdf", &big),
        &owner,
        "application/json",
    )
    .await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert!(body.contains("upload.too_big"), "{body}");
    let (response, _) = upload(
        &app,
        &case,
        "application.reason",
        ("a.jpg", "image/jpeg", PHOTO),
        &owner,
        "application/json",
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Nothing refused was kept, and the draft is as it was.
    let (_, after) = get_as(&app, &format!("{case}/edit?step=1"), &owner).await;
    assert_eq!(before.matches("upload__files\"><li").count(), 0);
    assert!(!after.contains("/files/1\""), "no file attached");

    // A photo is kept without its location, and only ever downloaded, by its owner.
    let (response, _) = upload(
        &app,
        &case,
        "material.m1",
        ("a.jpg", "image/jpeg", PHOTO),
        &owner,
        "application/json",
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let (_, page) = get_as(&app, &format!("{case}/edit?step=1"), &owner).await;
    let at = page
        .find(&format!("{case}/files/"))
        .expect("the file is listed");
    let link: String = page[at..].chars().take_while(|c| *c != '"').collect();
    let (response, body) = get_as(&app, &link, &owner).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, header::CONTENT_TYPE), "image/jpeg");
    assert!(header(&response, header::CONTENT_DISPOSITION).starts_with("attachment"));
    assert_eq!(header(&response, header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    assert!(header(&response, header::CACHE_CONTROL).contains("no-store"));
    assert!(!body.contains("GPS"));
    for cookie in [other.as_str(), ""] {
        let (response, _) = get_as(&app, &link, cookie).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
    let (response, _) = upload(
        &app,
        &case,
        "material.m1",
        ("a.jpg", "image/jpeg", PHOTO),
        &other,
        "application/json",
    )
    .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "another's case");

    // A certificate code that was never issued reads as unknown.
    let (response, page) = get_as(&app, "/verify/ABCDEFGH23456789", "").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(page.contains("未查到这张证照"), "{page}");
}

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

    upload_materials(&app, &case, &owner).await;
    // A step that does not check stays, with the problem beside its field and what was typed.
    let step1 = format!("{case}/edit?step=2");
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
        format!("{case}/edit?step=3")
    );

    // Submitted twice: both land on the case, which was submitted once.
    let review = format!("{case}/edit?step=3");
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

/// Submits a 居住证 application for `cookie` through the pages; the case's path.
async fn submitted_case(app: &axum::Router, cookie: &str) -> String {
    let fields = [("member", "self"), ("request_key", "t1")];
    let (response, _) = post(app, &format!("/apply/{RESIDENCE}"), &fields, cookie).await;
    let case = header(&response, header::LOCATION)
        .trim_end_matches("/edit?step=0")
        .to_owned();
    upload_materials(app, &case, cookie).await;
    let step2 = format!("{case}/edit?step=2");
    let pickup = [("intent", "next"), ("delivery.method", "pickup")];
    post(app, &step2, &pickup, cookie).await;
    post(
        app,
        &format!("{case}/edit?step=3"),
        &[("intent", "submit")],
        cookie,
    )
    .await;
    case
}

/// Submits a 居住证 application for `cookie` through the pages; the case's number.
async fn submitted_number(app: &axum::Router, cookie: &str) -> String {
    let case = submitted_case(app, cookie).await;
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

#[tokio::test]
async fn staff_of_another_department_find_neither_the_case_nor_its_files() {
    let (app, services, admin) = staff_app().await;
    let owner = verified(&app, 51).await;
    let case = submitted_case(&app, &owner).await;
    let (_, page) = get_as(&app, &case, &owner).await;
    let at = page
        .find(&format!("{case}/files/"))
        .expect("a file on the case page");
    let link: String = page[at..].chars().take_while(|c| *c != '"').collect();
    let ga = staff_cookie(&app, &services, &admin, "ga.clerk", "clerk", &["ga"]).await;
    let bdc = staff_cookie(&app, &services, &admin, "bdc.clerk", "clerk", &["bdc"]).await;
    for (who, cookie, status) in [
        ("公安", &ga, StatusCode::OK),
        ("不动产", &bdc, StatusCode::NOT_FOUND),
    ] {
        for path in [format!("/staff{case}"), format!("/staff{link}")] {
            let (response, _) = get_as(&app, &path, cookie).await;
            assert_eq!(response.status(), status, "{who} {path}");
        }
    }
    // A citizen's session opens no staff file, nor another's case files.
    let (response, _) = get_as(&app, &format!("/staff{link}"), &owner).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}
