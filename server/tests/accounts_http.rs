//! Accounts over HTTP, as a browser without JavaScript does it: forms posted to their pages,
//! cookies carried by hand. Each citizen sees only their own records (others' are 404),
//! cross-site posts are refused, and staff pages and functions refuse citizens.

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use support::{
    app, app_with, code_for, cookie, fresh_db_url, get, get_as, header, post, send,
    set_cookie_line, sign_in,
};

const ID_A: &str = "11010519491231002X";
const CHILD_ID: &str = "110105202401010014";

#[tokio::test]
async fn a_citizen_signs_in_with_a_texted_code() {
    let app = app().await;
    let (response, html) = get(&app, "/login").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(html.contains("获取验证码"));

    let (response, html) = post(
        &app,
        "/login",
        &[
            ("intent", "send"),
            ("phone", "1381234567"),
            ("send_key", "a"),
        ],
        "",
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(html.contains("请输入 11 位手机号码"), "says what is wrong");
    assert!(
        html.contains("value=\"1381234567\""),
        "keeps what was typed"
    );

    let (_, html) = post(
        &app,
        "/login",
        &[
            ("intent", "send"),
            ("phone", "13812345678"),
            ("send_key", "b"),
        ],
        "",
    )
    .await;
    assert!(html.contains("验证码已发送至 138****5678"), "{html}");
    let code = code_for(&app, "13812345678").await;
    let (response, html) = post(
        &app,
        "/login",
        &[
            ("intent", "sign_in"),
            ("phone", "13812345678"),
            ("code", "000000"),
        ],
        "",
    )
    .await;
    if code != "000000" {
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert!(html.contains("还可以再试 4 次"), "{html}");
        assert!(html.contains("value=\"000000\""), "keeps the typed code");
    }
    let (response, _) = post(
        &app,
        "/login",
        &[
            ("intent", "sign_in"),
            ("phone", "13812345678"),
            ("code", &code),
            ("next", "//evil.example"),
        ],
        "",
    )
    .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(
        header(&response, header::LOCATION),
        "/me",
        "only local next paths"
    );
    let line = set_cookie_line(&response, "banshi_sid");
    assert!(
        line.contains("HttpOnly") && line.contains("SameSite=Lax") && line.contains("Path=/"),
        "{line}"
    );
    assert!(
        !line.contains("Secure"),
        "plain-HTTP cookies in development: {line}"
    );
    let session = cookie(&response, "banshi_sid").unwrap();

    let (_, html) = get_as(&app, "/me", &session).await;
    assert!(
        html.contains("138****5678") && html.contains("去实名认证"),
        "{html}"
    );
    assert!(
        !html.contains("13812345678"),
        "the number is never shown whole"
    );

    let (response, _) = post(&app, "/me", &[("intent", "sign_out")], &session).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let (_, html) = get_as(&app, "/me", &session).await;
    assert!(
        html.contains("登录 / 注册"),
        "the old cookie signs nobody in"
    );
}

#[tokio::test]
async fn real_name_errors_keep_what_was_typed() {
    let app = app().await;
    let session = sign_in(&app, "13900000001").await;
    let (response, html) = post(
        &app,
        "/me/verify",
        &[("name", "王小明"), ("id_number", "110105194912310021")],
        &session,
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(html.contains("校验位不正确"), "{html}");
    assert!(html.contains("value=\"王小明\"") && html.contains("value=\"110105194912310021\""));
    let (response, _) = post(
        &app,
        "/me/verify",
        &[("name", "王小明"), ("id_number", &ID_A.to_lowercase())],
        &session,
    )
    .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let (_, html) = get_as(&app, "/me", &session).await;
    assert!(
        html.contains("110***********002X") && html.contains("王*明") && html.contains("已实名"),
        "{html}"
    );
}

#[tokio::test]
async fn nobody_sees_or_changes_another_citizens_records() {
    let app = app().await;
    let alice = sign_in(&app, "13600000001").await;
    post(
        &app,
        "/me/verify",
        &[("name", "王小明"), ("id_number", ID_A)],
        &alice,
    )
    .await;
    let add = [
        ("name", "王小贝"),
        ("relation", "child"),
        ("id_number", CHILD_ID),
        ("request_key", "k1"),
    ];
    let (response, _) = post(&app, "/me/family", &add, &alice).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let (_, again) = post(&app, "/me/family", &add, &alice).await;
    let _ = again;
    let (_, html) = get_as(&app, "/me/family", &alice).await;
    assert_eq!(
        html.matches("href=\"/me/family/").count(),
        1,
        "a resubmitted form adds once"
    );
    let start = html.find("href=\"/me/family/").unwrap() + "href=\"/me/family/".len();
    let id: String = html[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let member = format!("/me/family/{id}");
    let (response, html) = get_as(&app, &member, &alice).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        html.contains("王*贝") && html.contains("110***********0014"),
        "{html}"
    );

    let bob = sign_in(&app, "13600000002").await;
    let (response, html) = get_as(&app, &member, &bob).await;
    assert_eq!(
        response.status(),
        StatusCode::NOT_FOUND,
        "another's member is not found"
    );
    assert!(!html.contains("王*贝"));
    let (response, _) = post(&app, &member, &[("intent", "remove")], &bob).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let (response, _) = get_as(&app, &member, &alice).await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "still there for its owner"
    );

    // The same through the server functions.
    let call = |uri: &'static str, body: String, who: &str| {
        Request::post(uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, who)
            .body(Body::from(body))
            .unwrap()
    };
    let (response, _) = send(
        &app,
        call("/api/family-member", format!("member={id}"), &bob),
    )
    .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let (response, _) = send(
        &app,
        call("/api/family-remove", format!("member={id}"), &bob),
    )
    .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let (_, json) = send(&app, call("/api/family", String::new(), &bob)).await;
    assert_eq!(json, "[]");
    let (_, json) = send(&app, call("/api/me", String::new(), &bob)).await;
    assert!(
        json.contains("136****0002") && !json.contains("王"),
        "{json}"
    );
    let (response, _) = send(&app, call("/api/family", String::new(), "")).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let (response, _) = get(&app, "/me/family/not-a-number").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let (response, _) = get(&app, "/me/family").await;
    assert_eq!(
        response.status(),
        StatusCode::FOUND,
        "signed out: sent to sign in"
    );
    assert_eq!(
        header(&response, header::LOCATION),
        "/login?next=/me/family"
    );
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let app = app().await;
    for (name, value) in [
        ("origin", "https://evil.example"),
        ("sec-fetch-site", "cross-site"),
        ("origin", "null"),
    ] {
        let request = Request::post("/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::HOST, "banshi.example")
            .header(name, value)
            .body(Body::from("intent=send&phone=13712345678&send_key=x"))
            .unwrap();
        let (response, html) = send(&app, request).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}: {value}");
        assert!(html.contains("请求被拒绝"));
    }
    let (_, html) = get(&app, "/dev/outbox?phone=13712345678").await;
    assert!(!html.contains("验证码是"), "nothing was sent");
    let request = Request::post("/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::HOST, "banshi.example")
        .header("origin", "https://banshi.example")
        .body(Body::from("intent=send&phone=13712345678&send_key=x"))
        .unwrap();
    let (response, _) = send(&app, request).await;
    assert_eq!(response.status(), StatusCode::OK, "our own origin is fine");
}

#[tokio::test]
async fn staff_pages_and_functions_refuse_citizens() {
    let url = fresh_db_url();
    let app = support::app_at(&url).await;
    let password = server::create_admin(support::side_config(&url), "admin", "管理员")
        .await
        .unwrap();
    let citizen = sign_in(&app, "13500000001").await;

    let (response, _) = get_as(&app, "/staff/accounts", &citizen).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(
        header(&response, header::LOCATION),
        "/staff",
        "a citizen is sent to staff sign-in"
    );
    let list = |who: &str| {
        Request::post("/staff/api/list")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, who)
            .body(Body::empty())
            .unwrap()
    };
    let (response, _) = send(&app, list(&citizen)).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    // Even a citizen's token under the staff cookie name signs nobody in as staff.
    let forged = citizen.replace("banshi_sid", "banshi_staff");
    let (response, _) = send(&app, list(&forged)).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);

    let (response, html) = post(
        &app,
        "/staff",
        &[("username", "admin"), ("password", "wrong password")],
        "",
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(html.contains("用户名或密码不正确") && html.contains("value=\"admin\""));
    let (response, _) = post(
        &app,
        "/staff",
        &[("username", "admin"), ("password", &password)],
        "",
    )
    .await;
    assert_eq!(header(&response, header::LOCATION), "/staff/home");
    assert!(set_cookie_line(&response, "banshi_staff").contains("Path=/staff"));
    let admin = cookie(&response, "banshi_staff").unwrap();

    let (response, html) = post(
        &app,
        "/staff/accounts",
        &[
            ("username", "li.wen"),
            ("display_name", "李文"),
            ("role", "clerk"),
            ("hall_code", "zz-smzj"),
            ("departments", "bdc"),
            ("departments", "sw"),
            ("active", "on"),
        ],
        &admin,
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK, "{html}");
    let start = html
        .find("password mono\">")
        .expect("the first password is shown once")
        + "password mono\">".len();
    let clerk_password: String = html[start..].chars().take_while(|c| *c != '<').collect();
    let (response, _) = post(
        &app,
        "/staff",
        &[("username", "li.wen"), ("password", &clerk_password)],
        "",
    )
    .await;
    let clerk = cookie(&response, "banshi_staff").expect("the clerk signs in");
    let (response, _) = send(&app, list(&clerk)).await;
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "clerks do not manage accounts"
    );
    let (response, html) = get_as(&app, "/staff/accounts", &clerk).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(html.contains("没有权限"));
    let (response, json) = send(&app, list(&admin)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        json.contains("li.wen") && !json.contains("password_hash"),
        "{json}"
    );
}

