//! Writes that go inside another write's transaction: the audit line and the outbox text of
//! an action are committed with the action itself, or not at all. Each is written here once
//! and called with a transaction (`&mut *tx`) or a pooled connection.

macro_rules! tx_helpers {
    ($store:ty, $db:ty) => {
        impl $store {
            /// One audit line; `record_id` fills in a record made in the same transaction.
            pub(crate) async fn audit_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                e: &$crate::store::AuditRecord,
                record_id: Option<i64>,
            ) -> $crate::Result<()> {
                sqlx::query(
                    "INSERT INTO audit_log (at, actor_kind, actor_id, on_behalf_of, action, \
                     record_kind, record_id, ip) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(e.at)
                .bind(&e.actor_kind)
                .bind(e.actor_id)
                .bind(e.on_behalf_of)
                .bind(&e.action)
                .bind(&e.record_kind)
                .bind(record_id.or(e.record_id))
                .bind(&e.ip)
                .execute(&mut *conn)
                .await?;
                Ok(())
            }

            /// One text for the outbox; its id.
            pub(crate) async fn outbox_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                m: &$crate::store::NewOutbox,
            ) -> $crate::Result<i64> {
                let (id,): (i64,) = sqlx::query_as(
                    "INSERT INTO outbox (created_at, channel, recipient_enc, recipient_index, \
                     recipient_masked, body, purge_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                     RETURNING id",
                )
                .bind(m.created_at)
                .bind(m.channel)
                .bind(&m.recipient_enc)
                .bind(&m.recipient_index)
                .bind(&m.recipient_masked)
                .bind(&m.body)
                .bind(m.purge_at)
                .fetch_one(&mut *conn)
                .await?;
                Ok(id)
            }
        }
    };
}

pub(crate) use tx_helpers;
