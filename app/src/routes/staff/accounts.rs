use super::{staff_form, staff_sign_in_first};
use crate::api::{Org, create_staff, list_staff, load_org};
use crate::components::forms::{FormError, TextField};
use crate::components::layout::StaffFrame;
use crate::components::staff::{StaffFields, StaffTable};
use crate::forms::{posted, typed};
use crate::i18n;
use crate::routes::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/staff/accounts` (admins): every staff account, and a form to create one. A new
/// account's generated first password is shown once, on the page that created it.
#[component]
pub fn StaffAccountsPage() -> impl IntoView {
    let page = Resource::new_blocking(
        || (),
        |_| async {
            let created = match posted() {
                Some(f) => Some(
                    create_staff(staff_form(&f))
                        .await
                        .map_err(|e| e.to_string()),
                ),
                None => None,
            };
            let listed = list_staff().await;
            staff_sign_in_first(&listed);
            let org: Org = load_org().await?;
            listed.map(|all| (all, org, created))
        },
    );
    view! {
        <Title text=i18n::STAFF_ACCOUNTS/>
        <StaffFrame back="/staff/home">
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok((all, org, created)) => {
                            let (notice, error) = match created {
                                Some(Ok((member, password))) => (Some((member.username, password)), None),
                                Some(Err(e)) => (None, Some(e)),
                                None => (None, None),
                            };
                            let keep = error.is_some();
                            view! {
                                {notice.map(|(username, password)| view! {
                                    <section class="card card--ok" role="status">
                                        <h2 class="card__title">{username}</h2>
                                        <p>{i18n::FIRST_PASSWORD}</p>
                                        <p class="password mono">{password}</p>
                                    </section>
                                })}
                                <section class="card">
                                    <h1 class="card__title">{i18n::STAFF_ACCOUNTS}</h1>
                                    <StaffTable all org=org.clone()/>
                                </section>
                                <section class="card">
                                    <h2 class="card__title">{i18n::STAFF_NEW}</h2>
                                    <form class="form" method="post" action="/staff/accounts">
                                        <FormError error/>
                                        <TextField label=i18n::USERNAME name="username"
                                            value=if keep { typed("username") } else { String::new() }
                                            autocomplete="off" maxlength=32 required=true/>
                                        <StaffFields org keep/>
                                        <button class="button button--block" type="submit">{i18n::STAFF_CREATE}</button>
                                    </form>
                                </section>
                            }.into_any()
                        }
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}