#[tokio::test]
async fn the_elder_switch_is_remembered_and_stays_on_site() {
    let app = app().await;
    let (response, _) = post(
        &app,
        "/me/elder",
        &[("on", "1"), ("back", "/guide/11410100MB1957846X4000107001")],
        "",
    )
    .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(
        header(&response, header::LOCATION),
        "/guide/11410100MB1957846X4000107001"
    );
    let elder = cookie(&response, "banshi_elder").unwrap();
    assert_eq!(elder, "banshi_elder=1");
    let (_, html) = get_as(&app, "/", &elder).await;
    assert!(
        html.contains("<html lang=\"zh-CN\" class=\"elder\""),
        "large type on every page"
    );
    assert!(
        html.contains("aria-checked=\"true\""),
        "the switch reads on"
    );
    let (response, _) = post(
        &app,
        "/me/elder",
        &[("on", "0"), ("back", "https://evil.example/")],
        &elder,
    )
    .await;
    assert_eq!(header(&response, header::LOCATION), "/me/elder");
    assert!(set_cookie_line(&response, "banshi_elder").contains("Max-Age=0"));
}

#[tokio::test]
async fn production_sets_secure_cookies_and_hides_the_outbox() {
    let app = app_with(
        &fresh_db_url(),
        &[("BANSHI_ENV", "production"), ("BANSHI_DEV_TOOLS", "0")],
    )
    .await;
    let (response, _) = get(&app, "/dev/outbox").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let (response, _) = post(&app, "/me/elder", &[("on", "1"), ("back", "/")], "").await;
    assert!(set_cookie_line(&response, "banshi_elder").contains("; Secure"));
}

