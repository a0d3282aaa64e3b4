//! Time, injected: services ask a `Clock` rather than the system, so tests can move time
//! (code expiry, session timeouts, lock-outs) without sleeping.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

pub trait Clock: Send + Sync + 'static {
    /// Seconds since 1970 UTC.
    fn now(&self) -> i64;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
    }
}

/// A clock tests set and advance by hand.
#[derive(Clone, Default)]
pub struct ManualClock(Arc<AtomicI64>);

impl ManualClock {
    pub fn at(secs: i64) -> Self {
        Self(Arc::new(AtomicI64::new(secs)))
    }

    pub fn advance(&self, secs: i64) {
        self.0.fetch_add(secs, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// The system clock shifted by an offset that can grow: development and browser tests start
/// the server at a chosen instant (`BANSHI_CLOCK_START`) and move it on (`/dev/clock`).
#[derive(Clone)]
pub struct OffsetClock(Arc<AtomicI64>);

impl OffsetClock {
    /// A clock that reads `start` now and runs on from there.
    pub fn starting_at(start: i64) -> Self {
        Self(Arc::new(AtomicI64::new(start - SystemClock.now())))
    }

    pub fn advance(&self, secs: i64) {
        self.0.fetch_add(secs, Ordering::SeqCst);
    }
}

impl Clock for OffsetClock {
    fn now(&self) -> i64 {
        SystemClock.now() + self.0.load(Ordering::SeqCst)
    }
}
