use leptos::prelude::*;

/// A full-width message with a heading: 404s, outages, pages still being built.
#[component]
pub fn Notice(
    #[prop(into)] title: String,
    #[prop(into)] body: String,
    /// A link to offer as the way on: (href, label).
    #[prop(optional)]
    action: Option<(&'static str, &'static str)>,
) -> impl IntoView {
    view! {
        <section class="notice" aria-labelledby="notice-title">
            <h1 id="notice-title" class="notice__title">{title}</h1>
            <p class="notice__body">{body}</p>
            {action.map(|(href, label)| view! { <a class="button" href=href>{label}</a> })}
        </section>
    }
}
