use crate::i18n;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Home,
    Services,
    Progress,
    Me,
}

/// The bottom navigation of the four main tabs; the current one is marked for screen readers.
#[component]
pub fn TabBar(current: Option<Tab>) -> impl IntoView {
    let tabs = [
        (Tab::Home, "/", i18n::TAB_HOME, "⌂"),
        (Tab::Services, "/services", i18n::TAB_SERVICES, "▦"),
        (Tab::Progress, "/progress", i18n::TAB_PROGRESS, "◷"),
        (Tab::Me, "/me", i18n::TAB_ME, "◉"),
    ];
    view! {
        <nav class="tab-bar" aria-label=i18n::TABS_LABEL>
            {tabs
                .into_iter()
                .map(|(tab, href, label, icon)| {
                    let current = (current == Some(tab)).then_some("page");
                    view! {
                        <a class="tab-bar__tab" href=href aria-current=current>
                            <span class="tab-bar__icon" aria-hidden="true">{icon}</span>
                            <span>{label}</span>
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}
