use crate::i18n;
use domain::Hall;
use leptos::prelude::*;

/// The 周末不打烊 notice: which departments open on weekends, where and when.
#[component]
pub fn WeekendNotice(departments: Vec<String>, hall: Option<Hall>) -> impl IntoView {
    let list = departments.join("、");
    view! {
        <section class="card card--notice" aria-labelledby="weekend-title">
            <h2 id="weekend-title" class="card__title">{i18n::WEEKEND_TITLE}</h2>
            <p>{format!("{list}窗口周六、周日照常办理，上班族不用请假。")}</p>
            {hall.map(|h| {
                let tel = format!("tel:{}", h.phone);
                view! {
                    <dl class="facts facts--compact">
                        <dt>{i18n::LOCATION}</dt><dd>{format!("{}（{}）", h.name, h.address)}</dd>
                        <dt>{i18n::HOURS}</dt><dd>{h.hours}<br/>{h.weekend_hours}</dd>
                        <dt>{i18n::CONSULT_PHONE}</dt><dd><a href=tel>{h.phone}</a></dd>
                    </dl>
                }
            })}
        </section>
    }
}
