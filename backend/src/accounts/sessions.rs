use crate::clock::Clock;
use crate::{Result, Store};
use domain::{SessionKind, SessionPolicy};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// Server-side sessions. The cookie carries a random token; the store keeps only its
/// SHA-256, so a copy of the sessions table cannot be replayed.
#[derive(Clone)]
pub struct SessionService {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
}

fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

impl SessionService {
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Self {
        Self { store, clock }
    }

    /// A new session for `subject`; returns the token for the cookie. Every sign-in gets a
    /// fresh token, so a token planted before sign-in is worth nothing after it.
    pub async fn open(&self, kind: SessionKind, subject: i64) -> Result<String> {
        let token = crate::random::token_hex(32);
        self.store
            .create_session(
                &token_hash(&token),
                kind.as_str(),
                subject,
                self.clock.now(),
            )
            .await?;
        Ok(token)
    }

    /// The subject of a live session of `kind`; ends a timed-out one.
    pub async fn resolve(&self, kind: SessionKind, token: &str) -> Result<Option<i64>> {
        if token.len() != 64 {
            return Ok(None);
        }
        let hash = token_hash(token);
        let Some(session) = self.store.session(&hash).await? else {
            return Ok(None);
        };
        if session.kind != kind.as_str() {
            return Ok(None);
        }
        let policy = SessionPolicy::for_kind(kind);
        let now = self.clock.now();
        if !policy.is_live(session.created_at, session.seen_at, now) {
            self.store.end_session(&hash).await?;
            return Ok(None);
        }
        if policy.needs_touch(session.seen_at, now) {
            self.store.touch_session(&hash, now).await?;
        }
        Ok(Some(session.subject_id))
    }

    pub async fn close(&self, token: &str) -> Result<()> {
        self.store.end_session(&token_hash(token)).await
    }
}
