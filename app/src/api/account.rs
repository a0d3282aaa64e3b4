//! Citizen account server functions. Each gets the signed-in citizen from `session` and
//! asks the backend for that citizen's records only.

use super::AppError;
use domain::{FamilyMember, OutboxMessage, PostalAddress, Profile};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::session::{
    CITIZEN_COOKIE, ELDER_COOKIE, clear_cookie, client_ip, cookie, require_citizen, set_cookie,
};

/// A year: 长辈版 is a lasting preference.
#[cfg(feature = "ssr")]
const ELDER_MAX_AGE: i64 = 365 * 86_400;

/// The answer to 获取验证码.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeSentView {
    pub phone_masked: String,
    pub resend_after_secs: i64,
    /// False when a code sent moments ago still stands.
    pub fresh: bool,
}

/// The signed-in citizen's profile; None when nobody is signed in.
#[server(endpoint = "me", prefix = "/api")]
pub async fn load_me() -> Result<Option<Profile>, AppError> {
    super::answer(async {
        let Some(id) = crate::session::citizen().await? else {
            return Ok(None);
        };
        Ok(Some(super::services()?.accounts.profile(id).await?))
    })
    .await
}

#[server(endpoint = "send-code", prefix = "/api")]
pub async fn send_code(phone: String, send_key: String) -> Result<CodeSentView, AppError> {
    super::answer(async move {
        let sent = super::services()?
            .accounts
            .send_code(&phone, &send_key, &client_ip())
            .await?;
        Ok(CodeSentView {
            phone_masked: sent.phone_masked,
            resend_after_secs: sent.resend_after_secs,
            fresh: sent.fresh,
        })
    })
    .await
}

/// 登录: on success the session cookie is set (a new token each time). 长辈版 on either side
/// (this browser, or the account from an earlier visit) stays on for both.
#[server(endpoint = "sign-in", prefix = "/api")]
pub async fn sign_in(phone: String, code: String) -> Result<(), AppError> {
    super::answer(async move {
        let services = super::services()?;
        let ip = client_ip();
        let replacing = cookie(CITIZEN_COOKIE);
        let signed = services
            .accounts
            .sign_in(&phone, &code, &ip, replacing.as_deref())
            .await?;
        set_cookie(CITIZEN_COOKIE, &signed.token, "/", None);
        if signed.elder {
            set_cookie(ELDER_COOKIE, "1", "/", Some(ELDER_MAX_AGE));
        } else if crate::session::elder() {
            services
                .accounts
                .set_elder(signed.citizen_id, true, &ip)
                .await?;
        }
        Ok(())
    })
    .await
}

#[server(endpoint = "sign-out", prefix = "/api")]
pub async fn sign_out() -> Result<(), AppError> {
    super::answer(async {
        if let (Some(id), Some(token)) = (crate::session::citizen().await?, cookie(CITIZEN_COOKIE))
        {
            super::services()?
                .accounts
                .sign_out(id, &token, &client_ip())
                .await?;
        }
        clear_cookie(CITIZEN_COOKIE, "/");
        Ok(())
    })
    .await
}

#[server(endpoint = "verify", prefix = "/api")]
pub async fn verify_identity(name: String, id_number: String) -> Result<Profile, AppError> {
    super::answer(async move {
        let id = require_citizen().await?;
        Ok(super::services()?
            .accounts
            .verify_identity(id, &name, &id_number, &client_ip())
            .await?)
    })
    .await
}

/// 长辈版 on or off: remembered in the browser, and with the account when signed in.
#[server(endpoint = "elder", prefix = "/api")]
pub async fn set_elder(on: bool) -> Result<(), AppError> {
    super::answer(async move {
        if on {
            set_cookie(ELDER_COOKIE, "1", "/", Some(ELDER_MAX_AGE));
        } else {
            clear_cookie(ELDER_COOKIE, "/");
        }
        if let Some(id) = crate::session::citizen().await? {
            super::services()?
                .accounts
                .set_elder(id, on, &client_ip())
                .await?;
        }
        Ok(())
    })
    .await
}

/// 注销账号. `confirm` must be "注销", typed or sent by the confirmation button.
#[server(endpoint = "erase", prefix = "/api")]
pub async fn erase_account(confirm: String) -> Result<(), AppError> {
    super::answer(async move {
        let id = require_citizen().await?;
        if confirm != "注销" {
            return Err(AppError::BadInput(domain::Invalid::ConfirmErase));
        }
        super::services()?.accounts.erase(id, &client_ip()).await?;
        clear_cookie(CITIZEN_COOKIE, "/");
        Ok(())
    })
    .await
}

#[server(endpoint = "family", prefix = "/api")]
pub async fn load_family() -> Result<Vec<FamilyMember>, AppError> {
    super::answer(async {
        let id = require_citizen().await?;
        Ok(super::services()?.accounts.family(id).await?)
    })
    .await
}

#[server(endpoint = "family-member", prefix = "/api")]
pub async fn load_family_member(member: i64) -> Result<FamilyMember, AppError> {
    super::answer(async move {
        let id = require_citizen().await?;
        Ok(super::services()?
            .accounts
            .family_member(id, member)
            .await?)
    })
    .await
}

#[server(endpoint = "family-add", prefix = "/api")]
pub async fn add_family_member(
    name: String,
    relation: String,
    id_number: String,
    request_key: String,
) -> Result<FamilyMember, AppError> {
    super::answer(async move {
        let id = require_citizen().await?;
        let form = backend::accounts::MemberForm {
            name,
            relation,
            id_number,
            request_key,
        };
        Ok(super::services()?
            .accounts
            .add_family_member(id, &form, &client_ip())
            .await?)
    })
    .await
}

#[server(endpoint = "family-remove", prefix = "/api")]
pub async fn remove_family_member(member: i64) -> Result<(), AppError> {
    super::answer(async move {
        let id = require_citizen().await?;
        Ok(super::services()?
            .accounts
            .remove_family_member(id, member, &client_ip())
            .await?)
    })
    .await
}

#[server(endpoint = "addresses", prefix = "/api")]
pub async fn load_addresses() -> Result<Vec<PostalAddress>, AppError> {
    super::answer(async {
        let id = require_citizen().await?;
        Ok(super::services()?.accounts.addresses(id).await?)
    })
    .await
}

#[server(endpoint = "address-add", prefix = "/api")]
pub async fn add_address(
    recipient: String,
    phone: String,
    region: String,
    detail: String,
    request_key: String,
) -> Result<i64, AppError> {
    super::answer(async move {
        let id = require_citizen().await?;
        let form = backend::accounts::AddressForm {
            recipient,
            phone,
            region,
            detail,
            request_key,
        };
        Ok(super::services()?
            .accounts
            .add_address(id, &form, &client_ip())
            .await?)
    })
    .await
}

#[server(endpoint = "address-remove", prefix = "/api")]
pub async fn remove_address(address: i64) -> Result<(), AppError> {
    super::answer(async move {
        let id = require_citizen().await?;
        Ok(super::services()?
            .accounts
            .remove_address(id, address, &client_ip())
            .await?)
    })
    .await
}

/// Development only: the texts "sent", newest first, to `phone` when given. NotFound in
/// production, as if it did not exist.
#[server(endpoint = "dev-outbox", prefix = "/api")]
pub async fn load_outbox(phone: String) -> Result<Vec<OutboxMessage>, AppError> {
    super::answer(async move {
        if !crate::session::site_mode().dev_tools {
            return Err(AppError::NotFound);
        }
        Ok(super::services()?.accounts.outbox(&phone).await?)
    })
    .await
}
