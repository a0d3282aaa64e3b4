use crate::api::{load_me, sign_out};
use crate::components::layout::{Frame, Tab};
use crate::forms::{go, posted};
use crate::i18n;
use crate::routes::ErrorNotice;
use domain::Profile;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/me` (我的): who is signed in, 实名 status, and the way to everything kept with the
/// account. Signed out, a way to sign in (and 长辈版, which works without an account).
#[component]
pub fn MePage() -> impl IntoView {
    let me = Resource::new_blocking(
        || (),
        |_| async {
            if posted().is_some_and(|f| f.intent() == "sign_out") {
                sign_out().await?;
                go("/me");
                return Ok(None);
            }
            load_me().await
        },
    );
    view! {
        <Title text=i18n::TAB_ME/>
        <Frame title=i18n::TAB_ME tab=Tab::Me>
            <Suspense>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(Some(profile)) => view! { <SignedIn profile/> }.into_any(),
                        Ok(None) => view! { <SignedOut/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}

#[component]
fn SignedIn(profile: Profile) -> impl IntoView {
    let identity = if profile.verified {
        view! {
            <p class="profile__identity">
                {profile.name_masked.clone().unwrap_or_default()}" "
                <span class="mono">{profile.id_masked.clone().unwrap_or_default()}</span>" "
                <span class="badge badge--ok">{i18n::VERIFIED}</span>
            </p>
            <p class="lead">{i18n::verify_level(profile.verify_level)}</p>
        }
        .into_any()
    } else {
        view! {
            <p class="profile__identity">
                <span class="badge">{i18n::NOT_VERIFIED}</span>" "
                <a class="button" href="/me/verify">{i18n::VERIFY_GO}</a>
            </p>
        }
        .into_any()
    };
    view! {
        <section class="card profile">
            <h1 class="card__title">{profile.phone_masked.clone()}</h1>
            {identity}
        </section>
        <nav class="card menu" aria-label=i18n::TAB_ME>
            <ul class="menu__list">
                <li><a class="menu__item" href="/me/bookings">"我的预约"</a></li>
                <li><a class="menu__item" href="/me/family">{i18n::FAMILY}</a></li>
                <li><a class="menu__item" href="/me/addresses">{i18n::ADDRESSES}</a></li>
                <li>
                    <a class="menu__item" href="/me/elder">
                        {i18n::ELDER}
                        <span class="menu__state">
                            {if crate::session::elder() { i18n::ELDER_STATE_ON } else { i18n::ELDER_STATE_OFF }}
                        </span>
                    </a>
                </li>
                <li><a class="menu__item" href="/me/delete">{i18n::ERASE}</a></li>
            </ul>
        </nav>
        <form method="post" action="/me">
            <button class="button button--plain button--block" type="submit" name="intent" value="sign_out">
                {i18n::SIGN_OUT}
            </button>
        </form>
    }
}

#[component]
fn SignedOut() -> impl IntoView {
    let elder = crate::session::elder();
    let erased =
        leptos_router::hooks::use_query_map().with_untracked(|q| q.get("erased").is_some());
    view! {
        {erased.then(|| view! { <p class="card card--ok" role="status">{i18n::ERASE_DONE}</p> })}
        <section class="card profile">
            <h1 class="card__title">{i18n::ME_GUEST_TITLE}</h1>
            <p>{i18n::SIGN_IN_REQUIRED_BODY}</p>
            <a class="button button--block" href="/login">{i18n::SIGN_IN_OR_UP}</a>
        </section>
        <nav class="card menu" aria-label=i18n::TAB_ME>
            <ul class="menu__list">
                <li>
                    <a class="menu__item" href="/me/elder">
                        {i18n::ELDER}
                        <span class="menu__state">
                            {if elder { i18n::ELDER_STATE_ON } else { i18n::ELDER_STATE_OFF }}
                        </span>
                    </a>
                </li>
            </ul>
        </nav>
    }
}
