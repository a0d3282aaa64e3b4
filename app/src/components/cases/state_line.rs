use crate::i18n;
use domain::case::{CaseState, CaseSummary};
use leptos::prelude::*;

/// The state chip and, from 受理 on, the clock in words (overdue in the warning colour). A
/// submitted 一件事 reads as its items stand (its own record only says it was sent).
#[component]
pub fn StateLine(summary: CaseSummary) -> impl IntoView {
    let state = summary.bundle.map_or(summary.state, |p| p.state());
    let chip = match state {
        CaseState::NeedsSupplement => "badge badge--warn",
        CaseState::NotAccepted | CaseState::Denied | CaseState::Withdrawn => "badge badge--muted",
        s if s.is_decided() => "badge badge--ok",
        _ => "badge",
    };
    let clock = summary.deadline.map(|d| {
        let class = if d.overdue() {
            "case__clock case__clock--late"
        } else {
            "case__clock"
        };
        view! { <span class=class>{i18n::deadline_text(&d)}</span> }
    });
    view! {
        <p class="case__state">
            <span class=chip>{i18n::case_state(state)}</span>
            " "
            {clock}
        </p>
    }
}
