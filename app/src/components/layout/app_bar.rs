use crate::i18n;
use leptos::prelude::*;

/// The blue bar at the top of every page. With `back`, a 返回 link leads there. The title
/// names the area, not the page: each page's own `<h1>` is in its content.
#[component]
pub fn AppBar(
    /// The page's title, read out first by screen readers.
    #[prop(into)]
    title: String,
    /// Where 返回 goes; home pages have none.
    #[prop(optional, into)]
    back: Option<String>,
) -> impl IntoView {
    view! {
        <header class="app-bar">
            {back.map(|href| view! { <a class="app-bar__back" href=href aria-label=i18n::BACK>"‹"</a> })}
            <p class="app-bar__title">{title}</p>
        </header>
    }
}
