//! `cargo run --release -p backend --example search_bench`: how long the matcher takes over
//! the seeded catalogue, without HTTP — every query of the store suite's table (names,
//! keywords, pinyin, typos, sentences, queries nothing fits, app-page words), many times over,
//! the query cut into words included.

use backend::clock::SystemClock;
use backend::{AccountSetup, Services};
use std::sync::Arc;
use std::time::Instant;

#[path = "../tests/support/queries.rs"]
mod queries;

/// p50, p99 and max of `times` (µs), sorted in place.
fn figures(times: &mut [f64]) -> (f64, f64, f64) {
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() as f64 - 1.0) * p) as usize];
    (at(0.5), at(0.99), times[times.len() - 1])
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("banshi-search-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let store = backend::connect(&format!("sqlite://{}/bench.db", dir.display())).await?;
    store.migrate().await?;
    store.sync_catalog(&backend::seed::demo_catalog()?).await?;
    let setup = AccountSetup {
        pii: backend::pii::PiiCipher::from_hex(&"11".repeat(32))?,
        clock: Arc::new(SystemClock),
        sms: None,
        verifier: Arc::new(backend::accounts::AcceptValidNumbers),
        limits: backend::accounts::IpLimits::default(),
        booking: domain::booking::BookingPolicy::default(),
        blobs: Arc::new(backend::blobs::DirBlobs::open_dir(
            &std::env::temp_dir().join("banshi-example-blobs"),
        )?),
    };
    let services = Services::new(store, setup);
    let started = Instant::now();
    services.search.suggest("社保", 10).await?;
    println!(
        "index built on first use in {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let words: Vec<&str> = queries::QUERIES
        .iter()
        .chain(queries::TYPOS)
        .map(|(q, _)| *q)
        .chain(queries::NOTHING_FITS.iter().copied())
        .chain(queries::APP_PAGES.iter().map(|(q, _)| *q))
        .collect();
    let sentences: Vec<&str> = queries::SENTENCES.iter().map(|(q, _)| *q).collect();
    let mut slowest: Vec<(f64, &str)> = Vec::new();
    for (label, table) in [("words", &words), ("sentences", &sentences)] {
        let mut times = Vec::new();
        let mut per_query = vec![Vec::new(); table.len()];
        for _ in 0..200 {
            for (i, q) in table.iter().enumerate() {
                let t = Instant::now();
                services.search.suggest(q, 20).await?;
                let us = t.elapsed().as_secs_f64() * 1e6;
                times.push(us);
                per_query[i].push(us);
            }
        }
        for (i, mut t) in per_query.into_iter().enumerate() {
            slowest.push((figures(&mut t).0, table[i]));
        }
        let (p50, p99, max) = figures(&mut times);
        println!(
            "{} {label} ({} queries × 200): p50 {p50:.0} µs, p99 {p99:.0} µs, max {max:.0} µs",
            times.len(),
            table.len()
        );
    }
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    let named: Vec<String> = slowest
        .iter()
        .take(3)
        .map(|(us, q)| format!("{q} {us:.0} µs"))
        .collect();
    println!("slowest by median: {}", named.join(", "));
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
