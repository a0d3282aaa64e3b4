use crate::api::set_elder;
use crate::components::forms::FormError;
use crate::components::layout::{Frame, Tab};
use crate::forms::{go, local_path, posted};
use crate::i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/me/elder` (长辈版): what it is and a switch. The switch in every page's top bar posts
/// here too, with `back` set to the page it came from.
#[component]
pub fn ElderPage() -> impl IntoView {
    let page = Resource::new_blocking(
        || (),
        |_| async {
            let f = posted()?;
            match set_elder(f.get("on") == "1").await {
                Ok(()) => {
                    go(&local_path(&f.get("back"), "/me/elder"));
                    None
                }
                Err(e) => Some(e.to_string()),
            }
        },
    );
    view! {
        <Title text=i18n::ELDER/>
        <Frame title=i18n::ELDER back="/me" tab=Tab::Me>
            <Suspense>
                {move || Suspend::new(async move {
                    let error = page.await;
                    let on = crate::session::elder();
                    let (value, label) = if on { ("0", i18n::ELDER_OFF) } else { ("1", i18n::ELDER_ON) };
                    view! {
                        <section class="card">
                            <h1 class="card__title">
                                {i18n::ELDER}" · "{if on { i18n::ELDER_STATE_ON } else { i18n::ELDER_STATE_OFF }}
                            </h1>
                            <p class="lead">{i18n::ELDER_LEAD}</p>
                            <form class="form" method="post" action="/me/elder">
                                <FormError error/>
                                <input type="hidden" name="on" value=value/>
                                <input type="hidden" name="back" value="/me/elder"/>
                                <button class="button button--block" type="submit">{label}</button>
                            </form>
                        </section>
                    }
                })}
            </Suspense>
        </Frame>
    }
}
