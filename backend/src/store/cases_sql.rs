//! Case queries (`CaseStore`), one SQL text for both stores.

pub(crate) const CASE_COLUMNS: &str = "id, number, citizen_id, member_id, item_code, \
     department_code, state, step, answers_enc, limit_days, immediate, created_at, updated_at, \
     submitted_at, pickup_code, tracking_no, bundle_code, parent_id";

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
                     updated_at, bundle_code) \
                     VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $9, $9, $10) \
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
                .bind(d.bundle_code)
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
                    "SELECT {} FROM cases WHERE citizen_id = $1 AND parent_id IS NULL \
                     ORDER BY updated_at DESC, id DESC",
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
                     AND ($4 = '' OR item_code = $4) AND bundle_code IS NULL \
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
                     tracking_no = COALESCE(tracking_no, $7), \
                     answers_enc = COALESCE($8, answers_enc), \
                     member_id = COALESCE($9, member_id) \
                     WHERE id = $4 AND state = $5",
                )
                .bind(t.to)
                .bind(t.at)
                .bind(t.number)
                .bind(t.case_id)
                .bind(t.from)
                .bind(t.pickup_code)
                .bind(t.tracking_no)
                .bind(t.answers_enc)
                .bind(t.member_id)
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
                for part in &t.parts {
                    Self::insert_part(&mut tx, t, part).await?;
                }
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

            async fn bundle_parts(
                &self,
                parent_ids: &[i64],
            ) -> $crate::Result<Vec<$crate::store::CaseRecord>> {
                let ids = serde_json::to_string(parent_ids)
                    .map_err(|e| $crate::Error::Corrupt(e.to_string()))?;
                let sql = format!(
                    "SELECT {} FROM cases \
                     WHERE parent_id IN (SELECT CAST(value AS BIGINT) FROM {}) \
                     ORDER BY parent_id, id",
                    $crate::store::cases_sql::CASE_COLUMNS,
                    Self::JSON_EACH_1
                );
                Ok(sqlx::query_as(&sql).bind(ids).fetch_all(&self.pool).await?)
            }

            async fn bundles_waiting(&self) -> $crate::Result<Vec<i64>> {
                let rows: Vec<(i64,)> = sqlx::query_as(
                    "SELECT DISTINCT parent_id FROM cases \
                     WHERE state = 'waiting' AND parent_id IS NOT NULL",
                )
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map(|(id,)| id).collect())
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

/// Inserting a bundle's item cases with the bundle's submission, written once for both stores.
macro_rules! part_inserts {
    ($store:ty, $db:ty) => {
        impl $store {
            /// One item case of a submitted bundle: sent in (or waiting), with its number, its
            /// share of the answers, its submit event and its share of the uploads.
            async fn insert_part(
                tx: &mut sqlx::Transaction<'_, $db>,
                t: &$crate::store::Transition<'_>,
                p: &$crate::store::NewPart<'_>,
            ) -> $crate::Result<()> {
                let (id,): (i64,) = sqlx::query_as(
                    "INSERT INTO cases (citizen_id, member_id, item_code, department_code, \
                     state, answers_enc, limit_days, immediate, request_key, created_at, \
                     updated_at, submitted_at, number, parent_id) \
                     SELECT citizen_id, member_id, $1, $2, $3, $4, $5, $6, $7, $8, $8, \
                     CASE WHEN $3 = 'submitted' THEN $8 END, $9, id FROM cases WHERE id = $10 \
                     RETURNING id",
                )
                .bind(p.item_code)
                .bind(p.department_code)
                .bind(p.state)
                .bind(&p.answers_enc)
                .bind(p.limit_days)
                .bind(p.immediate)
                .bind(&p.request_key)
                .bind(t.at)
                .bind(p.number)
                .bind(t.case_id)
                .fetch_one(&mut **tx)
                .await?;
                sqlx::query(
                    "INSERT INTO case_events (case_id, at, action, from_state, to_state, \
                     actor_kind, actor_id) VALUES ($1, $2, 'submit', 'draft', $3, $4, $5)",
                )
                .bind(id)
                .bind(t.at)
                .bind(p.state)
                .bind(t.actor_kind)
                .bind(t.actor_id)
                .execute(&mut **tx)
                .await?;
                for (field_key, from_key) in &p.files {
                    sqlx::query(
                        "INSERT INTO case_files (case_id, field_key, blob, kind, size, created_at) \
                         SELECT $1, $2, blob, kind, size, created_at FROM case_files \
                         WHERE case_id = $3 AND field_key = $4 AND removed_at IS NULL \
                         ORDER BY id",
                    )
                    .bind(id)
                    .bind(*field_key)
                    .bind(t.case_id)
                    .bind(*from_key)
                    .execute(&mut **tx)
                    .await?;
                }
                Ok(())
            }
        }
    };
}

pub(crate) use part_inserts;
