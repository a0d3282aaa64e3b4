use super::sign_in_first;
use crate::api::{AppError, add_address, load_addresses, remove_address};
use crate::components::forms::{FormError, Hidden, TextField};
use crate::components::layout::{Frame, Tab};
use crate::forms::{handle, typed};
use crate::i18n;
use crate::routes::ErrorNotice;
use domain::PostalAddress;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/me/addresses` (收件地址): where results can be posted to.
#[component]
pub fn AddressesPage() -> impl IntoView {
    let page = Resource::new_blocking(
        || (),
        |_| async {
            let done = handle(|f| async move {
                if f.intent() == "remove" {
                    remove_address(f.get("address").parse().unwrap_or_default()).await?;
                } else {
                    let (recipient, phone) = (f.get("recipient"), f.get("phone"));
                    add_address(
                        recipient,
                        phone,
                        f.get("region"),
                        f.get("detail"),
                        f.get("request_key"),
                    )
                    .await?;
                }
                // An explicit fragment: the browser would otherwise keep "#add".
                Ok::<_, AppError>("/me/addresses#list".to_owned())
            })
            .await;
            let listed = load_addresses().await;
            sign_in_first(&listed, "/me/addresses");
            listed.map(|list| (list, done.error, done.key))
        },
    );
    view! {
        <Title text=i18n::ADDRESSES/>
        <Frame title=i18n::ADDRESSES back="/me" tab=Tab::Me>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok((list, error, key)) => view! {
                            <section class="card" id="list">
                                <h1 class="card__title">{i18n::ADDRESSES}</h1>
                                <p class="lead">{i18n::ADDRESSES_LEAD}</p>
                                <AddressList list/>
                            </section>
                            <section class="card" id="add">
                                <h2 class="card__title">{i18n::ADDRESS_ADD}</h2>
                                <form class="form" method="post" action="/me/addresses#add">
                                    <FormError error/>
                                    <Hidden name="request_key" value=key/>
                                    <TextField label=i18n::RECIPIENT name="recipient" value=typed("recipient")
                                        autocomplete="name" maxlength=30 required=true/>
                                    <TextField label=i18n::CONTACT_PHONE name="phone" value=typed("phone") kind="tel"
                                        inputmode="tel" autocomplete="tel-national" maxlength=20 required=true/>
                                    <TextField label=i18n::REGION name="region" value=typed("region")
                                        hint=i18n::REGION_HINT maxlength=40 required=true/>
                                    <TextField label=i18n::ADDRESS_DETAIL name="detail" value=typed("detail")
                                        autocomplete="street-address" hint=i18n::ADDRESS_DETAIL_HINT maxlength=120 required=true/>
                                    <button class="button button--block" type="submit" name="intent" value="add">{i18n::SAVE}</button>
                                </form>
                            </section>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}

#[component]
fn AddressList(list: Vec<PostalAddress>) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="empty">{i18n::ADDRESSES_EMPTY}</p> }.into_any();
    }
    view! {
        <ul class="menu__list">
            {list.into_iter().map(|a| view! {
                <li class="address">
                    <p class="address__who">{a.recipient_masked}" "<span class="mono">{a.phone_masked}</span></p>
                    <p class="address__where">{a.region}" "{a.detail}</p>
                    <form method="post" action="/me/addresses">
                        <input type="hidden" name="address" value=a.id.to_string()/>
                        <button class="button button--plain" type="submit" name="intent" value="remove">{i18n::REMOVE}</button>
                    </form>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
