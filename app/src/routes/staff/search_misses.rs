use super::staff_sign_in_first;
use crate::api::load_search_misses;
use crate::components::layout::StaffFrame;
use crate::i18n;
use crate::routes::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/staff/search-misses` (admins): the searches that found nothing, most frequent first.
#[component]
pub fn SearchMissesPage() -> impl IntoView {
    let page = Resource::new_blocking(
        || (),
        |_| async {
            let misses = load_search_misses().await;
            staff_sign_in_first(&misses);
            misses
        },
    );
    view! {
        <Title text=i18n::STAFF_SEARCH_MISSES/>
        <StaffFrame back="/staff/home">
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(misses) => view! {
                            <section class="card">
                                <h1 class="card__title">{i18n::STAFF_SEARCH_MISSES}</h1>
                                <p class="lead">{i18n::SEARCH_MISSES_LEAD}</p>
                                {if misses.is_empty() {
                                    view! { <p class="empty">{i18n::SEARCH_MISSES_EMPTY}</p> }.into_any()
                                } else {
                                    view! {
                                        <table class="table">
                                            <thead><tr>
                                                <th scope="col">{i18n::SEARCH_TITLE}</th>
                                                <th scope="col">{i18n::TIMES}</th>
                                                <th scope="col">{i18n::LAST_SEARCHED}</th>
                                            </tr></thead>
                                            <tbody>
                                                {misses.into_iter().map(|m| view! {
                                                    <tr><td>{m.query}</td><td>{m.count}</td><td>{m.last_day}</td></tr>
                                                }).collect_view()}
                                            </tbody>
                                        </table>
                                    }.into_any()
                                }}
                            </section>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}
