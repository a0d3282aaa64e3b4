use crate::api::{CaseForm, load_addresses, load_case, save_case_step, submit_case};
use crate::components::cases::{CaseField, DraftKeeper, UploadField, file_text};
use crate::components::forms::{FormError, Hidden};
use crate::components::layout::{Frame, Tab};
use crate::forms::{Handled, handle, posted};
use crate::routes::ErrorNotice;
use crate::routes::account::sign_in_first;
use domain::PostalAddress;
use domain::case::{FieldKind, UploadProblem};
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
    let notes = query.with_untracked(|q| Notes {
        saved: q.get("saved").is_some(),
        uploaded: q.get("uploaded"),
        removed: q.get("removed").is_some(),
        closed: q.get("closed").is_some(),
        upload: q.get("upload").and_then(|c| UploadProblem::parse(&c)),
        upload_key: q.get("key"),
    });
    view! {
        <Title text="填写申请"/>
        <Frame title="填写申请" back="/progress" tab=Tab::Progress>
            <Suspense>
                {move || {
                    let notes = notes.clone();
                    Suspend::new(async move {
                        match page.await {
                            Ok((c, step, addresses, done)) => view! { <Edit c step addresses done notes/> }.into_any(),
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Frame>
    }
}

/// What the last request did, from the redirect's query.
#[derive(Clone, Debug, Default)]
struct Notes {
    saved: bool,
    /// The field a file was just uploaded for.
    uploaded: Option<String>,
    removed: bool,
    /// The case had moved on and takes no more changes.
    closed: bool,
    /// Why the last file was not taken, and for which field.
    upload: Option<UploadProblem>,
    upload_key: Option<String>,
}

#[component]
fn Edit(
    c: CaseForm,
    step: u32,
    addresses: Vec<PostalAddress>,
    done: Handled,
    notes: Notes,
) -> impl IntoView {
    let case = c.case;
    let id = case.summary.id;
    if notes.closed || !case.summary.state.awaits_citizen() {
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
        let files = case.files.clone();
        let rows = case.form.steps.iter().enumerate().flat_map(|(i, s)| {
            s.fields.iter().map(move |f| {
                (
                    // A fact issued by an earlier item has no step to change it on.
                    f.prefill.is_none().then_some(i),
                    f.key.as_str().to_owned(),
                    f.label.clone(),
                    f.kind == FieldKind::File,
                )
            })
        });
        let shown = case.answers.clone();
        return view! {
            <section class="card" id="form">
                {header}
                <FormError error=done.error.clone()/>
                <dl class="answers">
                    {rows.map(|(i, key, label, is_file)| {
                        let value = if is_file {
                            let sent: Vec<String> = files.iter().filter(|f| f.key == key).map(file_text).collect();
                            if sent.is_empty() { "（未上传）".to_owned() } else { sent.join("；") }
                        } else {
                            shown.iter().find(|a| a.key == key).map(|a| a.value.clone())
                                .unwrap_or_else(|| "（未填写）".to_owned())
                        };
                        let error = done.field(&key);
                        view! {
                            <dt>{label}</dt>
                            <dd>{value}{error.map(|e| view! { <span class="field__error">{e}</span> })}</dd>
                            <dd>{i.map(|i| view! { <a href=format!("/cases/{id}/edit?step={i}#form")>"修改"</a> })}</dd>
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
    // What the citizen answers on this step: a fact an earlier item of a 一件事 issued is
    // shown on the 核对 page, never offered for typing.
    let (uploads, fields): (Vec<_>, Vec<_>) = case
        .form
        .asked_in(step as usize)
        .cloned()
        .partition(|f| f.kind == FieldKind::File);
    let upload_error = |key: &str| {
        notes
            .upload
            .filter(|_| notes.upload_key.as_deref() == Some(key))
            .map(crate::i18n::upload_problem)
            .or_else(|| done.field(key))
    };
    let uploads = (!uploads.is_empty()).then(|| {
        let files = case.files.clone();
        view! {
            <div class="uploads" id="files">
                <p class="hint">"可以用手机直接拍照上传，也可以上传 PDF；每个文件不超过 10 MB。照片中的拍摄地点等信息会被去除。"</p>
                {notes.removed.then(|| view! { <p class="upload__ok" role="status">"已删除。"</p> })}
                {uploads.into_iter().map(|f| {
                    let key = f.key.as_str().to_owned();
                    let error = upload_error(&key);
                    let just_uploaded = notes.uploaded.as_deref() == Some(key.as_str());
                    view! { <UploadField case_id=id step field=f files=files.clone() error just_uploaded/> }
                }).collect_view()}
            </div>
        }
    });
    view! {
        <section class="card" id="form">
            {header}
            {notes.saved.then(|| view! { <p class="card card--ok done" role="status">"草稿已保存，可随时在“进度”中继续填写。"</p> })}
            {uploads}
            <form class="form" method="post" action=here>
                <FormError error=done.error.clone()/>
                {(!fields.is_empty()).then(|| view! { <DraftKeeper storage_key=format!("banshi-draft:{id}:{step}")/> })}
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
