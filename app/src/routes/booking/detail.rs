use super::month_day;
use crate::api::{BookingDetail, cancel_booking, load_booking};
use crate::components::forms::{FormError, Hidden};
use crate::components::layout::{Frame, Tab};
use crate::forms::{go, posted};
use crate::i18n;
use crate::routes::ErrorNotice;
use crate::routes::account::sign_in_first;
use domain::booking::BookingStatus;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// What the citizen has just done, as the redirect after it says (`?done=`): the page opens
/// on that message (`#done`), and the page title repeats it for screen readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Done {
    Booked,
    Moved,
    Cancelled,
}

impl Done {
    pub(crate) fn parse(text: &str) -> Option<Self> {
        match text {
            "booked" => Some(Self::Booked),
            "moved" => Some(Self::Moved),
            "cancelled" => Some(Self::Cancelled),
            _ => None,
        }
    }

    fn message(self) -> &'static str {
        match self {
            Self::Booked => i18n::BOOKED_DONE,
            Self::Moved => i18n::MOVED_DONE,
            Self::Cancelled => i18n::CANCELLED_DONE,
        }
    }

    fn title(self) -> &'static str {
        match self {
            Self::Booked => "预约成功",
            Self::Moved => "改约成功",
            Self::Cancelled => "已取消预约",
        }
    }
}

/// Where a booking's page opens after `done`.
pub(crate) fn after(code: &str, done: &str) -> String {
    format!("/me/bookings/{code}?done={done}#done")
}

