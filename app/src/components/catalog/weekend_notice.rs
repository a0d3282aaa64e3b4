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
            <p>
                {if list.is_empty() {
                    "周末窗口安排请以服务大厅公告为准。".to_owned()
                } else {
                    format!("{list}窗口周六、周日照常办理，上班族不用请假。")
                }}
            </p>
            {hall.map(|h| {
                let tel = format!("tel:{}", h.phone);
                view! {
                    <dl class="facts facts--compact">
                        <dt>{i18n::LOCATION}</dt><dd>{h.name}<br/>{h.address}</dd>
                        <dt>{i18n::HOURS}</dt><dd>{h.hours}<br/>{h.weekend_hours}</dd>
                        <dt>{i18n::CONSULT_PHONE}</dt><dd><a href=tel>{h.phone}</a></dd>
                    </dl>
                }
            })}
            <a class="button" href="/book">"预约周末办理"</a>
        </section>
    }
}
