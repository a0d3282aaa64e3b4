use crate::api::{load_bundles, load_home};
use crate::components::catalog::{BundleTiles, SearchBox, ServiceGrid, WeekendNotice};
use crate::components::layout::{ElderToggle, Tab, TabBar};
use crate::i18n;
use crate::routes::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let data = Resource::new_blocking(
        || (),
        |_| async {
            Ok((
                load_home().await?,
                load_bundles(String::new(), String::new()).await?,
            ))
        },
    );
    view! {
        <Title text=""/>
        <header class="app-bar app-bar--home">
            <div class="app-bar__row">
                <h1 class="app-bar__title">{i18n::APP_NAME}</h1>
                <ElderToggle/>
            </div>
            <p class="app-bar__tagline">{i18n::APP_TAGLINE}</p>
            <SearchBox value=String::new()/>
        </header>
        <main class="page">
            <Suspense>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok((home, bundles)) => view! {
                            <BundleTiles bundles/>
                            <ServiceGrid title=i18n::HOT_SERVICES services=home.hot/>
                            <WeekendNotice departments=home.weekend_departments hall=home.hall/>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </main>
        <TabBar current=Some(Tab::Home)/>
    }
}
