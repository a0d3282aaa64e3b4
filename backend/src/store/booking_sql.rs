//! Booking queries, written once for both stores like `accounts_sql`. Each store supplies
//! `begin_write()`, `FOR_UPDATE` (row locks on PostgreSQL; SQLite's write lock already
//! serialises) and `SKIP_LOCKED` (so several processes split background work on PostgreSQL).

/// What taking a place in a slot came to.
pub(crate) enum Taken {
    Place,
    Full,
    DayClosed,
}

pub(crate) const BOOKING_COLUMNS: &str = "id, code, citizen_id, member_id, item_code, slot_id, \
     hall_code, department_code, day, start_at, end_at, status, created_at, queue_no, changed_at, \
     sequence";

pub(crate) const SLOT_COLUMNS: &str = "id, hall_code, department_code, day, start_min, end_min, \
     start_at, end_at, capacity, booked, held";

macro_rules! booking_queries {
    ($store:ty, $db:ty) => {
        impl $store {
            /// The slot `id`, read inside `tx`.
            async fn slot_in(
                tx: &mut sqlx::Transaction<'_, $db>,
                id: i64,
            ) -> $crate::Result<$crate::store::SlotRecord> {
                let sql = format!(
                    "SELECT {} FROM slots WHERE id = $1",
                    $crate::store::booking_sql::SLOT_COLUMNS
                );
                sqlx::query_as(&sql)
                    .bind(id)
                    .fetch_optional(&mut **tx)
                    .await?
                    .ok_or($crate::Error::NotFound)
            }

            /// Takes one place of `slot` inside `tx` (from the places held for an offer when
            /// `from_offer`). The conditional update is the capacity rule: it takes a place
            /// only while one is free, whatever else runs at the same time; and a day the
            /// hall closed takes nothing, even a request racing the closing.
            async fn take_place(
                tx: &mut sqlx::Transaction<'_, $db>,
                slot: &$crate::store::SlotRecord,
                from_offer: bool,
            ) -> $crate::Result<$crate::store::booking_sql::Taken> {
                use $crate::store::booking_sql::Taken;
                let take = if from_offer {
                    "UPDATE slots SET held = held - 1, booked = booked + 1 \
                     WHERE id = $1 AND held > 0 AND NOT EXISTS (SELECT 1 FROM closed_days c \
                     WHERE c.hall_code = slots.hall_code AND c.day = slots.day)"
                } else {
                    "UPDATE slots SET booked = booked + 1 \
                     WHERE id = $1 AND booked + held < capacity AND NOT EXISTS (SELECT 1 \
                     FROM closed_days c WHERE c.hall_code = slots.hall_code AND c.day = slots.day)"
                };
                let taken = sqlx::query(take).bind(slot.id).execute(&mut **tx).await?;
                if taken.rows_affected() == 1 {
                    return Ok(Taken::Place);
                }
                let closed: Option<(i64,)> = sqlx::query_as(
                    "SELECT day FROM closed_days WHERE hall_code = $1 AND day = $2",
                )
                .bind(&slot.hall_code)
                .bind(slot.day)
                .fetch_optional(&mut **tx)
                .await?;
                Ok(match closed {
                    Some(_) => Taken::DayClosed,
                    None => Taken::Full,
                })
            }

            /// Does this person (a member's id, 0 for the citizen) already hold an active
            /// booking for the 事项 that day, other than booking `except`?
            async fn holds_that_day(
                tx: &mut sqlx::Transaction<'_, $db>,
                citizen_id: i64,
                person: i64,
                item_code: &str,
                day: i64,
                except: i64,
            ) -> $crate::Result<bool> {
                let found: Option<(i64,)> = sqlx::query_as(
                    "SELECT id FROM bookings WHERE citizen_id = $1 AND person = $2 \
                     AND item_code = $3 AND day = $4 AND status = 'booked' AND id <> $5",
                )
                .bind(citizen_id)
                .bind(person)
                .bind(item_code)
                .bind(day)
                .bind(except)
                .fetch_optional(&mut **tx)
                .await?;
                Ok(found.is_some())
            }

            async fn booking_for_update(
                tx: &mut sqlx::Transaction<'_, $db>,
                id: i64,
            ) -> $crate::Result<Option<$crate::store::BookingRecord>> {
                let sql = format!(
                    "SELECT {} FROM bookings WHERE id = $1{}",
                    $crate::store::booking_sql::BOOKING_COLUMNS,
                    Self::FOR_UPDATE
                );
                Ok(sqlx::query_as(&sql).bind(id).fetch_optional(&mut **tx).await?)
            }

            /// Every rule of a booking, inside `tx`; `wait_id` books the place held for that
            /// waitlist entry instead of a free one.
            async fn book_in(
                tx: &mut sqlx::Transaction<'_, $db>,
                b: &$crate::store::NewBooking<'_>,
                slot_id: i64,
                from_offer: bool,
            ) -> $crate::Result<$crate::store::BookResult> {
                use $crate::store::{BookResult, Refusal};
                // Locking the citizen's row serialises one citizen's bookings, so the limits
                // below are read and written by one transaction at a time.
                let sql = format!(
                    "SELECT verified_at FROM citizens WHERE id = $1 AND deleted_at IS NULL{}",
                    Self::FOR_UPDATE
                );
                let citizen: Option<(Option<i64>,)> =
                    sqlx::query_as(&sql).bind(b.citizen_id).fetch_optional(&mut **tx).await?;
                let sql = format!(
                    "SELECT {} FROM bookings WHERE citizen_id = $1 AND request_key = $2",
                    $crate::store::booking_sql::BOOKING_COLUMNS
                );
                let earlier: Option<$crate::store::BookingRecord> = sqlx::query_as(&sql)
                    .bind(b.citizen_id)
                    .bind(b.request_key)
                    .fetch_optional(&mut **tx)
                    .await?;
                if let Some(earlier) = earlier {
                    return Ok(BookResult::Existing(earlier));
                }
                if !matches!(citizen, Some((Some(_),))) {
                    return Ok(BookResult::Refused(Refusal::NotVerified));
                }
                let p = b.policy;
                let since = b.now - (p.no_show_window_days + p.suspension_days) * 86_400;
                let shows: Vec<(i64,)> = sqlx::query_as(
                    "SELECT start_at FROM bookings WHERE citizen_id = $1 \
                     AND status = 'no_show' AND start_at >= $2",
                )
                .bind(b.citizen_id)
                .bind(since)
                .fetch_all(&mut **tx)
                .await?;
                let shows: Vec<i64> = shows.into_iter().map(|(t,)| t).collect();
                if let Some(until) = p.suspended_until(&shows, b.now) {
                    return Ok(BookResult::Refused(Refusal::Suspended { until }));
                }
                let (active,): (i64,) = sqlx::query_as(
                    "SELECT COUNT(*) FROM bookings WHERE citizen_id = $1 AND status = 'booked'",
                )
                .bind(b.citizen_id)
                .fetch_one(&mut **tx)
                .await?;
                if active >= i64::from(p.max_active) {
                    return Ok(BookResult::Refused(Refusal::TooMany { max: p.max_active }));
                }
                let slot = Self::slot_in(tx, slot_id).await?;
                let person = b.member_id.unwrap_or(0);
                let same_day =
                    Self::holds_that_day(tx, b.citizen_id, person, b.item_code, slot.day, 0).await?;
                if same_day {
                    return Ok(BookResult::Refused(Refusal::SameDay));
                }
                match Self::take_place(tx, &slot, from_offer).await? {
                    $crate::store::booking_sql::Taken::Place => {}
                    $crate::store::booking_sql::Taken::DayClosed => {
                        return Ok(BookResult::Refused(Refusal::DayClosed));
                    }
                    $crate::store::booking_sql::Taken::Full => return Ok(BookResult::Full),
                }
                let sql = format!(
                    "INSERT INTO bookings (code, citizen_id, member_id, person, item_code, \
                     slot_id, hall_code, department_code, day, start_at, end_at, status, \
                     request_key, created_at, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, \
                     $8, $9, $10, $11, 'booked', $12, $13, $13) RETURNING {}",
                    $crate::store::booking_sql::BOOKING_COLUMNS
                );
                let record = sqlx::query_as(&sql)
                    .bind(b.code)
                    .bind(b.citizen_id)
                    .bind(b.member_id)
                    .bind(person)
                    .bind(b.item_code)
                    .bind(slot_id)
                    .bind(&slot.hall_code)
                    .bind(&slot.department_code)
                    .bind(slot.day)
                    .bind(slot.start_at)
                    .bind(slot.end_at)
                    .bind(b.request_key)
                    .bind(b.now)
                    .fetch_one(&mut **tx)
                    .await?;
                Ok(BookResult::Booked(record))
            }

            /// A place in `slot_id` was given up: held for the first in that line, if anyone
            /// waits, else free again.
            async fn free_place(
                tx: &mut sqlx::Transaction<'_, $db>,
                slot: (i64, &str, &str, i64),
                now: i64,
                hold_secs: i64,
            ) -> $crate::Result<Option<$crate::store::Offer>> {
                let offer = Self::offer_next(tx, slot, now, hold_secs).await?;
                let sql = if offer.is_some() {
                    "UPDATE slots SET booked = booked - 1, held = held + 1 WHERE id = $1"
                } else {
                    "UPDATE slots SET booked = booked - 1 WHERE id = $1"
                };
                sqlx::query(sql).bind(slot.0).execute(&mut **tx).await?;
                Ok(offer)
            }

            /// Offers the place in `slot` to the first waiting in its line.
            async fn offer_next(
                tx: &mut sqlx::Transaction<'_, $db>,
                slot: (i64, &str, &str, i64),
                now: i64,
                hold_secs: i64,
            ) -> $crate::Result<Option<$crate::store::Offer>> {
                let (slot_id, hall, department, day) = slot;
                let sql = format!(
                    "SELECT id FROM waitlist WHERE hall_code = $1 AND department_code = $2 \
                     AND day = $3 AND status = 'waiting' ORDER BY id LIMIT 1{}",
                    Self::FOR_UPDATE
                );
                let next: Option<(i64,)> = sqlx::query_as(&sql)
                    .bind(hall)
                    .bind(department)
                    .bind(day)
                    .fetch_optional(&mut **tx)
                    .await?;
                let Some((wait_id,)) = next else {
                    return Ok(None);
                };
                let offer = sqlx::query_as(
                    "UPDATE waitlist SET status = 'offered', offered_slot_id = $2, \
                     offer_until = $3 WHERE id = $1 \
                     RETURNING id AS wait_id, citizen_id, item_code, offered_slot_id AS slot_id, \
                     offer_until",
                )
                .bind(wait_id)
                .bind(slot_id)
                .bind(now + hold_secs)
                .fetch_one(&mut **tx)
                .await?;
                Ok(Some(offer))
            }

            /// A held place whose offer ended passes to the next in line, or is freed.
            async fn pass_on(
                tx: &mut sqlx::Transaction<'_, $db>,
                slot_id: i64,
                now: i64,
                hold_secs: i64,
            ) -> $crate::Result<Option<$crate::store::Offer>> {
                let slot = Self::slot_in(tx, slot_id).await?;
                let key = (slot.id, slot.hall_code.as_str(), slot.department_code.as_str(), slot.day);
                let offer = Self::offer_next(tx, key, now, hold_secs).await?;
                if offer.is_none() {
                    sqlx::query("UPDATE slots SET held = held - 1 WHERE id = $1 AND held > 0")
                        .bind(slot_id)
                        .execute(&mut **tx)
                        .await?;
                }
                Ok(offer)
            }

            async fn next_ticket(
                tx: &mut sqlx::Transaction<'_, $db>,
                hall: &str,
                department: &str,
                day: i64,
                kind_index: u32,
                booking_id: Option<i64>,
                now: i64,
            ) -> $crate::Result<String> {
                let (number,): (i64,) = sqlx::query_as(
                    "INSERT INTO queue_counters (hall_code, department_code, day, last) \
                     VALUES ($1, $2, $3, 1) ON CONFLICT (hall_code, department_code, day) \
                     DO UPDATE SET last = queue_counters.last + 1 RETURNING last",
                )
                .bind(hall)
                .bind(department)
                .bind(day)
                .fetch_one(&mut **tx)
                .await?;
                let label = domain::booking::queue_number(
                    kind_index,
                    u32::try_from(number).unwrap_or(u32::MAX),
                );
                sqlx::query(
                    "INSERT INTO tickets (hall_code, department_code, day, number, label, \
                     booking_id, issued_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(hall)
                .bind(department)
                .bind(day)
                .bind(number)
                .bind(&label)
                .bind(booking_id)
                .bind(now)
                .execute(&mut **tx)
                .await?;
                Ok(label)
            }
        }

        #[async_trait::async_trait]
        impl $crate::store::BookingStore for $store {
            async fn day_slots(
                &self,
                hall_code: &str,
                department_code: &str,
                day: i64,
                make: &[$crate::store::NewSlot],
            ) -> $crate::Result<Vec<$crate::store::SlotRecord>> {
                let existing = self.slots_between(hall_code, department_code, day, day).await?;
                if !existing.is_empty() || make.is_empty() {
                    return Ok(existing);
                }
                let mut tx = self.begin_write().await?;
                for s in make {
                    sqlx::query(
                        "INSERT INTO slots (hall_code, department_code, day, start_min, end_min, \
                         start_at, end_at, capacity) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                         ON CONFLICT (hall_code, department_code, day, start_min) DO NOTHING",
                    )
                    .bind(hall_code)
                    .bind(department_code)
                    .bind(day)
                    .bind(s.start_min)
                    .bind(s.end_min)
                    .bind(s.start_at)
                    .bind(s.end_at)
                    .bind(s.capacity)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                self.slots_between(hall_code, department_code, day, day).await
            }

            async fn slots_between(
                &self,
                hall_code: &str,
                department_code: &str,
                from: i64,
                to: i64,
            ) -> $crate::Result<Vec<$crate::store::SlotRecord>> {
                let sql = format!(
                    "SELECT {} FROM slots WHERE hall_code = $1 AND department_code = $2 \
                     AND day BETWEEN $3 AND $4 ORDER BY day, start_min",
                    $crate::store::booking_sql::SLOT_COLUMNS
                );
                Ok(sqlx::query_as(&sql)
                    .bind(hall_code)
                    .bind(department_code)
                    .bind(from)
                    .bind(to)
                    .fetch_all(&self.pool)
                    .await?)
            }

            async fn slot(&self, id: i64) -> $crate::Result<Option<$crate::store::SlotRecord>> {
                let sql = format!(
                    "SELECT {} FROM slots WHERE id = $1",
                    $crate::store::booking_sql::SLOT_COLUMNS
                );
                Ok(sqlx::query_as(&sql).bind(id).fetch_optional(&self.pool).await?)
            }

            async fn book(
                &self,
                booking: &$crate::store::NewBooking<'_>,
                slot_id: i64,
            ) -> $crate::Result<$crate::store::BookResult> {
                let mut tx = self.begin_write().await?;
                let result = Self::book_in(&mut tx, booking, slot_id, false).await?;
                if let $crate::store::BookResult::Booked(record) = &result {
                    if let Some(e) = booking.audit {
                        Self::audit_in(&mut tx, e, Some(record.id)).await?;
                    }
                    if let Some(m) = booking.text {
                        Self::outbox_in(&mut tx, m).await?;
                    }
                    tx.commit().await?;
                }
                Ok(result)
            }

            async fn bookings_of(
                &self,
                citizen_id: i64,
            ) -> $crate::Result<Vec<$crate::store::BookingRecord>> {
                let sql = format!(
                    "SELECT {} FROM bookings WHERE citizen_id = $1 ORDER BY start_at DESC, id DESC",
                    $crate::store::booking_sql::BOOKING_COLUMNS
                );
                Ok(sqlx::query_as(&sql).bind(citizen_id).fetch_all(&self.pool).await?)
            }

            async fn booking_by_code(
                &self,
                code: &str,
            ) -> $crate::Result<Option<$crate::store::BookingRecord>> {
                let sql = format!(
                    "SELECT {} FROM bookings WHERE code = $1",
                    $crate::store::booking_sql::BOOKING_COLUMNS
                );
                Ok(sqlx::query_as(&sql).bind(code).fetch_optional(&self.pool).await?)
            }

            async fn booked_with_key(
                &self,
                citizen_id: i64,
                request_key: &str,
            ) -> $crate::Result<bool> {
                let found: Option<(i64,)> = sqlx::query_as(
                    "SELECT id FROM bookings WHERE citizen_id = $1 AND request_key = $2",
                )
                .bind(citizen_id)
                .bind(request_key)
                .fetch_optional(&self.pool)
                .await?;
                Ok(found.is_some())
            }

            async fn no_shows(&self, citizen_id: i64, since: i64) -> $crate::Result<Vec<i64>> {
                let rows: Vec<(i64,)> = sqlx::query_as(
                    "SELECT start_at FROM bookings WHERE citizen_id = $1 \
                     AND status = 'no_show' AND start_at >= $2",
                )
                .bind(citizen_id)
                .bind(since)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map(|(t,)| t).collect())
            }

            async fn cancel(
                &self,
                booking_id: i64,
                now: i64,
                hold_secs: i64,
            ) -> $crate::Result<$crate::store::Freed> {
                use $crate::store::Freed;
                let mut tx = self.begin_write().await?;
                let Some(b) = Self::booking_for_update(&mut tx, booking_id).await? else {
                    return Ok(Freed::NotActive);
                };
                if b.status != "booked" {
                    return Ok(Freed::NotActive);
                }
                sqlx::query("UPDATE bookings SET status = 'cancelled', changed_at = $2, \
                     sequence = sequence + 1 WHERE id = $1")
                    .bind(b.id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                let key = (b.slot_id, b.hall_code.as_str(), b.department_code.as_str(), b.day);
                let offer = Self::free_place(&mut tx, key, now, hold_secs).await?;
                tx.commit().await?;
                Ok(Freed::Done(offer))
            }

            async fn reschedule(
                &self,
                booking_id: i64,
                slot_id: i64,
                now: i64,
                hold_secs: i64,
            ) -> $crate::Result<$crate::store::Freed> {
                use $crate::store::Freed;
                let mut tx = self.begin_write().await?;
                let Some(b) = Self::booking_for_update(&mut tx, booking_id).await? else {
                    return Ok(Freed::NotActive);
                };
                if b.status != "booked" {
                    return Ok(Freed::NotActive);
                }
                if b.slot_id == slot_id {
                    return Ok(Freed::Done(None));
                }
                let slot = Self::slot_in(&mut tx, slot_id).await?;
                let person = b.member_id.unwrap_or(0);
                let same_day =
                    Self::holds_that_day(&mut tx, b.citizen_id, person, &b.item_code, slot.day, b.id)
                        .await?;
                if same_day {
                    return Ok(Freed::SameDay);
                }
                match Self::take_place(&mut tx, &slot, false).await? {
                    $crate::store::booking_sql::Taken::Place => {}
                    $crate::store::booking_sql::Taken::DayClosed => return Ok(Freed::DayClosed),
                    $crate::store::booking_sql::Taken::Full => return Ok(Freed::Full),
                }
                sqlx::query(
                    "UPDATE bookings SET slot_id = $2, hall_code = $3, department_code = $4, \
                     day = $5, start_at = $6, end_at = $7, changed_at = $8, reminded_day = NULL, \
                     reminded_hour = NULL, sequence = sequence + 1 WHERE id = $1",
                )
                .bind(b.id)
                .bind(slot.id)
                .bind(&slot.hall_code)
                .bind(&slot.department_code)
                .bind(slot.day)
                .bind(slot.start_at)
                .bind(slot.end_at)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                let key = (b.slot_id, b.hall_code.as_str(), b.department_code.as_str(), b.day);
                let offer = Self::free_place(&mut tx, key, now, hold_secs).await?;
                tx.commit().await?;
                Ok(Freed::Done(offer))
            }

            async fn mark_no_shows(&self, now: i64, grace_secs: i64) -> $crate::Result<u64> {
                let done = sqlx::query(
                    "UPDATE bookings SET status = 'no_show', changed_at = $1 \
                     WHERE status = 'booked' AND end_at + $2 < $1",
                )
                .bind(now)
                .bind(grace_secs)
                .execute(&self.pool)
                .await?;
                Ok(done.rows_affected())
            }

            async fn claim_reminders(
                &self,
                kind: $crate::store::Reminder,
                now: i64,
                limit: u32,
            ) -> $crate::Result<Vec<$crate::store::BookingRecord>> {
                // The day-before text goes from 24 h to 1 h before; the hour-before one in
                // the last hour. A claimed row is marked in the same statement.
                let (column, from, to) = match kind {
                    $crate::store::Reminder::DayBefore => ("reminded_day", 86_400, 3_600),
                    $crate::store::Reminder::HourBefore => ("reminded_hour", 3_600, 0),
                };
                let sql = format!(
                    "UPDATE bookings SET {column} = $1 WHERE id IN (SELECT id FROM bookings \
                     WHERE status = 'booked' AND {column} IS NULL AND start_at - $2 <= $1 \
                     AND start_at - $3 > $1 ORDER BY start_at LIMIT $4{}) RETURNING {}",
                    Self::SKIP_LOCKED,
                    $crate::store::booking_sql::BOOKING_COLUMNS
                );
                let mut tx = self.begin_write().await?;
                let claimed = sqlx::query_as(&sql)
                    .bind(now)
                    .bind(from)
                    .bind(to)
                    .bind(i64::from(limit))
                    .fetch_all(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(claimed)
            }

            async fn close_day(
                &self,
                hall_code: &str,
                day: i64,
                reason: &str,
                now: i64,
            ) -> $crate::Result<(bool, Vec<$crate::store::BookingRecord>, Vec<i64>)> {
                let mut tx = self.begin_write().await?;
                let closed = sqlx::query(
                    "INSERT INTO closed_days (hall_code, day, reason, closed_at) \
                     VALUES ($1, $2, $3, $4) ON CONFLICT (hall_code, day) DO NOTHING",
                )
                .bind(hall_code)
                .bind(day)
                .bind(reason)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                if closed.rows_affected() == 0 {
                    return Ok((false, Vec::new(), Vec::new()));
                }
                let sql = format!(
                    "UPDATE bookings SET status = 'closed', changed_at = $3, sequence = sequence + 1 \
                     WHERE hall_code = $1 AND day = $2 AND status = 'booked' RETURNING {}",
                    $crate::store::booking_sql::BOOKING_COLUMNS
                );
                let bookings = sqlx::query_as(&sql)
                    .bind(hall_code)
                    .bind(day)
                    .bind(now)
                    .fetch_all(&mut *tx)
                    .await?;
                sqlx::query("UPDATE slots SET booked = 0, held = 0 WHERE hall_code = $1 AND day = $2")
                    .bind(hall_code)
                    .bind(day)
                    .execute(&mut *tx)
                    .await?;
                let waiting: Vec<(i64,)> = sqlx::query_as(
                    "UPDATE waitlist SET status = 'expired' WHERE hall_code = $1 AND day = $2 \
                     AND status IN ('waiting', 'offered') RETURNING citizen_id",
                )
                .bind(hall_code)
                .bind(day)
                .fetch_all(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok((true, bookings, waiting.into_iter().map(|(c,)| c).collect()))
            }

            async fn citizen_phone_enc(&self, citizen_id: i64) -> $crate::Result<Option<Vec<u8>>> {
                let row: Option<(Option<Vec<u8>>,)> =
                    sqlx::query_as("SELECT phone_enc FROM citizens WHERE id = $1")
                        .bind(citizen_id)
                        .fetch_optional(&self.pool)
                        .await?;
                Ok(row.and_then(|(p,)| p))
            }
        }
    };
}

pub(crate) use booking_queries;
