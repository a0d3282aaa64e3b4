//! Guide pages are cacheable: each carries a validator, and a browser that still has the page
//! gets "304 Not Modified" instead of the page again. The page changes with the catalogue
//! and with who asks (长辈版, signed in), so the validator is a hash of the body — minus the
//! per-response CSP nonce, which changes every time — and the answer varies by cookie.

use app::components::layout::CspNonce;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, Response, StatusCode, header};
use axum::middleware::Next;
use sha2::{Digest, Sha256};

/// Pages bigger than this are sent without a validator (guides are ~40 KB uncompressed).
const MAX_BODY: usize = 1 << 20;

pub async fn guide_etag(request: Request, next: Next) -> Response<Body> {
    let cacheable = request.method() == Method::GET && request.uri().path().starts_with("/guide/");
    if !cacheable {
        return next.run(request).await;
    }
    let asked = request.headers().get(header::IF_NONE_MATCH).cloned();
    let nonce = request.extensions().get::<CspNonce>().cloned();
    let response = next.run(request).await;
    if response.status() != StatusCode::OK {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let tag = etag(&bytes, nonce.as_ref().map(|n| n.0.as_str()));
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    parts.headers.insert(
        header::VARY,
        HeaderValue::from_static("Cookie, Accept-Encoding"),
    );
    let Ok(value) = HeaderValue::from_str(&tag) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    parts.headers.insert(header::ETAG, value.clone());
    if asked.as_ref().is_some_and(|a| {
        a.as_bytes()
            .split(|b| *b == b',')
            .any(|t| t.trim_ascii() == value.as_bytes())
    }) {
        // Nothing but the validator: the browser keeps its page and that page's headers
        // (its CSP nonce included).
        let mut not_modified = Response::new(Body::empty());
        *not_modified.status_mut() = StatusCode::NOT_MODIFIED;
        for name in [header::ETAG, header::CACHE_CONTROL, header::VARY] {
            if let Some(v) = parts.headers.get(&name) {
                not_modified.headers_mut().insert(name, v.clone());
            }
        }
        return not_modified;
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// A weak validator over the page with its nonce taken out.
fn etag(body: &[u8], nonce: Option<&str>) -> String {
    let mut hash = Sha256::new();
    match nonce.filter(|n| !n.is_empty()) {
        Some(nonce) => {
            let mut rest = body;
            while let Some(at) = rest
                .windows(nonce.len())
                .position(|w| w == nonce.as_bytes())
            {
                hash.update(&rest[..at]);
                rest = &rest[at + nonce.len()..];
            }
            hash.update(rest);
        }
        None => hash.update(body),
    }
    let digest = hash.finalize();
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("W/\"{hex}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nonce_does_not_change_the_validator() {
        let a = etag(b"<script nonce=\"abc123\">x</script>", Some("abc123"));
        let b = etag(b"<script nonce=\"zz9\">x</script>", Some("zz9"));
        assert_eq!(a, b);
        assert_ne!(a, etag(b"<script nonce=\"zz9\">y</script>", Some("zz9")));
        assert!(a.starts_with("W/\""));
    }
}
