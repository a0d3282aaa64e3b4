use super::month_day;
use super::week::WeekStrip;
use crate::api::{
    BookPage as Page, book, join_waitlist, load_book_page, load_booking, reschedule_booking,
};
use crate::components::forms::{FormError, Hidden};
use crate::components::layout::{Frame, Tab};
use crate::forms::encode_next;
use crate::forms::{form_key, posted, settle, typed};
use crate::routes::ErrorNotice;
use domain::booking::DayState;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Wanted {
    item: String,
    hall: Option<String>,
    week: Option<String>,
    date: Option<String>,
    /// Moving this booking instead of making a new one.
    reschedule: Option<String>,
}

impl Wanted {
    fn href(&self, hall: Option<&str>, week: Option<&str>, date: Option<&str>) -> String {
        let mut q = Vec::new();
        if let Some(h) = hall {
            q.push(format!("hall={h}"));
        }
        if let Some(w) = week {
            q.push(format!("week={w}"));
        }
        if let Some(d) = date {
            q.push(format!("date={d}"));
        }
        if let Some(r) = &self.reschedule {
            q.push(format!("reschedule={r}"));
        }
        let query = if q.is_empty() {
            String::new()
        } else {
            format!("?{}", q.join("&"))
        };
        format!("/book/{}{query}", self.item)
    }

    fn here(&self) -> String {
        self.href(
            self.hall.as_deref(),
            self.week.as_deref(),
            self.date.as_deref(),
        )
    }
}

