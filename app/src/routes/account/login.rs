use crate::api::{load_me, send_code, sign_in};
use crate::components::forms::{FormError, Hidden, TextField};
use crate::components::layout::{Frame, Tab};
use crate::forms::{form_key, go, local_path, posted};
use crate::i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[derive(Clone, serde::Serialize, serde::Deserialize)]
enum Step {
    /// Type the phone number.
    Phone {
        phone: String,
        error: Option<String>,
    },
    /// A code was sent: type it.
    Code {
        phone: String,
        notice: String,
        code: String,
        error: Option<String>,
    },
}

/// `/login`: phone number, then the code texted to it. `?next=` is where to go after.
#[component]
pub fn LoginPage() -> impl IntoView {
    let asked_next = use_query_map()
        .with_untracked(|q| q.get("next"))
        .unwrap_or_default();
    let page = Resource::new_blocking(
        || (),
        move |_| {
            let asked_next = asked_next.clone();
            async move {
                let form = posted();
                let next = form.as_ref().map_or(asked_next, |f| f.get("next"));
                let next = local_path(&next, "/me");
                let step = match form {
                    None => {
                        if matches!(load_me().await, Ok(Some(_))) {
                            go(&next);
                        }
                        Step::Phone {
                            phone: String::new(),
                            error: None,
                        }
                    }
                    Some(f) if f.intent() == "sign_in" => {
                        let (phone, code) = (f.get("phone"), f.get("code"));
                        match sign_in(phone.clone(), code.clone()).await {
                            Ok(()) => {
                                go(&next);
                                Step::Phone { phone, error: None }
                            }
                            Err(e) => Step::Code {
                                notice: sent_to(&phone),
                                phone,
                                code,
                                error: Some(e.to_string()),
                            },
                        }
                    }
                    Some(f) => {
                        let phone = f.get("phone");
                        match send_code(phone.clone(), f.get("send_key")).await {
                            Ok(sent) if sent.fresh => Step::Code {
                                notice: format!("验证码已发送至 {}", sent.phone_masked),
                                phone,
                                code: String::new(),
                                error: None,
                            },
                            Ok(sent) => Step::Code {
                                notice: format!(
                                    "验证码已发送至 {}，{} 秒后可重新获取",
                                    sent.phone_masked, sent.resend_after_secs
                                ),
                                phone,
                                code: String::new(),
                                error: None,
                            },
                            Err(e) => Step::Phone {
                                phone,
                                error: Some(e.to_string()),
                            },
                        }
                    }
                };
                (next, step)
            }
        },
    );
    view! {
        <Title text=i18n::SIGN_IN/>
        <Frame title=i18n::SIGN_IN back="/me" tab=Tab::Me>
            <Suspense>
                {move || Suspend::new(async move {
                    let (next, step) = page.await;
                    view! {
                        <section class="card">
                            <h1 class="card__title">{i18n::SIGN_IN_TITLE}</h1>
                            {match step {
                                Step::Phone { phone, error } => view! {
                                    <PhoneForm next phone error/>
                                }.into_any(),
                                Step::Code { phone, notice, code, error } => view! {
                                    <CodeForm next phone notice code error/>
                                }.into_any(),
                            }}
                        </section>
                        <p class="hint"><a href="/track">"不登录，用办件编号查询办理进度"</a></p>
                    }
                })}
            </Suspense>
        </Frame>
    }
}

fn sent_to(phone: &str) -> String {
    let masked = domain::Phone::parse(phone)
        .map(|p| p.masked())
        .unwrap_or_default();
    format!("验证码已发送至 {masked}")
}

#[component]
fn PhoneForm(next: String, phone: String, error: Option<String>) -> impl IntoView {
    let sent_here = next != "/me";
    view! {
        {sent_here.then(|| view! { <p class="lead" role="status">{i18n::SIGN_IN_TO_GO_ON}</p> })}
        <p class="lead">{i18n::SIGN_IN_LEAD}</p>
        <form class="form" method="post" action="/login">
            <FormError error/>
            <Hidden name="next" value=next/>
            <Hidden name="send_key" value=form_key(None)/>
            <TextField label=i18n::PHONE name="phone" value=phone kind="tel" inputmode="tel"
                autocomplete="tel-national" hint=i18n::PHONE_HINT maxlength=20 required=true/>
            <button class="button button--block" type="submit" name="intent" value="send">{i18n::SEND_CODE}</button>
        </form>
    }
}

#[component]
fn CodeForm(
    next: String,
    phone: String,
    notice: String,
    code: String,
    error: Option<String>,
) -> impl IntoView {
    let outbox = crate::session::dev_tools().then(|| format!("/dev/outbox?phone={phone}"));
    let change = format!("/login?next={}", crate::forms::encode_next(&next));
    view! {
        <p class="lead" role="status">{notice}</p>
        <form class="form" method="post" action="/login">
            <FormError error/>
            <Hidden name="next" value=next/>
            <Hidden name="phone" value=phone/>
            <Hidden name="send_key" value=form_key(None)/>
            <TextField label=i18n::CODE_LABEL name="code" value=code inputmode="numeric"
                autocomplete="one-time-code" hint=i18n::CODE_HINT maxlength=6 required=true/>
            <button class="button button--block" type="submit" name="intent" value="sign_in">{i18n::SIGN_IN}</button>
            <div class="form__row">
                <button class="button button--plain" type="submit" name="intent" value="send" formnovalidate=true>
                    {i18n::RESEND_CODE}
                </button>
                <a class="link-button" href=change>{i18n::CHANGE_PHONE}</a>
            </div>
        </form>
        {outbox.map(|href| view! { <p class="dev-note"><a href=href>{i18n::DEV_OUTBOX}</a></p> })}
    }
}
