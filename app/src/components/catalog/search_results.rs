use crate::api::SearchResult;
use leptos::prelude::*;

/// Search results as a list of links to their guides, the matched characters marked.
#[component]
pub fn SearchResults(results: Vec<SearchResult>) -> impl IntoView {
    view! {
        <ul class="results">
            {results
                .into_iter()
                .map(|r| {
                    let href = format!("/guide/{}", r.summary.code);
                    let meta = format!("{} · {}", r.summary.department, r.summary.promised_limit);
                    view! {
                        <li>
                            <a class="result" href=href>
                                <span class="result__name">
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
                                </span>
                                <span class="result__meta">{meta}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
