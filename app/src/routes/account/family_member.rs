use super::sign_in_first;
use crate::api::{AppError, load_family_member, remove_family_member};
use crate::components::forms::FormError;
use crate::components::layout::{Frame, Tab};
use crate::forms::{go, posted};
use crate::i18n;
use crate::routes::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// `/me/family/{id}`: one member, and removing them. Someone else's member is 404, exactly
/// like one that does not exist.
#[component]
pub fn FamilyMemberPage() -> impl IntoView {
    let raw = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let page = Resource::new_blocking(
        || (),
        move |_| {
            let raw = raw.clone();
            async move {
                let id: i64 = raw.parse().map_err(|_| AppError::NotFound)?;
                let mut error = None;
                if posted().is_some_and(|f| f.intent() == "remove") {
                    match remove_family_member(id).await {
                        Ok(()) => {
                            go("/me/family");
                            return Ok(None);
                        }
                        Err(e) => error = Some(e.to_string()),
                    }
                }
                let member = load_family_member(id).await;
                sign_in_first(&member, &format!("/me/family/{id}"));
                member.map(|m| Some((m, error)))
            }
        },
    );
    view! {
        <Title text=i18n::FAMILY/>
        <Frame title=i18n::FAMILY back="/me/family" tab=Tab::Me>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(None) => ().into_any(),
                        Ok(Some((m, error))) => view! {
                            <section class="card">
                                <h1 class="card__title">{m.name_masked.clone()}</h1>
                                <dl class="facts">
                                    <dt>{i18n::RELATION}</dt><dd>{m.relation.label()}</dd>
                                    <dt>{i18n::ID_NUMBER}</dt>
                                    <dd class="mono">{m.id_masked.clone().unwrap_or_else(|| i18n::NO_ID_YET.to_owned())}</dd>
                                </dl>
                            </section>
                            <form class="form" method="post" action=format!("/me/family/{}", m.id)>
                                <FormError error/>
                                <button class="button button--danger button--block" type="submit" name="intent" value="remove">
                                    {i18n::REMOVE_MEMBER}
                                </button>
                            </form>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}
