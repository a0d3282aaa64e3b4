use crate::api::{load_staff_me, staff_sign_in};
use crate::components::forms::{FormError, TextField};
use crate::components::layout::StaffFrame;
use crate::forms::{go, posted, typed};
use crate::i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/staff`: username and password.
#[component]
pub fn StaffSignInPage() -> impl IntoView {
    let page = Resource::new_blocking(
        || (),
        |_| async {
            match posted() {
                Some(f) => match staff_sign_in(f.get("username"), f.get("password")).await {
                    Ok(()) => {
                        go("/staff/home");
                        None
                    }
                    Err(e) => Some(e.to_string()),
                },
                None => {
                    if matches!(load_staff_me().await, Ok(Some(_))) {
                        go("/staff/home");
                    }
                    None
                }
            }
        },
    );
    view! {
        <Title text=i18n::STAFF_SIGN_IN/>
        <StaffFrame>
            <Suspense>
                {move || Suspend::new(async move {
                    let error = page.await;
                    view! {
                        <section class="card">
                            <h1 class="card__title">{i18n::STAFF_SIGN_IN}</h1>
                            <form class="form" method="post" action="/staff">
                                <FormError error/>
                                <TextField label=i18n::USERNAME name="username" value=typed("username")
                                    autocomplete="username" maxlength=32 required=true/>
                                <TextField label=i18n::PASSWORD name="password" kind="password"
                                    autocomplete="current-password" maxlength=128 required=true/>
                                <button class="button button--block" type="submit">{i18n::SIGN_IN}</button>
                            </form>
                        </section>
                    }
                })}
            </Suspense>
        </StaffFrame>
    }
}
