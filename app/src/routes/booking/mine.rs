use super::month_day;
use crate::api::{AppError, MyBookings, accept_offer, leave_waitlist, load_my_bookings};
use crate::components::forms::{FormError, Hidden};
use crate::components::layout::{Frame, Tab};
use crate::forms::{form_key, posted, settle};
use crate::routes::ErrorNotice;
use crate::routes::account::sign_in_first;
use domain::booking::{BookingStatus, WaitView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/me/bookings` (我的预约): active bookings first, then past ones; the waitlist with any
/// place held for the citizen, to accept or let go.
#[component]
pub fn MyBookingsPage() -> impl IntoView {
    // What the citizen has just done on the waitlist (`?done=`), said where the page opens.
    let done = use_query_map().with_untracked(|q| match q.get("done").as_deref() {
        Some("waiting") => Some(crate::i18n::WAITING_DONE),
        Some("left") => Some(crate::i18n::LEFT_WAIT_DONE),
        _ => None,
    });
    let page = Resource::new_blocking(
        || (),
        |_| async {
            let form = posted();
            let error = match &form {
                Some(f) => {
                    let done = match f.intent().as_str() {
                        "accept" => accept_offer(f.get("wait_id"), f.get("request_key"))
                            .await
                            .map(|b| super::detail::after(&b.code, "booked")),
                        _ => leave_waitlist(f.get("wait_id"))
                            .await
                            .map(|()| "/me/bookings?done=left#done".to_owned()),
                    };
                    settle(done)
                }
                None => None,
            };
            let loaded: Result<MyBookings, AppError> = load_my_bookings().await;
            sign_in_first(&loaded, "/me/bookings");
            loaded.map(|m| (m, error, form_key(form.as_ref())))
        },
    );
    view! {
        <Title text=done.map_or_else(|| "我的预约".to_owned(), |d| format!("{d} 我的预约"))/>
        <Frame title="我的预约" back="/me" tab=Tab::Me>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok((mine, error, key)) => view! {
                            {done.map(|text| view! {
                                <p class="card card--ok done" id="done" role="status" tabindex="-1">{text}</p>
                            })}
                            <Lists mine error key/>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}

#[component]
fn Lists(mine: MyBookings, error: Option<String>, key: String) -> impl IntoView {
    let suspended = mine.suspended_until.map(|until| view! {
        <section class="card card--notice"><p role="alert">{format!("因 90 天内爽约 3 次，{until} 前暂停新的预约。按时签到或提前取消不算爽约。")}</p></section>
    });
    let bookings = if mine.bookings.is_empty() {
        view! { <p class="empty">"还没有预约。在办事指南中点“预约办理”即可预约，周末也可办理的部门周六、周日也开放。"</p> }.into_any()
    } else {
        view! {
            <ul class="menu__list">
                {mine.bookings.into_iter().map(|b| {
                    let badge = if b.status == BookingStatus::Booked { "badge" } else { "badge badge--muted" };
                    view! {
                        <li><a class="menu__item" href=format!("/me/bookings/{}", b.code)>
                            <span>
                                {b.item_name.clone()}" "<span class=badge>{crate::i18n::booking_status(b.status)}</span><br/>
                                <span class="hint">{format!("{} 周{} {}–{} · {}{}窗口 · {}", month_day(b.date), b.weekday.label(), b.start, b.end, b.hall_name, b.department_name, crate::i18n::for_whom(&b.for_whom))}</span>
                            </span>
                        </a></li>
                    }
                }).collect_view()}
            </ul>
        }.into_any()
    };
    let waits = (!mine.waits.is_empty()).then(|| view! {
        <section class="card" id="waits">
            <h2 class="card__title">"候补"</h2>
            <FormError error/>
            <ul class="plain-list">
                {mine.waits.into_iter().map(|w| view! { <Wait w key=key.clone()/> }).collect_view()}
            </ul>
        </section>
    });
    view! {
        {suspended}
        <section class="card">
            <h1 class="card__title">"我的预约"</h1>
            {bookings}
        </section>
        {waits}
    }
}

#[component]
fn Wait(w: WaitView, key: String) -> impl IntoView {
    let status = crate::i18n::wait_status(&w);
    let live = w.status.is_live();
    let offered = w.status == domain::booking::WaitStatus::Offered;
    view! {
        <li class="wait">
            <p><strong>{w.item_name.clone()}</strong>" · "{w.hall_name.clone()}" · "{month_day(w.date)}</p>
            <p class=if offered { "wait__offer" } else { "hint" }>{status}</p>
            {live.then(|| view! {
                <div class="wait__actions">
                    {offered.then(|| view! {
                        <form method="post" action="/me/bookings#waits">
                            <Hidden name="intent" value="accept".to_owned()/>
                            <Hidden name="wait_id" value=w.id.to_string()/>
                            <Hidden name="request_key" value=key.clone()/>
                            <button class="button" type="submit">"确认预约"</button>
                        </form>
                    })}
                    <form method="post" action="/me/bookings#waits">
                        <Hidden name="intent" value="leave".to_owned()/>
                        <Hidden name="wait_id" value=w.id.to_string()/>
                        <button class="button button--plain" type="submit">{if offered { "放弃" } else { "退出候补" }}</button>
                    </form>
                </div>
            })}
        </li>
    }
}
