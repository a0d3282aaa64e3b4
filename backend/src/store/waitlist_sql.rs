//! The waitlist of full days: joining, leaving, offers and their expiry. Places move
//! through the booking queries' shared helpers (`book_in`, `free_place`, `offer_next`).
//! Written once for both stores, like `booking_sql`.

macro_rules! waitlist_queries {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::WaitlistStore for $store {
            async fn join_waitlist(
                &self,
                w: &$crate::store::NewWait<'_>,
            ) -> $crate::Result<$crate::store::Joined> {
                use $crate::store::Joined;
                let mut tx = self.begin_write().await?;
                let earlier: Option<(i64,)> = sqlx::query_as(
                    "SELECT id FROM waitlist WHERE citizen_id = $1 AND request_key = $2",
                )
                .bind(w.citizen_id)
                .bind(w.request_key)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some((id,)) = earlier {
                    return Ok(Joined::Id(id));
                }
                let person = w.member_id.unwrap_or(0);
                let waiting: Option<(i64,)> = sqlx::query_as(
                    "SELECT id FROM waitlist WHERE citizen_id = $1 AND person = $2 \
                     AND item_code = $3 AND day = $4 AND status IN ('waiting', 'offered')",
                )
                .bind(w.citizen_id)
                .bind(person)
                .bind(w.item_code)
                .bind(w.day)
                .fetch_optional(&mut *tx)
                .await?;
                if waiting.is_some() {
                    return Ok(Joined::AlreadyWaiting);
                }
                let booked =
                    Self::holds_that_day(&mut tx, w.citizen_id, person, w.item_code, w.day, 0)
                        .await?;
                if booked {
                    return Ok(Joined::AlreadyBooked);
                }
                let (id,): (i64,) = sqlx::query_as(
                    "INSERT INTO waitlist (citizen_id, member_id, person, item_code, hall_code, \
                     department_code, day, status, request_key, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, 'waiting', $8, $9) RETURNING id",
                )
                .bind(w.citizen_id)
                .bind(w.member_id)
                .bind(person)
                .bind(w.item_code)
                .bind(w.hall_code)
                .bind(w.department_code)
                .bind(w.day)
                .bind(w.request_key)
                .bind(w.now)
                .fetch_one(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(Joined::Id(id))
            }

            async fn waitlist_of(
                &self,
                citizen_id: i64,
            ) -> $crate::Result<Vec<$crate::store::WaitRecord>> {
                Ok(sqlx::query_as(
                    "SELECT w.id, w.citizen_id, w.member_id, w.item_code, w.hall_code, \
                     w.department_code, w.day, w.status, w.offered_slot_id, w.offer_until, \
                     (SELECT COUNT(*) FROM waitlist o WHERE o.hall_code = w.hall_code \
                      AND o.department_code = w.department_code AND o.day = w.day \
                      AND o.status = 'waiting' AND o.id <= w.id) AS position \
                     FROM waitlist w WHERE w.citizen_id = $1 ORDER BY w.id DESC",
                )
                .bind(citizen_id)
                .fetch_all(&self.pool)
                .await?)
            }

            async fn leave_waitlist(
                &self,
                citizen_id: i64,
                wait_id: i64,
                now: i64,
                hold_secs: i64,
            ) -> $crate::Result<Option<$crate::store::Offer>> {
                let mut tx = self.begin_write().await?;
                let sql = format!(
                    "SELECT status, offered_slot_id FROM waitlist WHERE id = $1 \
                     AND citizen_id = $2{}",
                    Self::FOR_UPDATE
                );
                let row: Option<(String, Option<i64>)> = sqlx::query_as(&sql)
                    .bind(wait_id)
                    .bind(citizen_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                let Some((status, slot)) = row else {
                    return Err($crate::Error::NotFound);
                };
                if status != "waiting" && status != "offered" {
                    return Ok(None);
                }
                sqlx::query("UPDATE waitlist SET status = 'left' WHERE id = $1")
                    .bind(wait_id)
                    .execute(&mut *tx)
                    .await?;
                let offer = match (status.as_str(), slot) {
                    ("offered", Some(slot)) => Self::pass_on(&mut tx, slot, now, hold_secs).await?,
                    _ => None,
                };
                tx.commit().await?;
                Ok(offer)
            }

            async fn accept_offer(
                &self,
                booking: &$crate::store::NewBooking<'_>,
                wait_id: i64,
            ) -> $crate::Result<$crate::store::BookResult> {
                use $crate::store::BookResult;
                let mut tx = self.begin_write().await?;
                let sql = format!(
                    "SELECT status, offered_slot_id, offer_until FROM waitlist WHERE id = $1 \
                     AND citizen_id = $2{}",
                    Self::FOR_UPDATE
                );
                let row: Option<(String, Option<i64>, Option<i64>)> = sqlx::query_as(&sql)
                    .bind(wait_id)
                    .bind(booking.citizen_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                let Some((status, slot, until)) = row else {
                    return Err($crate::Error::NotFound);
                };
                let live = status == "offered" && until.is_some_and(|u| u >= booking.now);
                let (true, Some(slot)) = (live, slot) else {
                    // Not (or no longer) offered: the same accept again finds the booking it
                    // made; anything else is too late.
                    let sql = format!(
                        "SELECT {} FROM bookings WHERE citizen_id = $1 AND request_key = $2",
                        $crate::store::booking_sql::BOOKING_COLUMNS
                    );
                    let earlier: Option<$crate::store::BookingRecord> = sqlx::query_as(&sql)
                        .bind(booking.citizen_id)
                        .bind(booking.request_key)
                        .fetch_optional(&mut *tx)
                        .await?;
                    return Ok(earlier.map_or(BookResult::Full, BookResult::Existing));
                };
                let result = Self::book_in(&mut tx, booking, slot, true).await?;
                if let BookResult::Booked(_) = result {
                    sqlx::query("UPDATE waitlist SET status = 'accepted' WHERE id = $1")
                        .bind(wait_id)
                        .execute(&mut *tx)
                        .await?;
                    tx.commit().await?;
                }
                Ok(result)
            }

            async fn expire_offers(
                &self,
                now: i64,
                hold_secs: i64,
            ) -> $crate::Result<Vec<$crate::store::Offer>> {
                let mut tx = self.begin_write().await?;
                let sql = format!(
                    "SELECT id, offered_slot_id FROM waitlist WHERE status = 'offered' \
                     AND offer_until < $1 ORDER BY id LIMIT 100{}",
                    Self::SKIP_LOCKED
                );
                let due: Vec<(i64, Option<i64>)> =
                    sqlx::query_as(&sql).bind(now).fetch_all(&mut *tx).await?;
                let mut offers = Vec::new();
                for (id, slot) in due {
                    sqlx::query("UPDATE waitlist SET status = 'expired' WHERE id = $1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    if let Some(slot) = slot
                        && let Some(offer) = Self::pass_on(&mut tx, slot, now, hold_secs).await?
                    {
                        offers.push(offer);
                    }
                }
                tx.commit().await?;
                Ok(offers)
            }
        }
    };
}

pub(crate) use waitlist_queries;
