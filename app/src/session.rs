//! Who is asking: the one place that reads the session cookies and the caller's address, and
//! writes cookies. Server functions ask here for the current citizen or staff member, then
//! ask the backend for records *of that person*, which answers NotFound for anyone else's.

use serde::{Deserialize, Serialize};

/// How this deployment treats cookies and development pages (provided by the server).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteMode {
    /// `Secure` cookies (production, behind HTTPS).
    pub secure_cookies: bool,
    /// Development pages such as `/dev/outbox`.
    pub dev_tools: bool,
}

/// The caller's address, put on each request by the server (for rate limits and audit).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClientIp(pub String);

pub const CITIZEN_COOKIE: &str = "banshi_sid";
/// Staff cookies are scoped to `/staff`: a staff session never travels with citizen pages.
pub const STAFF_COOKIE: &str = "banshi_staff";
pub const STAFF_PATH: &str = "/staff";
/// 长辈版, remembered in the browser for signed-out visitors too.
pub const ELDER_COOKIE: &str = "banshi_elder";

/// Reads a cookie of the current request.
pub fn cookie(name: &str) -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        let parts = leptos::prelude::use_context::<http::request::Parts>()?;
        cookie_in(&parts.headers, name)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = name;
        None
    }
}

/// Reads a cookie from request headers (pages and plain handlers alike).
#[cfg(feature = "ssr")]
pub fn cookie_in(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// Are development pages (the text outbox) shown here?
pub fn dev_tools() -> bool {
    leptos::prelude::use_context::<SiteMode>().is_some_and(|m| m.dev_tools)
}

/// Is 长辈版 on for this request?
pub fn elder() -> bool {
    cookie(ELDER_COOKIE).as_deref() == Some("1")
}

#[cfg(feature = "ssr")]
pub(crate) use server_side::*;

#[cfg(feature = "ssr")]
mod server_side {
    use super::*;
    use crate::api::AppError;
    use domain::StaffMember;
    use leptos::prelude::use_context;

    pub fn site_mode() -> SiteMode {
        use_context::<SiteMode>().unwrap_or(SiteMode {
            secure_cookies: true,
            dev_tools: false,
        })
    }

    pub fn client_ip() -> String {
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<ClientIp>().cloned())
            .map(|ip| ip.0)
            .unwrap_or_default()
    }

    /// Sets a cookie on the response: HttpOnly, SameSite=Lax, Secure outside development.
    /// `max_age` None makes it last for the browser session.
    pub fn set_cookie(name: &str, value: &str, path: &str, max_age: Option<i64>) {
        let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
            return;
        };
        let mut text = format!("{name}={value}; Path={path}; HttpOnly; SameSite=Lax");
        if let Some(age) = max_age {
            text.push_str(&format!("; Max-Age={age}"));
        }
        if site_mode().secure_cookies {
            text.push_str("; Secure");
        }
        if let Ok(value) = http::HeaderValue::from_str(&text) {
            response.append_header(http::header::SET_COOKIE, value);
        }
    }

    pub fn clear_cookie(name: &str, path: &str) {
        set_cookie(name, "", path, Some(0));
    }

    /// The signed-in citizen's id, if any.
    pub async fn citizen() -> Result<Option<i64>, AppError> {
        let Some(token) = cookie(CITIZEN_COOKIE) else {
            return Ok(None);
        };
        Ok(crate::api::services()?.accounts.current(&token).await?)
    }

    pub async fn require_citizen() -> Result<i64, AppError> {
        citizen().await?.ok_or(AppError::SignInRequired)
    }

    /// The signed-in staff member, if any. A citizen's cookie never counts here.
    pub async fn staff() -> Result<Option<StaffMember>, AppError> {
        let Some(token) = cookie(STAFF_COOKIE) else {
            return Ok(None);
        };
        Ok(crate::api::services()?.staff.current(&token).await?)
    }

    pub async fn require_staff() -> Result<StaffMember, AppError> {
        staff().await?.ok_or(AppError::SignInRequired)
    }

    /// The signed-in staff member, if their role may do `action` at all (the record's own
    /// hall and department are checked again by the service that touches it). Every staff
    /// server function starts here.
    pub async fn staff_may(action: domain::StaffAction) -> Result<StaffMember, AppError> {
        let me = require_staff().await?;
        if domain::may(&me, action, &domain::Reach::ANY) {
            Ok(me)
        } else {
            Err(AppError::Forbidden)
        }
    }
}
