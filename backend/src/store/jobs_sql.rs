//! Job leases (`job_leases`), one SQL text for both stores.

macro_rules! job_queries {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::JobStore for $store {
            async fn claim_job(
                &self,
                name: &str,
                holder: &str,
                now: i64,
                until: i64,
            ) -> $crate::Result<bool> {
                // Taken when free, expired, or already this holder's; one statement, so two
                // processes asking at once cannot both win.
                let claimed = sqlx::query(
                    "INSERT INTO job_leases (name, holder, until) VALUES ($1, $2, $3) \
                     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, \
                     until = excluded.until \
                     WHERE job_leases.until <= $4 OR job_leases.holder = excluded.holder",
                )
                .bind(name)
                .bind(holder)
                .bind(until)
                .bind(now)
                .execute(&self.pool)
                .await?;
                Ok(claimed.rows_affected() == 1)
            }
        }
    };
}

pub(crate) use job_queries;
