use super::sign_in_first;
use crate::api::{load_me, verify_identity};
use crate::components::forms::{FormError, TextField};
use crate::components::layout::{Frame, Tab};
use crate::forms::{go, local_path, posted, typed};
use crate::i18n;
use crate::routes::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/me/verify` (实名认证): name and ID number, checked (GB 11643 and the identity
/// authority) before they are stored, encrypted.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let next = use_query_map()
        .with_untracked(|q| q.get("next"))
        .unwrap_or_default();
    let next = local_path(&next, "/me");
    let action = format!("/me/verify?next={}", crate::forms::encode_next(&next));
    let page = Resource::new_blocking(
        || (),
        move |_| {
            let next = next.clone();
            async move {
                let error = match posted() {
                    Some(f) => match verify_identity(f.get("name"), f.get("id_number")).await {
                        Ok(_) => {
                            go(&next);
                            None
                        }
                        Err(e) => Some(e),
                    },
                    None => None,
                };
                let me = load_me()
                    .await
                    .and_then(|me| me.ok_or(crate::api::AppError::SignInRequired));
                sign_in_first(&me, "/me/verify");
                me.map(|me| (me, error.map(|e| e.to_string())))
            }
        },
    );
    view! {
        <Title text=i18n::VERIFY/>
        <Frame title=i18n::VERIFY back="/me" tab=Tab::Me>
            <Suspense>
                {move || {
                    let action = action.clone();
                    Suspend::new(async move {
                    match page.await {
                        Ok((me, _)) if me.verified => view! {
                            <section class="card">
                                <h1 class="card__title">{i18n::VERIFIED}</h1>
                                <p>{me.name_masked.unwrap_or_default()}" "
                                    <span class="mono">{me.id_masked.unwrap_or_default()}</span></p>
                                <a class="button" href="/me">{i18n::TAB_ME}</a>
                            </section>
                        }.into_any(),
                        Ok((_, error)) => view! {
                            <section class="card">
                                <h1 class="card__title">{i18n::VERIFY}</h1>
                                <p class="lead">{i18n::VERIFY_LEAD}</p>
                                <p class="lead">{i18n::VERIFY_WHAT_IS_CHECKED}</p>
                                <form class="form" method="post" action=action>
                                    <FormError error/>
                                    <TextField label=i18n::NAME name="name" value=typed("name")
                                        autocomplete="name" hint=i18n::NAME_HINT maxlength=30 required=true/>
                                    <TextField label=i18n::ID_NUMBER name="id_number" value=typed("id_number")
                                        autocomplete="off" hint=i18n::ID_HINT maxlength=24 required=true/>
                                    <button class="button button--block" type="submit">{i18n::SUBMIT_VERIFY}</button>
                                </form>
                            </section>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                    })
                }}
            </Suspense>
        </Frame>
    }
}
