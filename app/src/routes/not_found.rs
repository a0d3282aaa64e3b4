use crate::api::AppError;
use crate::components::layout::{AppBar, Notice, TabBar};
use crate::i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// The 404 page for unknown paths: the app's frame around the not-found notice.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <AppBar title=i18n::APP_NAME back="/"/>
        <main class="page">
            <ErrorNotice error=AppError::NotFound/>
        </main>
        <TabBar current=None/>
    }
}

/// What a failed load shows inside a page's frame — calm, nothing internal, a way on — and
/// the HTTP status it answers with (404 for what does not exist, 503 for our failures).
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    error.set_status();
    let (title, body) = match &error {
        AppError::NotFound => (i18n::NOT_FOUND_TITLE, i18n::NOT_FOUND_BODY.to_owned()),
        AppError::BadInput(_) | AppError::TooMany { .. } | AppError::Refused(_) => {
            (i18n::BAD_INPUT_TITLE, error.to_string())
        }
        AppError::SignInRequired => (
            i18n::SIGN_IN_REQUIRED,
            i18n::SIGN_IN_REQUIRED_BODY.to_owned(),
        ),
        AppError::Forbidden => (i18n::FORBIDDEN_TITLE, i18n::FORBIDDEN_BODY.to_owned()),
        AppError::Unavailable | AppError::Transport | AppError::Busy => {
            (i18n::UNAVAILABLE_TITLE, i18n::UNAVAILABLE_BODY.to_owned())
        }
    };
    view! {
        <Title text=title/>
        <Notice title=title body=body action=("/", i18n::HOME)/>
    }
}
