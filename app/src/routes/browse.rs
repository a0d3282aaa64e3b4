use crate::api::{load_browse, load_bundles, load_department, load_theme};
use crate::components::catalog::{BundleTiles, SearchBox, ServiceGrid};
use crate::components::layout::{Frame, Tab};
use crate::i18n;
use crate::routes::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// `/services` (办事 tab): search, then browse by life event or by department.
#[component]
pub fn BrowsePage() -> impl IntoView {
    let page = Resource::new_blocking(|| (), |_| load_browse());
    view! {
        <Title text=i18n::BROWSE_ALL/>
        <Frame title=i18n::BROWSE_ALL tab=Tab::Services>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(browse) => view! {
                            <section class="card search-card"><SearchBox value=String::new()/></section>
                            <nav class="card menu" aria-label="预约办理">
                                <ul class="menu__list">
                                    <li><a class="menu__item" href="/book">
                                        <span>"预约办理"<br/><span class="hint">"到大厅办事先预约，周末也可约"</span></span>
                                    </a></li>
                                    <li><a class="menu__item" href="/me/bookings">"我的预约"</a></li>
                                </ul>
                            </nav>
                            <section class="card" aria-labelledby="themes-title">
                                <h1 id="themes-title" class="card__title">{i18n::BROWSE_THEMES}</h1>
                                <ul class="chips">
                                    {browse.themes.into_iter().filter(|(_, n)| *n > 0).map(|(theme, n)| view! {
                                        <li><a class="chip" href=format!("/theme/{}", theme.slug())>
                                            {theme.label()}<span class="chip__count">{i18n::item_count(n)}</span>
                                        </a></li>
                                    }).collect_view()}
                                </ul>
                            </section>
                            <nav class="card menu" aria-labelledby="departments-title">
                                <h2 id="departments-title" class="card__title menu__title">{i18n::BROWSE_DEPARTMENTS}</h2>
                                <ul class="menu__list">
                                    {browse.departments.into_iter().map(|d| view! {
                                        <li><a class="menu__item" href=format!("/department/{}", d.code)>
                                            <span>{d.short_name}<br/><span class="menu__meta">{d.name}</span></span>
                                        </a></li>
                                    }).collect_view()}
                                </ul>
                            </nav>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}

/// `/theme/{slug}`: the 事项 of one life event or theme.
#[component]
pub fn ThemePage() -> impl IntoView {
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let page = Resource::new_blocking(
        move || slug.clone(),
        |slug: String| async move {
            let (theme, items) = load_theme(slug.clone()).await?;
            Ok::<_, crate::api::AppError>((theme, items, load_bundles(slug, String::new()).await?))
        },
    );
    view! {
        <Frame title=i18n::BROWSE_THEMES back="/services" tab=Tab::Services>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok((theme, items, bundles)) => view! {
                            <Title text=theme.label()/>
                            <h1 class="page-title">{theme.label()}</h1>
                            <BundleTiles bundles/>
                            <ServiceGrid title=i18n::THEME_ITEMS services=items/>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}

/// `/department/{code}`: the 事项 of one department.
#[component]
pub fn DepartmentPage() -> impl IntoView {
    let code = use_params_map().with_untracked(|p| p.get("code").unwrap_or_default());
    let page = Resource::new_blocking(move || code.clone(), load_department);
    view! {
        <Frame title=i18n::BROWSE_DEPARTMENTS back="/services" tab=Tab::Services>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok((department, items)) => view! {
                            <Title text=department.short_name.clone()/>
                            <h1 class="page-title">{department.name.clone()}</h1>
                            <ServiceGrid title=i18n::THEME_ITEMS services=items/>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}
