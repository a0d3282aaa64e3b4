use crate::api::search_services;
use crate::components::catalog::{SearchBox, SearchResults, ServiceGrid};
use crate::components::layout::{Frame, Tab};
use crate::i18n;
use crate::routes::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/search?q=`: the search box (a GET form, so it works without JavaScript) and what it
/// found, best match first, the matched characters marked. Nothing found: say so, suggest
/// another way, and show the hot services.
#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map()
        .with_untracked(|q| q.get("q"))
        .unwrap_or_default();
    let page = Resource::new_blocking(move || query.clone(), search_services);
    view! {
        <Title text=i18n::SEARCH_TITLE/>
        <Frame title=i18n::SEARCH_TITLE back="/" tab=Tab::Services>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(found) => {
                            let heading = if found.query.is_empty() {
                                None
                            } else if found.results.is_empty() {
                                Some(i18n::found_none(&found.query))
                            } else {
                                Some(i18n::found(found.results.len()))
                            };
                            let none = !found.query.is_empty() && found.results.is_empty();
                            view! {
                                <section class="card search-card">
                                    <SearchBox value=found.query.clone()/>
                                </section>
                                <section class="card" aria-labelledby="results-title">
                                    <h1 id="results-title" class="card__title">
                                        {heading.clone().unwrap_or_else(|| i18n::SEARCH_TITLE.to_owned())}
                                    </h1>
                                    {if found.query.is_empty() {
                                        view! { <p class="lead">{i18n::SEARCH_EMPTY_PROMPT}</p> }.into_any()
                                    } else if none {
                                        view! { <p class="lead">{i18n::SEARCH_NONE_HINT}</p>
                                            <a class="button" href="/services">{i18n::BROWSE_THEMES}</a> }.into_any()
                                    } else {
                                        view! { <SearchResults results=found.results/> }.into_any()
                                    }}
                                </section>
                                {none.then(|| view! { <ServiceGrid title=i18n::HOT_SERVICES services=found.hot/> })}
                            }.into_any()
                        }
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}
