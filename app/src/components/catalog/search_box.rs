use crate::i18n;
use leptos::prelude::*;

/// The search box: a plain GET form to `/search`, which works before and without
/// JavaScript and keeps what was typed. Once this island hydrates it also suggests as you
/// type — after a pause, one request at a time, and only for what is still in the box — so
/// a slow network is not flooded with a request per keystroke.
// A plain component when the whole page hydrates (bench/hydration.sh builds that way).
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn SearchBox(value: String) -> impl IntoView {
    let (typed, set_typed) = signal(value.clone());
    let (suggestions, set_suggestions) = signal(Vec::<crate::api::SearchResult>::new());
    // Effects run only in the browser: the mark tells tests the suggestions are live.
    let (live, set_live) = signal(false);
    Effect::new(move |_| set_live.set(true));
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        set_typed.set(text.clone());
        #[cfg(feature = "hydrate")]
        suggest::after_pause(text, typed, set_suggestions);
        // On the server this never runs; the signals are the browser's.
        #[cfg(not(feature = "hydrate"))]
        let _ = (text, typed, set_suggestions);
    };
    view! {
        <form class="search" role="search" method="get" action="/search" data-live=move || live.get().then_some("true")>
            <label class="visually-hidden" for="q">{i18n::SEARCH_LABEL}</label>
            <input
                id="q"
                class="search__input"
                type="search"
                name="q"
                value=value
                placeholder=i18n::SEARCH_PLACEHOLDER
                maxlength="50"
                enterkeyhint="search"
                autocomplete="off"
                aria-controls="q-suggestions"
                on:input=on_input
            />
            <button class="search__button" type="submit">{i18n::SEARCH_BUTTON}</button>
            <ul id="q-suggestions" class="suggest" aria-label=i18n::SUGGESTIONS hidden=move || suggestions.with(Vec::is_empty)>
                <For
                    each=move || suggestions.get()
                    key=|r| r.summary.code.to_string()
                    children=|r| {
                        let href = format!("/guide/{}", r.summary.code);
                        view! {
                            <li>
                                <a class="suggest__item" href=href>
                                    {r.name_runs
                                        .into_iter()
                                        .map(|(text, marked)| {
                                            if marked {
                                                view! { <mark>{text}</mark> }.into_any()
                                            } else {
                                                text.into_any()
                                            }
                                        })
                                        .collect_view()}
                                </a>
                            </li>
                        }
                    }
                />
            </ul>
        </form>
    }
}

#[cfg(feature = "hydrate")]
mod suggest {
    use crate::api::{SearchResult, suggest_services};
    use leptos::prelude::*;
    use std::cell::{Cell, RefCell};
    use std::time::Duration;

    /// How long typing must pause before suggestions are asked for.
    const PAUSE: Duration = Duration::from_millis(300);

    thread_local! {
        static TIMER: Cell<Option<TimeoutHandle>> = const { Cell::new(None) };
        static WANTED: RefCell<Option<String>> = const { RefCell::new(None) };
        static ASKING: Cell<bool> = const { Cell::new(false) };
    }

    /// Restarts the pause timer; when it runs out, asks for `text` unless a request is out,
    /// in which case the newest text is asked for when that one answers.
    pub fn after_pause(
        text: String,
        typed: ReadSignal<String>,
        set: WriteSignal<Vec<SearchResult>>,
    ) {
        if let Some(handle) = TIMER.with(Cell::take) {
            handle.clear();
        }
        if text.trim().is_empty() {
            set.set(Vec::new());
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                WANTED.with(|w| *w.borrow_mut() = Some(text));
                if !ASKING.with(|a| a.replace(true)) {
                    leptos::task::spawn_local(ask(typed, set));
                }
            },
            PAUSE,
        );
        TIMER.with(|t| t.set(handle.ok()));
    }

    async fn ask(typed: ReadSignal<String>, set: WriteSignal<Vec<SearchResult>>) {
        while let Some(query) = WANTED.with(|w| w.borrow_mut().take()) {
            let found = suggest_services(query.clone()).await.unwrap_or_default();
            // An answer for what is no longer in the box is dropped.
            if typed.get_untracked() == query {
                set.set(found);
            }
        }
        ASKING.with(|a| a.set(false));
    }
}
