//! The hall desk: the day's bookings and queue numbers, check-in, walk-ins, done.
//! Written once for both stores, like `booking_sql`.

macro_rules! desk_queries {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::DeskStore for $store {
            async fn desk(
                &self,
                hall_code: &str,
                day: i64,
            ) -> $crate::Result<Vec<$crate::store::DeskRecord>> {
                Ok(sqlx::query_as(
                    "SELECT b.code, b.item_code, b.department_code, b.start_at, b.status, \
                     b.queue_no, COALESCE(m.name_masked, c.name_masked) AS person_masked \
                     FROM bookings b JOIN citizens c ON c.id = b.citizen_id \
                     LEFT JOIN family_members m ON m.id = b.member_id \
                     WHERE b.hall_code = $1 AND b.day = $2 AND b.status <> 'cancelled' \
                     ORDER BY b.start_at, b.id",
                )
                .bind(hall_code)
                .bind(day)
                .fetch_all(&self.pool)
                .await?)
            }

            async fn tickets(
                &self,
                hall_code: &str,
                day: i64,
            ) -> $crate::Result<Vec<$crate::store::TicketRecord>> {
                Ok(sqlx::query_as(
                    "SELECT t.department_code, t.number, t.label, b.code AS booking_code, \
                     t.done_at FROM tickets t LEFT JOIN bookings b ON b.id = t.booking_id \
                     WHERE t.hall_code = $1 AND t.day = $2 ORDER BY t.issued_at, t.label",
                )
                .bind(hall_code)
                .bind(day)
                .fetch_all(&self.pool)
                .await?)
            }

            async fn check_in(
                &self,
                booking_id: i64,
                kind_index: u32,
                now: i64,
            ) -> $crate::Result<$crate::store::CheckedIn> {
                use $crate::store::CheckedIn;
                let mut tx = self.begin_write().await?;
                let b = Self::booking_for_update(&mut tx, booking_id)
                    .await?
                    .ok_or($crate::Error::NotFound)?;
                match (b.status.as_str(), b.queue_no) {
                    ("checked_in", Some(label)) => return Ok(CheckedIn::Ticket(label)),
                    ("booked", _) => {}
                    (other, _) => return Ok(CheckedIn::NotActive(other.to_owned())),
                }
                let label = Self::next_ticket(
                    &mut tx,
                    &b.hall_code,
                    &b.department_code,
                    b.day,
                    kind_index,
                    Some(b.id),
                    now,
                )
                .await?;
                sqlx::query(
                    "UPDATE bookings SET status = 'checked_in', checked_in_at = $2, \
                     queue_no = $3, changed_at = $2 WHERE id = $1",
                )
                .bind(b.id)
                .bind(now)
                .bind(&label)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(CheckedIn::Ticket(label))
            }

            async fn walk_in(
                &self,
                hall_code: &str,
                department_code: &str,
                day: i64,
                kind_index: u32,
                now: i64,
            ) -> $crate::Result<String> {
                let mut tx = self.begin_write().await?;
                let label = Self::next_ticket(
                    &mut tx,
                    hall_code,
                    department_code,
                    day,
                    kind_index,
                    None,
                    now,
                )
                .await?;
                tx.commit().await?;
                Ok(label)
            }

            async fn ticket_done(
                &self,
                hall_code: &str,
                day: i64,
                label: &str,
                now: i64,
            ) -> $crate::Result<bool> {
                let mut tx = self.begin_write().await?;
                let done: Option<(Option<i64>,)> = sqlx::query_as(
                    "UPDATE tickets SET done_at = $4 WHERE hall_code = $1 AND day = $2 \
                     AND label = $3 AND done_at IS NULL RETURNING booking_id",
                )
                .bind(hall_code)
                .bind(day)
                .bind(label)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await?;
                let Some((booking,)) = done else {
                    return Ok(false);
                };
                if let Some(id) = booking {
                    sqlx::query(
                        "UPDATE bookings SET status = 'done', changed_at = $2 WHERE id = $1",
                    )
                    .bind(id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(true)
            }
        }
    };
}

pub(crate) use desk_queries;
