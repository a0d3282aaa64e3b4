use crate::api::{CaseForm, load_addresses, load_case, save_case_step, submit_case};
use crate::components::cases::CaseField;
use crate::components::forms::{FormError, Hidden};
use crate::components::layout::{Frame, Tab};
use crate::forms::{Handled, handle, posted};
use crate::routes::ErrorNotice;
use crate::routes::account::sign_in_first;
use domain::PostalAddress;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/cases/{id}/edit?step=N`: one step of the application form, with the steps named above
/// it; 保存草稿 keeps what is typed (checked or not), 下一步 checks the step first. After the
/// last step, 核对信息 lists every answer with a link to change it, and 提交 sends the case.
#[component]
pub fn CaseEditPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let page = Resource::new_blocking(
        move || {
            let id = params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()));
            let step = query.with(|q| q.get("step").and_then(|v| v.parse::<u32>().ok()));
            (id.unwrap_or_default(), step)
        },
        |(id, step): (i64, Option<u32>)| async move {
            let asked = step.unwrap_or(0);
            let done = handle(|f| async move {
                if f.intent() == "submit" {
                    submit_case(id).await?;
                    return Ok(format!("/cases/{id}?done=submitted#done"));
                }
                let check = f.intent() == "next";
                save_case_step(id, asked, f.pairs().to_vec(), check).await?;
                Ok(if check {
                    format!("/cases/{id}/edit?step={}", asked + 1)
                } else {
                    format!("/cases/{id}/edit?step={asked}&saved=1#form")
                })
            })
            .await;
            let loaded = load_case(id).await;
            sign_in_first(&loaded, &format!("/cases/{id}/edit"));
            let addresses = load_addresses().await.unwrap_or_default();
            loaded.map(|c| {
                // Without a step asked, open where the citizen left off.
                let step = step.unwrap_or(c.case.step);
                (c, step, addresses, done)
            })
        },
    );
    let saved = query.with_untracked(|q| q.get("saved").is_some());
    view! {
        <Title text="填写申请"/>
        <Frame title="填写申请" back="/progress" tab=Tab::Progress>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok((c, step, addresses, done)) => view! { <Edit c step addresses done saved/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}

#[component]
fn Edit(
    c: CaseForm,
    step: u32,
    addresses: Vec<PostalAddress>,
    done: Handled,
    saved: bool,
) -> impl IntoView {
    let case = c.case;
    let id = case.summary.id;
    if !case.summary.state.awaits_citizen() {
        return view! {
            <section class="card">
                <p>"这个办件已提交，不能再修改。"</p>
                <a class="button button--block" href=format!("/cases/{id}")>"查看办理进度"</a>
            </section>
        }
        .into_any();
    }
    let steps: Vec<String> = case.form.steps.iter().map(|s| s.title.clone()).collect();
    let total = steps.len() as u32 + 1;
    let step = step.min(total - 1);
    let progress = view! {
        <ol class="progress-steps" aria-label="填写步骤">
            {steps.iter().cloned().chain(std::iter::once("核对提交".to_owned())).enumerate().map(|(i, title)| {
                let current = (i as u32 == step).then_some("step");
                view! { <li aria-current=current>{format!("{} {}", i + 1, title)}</li> }
            }).collect_view()}
        </ol>
    };
    let header = view! {
        <h1 class="card__title">{case.summary.item_name.clone()}</h1>
        <p class="hint">{format!("第 {} 步，共 {} 步", step + 1, total)}</p>
        {progress}
    };
    // What to show in each field: what was just posted, else what was saved.
    let posted = posted();
    let value_of = |key: &str| match &posted {
        Some(p) => p.get(key),
        None => c
            .typed
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default(),
    };
    let here = format!("/cases/{id}/edit?step={step}#form");
    if step + 1 == total {
        let rows = case.form.steps.iter().enumerate().flat_map(|(i, s)| {
            s.fields
                .iter()
                .map(move |f| (i, f.key.as_str().to_owned(), f.label.clone()))
        });
        let shown = case.answers.clone();
        return view! {
            <section class="card" id="form">
                {header}
                <FormError error=done.error.clone()/>
                <dl class="answers">
                    {rows.map(|(i, key, label)| {
                        let value = shown.iter().find(|a| a.key == key).map(|a| a.value.clone())
                            .unwrap_or_else(|| "（未填写）".to_owned());
                        view! {
                            <dt>{label}</dt>
                            <dd>{value}</dd>
                            <dd><a href=format!("/cases/{id}/edit?step={i}#form")>"修改"</a></dd>
                        }
                    }).collect_view()}
                </dl>
                <form class="form" method="post" action=here>
                    <Hidden name="intent" value="submit".to_owned()/>
                    <p class="hint">"提交后由部门受理，承诺时限从受理之日起按工作日计算；需要补正材料时会短信通知您。"</p>
                    <button class="button button--block" type="submit">"提交申请"</button>
                </form>
            </section>
        }
        .into_any();
    }
    let fields = case
        .form
        .steps
        .get(step as usize)
        .map(|s| s.fields.clone())
        .unwrap_or_default();
    view! {
        <section class="card" id="form">
            {header}
            {saved.then(|| view! { <p class="card card--ok done" role="status">"草稿已保存，可随时在“进度”中继续填写。"</p> })}
            <form class="form" method="post" action=here>
                <FormError error=done.error.clone()/>
                {fields.into_iter().map(|f| {
                    let key = f.key.as_str().to_owned();
                    let value = value_of(&key);
                    let error = done.field(&key);
                    view! { <CaseField field=f value error addresses=addresses.clone()/> }
                }).collect_view()}
                <div class="form__row">
                    <button class="button button--plain" type="submit" name="intent" value="save" formnovalidate=true>"保存草稿"</button>
                    <button class="button" type="submit" name="intent" value="next">"下一步"</button>
                </div>
                {(step > 0).then(|| view! { <a href=format!("/cases/{id}/edit?step={}#form", step - 1)>"上一步"</a> })}
            </form>
        </section>
    }
    .into_any()
}
