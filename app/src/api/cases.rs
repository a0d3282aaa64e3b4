//! 在线申办 and 办件进度 server functions: the citizen's own cases only (others read as not
//! found), and under `/staff/api` the clerk's and approver's (their departments only).

use super::AppError;
use domain::case::{CaseAction, CaseSummary, CaseView, Verification};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::session::{require_citizen, require_staff};

/// A case's page: the case, and (while the citizen may still change it) what they typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseForm {
    pub case: CaseView,
    /// Field key → what was typed; empty once the form is closed to changes.
    pub typed: Vec<(String, String)>,
    /// The e-certificate's QR code (SVG), pointing at its verification page.
    pub certificate_qr: Option<String>,
}

/// The verification page's answer, with the key that checks every certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verified {
    pub outcome: Verification,
    pub public_key: String,
}

/// `https://host/verify/CODE?s=SIGNATURE`: what a certificate's QR code holds.
#[cfg(feature = "ssr")]
fn verify_url(code: &str, signature: &str) -> String {
    let secure = crate::session::site_mode().secure_cookies;
    let host = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| {
            p.headers
                .get(http::header::HOST)
                .and_then(|h| h.to_str().ok())
                .map(str::to_owned)
        })
        .unwrap_or_else(|| "localhost".to_owned());
    let scheme = if secure { "https" } else { "http" };
    format!("{scheme}://{host}/verify/{code}?s={signature}")
}

/// Starts an application for `item` (for a family member when `member` is an id).
#[server(endpoint = "case-start", prefix = "/api")]
pub async fn start_case(
    item: String,
    member: String,
    request_key: String,
) -> Result<i64, AppError> {
    super::answer(async move {
        let citizen = require_citizen().await?;
        let member_id = match member.trim() {
            "" | "self" => None,
            raw => Some(raw.parse().map_err(|_| AppError::NotFound)?),
        };
        let form = backend::cases::StartForm {
            item,
            member_id,
            request_key,
        };
        Ok(super::services()?.cases.start(citizen, &form).await?)
    })
    .await
}

#[server(endpoint = "case", prefix = "/api")]
pub async fn load_case(id: i64) -> Result<CaseForm, AppError> {
    super::answer(async move {
        let citizen = require_citizen().await?;
        let services = super::services()?;
        let case = services.cases.my_case(citizen, id).await?;
        let typed = if case.summary.state.awaits_citizen() {
            services
                .cases
                .typed_answers(citizen, id)
                .await?
                .into_iter()
                .map(|(k, v)| (k.as_str().to_owned(), v))
                .collect()
        } else {
            Vec::new()
        };
        let certificate_qr = case.result.as_ref().and_then(|r| {
            let c = r.certificate.as_ref()?;
            backend::booking::qr_svg(&verify_url(&c.code, r.signature.as_deref()?))
        });
        Ok(CaseForm {
            case,
            typed,
            certificate_qr,
        })
    })
    .await
}

/// Saves one step's answers; with `check`, the step must be right (going on).
#[server(endpoint = "case-save", prefix = "/api")]
pub async fn save_case_step(
    id: i64,
    step: u32,
    answers: Vec<(String, String)>,
    check: bool,
) -> Result<(), AppError> {
    super::answer(async move {
        let citizen = require_citizen().await?;
        let typed = super::keyed(answers);
        Ok(super::services()?
            .cases
            .save(citizen, id, step, &typed, check)
            .await?)
    })
    .await
}

#[server(endpoint = "case-submit", prefix = "/api")]
pub async fn submit_case(id: i64) -> Result<CaseView, AppError> {
    super::answer(async move {
        let citizen = require_citizen().await?;
        Ok(super::services()?.cases.submit(citizen, id).await?)
    })
    .await
}

#[server(endpoint = "case-withdraw", prefix = "/api")]
pub async fn withdraw_case(id: i64) -> Result<(), AppError> {
    super::answer(async move {
        let citizen = require_citizen().await?;
        Ok(super::services()?.cases.withdraw(citizen, id).await?)
    })
    .await
}

