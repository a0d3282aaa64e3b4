use crate::api::{AppError, check_in, load_desk, ticket_done, walk_in};
use crate::components::forms::{FormError, Hidden, TextField};
use crate::components::layout::StaffFrame;
use crate::forms::{handle, typed};
use crate::routes::ErrorNotice;
use crate::routes::staff::staff_sign_in_first;
use domain::booking::{BookingStatus, HallDesk};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/staff/desk` (今日预约): check a booking in by its code (a hall scanner types the QR code
/// into the field, which has focus), hand out walk-in numbers, mark numbers served.
#[component]
pub fn DeskPage() -> impl IntoView {
    let issued = use_query_map().with_untracked(|q| q.get("ticket"));
    let page = Resource::new_blocking(
        || (),
        |_| async {
            let done = handle(|f| async move {
                match f.intent().as_str() {
                    "walk_in" => walk_in(f.get("department"))
                        .await
                        .map(|t| format!("/staff/desk?ticket={t}")),
                    "done" => ticket_done(f.get("label"))
                        .await
                        .map(|()| "/staff/desk#tickets".to_owned()),
                    _ => check_in(f.get("code"))
                        .await
                        .map(|t| format!("/staff/desk?ticket={t}")),
                }
            })
            .await;
            let desk: Result<HallDesk, AppError> = load_desk().await;
            staff_sign_in_first(&desk);
            desk.map(|d| (d, done.error))
        },
    );
    view! {
        <Title text="今日预约"/>
        <StaffFrame back="/staff/home">
            <Suspense>
                {move || {
                    let issued = issued.clone();
                    Suspend::new(async move {
                        match page.await {
                            Ok((desk, error)) => view! { <Desk desk error issued/> }.into_any(),
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </StaffFrame>
    }
}

#[component]
fn Desk(desk: HallDesk, error: Option<String>, issued: Option<String>) -> impl IntoView {
    view! {
        <section class="card">
            <h1 class="card__title">{format!("{} · {}月{}日", desk.hall_name, desk.date.month(), desk.date.day())}</h1>
            {issued.map(|t| view! { <p class="ticket" role="status">"排队号 "<strong class="mono">{t}</strong></p> })}
            <form class="form" method="post" action="/staff/desk">
                <FormError error/>
                <Hidden name="intent" value="check_in".to_owned()/>
                <TextField label="预约码" name="code" value=typed("code") hint="扫描二维码或输入 8 位预约码" maxlength=12 required=true autocomplete="off" autofocus=true/>
                <button class="button button--block" type="submit">"签到并取号"</button>
            </form>
        </section>
        <section class="card">
            <h2 class="card__title">"今日预约"</h2>
            {if desk.bookings.is_empty() {
                view! { <p class="empty">"今天您负责的窗口没有预约。"</p> }.into_any()
            } else {
                view! {
                    <table class="table">
                        <thead><tr><th>"时间"</th><th>"事项"</th><th>"办事人"</th><th>"状态"</th></tr></thead>
                        <tbody>
                            {desk.bookings.into_iter().map(|b| view! {
                                <tr>
                                    <td>{b.start.clone()}</td>
                                    <td>{b.item_name.clone()}<br/><span class="mono hint">{b.code.clone()}</span></td>
                                    <td>{b.person.clone()}</td>
                                    <td>{match (&b.status, &b.queue_no) {
                                        (BookingStatus::CheckedIn, Some(q)) => format!("已签到 {q}"),
                                        (s, _) => crate::i18n::booking_status(*s).to_owned(),
                                    }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
        <section class="card" id="tickets">
            <h2 class="card__title">"排队号"</h2>
            <ul class="plain-list">
                {desk.tickets.into_iter().map(|(label, department, code, done)| view! {
                    <li class="ticket-row">
                        <span class="mono">{label.clone()}</span>" "{department}" "
                        <span class="hint">{code.unwrap_or_else(|| "现场取号".to_owned())}</span>
                        {if done {
                            view! { <span class="badge badge--muted">"已办结"</span> }.into_any()
                        } else {
                            view! {
                                <form method="post" action="/staff/desk#tickets" class="inline">
                                    <Hidden name="intent" value="done".to_owned()/>
                                    <Hidden name="label" value=label/>
                                    <button class="button button--plain" type="submit">"办结"</button>
                                </form>
                            }.into_any()
                        }}
                    </li>
                }).collect_view()}
            </ul>
            <WalkIn/>
        </section>
    }
}

/// 现场取号 for someone without a booking.
#[component]
fn WalkIn() -> impl IntoView {
    view! {
        <form class="form" method="post" action="/staff/desk">
            <Hidden name="intent" value="walk_in".to_owned()/>
            <DepartmentChoice/>
            <button class="button button--plain button--block" type="submit">"现场取号"</button>
        </form>
    }
}

/// The clerk's departments (codes and names come from the staff record and the org list).
#[component]
fn DepartmentChoice() -> impl IntoView {
    let org = Resource::new_blocking(
        || (),
        |_| async {
            let me = crate::api::load_staff_me()
                .await?
                .ok_or(AppError::SignInRequired)?;
            let org = crate::api::load_org().await?;
            Ok::<_, AppError>((me, org))
        },
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                org.await.ok().map(|(me, org)| view! {
                    <label class="field">
                        <span class="field__label">"窗口"</span>
                        <select name="department" class="field__input">
                            {me.departments.iter().map(|d| view! {
                                <option value=d.clone()>{org.department_names(std::slice::from_ref(d))}</option>
                            }).collect_view()}
                        </select>
                    </label>
                })
            })}
        </Suspense>
    }
}
