//! Forms post to the page they are on (see `server/src/forms.rs`): the page renders again
//! with the posted fields in context, does the action through its server function, and then
//! redirects (success) or shows the error beside what was typed. No WASM is needed, and a
//! form works the same with JavaScript off.

use leptos::prelude::*;

/// Paths whose pages accept a form post (axum path syntax). Listed once, next to nothing
/// else, so the server registers exactly these for POST.
pub const FORM_PAGES: &[&str] = &[
    "/login",
    "/me",
    "/me/verify",
    "/me/elder",
    "/me/family",
    "/me/family/{id}",
    "/me/addresses",
    "/me/delete",
    "/me/bookings",
    "/me/bookings/{code}",
    "/book/{code}",
    "/staff",
    "/staff/home",
    "/staff/desk",
    "/staff/calendar",
    "/staff/accounts",
    "/staff/accounts/{id}",
    "/apply/{code}",
    "/bundles/{code}",
    "/track",
    "/cases/{id}",
    "/cases/{id}/edit",
    "/staff/cases/{id}",
];

/// The fields of the form posted to the page being rendered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Posted(Vec<(String, String)>);

impl Posted {
    pub fn new(fields: Vec<(String, String)>) -> Self {
        Self(fields)
    }

    /// The first value of `name`, or "" when absent.
    pub fn get(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    }

    /// Every value of `name` (checkbox groups).
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .collect()
    }

    /// Every field posted, in order.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    /// Which button sent the form (`name="intent"`), for pages with several.
    pub fn intent(&self) -> String {
        self.get("intent")
    }
}

/// The form posted to this page, if this request is one.
pub fn posted() -> Option<Posted> {
    use_context::<Posted>()
}

/// What was typed into `name` in the posted form, to show again after an error.
pub fn typed(name: &str) -> String {
    posted().map(|p| p.get(name)).unwrap_or_default()
}

/// Sends the browser on to `path` once this page is rendered: a 302 whatever the request
/// accepts, and an error status set later does not undo it (`AppError::set_status`).
pub fn go(path: &str) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(location) = http::HeaderValue::from_str(path)
    {
        response.insert_header(http::header::LOCATION, location);
        response.set_status(http::StatusCode::FOUND);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = path;
}

/// A one-time key for a form that creates something, so that submitting it twice (a double
/// tap, a retry on a flaky network) creates it once. A re-rendered form keeps its key.
pub fn form_key(posted: Option<&Posted>) -> String {
    if let Some(key) = posted
        .map(|p| p.get("request_key"))
        .filter(|k| !k.is_empty())
    {
        return key;
    }
    #[cfg(feature = "ssr")]
    return backend::random::form_key();
    #[cfg(not(feature = "ssr"))]
    String::new()
}

/// Where to go back to after a form or a sign-in (`next`, `back`): only a path on this site.
/// Browsers drop tabs and newlines inside a URL and read `\` as `/`, so `/\t/evil.example`
/// would become `//evil.example`, another site: any control character, space or backslash
/// refuses the value, and what is left must be a path (one leading `/`, not two).
pub fn local_path(raw: &str, fallback: &str) -> String {
    if is_local_path(raw) {
        raw.to_owned()
    } else {
        fallback.to_owned()
    }
}

/// The one rule for a path this site may send someone to (see `local_path`); short, too.
pub fn is_local_path(raw: &str) -> bool {
    let unsafe_char = |c: char| c.is_control() || c.is_whitespace() || c == '\\';
    raw.starts_with('/')
        && !raw.starts_with("//")
        && raw.len() <= 512
        && !raw.chars().any(unsafe_char)
}

/// A path made safe to put in a query string (`/login?next=…`): everything but unreserved
/// characters and `/` is percent-encoded, so `&` or `#` in it cannot end the value.
pub fn encode_next(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The sign-in page that comes back to `here` afterwards.
pub fn sign_in_path(here: &str) -> String {
    format!("/login?next={}", encode_next(&local_path(here, "/me")))
}

/// The end of a posted form's action: on success go to the path it gives (see `go`); on
/// failure the message to show above the fields.
pub fn settle<E: std::fmt::Display>(done: Result<String, E>) -> Option<String> {
    match done {
        Ok(path) => {
            go(&path);
            None
        }
        Err(e) => Some(e.to_string()),
    }
}

/// What a page's form post came to, for rendering the page again: which form was sent
/// (`intent`), why it failed, and the one-time key the page's creating form carries (the
/// posted one after a failure, so a retry still creates once; a fresh one otherwise).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Handled {
    pub intent: String,
    pub error: Option<String>,
    pub key: String,
    /// An application form's problems, field key → message, to show beside each field.
    pub fields: Vec<(String, String)>,
}

impl Handled {
    /// The error to show above the form sent with `intent`.
    pub fn error_for(&self, intent: &str) -> Option<String> {
        self.error.clone().filter(|_| self.intent == intent)
    }

    /// The problem with the field `key`, if the post had one.
    pub fn field(&self, key: &str) -> Option<String> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, m)| m.clone())
    }
}

/// A form page's whole post handling: if this request posted a form, run `act` on it; `act`
/// answers the path to go to (a 302, whatever comes after) or the error, which the page shows
/// above the fields it keeps (`typed`). A new form page is this call plus its fields.
pub async fn handle<F, Fut>(act: F) -> Handled
where
    F: FnOnce(Posted) -> Fut,
    Fut: std::future::Future<Output = Result<String, crate::api::AppError>>,
{
    let Some(form) = posted() else {
        return Handled {
            key: form_key(None),
            ..Handled::default()
        };
    };
    let intent = form.intent();
    let done = act(form.clone()).await;
    let fields = match &done {
        Err(crate::api::AppError::BadInput(domain::Invalid::Form(problems))) => problems
            .iter()
            .map(|(k, p)| (k.as_str().to_owned(), crate::i18n::field_problem(*p)))
            .collect(),
        _ => Vec::new(),
    };
    let error = settle(done);
    let key = form_key(error.as_ref().map(|_| &form));
    Handled {
        intent,
        error,
        key,
        fields,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/me/family", "/me"), "/me/family");
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r//evil.example",
            "/ /evil.example",
            "\t//evil.example",
            "/\u{0}/evil",
            "/\u{3000}/evil",
            "",
        ] {
            assert_eq!(local_path(bad, "/me"), "/me", "{bad:?}");
        }
        assert_eq!(
            local_path("/me/verify?next=/me", "/"),
            "/me/verify?next=/me"
        );
    }

    #[test]
    fn next_is_encoded_for_a_query() {
        assert_eq!(
            encode_next("/book/X?date=2026-12-05&slot=1"),
            "/book/X%3Fdate%3D2026-12-05%26slot%3D1"
        );
        assert_eq!(sign_in_path("/me/family"), "/login?next=/me/family");
        assert_eq!(sign_in_path("//evil.example"), "/login?next=/me");
    }

    #[test]
    fn fields_by_name() {
        let p = Posted::new(vec![
            ("intent".into(), "add".into()),
            ("departments".into(), "bdc".into()),
            ("departments".into(), "sw".into()),
        ]);
        assert_eq!(p.intent(), "add");
        assert_eq!(p.all("departments"), ["bdc", "sw"]);
        assert_eq!(p.get("missing"), "");
    }
}
