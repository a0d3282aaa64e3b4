use leptos::prelude::*;

/// Keeps what is typed into an application step in the phone's own storage, so that a
/// dropped connection or a closed tab loses no typing: restored on the next visit (unless the
/// saved draft changed elsewhere meanwhile), and sent as a 保存草稿 as soon as the phone is
/// back online. Without JavaScript the page works as before: the server keeps the draft.
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn DraftKeeper(storage_key: String) -> impl IntoView {
    let note = RwSignal::new(String::new());
    let anchor = NodeRef::<leptos::html::P>::new();
    // Effects run only in the browser: the mark tells tests the keeper is live.
    let live = RwSignal::new(false);
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(p) = anchor.get() {
            browser::keep(&p, &storage_key, note);
            live.set(true);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&storage_key, anchor);
    });
    view! {
        <p class="hint draft-note" node_ref=anchor aria-live="polite" data-draft-keeper=""
            data-live=move || live.get().then_some("true")>
            {move || note.get()}
        </p>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use gloo_events::EventListener;
    use gloo_storage::{LocalStorage, Storage};
    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{HtmlFormElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

    /// What was on the server when the page loaded (`base`) and what has been typed since.
    #[derive(PartialEq)]
    struct Kept {
        base: Vec<(String, String)>,
        typed: Vec<(String, String)>,
    }

    // Kept as plain text (unit and record separators), not JSON: a JSON library would add
    // more to the bundle than this island itself.
    const UNIT: char = '\u{1f}';
    const RECORD: char = '\u{1e}';
    const GROUP: char = '\u{1d}';

    fn encode(pairs: &[(String, String)]) -> String {
        pairs
            .iter()
            .map(|(k, v)| format!("{k}{UNIT}{v}"))
            .collect::<Vec<_>>()
            .join(&RECORD.to_string())
    }

    fn decode(text: &str) -> Vec<(String, String)> {
        text.split(RECORD)
            .filter_map(|r| r.split_once(UNIT))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect()
    }

    fn load(key: &str) -> Option<Kept> {
        let text = LocalStorage::raw().get_item(key).ok().flatten()?;
        let (base, typed) = text.split_once(GROUP)?;
        Some(Kept {
            base: decode(base),
            typed: decode(typed),
        })
    }

    fn store(key: &str, kept: &Kept) {
        let text = format!("{}{GROUP}{}", encode(&kept.base), encode(&kept.typed));
        let _ = LocalStorage::raw().set_item(key, &text);
    }

    pub fn keep(anchor: &web_sys::HtmlElement, key: &str, note: RwSignal<String>) {
        let Some(form) = anchor
            .closest("form")
            .ok()
            .flatten()
            .and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        let base = values(&form);
        match load(key) {
            // Typed here after what the server still has: put it back.
            Some(kept) if kept.base == base && kept.typed != base => {
                fill(&form, &kept.typed);
                note.set("已恢复您上次在本机未保存的填写内容，并已保存为草稿".to_owned());
                if online() {
                    send(&form, key.to_owned(), None);
                }
            }
            // Saved already, or changed elsewhere since: the server's copy wins.
            Some(_) => LocalStorage::delete(key),
            None => {}
        }
        store(
            key,
            &Kept {
                base: base.clone(),
                typed: values(&form),
            },
        );
        for event in ["input", "change"] {
            let (form_c, key) = (form.clone(), key.to_owned());
            EventListener::new(&form, event, move |_| {
                let base = load(&key).map_or_else(Vec::new, |k| k.base);
                store(
                    &key,
                    &Kept {
                        base,
                        typed: values(&form_c),
                    },
                );
            })
            .forget();
        }
        if let Some(window) = web_sys::window() {
            let (form, key) = (form.clone(), key.to_owned());
            EventListener::new(&window, "online", move |_| {
                send(&form, key.clone(), Some(note));
            })
            .forget();
        }
    }

    fn online() -> bool {
        web_sys::window().is_some_and(|w| w.navigator().on_line())
    }

    /// Posts what was typed as a 保存草稿, if it differs from what the server has; says so
    /// through `note` when given.
    fn send(form: &HtmlFormElement, key: String, note: Option<RwSignal<String>>) {
        let Some(kept) = load(&key) else {
            return;
        };
        if kept.typed == kept.base {
            return;
        }
        let Ok(body) = web_sys::UrlSearchParams::new() else {
            return;
        };
        for (name, value) in &kept.typed {
            body.append(name, value);
        }
        body.append("intent", "save");
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_body(&JsValue::from(body));
        let Some(window) = web_sys::window() else {
            return;
        };
        let request = window.fetch_with_str_and_init(&form.action(), &init);
        leptos::task::spawn_local(async move {
            let answered = wasm_bindgen_futures::JsFuture::from(request).await;
            let saved = answered
                .ok()
                .and_then(|r| r.dyn_into::<web_sys::Response>().ok())
                .is_some_and(|r| r.ok());
            if saved {
                store(
                    &key,
                    &Kept {
                        base: kept.typed.clone(),
                        typed: kept.typed,
                    },
                );
                if let Some(note) = note {
                    note.set("网络已恢复，草稿已保存".to_owned());
                }
            }
        });
    }

    /// The form's answers as posted: text fields, dates, choices; not buttons, files or the
    /// hidden fields the server puts there itself.
    fn values(form: &HtmlFormElement) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let Ok(nodes) = form.query_selector_all("input, textarea, select") else {
            return out;
        };
        for i in 0..nodes.length() {
            let Some(node) = nodes.item(i) else { continue };
            if let Some(input) = node.dyn_ref::<HtmlInputElement>() {
                let kind = input.type_();
                let skip = matches!(kind.as_str(), "hidden" | "file" | "submit" | "button");
                let unchecked = matches!(kind.as_str(), "radio" | "checkbox") && !input.checked();
                if !skip && !unchecked && !input.name().is_empty() {
                    out.push((input.name(), input.value()));
                }
            } else if let Some(area) = node.dyn_ref::<HtmlTextAreaElement>() {
                out.push((area.name(), area.value()));
            } else if let Some(select) = node.dyn_ref::<HtmlSelectElement>() {
                out.push((select.name(), select.value()));
            }
        }
        out
    }

    fn fill(form: &HtmlFormElement, typed: &[(String, String)]) {
        let Ok(nodes) = form.query_selector_all("input, textarea, select") else {
            return;
        };
        let typed_for = |name: &str| {
            typed
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        for i in 0..nodes.length() {
            let Some(node) = nodes.item(i) else { continue };
            if let Some(input) = node.dyn_ref::<HtmlInputElement>() {
                match input.type_().as_str() {
                    "hidden" | "file" | "submit" | "button" => {}
                    "radio" | "checkbox" => {
                        input.set_checked(typed_for(&input.name()) == Some(input.value().as_str()));
                    }
                    _ => input.set_value(typed_for(&input.name()).unwrap_or_default()),
                }
            } else if let Some(area) = node.dyn_ref::<HtmlTextAreaElement>() {
                area.set_value(typed_for(&area.name()).unwrap_or_default());
            } else if let Some(select) = node.dyn_ref::<HtmlSelectElement>() {
                select.set_value(typed_for(&select.name()).unwrap_or_default());
            }
        }
    }
}
