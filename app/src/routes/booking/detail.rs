use super::month_day;
use crate::api::{BookingDetail, cancel_booking, load_booking};
use crate::components::forms::{FormError, Hidden};
use crate::components::layout::{Frame, Tab};
use crate::forms::{go, posted};
use crate::routes::ErrorNotice;
use crate::routes::account::sign_in_first;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/me/bookings/{code}`: the confirmation — code and QR code for check-in, time, place,
/// window, what to bring, add to calendar, and cancel or move it before the cut-off.
#[component]
pub fn BookingPage() -> impl IntoView {
    let params = use_params_map();
    let moved = use_query_map().with_untracked(|q| q.get("moved").is_some());
    let page = Resource::new_blocking(
        move || params.with(|p| p.get("code").unwrap_or_default()),
        |code: String| async move {
            let error = match posted() {
                Some(_) => match cancel_booking(code.clone()).await {
                    Ok(()) => {
                        go(&format!("/me/bookings/{code}?cancelled=1"));
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
    view! {
        <Title text="预约详情"/>
        <Frame title="预约详情" back="/me/bookings" tab=Tab::Me>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok((d, error)) => view! { <Detail d error moved/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}

#[component]
fn Detail(d: BookingDetail, error: Option<String>, moved: bool) -> impl IntoView {
    let b = d.booking;
    let required: Vec<_> = d.materials.iter().filter(|m| m.required).cloned().collect();
    let active = b.status == domain::booking::BookingStatus::Booked;
    let code = b.code.clone();
    view! {
        {moved.then(|| view! { <p class="card card--notice" role="status">"改约成功，预约码不变。"</p> })}
        <section class="card booking" id="booking">
            <p class="booking__status">{b.status.label()}</p>
            <h1 class="card__title">{b.item_name.clone()}</h1>
            {active.then(|| view! {
                <figure class="booking__qr">
                    <div class="qr" inner_html=d.qr_svg.clone()></div>
                    <figcaption>"到大厅后出示二维码或报预约码签到（开始前 30 分钟至开始后 15 分钟）"</figcaption>
                </figure>
            })}
            <dl class="facts">
                <dt>"预约码"</dt><dd class="mono booking__code">{b.code.clone()}</dd>
                <dt>"时间"</dt><dd>{format!("{} 周{} {}–{}", month_day(b.date), b.weekday, b.start, b.end)}</dd>
                <dt>"地点"</dt><dd>{b.hall_name.clone()}<br/><span class="hint">{b.hall_address.clone()}</span></dd>
                <dt>"窗口"</dt><dd>{format!("{}窗口", b.department_name)}</dd>
                <dt>"办事人"</dt><dd>{b.for_whom.clone()}</dd>
                {b.queue_no.clone().map(|q| view! { <dt>"排队号"</dt><dd class="mono">{q}</dd> })}
                <dt>"咨询电话"</dt><dd><a href=format!("tel:{}", b.hall_phone)>{b.hall_phone.clone()}</a></dd>
            </dl>
            <a class="button button--plain" href=format!("/me/bookings/{}/ics", b.code) download=format!("banshi-{}.ics", b.code)>"添加到日历"</a>
        </section>
        <section class="card">
            <h2 class="card__title">"请带齐材料"</h2>
            <ul class="plain-list">
                {required.into_iter().map(|m| view! { <li>{m.name}{(m.originals > 0).then(|| format!("（原件 {} 份）", m.originals))}</li> }).collect_view()}
            </ul>
            <a class="link" href=format!("/guide/{}", b.item_code)>"查看完整办事指南"</a>
        </section>
        <section class="card" id="change">
            <h2 class="card__title">"取消或改约"</h2>
            <FormError error/>
            {if b.changeable {
                view! {
                    <p class="hint">{format!("可在 {} 前取消或改约；不能前往请提前取消，90 天内爽约 3 次将暂停预约 30 天。", d.cutoff)}</p>
                    <a class="button" href=format!("/book/{}?reschedule={code}", b.item_code)>"改约"</a>
                    <form method="post" action=format!("/me/bookings/{code}#change")>
                        <Hidden name="intent" value="cancel".to_owned()/>
                        <button class="button button--plain" type="submit">"取消预约"</button>
                    </form>
                }.into_any()
            } else {
                view! { <p class="hint">{if active { "已过取消和改约截止时间，如有变化请致电大厅。" } else { "这个预约已结束。" }}</p> }.into_any()
            }}
        </section>
    }
}
