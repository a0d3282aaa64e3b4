//! Every page's inline scripts carry the nonce of that response's Content-Security-Policy,
//! also when many requests of many kinds are answered at once on several threads (pages,
//! posted forms that fail or redirect, signed in and not). A script without the right nonce
//! is blocked by the browser, and the page's islands never wake.

mod support;

use axum::Router;
use axum::http::{Response, header};
use support::{app, get, get_as, header, post, sign_in};

/// The nonce of the response's policy, if it has one.
fn policy_nonce(response: &Response<()>) -> Option<String> {
    let csp = header(response, header::CONTENT_SECURITY_POLICY);
    csp.split("'nonce-")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .map(str::to_owned)
}

/// Every inline `<script>` of `html` with the nonce it carries ("" when none).
fn script_nonces(html: &str) -> Vec<String> {
    html.match_indices("<script")
        .map(|(at, _)| {
            let tag = &html[at..at + html[at..].find('>').unwrap_or(0)];
            tag.split("nonce=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

/// Asserts the page's scripts and its policy agree.
fn assert_scripts_match(what: &str, response: &Response<()>, html: &str) {
    let is_html = header(response, header::CONTENT_TYPE).starts_with("text/html");
    let scripts = script_nonces(html);
    if !is_html || scripts.is_empty() {
        return;
    }
    let nonce = policy_nonce(response)
        .unwrap_or_else(|| panic!("{what}: a page with scripts but no nonce in its policy"));
    for found in scripts {
        assert_eq!(
            found, nonce,
            "{what}: a script whose nonce is not the policy's"
        );
    }
}

async fn one_round(app: &Router, session: &str, n: usize) -> usize {
    let mut pages = 0;
    let mut check = |what: &str, (response, html): (Response<()>, String)| {
        assert_scripts_match(what, &response, &html);
        pages += 1;
    };
    check("/", get(app, "/").await);
    check(
        "/me/verify",
        get_as(app, "/me/verify?next=/me", session).await,
    );
    // A wrong check character: the form comes back with the error (400).
    check(
        "POST /me/verify",
        post(
            app,
            "/me/verify?next=/me",
            &[("name", "王小明"), ("id_number", "110105194912310020")],
            session,
        )
        .await,
    );
    check("/me", get_as(app, "/me", session).await);
    check(
        "POST /login",
        post(
            app,
            "/login",
            &[
                ("intent", "send"),
                ("phone", "1390000abcd"),
                ("send_key", &n.to_string()),
            ],
            "",
        )
        .await,
    );
    check("/search", get(app, "/search?q=社保卡").await);
    check("/nowhere", get(app, "/no/such/page").await);
    // Static files are answered by a handler that provides no request context of its own.
    check("/favicon.svg", get(app, "/favicon.svg").await);
    pages
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_inline_script_carries_its_responses_nonce_under_concurrency() {
    let app = app().await;
    let mut sessions = Vec::new();
    for i in 0..4 {
        sessions.push(sign_in(&app, &format!("1380000{i:04}")).await);
    }
    let mut tasks = Vec::new();
    for n in 0..48 {
        let app = app.clone();
        let session = sessions[n % sessions.len()].clone();
        tasks.push(tokio::spawn(
            async move { one_round(&app, &session, n).await },
        ));
    }
    let mut pages = 0;
    for task in tasks {
        pages += task.await.expect("a round panicked");
    }
    assert_eq!(pages, 48 * 8);
}

#[test]
fn scripts_are_found_with_their_nonces() {
    let html = r#"<script nonce="a1">x</script><p>t</p><script type="module" nonce="b2">y</script><script>z</script>"#;
    assert_eq!(script_nonces(html), ["a1", "b2", ""]);
}
