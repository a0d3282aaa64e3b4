use crate::api::{CaseQueue, act_on_case, load_case_queue, load_staff_case};
use crate::components::cases::{CaseField, StateLine, Timeline, file_text};
use crate::components::forms::FormError;
use crate::components::layout::StaffFrame;
use crate::forms::{Handled, handle, typed};
use crate::i18n;
use crate::routes::ErrorNotice;
use crate::routes::staff::staff_sign_in_first;
use domain::case::{CaseAction, CaseState, CaseView, Delivery, FieldKind};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/staff/cases` (办件): the cases waiting on this clerk's or approver's role in their
/// departments (a 综合受理 window: all), overdue first, then by days left; narrowed by state
/// and 事项 with a plain GET form (`?state=…&item=…`).
#[component]
pub fn StaffCasesPage() -> impl IntoView {
    let query = use_query_map();
    let page = Resource::new_blocking(
        move || {
            query.with(|q| {
                (
                    q.get("state").unwrap_or_default(),
                    q.get("item").unwrap_or_default(),
                )
            })
        },
        |(state, item)| async move {
            let queue = load_case_queue(state.clone(), item.clone()).await;
            staff_sign_in_first(&queue);
            queue.map(|q| (q, state, item))
        },
    );
    view! {
        <Title text="办件"/>
        <StaffFrame back="/staff/home">
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok((queue, state, item)) => view! { <Queue queue state item/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}

/// The states a queue holds, for the filter.
const QUEUE_STATES: [CaseState; 5] = [
    CaseState::Submitted,
    CaseState::Accepted,
    CaseState::UnderReview,
    CaseState::Approved,
    CaseState::Concluded,
];

#[component]
fn Queue(queue: CaseQueue, state: String, item: String) -> impl IntoView {
    let cases = queue.cases;
    let filtered = !state.is_empty() || !item.is_empty();
    view! {
        <section class="card">
            <h1 class="card__title">{format!("待办办件（{}）", cases.len())}</h1>
            <form class="form filters" method="get" action="/staff/cases">
                <div class="field">
                    <label class="field__label" for="f-state">"状态"</label>
                    <select class="field__input" id="f-state" name="state">
                        <option value="">"全部"</option>
                        {QUEUE_STATES.into_iter().map(|s| view! {
                            <option value=s.as_str() selected=state == s.as_str()>{i18n::case_state(s)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="f-item">"事项"</label>
                    <select class="field__input" id="f-item" name="item">
                        <option value="">"全部事项"</option>
                        {queue.items.into_iter().map(|(code, name)| {
                            let selected = code == item;
                            view! { <option value=code selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="form__row">
                    <button class="button button--plain" type="submit">"筛选"</button>
                    {filtered.then(|| view! { <a href="/staff/cases">"清除筛选"</a> })}
                </div>
            </form>
            {cases.is_empty().then(|| view! { <p class="empty">"没有待办的办件。"</p> })}
            <ul class="list">
                {cases.into_iter().map(|c| view! {
                    <li class="list__item">
                        <a href=format!("/staff/cases/{}", c.id)><strong>{c.item_name.clone()}</strong></a>
                        <StateLine summary=c.clone()/>
                        <p class="hint">{format!("办件编号 {}", super::number_text(&c.number))}</p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// `/staff/cases/{id}`: the case, its answers and timeline, and the actions the staff
/// member's role may take on it now; a refusal, a supplement or a denial needs a reason.
#[component]
pub fn StaffCasePage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new_blocking(
        move || {
            params.with(|p| {
                p.get("id")
                    .and_then(|v| v.parse::<i64>().ok())
                    .unwrap_or_default()
            })
        },
        |id: i64| async move {
            let done = handle(|f| async move {
                let wanted = f
                    .pairs()
                    .iter()
                    .filter(|(k, _)| k == "wanted")
                    .map(|(_, v)| v.clone())
                    .collect();
                act_on_case(
                    id,
                    f.intent(),
                    f.get("note"),
                    wanted,
                    f.get("tracking_no"),
                    f.get("pickup_code"),
                    // A 一件事 item's outputs are posted under their own keys.
                    f.pairs()
                        .iter()
                        .filter(|(k, _)| k.contains('.'))
                        .cloned()
                        .collect(),
                )
                .await?;
                Ok(format!("/staff/cases/{id}#case"))
            })
            .await;
            let loaded = load_staff_case(id).await;
            staff_sign_in_first(&loaded);
            loaded.map(|(case, actions)| (case, actions, done))
        },
    );
    view! {
        <Title text="办件详情"/>
        <StaffFrame back="/staff/cases">
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok((case, actions, done)) => view! { <StaffCase case actions done/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
fn StaffCase(case: CaseView, actions: Vec<CaseAction>, done: Handled) -> impl IntoView {
    let s = case.summary.clone();
    let id = s.id;
    let allows = |a: CaseAction| actions.contains(&a);
    let asks = allows(CaseAction::AskSupplement) || allows(CaseAction::ReturnForSupplement);
    let issues = allows(CaseAction::Conclude) || allows(CaseAction::FinishAtOnce);
    let post = case.delivery == Delivery::Post;
    // Every material of the form, with what was sent for it.
    let materials: Vec<(String, String, Vec<_>)> = case
        .form
        .fields()
        .filter(|f| f.kind == FieldKind::File)
        .map(|f| {
            let key = f.key.as_str().to_owned();
            let sent = case
                .files
                .iter()
                .filter(|x| x.key == key)
                .cloned()
                .collect();
            (key, f.label.clone(), sent)
        })
        .collect();
    let wanted_choices = materials.clone();
    let outputs = case
        .part_of
        .as_ref()
        .map(|p| p.outputs.clone())
        .unwrap_or_default();
    let part_of = case.part_of.clone().map(|p| {
        let waiting = (!p.waiting_for.is_empty())
            .then(|| format!("，等待前序事项：{}", p.waiting_for.join("、")));
        view! { <p class="hint">{format!("「{}」联办事项", p.bundle_name)}{waiting}</p> }
    });
    view! {
        <section class="card" id="case">
            <h1 class="card__title">{s.item_name.clone()}</h1>
            <StateLine summary=s.clone()/>
            {part_of}
            <dl class="facts">
                <dt>"办件编号"</dt><dd class="case__number">{super::number_text(&s.number)}</dd>
                <dt>"申请人"</dt><dd>{i18n::for_whom(&s.for_whom)}</dd>
                {case.answers.iter().map(|a| view! { <dt>{a.label.clone()}</dt><dd>{a.value.clone()}</dd> }).collect_view()}
                {case.result.as_ref().and_then(|r| r.tracking_no.clone()).map(|t| view! { <dt>"快递单号"</dt><dd>{t}</dd> })}
            </dl>
        </section>
        {(!materials.is_empty()).then(|| view! {
            <section class="card">
                <h2 class="card__title">"申请材料"</h2>
                <dl class="facts files">
                    {materials.into_iter().map(|(_, label, sent)| view! {
                        <dt>{label}</dt>
                        <dd>
                            {sent.is_empty().then_some("（未上传）")}
                            {sent.into_iter().map(|f| view! {
                                <a class="file" href=format!("/staff/cases/{id}/files/{}", f.id) download="">{file_text(&f)}</a>
                            }).collect_view()}
                        </dd>
                    }).collect_view()}
                </dl>
            </section>
        })}
        {(!actions.is_empty()).then(|| view! {
            <section class="card">
                <h2 class="card__title">"办理"</h2>
                <form class="form" method="post" action=format!("/staff/cases/{id}#case")>
                    <FormError error=done.error.clone()/>
                    <div class="field">
                        <label class="field__label" for="f-note">"意见或原因"</label>
                        <textarea class="field__input" id="f-note" name="note" maxlength=200 rows=3>{typed("note")}</textarea>
                        <p class="field__hint">"要求补正、不予受理、不予许可时必填，申请人会看到。"</p>
                    </div>
                    {(asks && !wanted_choices.is_empty()).then(|| view! {
                        <fieldset class="field checks">
                            <legend class="field__label">"需要补正的材料（要求补正时勾选）"</legend>
                            {wanted_choices.into_iter().map(|(key, label, _)| view! {
                                <label class="check"><input type="checkbox" name="wanted" value=key/>{label}</label>
                            }).collect_view()}
                        </fieldset>
                    })}
                    {(issues && post).then(|| view! {
                        <div class="field">
                            <label class="field__label" for="f-tracking">"快递单号"</label>
                            <input class="field__input" id="f-tracking" name="tracking_no" maxlength=40 value=typed("tracking_no")/>
                            <p class="field__hint">"申请人选择了免费邮寄：寄出后填写单号再办结，申请人可凭单号查询。"</p>
                        </div>
                    })}
                    {issues.then(|| outputs.into_iter().map(|mut field| {
                        let key = field.key.as_str().to_owned();
                        // Needed only to finish: the other buttons of this form go without it.
                        field.required = false;
                        field.hint = Some("办结时必填，将自动用于后续联办事项".into());
                        view! { <CaseField field value=typed(&key) error=done.field(&key) addresses=Vec::new()/> }
                    }).collect_view())}
                    {allows(CaseAction::PickUp).then(|| view! {
                        <div class="field">
                            <label class="field__label" for="f-pickup">"取件码"</label>
                            <input class="field__input" id="f-pickup" name="pickup_code" inputmode="numeric" maxlength=6 value=typed("pickup_code")/>
                            <p class="field__hint">"请申请人出示办件页面上的 6 位取件码，核对后交付。"</p>
                        </div>
                    })}
                    <div class="form__row">
                        {actions.clone().into_iter().map(|a| view! {
                            <button class="button" type="submit" name="intent" value=a.as_str()>{i18n::case_action(a)}</button>
                        }).collect_view()}
                    </div>
                </form>
            </section>
        })}
        <section class="card">
            <h2 class="card__title">"办理进度"</h2>
            <Timeline entries=case.timeline/>
        </section>
    }
}
