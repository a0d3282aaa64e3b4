use super::AppError;
use domain::{Hall, ServiceItem, ServiceSummary};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the home page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeData {
    pub hot: Vec<ServiceSummary>,
    /// Short names of the departments open on weekends (不动产, 税务 …).
    pub weekend_departments: Vec<String>,
    pub hall: Option<Hall>,
}

#[server(endpoint = "home", prefix = "/api")]
pub async fn load_home() -> Result<HomeData, AppError> {
    super::answer(async {
        let home = super::services()?.catalog.home().await?;
        Ok(HomeData {
            hot: home.hot,
            weekend_departments: home
                .weekend_departments
                .into_iter()
                .map(|d| d.short_name)
                .collect(),
            hall: home.hall,
        })
    })
    .await
}

/// One 事项 with its whole 办事指南. An unknown or malformed code is `NotFound`: a citizen
/// following an old link needs the same answer either way.
#[server(endpoint = "guide", prefix = "/api")]
pub async fn load_guide(code: String) -> Result<ServiceItem, AppError> {
    super::answer(async {
        let code = domain::ServiceCode::parse(&code).map_err(|_| AppError::NotFound)?;
        Ok(super::services()?.catalog.guide(&code).await?)
    })
    .await
}
