//! Case queries (`CaseStore`), one SQL text for both stores.

pub(crate) const CASE_COLUMNS: &str = "id, number, citizen_id, member_id, item_code, \
     department_code, state, step, answers_enc, limit_days, immediate, created_at, updated_at, \
     submitted_at, pickup_code, tracking_no";

pub(crate) const CERTIFICATE_COLUMNS: &str =
    "code, case_id, content, signature, issued_at, revoked_at";

macro_rules! case_queries {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::CaseStore for $store {
            async fn create_draft(
                &self,
                d: &$crate::store::NewDraft<'_>,
            ) -> $crate::Result<$crate::store::CaseRecord> {
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO cases (citizen_id, member_id, item_code, department_code, \
                     state, answers_enc, limit_days, immediate, request_key, created_at, \
                     updated_at) VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $9, $9) \
                     ON CONFLICT (citizen_id, request_key) DO NOTHING",
                )
                .bind(d.citizen_id)
                .bind(d.member_id)
                .bind(d.item_code)
                .bind(d.department_code)
                .bind(d.answers_enc)
                .bind(d.limit_days)
                .bind(d.immediate)
                .bind(d.request_key)
                .bind(d.now)
                .execute(&mut *tx)
                .await?;
                let sql = format!(
                    "SELECT {} FROM cases WHERE citizen_id = $1 AND request_key = $2",
                    $crate::store::cases_sql::CASE_COLUMNS
                );
                let record = sqlx::query_as(&sql)
                    .bind(d.citizen_id)
                    .bind(d.request_key)
                    .fetch_one(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(record)
            }

            async fn save_answers(
                &self,
                case_id: i64,
                citizen_id: i64,
                answers_enc: &[u8],
                step: i64,
                now: i64,
            ) -> $crate::Result<bool> {
                let saved = sqlx::query(
                    "UPDATE cases SET answers_enc = $1, step = $2, updated_at = $3 \
                     WHERE id = $4 AND citizen_id = $5 \
                     AND state IN ('draft', 'needs_supplement')",
                )
                .bind(answers_enc)
                .bind(step)
                .bind(now)
                .bind(case_id)
                .bind(citizen_id)
                .execute(&self.pool)
                .await?;
                Ok(saved.rows_affected() == 1)
            }

            async fn case_by_id(
                &self,
                id: i64,
            ) -> $crate::Result<Option<$crate::store::CaseRecord>> {
                let sql = format!(
                    "SELECT {} FROM cases WHERE id = $1",
                    $crate::store::cases_sql::CASE_COLUMNS
                );
                Ok(sqlx::query_as(&sql).bind(id).fetch_optional(&self.pool).await?)
            }

            async fn case_by_number(
                &self,
                number: &str,
            ) -> $crate::Result<Option<$crate::store::CaseRecord>> {
                let sql = format!(
                    "SELECT {} FROM cases WHERE number = $1",
                    $crate::store::cases_sql::CASE_COLUMNS
                );
                Ok(sqlx::query_as(&sql)
                    .bind(number)
                    .fetch_optional(&self.pool)
                    .await?)
            }

            async fn cases_of(
                &self,
                citizen_id: i64,
            ) -> $crate::Result<Vec<$crate::store::CaseRecord>> {
                let sql = format!(
                    "SELECT {} FROM cases WHERE citizen_id = $1 ORDER BY updated_at DESC, id DESC",
                    $crate::store::cases_sql::CASE_COLUMNS
                );
                Ok(sqlx::query_as(&sql)
                    .bind(citizen_id)
                    .fetch_all(&self.pool)
                    .await?)
            }

            async fn case_queue(
                &self,
                departments: &[String],
                states: &[&str],
                item: Option<&str>,
                limit: u32,
            ) -> $crate::Result<Vec<$crate::store::CaseRecord>> {
                // Lists bound as JSON text, read back by each database's JSON functions, so
                // one statement serves any number of departments and states.
                let departments = serde_json::to_string(departments)
                    .map_err(|e| $crate::Error::Corrupt(e.to_string()))?;
                let states = serde_json::to_string(states)
                    .map_err(|e| $crate::Error::Corrupt(e.to_string()))?;
                let sql = format!(
                    "SELECT {} FROM cases WHERE state IN (SELECT value FROM {}) \
                     AND ($2 = '[]' OR department_code IN (SELECT value FROM {})) \
                     AND ($4 = '' OR item_code = $4) \
                     ORDER BY submitted_at, id LIMIT $3",
                    $crate::store::cases_sql::CASE_COLUMNS,
                    Self::JSON_EACH_1,
                    Self::JSON_EACH_2,
                );
                Ok(sqlx::query_as(&sql)
                    .bind(states)
                    .bind(departments)
                    .bind(i64::from(limit))
                    .bind(item.unwrap_or_default())
                    .fetch_all(&self.pool)
                    .await?)
            }

            async fn case_events(
                &self,
                case_id: i64,
            ) -> $crate::Result<Vec<$crate::store::CaseEventRecord>> {
                Ok(sqlx::query_as(
                    "SELECT id, case_id, at, action, from_state, to_state, actor_kind, \
                     actor_id, department_code, note, wanted FROM case_events \
                     WHERE case_id = $1 ORDER BY id",
                )
                .bind(case_id)
                .fetch_all(&self.pool)
                .await?)
            }

            async fn case_events_of(
                &self,
                case_ids: &[i64],
            ) -> $crate::Result<Vec<$crate::store::CaseEventRecord>> {
                let ids = serde_json::to_string(case_ids)
                    .map_err(|e| $crate::Error::Corrupt(e.to_string()))?;
                let sql = format!(
                    "SELECT id, case_id, at, action, from_state, to_state, actor_kind, \
                     actor_id, department_code, note, wanted FROM case_events \
                     WHERE case_id IN (SELECT CAST(value AS BIGINT) FROM {}) \
                     ORDER BY case_id, id",
                    Self::JSON_EACH_1
                );
                Ok(sqlx::query_as(&sql).bind(ids).fetch_all(&self.pool).await?)
            }

            async fn members_by_id(
                &self,
                ids: &[i64],
            ) -> $crate::Result<Vec<$crate::store::MemberRecord>> {
                let ids = serde_json::to_string(ids)
                    .map_err(|e| $crate::Error::Corrupt(e.to_string()))?;
                let sql = format!(
                    "SELECT id, name_enc, name_masked, relation, id_masked, request_key, \
                     created_at FROM family_members \
                     WHERE id IN (SELECT CAST(value AS BIGINT) FROM {})",
                    Self::JSON_EACH_1
                );
                Ok(sqlx::query_as(&sql).bind(ids).fetch_all(&self.pool).await?)
            }

            async fn transition(
                &self,
                t: &$crate::store::Transition<'_>,
            ) -> $crate::Result<bool> {
                let mut tx = self.begin_write().await?;
                let moved = sqlx::query(
                    "UPDATE cases SET state = $1, updated_at = $2, \
                     number = COALESCE(number, $3), \
                     submitted_at = CASE WHEN $1 = 'submitted' THEN $2 ELSE submitted_at END, \
                     pickup_code = COALESCE(pickup_code, $6), \
                     tracking_no = COALESCE(tracking_no, $7) \
                     WHERE id = $4 AND state = $5",
                )
                .bind(t.to)
                .bind(t.at)
                .bind(t.number)
                .bind(t.case_id)
                .bind(t.from)
                .bind(t.pickup_code)
                .bind(t.tracking_no)
                .execute(&mut *tx)
                .await?;
                if moved.rows_affected() != 1 {
                    return Ok(false);
                }
                sqlx::query(
                    "INSERT INTO case_events (case_id, at, action, from_state, to_state, \
                     actor_kind, actor_id, department_code, note, wanted) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(t.case_id)
                .bind(t.at)
                .bind(t.action)
                .bind(t.from)
                .bind(t.to)
                .bind(t.actor_kind)
                .bind(t.actor_id)
                .bind(t.department_code)
                .bind(t.note)
                .bind(t.wanted)
                .execute(&mut *tx)
                .await?;
                if let Some(c) = &t.certificate {
                    sqlx::query(
                        "INSERT INTO certificates (code, case_id, content, signature, issued_at) \
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(c.code)
                    .bind(t.case_id)
                    .bind(c.content)
                    .bind(c.signature)
                    .bind(t.at)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(true)
            }

            async fn certificate_by_code(
                &self,
                code: &str,
            ) -> $crate::Result<Option<$crate::store::CertificateRecord>> {
                let sql = format!(
                    "SELECT {} FROM certificates WHERE code = $1",
                    $crate::store::cases_sql::CERTIFICATE_COLUMNS
                );
                Ok(sqlx::query_as(&sql).bind(code).fetch_optional(&self.pool).await?)
            }

            async fn certificate_of(
                &self,
                case_id: i64,
            ) -> $crate::Result<Option<$crate::store::CertificateRecord>> {
                let sql = format!(
                    "SELECT {} FROM certificates WHERE case_id = $1",
                    $crate::store::cases_sql::CERTIFICATE_COLUMNS
                );
                Ok(sqlx::query_as(&sql)
                    .bind(case_id)
                    .fetch_optional(&self.pool)
                    .await?)
            }
        }
    };
}

pub(crate) use case_queries;
