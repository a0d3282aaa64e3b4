use super::columns;
use crate::clock::Clock;
use crate::pii::PiiCipher;
use crate::store::NewOutbox;
use crate::{Error, Result, Store};
use async_trait::async_trait;
use domain::Phone;
use std::sync::Arc;

/// Sends a text message. Production plugs in the carrier gateway the province contracts.
/// `purge_at`: when a record of the text must be gone (a sign-in code, once expired).
#[async_trait]
pub trait SmsSender: Send + Sync + 'static {
    async fn send(&self, to: &Phone, body: &str, purge_at: Option<i64>) -> Result<()>;
}

/// The default sender: records each text in the outbox table (recipient encrypted), where a
/// relay would pick it up and where `/dev/outbox` shows it in development.
pub struct OutboxSms {
    store: Arc<dyn Store>,
    pii: PiiCipher,
    clock: Arc<dyn Clock>,
}

impl OutboxSms {
    pub fn new(store: Arc<dyn Store>, pii: PiiCipher, clock: Arc<dyn Clock>) -> Self {
        Self { store, pii, clock }
    }
}

#[async_trait]
impl SmsSender for OutboxSms {
    async fn send(&self, to: &Phone, body: &str, purge_at: Option<i64>) -> Result<()> {
        let message = NewOutbox {
            channel: "sms",
            recipient_enc: self.pii.encrypt(to.as_str(), columns::OUTBOX_RECIPIENT),
            recipient_index: self
                .pii
                .blind_index(to.as_str(), columns::OUTBOX_RECIPIENT)
                .to_vec(),
            recipient_masked: to.masked(),
            body: body.to_owned(),
            created_at: self.clock.now(),
            purge_at,
        };
        self.store.push_outbox(&message).await?;
        Ok(())
    }
}

impl super::AccountService {
    /// The outbox, newest first: every text, or those to `phone` when it parses. For the
    /// development outbox page only.
    pub async fn outbox(&self, phone: &str) -> Result<Vec<domain::OutboxMessage>> {
        let index = Phone::parse(phone).ok().map(|p| {
            self.pii
                .blind_index(p.as_str(), columns::OUTBOX_RECIPIENT)
                .to_vec()
        });
        let rows = self.store.outbox(index.as_deref(), 50).await?;
        Ok(rows
            .into_iter()
            .map(|r| domain::OutboxMessage {
                at: r.created_at,
                channel: r.channel,
                recipient_masked: r.recipient_masked,
                body: r.body,
            })
            .collect())
    }
}

impl super::AccountService {
    /// A text to the citizen sealed for the outbox table, for a caller to queue inside its own
    /// transaction; None when texts go through a gateway instead, or the account is erased.
    pub(crate) async fn seal_text(&self, citizen_id: i64, body: &str) -> Result<Option<NewOutbox>> {
        if !self.texts_to_outbox {
            return Ok(None);
        }
        let Some(stored) = self.store.citizen_phone_enc(citizen_id).await? else {
            return Ok(None);
        };
        let number = self.decrypt(&stored, columns::CITIZEN_PHONE)?;
        let phone =
            Phone::parse(&number).map_err(|e| Error::Corrupt(format!("stored phone: {e}")))?;
        Ok(Some(NewOutbox {
            channel: "sms",
            recipient_enc: self.pii.encrypt(phone.as_str(), columns::OUTBOX_RECIPIENT),
            recipient_index: self
                .pii
                .blind_index(phone.as_str(), columns::OUTBOX_RECIPIENT)
                .to_vec(),
            recipient_masked: phone.masked(),
            body: body.to_owned(),
            created_at: self.clock.now(),
            purge_at: None,
        }))
    }

    /// Texts a citizen at the number they signed in with; an erased account gets nothing.
    pub(crate) async fn text_citizen(&self, citizen_id: i64, body: &str) -> Result<()> {
        let Some(stored) = self.store.citizen_phone_enc(citizen_id).await? else {
            return Ok(());
        };
        let number = self.decrypt(&stored, columns::CITIZEN_PHONE)?;
        let phone =
            Phone::parse(&number).map_err(|e| Error::Corrupt(format!("stored phone: {e}")))?;
        self.sms.send(&phone, body, None).await
    }

    /// Housekeeping, run with the other jobs: sign-in codes leave the outbox once expired,
    /// and sessions the policy counts as dead leave the sessions table. (texts, sessions)
    pub async fn sweep(&self) -> Result<(u64, u64)> {
        let texts = self.store.purge_outbox(self.clock.now()).await?;
        let sessions = self.sessions.sweep().await?;
        Ok((texts, sessions))
    }
}
