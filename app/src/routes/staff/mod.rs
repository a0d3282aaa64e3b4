//! 工作人员: sign-in at `/staff`, the desk page, and staff account management for admins.

mod account;
mod accounts;
mod home;
mod search_misses;
mod sign_in;

pub use account::StaffAccountPage;
pub use accounts::StaffAccountsPage;
pub use home::StaffHomePage;
pub use search_misses::SearchMissesPage;
pub use sign_in::StaffSignInPage;

use crate::api::{AppError, StaffForm};
use crate::forms::Posted;

/// Staff pages send anyone not signed in as staff to the staff sign-in.
pub(crate) fn staff_sign_in_first<T>(result: &Result<T, AppError>) {
    if matches!(result, Err(AppError::SignInRequired)) {
        crate::forms::go("/staff");
    }
}

/// The staff form's fields as posted.
pub(crate) fn staff_form(f: &Posted) -> StaffForm {
    StaffForm {
        username: f.get("username"),
        display_name: f.get("display_name"),
        role: f.get("role"),
        hall_code: f.get("hall_code"),
        departments: f.all("departments"),
        active: f.get("active") == "on",
    }
}
