use crate::components::layout::{AppBar, Notice, Tab, TabBar};
use crate::i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// A tab that is not built yet says so plainly and points to what works today.
#[component]
pub fn UnderConstruction(tab: &'static str) -> impl IntoView {
    let current = match tab {
        i18n::TAB_SERVICES => Some(Tab::Services),
        i18n::TAB_PROGRESS => Some(Tab::Progress),
        i18n::TAB_ME => Some(Tab::Me),
        _ => None,
    };
    let body = format!(
        "「{tab}」功能{}，上线后将在这里提供。现在可以在首页查看热门服务的办事指南，或拨打 12345 政务服务便民热线咨询。",
        i18n::COMING_SOON
    );
    view! {
        <Title text=tab/>
        <AppBar title=tab/>
        <main class="page">
            <Notice title=format!("{tab} · {}", i18n::COMING_SOON) body=body action=("/", i18n::HOME)/>
        </main>
        <TabBar current=current/>
    }
}
