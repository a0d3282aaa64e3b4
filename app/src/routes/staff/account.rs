use super::{staff_form, staff_sign_in_first};
use crate::api::{AppError, load_org, load_staff_member, reset_staff_password, update_staff};
use crate::components::forms::FormError;
use crate::components::layout::StaffFrame;
use crate::components::staff::StaffFields;
use crate::forms::posted;
use crate::i18n;
use crate::routes::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// What a post to this page did.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
enum Done {
    Saved,
    NewPassword(String),
}

/// `/staff/accounts/{id}` (admins): edit a staff account, or give it a new password.
#[component]
pub fn StaffAccountPage() -> impl IntoView {
    let raw = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let page = Resource::new_blocking(
        || (),
        move |_| {
            let raw = raw.clone();
            async move {
                let id: i64 = raw.parse().map_err(|_| AppError::NotFound)?;
                let outcome = match posted() {
                    Some(f) if f.intent() == "reset" => {
                        Some(reset_staff_password(id).await.map(Done::NewPassword))
                    }
                    Some(f) => Some(update_staff(id, staff_form(&f)).await.map(|_| Done::Saved)),
                    None => None,
                };
                let member = load_staff_member(id).await;
                staff_sign_in_first(&member);
                Ok((member?, load_org().await?, outcome))
            }
        },
    );
    view! {
        <Title text=i18n::STAFF_EDIT/>
        <StaffFrame back="/staff/accounts">
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok((member, org, outcome)) => {
                            let (done, error) = match outcome {
                                Some(Ok(done)) => (Some(done), None),
                                Some(Err(e)) => (None, Some(e.to_string())),
                                None => (None, None),
                            };
                            let keep = error.is_some();
                            let action = format!("/staff/accounts/{}", member.id);
                            view! {
                                {done.map(|done| match done {
                                    Done::Saved => view! {
                                        <p class="card card--ok" role="status">{i18n::SAVED}</p>
                                    }.into_any(),
                                    Done::NewPassword(password) => view! {
                                        <section class="card card--ok" role="status">
                                            <p>{i18n::NEW_PASSWORD}</p>
                                            <p class="password mono">{password}</p>
                                        </section>
                                    }.into_any(),
                                })}
                                <section class="card">
                                    <h1 class="card__title">{i18n::STAFF_EDIT}" · "{member.username.clone()}</h1>
                                    <form class="form" method="post" action=action.clone()>
                                        <FormError error/>
                                        <input type="hidden" name="username" value=member.username.clone()/>
                                        <StaffFields org keep current=member.clone()/>
                                        <button class="button button--block" type="submit" name="intent" value="save">{i18n::SAVE}</button>
                                    </form>
                                </section>
                                <form class="form" method="post" action=action>
                                    <button class="button button--plain button--block" type="submit" name="intent" value="reset">
                                        {i18n::RESET_PASSWORD}
                                    </button>
                                </form>
                            }.into_any()
                        }
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}
