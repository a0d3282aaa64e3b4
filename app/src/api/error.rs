use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a citizen may be told. Causes stay in the server log: the `ssr` conversion from
/// `backend::Error` logs them before they become `Unavailable`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppError {
    /// The record does not exist, or is not the asker's to see.
    NotFound,
    /// Input that does not parse; `i18n::invalid` words it.
    BadInput(domain::Invalid),
    /// The page or action needs someone signed in (a citizen, or staff under `/staff`).
    SignInRequired,
    /// Signed in, but not allowed to do this.
    Forbidden,
    /// Too many tries from one place: wait `wait_secs`.
    TooMany { wait_secs: i64 },
    /// Too many requests at once: try again in a second (503 with Retry-After).
    Busy,
    /// A rule refused the request; `i18n::refusal` words it.
    Refused(domain::Refusal),
    /// Something failed on our side; nothing internal is said.
    Unavailable,
    /// The request never made it (network, encoding).
    Transport,
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound => f.write_str("没有找到您要的内容"),
            Self::BadInput(invalid) => f.write_str(&crate::i18n::invalid(invalid)),
            Self::TooMany { wait_secs } => write!(
                f,
                "操作过于频繁，请 {} 分钟后再试",
                ((wait_secs + 59) / 60).max(1)
            ),
            Self::Busy => f.write_str("当前预约人数较多，请稍等几秒再试"),
            Self::Refused(refusal) => f.write_str(&crate::i18n::refusal(refusal)),
            Self::SignInRequired => f.write_str("请先登录"),
            Self::Forbidden => f.write_str("您没有权限进行此操作"),
            Self::Unavailable => f.write_str("服务暂时不可用，请稍后重试"),
            Self::Transport => f.write_str("网络不稳定，请检查网络后重试"),
        }
    }
}

impl std::error::Error for AppError {}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) => Self::BadInput(domain::Invalid::Arguments),
            ServerFnErrorErr::ServerError(_) | ServerFnErrorErr::MissingArg(_) => Self::Unavailable,
            _ => Self::Transport,
        }
    }
}

impl AppError {
    /// The HTTP status this error answers with.
    pub fn status(&self) -> u16 {
        match self {
            Self::NotFound => 404,
            Self::BadInput(_) => 400,
            Self::SignInRequired => 401,
            Self::Forbidden => 403,
            Self::TooMany { .. } => 429,
            Self::Refused(refusal) => {
                use domain::Refusal as R;
                match refusal {
                    R::VerifyTooOften => 429,
                    // The place asked for is gone: a conflict with the state, not bad input.
                    R::HallClosed | R::SlotFull { .. } | R::OfferPastCutoff | R::OfferExpired => {
                        409
                    }
                    _ => 400,
                }
            }
            Self::Busy => 503,
            Self::Unavailable | Self::Transport => 503,
        }
    }

    /// Sets this error's status on the response being built (a page or a server function
    /// call; server functions otherwise answer every error with 500). A redirect already
    /// decided (a page sending someone to sign in) stands: the error is then not shown.
    #[cfg(feature = "ssr")]
    pub fn set_status(&self) {
        let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() else {
            return;
        };
        let redirecting = response.0.read().is_ok_and(|parts| {
            parts.headers.contains_key(http::header::LOCATION)
                || parts.status.is_some_and(|s| s.is_redirection())
        });
        if let Ok(status) = http::StatusCode::from_u16(self.status())
            && !redirecting
        {
            response.set_status(status);
            if matches!(self, Self::Busy) {
                response.insert_header(
                    http::header::RETRY_AFTER,
                    http::HeaderValue::from_static("1"),
                );
            }
        }
    }
}

#[cfg(feature = "ssr")]
impl From<backend::Error> for AppError {
    fn from(error: backend::Error) -> Self {
        match error {
            backend::Error::NotFound => Self::NotFound,
            backend::Error::Invalid(why) => Self::BadInput(why),
            backend::Error::SignInRequired => Self::SignInRequired,
            backend::Error::Forbidden => Self::Forbidden,
            backend::Error::RateLimited { wait_secs } => Self::TooMany { wait_secs },
            backend::Error::Busy => Self::Busy,
            backend::Error::Refused(refusal) => Self::Refused(refusal),
            cause => {
                tracing::error!(error = %cause, "request failed in the backend");
                Self::Unavailable
            }
        }
    }
}
