use domain::bundle::BundleEntry;
use leptos::prelude::*;

/// 一件事 tiles: each a bundle's name and what it covers, leading to its page. Nothing when
/// there are none.
#[component]
pub fn BundleTiles(bundles: Vec<BundleEntry>) -> impl IntoView {
    (!bundles.is_empty()).then(|| {
        view! {
            <section class="card" aria-labelledby="bundles-title">
                <h2 id="bundles-title" class="card__title">"一件事一次办"</h2>
                <ul class="bundles">
                    {bundles.into_iter().map(|b| view! {
                        <li>
                            <a class="bundle-tile" href=format!("/bundles/{}", b.code)>
                                <span class="bundle-tile__name">{b.name}</span>
                                <span class="bundle-tile__summary">{b.summary}</span>
                            </a>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}
