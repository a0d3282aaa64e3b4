//! 一件事 tracking with many bundles in the database, over HTTP on loopback: requests per second
//! and latency of a bundle's tracking page (its items, clocks and flow chart) and of the 进度
//! list, and the SQL statements each costs (a number that would grow with the data if a page
//! asked per item or per bundle).
//!
//!   cargo run --release -p server --example bundles         SQLite (a fresh temp file)
//!   BANSHI_BENCH_PG_URL=postgres://…/postgres …             and PostgreSQL
//!
//! BENCH_BUNDLES (10000), BENCH_SECONDS (10), BENCH_CONNECTIONS (32) tune it.

mod common;

use backend::cases::Started;
use backend::cases::uploads::Receiving;
use common::{
    bench_config, count_statements, env_num, get, load, make_citizens, server_runtime, targets,
};
use domain::case::{Answers, FieldKey, FieldKind};
use server::{prepare, router};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Instant;

const CITIZENS: usize = 100;
const PDF: &[u8] = b"%PDF-1.4 scan";

fn main() {
    let statements = count_statements();
    let bundles = env_num("BENCH_BUNDLES", 10_000);
    let seconds = env_num("BENCH_SECONDS", 10) as u64;
    let connections = env_num("BENCH_CONNECTIONS", 32);
    let rt = server_runtime();
    let (dir, targets) = targets(&rt, "bundles");
    println!(
        "bundles: {bundles} birth bundles (5 items each) of {CITIZENS} citizens, load {seconds} s × {connections} connections, {} cores",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    for (kind, url) in &targets {
        let uploads = dir.join(format!("uploads-{kind}")).display().to_string();
        rt.block_on(async {
            let config = bench_config(url, &uploads);
            let state = prepare(config).await.expect("app starts");
            let services = state.services.clone();
            let started = Instant::now();
            let citizens = make_citizens(&services, CITIZENS).await;
            let sent = seed(&services, &citizens, bundles).await;
            println!(
                "\n== {kind}: {} bundles ({} cases) seeded through the services in {:.1} s",
                sent.len(),
                sent.len() * 6,
                started.elapsed().as_secs_f64()
            );
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            let addr = listener.local_addr().expect("address");
            let app = router(state);
            tokio::spawn(async move {
                axum::serve(
                    listener,
                    app.into_make_service_with_connect_info::<SocketAddr>(),
                )
                .await
            });
            let (citizen, token) = &citizens[0];
            let own = sent.iter().find(|(c, _)| c == citizen).expect("a bundle").1;
            let cookie = format!("{}={token}", app::session::CITIZEN_COOKIE);
            println!(
                "{:<28} {:>10} {:>10} {:>10} {:>12}",
                "page", "req/s", "p50", "p99", "SQL / page"
            );
            let shown = bundles / CITIZENS;
            for (path, label) in [
                (format!("/cases/{own}"), "bundle tracking page".to_owned()),
                ("/progress".to_owned(), format!("进度 ({shown} bundles)")),
            ] {
                let before = statements.load(Ordering::Relaxed);
                let (status, _) = get(addr, &path, &cookie).await;
                assert_eq!(status, 200, "{path}");
                let per_page = statements.load(Ordering::Relaxed) - before;
                let (rps, p50, p99, failed) =
                    load(addr, &path, &cookie, connections, seconds).await;
                println!(
                    "{label:<28} {rps:>10.0} {:>8.1}ms {:>8.1}ms {per_page:>12}{}",
                    p50.as_secs_f64() * 1000.0,
                    p99.as_secs_f64() * 1000.0,
                    if failed > 0 {
                        format!("  ({failed} not 200)")
                    } else {
                        String::new()
                    }
                );
            }
        });
    }
}

/// `n` submitted birth bundles spread over the citizens: (citizen, bundle).
async fn seed(
    services: &backend::Services,
    citizens: &[(i64, String)],
    n: usize,
) -> Vec<(i64, i64)> {
    let gate = Arc::new(tokio::sync::Semaphore::new(8));
    let mut tasks = Vec::with_capacity(n);
    for i in 0..n {
        let (services, gate) = (services.clone(), gate.clone());
        let citizen = citizens[i % citizens.len()].0;
        tasks.push(tokio::spawn(async move {
            let _turn = gate.acquire().await.expect("gate");
            (
                citizen,
                send(&services, citizen, &format!("seed-{i}")).await,
            )
        }));
    }
    let mut out = Vec::with_capacity(n);
    for t in tasks {
        out.push(t.await.expect("seeding"));
    }
    out
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (FieldKey::parse(k).expect("key"), (*v).to_owned()))
        .collect()
}

/// One birth bundle through its pages' services: eligibility, the joint form, every required
/// upload once, pickup, submitted.
async fn send(services: &backend::Services, citizen: i64, key: &str) -> i64 {
    let cases = &services.cases;
    let facts = [
        ("child.birth_date", "2026-11-01"),
        ("child.born_in", "local_hospital"),
        ("child.name", "王小宝"),
        ("child.gender", "male"),
        ("child.household_with", "father"),
        ("insured.category", "newborn"),
        ("insured.start_date", "2026-11-01"),
        ("card.bank", "icbc"),
    ];
    let Ok(Started::Draft(id)) = cases
        .start_bundle(citizen, "birth", &answers(&facts[..2]), key)
        .await
    else {
        panic!("eligible")
    };
    cases
        .save(citizen, id, 0, &answers(&facts), true)
        .await
        .expect("facts");
    let form = cases.my_case(citizen, id).await.expect("draft").form;
    for f in form
        .fields()
        .filter(|f| f.kind == FieldKind::File && f.required)
    {
        let mut receiving = Receiving::begin(cases.blobs().as_ref())
            .await
            .expect("staging");
        receiving.push(PDF).await.map_err(|_| ()).expect("pdf");
        let staged = receiving.finish().await.map_err(|_| ()).expect("staged");
        cases
            .attach(citizen, id, f.key.as_str(), staged)
            .await
            .expect("attach");
    }
    cases
        .save(citizen, id, 1, &Answers::new(), true)
        .await
        .expect("materials");
    let pickup = answers(&[("delivery.method", "pickup")]);
    cases
        .save(citizen, id, 2, &pickup, true)
        .await
        .expect("delivery");
    cases.submit(citizen, id).await.expect("submit");
    id
}