/// `/book/{code}` (预约办理): hall → a week of days → the day's slots → for whom → confirm.
/// Everything is links and forms; with `?reschedule=CODE` the same steps move a booking.
#[component]
pub fn BookPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let wanted = move || {
        let q = query.get();
        Wanted {
            item: params.with(|p| p.get("code").unwrap_or_default()),
            hall: q.get("hall").filter(|s| !s.is_empty()),
            week: q.get("week").filter(|s| !s.is_empty()),
            date: q.get("date").filter(|s| !s.is_empty()),
            reschedule: q.get("reschedule").filter(|s| !s.is_empty()),
        }
    };
    let page = Resource::new_blocking(wanted, |w: Wanted| async move {
        let form = posted();
        let error = match &form {
            Some(f) => {
                let done = match f.intent().as_str() {
                    "wait" => join_waitlist(
                        w.item.clone(),
                        f.get("hall"),
                        f.get("date"),
                        f.get("member"),
                        f.get("request_key"),
                    )
                    .await
                    .map(|_| "/me/bookings?done=waiting#done".to_owned()),
                    "reschedule" => reschedule_booking(f.get("code"), f.get("slot_id"))
                        .await
                        .map(|b| super::detail::after(&b.code, "moved")),
                    _ => book(
                        w.item.clone(),
                        f.get("slot_id"),
                        f.get("member"),
                        f.get("request_key"),
                    )
                    .await
                    // An explicit fragment: the browser would otherwise keep "#slots".
                    .map(|b| super::detail::after(&b.code, "booked")),
                };
                settle(done)
            }
            None => None,
        };
        let loaded = load_book_page(
            w.item.clone(),
            w.hall.clone(),
            w.week.clone(),
            w.date.clone(),
        )
        .await;
        // Moving a booking: its current slot, shown above the choice of a new one.
        let current = match &w.reschedule {
            Some(code) => load_booking(code.clone())
                .await
                .ok()
                .map(|d| d.booking)
                .filter(|b| b.item_code == w.item),
            None => None,
        };
        loaded.map(|p| (p, w, current, error, form_key(form.as_ref())))
    });
    // Back to the booking being moved, else to the 事项's guide.
    let parent = query.with_untracked(|q| match q.get("reschedule").filter(|s| !s.is_empty()) {
        Some(code) => format!("/me/bookings/{}", encode_next(&code)),
        None => format!(
            "/guide/{}",
            encode_next(&params.with_untracked(|p| p.get("code").unwrap_or_default()))
        ),
    });
    view! {
        <Title text=crate::i18n::BOOK/>
        <Frame title=crate::i18n::BOOK back=parent tab=Tab::Services>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok((p, w, current, error, key)) => view! { <Steps p w current error key/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}

#[component]
fn Steps(
    p: Page,
    w: Wanted,
    current: Option<domain::booking::BookingView>,
    error: Option<String>,
    key: String,
) -> impl IntoView {
    let hall_code = p.hall.as_ref().map(|h| h.code.clone());
    let week_start = p.week_start.clone();
    let link_w = w.clone();
    let hc = hall_code.clone();
    let ws = week_start.clone();
    let day_link = move |d: domain::CivilDate| {
        format!(
            "{}#slots",
            link_w.href(hc.as_deref(), Some(&ws), Some(&d.to_string()))
        )
    };
    let halls = (p.halls.len() > 1).then(|| {
        let w = w.clone();
        view! {
            <section class="card">
                <h2 class="card__title">"选择大厅"</h2>
                <ul class="menu__list">
                    {p.halls.iter().map(|h| {
                        let current = Some(&h.code) == hall_code.as_ref();
                        view! {
                            <li><a class="menu__item" href=w.href(Some(&h.code), None, None)
                                aria-current=current.then_some("true")>
                                <span>{h.name.clone()}<br/><span class="hint">{h.address.clone()}</span></span>
                            </a></li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    });
    let weeks = p.hall.clone().map(|hall| {
        let prev = p.prev_week.clone().map(|pw| w.href(Some(&hall.code), Some(&pw), None));
        let next = w.href(Some(&hall.code), Some(&p.next_week), None);
        let selected = p.day.as_ref().map(|d| d.date);
        view! {
            <section class="card" id="days">
                <h2 class="card__title">"选择日期"</h2>
                <p class="hint">{hall.name.clone()}" · "{p.department_name.clone()}"窗口 · 周末不打烊的部门周六、周日也可预约"</p>
                <WeekStrip days=p.week.clone() selected link=day_link/>
                <p class="week__nav">
                    {prev.map(|href| view! { <a href=href>"‹ 上一周"</a> })}
                    <a href=next>"下一周 ›"</a>
                </p>
            </section>
        }
    });
    let day = p.day.clone().map(
        |d| view! { <Day p=p.clone() w=w.clone() day=d error=error.clone() key=key.clone()/> },
    );
    view! {
        <section class="card">
            <h1 class="card__title">{p.item_name.clone()}</h1>
            <p class="hint">{p.department_name.clone()}
                {w.reschedule.clone().map(|c| view! { " · 改约预约 "<span class="mono">{c}</span> })}
            </p>
            {current.map(|b| view! {
                <dl class="facts current-slot">
                    <dt>{crate::i18n::CURRENT_SLOT}</dt>
                    <dd>
                        <strong>{format!("{} 周{} {}–{}", month_day(b.date), b.weekday.label(), b.start, b.end)}</strong>
                        <br/><span class="hint">{b.hall_name}</span>
                    </dd>
                </dl>
                <p class="hint">"请在下方选择新的日期和时段，确认改约后原时段释放。"</p>
            })}
            <a class="link" href=format!("/guide/{}", p.item_code)>"查看办事指南和所需材料"</a>
        </section>
        {halls}
        {weeks}
        {day}
    }
}

#[component]
fn Day(
    p: Page,
    w: Wanted,
    day: domain::booking::DayView,
    error: Option<String>,
    key: String,
) -> impl IntoView {
    let here = w.here();
    let title = format!("{} 周{}", month_day(day.date), day.weekday.label());
    let hall = p.hall.as_ref().map(|h| h.code.clone()).unwrap_or_default();
    let gate = if !p.signed_in {
        Some(view! {
            <p>"预约前请先登录。"</p>
            <a class="button" href=format!("/login?next={}", encode_next(&here))>"登录后预约"</a>
        }.into_any())
    } else if !p.verified {
        Some(view! {
            <p>"预约需要实名认证，认证一次即可。"</p>
            <a class="button" href=format!("/me/verify?next={}", encode_next(&here))>"去实名认证"</a>
        }.into_any())
    } else {
        p.suspended_until.clone().map(|until| {
            view! {
                <p class="form-error" role="alert">{format!("因多次爽约，{until} 前暂停预约。")}</p>
            }
            .into_any()
        })
    };
    let members = move || {
        let mut options = vec![("self".to_owned(), "本人".to_owned())];
        options.extend(p.family.iter().map(|m| {
            (
                m.id.to_string(),
                format!("{}（{}）", m.name_masked, m.relation.label()),
            )
        }));
        let chosen = typed("member");
        view! {
            <label class="field">
                <span class="field__label">"为谁预约"</span>
                <select name="member" class="field__input">
                    {options.into_iter().map(|(v, l)| {
                        let selected = v == chosen;
                        view! { <option value=v selected=selected>{l}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    let body = match (&day.state, gate) {
        (_, Some(gate)) if !matches!(day.state, DayState::Closed { .. } | DayState::Over | DayState::NotYet { .. }) => gate,
        (DayState::Open { .. }, None) => {
            let chosen = typed("slot_id");
            let reschedule = w.reschedule.clone();
            view! {
                <form class="form" method="post" action=format!("{here}#slots")>
                    <FormError error/>
                    <Hidden name="request_key" value=key/>
                    <Hidden name="intent" value=if reschedule.is_some() { "reschedule".to_owned() } else { "book".to_owned() }/>
                    {reschedule.clone().map(|c| view! { <Hidden name="code" value=c/> })}
                    <fieldset class="slots">
                        <legend class="field__label">"选择时段（显示剩余名额）"</legend>
                        {day_slots(&p.slots, &chosen)}
                    </fieldset>
                    {reschedule.is_none().then(members)}
                    <button class="button button--block" type="submit">
                        {if reschedule.is_some() { "确认改约" } else { "确认预约" }}
                    </button>
                </form>
            }.into_any()
        }
        (DayState::Full, None) if w.reschedule.is_none() => view! {
            <p>"这一天已约满。加入候补后，有人取消时按排队顺序为您保留名额 15 分钟，并短信通知您确认。"</p>
            <form class="form" method="post" action=format!("{here}#slots")>
                <FormError error/>
                <Hidden name="request_key" value=key/>
                <Hidden name="intent" value="wait".to_owned()/>
                <Hidden name="hall" value=hall/>
                <Hidden name="date" value=day.date.to_string()/>
                {members()}
                <button class="button button--block" type="submit">"加入候补"</button>
            </form>
        }.into_any(),
        (DayState::Full, None) => view! { <p>"这一天已约满，请选择其他日期。"</p> }.into_any(),
        (DayState::NotYet { opens }, _) => view! { <p>{format!("这一天的号源将于 {} 放出。", domain::booking::when_text(*opens))}</p> }.into_any(),
        (DayState::Over, _) => view! { <p>"这一天已过预约截止时间，请选择其他日期。"</p> }.into_any(),
        (DayState::Closed { why }, _) => view! { <p>{format!("这一天不开放预约：{}。", crate::i18n::closed_why(why))}</p> }.into_any(),
        (_, Some(gate)) => gate,
    };
    view! {
        <section class="card" id="slots">
            <h2 class="card__title">{title}
                {crate::i18n::day_note(&day.kind).map(|n| view! { " "<span class="badge">{n}</span> })}
                {matches!(day.state, DayState::Full).then(|| view! { " "<span class="badge badge--warn">"已约满"</span> })}
            </h2>
            {body}
        </section>
    }
}

/// One radio button a slot; a full or closed slot is shown but cannot be chosen.
fn day_slots(slots: &[domain::booking::SlotView], chosen: &str) -> impl IntoView + use<> {
    slots
        .iter()
        .map(|s| {
            let usable = !s.closed && s.remaining > 0;
            let state = if s.closed {
                "已截止".to_owned()
            } else if s.remaining == 0 {
                "已约满".to_owned()
            } else {
                format!("余 {}", s.remaining)
            };
            let checked = usable && chosen == s.id.to_string();
            view! {
                <label class=if usable { "slot" } else { "slot slot--off" }>
                    <input type="radio" name="slot_id" value=s.id.to_string() disabled=!usable checked=checked required=true/>
                    <span class="slot__text">
                        <span class="slot__time">{format!("{}–{}", s.start, s.end)}</span>
                        <span class="slot__left">{state}</span>
                    </span>
                </label>
            }
        })
        .collect_view()
}
