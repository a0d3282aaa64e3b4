//! Case upload queries (`CaseFileStore`), one SQL text for both stores.

macro_rules! case_file_queries {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::CaseFileStore for $store {
            async fn add_case_file(
                &self,
                f: &$crate::store::NewCaseFile<'_>,
            ) -> $crate::Result<$crate::store::AddFile> {
                use $crate::store::AddFile;
                let mut tx = self.begin_write().await?;
                // Touching the case row first takes its lock (PostgreSQL) or the write lock
                // (SQLite): the counts below cannot change under this transaction.
                let open = sqlx::query(
                    "UPDATE cases SET updated_at = $1 WHERE id = $2 AND citizen_id = $3 \
                     AND state IN ('draft', 'needs_supplement')",
                )
                .bind(f.now)
                .bind(f.case_id)
                .bind(f.citizen_id)
                .execute(&mut *tx)
                .await?;
                if open.rows_affected() != 1 {
                    return Ok(AddFile::Closed);
                }
                let (count, bytes): (i64, i64) = sqlx::query_as(
                    "SELECT COUNT(*), CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM case_files \
                     WHERE case_id = $1 AND removed_at IS NULL",
                )
                .bind(f.case_id)
                .fetch_one(&mut *tx)
                .await?;
                if count >= f.max_files {
                    return Ok(AddFile::TooMany);
                }
                if bytes + f.size > f.max_bytes {
                    return Ok(AddFile::CaseFull);
                }
                let (id,): (i64,) = sqlx::query_as(
                    "INSERT INTO case_files (case_id, field_key, blob, kind, size, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(f.case_id)
                .bind(f.field_key)
                .bind(f.blob)
                .bind(f.kind)
                .bind(f.size)
                .bind(f.now)
                .fetch_one(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(AddFile::Added(id))
            }

            async fn case_files(
                &self,
                case_id: i64,
            ) -> $crate::Result<Vec<$crate::store::CaseFileRecord>> {
                Ok(sqlx::query_as(
                    "SELECT id, case_id, field_key, blob, kind, size, created_at FROM case_files \
                     WHERE case_id = $1 AND removed_at IS NULL ORDER BY id",
                )
                .bind(case_id)
                .fetch_all(&self.pool)
                .await?)
            }

            async fn remove_case_file(
                &self,
                case_id: i64,
                citizen_id: i64,
                file_id: i64,
                now: i64,
            ) -> $crate::Result<Option<String>> {
                let mut tx = self.begin_write().await?;
                let open = sqlx::query(
                    "UPDATE cases SET updated_at = $1 WHERE id = $2 AND citizen_id = $3 \
                     AND state IN ('draft', 'needs_supplement')",
                )
                .bind(now)
                .bind(case_id)
                .bind(citizen_id)
                .execute(&mut *tx)
                .await?;
                if open.rows_affected() != 1 {
                    return Ok(None);
                }
                let blob: Option<(String,)> = sqlx::query_as(
                    "UPDATE case_files SET removed_at = $1 WHERE id = $2 AND case_id = $3 \
                     AND removed_at IS NULL RETURNING blob",
                )
                .bind(now)
                .bind(file_id)
                .bind(case_id)
                .fetch_optional(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(blob.map(|(b,)| b))
            }
        }
    };
}

pub(crate) use case_file_queries;
