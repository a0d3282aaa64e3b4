use crate::api::{AppError, BundleStart, load_bundle, load_me, start_bundle};
use crate::components::cases::{CaseField, FlowChart};
use crate::components::forms::{FormError, Hidden};
use crate::components::layout::{Frame, Tab, with_from};
use crate::forms::{Handled, encode_next, handle, posted, sign_in_path};
use crate::routes::ErrorNotice;
use domain::bundle::{BundleIntro, Savings};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/bundles/{code}` (一件事): what it is, what it spares, the order its items run in, and the
/// eligibility questions; met, the joint form opens; not met, why, and the items that can
/// still be applied for one by one (`?not=0-1`).
#[component]
pub fn BundlePage() -> impl IntoView {
    let params = use_params_map();
    let unmet: Vec<usize> = use_query_map().with_untracked(|q| {
        q.get("not")
            .unwrap_or_default()
            .split('-')
            .filter_map(|n| n.parse().ok())
            .collect()
    });
    let page = Resource::new_blocking(
        move || params.with(|p| p.get("code").unwrap_or_default()),
        |code: String| async move {
            let intro = load_bundle(code.clone()).await?;
            let asked: Vec<String> = intro
                .questions
                .iter()
                .map(|q| q.key.as_str().to_owned())
                .collect();
            let for_code = code.clone();
            let done = handle(|f| async move {
                let answers = asked.iter().map(|k| (k.clone(), f.get(k))).collect();
                match start_bundle(for_code.clone(), answers, f.get("request_key")).await? {
                    BundleStart::Draft(id) => Ok(format!("/cases/{id}/edit?step=0#form")),
                    BundleStart::NotEligible(rules) => {
                        let list: Vec<String> = rules.iter().map(ToString::to_string).collect();
                        Ok(format!(
                            "/bundles/{for_code}?not={}#eligibility",
                            list.join("-")
                        ))
                    }
                }
            })
            .await;
            let me = load_me().await?;
            let verified = me.as_ref().map(|m| m.verified);
            Ok::<_, AppError>((intro, verified, done))
        },
    );
    view! {
        <Frame title="一件事一次办" back="/" tab=Tab::Services>
            <Suspense>
                {move || {
                    let unmet = unmet.clone();
                    Suspend::new(async move {
                        match page.await {
                            Ok((intro, verified, done)) => view! { <Bundle intro verified done unmet/> }.into_any(),
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Frame>
    }
}

/// "少填 12 项、少交 6 份材料、少跑 3 次", leaving out what it does not spare.
pub fn savings_text(s: &Savings) -> String {
    let parts: Vec<String> = [
        (s.fields(), "少填 {} 项"),
        (s.materials(), "少交 {} 份材料"),
        (s.trips(), "少跑 {} 次"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, text)| text.replace("{}", &n.to_string()))
    .collect();
    parts.join("、")
}

#[component]
fn Bundle(
    intro: BundleIntro,
    verified: Option<bool>,
    done: Handled,
    unmet: Vec<usize>,
) -> impl IntoView {
    let code = intro.entry.code.clone();
    let here = format!("/bundles/{code}");
    let saved = savings_text(&intro.savings);
    let turned_away = (!unmet.is_empty()).then(|| {
        let whys: Vec<String> = unmet
            .iter()
            .filter_map(|&i| intro.whys.get(i).cloned())
            .collect();
        view! {
            <section class="card card--notice" id="eligibility" role="status" tabindex="-1">
                <h2 class="card__title">"暂不能办理这项一件事"</h2>
                {whys.into_iter().map(|w| view! { <p>{w}</p> }).collect_view()}
                <p>"您仍可以分别办理其中的事项："</p>
                <ItemList items=intro.items.clone()/>
            </section>
        }
    });
    let posted = posted();
    let form = match verified {
        None => view! {
            <p>"登录并完成实名认证后即可办理，只需一次。"</p>
            <a class="button button--block" href=sign_in_path(&here)>"登录后办理"</a>
        }
        .into_any(),
        Some(false) => view! {
            <p>"办理前请先完成实名认证，只需一次。"</p>
            <a class="button button--block" href=format!("/me/verify?next={}", encode_next(&here))>"去实名认证"</a>
        }
        .into_any(),
        Some(true) => view! {
            <form class="form" method="post" action=format!("{here}#eligibility-form")>
                <FormError error=done.error.clone()/>
                <Hidden name="request_key" value=done.key.clone()/>
                {intro.questions.iter().cloned().map(|q| {
                    let key = q.key.as_str().to_owned();
                    let value = posted.as_ref().map(|p| p.get(&key)).unwrap_or_default();
                    view! { <CaseField field=q value error=done.field(&key) addresses=Vec::new()/> }
                }).collect_view()}
                <p class="hint">"以上信息只需填写一次，后面的联办申请表会直接使用。"</p>
                <button class="button button--block" type="submit">"开始办理"</button>
            </form>
        }
        .into_any(),
    };
    view! {
        <Title text=intro.entry.name.clone()/>
        {turned_away}
        <section class="card">
            <h1 class="card__title">{intro.entry.name.clone()}</h1>
            <p class="lead">{intro.entry.summary.clone()}</p>
            {(!saved.is_empty()).then(|| view! {
                <p class="savings"><strong>{format!("一次申请，比逐项办理{saved}")}</strong></p>
            })}
            <p class="hint">{match intro.visits {
                0 => "全程网上办理，不用跑大厅。".to_owned(),
                n => format!("最多到大厅 {n} 次。"),
            }}</p>
        </section>
        <section class="card">
            <h2 class="card__title">{format!("包含 {} 个事项", intro.items.len())}</h2>
            <FlowChart boxes=intro.flow.clone()/>
            <ItemList items=intro.items.clone()/>
        </section>
        <section class="card" id="eligibility-form">
            <h2 class="card__title">"办理条件"</h2>
            {form}
        </section>
    }
}

/// The bundle's items, each leading to its own guide (where it can be applied for alone).
#[component]
fn ItemList(items: Vec<(String, String, String)>) -> impl IntoView {
    view! {
        <ul class="list">
            {items.into_iter().map(|(item, name, department)| view! {
                <li class="list__item">
                    <a href=with_from(&format!("/guide/{item}"))>{name}</a>
                    <span class="hint">{format!(" · {department}")}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}
