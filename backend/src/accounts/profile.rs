use super::rate_limit::Bucket;
use super::{AccountService, Actor, IdentityVerdict, columns};
use crate::store::{Added, SealedIdentity};
use crate::{Error, Result};
use domain::{IdNumber, Invalid, PersonName, Profile, Refusal};

impl AccountService {
    pub async fn profile(&self, citizen: i64) -> Result<Profile> {
        let c = self.live_citizen(citizen).await?;
        Ok(Profile {
            phone_masked: c.phone_masked.unwrap_or_default(),
            name_masked: c.name_masked,
            id_masked: c.id_masked,
            verified: c.verified_at.is_some(),
            verify_level: c
                .verified_level
                .as_deref()
                .and_then(domain::VerifyLevel::parse),
            elder: c.elder,
        })
    }

    /// 实名认证: a name and ID number that parse, that the identity authority matches, and
    /// that no other account holds.
    pub async fn verify_identity(
        &self,
        citizen: i64,
        name: &str,
        id_number: &str,
        ip: &str,
    ) -> Result<Profile> {
        // Each try costs: per account (wherever it comes from) and per address, so nobody
        // can walk ID numbers to learn which are registered.
        let now = self.clock.now();
        for (bucket, key) in [
            (Bucket::VerifyAccount, citizen.to_string()),
            (Bucket::Verify, ip.to_owned()),
        ] {
            if self.limiter.check(bucket, &key, now).is_err() {
                return Err(Error::Refused(Refusal::VerifyTooOften));
            }
        }
        let name = PersonName::parse(name).map_err(Invalid::Name)?;
        let id = IdNumber::parse(id_number, self.today()).map_err(Invalid::IdNumber)?;
        let record = self.live_citizen(citizen).await?;
        let index = self
            .pii
            .blind_index(id.as_str(), columns::CITIZEN_ID)
            .to_vec();
        if record.verified_at.is_some() {
            // The same form sent twice is done; a different identity is not for this page.
            if record.id_index.as_deref() == Some(index.as_slice()) {
                return self.profile(citizen).await;
            }
            return Err(Refusal::AlreadyVerified.into());
        }
        if self.verifier.verify(&name, &id).await? == IdentityVerdict::Mismatch {
            return Err(Refusal::NameIdMismatch.into());
        }
        let sealed = SealedIdentity {
            name_enc: self.pii.encrypt(name.as_str(), columns::CITIZEN_NAME),
            name_masked: name.masked(),
            id_enc: self.pii.encrypt(id.as_str(), columns::CITIZEN_ID),
            id_index: index,
            id_masked: id.masked(),
            level: self.verifier.level(),
        };
        if self
            .store
            .set_identity(citizen, &sealed, self.clock.now())
            .await?
            == Added::Duplicate
        {
            // Kept for the owner's sake (they learn someone holds their number), and written
            // down for staff: repeated collisions from one account look like probing.
            tracing::warn!(citizen, "ID number already verified on another account");
            self.audit
                .record(
                    Actor::citizen(citizen),
                    "citizen.verify_collision",
                    Some(("citizen", citizen)),
                    ip,
                )
                .await?;
            return Err(Refusal::IdOnAnotherAccount.into());
        }
        self.audit
            .record(
                Actor::citizen(citizen),
                "citizen.verify",
                Some(("citizen", citizen)),
                ip,
            )
            .await?;
        self.profile(citizen).await
    }

    /// 长辈版 on or off, kept with the account.
    pub async fn set_elder(&self, citizen: i64, elder: bool, ip: &str) -> Result<()> {
        self.live_citizen(citizen).await?;
        self.store.set_elder(citizen, elder).await?;
        let action = if elder {
            "citizen.elder_on"
        } else {
            "citizen.elder_off"
        };
        self.audit
            .record(
                Actor::citizen(citizen),
                action,
                Some(("citizen", citizen)),
                ip,
            )
            .await
    }

    /// 注销账号: personal data, family and addresses go; the anonymous row stays so that case
    /// history and the audit log keep their references.
    pub async fn erase(&self, citizen: i64, ip: &str) -> Result<()> {
        self.live_citizen(citizen).await?;
        self.store.erase_citizen(citizen, self.clock.now()).await?;
        self.audit
            .record(
                Actor::citizen(citizen),
                "citizen.erase",
                Some(("citizen", citizen)),
                ip,
            )
            .await
    }
}