#[tokio::test]
async fn erasing_an_account_needs_the_box_ticked_and_then_signs_out() {
    let app = app().await;
    let session = sign_in(&app, "13300000001").await;
    let (response, html) = post(&app, "/me/delete", &[], &session).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(html.contains("请先勾选"), "{html}");
    let (response, _) = post(&app, "/me/delete", &[("confirm", "注销")], &session).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(header(&response, header::LOCATION), "/me?erased=1");
    assert!(set_cookie_line(&response, "banshi_sid").contains("Max-Age=0"));
    let (_, html) = get_as(&app, "/me?erased=1", &session).await;
    assert!(
        html.contains("账号已注销") && html.contains("登录 / 注册"),
        "{html}"
    );
}

#[tokio::test]
async fn admins_see_the_searches_that_found_nothing() {
    let url = fresh_db_url();
    let app = support::app_at(&url).await;
    let password = server::create_admin(support::side_config(&url), "admin", "管理员")
        .await
        .unwrap();
    get(&app, "/search?q=%E7%81%AB%E6%98%9F%E7%A7%BB%E6%B0%91").await; // 火星移民
    get(&app, "/search?q=13812345678").await;
    let (response, _) = get(&app, "/staff/search-misses").await;
    assert_eq!(header(&response, header::LOCATION), "/staff");
    let (response, _) = post(
        &app,
        "/staff",
        &[("username", "admin"), ("password", &password)],
        "",
    )
    .await;
    let admin = cookie(&response, "banshi_staff").unwrap();
    let (response, html) = get_as(&app, "/staff/search-misses", &admin).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(html.contains("火星移民"), "{html}");
    assert!(
        !html.contains("13812345678"),
        "numbers typed into search are never kept"
    );
}
