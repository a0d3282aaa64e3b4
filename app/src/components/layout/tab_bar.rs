use crate::i18n;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Home,
    Services,
    Progress,
    Me,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Home, Tab::Services, Tab::Progress, Tab::Me];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Home => i18n::TAB_HOME,
            Tab::Services => i18n::TAB_SERVICES,
            Tab::Progress => i18n::TAB_PROGRESS,
            Tab::Me => i18n::TAB_ME,
        }
    }

    fn href(self) -> &'static str {
        match self {
            Tab::Home => "/",
            Tab::Services => "/services",
            Tab::Progress => "/progress",
            Tab::Me => "/me",
        }
    }

    fn icon(self) -> &'static str {
        match self {
            Tab::Home => "⌂",
            Tab::Services => "▦",
            Tab::Progress => "◷",
            Tab::Me => "◉",
        }
    }
}

/// The bottom navigation of the four main tabs; the current one is marked for screen readers.
#[component]
pub fn TabBar(current: Option<Tab>) -> impl IntoView {
    view! {
        <nav class="tab-bar" aria-label=i18n::TABS_LABEL>
            {Tab::ALL
                .into_iter()
                .map(|tab| {
                    let current = (current == Some(tab)).then_some("page");
                    view! {
                        <a class="tab-bar__tab" href=tab.href() aria-current=current>
                            <span class="tab-bar__icon" aria-hidden="true">{tab.icon()}</span>
                            <span>{tab.label()}</span>
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}
