use leptos::nonce::use_nonce;
use leptos::prelude::*;
use std::sync::{Arc, Mutex};

/// The page's Content-Security-Policy: scripts only from us or carrying this response's
/// nonce (the hydration bootstrap), WASM compilation allowed, nothing framed or inlined else.
/// Other responses get a stricter policy from the server's header layer.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'nonce-{nonce}'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Where a page render leaves its nonce for the server's CSP layer, which puts the request's
/// slot in its extensions and writes the header itself once the page is rendered.
#[derive(Clone, Debug, Default)]
pub struct NonceSlot(pub Arc<Mutex<Option<String>>>);

/// Records this render's nonce in the request's slot (called from the server's page context).
pub fn record_nonce() {
    let slot = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<NonceSlot>().cloned());
    if let (Some(slot), Some(nonce)) = (slot, use_nonce()) {
        let mut held = slot
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *held = Some(nonce.to_string());
    }
}
