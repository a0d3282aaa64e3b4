use super::FlowChart;
use crate::i18n;
use domain::bundle::BundleView;
use domain::case::CaseState;
use leptos::prelude::*;

/// A submitted 一件事: how far it is, the flow chart with each item's state, and each item
/// with its own state, clock and what it waits for, leading to the item's own page; once
/// all is done, the services that usually come next.
#[component]
pub fn BundleTrack(bundle: BundleView) -> impl IntoView {
    let p = bundle.progress;
    let mut summary = format!("共 {} 项，已办结 {} 项", p.total, p.finished);
    if p.needs_supplement > 0 {
        summary.push_str(&format!("，{} 项需要您补正", p.needs_supplement));
    }
    if p.stopped > 0 {
        summary.push_str(&format!("，{} 项未通过或已撤回", p.stopped));
    }
    let follow_ups = (!bundle.follow_ups.is_empty()).then(|| {
        view! {
            <section class="card" id="next">
                <h2 class="card__title">"接下来您可能还需要办理"</h2>
                <ul class="list">
                    {bundle.follow_ups.iter().map(|(code, name)| view! {
                        <li class="list__item"><a href=format!("/guide/{code}")>{name.clone()}</a></li>
                    }).collect_view()}
                </ul>
            </section>
        }
    });
    view! {
        <section class="card" id="items">
            <h2 class="card__title">"各事项办理情况"</h2>
            <p class="lead">{summary}</p>
            <FlowChart boxes=bundle.flow.clone()/>
            <ul class="list bundle-parts">
                {bundle.parts.iter().map(|part| {
                    let chip = match part.state {
                        CaseState::NeedsSupplement => "badge badge--warn",
                        CaseState::NotAccepted | CaseState::Denied | CaseState::Withdrawn => "badge badge--muted",
                        s if s.is_finished() => "badge badge--ok",
                        _ => "badge",
                    };
                    let waiting = (part.state == CaseState::Waiting && !part.waiting_for.is_empty())
                        .then(|| format!("等「{}」办结后自动提交", part.waiting_for.join("」「")));
                    view! {
                        <li class="list__item">
                            <a href=format!("/cases/{}", part.case_id)><strong>{part.item_name.clone()}</strong></a>
                            <p class="case__state">
                                <span class=chip>{i18n::case_state(part.state)}</span>
                                " "
                                {part.deadline.map(|d| view! { <span class="case__clock">{i18n::deadline_text(&d)}</span> })}
                            </p>
                            <p class="hint">{part.department_name.clone()}{waiting.map(|w| format!(" · {w}"))}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        {follow_ups}
    }
}
