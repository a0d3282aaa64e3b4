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

/// One search result, its name cut into runs to mark (true) or not, so a page can show
/// where the query matched without knowing how.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchResult {
    pub summary: ServiceSummary,
    pub name_runs: Vec<(String, bool)>,
}

/// What `/search` shows: a page of the app the query names first; then the results, or when
/// nothing fits well, that said plainly with the closest themes and the hotline, and the
/// results as "maybe"; when there are none at all, the hot services instead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchPage {
    pub query: String,
    pub page: Option<domain::search::AppPage>,
    /// The results are not a confident answer.
    pub weak: bool,
    pub closest_themes: Vec<domain::Theme>,
    pub results: Vec<SearchResult>,
    pub hot: Vec<ServiceSummary>,
}

/// How many results a search page lists.
#[cfg(feature = "ssr")]
const SEARCH_LIMIT: usize = 20;

#[cfg(feature = "ssr")]
fn result(found: backend::search::Found) -> SearchResult {
    let chars: Vec<char> = found.summary.name.chars().collect();
    let name_runs = match found.highlight {
        Some((start, end)) if start < end && end <= chars.len() => [
            (chars[..start].iter().collect::<String>(), false),
            (chars[start..end].iter().collect(), true),
            (chars[end..].iter().collect(), false),
        ]
        .into_iter()
        .filter(|(text, _)| !text.is_empty())
        .collect(),
        _ => vec![(found.summary.name.clone(), false)],
    };
    SearchResult {
        summary: found.summary,
        name_runs,
    }
}

#[server(endpoint = "search", prefix = "/api")]
pub async fn search_services(q: String) -> Result<SearchPage, AppError> {
    super::answer(async move {
        use backend::search::Answer;
        let services = super::services()?;
        if q.trim().is_empty() {
            return Ok(SearchPage {
                query: String::new(),
                page: None,
                weak: false,
                closest_themes: Vec::new(),
                results: Vec::new(),
                hot: Vec::new(),
            });
        }
        let outcome = services
            .search
            .search(&q, SEARCH_LIMIT, &crate::session::client_ip())
            .await?;
        let (weak, closest_themes, results) = match outcome.answer {
            Answer::Confident(results) => (false, Vec::new(), results),
            Answer::Weak {
                closest_themes,
                results,
            } => (true, closest_themes, results),
            Answer::Nothing => (true, Vec::new(), Vec::new()),
        };
        let results: Vec<SearchResult> = results.into_iter().map(result).collect();
        let hot = if results.is_empty() {
            services.catalog.home().await?.hot
        } else {
            Vec::new()
        };
        Ok(SearchPage {
            query: q.trim().to_owned(),
            page: outcome.page,
            weak,
            closest_themes,
            results,
            hot,
        })
    })
    .await
}

/// Suggestions while typing (nothing is recorded).
#[server(endpoint = "suggest", prefix = "/api")]
pub async fn suggest_services(q: String) -> Result<Vec<SearchResult>, AppError> {
    super::answer(async move {
        Ok(super::services()?
            .search
            .suggest(&q, 6)
            .await?
            .into_iter()
            .map(result)
            .collect())
    })
    .await
}

/// 办事 tab: themes (with how many 事项 each) and departments to browse by.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Browse {
    pub themes: Vec<(domain::Theme, usize)>,
    pub departments: Vec<domain::Department>,
}

#[server(endpoint = "browse", prefix = "/api")]
pub async fn load_browse() -> Result<Browse, AppError> {
    super::answer(async {
        let services = super::services()?;
        let mut themes = Vec::new();
        for theme in domain::Theme::ALL {
            themes.push((theme, services.search.by_theme(theme).await?.len()));
        }
        Ok(Browse {
            themes,
            departments: services.store.departments().await?,
        })
    })
    .await
}

/// The 事项 of one theme (`slug` as in `/theme/birth`).
#[server(endpoint = "theme", prefix = "/api")]
pub async fn load_theme(slug: String) -> Result<(domain::Theme, Vec<ServiceSummary>), AppError> {
    super::answer(async move {
        let theme = domain::Theme::from_slug(&slug).ok_or(AppError::NotFound)?;
        Ok((theme, super::services()?.search.by_theme(theme).await?))
    })
    .await
}

/// The 事项 of one department.
#[server(endpoint = "department", prefix = "/api")]
pub async fn load_department(
    code: String,
) -> Result<(domain::Department, Vec<ServiceSummary>), AppError> {
    super::answer(async move {
        let services = super::services()?;
        let department = services
            .store
            .departments()
            .await?
            .into_iter()
            .find(|d| d.code == code)
            .ok_or(AppError::NotFound)?;
        Ok((department, services.search.by_department(&code).await?))
    })
    .await
}
