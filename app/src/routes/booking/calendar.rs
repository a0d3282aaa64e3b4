use crate::api::{SpecialDay, close_day, load_calendar, remove_calendar_day, set_calendar_day};
use crate::components::forms::{FormError, Hidden, SelectField, TextField};
use crate::components::layout::StaffFrame;
use crate::forms::{Handled, handle, typed};
use crate::routes::ErrorNotice;
use crate::routes::staff::staff_sign_in_first;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/staff/calendar` (admins): the year's holidays and 调休 working days, seeded from the State
/// Council's notice and editable here; and closing the hall for a day (weather, outage).
#[component]
pub fn CalendarPage() -> impl IntoView {
    let query = use_query_map();
    let page = Resource::new_blocking(
        move || query.with(|q| q.get("year").and_then(|y| y.parse::<u16>().ok())),
        |year: Option<u16>| async move {
            let year = year.unwrap_or(2026);
            let done = handle(|f| async move {
                match f.intent().as_str() {
                    "remove" => remove_calendar_day(f.get("date"))
                        .await
                        .map(|()| format!("/staff/calendar?year={year}#days")),
                    "close" => close_day(f.get("date"), f.get("reason"))
                        .await
                        .map(|n| format!("/staff/calendar?year={year}&closed={n}#close")),
                    _ => set_calendar_day(f.get("date"), f.get("kind"), f.get("name"))
                        .await
                        .map(|()| format!("/staff/calendar?year={year}#days")),
                }
            })
            .await;
            let days = load_calendar(year).await;
            staff_sign_in_first(&days);
            days.map(|d| (year, d, done))
        },
    );
    let closed = query.with_untracked(|q| q.get("closed"));
    view! {
        <Title text="节假日与停办"/>
        <StaffFrame back="/staff/home">
            <Suspense>
                {move || {
                    let closed = closed.clone();
                    Suspend::new(async move {
                        match page.await {
                            Ok((year, days, done)) => view! { <Calendar year days done closed/> }.into_any(),
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
fn Calendar(
    year: u16,
    days: Vec<SpecialDay>,
    done: Handled,
    closed: Option<String>,
) -> impl IntoView {
    let set_error = done.error_for("set").or(done.error_for("remove"));
    let close_error = done.error_for("close");
    let kinds = vec![
        ("holiday".to_owned(), "放假".to_owned()),
        ("workday".to_owned(), "调休上班".to_owned()),
    ];
    view! {
        <section class="card" id="days">
            <h1 class="card__title">{format!("{year} 年节假日与调休")}</h1>
            <p class="hint">"放假的日子工作日时段关闭；调休上班的周末按工作日时段开放（不叠加周末时段）。"</p>
            <p class="week__nav">
                <a href=format!("/staff/calendar?year={}", year - 1)>{format!("‹ {} 年", year - 1)}</a>
                <a href=format!("/staff/calendar?year={}", year + 1)>{format!("{} 年 ›", year + 1)}</a>
            </p>
            <FormError error=set_error/>
            <table class="table">
                <thead><tr><th>"日期"</th><th>"类型"</th><th>"节日"</th><th></th></tr></thead>
                <tbody>
                    {days.into_iter().map(|d| view! {
                        <tr>
                            <td>{format!("{} 周{}", d.date, d.weekday)}</td>
                            <td>{if d.holiday { "放假" } else { "调休上班" }}</td>
                            <td>{d.name.clone()}</td>
                            <td>
                                <form method="post" action=format!("/staff/calendar?year={year}#days") class="inline">
                                    <Hidden name="intent" value="remove".to_owned()/>
                                    <Hidden name="date" value=d.date.clone()/>
                                    <button class="button button--plain" type="submit" aria-label=format!("删除 {}", d.date)>"删除"</button>
                                </form>
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
        <section class="card">
            <h2 class="card__title">"添加或修改"</h2>
            <form class="form" method="post" action=format!("/staff/calendar?year={year}#days")>
                <Hidden name="intent" value="set".to_owned()/>
                <TextField label="日期" name="date" kind="date" value=typed("date") required=true/>
                <SelectField label="类型" name="kind" options=kinds selected=typed("kind")/>
                <TextField label="节日名称" name="name" value=typed("name") hint="如：国庆节" maxlength=20 required=true/>
                <button class="button button--block" type="submit">"保存"</button>
            </form>
        </section>
        <section class="card" id="close">
            <h2 class="card__title">"大厅停办"</h2>
            <p class="hint">"恶劣天气、系统故障等需要停办时使用：当天的预约全部取消，并短信通知预约人；候补同时结束。"</p>
            {closed.map(|n| view! { <p class="card card--notice" role="status">{format!("已停办，取消预约 {n} 个，均已短信通知。")}</p> })}
            <FormError error=close_error/>
            <form class="form" method="post" action=format!("/staff/calendar?year={year}#close")>
                <Hidden name="intent" value="close".to_owned()/>
                <TextField label="停办日期" name="date" kind="date" value=typed("date") required=true/>
                <TextField label="停办原因" name="reason" value=typed("reason") hint="会发给已预约的群众，如：暴雨红色预警" maxlength=40 required=true/>
                <button class="button button--block" type="submit">"停办这一天"</button>
            </form>
        </section>
    }
}
