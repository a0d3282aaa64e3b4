use crate::api::load_bookable;
use crate::components::layout::{Frame, Tab};
use crate::routes::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/book` (预约办理): every 事项 that takes hall appointments, by department; those open on
/// weekends say so.
#[component]
pub fn BookIndexPage() -> impl IntoView {
    let items = Resource::new_blocking(|| (), |_| load_bookable());
    view! {
        <Title text=crate::i18n::BOOK/>
        <Frame title=crate::i18n::BOOK back="/services" tab=Tab::Services>
            <Suspense>
                {move || Suspend::new(async move {
                    match items.await {
                        Ok(items) => view! {
                            <section class="card">
                                <h1 class="card__title">"预约到大厅办理"</h1>
                                <p class="hint">"选择事项后选大厅、日期和时段。不动产、税务、房产、社保、医保周六、周日也可预约（周末不打烊）。"</p>
                                <ul class="menu__list">
                                    {items.into_iter().map(|s| view! {
                                        <li><a class="menu__item" href=format!("/book/{}", s.code)>
                                            <span>{s.name.clone()}<br/>
                                                <span class="hint">{s.department.clone()}
                                                    {s.weekend.then_some(" · 周末可约")}</span>
                                            </span>
                                        </a></li>
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
