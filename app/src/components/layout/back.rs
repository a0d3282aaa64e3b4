//! Where the top bar's back arrow leads. A link to a page may carry `?from=` the page it was
//! followed from (a local path); the arrow then goes there. Without it, a page reached from a
//! list (search results, a theme, a department, home, the booking list) goes back to that
//! list as the browser's `Referer` names it; otherwise to the page's own parent. All of it is
//! decided on the server, so it works the same with JavaScript off.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

/// `text` when it is a path on this site (the rule in `forms::is_local_path`).
pub fn local_path(text: &str) -> Option<&str> {
    crate::forms::is_local_path(text).then_some(text)
}

/// The pages whose links lead somewhere a citizen comes back from: lists and home.
#[cfg_attr(not(any(feature = "ssr", test)), allow(dead_code))]
fn is_list(path: &str) -> bool {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    path == "/"
        || path == "/services"
        || path == "/search"
        || path == "/book"
        || path == "/me/bookings"
        || path.starts_with("/theme/")
        || path.starts_with("/department/")
}

/// The back arrow's target on this page: `?from=` when it is a local path, else the list the
/// citizen came from (by `Referer`, same site only), else `parent`.
pub fn back_target(parent: &str) -> String {
    let from = use_query_map().with_untracked(|q| q.get("from"));
    if let Some(from) = from.as_deref().and_then(local_path) {
        return from.to_owned();
    }
    if let Some(list) = referring_list() {
        let here = use_location().pathname.get_untracked();
        if list.split(['?', '#']).next() != Some(here.as_str()) {
            return list;
        }
    }
    parent.to_owned()
}

/// This page as a `from=` value: its path and query, percent-encoded.
pub fn from_here() -> String {
    let location = use_location();
    let path = location.pathname.get_untracked();
    let search = location.search.get_untracked();
    let search = search.trim_start_matches('?');
    let here = if search.is_empty() {
        path
    } else {
        format!("{path}?{search}")
    };
    encode(&here)
}

/// `href` with `from=` this page added to its query (not from home: every page's arrow
/// leads there anyway).
pub fn with_from(href: &str) -> String {
    if use_location().pathname.get_untracked() == "/" {
        return href.to_owned();
    }
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, format!("#{f}")),
        None => (href, String::new()),
    };
    let joiner = if path.contains('?') { '&' } else { '?' };
    format!("{path}{joiner}from={}{fragment}", from_here())
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(feature = "ssr")]
fn referring_list() -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    let referer = parts.headers.get(http::header::REFERER)?.to_str().ok()?;
    let host = parts.headers.get(http::header::HOST)?.to_str().ok()?;
    let rest = referer
        .strip_prefix("https://")
        .or_else(|| referer.strip_prefix("http://"))?;
    let path = rest.strip_prefix(host)?;
    let path = local_path(path)?;
    is_list(path).then(|| path.to_owned())
}

#[cfg(not(feature = "ssr"))]
fn referring_list() -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_on_this_site_are_taken() {
        for ok in [
            "/",
            "/theme/birth",
            "/search?q=%E7%A4%BE%E4%BF%9D",
            "/me/bookings#waits",
        ] {
            assert_eq!(local_path(ok), Some(ok), "{ok}");
        }
        for bad in [
            "",
            "theme/birth",
            "//evil.example/",
            "/\\evil.example",
            "https://evil.example/",
            "/a b",
            "/a\tb",
            "/a\nb",
            "/\u{0}",
        ] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn lists_are_home_search_themes_departments_and_bookings() {
        for list in [
            "/",
            "/search?q=x",
            "/theme/birth",
            "/department/gjj",
            "/me/bookings",
            "/services",
        ] {
            assert!(is_list(list), "{list}");
        }
        for page in [
            "/guide/1",
            "/me",
            "/login?next=/",
            "/book/1",
            "/me/bookings/K7M2",
        ] {
            assert!(!is_list(page), "{page}");
        }
    }
}
