use leptos::prelude::*;

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

/// This request's script nonce, chosen by the server's CSP layer before anything renders
/// and kept in the request's extensions. The layer writes the header from it; the render
/// takes it from here. Nothing a render does can change the header, so the page's scripts
/// and its policy agree by construction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CspNonce(pub String);

/// Gives the render the request's nonce (called from the server's page context). Leptos
/// provides a random one of its own first; this one replaces it. A handler without request
/// parts of its own (a static file) provides nothing.
pub fn provide_request_nonce() {
    #[cfg(feature = "ssr")]
    if let Some(nonce) = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CspNonce>().cloned())
    {
        provide_context(leptos::nonce::Nonce::from_value(nonce.0));
    }
}
