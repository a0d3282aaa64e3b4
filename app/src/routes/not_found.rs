use crate::components::layout::{AppBar, Notice, TabBar};
use crate::i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// The 404 page, for unknown paths and unknown 事项 alike; it also sets the HTTP status.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=i18n::NOT_FOUND_TITLE/>
        <AppBar title=i18n::NOT_FOUND_TITLE back="/"/>
        <main class="page">
            <Notice title=i18n::NOT_FOUND_TITLE body=i18n::NOT_FOUND_BODY action=("/", i18n::HOME)/>
        </main>
        <TabBar current=None/>
    }
}

/// What a failed load shows: calm, no internals, a way on. Not-found gets the 404 page.
#[component]
pub fn LoadError(error: crate::api::AppError) -> impl IntoView {
    if error == crate::api::AppError::NotFound {
        return view! { <NotFound/> }.into_any();
    }
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::SERVICE_UNAVAILABLE);
    }
    view! {
        <Title text=i18n::UNAVAILABLE_TITLE/>
        <AppBar title=i18n::UNAVAILABLE_TITLE back="/"/>
        <main class="page">
            <Notice title=i18n::UNAVAILABLE_TITLE body=error.to_string() action=("/", i18n::HOME)/>
        </main>
        <TabBar current=None/>
    }
    .into_any()
}
