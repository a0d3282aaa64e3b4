//! Accounts: citizens sign in with a text-message code, verify their real name, keep family
//! members and postal addresses; staff sign in with a password; sessions and the audit log
//! serve both. Every change is audited with who did it and from where.

mod addresses;
mod audit;
mod family;
mod identity;
mod profile;
mod rate_limit;
mod sessions;
mod sign_in;
mod sms;
mod staff;

pub use addresses::AddressForm;
pub use audit::{Actor, Audit};
pub use family::MemberForm;
pub use identity::{AcceptValidNumbers, IdentityVerdict, IdentityVerifier};
pub use rate_limit::{IpLimiter, IpLimits};
pub use sessions::SessionService;
pub use sign_in::{CodeSent, SignedIn};
pub use sms::{OutboxSms, SmsSender};
pub use staff::{NewStaffForm, StaffService};

use crate::clock::Clock;
use crate::pii::PiiCipher;
use crate::{Error, Result, Store};
use domain::{CivilDate, OtpPolicy};
use std::sync::Arc;

/// Column names double as the encryption's associated data: a value copied into another
/// column does not decrypt.
pub(crate) mod columns {
    pub const CITIZEN_PHONE: &str = "citizens.phone";
    pub const CITIZEN_NAME: &str = "citizens.name";
    pub const CITIZEN_ID: &str = "citizens.id_number";
    pub const MEMBER_NAME: &str = "family_members.name";
    pub const MEMBER_ID: &str = "family_members.id_number";
    pub const ADDRESS_RECIPIENT: &str = "addresses.recipient";
    pub const ADDRESS_PHONE: &str = "addresses.phone";
    pub const ADDRESS_DETAIL: &str = "addresses.detail";
    pub const OUTBOX_RECIPIENT: &str = "outbox.recipient";
    pub const OTP_CODE: &str = "otp_state.code";
}

impl AccountService {
    /// Counts a guess from `ip` (a code, a password, a case-number lookup) against the
    /// address's tries; refused when they are used up.
    pub(crate) fn count_try(&self, ip: &str) -> Result<()> {
        self.limiter
            .check(rate_limit::Bucket::Try, ip, self.clock.now())
    }
}

/// The citizen side of accounts.
#[derive(Clone)]
pub struct AccountService {
    store: Arc<dyn Store>,
    pii: PiiCipher,
    clock: Arc<dyn Clock>,
    sms: Arc<dyn SmsSender>,
    /// Texts go to the outbox table (no carrier gateway configured): a caller may then queue
    /// one inside its own transaction (`seal_text`).
    texts_to_outbox: bool,
    verifier: Arc<dyn IdentityVerifier>,
    limiter: IpLimiter,
    sessions: SessionService,
    audit: Audit,
    otp: OtpPolicy,
}

/// What the account services are built from.
#[derive(Clone)]
pub struct AccountSetup {
    pub pii: PiiCipher,
    pub clock: Arc<dyn Clock>,
    /// None: texts go to the outbox table (the development default).
    pub sms: Option<Arc<dyn SmsSender>>,
    pub verifier: Arc<dyn IdentityVerifier>,
    pub limits: IpLimits,
    pub booking: domain::booking::BookingPolicy,
    /// Where uploaded files are kept.
    pub blobs: Arc<dyn crate::blobs::BlobStore>,
}

impl AccountService {
    pub(crate) fn new(
        store: Arc<dyn Store>,
        setup: &AccountSetup,
        sessions: SessionService,
    ) -> Self {
        let sms = setup.sms.clone().unwrap_or_else(|| {
            Arc::new(OutboxSms::new(
                store.clone(),
                setup.pii.clone(),
                setup.clock.clone(),
            ))
        });
        Self {
            audit: Audit::new(store.clone(), setup.clock.clone()),
            store,
            pii: setup.pii.clone(),
            clock: setup.clock.clone(),
            sms,
            texts_to_outbox: setup.sms.is_none(),
            verifier: setup.verifier.clone(),
            limiter: IpLimiter::new(setup.limits),
            sessions,
            otp: OtpPolicy::default(),
        }
    }

    /// Decrypts a stored value; failing means the key or the row is wrong, not the input.
    fn decrypt(&self, stored: &[u8], column: &str) -> Result<String> {
        self.pii
            .decrypt(stored, column)
            .map_err(|e| Error::Corrupt(format!("{column}: {e}")))
    }

    fn today(&self) -> CivilDate {
        CivilDate::in_china(self.clock.now())
    }

    /// The live citizen with this id; a session whose citizen was erased signs in nobody.
    async fn live_citizen(&self, id: i64) -> Result<crate::store::CitizenRecord> {
        match self.store.citizen(id).await? {
            Some(c) if c.deleted_at.is_none() => Ok(c),
            _ => Err(Error::SignInRequired),
        }
    }
}
