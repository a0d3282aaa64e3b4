use crate::components::layout::{AppBar, Notice, Tab, TabBar};
use crate::i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// A feature that is not built yet says so plainly and points to what works today. `tab` is
/// the bottom tab it lives under, if any; its label names the page.
#[component]
pub fn UnderConstruction(
    #[prop(optional)] tab: Option<Tab>,
    #[prop(optional)] title: Option<&'static str>,
) -> impl IntoView {
    let title = title.or(tab.map(Tab::label)).unwrap_or(i18n::COMING_SOON);
    let body = format!(
        "「{title}」功能{}，上线后将在这里提供。现在可以在首页查看热门服务的办事指南，或拨打 12345 政务服务便民热线咨询。",
        i18n::COMING_SOON
    );
    view! {
        <Title text=title/>
        <AppBar title=title/>
        <main class="page">
            <Notice title=format!("{title} · {}", i18n::COMING_SOON) body=body action=("/", i18n::HOME)/>
        </main>
        <TabBar current=tab/>
    }
}
