use crate::api::{load_bundles, search_services};
use crate::components::catalog::{BundleTiles, SearchBox, SearchResults, ServiceGrid};
use crate::components::layout::{Frame, Tab};
use crate::i18n;
use crate::routes::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/search?q=`: the search box (a GET form, so it works without JavaScript) and what it
/// found: a page of the app the query names first, then the 事项, best match first, the
/// matched characters marked. Nothing fits well: say so, offer the closest themes and the
/// 12345 hotline, then the results as "maybe". Nothing found: say so, suggest another way,
/// and show the hot services.
#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map()
        .with_untracked(|q| q.get("q"))
        .unwrap_or_default();
    let page = Resource::new_blocking(
        move || query.clone(),
        |query: String| async move {
            let bundles = load_bundles(String::new(), query.clone()).await?;
            Ok::<_, crate::api::AppError>((search_services(query).await?, bundles))
        },
    );
    view! {
        <Title text=i18n::SEARCH_TITLE/>
        <Frame title=i18n::SEARCH_TITLE back="/" tab=Tab::Services>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok((found, bundles)) => {
                            let heading = if found.query.is_empty() {
                                i18n::SEARCH_TITLE.to_owned()
                            } else if found.results.is_empty() {
                                i18n::found_none(&found.query)
                            } else if found.weak {
                                i18n::found_weak(&found.query)
                            } else {
                                i18n::found(found.results.len())
                            };
                            let none = !found.query.is_empty() && found.results.is_empty();
                            let weak = found.weak && !none;
                            let page = found.page.map(|page| {
                                let (label, href) = i18n::app_page(page);
                                view! {
                                    <nav class="card menu" aria-label=i18n::SEARCH_APP_PAGE>
                                        <ul class="menu__list">
                                            <li><a class="menu__item" href=href>
                                                <span>{i18n::go_to(label)}</span>
                                            </a></li>
                                        </ul>
                                    </nav>
                                }
                            });
                            let themes = found.closest_themes.clone();
                            view! {
                                <section class="card search-card">
                                    <SearchBox value=found.query.clone()/>
                                </section>
                                {page}
                                <BundleTiles bundles/>
                                <section class="card" aria-labelledby="results-title">
                                    <h1 id="results-title" class="card__title">{heading}</h1>
                                    {if found.query.is_empty() {
                                        view! { <p class="lead">{i18n::SEARCH_EMPTY_PROMPT}</p> }.into_any()
                                    } else if none {
                                        view! { <p class="lead">{i18n::SEARCH_NONE_HINT}</p>
                                            <a class="button" href="/services">{i18n::BROWSE_THEMES}</a> }.into_any()
                                    } else if weak {
                                        view! {
                                            <p class="lead">{i18n::SEARCH_WEAK_HINT}</p>
                                            <ul class="chips">
                                                {themes.into_iter().map(|theme| view! {
                                                    <li><a class="chip" href=format!("/theme/{}", theme.slug())>{theme.label()}</a></li>
                                                }).collect_view()}
                                                <li><a class="chip" href="/services">{i18n::BROWSE_THEMES}</a></li>
                                                <li><a class="chip" href="tel:12345">{i18n::SEARCH_HOTLINE}</a></li>
                                            </ul>
                                            <h2 class="card__title">{i18n::SEARCH_MAYBE}</h2>
                                            <SearchResults results=found.results/>
                                        }.into_any()
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
