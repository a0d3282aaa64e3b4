//! Shared by the store suites: a fresh SQLite file or PostgreSQL database per test, and
//! the macro that runs each test on both.
#![allow(dead_code)] // each suite uses its own part of this

pub mod people;

use backend::seed::demo_catalog;
use backend::{Store, connect};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    format!(
        "banshi_t_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        nanos
    )
}

pub async fn sqlite_url() -> String {
    let path = std::env::temp_dir().join(format!("{}.db", unique_name()));
    format!("sqlite://{}", path.display())
}

pub async fn postgres_url() -> String {
    let admin = std::env::var("BANSHI_TEST_POSTGRES_URL").expect(
        "BANSHI_TEST_POSTGRES_URL is not set: run `make test`, which starts a throwaway \
         PostgreSQL cluster, or point it at one (postgres://user@host:port/postgres)",
    );
    let name = unique_name();
    let admin_store = sqlx::PgPool::connect(&admin)
        .await
        .expect("connect to the test cluster");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&admin_store)
        .await
        .expect("create db");
    admin_store.close().await;
    let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
    format!("{base}/{name}")
}

pub async fn migrated(url: &str) -> Arc<dyn Store> {
    let store = connect(url).await.expect("connect");
    store.migrate().await.expect("migrate");
    store
}

pub async fn seeded(url: &str) -> Arc<dyn Store> {
    let store = migrated(url).await;
    assert!(store.sync_catalog(&demo_catalog().unwrap()).await.unwrap());
    store
}

/// Runs each named `async fn(url: String)` once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! on_both_stores {
    ($($test:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test] async fn $test() { super::$test($crate::support::sqlite_url().await).await })*
        }
        mod postgres {
            $(#[tokio::test] async fn $test() { super::$test($crate::support::postgres_url().await).await })*
        }
    };
}

/// 2026-11-28 09:00 in China.
pub const START: i64 = 1_795_827_600;

/// The services over `store`, on a hand-moved clock, with texts going to the outbox.
pub fn services(store: Arc<dyn Store>) -> (backend::Services, backend::clock::ManualClock) {
    let clock = backend::clock::ManualClock::at(START);
    let setup = backend::AccountSetup {
        pii: backend::pii::PiiCipher::from_hex(&"5a".repeat(32)).expect("test key"),
        clock: Arc::new(clock.clone()),
        sms: None,
        verifier: Arc::new(backend::accounts::AcceptValidNumbers),
        limits: backend::accounts::IpLimits {
            sends_per_hour: 1_000,
            tries_per_10_min: 1_000,
            verifies_per_hour: 1_000,
        },
        booking: domain::booking::BookingPolicy::default(),
        blobs: Arc::new(
            backend::blobs::DirBlobs::open_dir(
                &std::env::temp_dir()
                    .join(format!("banshi-blobs-{}", backend::random::token_hex(8))),
            )
            .expect("blob directory"),
        ),
    };
    (backend::Services::new(store, setup), clock)
}

/// A tiny deterministic generator (xorshift), so a failing walk can be replayed by its seed.
pub struct Walk(pub u64);

impl Walk {
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// A staff member of `departments` in `role`.
pub fn staff(id: i64, role: domain::StaffRole, departments: &[&str]) -> domain::StaffMember {
    domain::StaffMember {
        id,
        username: format!("s{id}"),
        display_name: "窗口".into(),
        role,
        hall_code: None,
        departments: departments.iter().map(|d| (*d).to_owned()).collect(),
        active: true,
        locked_until: None,
    }
}

/// Form answers from (key, value) pairs.
pub fn answers(pairs: &[(&str, &str)]) -> domain::case::Answers {
    pairs
        .iter()
        .map(|(k, v)| {
            (
                domain::case::FieldKey::parse(k).expect("a field key"),
                (*v).to_owned(),
            )
        })
        .collect()
}
