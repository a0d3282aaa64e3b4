//! Hall reference data: the holiday calendar, schedules, release rules and closed days.
//! Written once for both stores, like `booking_sql`.

macro_rules! reference_queries {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::HallReferenceStore for $store {
            async fn calendar_days(&self) -> $crate::Result<Vec<(i64, bool, String)>> {
                Ok(sqlx::query_as("SELECT day, holiday, name FROM calendar_days ORDER BY day")
                    .fetch_all(&self.pool)
                    .await?)
            }

            async fn seed_calendar(&self, days: &[(i64, bool, String)]) -> $crate::Result<bool> {
                let mut tx = self.begin_write().await?;
                let seeded = sqlx::query(
                    "INSERT INTO catalog_meta (key, value) VALUES ('calendar', 'official') \
                     ON CONFLICT (key) DO NOTHING",
                )
                .execute(&mut *tx)
                .await?;
                if seeded.rows_affected() == 0 {
                    return Ok(false);
                }
                for (day, holiday, name) in days {
                    sqlx::query(
                        "INSERT INTO calendar_days (day, holiday, name) VALUES ($1, $2, $3) \
                         ON CONFLICT (day) DO NOTHING",
                    )
                    .bind(day)
                    .bind(holiday)
                    .bind(name)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(true)
            }

            async fn set_calendar_day(
                &self,
                day: i64,
                holiday: bool,
                name: &str,
            ) -> $crate::Result<()> {
                sqlx::query(
                    "INSERT INTO calendar_days (day, holiday, name) VALUES ($1, $2, $3) \
                     ON CONFLICT (day) DO UPDATE SET holiday = $2, name = $3",
                )
                .bind(day)
                .bind(holiday)
                .bind(name)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn remove_calendar_day(&self, day: i64) -> $crate::Result<bool> {
                let done = sqlx::query("DELETE FROM calendar_days WHERE day = $1")
                    .bind(day)
                    .execute(&self.pool)
                    .await?;
                Ok(done.rows_affected() > 0)
            }

            async fn seed_schedules(
                &self,
                schedules: &[$crate::store::ScheduleRecord],
            ) -> $crate::Result<()> {
                let mut tx = self.begin_write().await?;
                for s in schedules {
                    sqlx::query(
                        "INSERT INTO schedules (hall_code, department_code, weekend, periods, \
                         windows, slot_minutes, per_window) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                         ON CONFLICT (hall_code, department_code, weekend) DO NOTHING",
                    )
                    .bind(&s.hall_code)
                    .bind(&s.department_code)
                    .bind(s.weekend)
                    .bind(&s.periods)
                    .bind(s.windows)
                    .bind(s.slot_minutes)
                    .bind(s.per_window)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn schedules(
                &self,
                hall_code: &str,
                department_code: &str,
            ) -> $crate::Result<Vec<$crate::store::ScheduleRecord>> {
                Ok(sqlx::query_as(
                    "SELECT hall_code, department_code, weekend, periods, windows, \
                     slot_minutes, per_window FROM schedules \
                     WHERE hall_code = $1 AND department_code = $2",
                )
                .bind(hall_code)
                .bind(department_code)
                .fetch_all(&self.pool)
                .await?)
            }

            async fn scheduled_departments(&self, hall_code: &str) -> $crate::Result<Vec<String>> {
                let rows: Vec<(String,)> = sqlx::query_as(
                    "SELECT DISTINCT department_code FROM schedules WHERE hall_code = $1 \
                     ORDER BY department_code",
                )
                .bind(hall_code)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map(|(c,)| c).collect())
            }

            async fn release_rule(
                &self,
                hall_code: &str,
            ) -> $crate::Result<Option<$crate::store::ReleaseRecord>> {
                Ok(sqlx::query_as(
                    "SELECT release_days, release_at, cutoff_minutes FROM halls WHERE code = $1",
                )
                .bind(hall_code)
                .fetch_optional(&self.pool)
                .await?)
            }

            async fn closed_days(
                &self,
                hall_code: &str,
                from: i64,
                to: i64,
            ) -> $crate::Result<Vec<(i64, String)>> {
                Ok(sqlx::query_as(
                    "SELECT day, reason FROM closed_days WHERE hall_code = $1 \
                     AND day BETWEEN $2 AND $3 ORDER BY day",
                )
                .bind(hall_code)
                .bind(from)
                .bind(to)
                .fetch_all(&self.pool)
                .await?)
            }
        }
    };
}

pub(crate) use reference_queries;
