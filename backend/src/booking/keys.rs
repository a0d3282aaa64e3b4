//! The request keys of bookings this process made, kept a day, so that a resent booking
//! form (a double tap, a flaky network, back-and-resubmit) is recognised before any "full"
//! answer the in-memory place count would give, without a database read.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A form is resent within minutes; a day covers any reasonable retry.
const KEEP: Duration = Duration::from_secs(24 * 3_600);
/// Past this many keys, those older than a day are dropped (a day's bookings of one busy
/// process fit many times over).
const SWEEP_AT: usize = 200_000;

#[derive(Default)]
pub struct BookedKeys {
    keys: Mutex<HashMap<(i64, String), Instant>>,
}

impl BookedKeys {
    pub fn record(&self, citizen: i64, key: &str) {
        let Ok(mut keys) = self.keys.lock() else {
            return;
        };
        if keys.len() >= SWEEP_AT {
            keys.retain(|_, at| at.elapsed() < KEEP);
        }
        keys.insert((citizen, key.to_owned()), Instant::now());
    }

    pub fn contains(&self, citizen: i64, key: &str) -> bool {
        self.keys.lock().is_ok_and(|keys| {
            keys.get(&(citizen, key.to_owned()))
                .is_some_and(|at| at.elapsed() < KEEP)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_known_for_its_citizen_only() {
        let keys = BookedKeys::default();
        keys.record(7, "k1");
        assert!(keys.contains(7, "k1"));
        assert!(!keys.contains(8, "k1"), "another citizen's key");
        assert!(!keys.contains(7, "k2"));
    }
}
