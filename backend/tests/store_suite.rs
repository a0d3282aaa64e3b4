//! One behavioural suite for every store. Each test runs on SQLite (a fresh file) and on
//! PostgreSQL (a fresh database in the cluster named by BANSHI_TEST_POSTGRES_URL, which
//! `make test` starts). Without that variable the PostgreSQL half fails and says so.

mod support;

use backend::connect;
use backend::seed::demo_catalog;
use domain::ServiceCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use support::{migrated, seeded};

async fn migrations_and_seeding_run_once(url: String) {
    let store = migrated(&url).await;
    store.migrate().await.expect("migrating twice is harmless");
    let catalog = demo_catalog().unwrap();
    assert!(
        store.sync_catalog(&catalog).await.unwrap(),
        "empty store is seeded"
    );
    assert!(
        !store.sync_catalog(&catalog).await.unwrap(),
        "second seed is a no-op"
    );
    assert_eq!(
        store.departments().await.unwrap().len(),
        catalog.departments.len()
    );
    store.ping().await.expect("ping");
}

async fn concurrent_starts_seed_once(url: String) {
    let a = migrated(&url).await;
    let b = connect(&url).await.unwrap();
    let catalog = demo_catalog().unwrap();
    let (x, y) = tokio::join!(a.sync_catalog(&catalog), b.sync_catalog(&catalog));
    let seeded = [x.unwrap(), y.unwrap()];
    assert_eq!(
        seeded.iter().filter(|s| **s).count(),
        1,
        "exactly one process seeds: {seeded:?}"
    );
    let hot = a.hot_services(100).await.unwrap();
    let expected = catalog.items.iter().filter(|s| s.hot.is_some()).count();
    assert_eq!(hot.len(), expected, "no item was inserted twice");
}

async fn a_guide_reads_back_exactly_as_seeded(url: String) {
    let store = seeded(&url).await;
    for seeded in demo_catalog().unwrap().items {
        let stored = store
            .service(&seeded.item.code)
            .await
            .unwrap()
            .expect("stored");
        assert_eq!(stored, seeded.item, "{} round-trips", seeded.item.name);
    }
}

async fn hot_services_come_in_rank_order(url: String) {
    let store = seeded(&url).await;
    let mut ranked: Vec<_> = demo_catalog()
        .unwrap()
        .items
        .into_iter()
        .filter_map(|s| s.hot.map(|h| (h, s.item)))
        .collect();
    ranked.sort_by_key(|(h, _)| *h);
    let hot = store.hot_services(3).await.unwrap();
    let names: Vec<_> = hot.iter().map(|s| s.name.clone()).collect();
    let expected: Vec<_> = ranked.iter().take(3).map(|(_, i)| i.name.clone()).collect();
    assert_eq!(names, expected);
    assert_eq!(hot[0].department, ranked[0].1.department.short_name);
}

async fn unknown_code_is_not_found(url: String) {
    let store = seeded(&url).await;
    let (services, _) = support::services(store);
    let missing = ServiceCode::parse("000000NOSUCHITEM").unwrap();
    assert!(matches!(
        services.catalog.guide(&missing).await,
        Err(backend::Error::NotFound)
    ));
    let home = services.catalog.home().await.unwrap();
    assert!(!home.hot.is_empty());
    assert!(home.hall.is_some());
    assert!(home.weekend_departments.iter().all(|d| d.weekend));
    assert!(
        home.weekend_departments
            .iter()
            .any(|d| d.short_name == "不动产")
    );
}

/// Two server processes sharing one database: in each round a job runs in one of them only,
/// the same process may run it again, and once the round is over the other may take it.
async fn a_job_runs_in_one_process_a_round(url: String) {
    let store = migrated(&url).await;
    let other = connect(&url).await.unwrap();
    let (a, clock) = support::services(store);
    let (b, _) = support::services(other);
    let runs = Arc::new(AtomicU64::new(0));
    let runner = |services: &backend::Services| {
        let mut runner =
            backend::jobs::JobRunner::new(services.store.clone(), Arc::new(clock.clone()), 30);
        let runs = runs.clone();
        runner.add("count", move || {
            let runs = runs.clone();
            async move { Ok(runs.fetch_add(1, Ordering::SeqCst) + 1) }
        });
        runner
    };
    let (first, second) = (runner(&a), runner(&b));
    let (x, y) = tokio::join!(first.run_once(), second.run_once());
    assert_eq!(x.len() + y.len(), 1, "one process ran the job: {x:?} {y:?}");
    assert_eq!(runs.load(Ordering::SeqCst), 1);
    let (winner, loser) = if x.is_empty() {
        (&second, &first)
    } else {
        (&first, &second)
    };
    clock.advance(10);
    assert!(loser.run_once().await.is_empty(), "the round is not over");
    assert_eq!(winner.run_once().await.len(), 1, "its holder runs it again");
    clock.advance(30);
    assert_eq!(
        loser.run_once().await.len(),
        1,
        "a new round, free for either"
    );
    assert!(winner.run_once().await.is_empty());
    assert_eq!(runs.load(Ordering::SeqCst), 3);
}

on_both_stores!(
    a_job_runs_in_one_process_a_round,
    migrations_and_seeding_run_once,
    concurrent_starts_seed_once,
    a_guide_reads_back_exactly_as_seeded,
    hot_services_come_in_rank_order,
    unknown_code_is_not_found,
);
