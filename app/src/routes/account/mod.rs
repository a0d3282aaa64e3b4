//! 我的: sign-in, profile, 实名认证, family members, addresses, 长辈版, account erasure, and the
//! development text outbox.

mod addresses;
mod dev_outbox;
mod elder;
mod erase;
mod family;
mod family_member;
mod login;
mod me;
mod verify;

pub use addresses::AddressesPage;
pub use dev_outbox::DevOutboxPage;
pub use elder::ElderPage;
pub use erase::ErasePage;
pub use family::FamilyPage;
pub use family_member::FamilyMemberPage;
pub use login::LoginPage;
pub use me::MePage;
pub use verify::VerifyPage;

use crate::api::AppError;

/// A page that needs a signed-in citizen sends others to sign in first, and back after.
pub(crate) fn sign_in_first<T>(result: &Result<T, AppError>, here: &str) {
    if matches!(result, Err(AppError::SignInRequired)) {
        crate::forms::go(&crate::forms::sign_in_path(here));
    }
}
