use crate::i18n;
use domain::Material;
use leptos::prelude::*;

/// The materials of a guide, each expandable (`<details>`, no script needed), with a filter
/// between all and required-only. The filter is a pair of links that reload the page with
/// `?materials=required`; once this island hydrates, it filters in place instead, without a
/// request — the one place on the guide page where the browser's WASM earns its bytes.
// A plain component when the whole page hydrates (bench/hydration.sh builds that way).
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn MaterialList(code: String, materials: Vec<Material>, only_required: bool) -> impl IntoView {
    let (only, set_only) = signal(only_required);
    // Effects run only in the browser, after hydration: the mark tells tests (and styles)
    // that the in-place filter is live.
    let (live, set_live) = signal(false);
    Effect::new(move |_| set_live.set(true));
    let total = materials.len();
    let required = materials.iter().filter(|m| m.required).count();
    let all_href = format!("/guide/{code}#materials");
    let required_href = format!("/guide/{code}?materials=required#materials");
    let pick = move |want: bool| {
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            set_only.set(want);
        }
    };
    view! {
        <section
            class="card"
            id="materials"
            aria-labelledby="materials-title"
            data-live=move || live.get().then_some("true")
        >
            <div class="card__head">
                <h2 id="materials-title" class="card__title">{i18n::MATERIALS}</h2>
                <div class="segmented" role="group" aria-label=i18n::MATERIALS_FILTER>
                    <a
                        class="segmented__item"
                        href=all_href
                        aria-current=move || (!only.get()).then_some("true")
                        on:click=pick(false)
                    >
                        {format!("{}（{total}）", i18n::MATERIALS_ALL)}
                    </a>
                    <a
                        class="segmented__item"
                        href=required_href
                        aria-current=move || only.get().then_some("true")
                        on:click=pick(true)
                    >
                        {format!("{}（{required}）", i18n::MATERIALS_REQUIRED)}
                    </a>
                </div>
            </div>
            <ul class="materials">
                {materials
                    .into_iter()
                    .map(|m| {
                        let needed = m.required;
                        view! {
                            <li class="material" hidden=move || only.get() && !needed>
                                <MaterialDetails material=m/>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn MaterialDetails(material: Material) -> impl IntoView {
    let badge = if material.required {
        i18n::REQUIRED
    } else {
        i18n::OPTIONAL
    };
    let badge_class = if material.required {
        "badge badge--required"
    } else {
        "badge"
    };
    let counts = match (material.originals, material.copies) {
        (0, 0) => i18n::NO_PAPER.to_owned(),
        (0, c) => format!("{}{}", i18n::COPIES, i18n::copies(c)),
        (o, 0) => format!("{}{}", i18n::ORIGINALS, i18n::copies(o)),
        (o, c) => format!(
            "{}{}，{}{}",
            i18n::ORIGINALS,
            i18n::copies(o),
            i18n::COPIES,
            i18n::copies(c)
        ),
    };
    let name = material.name.clone();
    view! {
        <details class="material__details">
            <summary class="material__summary">
                <span class="material__name">{material.name}</span>
                <span class=badge_class>{badge}</span>
                <span class="material__counts">{counts}</span>
            </summary>
            <dl class="facts facts--compact">
                <dt>{i18n::SOURCE}</dt>
                <dd>{material.source.label()}</dd>
                <dt>{i18n::NOTE}</dt>
                <dd>{material.note}</dd>
                {material.blank_form.map(|href| view! {
                    <dt>{i18n::BLANK_FORM}</dt>
                    <dd><a href=href>{format!("打开空白表格：{name}")}</a></dd>
                })}
                {material.sample.map(|href| view! {
                    <dt>{i18n::SAMPLE}</dt>
                    <dd><a href=href>{format!("查看填写示例：{name}")}</a></dd>
                })}
            </dl>
        </details>
    }
}
