//! Staff server functions, under `/staff/api` so the staff cookie (scoped to `/staff`)
//! reaches them and citizen pages never carry it. Each asks `session` for the staff member;
//! the backend checks the role.

use super::AppError;
use domain::StaffMember;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::session::{
    STAFF_COOKIE, STAFF_PATH, clear_cookie, client_ip, cookie, require_staff, set_cookie, staff_may,
};

/// The fields of the staff form (create and edit).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StaffForm {
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub hall_code: String,
    pub departments: Vec<String>,
    pub active: bool,
}

#[cfg(feature = "ssr")]
impl From<StaffForm> for backend::accounts::NewStaffForm {
    fn from(f: StaffForm) -> Self {
        Self {
            username: f.username,
            display_name: f.display_name,
            role: f.role,
            hall_code: f.hall_code,
            departments: f.departments,
            active: f.active,
        }
    }
}

#[server(endpoint = "sign-in", prefix = "/staff/api")]
pub async fn staff_sign_in(username: String, password: String) -> Result<(), AppError> {
    super::answer(async move {
        let token = super::services()?
            .staff
            .sign_in(
                &username,
                &password,
                &client_ip(),
                cookie(STAFF_COOKIE).as_deref(),
            )
            .await?;
        set_cookie(STAFF_COOKIE, &token, STAFF_PATH, None);
        Ok(())
    })
    .await
}

/// The signed-in staff member; None when nobody is.
#[server(endpoint = "me", prefix = "/staff/api")]
pub async fn load_staff_me() -> Result<Option<StaffMember>, AppError> {
    super::answer(async { crate::session::staff().await }).await
}

#[server(endpoint = "sign-out", prefix = "/staff/api")]
pub async fn staff_sign_out() -> Result<(), AppError> {
    super::answer(async {
        if let (Some(me), Some(token)) = (crate::session::staff().await?, cookie(STAFF_COOKIE)) {
            super::services()?
                .staff
                .sign_out(&me, &token, &client_ip())
                .await?;
        }
        clear_cookie(STAFF_COOKIE, STAFF_PATH);
        Ok(())
    })
    .await
}

#[server(endpoint = "list", prefix = "/staff/api")]
pub async fn list_staff() -> Result<Vec<StaffMember>, AppError> {
    super::answer(async {
        let me = staff_may(domain::StaffAction::ManageStaff).await?;
        Ok(super::services()?.staff.list(&me).await?)
    })
    .await
}

#[server(endpoint = "member", prefix = "/staff/api")]
pub async fn load_staff_member(id: i64) -> Result<StaffMember, AppError> {
    super::answer(async move {
        let me = staff_may(domain::StaffAction::ManageStaff).await?;
        Ok(super::services()?.staff.get(&me, id).await?)
    })
    .await
}

/// Creates a staff account; returns it with its first password, shown once.
#[server(endpoint = "create", prefix = "/staff/api")]
pub async fn create_staff(form: StaffForm) -> Result<(StaffMember, String), AppError> {
    super::answer(async move {
        let me = staff_may(domain::StaffAction::ManageStaff).await?;
        Ok(super::services()?
            .staff
            .create(&me, &form.into(), &client_ip())
            .await?)
    })
    .await
}

#[server(endpoint = "update", prefix = "/staff/api")]
pub async fn update_staff(id: i64, form: StaffForm) -> Result<StaffMember, AppError> {
    super::answer(async move {
        let me = staff_may(domain::StaffAction::ManageStaff).await?;
        Ok(super::services()?
            .staff
            .update(&me, id, &form.into(), &client_ip())
            .await?)
    })
    .await
}

/// A new generated password for a staff account, shown once.
#[server(endpoint = "reset-password", prefix = "/staff/api")]
pub async fn reset_staff_password(id: i64) -> Result<String, AppError> {
    super::answer(async move {
        let me = staff_may(domain::StaffAction::ManageStaff).await?;
        Ok(super::services()?
            .staff
            .reset_password(&me, id, &client_ip())
            .await?)
    })
    .await
}

/// The halls and departments a staff account can be tied to, as (code, name).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Org {
    pub halls: Vec<(String, String)>,
    pub departments: Vec<(String, String)>,
}

impl Org {
    /// 不动产、税务 for the codes given, in that order (an unknown code shows as itself).
    pub fn department_names(&self, codes: &[String]) -> String {
        codes
            .iter()
            .map(|code| {
                self.departments
                    .iter()
                    .find(|(c, _)| c == code)
                    .map_or(code.as_str(), |(_, name)| name.as_str())
            })
            .collect::<Vec<_>>()
            .join("、")
    }

    pub fn hall_name(&self, code: Option<&str>) -> Option<String> {
        let code = code?;
        Some(
            self.halls
                .iter()
                .find(|(c, _)| c == code)
                .map_or(code, |(_, name)| name.as_str())
                .to_owned(),
        )
    }
}

#[server(endpoint = "org", prefix = "/staff/api")]
pub async fn load_org() -> Result<Org, AppError> {
    super::answer(async {
        require_staff().await?;
        let store = super::services()?.store;
        Ok(Org {
            halls: store
                .halls()
                .await?
                .into_iter()
                .map(|h| (h.code, h.name))
                .collect(),
            departments: store
                .departments()
                .await?
                .into_iter()
                .map(|d| (d.code, d.short_name))
                .collect(),
        })
    })
    .await
}

/// A query that found nothing, for the admin list.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MissView {
    pub query: String,
    pub count: i64,
    /// When it was last searched, China time, "2026-11-28".
    pub last_day: String,
}

/// The searches that most often found nothing (admins), so guides and keywords can be fixed.
#[server(endpoint = "search-misses", prefix = "/staff/api")]
pub async fn load_search_misses() -> Result<Vec<MissView>, AppError> {
    super::answer(async {
        crate::session::staff_may(domain::StaffAction::ReadSearchMisses).await?;
        Ok(super::services()?
            .search
            .top_misses(50)
            .await?
            .into_iter()
            .map(|m| MissView {
                query: m.query,
                count: m.count,
                last_day: domain::CivilDate::in_china(m.last_at).to_string(),
            })
            .collect())
    })
    .await
}
