use super::sign_in_first;
use crate::api::{AppError, erase_account, load_me};
use crate::components::forms::FormError;
use crate::components::layout::{Frame, Tab};
use crate::forms::{go, posted};
use crate::i18n;
use crate::routes::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/me/delete` (注销账号): what goes and what stays, then a confirmation.
#[component]
pub fn ErasePage() -> impl IntoView {
    let page = Resource::new_blocking(
        || (),
        |_| async {
            if let Some(f) = posted() {
                return match erase_account(f.get("confirm")).await {
                    Ok(()) => {
                        go("/me?erased=1");
                        Ok(None)
                    }
                    Err(e) => Ok(Some(e.to_string())),
                };
            }
            let me = load_me()
                .await
                .and_then(|me| me.ok_or(AppError::SignInRequired));
            sign_in_first(&me, "/me/delete");
            me.map(|_| None)
        },
    );
    view! {
        <Title text=i18n::ERASE/>
        <Frame title=i18n::ERASE back="/me" tab=Tab::Me>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(error) => view! {
                            <section class="card card--notice">
                                <h1 class="card__title">{i18n::ERASE}</h1>
                                <p>{i18n::ERASE_LEAD}</p>
                                <form class="form" method="post" action="/me/delete">
                                    <FormError error/>
                                    <label class="check">
                                        <input type="checkbox" name="confirm" value="注销" required=true/>
                                        {i18n::ERASE_CHECK}
                                    </label>
                                    <button class="button button--danger button--block" type="submit">{i18n::ERASE_CONFIRM}</button>
                                </form>
                            </section>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}
