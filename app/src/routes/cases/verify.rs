use crate::api::{Verified, verify_certificate};
use crate::components::layout::{Frame, Tab};
use crate::routes::ErrorNotice;
use domain::case::{Certificate, Verification};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/verify/{code}` (证照查验): what anyone who scans a certificate's QR code sees — valid,
/// revoked, or not found — with the facts to compare against the paper, and the published
/// key and signed text for checking offline. No sign-in.
#[component]
pub fn CertificateCheckPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let page = Resource::new_blocking(
        move || {
            (
                params.with(|p| p.get("code").unwrap_or_default()),
                query.with(|q| q.get("s")),
            )
        },
        |(code, signature)| verify_certificate(code, signature),
    );
    view! {
        <Title text="证照查验"/>
        <Frame title="证照查验" back="/" tab=Tab::Home>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(verified) => view! { <Outcome verified/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}

#[component]
fn Outcome(verified: Verified) -> impl IntoView {
    let (class, verdict, shown) = match verified.outcome {
        Verification::Valid(c) => (
            "card card--ok",
            "证照有效：由办事平台签发，内容未被改动。",
            Some(c),
        ),
        Verification::Revoked(c) => (
            "card card--notice",
            "证照已撤销：这张证照已失效，不能再作为凭证使用。",
            Some(c),
        ),
        Verification::Unknown => (
            "card card--notice",
            "未查到这张证照：编号不存在，或二维码与存档不符。请勿采信。",
            None,
        ),
    };
    view! {
        <section class=class id="verdict">
            <h1 class="card__title" role="status">{verdict}</h1>
            {shown.clone().map(|c| view! { <Facts c/> })}
        </section>
        <section class="card">
            <h2 class="card__title">"离线核验"</h2>
            <p class="hint">"证照内容以 Ed25519 数字签名。二维码中带有签名，可用下列公钥对证照的签名文本离线核验。"</p>
            <p class="mono">{format!("公钥：{}", verified.public_key)}</p>
            {shown.map(|c| view! { <pre class="mono">{c.canonical()}</pre> })}
        </section>
    }
}

#[component]
fn Facts(c: Certificate) -> impl IntoView {
    view! {
        <dl class="facts">
            <dt>"证照编号"</dt><dd>{c.code}</dd>
            <dt>"事项"</dt><dd>{c.item_name}</dd>
            <dt>"签发部门"</dt><dd>{c.department_name}</dd>
            <dt>"持证人"</dt><dd>{c.holder_masked}</dd>
            <dt>"办件编号"</dt><dd>{c.case_number}</dd>
            <dt>"签发日期"</dt><dd>{c.issued_on.to_string()}</dd>
        </dl>
    }
}
