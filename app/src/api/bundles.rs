//! 一件事 server functions: the bundles (public), and starting one (the citizen's, after the
//! eligibility questions). The joint form is then an ordinary case draft.

use super::AppError;
use domain::bundle::{BundleEntry, BundleIntro};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::session::require_citizen;

/// What asking to start a bundle came to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BundleStart {
    /// The joint form's draft.
    Draft(i64),
    /// The eligibility rules (by position) not met.
    NotEligible(Vec<usize>),
}

/// The bundles: all, or of a theme (its slug), or those a search query names.
#[server(endpoint = "bundles", prefix = "/api")]
pub async fn load_bundles(theme: String, query: String) -> Result<Vec<BundleEntry>, AppError> {
    super::answer(async move {
        let theme = match theme.as_str() {
            "" => None,
            slug => Some(domain::Theme::from_slug(slug).ok_or(AppError::NotFound)?),
        };
        Ok(super::services()?
            .cases
            .bundle_entries(theme, &query)
            .await?)
    })
    .await
}

#[server(endpoint = "bundle", prefix = "/api")]
pub async fn load_bundle(code: String) -> Result<BundleIntro, AppError> {
    super::answer(async move { Ok(super::services()?.cases.bundle_intro(&code).await?) }).await
}

/// Answers the eligibility questions; when they are met, the joint form's draft.
#[server(endpoint = "bundle-start", prefix = "/api")]
pub async fn start_bundle(
    code: String,
    answers: Vec<(String, String)>,
    request_key: String,
) -> Result<BundleStart, AppError> {
    super::answer(async move {
        let citizen = require_citizen().await?;
        let typed = super::keyed(answers);
        let started = super::services()?
            .cases
            .start_bundle(citizen, &code, &typed, &request_key)
            .await?;
        Ok(match started {
            backend::cases::Started::Draft(id) => BundleStart::Draft(id),
            backend::cases::Started::NotEligible(rules) => BundleStart::NotEligible(rules),
        })
    })
    .await
}
