use crate::i18n;
use domain::ServiceItem;
use leptos::prelude::*;

/// The head of a guide: the 事项, what it promises (time, visits, online depth) and its tags,
/// then its particulars (limits compared, case type, category, 实施编码).
///
/// In 长辈版 (`brief`) the head keeps only what a citizen acts on — how long it takes, how many
/// visits, the buttons — and the particulars go to `GuideDetails`, after the materials, so
/// what to bring starts within the first screen.
#[component]
pub fn GuideFacts(item: ServiceItem, #[prop(optional)] brief: bool) -> impl IntoView {
    let tags = [
        (item.flags.online, item.depth.online_label()),
        (item.flags.bookable, i18n::BOOKABLE),
        (item.flags.weekend, i18n::WEEKEND_OK),
        (item.flags.postal, i18n::POSTAL_OK),
        (true, item.scope.label()),
    ];
    let promise_class = if brief {
        "promise promise--two"
    } else {
        "promise"
    };
    view! {
        <section class="card guide-head" aria-labelledby="guide-title">
            <h1 id="guide-title" class="guide-head__name">{item.name.clone()}</h1>
            <p class="guide-head__dept">{item.department.name.clone()}</p>
            <ul class="tags" aria-label="办理特点">
                {tags
                    .into_iter()
                    .filter(|(on, _)| *on)
                    .map(|(_, label)| view! { <li class="tag">{label}</li> })
                    .collect_view()}
            </ul>
            <div class=promise_class>
                <div class="promise__cell">
                    <span class="promise__value">{item.promised_limit.to_string()}</span>
                    <span class="promise__label">"承诺时限"</span>
                </div>
                <div class="promise__cell">
                    <span class="promise__value">{i18n::visits(item.visits.count)}</span>
                    <span class="promise__label">{i18n::VISITS}</span>
                </div>
                {(!brief).then(|| view! {
                    <div class="promise__cell">
                        <span class="promise__value">{i18n::depth(item.depth.numeral())}</span>
                        <span class="promise__label">{i18n::DEPTH}</span>
                    </div>
                })}
            </div>
            {(!brief).then(|| view! { <FactList item=item.clone()/> })}
            <div class="guide-head__actions">
                {item.flags.bookable.then(|| view! {
                    <a class="button" href=format!("/book/{}", item.code)>{i18n::BOOK}</a>
                })}
                {item.flags.online.then(|| view! {
                    <a class="button button--plain" href=format!("/apply/{}", item.code)>{i18n::APPLY_ONLINE}</a>
                })}
            </div>
        </section>
    }
}

/// 长辈版: the particulars of a guide in a card of their own, below the materials.
#[component]
pub fn GuideDetails(item: ServiceItem) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="details-title">
            <h2 id="details-title" class="card__title">{i18n::GUIDE_DETAILS}</h2>
            <FactList item/>
        </section>
    }
}

#[component]
fn FactList(item: ServiceItem) -> impl IntoView {
    let visits = if item.visits.count == 0 {
        i18n::ZERO_VISITS.to_owned()
    } else {
        let reason = item.visits.reason.clone().unwrap_or_default();
        format!("{}（{reason}）", i18n::visits(item.visits.count))
    };
    view! {
        <dl class="facts">
            <dt>{i18n::TIME_LIMIT}</dt>
            <dd>{item.limit_comparison()}</dd>
            <dt>{i18n::VISITS}</dt>
            <dd>{visits}</dd>
            <dt>{i18n::DEPTH}</dt>
            <dd>{format!("{}：{}", i18n::depth(item.depth.numeral()), item.depth.meaning())}</dd>
            <dt>{i18n::CASE_TYPE}</dt>
            <dd>{item.case_type.label()}</dd>
            <dt>{i18n::CATEGORY}</dt>
            <dd>{item.category.label()}</dd>
            <dt>{i18n::DEPARTMENT}</dt>
            <dd>{item.department.name.clone()}</dd>
            <dt>{i18n::CODE}</dt>
            <dd class="mono">{item.code.to_string()}</dd>
        </dl>
    }
}
