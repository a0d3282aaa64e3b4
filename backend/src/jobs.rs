//! The background job runner. Each job is a named pass over some work (expire offers, send
//! reminders, sweep dead sessions …); the server runs every job each round. With several
//! server processes on one PostgreSQL, a job runs in one process per round: a process takes
//! the job's lease (`job_leases`) before running it and the others skip it. A job's rows are
//! claimed one by one as well, so a process dying mid-round loses no work, only time.

use crate::clock::Clock;
use crate::{Result, Store};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

type JobFuture = Pin<Box<dyn Future<Output = Result<u64>> + Send>>;
type JobFn = Box<dyn Fn() -> JobFuture + Send + Sync>;

/// What one job did in a round: how many things (texts, rows) it handled.
#[derive(Debug)]
pub struct JobRun {
    pub name: &'static str,
    pub outcome: Result<u64>,
}

pub struct JobRunner {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    /// This process's name in the leases: random, so two processes never share one.
    holder: String,
    lease_secs: i64,
    jobs: Vec<(&'static str, JobFn)>,
}

impl JobRunner {
    /// A runner whose leases last `lease_secs` (the round's length: a job runs once a round).
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>, lease_secs: i64) -> Self {
        Self {
            store,
            clock,
            holder: crate::random::token_hex(8),
            lease_secs: lease_secs.max(1),
            jobs: Vec::new(),
        }
    }

    /// Adds a job: `run` does one pass and says how much it did.
    pub fn add<F, Fut>(&mut self, name: &'static str, run: F)
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<u64>> + Send + 'static,
    {
        self.jobs.push((name, Box::new(move || Box::pin(run()))));
    }

    pub fn names(&self) -> Vec<&'static str> {
        self.jobs.iter().map(|(name, _)| *name).collect()
    }

    /// One round: every job whose lease this process holds or wins runs once, in order. A
    /// job that fails does not stop the others.
    pub async fn run_once(&self) -> Vec<JobRun> {
        let mut runs = Vec::new();
        for (name, run) in &self.jobs {
            let now = self.clock.now();
            let claimed = self
                .store
                .claim_job(name, &self.holder, now, now + self.lease_secs)
                .await;
            let outcome = match claimed {
                Ok(true) => run().await,
                Ok(false) => continue,
                Err(e) => Err(e),
            };
            runs.push(JobRun { name, outcome });
        }
        runs
    }
}
