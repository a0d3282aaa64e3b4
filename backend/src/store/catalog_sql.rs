//! Catalogue queries, written once for both stores: sqlx binds `$N` on SQLite as on
//! PostgreSQL and the row types decode from both, so only the pool type differs.
//! `catalog_queries!(Store, Db)` implements `CatalogStore` for a store holding `pool`, plus
//! `sync_locked`, which each store calls inside its own locking transaction.

macro_rules! catalog_queries {
    ($store:ty, $db:ty) => {
        impl $store {
        /// Inside a transaction that already holds this store's seeding lock: loads the
        /// catalogue unless this very version (by fingerprint) is there, and commits. True
        /// when it loaded. 事项 are replaced whole; departments and halls, which staff
        /// accounts point at, are updated in place.
        async fn sync_locked(
            mut tx: sqlx::Transaction<'_, $db>,
            catalog: &$crate::seed::Catalog,
        ) -> $crate::Result<bool> {
            let loaded: Option<(String,)> =
                sqlx::query_as("SELECT value FROM catalog_meta WHERE key = 'fingerprint'")
                    .fetch_optional(&mut *tx)
                    .await?;
            if loaded.is_some_and(|(f,)| f == catalog.fingerprint) {
                return Ok(false);
            }
            for table in ["bundles", "service_steps", "service_materials", "service_items"] {
                sqlx::query(&format!("DELETE FROM {table}"))
                    .execute(&mut *tx)
                    .await?;
            }
            Self::insert_catalog(&mut tx, catalog).await?;
            sqlx::query(
                "INSERT INTO catalog_meta (key, value) VALUES ('fingerprint', $1) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )
            .bind(&catalog.fingerprint)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(true)
        }

        async fn insert_catalog(
            tx: &mut sqlx::Transaction<'_, $db>,
            catalog: &$crate::seed::Catalog,
        ) -> $crate::Result<()> {
            use $crate::store::rows::{enum_text, lines};
            for (position, d) in catalog.departments.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO departments (code, name, short_name, weekend, position) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO UPDATE SET \
                     name = excluded.name, short_name = excluded.short_name, \
                     weekend = excluded.weekend, position = excluded.position",
                )
                .bind(&d.code)
                .bind(&d.name)
                .bind(&d.short_name)
                .bind(d.weekend)
                .bind(position as i64)
                .execute(&mut **tx)
                .await?;
            }
            for h in &catalog.halls {
                sqlx::query(
                    "INSERT INTO halls (code, name, address, hours, weekend_hours, phone) \
                     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO UPDATE SET \
                     name = excluded.name, address = excluded.address, hours = excluded.hours, \
                     weekend_hours = excluded.weekend_hours, phone = excluded.phone",
                )
                .bind(&h.code)
                .bind(&h.name)
                .bind(&h.address)
                .bind(&h.hours)
                .bind(&h.weekend_hours)
                .bind(&h.phone)
                .execute(&mut **tx)
                .await?;
            }
            for (position, seeded) in catalog.items.iter().enumerate() {
                let i = &seeded.item;
                sqlx::query(
                    "INSERT INTO service_items (code, name, department_code, category, \
                     legal_days, promised_days, case_type, visits, visit_reason, depth, \
                     conditions, fee_charged, fee_standard, fee_basis, legal_basis, location, \
                     hours, consult_phone, supervise_phone, scope, bookable, weekend, postal, \
                     online, keywords, hot_rank, position, legal_limit_note, themes, form) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, \
                     $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30)",
                )
                .bind(i.code.as_str())
                .bind(&i.name)
                .bind(&i.department.code)
                .bind(enum_text(&i.category))
                .bind(i64::from(i.legal_limit.0))
                .bind(i64::from(i.promised_limit.0))
                .bind(enum_text(&i.case_type))
                .bind(i64::from(i.visits.count))
                .bind(&i.visits.reason)
                .bind(i64::from(u8::from(i.depth)))
                .bind(lines(&i.conditions))
                .bind(i.fee.charged)
                .bind(&i.fee.standard)
                .bind(&i.fee.basis)
                .bind(&i.legal_basis)
                .bind(&i.location)
                .bind(&i.hours)
                .bind(&i.consult_phone)
                .bind(&i.supervise_phone)
                .bind(enum_text(&i.scope))
                .bind(i.flags.bookable)
                .bind(i.flags.weekend)
                .bind(i.flags.postal)
                .bind(i.flags.online)
                .bind(lines(&i.keywords))
                .bind(seeded.hot.map(i64::from))
                .bind(position as i64)
                .bind(&i.legal_limit_note)
                .bind(lines(
                    &i.themes
                        .iter()
                        .map(|t| t.label().to_owned())
                        .collect::<Vec<_>>(),
                ))
                .bind(
                    serde_json::to_string(&i.form)
                        .map_err(|e| $crate::Error::Corrupt(e.to_string()))?,
                )
                .execute(&mut **tx)
                .await?;
                for (n, m) in i.materials.iter().enumerate() {
                    sqlx::query(
                        "INSERT INTO service_materials (item_code, position, name, source, \
                         originals, copies, required, note, blank_form, sample) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                    )
                    .bind(i.code.as_str())
                    .bind(n as i64)
                    .bind(&m.name)
                    .bind(enum_text(&m.source))
                    .bind(i64::from(m.originals))
                    .bind(i64::from(m.copies))
                    .bind(m.required)
                    .bind(&m.note)
                    .bind(&m.blank_form)
                    .bind(&m.sample)
                    .execute(&mut **tx)
                    .await?;
                }
                for (n, step) in i.steps.iter().enumerate() {
                    sqlx::query(
                        "INSERT INTO service_steps (item_code, position, description) \
                         VALUES ($1, $2, $3)",
                    )
                    .bind(i.code.as_str())
                    .bind(n as i64)
                    .bind(step)
                    .execute(&mut **tx)
                    .await?;
                }
            }
            for (position, b) in catalog.bundles.iter().enumerate() {
                let definition = serde_json::to_string(b)
                    .map_err(|e| $crate::Error::Seed(e.to_string()))?;
                sqlx::query("INSERT INTO bundles (code, position, definition) VALUES ($1, $2, $3)")
                    .bind(&b.code)
                    .bind(position as i64)
                    .bind(definition)
                    .execute(&mut **tx)
                    .await?;
            }
            Ok(())
        }

        }

        #[async_trait::async_trait]
        impl $crate::store::CatalogStore for $store {
        async fn departments(&self) -> $crate::Result<Vec<domain::Department>> {
            let rows: Vec<$crate::store::rows::DepartmentRow> = sqlx::query_as(
                "SELECT code, name, short_name, weekend FROM departments ORDER BY position",
            )
            .fetch_all(&self.pool)
            .await?;
            Ok(rows.into_iter().map(Into::into).collect())
        }

        async fn bundle_defs(&self) -> $crate::Result<Vec<domain::bundle::BundleDef>> {
            let rows: Vec<(String,)> =
                sqlx::query_as("SELECT definition FROM bundles ORDER BY position")
                    .fetch_all(&self.pool)
                    .await?;
            rows.iter()
                .map(|(json,)| {
                    serde_json::from_str(json).map_err(|e| $crate::Error::Corrupt(e.to_string()))
                })
                .collect()
        }

        async fn halls(&self) -> $crate::Result<Vec<domain::Hall>> {
            let rows: Vec<$crate::store::rows::HallRow> = sqlx::query_as(
                "SELECT code, name, address, hours, weekend_hours, phone FROM halls ORDER BY code",
            )
            .fetch_all(&self.pool)
            .await?;
            Ok(rows.into_iter().map(Into::into).collect())
        }

        async fn hot_services(&self, limit: u32) -> $crate::Result<Vec<domain::ServiceSummary>> {
            let rows: Vec<$crate::store::rows::SummaryRow> = sqlx::query_as(
                "SELECT i.code, i.name, d.short_name, i.promised_days, i.visits, i.weekend \
                 FROM service_items i JOIN departments d ON d.code = i.department_code \
                 WHERE i.hot_rank IS NOT NULL ORDER BY i.hot_rank, i.position LIMIT $1",
            )
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await?;
            rows.into_iter().map(TryInto::try_into).collect()
        }

        async fn bookable_services(&self) -> $crate::Result<Vec<domain::ServiceSummary>> {
            let rows: Vec<$crate::store::rows::SummaryRow> = sqlx::query_as(
                "SELECT i.code, i.name, d.short_name, i.promised_days, i.visits, i.weekend \
                 FROM service_items i JOIN departments d ON d.code = i.department_code \
                 WHERE i.bookable ORDER BY d.position, i.position",
            )
            .fetch_all(&self.pool)
            .await?;
            rows.into_iter().map(TryInto::try_into).collect()
        }

        async fn search_entries(&self) -> $crate::Result<Vec<$crate::search::EntryText>> {
            let rows: Vec<$crate::store::rows::EntryRow> = sqlx::query_as(
                "SELECT i.code, i.name, d.short_name, i.promised_days, i.visits, i.weekend, \
                 i.department_code, i.keywords, i.themes, i.conditions \
                 FROM service_items i JOIN departments d ON d.code = i.department_code \
                 ORDER BY CASE WHEN i.hot_rank IS NULL THEN 1 ELSE 0 END, i.hot_rank, i.position",
            )
            .fetch_all(&self.pool)
            .await?;
            let materials: Vec<(String, String)> = sqlx::query_as(
                "SELECT item_code, name FROM service_materials ORDER BY item_code, position",
            )
            .fetch_all(&self.pool)
            .await?;
            let mut by_item: std::collections::HashMap<String, Vec<String>> =
                std::collections::HashMap::new();
            for (code, name) in materials {
                by_item.entry(code).or_default().push(name);
            }
            rows.into_iter()
                .map(|row| {
                    let mut entry = row.into_entry()?;
                    if let Some(names) = by_item.remove(entry.entry.summary.code.as_str()) {
                        entry.body.extend(names);
                    }
                    Ok(entry)
                })
                .collect()
        }

        async fn record_search_miss(&self, query: &str, day: i64, at: i64) -> $crate::Result<()> {
            sqlx::query(
                "INSERT INTO search_miss_days (query, day, count, last_at) VALUES ($1, $2, 1, $3) \
                 ON CONFLICT (query, day) DO UPDATE \
                 SET count = search_miss_days.count + 1, last_at = EXCLUDED.last_at",
            )
            .bind(query)
            .bind(day)
            .bind(at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn search_misses(&self, limit: u32) -> $crate::Result<Vec<$crate::search::Miss>> {
            let rows: Vec<$crate::store::rows::MissRow> = sqlx::query_as(
                "SELECT query, CAST(SUM(count) AS BIGINT) AS count, MAX(last_at) AS last_at \
                 FROM search_miss_days GROUP BY query ORDER BY 2 DESC, 3 DESC LIMIT $1",
            )
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await?;
            Ok(rows.into_iter().map(Into::into).collect())
        }

        async fn service(
            &self,
            code: &domain::ServiceCode,
        ) -> $crate::Result<Option<domain::ServiceItem>> {
            use $crate::store::rows::{ITEM_COLUMNS, ItemRow, MaterialRow};
            let sql = format!(
                "SELECT {ITEM_COLUMNS} FROM service_items i \
                 JOIN departments d ON d.code = i.department_code WHERE i.code = $1"
            );
            let Some(row): Option<ItemRow> =
                sqlx::query_as(&sql).bind(code.as_str()).fetch_optional(&self.pool).await?
            else {
                return Ok(None);
            };
            let materials: Vec<MaterialRow> = sqlx::query_as(
                "SELECT name, source, originals, copies, required, note, blank_form, sample \
                 FROM service_materials WHERE item_code = $1 ORDER BY position",
            )
            .bind(code.as_str())
            .fetch_all(&self.pool)
            .await?;
            let steps: Vec<(String,)> = sqlx::query_as(
                "SELECT description FROM service_steps WHERE item_code = $1 ORDER BY position",
            )
            .bind(code.as_str())
            .fetch_all(&self.pool)
            .await?;
            row.into_item(materials, steps.into_iter().map(|(s,)| s).collect()).map(Some)
        }
        }
    };
}

pub(crate) use catalog_queries;
