use crate::i18n;
use leptos::prelude::*;

/// A plain GET form to `/search`: works before and without JavaScript, keeps what was typed.
#[component]
pub fn SearchBox(value: String) -> impl IntoView {
    view! {
        <form class="search" role="search" method="get" action="/search">
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
            />
            <button class="search__button" type="submit">{i18n::SEARCH_BUTTON}</button>
        </form>
    }
}
