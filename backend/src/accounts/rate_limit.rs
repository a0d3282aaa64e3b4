use crate::{Error, Result};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Per-address ceilings, each over a fixed window. They guard against one machine trying
/// many numbers or many codes; the per-number limits live in the database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IpLimits {
    /// Codes requested from one address per hour.
    pub sends_per_hour: u32,
    /// Codes or passwords tried from one address per 10 minutes.
    pub tries_per_10_min: u32,
    /// 实名认证 attempts from one address per hour.
    pub verifies_per_hour: u32,
}

/// 实名认证 attempts one account may make per hour, wherever it is.
pub const VERIFIES_PER_ACCOUNT_HOUR: u32 = 5;

impl Default for IpLimits {
    fn default() -> Self {
        Self {
            sends_per_hour: 30,
            tries_per_10_min: 60,
            verifies_per_hour: 20,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Bucket {
    Send,
    Try,
    /// 实名认证 from one address.
    Verify,
    /// 实名认证 by one account (the key is the account id, not an address).
    VerifyAccount,
}

/// Counts requests per (bucket, address) in memory. Each server process keeps its own
/// counts, so N processes allow up to N times the ceiling: a coarse guard, which is its job.
#[derive(Clone)]
pub struct IpLimiter {
    limits: IpLimits,
    windows: Arc<Mutex<HashMap<(Bucket, String), Window>>>,
}

/// When the current window began, and how many requests it has seen.
type Window = (i64, u32);

/// Entries are swept once the map holds this many, so a flood of addresses cannot grow it
/// without bound.
const SWEEP_AT: usize = 50_000;

impl IpLimiter {
    pub fn new(limits: IpLimits) -> Self {
        Self {
            limits,
            windows: Arc::default(),
        }
    }

    pub(crate) fn check(&self, bucket: Bucket, ip: &str, now: i64) -> Result<()> {
        let (limit, window) = match bucket {
            Bucket::Send => (self.limits.sends_per_hour, 3_600),
            Bucket::Try => (self.limits.tries_per_10_min, 600),
            Bucket::Verify => (self.limits.verifies_per_hour, 3_600),
            Bucket::VerifyAccount => (VERIFIES_PER_ACCOUNT_HOUR, 3_600),
        };
        let mut windows = self
            .windows
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if windows.len() >= SWEEP_AT {
            windows.retain(|_, (start, _)| now - *start < 3_600);
        }
        let entry = windows.entry((bucket, ip.to_owned())).or_insert((now, 0));
        if now - entry.0 >= window {
            *entry = (now, 0);
        }
        if entry.1 >= limit {
            let wait_secs = (entry.0 + window - now).max(1);
            return Err(Error::RateLimited { wait_secs });
        }
        entry.1 += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_address_has_its_own_window() {
        let limiter = IpLimiter::new(IpLimits {
            sends_per_hour: 2,
            tries_per_10_min: 1,
            verifies_per_hour: 1,
        });
        assert!(limiter.check(Bucket::Send, "10.0.0.1", 0).is_ok());
        assert!(limiter.check(Bucket::Send, "10.0.0.1", 1).is_ok());
        let Err(Error::RateLimited { wait_secs }) = limiter.check(Bucket::Send, "10.0.0.1", 60)
        else {
            panic!("third send in the hour must be refused");
        };
        assert_eq!(wait_secs, 3_540);
        assert!(
            limiter.check(Bucket::Send, "10.0.0.2", 60).is_ok(),
            "another address"
        );
        assert!(
            limiter.check(Bucket::Try, "10.0.0.1", 60).is_ok(),
            "another bucket"
        );
        assert!(
            limiter.check(Bucket::Send, "10.0.0.1", 3_600).is_ok(),
            "a new window"
        );
    }
}
