use crate::i18n;
use domain::ServiceItem;
use leptos::prelude::*;

/// The rest of a guide after the materials: conditions, steps, fees, basis, where and when,
/// whom to call.
#[component]
pub fn GuideSections(item: ServiceItem) -> impl IntoView {
    let consult = format!("tel:{}", item.consult_phone);
    let supervise = format!("tel:{}", item.supervise_phone);
    view! {
        <section class="card" aria-labelledby="conditions-title">
            <h2 id="conditions-title" class="card__title">{i18n::CONDITIONS}</h2>
            <ul class="bullets">
                {item.conditions.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
            </ul>
        </section>
        <section class="card" aria-labelledby="steps-title">
            <h2 id="steps-title" class="card__title">{i18n::STEPS}</h2>
            <ol class="steps">
                {item.steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
            </ol>
        </section>
        <section class="card" aria-labelledby="fee-title">
            <h2 id="fee-title" class="card__title">{i18n::FEE_SECTION}</h2>
            <dl class="facts">
                <dt>{i18n::FEE}</dt>
                <dd>{item.fee.standard}</dd>
                {item.fee.basis.map(|b| view! { <dt>{i18n::FEE_BASIS}</dt><dd>{b}</dd> })}
                <dt>{i18n::LEGAL_BASIS}</dt>
                <dd>{item.legal_basis}</dd>
            </dl>
        </section>
        <section class="card" aria-labelledby="where-title">
            <h2 id="where-title" class="card__title">{i18n::WHERE_WHEN}</h2>
            <dl class="facts">
                <dt>{i18n::LOCATION}</dt>
                <dd>{item.location}</dd>
                <dt>{i18n::HOURS}</dt>
                <dd>{item.hours}</dd>
                <dt>{i18n::SCOPE}</dt>
                <dd>{item.scope.label()}</dd>
                <dt>{i18n::CONSULT_PHONE}</dt>
                <dd><a href=consult>{item.consult_phone}</a></dd>
                <dt>{i18n::SUPERVISE_PHONE}</dt>
                <dd><a href=supervise>{item.supervise_phone}</a></dd>
            </dl>
        </section>
    }
}
