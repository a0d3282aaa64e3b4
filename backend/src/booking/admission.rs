use crate::{Error, Result};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Lets a few booking requests run at once (8) and some wait (256, up to 1 s); beyond that
/// the answer is "come back in a second" (503 with Retry-After) at once, instead of a queue
/// on the database pool that ends in timeouts. In a rush only requests holding one of the
/// places the server counts as left get this far (`server/src/booking_gate.rs`), so the
/// waiting room is about as large as a day's places.
#[derive(Clone)]
pub struct Admission {
    running: Arc<Semaphore>,
    waiting: Arc<AtomicUsize>,
    max_waiting: usize,
    max_wait: Duration,
}

impl Default for Admission {
    fn default() -> Self {
        Self::new(8, 256, Duration::from_millis(1_000))
    }
}

impl Admission {
    pub fn new(running: usize, max_waiting: usize, max_wait: Duration) -> Self {
        Self {
            running: Arc::new(Semaphore::new(running)),
            waiting: Arc::new(AtomicUsize::new(0)),
            max_waiting,
            max_wait,
        }
    }

    pub async fn enter(&self) -> Result<OwnedSemaphorePermit> {
        if let Ok(permit) = self.running.clone().try_acquire_owned() {
            return Ok(permit);
        }
        if self.waiting.fetch_add(1, Ordering::SeqCst) >= self.max_waiting {
            self.waiting.fetch_sub(1, Ordering::SeqCst);
            return Err(Error::Busy);
        }
        let permit =
            tokio::time::timeout(self.max_wait, self.running.clone().acquire_owned()).await;
        self.waiting.fetch_sub(1, Ordering::SeqCst);
        match permit {
            Ok(Ok(permit)) => Ok(permit),
            _ => Err(Error::Busy),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn beyond_the_queue_the_answer_is_busy() {
        let gate = Admission::new(1, 1, Duration::from_millis(50));
        let first = gate.enter().await.unwrap();
        let g = gate.clone();
        let waiter = tokio::spawn(async move { g.enter().await.map(|_| ()) });
        tokio::time::sleep(Duration::from_millis(10)).await;
        assert!(matches!(gate.enter().await, Err(Error::Busy)), "queue full");
        assert!(
            matches!(waiter.await.unwrap(), Err(Error::Busy)),
            "waited too long"
        );
        drop(first);
        assert!(gate.enter().await.is_ok());
    }
}
