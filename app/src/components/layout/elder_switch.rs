use crate::i18n;
use leptos::prelude::*;

/// The 长辈版 switch in the top bar of every page. Without JavaScript it is a one-button form
/// to `/me/elder`, which flips the setting and comes back to `here`. Once this island
/// hydrates, it flips large type in place and tells the server in the background, so a form
/// half filled in is not lost to a reload.
// A plain component when the whole page hydrates (bench/hydration.sh builds that way).
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn ElderSwitch(on: bool, here: String) -> impl IntoView {
    let (on, set_on) = signal(on);
    // Effects run only in the browser: the mark tells tests the in-place switch is live.
    let (live, set_live) = signal(false);
    Effect::new(move |_| set_live.set(true));
    let flip = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let next = !on.get_untracked();
        set_on.set(next);
        #[cfg(feature = "hydrate")]
        browser::apply(next);
    };
    view! {
        <form
            class="app-bar__elder"
            method="post"
            action="/me/elder"
            on:submit=flip
            data-live=move || live.get().then_some("true")
        >
            <input type="hidden" name="on" value=move || if on.get() { "0" } else { "1" }/>
            <input type="hidden" name="back" value=here/>
            // A switch named 长辈版 whatever its state, so the words never name the other
            // mode: on, it reads "长辈版 已开" on a filled button.
            <button
                class="app-bar__elder-button"
                type="submit"
                role="switch"
                aria-label=i18n::ELDER_SWITCH
                aria-checked=move || if on.get() { "true" } else { "false" }
            >
                {i18n::ELDER_SWITCH}
                <span class="app-bar__elder-state" hidden=move || !on.get()>{i18n::ELDER_SWITCH_IS_ON}</span>
            </button>
        </form>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::JsValue;

    /// Large type on or off now, and the setting sent to `/api/elder` (which sets the cookie
    /// and, when signed in, the account). `keepalive` lets the request finish even if the
    /// citizen moves on at once.
    pub fn apply(on: bool) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(root) = window.document().and_then(|d| d.document_element()) {
            let _ = root.class_list().toggle_with_force("elder", on);
        }
        let Ok(headers) = web_sys::Headers::new() else {
            return;
        };
        let _ = headers.set("Content-Type", "application/x-www-form-urlencoded");
        let _ = headers.set("Accept", "application/json");
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_headers(&headers);
        init.set_body(&JsValue::from_str(if on { "on=true" } else { "on=false" }));
        // Not in this web-sys version's RequestInit; the browser reads it off the object.
        let _ = js_sys::Reflect::set(init.as_ref(), &"keepalive".into(), &true.into());
        let _ = window.fetch_with_str_and_init("/api/elder", &init);
    }
}
