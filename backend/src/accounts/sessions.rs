use crate::clock::Clock;
use crate::{Result, Store};
use domain::{SessionKind, SessionPolicy};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long `resolve_cached` trusts a session it looked up: long enough that a citizen who
/// opened the booking page before 放号 is still known when the numbers are released. A
/// session ended meanwhile (in another process) only passes this first, cheap question; the
/// app reads the store again before anything is done.
const CACHED_FOR: Duration = Duration::from_secs(5 * 60);
const CACHE_SWEEP_AT: usize = 100_000;

/// Recently resolved live sessions: token hash → (kind, subject, when looked up).
type Recent = HashMap<Vec<u8>, (SessionKind, i64, Instant)>;

/// Server-side sessions. The cookie carries a random token; the store keeps only its
/// SHA-256, so a copy of the sessions table cannot be replayed.
#[derive(Clone)]
pub struct SessionService {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    recent: Arc<Mutex<Recent>>,
}

fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

impl SessionService {
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Self {
        Self {
            store,
            clock,
            recent: Arc::default(),
        }
    }

    /// A new session for `subject`; returns the token for the cookie. Every sign-in gets a
    /// fresh token, so a token planted before sign-in is worth nothing after it, and the
    /// session the browser held until now (`replacing`) ends: it cannot be used again.
    pub async fn open(
        &self,
        kind: SessionKind,
        subject: i64,
        replacing: Option<&str>,
    ) -> Result<String> {
        if let Some(old) = replacing {
            self.close(old).await?;
        }
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
        let hash = token_hash(token);
        if let Ok(mut recent) = self.recent.lock() {
            recent.remove(&hash);
        }
        self.store.end_session(&hash).await
    }

    /// `resolve`, answered from memory when this process looked the session up less than
    /// five minutes ago: the cheap "is this a signed-in citizen at all?" that the booking
    /// rush asks before it spends a place or a turn on a request.
    pub async fn resolve_cached(&self, kind: SessionKind, token: &str) -> Result<Option<i64>> {
        if token.len() != 64 {
            return Ok(None);
        }
        let hash = token_hash(token);
        if let Ok(recent) = self.recent.lock()
            && let Some((k, subject, at)) = recent.get(&hash)
            && *k == kind
            && at.elapsed() < CACHED_FOR
        {
            return Ok(Some(*subject));
        }
        let found = self.resolve(kind, token).await?;
        if let (Some(subject), Ok(mut recent)) = (found, self.recent.lock()) {
            if recent.len() >= CACHE_SWEEP_AT {
                recent.retain(|_, (_, _, at)| at.elapsed() < CACHED_FOR);
            }
            recent.insert(hash, (kind, subject, Instant::now()));
        }
        Ok(found)
    }

    /// Deletes every session the policy already counts as dead (the browser may never come
    /// back to end it); how many went.
    pub async fn sweep(&self) -> Result<u64> {
        let now = self.clock.now();
        let mut swept = 0;
        for kind in [SessionKind::Citizen, SessionKind::Staff] {
            let policy = SessionPolicy::for_kind(kind);
            swept += self
                .store
                .sweep_sessions(
                    kind.as_str(),
                    now - policy.idle_secs,
                    now - policy.absolute_secs,
                )
                .await?;
        }
        Ok(swept)
    }
}
