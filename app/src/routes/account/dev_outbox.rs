use crate::api::load_outbox;
use crate::components::layout::Frame;
use crate::i18n;
use crate::routes::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/dev/outbox`: in development only, the texts the app "sent" (codes included), newest
/// first, so a tester can sign in without a phone. `?phone=` shows one number's. In
/// production this page does not exist (404).
#[component]
pub fn DevOutboxPage() -> impl IntoView {
    let phone = use_query_map()
        .with_untracked(|q| q.get("phone"))
        .unwrap_or_default();
    let messages = Resource::new_blocking(move || phone.clone(), load_outbox);
    view! {
        <Title text=i18n::OUTBOX_TITLE/>
        <Frame title=i18n::OUTBOX_TITLE back="/login">
            <Suspense>
                {move || Suspend::new(async move {
                    match messages.await {
                        Ok(list) if list.is_empty() => view! {
                            <section class="card"><h1 class="card__title">{i18n::OUTBOX_TITLE}</h1>
                            <p class="empty">{i18n::OUTBOX_EMPTY}</p></section>
                        }.into_any(),
                        Ok(list) => view! {
                            <section class="card">
                                <h1 class="card__title">{i18n::OUTBOX_TITLE}</h1>
                                <ul class="menu__list">
                                    {list.into_iter().map(|m| view! {
                                        <li class="outbox__message">
                                            <p class="mono">{m.recipient_masked}</p>
                                            <p class="outbox__body">{m.body}</p>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            </section>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}
