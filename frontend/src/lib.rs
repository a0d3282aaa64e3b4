#![recursion_limit = "256"]
//! The browser entry: hydrates the islands the server marked, and nothing else. (Built without
//! the `islands` feature it hydrates the whole page instead: only for size comparisons.)

// Links the app crate in, so its islands' exported hydration functions reach the WASM.
extern crate app;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    #[cfg(feature = "islands")]
    leptos::mount::hydrate_islands();
    #[cfg(not(feature = "islands"))]
    leptos::mount::hydrate_body(app::App);
}
