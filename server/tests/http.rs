//! The HTTP surface, request by request through the real router (pages, server functions,
//! probes, headers) on a fresh SQLite database seeded with the demo catalogue.

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use support::{app, app_at, fresh_db_url, get, header, send};

const TRANSFER: &str = "11410100MB1957846X4000107001"; // 不动产转移登记（二手房买卖）

#[tokio::test]
async fn home_lists_hot_services_and_the_weekend_notice() {
    let app = app().await;
    let (response, html) = get(&app, "/").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(html.contains("<html lang=\"zh-CN\""), "Chinese document");
    assert!(
        html.contains("不动产转移登记（二手房买卖）"),
        "hot service tile"
    );
    assert!(
        html.contains(&format!("/guide/{TRANSFER}")),
        "tile links to the guide"
    );
    assert!(html.contains("周末不打烊"));
    for (tab, href) in [
        ("首页", "/"),
        ("办事", "/services"),
        ("进度", "/progress"),
        ("我的", "/me"),
    ] {
        assert!(html.contains(&format!("<span>{tab}</span>")), "tab {tab}");
        assert!(
            html.contains(&format!("href=\"{href}\"")),
            "tab {tab} links to {href}"
        );
    }
}

#[tokio::test]
async fn a_guide_shows_every_field() {
    let app = app().await;
    let (response, html) = get(&app, &format!("/guide/{TRANSFER}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    for field in [
        "不动产转移登记（二手房买卖）",
        "承诺 3 个工作日，法定 30 个工作日，压缩 90%",
        "80 元/件",
        "0371-67186210",
        "不动产登记申请书",
        "到场次数",
        "网办深度",
        "受理条件",
        "申请材料",
        "办理流程",
        "收费标准",
        "设定依据",
        "办理地点",
        "办理时间",
        "咨询电话",
        "监督投诉电话",
        "通办范围",
        TRANSFER,
    ] {
        assert!(html.contains(field), "guide shows {field}");
    }
}

#[tokio::test]
async fn unknown_codes_and_paths_are_404_in_the_apps_style() {
    let app = app().await;
    for uri in [
        "/guide/NOSUCH000000",
        "/guide/..%2F..%2Fetc",
        "/no/such/page",
    ] {
        let (response, html) = get(&app, uri).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{uri}");
        assert!(html.contains("页面不存在"), "{uri} shows the app's 404");
        assert!(html.contains("返回首页"), "{uri} offers a way home");
    }
}

#[tokio::test]
async fn the_material_filter_works_without_javascript() {
    let app = app().await;
    let (_, all) = get(&app, &format!("/guide/{TRANSFER}")).await;
    let (_, required) = get(&app, &format!("/guide/{TRANSFER}?materials=required")).await;
    // Opening tags of material rows that carry the `hidden` attribute.
    let hidden = |html: &str| {
        html.split("<li ")
            .filter_map(|rest| rest.split_once('>').map(|(attrs, _)| attrs))
            .filter(|attrs| {
                attrs.contains("class=\"material\"")
                    && attrs
                        .split(' ')
                        .any(|a| a == "hidden" || a.starts_with("hidden="))
            })
            .count()
    };
    assert_eq!(hidden(&all), 0, "all materials shown by default");
    assert_eq!(
        hidden(&required),
        1,
        "the one optional material is hidden when filtered"
    );
}

#[tokio::test]
async fn probes_answer() {
    let app = app().await;
    let (response, body) = get(&app, "/healthz").await;
    assert_eq!((response.status(), body.as_str()), (StatusCode::OK, "ok"));
    let (response, body) = get(&app, "/readyz").await;
    assert_eq!(
        (response.status(), body.as_str()),
        (StatusCode::OK, "ready")
    );
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_script_nonce() {
    let app = app().await;
    let (response, html) = get(&app, "/").await;
    let csp = header(&response, header::CONTENT_SECURITY_POLICY);
    assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .expect("nonce in CSP");
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "bootstrap script carries the nonce"
    );
    assert_eq!(header(&response, header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    assert_eq!(
        header(&response, header::REFERRER_POLICY),
        "strict-origin-when-cross-origin"
    );
    let (second, _) = get(&app, "/").await;
    assert_ne!(
        header(&second, header::CONTENT_SECURITY_POLICY),
        csp,
        "a fresh nonce per response"
    );
    let (probe, _) = get(&app, "/healthz").await;
    assert!(header(&probe, header::CONTENT_SECURITY_POLICY).starts_with("default-src 'none'"));
}

#[tokio::test]
async fn pages_are_compressed_for_browsers_that_accept_it() {
    let app = app().await;
    let request = Request::get("/")
        .header(header::ACCEPT_ENCODING, "br, gzip")
        .body(Body::empty())
        .unwrap();
    let (response, _) = send(&app, request).await;
    assert_eq!(header(&response, header::CONTENT_ENCODING), "br");
}

#[tokio::test]
async fn the_guide_server_function_answers_over_http() {
    let app = app().await;
    let post = |code: &str| {
        Request::post("/api/guide")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .body(Body::from(format!("code={code}")))
            .unwrap()
    };
    let (response, body) = send(&app, post(TRANSFER)).await;
    assert_eq!(response.status(), StatusCode::OK, "{body}");
    let item: domain::ServiceItem = serde_json::from_str(&body).expect("a ServiceItem");
    assert_eq!(item.code.as_str(), TRANSFER);
    assert!(!item.materials.is_empty());

    let (response, body) = send(&app, post("NOSUCH000000")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "{body}");
    let error: app::api::AppError = serde_json::from_str(&body).expect("a typed error");
    assert_eq!(error, app::api::AppError::NotFound);
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let app = app().await;
    let body = format!("code={}", "A".repeat(100 * 1024));
    let request = Request::post("/api/guide")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::CONTENT_LENGTH, body.len())
        .body(Body::from(body))
        .unwrap();
    let (response, html) = send(&app, request).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        html.contains("提交内容过大"),
        "a page that says why: {html}"
    );
    assert_eq!(
        header(&response, header::X_CONTENT_TYPE_OPTIONS),
        "nosniff",
        "headers on errors too"
    );
}

#[tokio::test]
async fn a_database_failure_shows_a_calm_page_and_nothing_internal() {
    let url = fresh_db_url();
    let app = app_at(&url).await;
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    sqlx::query("DROP TABLE service_steps")
        .execute(&pool)
        .await
        .unwrap();
    let (response, html) = get(&app, &format!("/guide/{TRANSFER}")).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(html.contains("服务暂时不可用"), "a calm message");
    assert!(html.contains("12345"), "a way on");
    assert!(
        !html.contains("service_steps") && !html.contains("no such table"),
        "no internals"
    );
}

#[tokio::test]
async fn search_and_browse_pages_answer_without_javascript() {
    let app = app().await;
    let (response, html) = get(&app, "/search?q=%E7%A4%BE%E4%BF%9D%E5%8D%A1").await; // 社保卡
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        html.contains("社会保障卡申领") && html.contains("找到"),
        "{html}"
    );
    let (_, html) = get(
        &app,
        "/search?q=%E5%B0%B1%E4%B8%9A%E5%88%9B%E4%B8%9A%E8%AF%81",
    )
    .await; // 就业创业证
    assert!(
        html.contains("<mark>就业创业证</mark>"),
        "the match is marked"
    );
    let (response, html) = get(&app, "/search?q=%E7%81%AB%E6%98%9F").await; // 火星
    assert_eq!(response.status(), StatusCode::OK);
    assert!(html.contains("没有找到与“火星”相关的事项"));
    let (response, html) = get(&app, "/services").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(html.contains("/theme/birth") && html.contains("/department/gjj"));
    let (response, html) = get(&app, "/theme/birth").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(html.contains("出生医学证明首次签发"));
    let (response, _) = get(&app, "/theme/nope").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let (response, _) = get(&app, "/department/nope").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

/// `text` percent-encoded for a query string.
fn encoded(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

#[tokio::test]
async fn search_says_when_nothing_fits_well_and_leads_to_app_pages() {
    let app = app().await;
    let (response, html) = get(&app, &format!("/search?q={}", encoded("我的预约"))).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        html.contains("前往 我的预约") && html.contains(r#"href="/me/bookings""#),
        "{html}"
    );
    let (_, html) = get(
        &app,
        &format!("/search?q={}", encoded("孩子出生了怎么上户口")),
    )
    .await;
    assert!(
        html.contains("找到") && html.contains("<mark>出生</mark>登记（新生儿入户）"),
        "a sentence finds its 事项, the word marked: {html}"
    );
    let (response, html) = get(&app, &format!("/search?q={}", encoded("港澳通行证续签"))).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        html.contains("没有找到与“港澳通行证续签”完全对应的事项")
            && html.contains(r#"href="tel:12345""#)
            && html.contains("/theme/")
            && html.contains("可能相关的事项"),
        "nothing fits well, said so: {html}"
    );
    assert!(!html.contains("前往"), "no app page");
}

#[tokio::test]
async fn guide_pages_are_revalidated_with_an_etag() {
    let app = app().await;
    let uri = format!("/guide/{TRANSFER}");
    let (first, _) = get(&app, &uri).await;
    let tag = header(&first, header::ETAG).to_owned();
    assert!(tag.starts_with("W/\""), "{tag}");
    assert_eq!(header(&first, header::CACHE_CONTROL), "no-cache");
    let (second, _) = get(&app, &uri).await;
    assert_eq!(
        header(&second, header::ETAG),
        tag,
        "the same page despite a new nonce"
    );
    let request = Request::get(&uri)
        .header(header::IF_NONE_MATCH, &tag)
        .body(Body::empty())
        .unwrap();
    let (unchanged, body) = send(&app, request).await;
    assert_eq!(unchanged.status(), StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
    assert!(
        unchanged
            .headers()
            .get(header::CONTENT_SECURITY_POLICY)
            .is_none(),
        "a 304 must not replace the kept page's CSP"
    );
    let elder = Request::get(&uri)
        .header(header::IF_NONE_MATCH, &tag)
        .header(header::COOKIE, "banshi_elder=1")
        .body(Body::empty())
        .unwrap();
    let (changed, _) = send(&app, elder).await;
    assert_eq!(
        changed.status(),
        StatusCode::OK,
        "large type is another page"
    );
    let compressed = Request::get(&uri)
        .header(header::ACCEPT_ENCODING, "br")
        .body(Body::empty())
        .unwrap();
    let (_, body) = send(&app, compressed).await;
    assert!(body.len() <= 20 * 1024, "{} bytes compressed", body.len());
}
