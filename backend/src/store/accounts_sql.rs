//! Account queries, written once for both stores like `catalog_sql`. What differs is passed
//! in by each store: `begin_write()` (SQLite takes its write lock up front) and
//! `FOR_UPDATE` (row locks on PostgreSQL; SQLite's write lock already serialises).

/// Did this statement break a UNIQUE constraint? (By kind, which both drivers report, not by
/// message text.)
pub(crate) fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if e.kind() == sqlx::error::ErrorKind::UniqueViolation)
}

/// Compares keyed hashes without an early exit, so timing says nothing about the code.
pub(crate) fn same_hash(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[derive(sqlx::FromRow)]
pub(crate) struct OtpRow {
    code_hash: Vec<u8>,
    sent_at: i64,
    send_key: String,
    day: Option<i64>,
    sent_on_day: i64,
    tries: i64,
    used_at: Option<i64>,
}

impl From<OtpRow> for domain::OtpState {
    fn from(r: OtpRow) -> Self {
        Self {
            code_hash: r.code_hash,
            sent_at: r.sent_at,
            send_key: r.send_key,
            day: r.day.map(domain::CivilDate::from_epoch_days),
            sent_on_day: u32::try_from(r.sent_on_day).unwrap_or(u32::MAX),
            tries: u32::try_from(r.tries).unwrap_or(u32::MAX),
            used_at: r.used_at,
        }
    }
}

macro_rules! accounts_queries {
    ($store:ty, $db:ty) => {
        impl $store {
            /// Locks the number's code row (creating an empty one first) inside `tx`.
            async fn lock_otp_row(
                tx: &mut sqlx::Transaction<'_, $db>,
                phone_index: &[u8],
            ) -> $crate::Result<domain::OtpState> {
                sqlx::query(
                    "INSERT INTO otp_state (phone_index, code_hash, sent_at, send_key, day, \
                     sent_on_day, tries, used_at) VALUES ($1, $2, 0, '', NULL, 0, 0, NULL) \
                     ON CONFLICT (phone_index) DO NOTHING",
                )
                .bind(phone_index)
                .bind(Vec::<u8>::new())
                .execute(&mut **tx)
                .await?;
                let sql = format!(
                    "SELECT code_hash, sent_at, send_key, day, sent_on_day, tries, used_at \
                     FROM otp_state WHERE phone_index = $1{}",
                    Self::FOR_UPDATE
                );
                let row: $crate::store::accounts_sql::OtpRow =
                    sqlx::query_as(&sql).bind(phone_index).fetch_one(&mut **tx).await?;
                Ok(row.into())
            }

            async fn store_otp_row(
                tx: &mut sqlx::Transaction<'_, $db>,
                phone_index: &[u8],
                s: &domain::OtpState,
            ) -> $crate::Result<()> {
                sqlx::query(
                    "UPDATE otp_state SET code_hash = $2, sent_at = $3, send_key = $4, day = $5, \
                     sent_on_day = $6, tries = $7, used_at = $8 WHERE phone_index = $1",
                )
                .bind(phone_index)
                .bind(&s.code_hash)
                .bind(s.sent_at)
                .bind(&s.send_key)
                .bind(s.day.map(domain::CivilDate::epoch_days))
                .bind(i64::from(s.sent_on_day))
                .bind(i64::from(s.tries))
                .bind(s.used_at)
                .execute(&mut **tx)
                .await?;
                Ok(())
            }

            async fn staff_departments(&self, ids: &[i64]) -> $crate::Result<Vec<(i64, String)>> {
                let mut all: Vec<(i64, String)> = sqlx::query_as(
                    "SELECT staff_id, department_code FROM staff_departments \
                     ORDER BY staff_id, department_code",
                )
                .fetch_all(&self.pool)
                .await?;
                all.retain(|(id, _)| ids.contains(id));
                Ok(all)
            }

            async fn with_departments(
                &self,
                mut staff: Vec<$crate::store::StaffRecord>,
            ) -> $crate::Result<Vec<$crate::store::StaffRecord>> {
                let ids: Vec<i64> = staff.iter().map(|s| s.id).collect();
                for (id, code) in self.staff_departments(&ids).await? {
                    if let Some(s) = staff.iter_mut().find(|s| s.id == id) {
                        s.departments.push(code);
                    }
                }
                Ok(staff)
            }

            async fn write_departments(
                tx: &mut sqlx::Transaction<'_, $db>,
                id: i64,
                departments: &[String],
            ) -> $crate::Result<()> {
                sqlx::query("DELETE FROM staff_departments WHERE staff_id = $1")
                    .bind(id)
                    .execute(&mut **tx)
                    .await?;
                for code in departments {
                    sqlx::query(
                        "INSERT INTO staff_departments (staff_id, department_code) VALUES ($1, $2)",
                    )
                    .bind(id)
                    .bind(code)
                    .execute(&mut **tx)
                    .await?;
                }
                Ok(())
            }
        }

        #[async_trait::async_trait]
        impl $crate::store::CitizenStore for $store {
            async fn citizen_for_phone(
                &self,
                phone_index: &[u8],
                phone_enc: &[u8],
                phone_masked: &str,
                now: i64,
            ) -> $crate::Result<i64> {
                sqlx::query(
                    "INSERT INTO citizens (phone_enc, phone_index, phone_masked, created_at) \
                     VALUES ($1, $2, $3, $4) ON CONFLICT (phone_index) DO NOTHING",
                )
                .bind(phone_enc)
                .bind(phone_index)
                .bind(phone_masked)
                .bind(now)
                .execute(&self.pool)
                .await?;
                let (id,): (i64,) = sqlx::query_as("SELECT id FROM citizens WHERE phone_index = $1")
                    .bind(phone_index)
                    .fetch_one(&self.pool)
                    .await?;
                Ok(id)
            }

            async fn citizen(&self, id: i64) -> $crate::Result<Option<$crate::store::CitizenRecord>> {
                Ok(sqlx::query_as(
                    "SELECT id, phone_masked, name_masked, id_masked, id_enc, id_index, verified_at, \
                     verified_level, elder, deleted_at FROM citizens WHERE id = $1",
                )
                .bind(id)
                .fetch_optional(&self.pool)
                .await?)
            }

            async fn set_identity(
                &self,
                id: i64,
                identity: &$crate::store::SealedIdentity,
                now: i64,
            ) -> $crate::Result<$crate::store::Added> {
                let done = sqlx::query(
                    "UPDATE citizens SET name_enc = $2, name_masked = $3, id_enc = $4, \
                     id_index = $5, id_masked = $6, verified_at = $7, verified_level = $8 \
                     WHERE id = $1 AND verified_at IS NULL AND deleted_at IS NULL",
                )
                .bind(id)
                .bind(&identity.name_enc)
                .bind(&identity.name_masked)
                .bind(&identity.id_enc)
                .bind(&identity.id_index)
                .bind(&identity.id_masked)
                .bind(now)
                .bind(identity.level.as_str())
                .execute(&self.pool)
                .await;
                match done {
                    Ok(_) => Ok($crate::store::Added::Id(id)),
                    Err(e) if $crate::store::accounts_sql::is_unique_violation(&e) => {
                        Ok($crate::store::Added::Duplicate)
                    }
                    Err(e) => Err(e.into()),
                }
            }

            async fn set_elder(&self, id: i64, elder: bool) -> $crate::Result<()> {
                sqlx::query("UPDATE citizens SET elder = $2 WHERE id = $1")
                    .bind(id)
                    .bind(elder)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn erase_citizen(&self, id: i64, now: i64) -> $crate::Result<()> {
                let mut tx = self.begin_write().await?;
                for sql in [
                    "DELETE FROM family_members WHERE citizen_id = $1",
                    "DELETE FROM addresses WHERE citizen_id = $1",
                    "DELETE FROM sessions WHERE kind = 'citizen' AND subject_id = $1",
                ] {
                    sqlx::query(sql).bind(id).execute(&mut *tx).await?;
                }
                sqlx::query(
                    "UPDATE citizens SET phone_enc = NULL, phone_index = NULL, phone_masked = NULL, \
                     name_enc = NULL, name_masked = NULL, id_enc = NULL, id_index = NULL, \
                     id_masked = NULL, elder = FALSE, deleted_at = $2 WHERE id = $1",
                )
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn family(&self, citizen_id: i64) -> $crate::Result<Vec<$crate::store::MemberRecord>> {
                Ok(sqlx::query_as(
                    "SELECT id, name_enc, name_masked, relation, id_masked, request_key, created_at \
                     FROM family_members \
                     WHERE citizen_id = $1 ORDER BY id",
                )
                .bind(citizen_id)
                .fetch_all(&self.pool)
                .await?)
            }

            async fn family_member(
                &self,
                citizen_id: i64,
                member_id: i64,
            ) -> $crate::Result<Option<$crate::store::MemberRecord>> {
                Ok(sqlx::query_as(
                    "SELECT id, name_enc, name_masked, relation, id_masked, request_key, created_at \
                     FROM family_members \
                     WHERE citizen_id = $1 AND id = $2",
                )
                .bind(citizen_id)
                .bind(member_id)
                .fetch_optional(&self.pool)
                .await?)
            }

            async fn add_family_member(
                &self,
                m: &$crate::store::NewMember,
            ) -> $crate::Result<$crate::store::Added> {
                let earlier = "SELECT id FROM family_members WHERE citizen_id = $1 AND request_key = $2";
                let found: Option<(i64,)> = sqlx::query_as(earlier)
                    .bind(m.citizen_id)
                    .bind(&m.request_key)
                    .fetch_optional(&self.pool)
                    .await?;
                if let Some((id,)) = found {
                    return Ok($crate::store::Added::Id(id));
                }
                let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
                    "INSERT INTO family_members (citizen_id, name_enc, name_masked, relation, \
                     id_enc, id_index, id_masked, request_key, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                )
                .bind(m.citizen_id)
                .bind(&m.name_enc)
                .bind(&m.name_masked)
                .bind(m.relation)
                .bind(&m.id_enc)
                .bind(&m.id_index)
                .bind(&m.id_masked)
                .bind(&m.request_key)
                .bind(m.created_at)
                .fetch_one(&self.pool)
                .await;
                match inserted {
                    Ok((id,)) => Ok($crate::store::Added::Id(id)),
                    Err(e) if $crate::store::accounts_sql::is_unique_violation(&e) => {
                        // Either a racing resubmission of the same form, or the ID is listed.
                        let found: Option<(i64,)> = sqlx::query_as(earlier)
                            .bind(m.citizen_id)
                            .bind(&m.request_key)
                            .fetch_optional(&self.pool)
                            .await?;
                        Ok(found.map_or($crate::store::Added::Duplicate, |(id,)| {
                            $crate::store::Added::Id(id)
                        }))
                    }
                    Err(e) => Err(e.into()),
                }
            }

            async fn remove_family_member(&self, citizen_id: i64, member_id: i64) -> $crate::Result<bool> {
                let done = sqlx::query("DELETE FROM family_members WHERE citizen_id = $1 AND id = $2")
                    .bind(citizen_id)
                    .bind(member_id)
                    .execute(&self.pool)
                    .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn addresses(&self, citizen_id: i64) -> $crate::Result<Vec<$crate::store::AddressRecord>> {
                Ok(sqlx::query_as(
                    "SELECT id, recipient_masked, phone_masked, region, detail_enc FROM addresses \
                     WHERE citizen_id = $1 ORDER BY id",
                )
                .bind(citizen_id)
                .fetch_all(&self.pool)
                .await?)
            }

            async fn add_address(
                &self,
                a: &$crate::store::NewAddress,
            ) -> $crate::Result<$crate::store::Added> {
                sqlx::query(
                    "INSERT INTO addresses (citizen_id, recipient_enc, recipient_masked, phone_enc, \
                     phone_masked, region, detail_enc, request_key, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                     ON CONFLICT (citizen_id, request_key) DO NOTHING",
                )
                .bind(a.citizen_id)
                .bind(&a.recipient_enc)
                .bind(&a.recipient_masked)
                .bind(&a.phone_enc)
                .bind(&a.phone_masked)
                .bind(&a.region)
                .bind(&a.detail_enc)
                .bind(&a.request_key)
                .bind(a.created_at)
                .execute(&self.pool)
                .await?;
                let (id,): (i64,) = sqlx::query_as(
                    "SELECT id FROM addresses WHERE citizen_id = $1 AND request_key = $2",
                )
                .bind(a.citizen_id)
                .bind(&a.request_key)
                .fetch_one(&self.pool)
                .await?;
                Ok($crate::store::Added::Id(id))
            }

            async fn remove_address(&self, citizen_id: i64, address_id: i64) -> $crate::Result<bool> {
                let done = sqlx::query("DELETE FROM addresses WHERE citizen_id = $1 AND id = $2")
                    .bind(citizen_id)
                    .bind(address_id)
                    .execute(&self.pool)
                    .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn otp_send(
                &self,
                phone_index: &[u8],
                code_hash: &[u8],
                send_key: &str,
                policy: &domain::OtpPolicy,
                now: i64,
            ) -> $crate::Result<Result<domain::SendDecision, domain::SendRefusal>> {
                let mut tx = self.begin_write().await?;
                let state = Self::lock_otp_row(&mut tx, phone_index).await?;
                let decision = policy.decide_send(Some(&state), send_key, now);
                if decision == Ok(domain::SendDecision::Send) {
                    let next = policy.after_send(Some(&state), code_hash.to_vec(), send_key, now);
                    Self::store_otp_row(&mut tx, phone_index, &next).await?;
                }
                tx.commit().await?;
                Ok(decision)
            }

            async fn otp_check(
                &self,
                phone_index: &[u8],
                code_hash: &[u8],
                policy: &domain::OtpPolicy,
                now: i64,
            ) -> $crate::Result<domain::CodeCheck> {
                let mut tx = self.begin_write().await?;
                let state = Self::lock_otp_row(&mut tx, phone_index).await?;
                let matches = $crate::store::accounts_sql::same_hash(&state.code_hash, code_hash);
                let (verdict, next) = policy.check_code(&state, matches, now);
                if next != state {
                    Self::store_otp_row(&mut tx, phone_index, &next).await?;
                }
                tx.commit().await?;
                Ok(verdict)
            }
        }

        #[async_trait::async_trait]
        impl $crate::store::AccessStore for $store {
            async fn create_session(
                &self,
                token_hash: &[u8],
                kind: &str,
                subject: i64,
                now: i64,
            ) -> $crate::Result<()> {
                sqlx::query(
                    "INSERT INTO sessions (token_hash, kind, subject_id, created_at, seen_at) \
                     VALUES ($1, $2, $3, $4, $4)",
                )
                .bind(token_hash)
                .bind(kind)
                .bind(subject)
                .bind(now)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn session(&self, token_hash: &[u8]) -> $crate::Result<Option<$crate::store::SessionRecord>> {
                Ok(sqlx::query_as(
                    "SELECT kind, subject_id, created_at, seen_at FROM sessions WHERE token_hash = $1",
                )
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await?)
            }

            async fn touch_session(&self, token_hash: &[u8], now: i64) -> $crate::Result<()> {
                sqlx::query("UPDATE sessions SET seen_at = $2 WHERE token_hash = $1")
                    .bind(token_hash)
                    .bind(now)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn end_session(&self, token_hash: &[u8]) -> $crate::Result<()> {
                sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                    .bind(token_hash)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn sweep_sessions(
                &self,
                kind: &str,
                seen_before: i64,
                opened_before: i64,
            ) -> $crate::Result<u64> {
                let done = sqlx::query(
                    "DELETE FROM sessions WHERE kind = $1 AND (seen_at < $2 OR created_at < $3)",
                )
                .bind(kind)
                .bind(seen_before)
                .bind(opened_before)
                .execute(&self.pool)
                .await?;
                Ok(done.rows_affected())
            }

            async fn end_sessions_of(&self, kind: &str, subject: i64) -> $crate::Result<()> {
                sqlx::query("DELETE FROM sessions WHERE kind = $1 AND subject_id = $2")
                    .bind(kind)
                    .bind(subject)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn push_outbox(&self, m: &$crate::store::NewOutbox) -> $crate::Result<i64> {
                let mut conn = self.pool.acquire().await?;
                Self::outbox_in(&mut conn, m).await
            }

            async fn purge_outbox(&self, now: i64) -> $crate::Result<u64> {
                let done = sqlx::query(
                    "DELETE FROM outbox WHERE purge_at IS NOT NULL AND purge_at <= $1",
                )
                .bind(now)
                .execute(&self.pool)
                .await?;
                Ok(done.rows_affected())
            }

            async fn outbox(
                &self,
                recipient_index: Option<&[u8]>,
                limit: u32,
            ) -> $crate::Result<Vec<$crate::store::OutboxRecord>> {
                Ok(sqlx::query_as(
                    "SELECT id, created_at, channel, recipient_masked, body FROM outbox \
                     WHERE ($1 IS NULL OR recipient_index = $1) ORDER BY id DESC LIMIT $2",
                )
                .bind(recipient_index)
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await?)
            }

            async fn audit(&self, e: &$crate::store::AuditRecord) -> $crate::Result<()> {
                let mut conn = self.pool.acquire().await?;
                Self::audit_in(&mut conn, e, None).await
            }

            async fn audit_trail(
                &self,
                actor: Option<(&str, i64)>,
                limit: u32,
            ) -> $crate::Result<Vec<$crate::store::AuditRecord>> {
                let (kind, id) = actor.map_or((None, None), |(k, i)| (Some(k), Some(i)));
                Ok(sqlx::query_as(
                    "SELECT at, actor_kind, actor_id, on_behalf_of, action, record_kind, record_id, ip \
                     FROM audit_log WHERE ($1 IS NULL OR (actor_kind = $1 AND actor_id = $2)) \
                     ORDER BY id DESC LIMIT $3",
                )
                .bind(kind)
                .bind(id)
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await?)
            }
        }

        #[async_trait::async_trait]
        impl $crate::store::StaffStore for $store {
            async fn staff_count(&self) -> $crate::Result<i64> {
                let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM staff")
                    .fetch_one(&self.pool)
                    .await?;
                Ok(n)
            }

            async fn create_staff(&self, s: &$crate::store::NewStaff) -> $crate::Result<$crate::store::Added> {
                let mut tx = self.begin_write().await?;
                let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
                    "INSERT INTO staff (username, display_name, password_hash, role, hall_code, \
                     created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(&s.username)
                .bind(&s.display_name)
                .bind(&s.password_hash)
                .bind(s.role)
                .bind(&s.hall_code)
                .bind(s.created_at)
                .fetch_one(&mut *tx)
                .await;
                let id = match inserted {
                    Ok((id,)) => id,
                    Err(e) if $crate::store::accounts_sql::is_unique_violation(&e) => {
                        return Ok($crate::store::Added::Duplicate);
                    }
                    Err(e) => return Err(e.into()),
                };
                Self::write_departments(&mut tx, id, &s.departments).await?;
                tx.commit().await?;
                Ok($crate::store::Added::Id(id))
            }

            async fn staff_by_username(&self, username: &str) -> $crate::Result<Option<$crate::store::StaffRecord>> {
                let found: Option<$crate::store::StaffRecord> = sqlx::query_as(
                    "SELECT id, username, display_name, password_hash, role, hall_code, active, \
                     failures, locked_until FROM staff WHERE username = $1",
                )
                .bind(username)
                .fetch_optional(&self.pool)
                .await?;
                Ok(self.with_departments(found.into_iter().collect()).await?.pop())
            }

            async fn staff_member(&self, id: i64) -> $crate::Result<Option<$crate::store::StaffRecord>> {
                let found: Option<$crate::store::StaffRecord> = sqlx::query_as(
                    "SELECT id, username, display_name, password_hash, role, hall_code, active, \
                     failures, locked_until FROM staff WHERE id = $1",
                )
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
                Ok(self.with_departments(found.into_iter().collect()).await?.pop())
            }

            async fn all_staff(&self) -> $crate::Result<Vec<$crate::store::StaffRecord>> {
                let all: Vec<$crate::store::StaffRecord> = sqlx::query_as(
                    "SELECT id, username, display_name, password_hash, role, hall_code, active, \
                     failures, locked_until FROM staff ORDER BY id",
                )
                .fetch_all(&self.pool)
                .await?;
                self.with_departments(all).await
            }

            async fn update_staff(&self, id: i64, c: &$crate::store::StaffChange) -> $crate::Result<bool> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE staff SET display_name = $2, role = $3, hall_code = $4, active = $5 \
                     WHERE id = $1",
                )
                .bind(id)
                .bind(&c.display_name)
                .bind(c.role)
                .bind(&c.hall_code)
                .bind(c.active)
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Ok(false);
                }
                Self::write_departments(&mut tx, id, &c.departments).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn set_staff_password(&self, id: i64, password_hash: &str) -> $crate::Result<bool> {
                let done = sqlx::query(
                    "UPDATE staff SET password_hash = $2, failures = 0, locked_until = NULL WHERE id = $1",
                )
                .bind(id)
                .bind(password_hash)
                .execute(&self.pool)
                .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn begin_staff_attempt(
                &self,
                id: i64,
                now: i64,
                max_failures: i64,
                lock_until: i64,
            ) -> $crate::Result<bool> {
                // A lock that has run out starts the count again; the attempt that reaches
                // the limit sets the lock itself, so no later one can slip in.
                let done = sqlx::query(
                    "UPDATE staff SET \
                       failures = CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failures + 1 END, \
                       locked_until = CASE \
                         WHEN (CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failures + 1 END) >= $3 \
                         THEN $4 ELSE NULL END \
                     WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2)",
                )
                .bind(id)
                .bind(now)
                .bind(max_failures)
                .bind(lock_until)
                .execute(&self.pool)
                .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn staff_attempt_succeeded(&self, id: i64) -> $crate::Result<()> {
                sqlx::query("UPDATE staff SET failures = 0, locked_until = NULL WHERE id = $1")
                    .bind(id)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }
        }
    };
}

pub(crate) use accounts_queries;
