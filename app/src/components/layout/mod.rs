mod app_bar;
mod back;
mod elder_switch;
mod frame;
mod notice;
#[cfg(feature = "ssr")]
mod security;
mod tab_bar;

pub use app_bar::{AppBar, ElderToggle};
pub use back::{back_target, from_here, local_path, with_from};
pub use elder_switch::ElderSwitch;
pub use frame::{Frame, StaffFrame};
pub use notice::Notice;
#[cfg(feature = "ssr")]
pub use security::{CspNonce, page_policy, provide_request_nonce};
pub use tab_bar::{Tab, TabBar};
