use super::staff_sign_in_first;
use crate::api::{AppError, load_org, load_staff_me, staff_sign_out};
use crate::components::layout::StaffFrame;
use crate::forms::{go, posted};
use crate::i18n;
use crate::routes::ErrorNotice;
use domain::StaffAction;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/staff/home` (工作台): who is signed in, their role and scope, and what they can open.
#[component]
pub fn StaffHomePage() -> impl IntoView {
    let page = Resource::new_blocking(
        || (),
        |_| async {
            if posted().is_some_and(|f| f.intent() == "sign_out") {
                staff_sign_out().await?;
                go("/staff");
                return Ok(None);
            }
            let me = load_staff_me()
                .await
                .and_then(|me| me.ok_or(AppError::SignInRequired));
            staff_sign_in_first(&me);
            let me = me?;
            Ok(Some((me, load_org().await?)))
        },
    );
    view! {
        <Title text=i18n::STAFF_HOME/>
        <StaffFrame>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(None) => ().into_any(),
                        Ok(Some((me, org))) => view! {
                            <section class="card">
                                <h1 class="card__title">{i18n::STAFF_HOME}" · "{me.display_name.clone()}</h1>
                                <dl class="facts">
                                    <dt>{i18n::USERNAME}</dt><dd>{me.username.clone()}</dd>
                                    <dt>{i18n::ROLE}</dt><dd>{me.role.label()}</dd>
                                    <dt>{i18n::HALL}</dt><dd>{org.hall_name(me.hall_code.as_deref()).unwrap_or_else(|| i18n::NO_HALL.to_owned())}</dd>
                                    <dt>{i18n::DEPARTMENTS}</dt><dd>{org.department_names(&me.departments)}</dd>
                                </dl>
                            </section>
                            {
                                // Each link shows only to those whose pages would let them in.
                                let may = |action| domain::may(&me, action, &domain::Reach::ANY);
                                let links = [
                                    (StaffAction::SeeDesk, "/staff/desk", "今日预约与签到"),
                                    (StaffAction::HandleCases, "/staff/cases", "办件受理"),
                                    (StaffAction::DecideCases, "/staff/cases", "办件审批"),
                                    (StaffAction::ManageStaff, "/staff/accounts", i18n::STAFF_ACCOUNTS),
                                    (StaffAction::ManageCalendar, "/staff/calendar", "节假日与停办"),
                                    (StaffAction::ReadSearchMisses, "/staff/search-misses", i18n::STAFF_SEARCH_MISSES),
                                ];
                                let links: Vec<_> = links.into_iter().filter(|(action, _, _)| may(*action)).collect();
                                (!links.is_empty()).then(|| view! {
                                    <nav class="card menu"><ul class="menu__list">
                                        {links.into_iter().map(|(_, href, label)| view! {
                                            <li><a class="menu__item" href=href>{label}</a></li>
                                        }).collect_view()}
                                    </ul></nav>
                                })
                            }
                            <form method="post" action="/staff/home">
                                <button class="button button--plain button--block" type="submit" name="intent" value="sign_out">
                                    {i18n::SIGN_OUT}
                                </button>
                            </form>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}
