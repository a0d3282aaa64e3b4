use super::{AppBar, Tab, TabBar};
use leptos::prelude::*;

/// The frame of a citizen page: the top bar, the content, and the tab bar.
#[component]
pub fn Frame(
    #[prop(into)] title: String,
    #[prop(optional, into)] back: Option<String>,
    #[prop(optional)] tab: Option<Tab>,
    children: Children,
) -> impl IntoView {
    view! {
        <AppBar title=title back=back.unwrap_or_default()/>
        <main class="page">{children()}</main>
        <TabBar current=tab/>
    }
}

/// The frame of a staff page: no citizen tab bar.
#[component]
pub fn StaffFrame(
    #[prop(optional, into)] back: Option<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <AppBar title=crate::i18n::STAFF_AREA back=back.unwrap_or_default()/>
        <main class="page page--staff">{children()}</main>
    }
}
