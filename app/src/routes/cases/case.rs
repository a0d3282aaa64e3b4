use crate::api::{CaseForm, load_case, withdraw_case};
use crate::components::cases::{BundleTrack, StateLine, Timeline, file_text};
use crate::components::forms::{FormError, Hidden};
use crate::components::layout::{Frame, Tab};
use crate::forms::{Handled, handle};
use crate::i18n;
use crate::routes::ErrorNotice;
use crate::routes::account::sign_in_first;
use domain::case::{CaseAction, CaseResult, CaseState, Delivery, FieldKind};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/cases/{id}` (办件详情): where the case stands, what is needed from the citizen now, the
/// clock, and everything that happened to it. Withdrawing asks first (`?withdraw=ask`).
#[component]
pub fn CasePage() -> impl IntoView {
    let params = use_params_map();
    let (submitted, asking) = use_query_map().with_untracked(|q| {
        (
            q.get("done").as_deref() == Some("submitted"),
            q.get("withdraw").as_deref() == Some("ask"),
        )
    });
    let page = Resource::new_blocking(
        move || {
            params.with(|p| {
                p.get("id")
                    .and_then(|v| v.parse::<i64>().ok())
                    .unwrap_or_default()
            })
        },
        |id: i64| async move {
            let done = handle(|_| async move {
                withdraw_case(id).await?;
                Ok(format!("/cases/{id}#case"))
            })
            .await;
            let loaded = load_case(id).await;
            sign_in_first(&loaded, &format!("/cases/{id}"));
            loaded.map(|c| (c, done))
        },
    );
    view! {
        <Title text=if submitted { "提交成功：办件详情" } else { "办件详情" }/>
        <Frame title="办件详情" back="/progress" tab=Tab::Progress>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok((c, done)) => view! { <Case c done submitted asking/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}

#[component]
fn Case(c: CaseForm, done: Handled, submitted: bool, asking: bool) -> impl IntoView {
    let case = c.case;
    let s = case.summary.clone();
    let id = s.id;
    let number = super::number_text(&s.number);
    // The latest request for a supplement, while one is wanted: its reason and materials.
    let request = (s.state == CaseState::NeedsSupplement)
        .then(|| {
            case.timeline.iter().rev().find(|e| {
                matches!(
                    e.action,
                    CaseAction::AskSupplement | CaseAction::ReturnForSupplement
                )
            })
        })
        .flatten();
    let reason = request.and_then(|e| e.note.clone()).unwrap_or_default();
    let wanted = request.map(|e| e.wanted.clone()).unwrap_or_default();
    let step_of = |key: &str| {
        case.form
            .steps
            .iter()
            .position(|st| st.fields.iter().any(|f| f.key.as_str() == key))
            .unwrap_or(0)
    };
    let first_step = wanted.first().map_or(0, |(k, _)| step_of(k));
    let wanted_links: Vec<(String, usize)> = wanted
        .iter()
        .map(|(k, label)| (label.clone(), step_of(k)))
        .collect();
    let next = match s.state {
        CaseState::Draft => Some(view! {
            <p>"申请还没有提交。"</p>
            <a class="button button--block" href=format!("/cases/{id}/edit")>"继续填写"</a>
        }.into_any()),
        CaseState::NeedsSupplement => Some(view! {
            <p><strong>"需要您补正："</strong>{reason}</p>
            {(!wanted_links.is_empty()).then(|| view! {
                <ul class="wanted">
                    {wanted_links.into_iter().map(|(label, step)| view! {
                        <li><a href=format!("/cases/{id}/edit?step={step}#files")>{label}</a></li>
                    }).collect_view()}
                </ul>
            })}
            <p class="hint">"补正期间暂停计时，重新提交后继续。"</p>
            <a class="button button--block" href=format!("/cases/{id}/edit?step={first_step}")>"补正并重新提交"</a>
        }.into_any()),
        CaseState::Submitted if case.bundle.is_some() => Some(view! { <p>"已提交，各事项由相关部门同时或按顺序办理，每项办结都会短信通知您。"</p> }.into_any()),
        CaseState::Submitted => Some(view! { <p>"已提交，等待部门受理。受理后开始按承诺时限计时。"</p> }.into_any()),
        CaseState::Waiting => Some(view! { <p>"等待前序事项办结，办结后自动提交给本部门，无需您再操作。"</p> }.into_any()),
        CaseState::Accepted | CaseState::UnderReview => Some(view! { <p>"部门正在办理，办结后会短信通知您。"</p> }.into_any()),
        CaseState::Approved => Some(view! { <p>"已准予，正在出具办理结果。"</p> }.into_any()),
        CaseState::Concluded => Some(view! { <p>"已办结，请按您选择的方式领取结果。"</p> }.into_any()),
        _ => None,
    };
    // A 一件事 is withdrawn item by item, on each item's page.
    let withdrawable = case.bundle.is_none()
        && matches!(
            s.state,
            CaseState::Submitted
                | CaseState::Waiting
                | CaseState::Accepted
                | CaseState::NeedsSupplement
                | CaseState::UnderReview
        );
    let part_of = case.part_of.clone().map(|p| {
        let waiting = (!p.waiting_for.is_empty()).then(|| format!("，等「{}」办结", p.waiting_for.join("」「")));
        view! {
            <p class="hint">
                "这是"<a href=format!("/cases/{}#items", p.parent_id)>{format!("「{}」", p.bundle_name)}</a>"中的一项"
                {waiting}
            </p>
        }
    });
    let joint = case.bundle.is_some();
    let ask = ((asking && withdrawable) || done.error.is_some()).then(|| {
        view! {
            <section class="card card--notice" id="withdraw">
                <h2 class="card__title">"撤回这个申请？"</h2>
                <FormError error=done.error.clone()/>
                <p class="hint">"撤回后部门不再办理，需要时请重新申请。"</p>
                <div class="actions">
                    <form method="post" action=format!("/cases/{id}?withdraw=ask#withdraw")>
                        <Hidden name="intent" value="withdraw".to_owned()/>
                        <button class="button button--danger" type="submit">"确认撤回"</button>
                    </form>
                    <a class="button button--plain" href=format!("/cases/{id}#case")>"不撤回"</a>
                </div>
            </section>
        }
    });
    view! {
        {submitted.then(|| view! {
            <p class="card card--ok done" id="done" role="status" tabindex="-1">
                {format!("提交成功，办件编号 {number}。")}
            </p>
        })}
        {ask}
        <section class="card" id="case">
            <h1 class="card__title">{s.item_name.clone()}</h1>
            {(!joint).then(|| view! { <StateLine summary=s.clone()/> })}
            {part_of}
            <dl class="facts">
                {(!number.is_empty()).then(|| view! { <dt>"办件编号"</dt><dd class="case__number">{number.clone()}</dd> })}
                {(!joint).then(|| view! { <dt>"办理部门"</dt><dd>{s.department_name.clone()}</dd> })}
                <dt>"申请人"</dt><dd>{i18n::for_whom(&s.for_whom)}</dd>
                {(!joint).then(|| view! {
                    <dt>"承诺时限"</dt><dd>{if s.limit_days == 0 { "即办".to_owned() } else { format!("{} 个工作日（自受理起）", s.limit_days) }}</dd>
                })}
            </dl>
            {next}
        </section>
        {case.bundle.clone().map(|bundle| view! { <BundleTrack bundle/> })}
        {case.result.clone().map(|r| view! { <ResultCard result=r state=s.state qr=c.certificate_qr.clone()/> })}
        <section class="card">
            <h2 class="card__title">"办理进度"</h2>
            <Timeline entries=case.timeline.clone()/>
            {case.timeline.is_empty().then(|| view! { <p class="empty">"还没有提交。"</p> })}
        </section>
        {(!case.files.is_empty()).then(|| {
            let materials: Vec<(String, Vec<_>)> = case.form.fields()
                .filter(|f| f.kind == FieldKind::File)
                .map(|f| (f.label.clone(), case.files.iter().filter(|x| x.key == f.key.as_str()).cloned().collect::<Vec<_>>()))
                .filter(|(_, sent)| !sent.is_empty())
                .collect();
            view! {
                <section class="card">
                    <h2 class="card__title">"申请材料"</h2>
                    <dl class="facts files">
                        {materials.into_iter().map(|(label, sent)| view! {
                            <dt>{label}</dt>
                            <dd>{sent.into_iter().map(|f| view! {
                                <a class="file" href=format!("/cases/{id}/files/{}", f.id) download="">{file_text(&f)}</a>
                            }).collect_view()}</dd>
                        }).collect_view()}
                    </dl>
                </section>
            }
        })}
        {(!case.answers.is_empty()).then(|| view! {
            <section class="card">
                <h2 class="card__title">"申请信息"</h2>
                <dl class="facts">
                    {case.answers.iter().map(|a| view! { <dt>{a.label.clone()}</dt><dd>{a.value.clone()}</dd> }).collect_view()}
                </dl>
            </section>
        })}
        {(withdrawable && !asking).then(|| view! {
            <p><a href=format!("/cases/{id}?withdraw=ask#withdraw")>"撤回申请"</a></p>
        })}
    }
}

/// The result: where to collect it (the pickup code) or the post's number, and the
/// e-certificate with its QR code and a link to check it.
#[component]
fn ResultCard(result: CaseResult, state: CaseState, qr: Option<String>) -> impl IntoView {
    let how = match result.delivery {
        Delivery::Pickup if state == CaseState::PickedUp => {
            view! { <p>"结果已在窗口领取。"</p> }.into_any()
        }
        Delivery::Pickup => view! {
            <p>"请到办理大厅窗口领取，出示取件码："</p>
            {result.pickup_code.clone().map(|code| view! { <p class="pickup-code">{code}</p> })}
        }
        .into_any(),
        Delivery::Post => view! {
            <p>{if state == CaseState::Delivered { "已通过免费邮寄送达。" } else { "已通过免费邮寄寄出。" }}</p>
            {result.tracking_no.clone().map(|no| view! { <p>"快递单号："<strong class="tracking">{no}</strong></p> })}
        }
        .into_any(),
    };
    let certificate = result.certificate.clone().map(|c| {
        let link = format!(
            "/verify/{}?s={}",
            c.code,
            result.signature.clone().unwrap_or_default()
        );
        view! {
            <div class="certificate">
                <h3 class="certificate__title">"电子证照"</h3>
                <dl class="facts">
                    <dt>"证照编号"</dt><dd class="certificate__code">{c.code.clone()}</dd>
                    <dt>"持证人"</dt><dd>{c.holder_masked.clone()}</dd>
                    <dt>"签发部门"</dt><dd>{c.department_name.clone()}</dd>
                    <dt>"签发日期"</dt><dd>{c.issued_on.to_string()}</dd>
                </dl>
                {qr.map(|svg| view! { <div class="qr" inner_html=svg></div> })}
                <p class="hint">"他人扫码即可查验真伪；证照经数字签名，离线也可核验。"</p>
                <a class="button button--plain" href=link>"查验这张证照"</a>
            </div>
        }
    });
    view! {
        <section class="card" id="result">
            <h2 class="card__title">"办理结果"</h2>
            {how}
            {certificate}
        </section>
    }
}
