use crate::api::load_my_cases;
use crate::components::cases::StateLine;
use crate::components::layout::{Frame, Tab};
use crate::i18n;
use crate::routes::ErrorNotice;
use crate::routes::account::sign_in_first;
use domain::case::{CaseState, CaseSummary};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/progress` (进度): every case of the citizen (and those they applied for for family),
/// with its state and its clock; drafts lead back into their form.
#[component]
pub fn ProgressPage() -> impl IntoView {
    let page = Resource::new_blocking(
        || (),
        |_| async {
            let cases = load_my_cases().await;
            sign_in_first(&cases, "/progress");
            cases
        },
    );
    view! {
        <Title text="办件进度"/>
        <Frame title="办件进度" tab=Tab::Progress>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(cases) => view! { <Cases cases/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}

#[component]
fn Cases(cases: Vec<CaseSummary>) -> impl IntoView {
    view! {
        <section class="card">
            <h1 class="card__title">"我的办件"</h1>
            {cases.is_empty().then(|| view! {
                <p class="empty">"还没有办件。在办事指南中点“在线申办”即可开始，没有办完的申请会保存在这里。"</p>
                <a class="button button--plain" href="/services">"查找服务事项"</a>
            })}
            <ul class="list">
                {cases.into_iter().map(|c| {
                    let href = if c.state == CaseState::Draft {
                        format!("/cases/{}/edit", c.id)
                    } else {
                        format!("/cases/{}", c.id)
                    };
                    let number = super::number_text(&c.number);
                    let whom = i18n::for_whom(&c.for_whom);
                    view! {
                        <li class="list__item">
                            <a href=href><strong>{c.item_name.clone()}</strong></a>
                            <StateLine summary=c.clone()/>
                            {c.bundle.map(|p| {
                                let mut line = format!("一件事 · 共 {} 项，已办结 {} 项", p.total, p.finished);
                                if p.needs_supplement > 0 {
                                    line.push_str(&format!("，{} 项需要补正", p.needs_supplement));
                                }
                                let class = if p.needs_supplement > 0 { "hint case__clock--late" } else { "hint" };
                                view! { <p class=class>{line}</p> }
                            })}
                            <p class="hint">
                                {if number.is_empty() { "草稿，尚未提交".to_owned() } else { format!("办件编号 {number}") }}
                                {format!(" · {whom}")}
                            </p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
