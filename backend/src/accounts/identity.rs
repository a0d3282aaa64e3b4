use crate::Result;
use async_trait::async_trait;
use domain::{IdNumber, PersonName, VerifyLevel};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdentityVerdict {
    Match,
    /// The authority does not know this name with this number.
    Mismatch,
}

/// Checks a name and ID number against an authority (the public security population
/// database, through the province's identity service, in production).
#[async_trait]
pub trait IdentityVerifier: Send + Sync + 'static {
    async fn verify(&self, name: &PersonName, id: &IdNumber) -> Result<IdentityVerdict>;
    /// What a `Match` from this verifier proves; kept with the account.
    fn level(&self) -> VerifyLevel;
}

/// The default until an authority is connected: any number that passes GB 11643 matches.
/// It proves the number is well-formed, not that it belongs to the person typing it.
pub struct AcceptValidNumbers;

#[async_trait]
impl IdentityVerifier for AcceptValidNumbers {
    async fn verify(&self, _name: &PersonName, _id: &IdNumber) -> Result<IdentityVerdict> {
        Ok(IdentityVerdict::Match)
    }

    fn level(&self) -> VerifyLevel {
        VerifyLevel::Number
    }
}
