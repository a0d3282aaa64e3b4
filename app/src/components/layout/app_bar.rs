use super::ElderSwitch;
use crate::i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The blue bar at the top of every page. With `back`, a 返回 link leads there, or to where
/// the citizen came from when the request says (`?from=`, or a list as `Referer`: see `back`). The title
/// names the area, not the page: each page's own `<h1>` is in its content. On the right, the
/// 长辈版 switch, on every page, so that whoever needs large type finds it at once.
#[component]
pub fn AppBar(
    /// The page's title, read out first by screen readers.
    #[prop(into)]
    title: String,
    /// The page's parent, where 返回 goes unless the citizen came from elsewhere; home pages
    /// have none.
    #[prop(optional, into)]
    back: Option<String>,
) -> impl IntoView {
    view! {
        <header class="app-bar">
            {back
                .filter(|href| !href.is_empty())
                .map(|parent| super::back_target(&parent))
                .map(|href| view! { <a class="app-bar__back" href=href aria-label=i18n::BACK>"‹"</a> })}
            <p class="app-bar__title">{title}</p>
            <ElderToggle/>
        </header>
    }
}

/// The 长辈版 switch for this page: on or off as the request says, coming back here.
#[component]
pub fn ElderToggle() -> impl IntoView {
    let location = use_location();
    let path = location.pathname.get_untracked();
    let search = location.search.get_untracked();
    let search = search.trim_start_matches('?');
    let here = if search.is_empty() {
        path
    } else {
        format!("{path}?{search}")
    };
    view! { <ElderSwitch on=crate::session::elder() here/> }
}
