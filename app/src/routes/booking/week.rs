use super::month_day;
use domain::booking::{DayState, DayView};
use leptos::prelude::*;

/// Seven days as links: weekends and holidays marked, full days 已约满, days not yet released
/// with the release time. `link` makes a day's address.
#[component]
pub fn WeekStrip(
    days: Vec<DayView>,
    selected: Option<domain::CivilDate>,
    link: impl Fn(domain::CivilDate) -> String + 'static,
) -> impl IntoView {
    view! {
        <ol class="week">
            {days.into_iter().map(|d| {
                // Short on the strip (seven fit in 360 px); whole in the label read aloud.
                let (state, said, class) = match &d.state {
                    DayState::Open { remaining } => (format!("余{remaining}"), format!("余 {remaining}"), "week__day--open"),
                    DayState::Full => ("约满".to_owned(), "已约满".to_owned(), "week__day--full"),
                    DayState::NotYet { opens } => ("未放号".to_owned(), format!("{} 放号", domain::booking::when_text(*opens)), "week__day--later"),
                    DayState::Over => ("截止".to_owned(), "已截止".to_owned(), "week__day--over"),
                    DayState::Closed { why } => ("休".to_owned(), format!("不开放：{}", crate::i18n::closed_why(why)), "week__day--closed"),
                };
                let mut classes = format!("week__day {class}");
                if d.weekday.is_weekend() { classes.push_str(" week__day--weekend"); }
                if selected == Some(d.date) { classes.push_str(" week__day--selected"); }
                let note = crate::i18n::day_note(&d.kind).or_else(|| d.weekday.is_weekend().then(|| "周末".to_owned()));
                let label = format!("{} 周{} {}", month_day(d.date), d.weekday.label(), said);
                view! {
                    <li>
                        <a class=classes href=link(d.date) aria-label=label
                            aria-current=(selected == Some(d.date)).then_some("date")>
                            <span class="week__weekday">"周"{d.weekday.label()}</span>
                            <span class="week__date">{format!("{}/{}", d.date.month(), d.date.day())}</span>
                            {note.map(|n| view! { <span class="week__note">{n}</span> })}
                            <span class="week__state">{state}</span>
                        </a>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
