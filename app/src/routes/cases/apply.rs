use crate::api::{AppError, load_family, load_guide, load_me, start_case};
use crate::components::forms::{FormError, Hidden};
use crate::components::layout::{Frame, Tab};
use crate::forms::{encode_next, handle, typed};
use crate::i18n;
use crate::routes::ErrorNotice;
use crate::routes::account::sign_in_first;
use domain::{FamilyMember, OnlineDepth, ServiceItem};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// `/apply/{code}` (在线申办): for whom, then a draft is made and its first step opens.
#[component]
pub fn ApplyPage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new_blocking(
        move || params.with(|p| p.get("code").unwrap_or_default()),
        |code: String| async move {
            let for_code = code.clone();
            let done = handle(|f| async move {
                let id = start_case(for_code, f.get("member"), f.get("request_key")).await?;
                Ok(format!("/cases/{id}/edit?step=0"))
            })
            .await;
            let loaded = async {
                let me = load_me().await?.ok_or(AppError::SignInRequired)?;
                let item = load_guide(code.clone()).await?;
                let family = if me.verified {
                    load_family().await?
                } else {
                    Vec::new()
                };
                Ok::<_, AppError>((item, me.verified, family))
            }
            .await;
            sign_in_first(&loaded, &format!("/apply/{code}"));
            loaded.map(|(item, verified, family)| (item, verified, family, done.error, done.key))
        },
    );
    view! {
        <Title text=i18n::APPLY_ONLINE/>
        <Frame title=i18n::APPLY_ONLINE back="/services" tab=Tab::Services>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok((item, verified, family, error, key)) => {
                            view! { <Apply item verified family error key/> }.into_any()
                        }
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}

#[component]
fn Apply(
    item: ServiceItem,
    verified: bool,
    family: Vec<FamilyMember>,
    error: Option<String>,
    key: String,
) -> impl IntoView {
    let here = format!("/apply/{}", item.code);
    let limit = match item.promised_limit.0 {
        0 => "即办：材料齐全当场办结".to_owned(),
        n => format!("承诺 {n} 个工作日内办结（从受理之日起算）"),
    };
    let body = if item.depth < OnlineDepth::PreReview {
        view! {
            <p>"这个事项暂不支持在线申办，请按办事指南到大厅窗口办理，可先预约。"</p>
            <a class="button button--block" href=format!("/guide/{}", item.code)>{i18n::GUIDE}</a>
        }
        .into_any()
    } else if !verified {
        view! {
            <p>"在线申办前请先完成实名认证，只需一次。"</p>
            <a class="button button--block" href=format!("/me/verify?next={}", encode_next(&here))>"去实名认证"</a>
        }
        .into_any()
    } else {
        let chosen = typed("member");
        view! {
            <form class="form" method="post" action=here.clone()>
                <FormError error/>
                <Hidden name="request_key" value=key/>
                <fieldset class="field checks">
                    <legend class="field__label">"为谁申请"</legend>
                    <label class="check">
                        <input type="radio" name="member" value="self" checked=chosen.is_empty() || chosen == "self"/>
                        "本人"
                    </label>
                    {family.into_iter().map(|m| {
                        let value = m.id.to_string();
                        let checked = chosen == value;
                        view! {
                            <label class="check">
                                <input type="radio" name="member" value=value checked=checked/>
                                {format!("{}（{}）", m.name_masked, m.relation.label())}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <p class="hint">"您的姓名、身份证号码和手机号已实名登记，无需再填。表单每一步都会保存，可随时回到“进度”继续填写。"</p>
                <button class="button button--block" type="submit">"开始填写"</button>
            </form>
        }
        .into_any()
    };
    view! {
        <section class="card">
            <h1 class="card__title">{item.name.clone()}</h1>
            <p class="lead">{format!("{} · {}", item.department.short_name, limit)}</p>
            {body}
        </section>
    }
}
