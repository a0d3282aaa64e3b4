use super::{AccountService, Actor, columns};
use crate::store::{Added, MemberRecord, NewMember};
use crate::{Error, Result};
use domain::{Choice, FamilyMember, IdNumber, Invalid, PersonName, Refusal, Relation};

/// Enough for a household with grandparents on both sides.
const MAX_MEMBERS: usize = 10;

/// What the 添加家庭成员 form sends.
#[derive(Clone, Debug, Default)]
pub struct MemberForm {
    pub name: String,
    pub relation: String,
    /// May be empty for a child (a newborn has no number before 户口登记).
    pub id_number: String,
    pub request_key: String,
}

fn member(record: MemberRecord) -> Result<FamilyMember> {
    let relation = Relation::parse(&record.relation)
        .ok_or_else(|| Error::Corrupt(format!("family_members.relation = {}", record.relation)))?;
    Ok(FamilyMember {
        id: record.id,
        name_masked: record.name_masked,
        relation,
        id_masked: record.id_masked,
    })
}

impl AccountService {
    /// Is a member of `relation` named `name` without an ID number listed already?
    fn has_unnumbered(
        &self,
        existing: &[MemberRecord],
        relation: Relation,
        name: &PersonName,
    ) -> Result<bool> {
        for m in existing
            .iter()
            .filter(|m| m.relation == relation.as_str() && m.id_masked.is_none())
        {
            if self.decrypt(&m.name_enc, columns::MEMBER_NAME)? == name.as_str() {
                return Ok(true);
            }
        }
        Ok(false)
    }

    pub async fn family(&self, citizen: i64) -> Result<Vec<FamilyMember>> {
        self.live_citizen(citizen).await?;
        self.store
            .family(citizen)
            .await?
            .into_iter()
            .map(member)
            .collect()
    }

    /// One of the citizen's own members; anyone else's is `NotFound`, as if it did not exist.
    pub async fn family_member(&self, citizen: i64, member_id: i64) -> Result<FamilyMember> {
        self.live_citizen(citizen).await?;
        let record = self.store.family_member(citizen, member_id).await?;
        member(record.ok_or(Error::NotFound)?)
    }

    pub async fn add_family_member(
        &self,
        citizen: i64,
        form: &MemberForm,
        ip: &str,
    ) -> Result<FamilyMember> {
        let record = self.live_citizen(citizen).await?;
        if record.verified_at.is_none() {
            return Err(Refusal::NotVerified.into());
        }
        let relation = Relation::parse(&form.relation).ok_or(Invalid::Choose(Choice::Relation))?;
        let name = PersonName::parse(&form.name).map_err(Invalid::Name)?;
        let id = match form.id_number.trim() {
            "" if relation.may_lack_id() => None,
            "" => return Err(Invalid::MemberIdNeeded(relation).into()),
            raw => Some(IdNumber::parse(raw, self.today()).map_err(Invalid::IdNumber)?),
        };
        let index = id.as_ref().map(|id| {
            self.pii
                .blind_index(id.as_str(), columns::CITIZEN_ID)
                .to_vec()
        });
        if index.is_some() && index == record.id_index {
            return Err(Refusal::SelfAsMember.into());
        }
        let existing = self.store.family(citizen).await?;
        // The same form again: the member it added the first time.
        if let Some(done) = existing.iter().find(|m| m.request_key == form.request_key) {
            return self.family_member(citizen, done.id).await;
        }
        if existing.len() >= MAX_MEMBERS {
            return Err(Refusal::FamilyFull {
                max: MAX_MEMBERS as u32,
            }
            .into());
        }
        if relation.only_one() && existing.iter().any(|m| m.relation == relation.as_str()) {
            return Err(Refusal::RelationTaken(relation).into());
        }
        if id.is_none() && self.has_unnumbered(&existing, relation, &name)? {
            return Err(Refusal::MemberRepeated {
                relation,
                name_masked: name.masked(),
            }
            .into());
        }
        if let (Some(id), Some(own)) = (&id, &record.id_enc) {
            let own = self.decrypt(own, columns::CITIZEN_ID)?;
            let own =
                IdNumber::parse(&own, self.today()).map_err(|e| Error::Corrupt(e.to_string()))?;
            if !relation.birth_fits(id.birth_date(), own.birth_date()) {
                return Err(Refusal::BirthOrder(relation).into());
            }
        }
        let new = NewMember {
            citizen_id: citizen,
            name_enc: self.pii.encrypt(name.as_str(), columns::MEMBER_NAME),
            name_masked: name.masked(),
            relation: relation.as_str(),
            id_enc: id
                .as_ref()
                .map(|id| self.pii.encrypt(id.as_str(), columns::MEMBER_ID)),
            // The member's number is indexed like a citizen's, so one index finds a person
            // whether they hold an account or are listed in someone's family.
            id_index: index,
            id_masked: id.as_ref().map(IdNumber::masked),
            request_key: form.request_key.clone(),
            created_at: self.clock.now(),
        };
        let Added::Id(member_id) = self.store.add_family_member(&new).await? else {
            return Err(Refusal::MemberListed.into());
        };
        self.audit
            .record(
                Actor::citizen(citizen),
                "family.add",
                Some(("family_member", member_id)),
                ip,
            )
            .await?;
        self.family_member(citizen, member_id).await
    }

    pub async fn remove_family_member(&self, citizen: i64, member_id: i64, ip: &str) -> Result<()> {
        self.live_citizen(citizen).await?;
        if !self.store.remove_family_member(citizen, member_id).await? {
            return Err(Error::NotFound);
        }
        self.audit
            .record(
                Actor::citizen(citizen),
                "family.remove",
                Some(("family_member", member_id)),
                ip,
            )
            .await
    }
}