/// The 进度 tab: the citizen's cases, newest change first.
#[server(endpoint = "my-cases", prefix = "/api")]
pub async fn load_my_cases() -> Result<Vec<CaseSummary>, AppError> {
    super::answer(async move {
        let citizen = require_citizen().await?;
        Ok(super::services()?.cases.my_cases(citizen).await?)
    })
    .await
}

/// `/track`: a case by its number and the last 4 digits of the applicant's phone, for
/// someone not signed in; a wrong pair and an unknown number answer alike.
#[server(endpoint = "track", prefix = "/api")]
pub async fn track_case(number: String, last4: String) -> Result<CaseSummary, AppError> {
    super::answer(async move {
        let ip = crate::session::client_ip();
        Ok(super::services()?.cases.track(&number, &last4, &ip).await?)
    })
    .await
}

/// A staff queue, and the 事项 in it to narrow it by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseQueue {
    pub cases: Vec<CaseSummary>,
    /// (code, name) of every 事项 waiting in the queue at this state.
    pub items: Vec<(String, String)>,
}

/// The clerk's or approver's queue, overdue first; `state` and `item` narrow it (empty: all).
#[server(endpoint = "case-queue", prefix = "/staff/api")]
pub async fn load_case_queue(state: String, item: String) -> Result<CaseQueue, AppError> {
    super::answer(async move {
        let staff = require_staff().await?;
        let filter = backend::cases::QueueFilter {
            state: domain::case::CaseState::parse(&state),
            item: None,
        };
        let mut cases = super::services()?.cases.queue(&staff, &filter).await?;
        let mut items: Vec<(String, String)> = cases
            .iter()
            .map(|c| (c.item_code.clone(), c.item_name.clone()))
            .collect();
        items.sort();
        items.dedup();
        if !item.is_empty() {
            cases.retain(|c| c.item_code == item);
        }
        Ok(CaseQueue { cases, items })
    })
    .await
}

/// A case of the staff member's departments, and the actions their role may take on it now.
#[server(endpoint = "staff-case", prefix = "/staff/api")]
pub async fn load_staff_case(id: i64) -> Result<(CaseView, Vec<CaseAction>), AppError> {
    super::answer(async move {
        let staff = require_staff().await?;
        let case = super::services()?.cases.staff_case(&staff, id).await?;
        let actor = match staff.role {
            domain::StaffRole::Clerk | domain::StaffRole::GeneralClerk => {
                domain::case::Actor::Clerk
            }
            domain::StaffRole::Approver => domain::case::Actor::Approver,
            _ => return Ok((case, Vec::new())),
        };
        let immediate = case.summary.limit_days == 0;
        let allowed = CaseAction::ALL
            .into_iter()
            .filter(|a| domain::case::next(case.summary.state, *a, actor, immediate).is_ok())
            .collect();
        Ok((case, allowed))
    })
    .await
}

/// A staff decision: the action, its reason, the materials a supplement asks for, and the
/// tracking number or pickup code where the action needs one.
#[server(endpoint = "case-act", prefix = "/staff/api")]
pub async fn act_on_case(
    id: i64,
    action: String,
    note: String,
    wanted: Vec<String>,
    tracking_no: String,
    pickup_code: String,
    outputs: Vec<(String, String)>,
) -> Result<(), AppError> {
    super::answer(async move {
        let staff = require_staff().await?;
        let action = CaseAction::parse(&action).ok_or(AppError::NotFound)?;
        let decision = backend::cases::Decision {
            wanted,
            tracking_no,
            pickup_code,
            outputs: super::keyed(outputs),
            ..backend::cases::Decision::new(action, &note)
        };
        Ok(super::services()?
            .cases
            .decide(&staff, id, &decision)
            .await?)
    })
    .await
}

/// `/verify/{code}`: anyone may check a certificate; `signature` is what its QR code held.
#[server(endpoint = "certificate-verify", prefix = "/api")]
pub async fn verify_certificate(
    code: String,
    signature: Option<String>,
) -> Result<Verified, AppError> {
    super::answer(async move {
        let cases = &super::services()?.cases;
        Ok(Verified {
            outcome: cases.verify(&code, signature.as_deref()).await?,
            public_key: cases.certificate_key(),
        })
    })
    .await
}