/// `/me/bookings/{code}`: the confirmation — code and QR code for check-in, time, place,
/// window, what to bring, add to calendar, and move or cancel it before the cut-off.
/// Cancelling asks first (`?cancel=ask`, a page of its own, the same with JavaScript off).
#[component]
pub fn BookingPage() -> impl IntoView {
    let params = use_params_map();
    let (done, asking) = use_query_map().with_untracked(|q| {
        (
            q.get("done").as_deref().and_then(Done::parse),
            q.get("cancel").as_deref() == Some("ask"),
        )
    });
    let page = Resource::new_blocking(
        move || params.with(|p| p.get("code").unwrap_or_default()),
        |code: String| async move {
            let error = match posted() {
                Some(_) => match cancel_booking(code.clone()).await {
                    Ok(()) => {
                        go(&after(&code, "cancelled"));
                        None
                    }
                    Err(e) => Some(e.to_string()),
                },
                None => None,
            };
            let loaded = load_booking(code.clone()).await;
            sign_in_first(&loaded, &format!("/me/bookings/{code}"));
            loaded.map(|d| (d, error))
        },
    );
    let title = match (done, asking) {
        (Some(done), _) => format!("{}：预约详情", done.title()),
        (None, true) => format!("{}：预约详情", i18n::CANCEL_BOOKING),
        (None, false) => "预约详情".to_owned(),
    };
    view! {
        <Title text=title/>
        <Frame title="预约详情" back="/me/bookings" tab=Tab::Me>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok((d, error)) => view! { <Detail d error done asking/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}

#[component]
fn Detail(
    d: BookingDetail,
    error: Option<String>,
    done: Option<Done>,
    asking: bool,
) -> impl IntoView {
    let b = d.booking;
    let required: Vec<_> = d.materials.iter().filter(|m| m.required).cloned().collect();
    let active = b.status == BookingStatus::Booked;
    let code = b.code.clone();
    let here = format!("/me/bookings/{code}");
    let ics = format!("/me/bookings/{code}/ics");
    let ics_name = format!("banshi-{code}.ics");
    // The place to ask again: on top, where the page opens, not next to 改约.
    let changeable = b.changeable;
    let ask = ((asking && changeable) || error.is_some()).then(|| {
        let here = here.clone();
        view! {
            <section class="card card--notice" id="cancel" aria-labelledby="cancel-title">
                <h2 id="cancel-title" class="card__title">
                    {if changeable { i18n::CANCEL_ASK } else { i18n::CANCEL_BOOKING }}
                </h2>
                <FormError error/>
                {changeable.then(|| view! {
                    <p>{format!("{} · {} 周{} {}–{}", b.item_name, month_day(b.date), b.weekday.label(), b.start, b.end)}</p>
                    <p class="hint">{i18n::CANCEL_ASK_HINT}</p>
                    <div class="actions">
                        <form method="post" action=format!("{here}?cancel=ask#cancel")>
                            <Hidden name="intent" value="cancel".to_owned()/>
                            <button class="button button--danger" type="submit">{i18n::CANCEL_CONFIRM}</button>
                        </form>
                        <a class="button button--plain" href=format!("{here}#booking")>{i18n::CANCEL_KEEP}</a>
                    </div>
                })}
            </section>
        }
    });
    let ended = match b.status {
        BookingStatus::Cancelled => Some(i18n::CANCELLED_BY_CITIZEN),
        BookingStatus::Closed => Some(i18n::CANCELLED_BY_HALL),
        BookingStatus::Done | BookingStatus::NoShow => Some(i18n::BOOKING_OVER),
        BookingStatus::Booked | BookingStatus::CheckedIn => None,
    };
    let calendar = if active {
        Some(
            view! { <a class="button button--plain" href=ics.clone() download=ics_name.clone()>{i18n::ADD_TO_CALENDAR}</a> },
        )
    } else if domain::booking::cancels_event(b.status) {
        Some(
            view! { <a class="button button--plain" href=ics.clone() download=ics_name.clone()>{i18n::REMOVE_FROM_CALENDAR}</a> },
        )
    } else {
        None
    };
    view! {
        {done.map(|done| view! {
            <p class="card card--ok done" id="done" role="status" tabindex="-1">{done.message()}</p>
        })}
        {ask}
        <section class="card booking" id="booking">
            <p class=if active { "booking__status" } else { "booking__status booking__status--ended" }>{crate::i18n::booking_status(b.status)}</p>
            <h1 class="card__title">{b.item_name.clone()}</h1>
            {ended.map(|text| view! { <p class="booking__ended">{text}</p> })}
            {active.then(|| view! {
                <figure class="booking__qr">
                    <div class="qr" inner_html=d.qr_svg.clone()></div>
                    <figcaption>"到大厅后出示二维码或报预约码签到（开始前 30 分钟至开始后 15 分钟）"</figcaption>
                </figure>
            })}
            <dl class="facts">
                <dt>"预约码"</dt><dd class="mono booking__code">{b.code.clone()}</dd>
                <dt>"时间"</dt><dd>{format!("{} 周{} {}–{}", month_day(b.date), b.weekday.label(), b.start, b.end)}</dd>
                <dt>"地点"</dt><dd>{b.hall_name.clone()}<br/><span class="hint">{b.hall_address.clone()}</span></dd>
                <dt>"窗口"</dt><dd>{format!("{}窗口", b.department_name)}</dd>
                <dt>"办事人"</dt><dd>{crate::i18n::for_whom(&b.for_whom)}</dd>
                {b.queue_no.clone().map(|q| view! { <dt>"排队号"</dt><dd class="mono">{q}</dd> })}
                <dt>"咨询电话"</dt><dd><a href=format!("tel:{}", b.hall_phone)>{b.hall_phone.clone()}</a></dd>
            </dl>
            {calendar}
        </section>
        {active.then(|| view! {
            <section class="card" id="change">
                <h2 class="card__title">{i18n::RESCHEDULE}</h2>
                {if b.changeable {
                    view! {
                        <p class="hint">{format!("可在 {} 前改约或取消；不能前往请提前取消，90 天内爽约 3 次将暂停预约 30 天。", d.cutoff)}</p>
                        <a class="button" href=format!("/book/{}?reschedule={code}", b.item_code)>{i18n::RESCHEDULE}</a>
                    }.into_any()
                } else {
                    view! { <p class="hint">"已过取消和改约截止时间，如有变化请致电大厅。"</p> }.into_any()
                }}
            </section>
        })}
        <section class="card">
            <h2 class="card__title">"请带齐材料"</h2>
            <ul class="plain-list">
                {required.into_iter().map(|m| view! { <li>{m.name}{(m.originals > 0).then(|| format!("（原件 {} 份）", m.originals))}</li> }).collect_view()}
            </ul>
            <a class="link" href=format!("/guide/{}", b.item_code)>"查看完整办事指南"</a>
        </section>
        {(b.changeable && !asking).then(|| view! {
            <section class="card booking__cancel">
                <h2 class="card__title">{i18n::CANCEL_BOOKING}</h2>
                <p class="hint">"不能前往请提前取消，名额会让给其他人。"</p>
                <a class="link-button" href=format!("{here}?cancel=ask#cancel")>{i18n::CANCEL_BOOKING}"…"</a>
            </section>
        })}
    }
}
