use crate::i18n;
use domain::booking::when_text;
use domain::case::TimelineEntry;
use leptos::prelude::*;

/// What happened to the case, newest first: the step, who (role and department, never a
/// clerk's name), when, the reason given and the materials asked for.
#[component]
pub fn Timeline(entries: Vec<TimelineEntry>) -> impl IntoView {
    view! {
        <ol class="timeline" reversed=true>
            {entries.into_iter().rev().map(|e| view! {
                <li class="timeline__item">
                    <p class="timeline__what">{i18n::case_action(e.action)}</p>
                    <p class="timeline__meta">{format!("{} · {}", when_text(e.at), i18n::acted_by(&e.by))}</p>
                    {e.note.map(|n| view! { <p class="timeline__note">{n}</p> })}
                    {(!e.wanted.is_empty()).then(|| {
                        let labels: Vec<String> = e.wanted.iter().map(|(_, l)| l.clone()).collect();
                        view! { <p class="timeline__note">{format!("需补正：{}", labels.join("、"))}</p> }
                    })}
                </li>
            }).collect_view()}
        </ol>
    }
}
