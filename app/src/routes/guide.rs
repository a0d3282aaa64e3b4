use crate::api::load_guide;
use crate::components::catalog::{GuideDetails, GuideFacts, GuideSections, MaterialList};
use crate::components::layout::{AppBar, TabBar};
use crate::i18n;
use crate::routes::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/guide/{code}`: the whole 办事指南 of one 事项. `?materials=required` lists only the
/// materials everyone must bring (the no-JavaScript form of the material filter). In 长辈版
/// the materials come right after the head, the particulars after them.
#[component]
pub fn GuidePage() -> impl IntoView {
    let params = use_params_map();
    let only_required =
        use_query_map().with_untracked(|q| q.get("materials").as_deref() == Some("required"));
    let brief = crate::session::elder();
    let item = Resource::new_blocking(
        move || params.with(|p| p.get("code").unwrap_or_default()),
        load_guide,
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match item.await {
                    Ok(item) => view! {
                        <Title text=item.name.clone()/>
                        <AppBar title=i18n::GUIDE back="/"/>
                        <main class="page guide">
                            <GuideFacts item=item.clone() brief/>
                            <MaterialList
                                code=item.code.to_string()
                                materials=item.materials.clone()
                                only_required
                            />
                            {brief.then(|| view! { <GuideDetails item=item.clone()/> })}
                            <GuideSections item/>
                        </main>
                        <TabBar current=None/>
                    }.into_any(),
                    Err(error) => view! {
                        <AppBar title=i18n::GUIDE back="/"/>
                        <main class="page">
                            <ErrorNotice error/>
                        </main>
                        <TabBar current=None/>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
