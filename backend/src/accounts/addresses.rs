use super::{AccountService, Actor, columns};
use crate::store::NewAddress;
use crate::{Error, Result};
use domain::{Invalid, PersonName, Phone, PostalAddress, Refusal};

const MAX_ADDRESSES: usize = 10;

/// What the 添加收件地址 form sends.
#[derive(Clone, Debug, Default)]
pub struct AddressForm {
    pub recipient: String,
    pub phone: String,
    /// 省市区, e.g. 河南省郑州市金水区.
    pub region: String,
    /// Street, building, unit and room.
    pub detail: String,
    pub request_key: String,
}

impl AccountService {
    pub async fn addresses(&self, citizen: i64) -> Result<Vec<PostalAddress>> {
        self.live_citizen(citizen).await?;
        let mut out = Vec::new();
        for a in self.store.addresses(citizen).await? {
            let detail = self.decrypt(&a.detail_enc, columns::ADDRESS_DETAIL)?;
            out.push(PostalAddress {
                id: a.id,
                recipient_masked: a.recipient_masked,
                phone_masked: a.phone_masked,
                region: a.region,
                detail,
            });
        }
        Ok(out)
    }

    pub async fn add_address(&self, citizen: i64, form: &AddressForm, ip: &str) -> Result<i64> {
        self.live_citizen(citizen).await?;
        let recipient = PersonName::parse(&form.recipient).map_err(Invalid::Recipient)?;
        let phone = Phone::parse(&form.phone).map_err(Invalid::ContactPhone)?;
        let region = form.region.trim();
        if !(4..=40).contains(&region.chars().count()) {
            return Err(Invalid::Region.into());
        }
        let detail = form.detail.trim();
        if !(4..=120).contains(&detail.chars().count()) {
            return Err(Invalid::AddressDetail.into());
        }
        if self.store.addresses(citizen).await?.len() >= MAX_ADDRESSES {
            return Err(Refusal::AddressesFull {
                max: MAX_ADDRESSES as u32,
            }
            .into());
        }
        let new = NewAddress {
            citizen_id: citizen,
            recipient_enc: self
                .pii
                .encrypt(recipient.as_str(), columns::ADDRESS_RECIPIENT),
            recipient_masked: recipient.masked(),
            phone_enc: self.pii.encrypt(phone.as_str(), columns::ADDRESS_PHONE),
            phone_masked: phone.masked(),
            region: region.to_owned(),
            detail_enc: self.pii.encrypt(detail, columns::ADDRESS_DETAIL),
            request_key: form.request_key.clone(),
            created_at: self.clock.now(),
        };
        let crate::store::Added::Id(id) = self.store.add_address(&new).await? else {
            return Err(Error::Corrupt("address insert reported a duplicate".into()));
        };
        self.audit
            .record(
                Actor::citizen(citizen),
                "address.add",
                Some(("address", id)),
                ip,
            )
            .await?;
        Ok(id)
    }

    pub async fn remove_address(&self, citizen: i64, address_id: i64, ip: &str) -> Result<()> {
        self.live_citizen(citizen).await?;
        if !self.store.remove_address(citizen, address_id).await? {
            return Err(Error::NotFound);
        }
        self.audit
            .record(
                Actor::citizen(citizen),
                "address.remove",
                Some(("address", address_id)),
                ip,
            )
            .await
    }
}
