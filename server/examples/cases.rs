//! Case pages with many cases in the database, over HTTP on loopback: requests per second and
//! latency of a citizen's case page, their 进度 list and a clerk's queue; the SQL statements
//! each page costs (counted from sqlx's own statement events, so an N+1 shows as a number that
//! grows with the data); and the server's resident memory while 20 phones upload 8 MB at once.
//!
//!   cargo run --release -p server --example cases           SQLite (a fresh temp file)
//!   BANSHI_BENCH_PG_URL=postgres://…/postgres …             and PostgreSQL
//!
//! BENCH_CASES (10000), BENCH_SECONDS (10), BENCH_CONNECTIONS (32) tune it.

mod common;

use backend::accounts::{NewStaffForm, SessionService};
use backend::cases::StartForm;
use backend::cases::uploads::Receiving;
use common::{
    bench_config, connect, count_statements, env_num, get, load, make_citizens, server_runtime,
    targets,
};
use domain::SessionKind;
use domain::case::{Answers, FieldKey};
use server::{prepare, router};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// 居住证申领 (公安): two required uploads, results by pickup.
const ITEM: &str = "11410100005252014Q4000107004";
const PHOTO: &[u8] = b"\xff\xd8\xff\xe1\x00\x0bExif\0\0GPS\xff\xda\x00\x02\x01\x02\xff\xd9";
const CITIZENS: usize = 100;

fn main() {
    let statements = count_statements();
    let plan = Plan {
        cases: env_num("BENCH_CASES", 10_000),
        seconds: env_num("BENCH_SECONDS", 10) as u64,
        connections: env_num("BENCH_CONNECTIONS", 32),
        statements,
    };
    let rt = server_runtime();
    let (dir, targets) = targets(&rt, "cases");
    println!(
        "cases: {} cases of {CITIZENS} citizens, wrk-like load {} s × {} connections, {} cores",
        plan.cases,
        plan.seconds,
        plan.connections,
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    for (kind, url) in &targets {
        rt.block_on(run(kind, url, &plan, &dir.join(format!("{kind}-uploads"))));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

struct Plan {
    cases: usize,
    seconds: u64,
    connections: usize,
    statements: Arc<AtomicU64>,
}

async fn run(kind: &str, url: &str, plan: &Plan, uploads: &std::path::Path) {
    let uploads = uploads.display().to_string();
    let config = bench_config(url, &uploads);
    let state = prepare(config).await.expect("app starts");
    let services = state.services.clone();
    let started = Instant::now();
    let citizens = make_citizens(&services, CITIZENS).await;
    let cases = seed_cases(&services, &citizens, plan.cases).await;
    println!(
        "\n== {kind}: {} cases seeded through the services in {:.1} s",
        cases.len(),
        started.elapsed().as_secs_f64()
    );
    let clerk = clerk_session(&services).await;

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

    let (citizen_id, token) = &citizens[0];
    let own_case = cases
        .iter()
        .find(|(owner, _)| owner == citizen_id)
        .map(|(_, id)| *id)
        .expect("a case of the first citizen");
    let citizen_cookie = format!("{}={token}", app::session::CITIZEN_COOKIE);
    let staff_cookie = format!("{}={clerk}", app::session::STAFF_COOKIE);
    let pages = [
        (
            format!("/cases/{own_case}"),
            citizen_cookie.clone(),
            "case page",
        ),
        (
            "/progress".to_owned(),
            citizen_cookie.clone(),
            "进度 (100 cases)",
        ),
        (
            "/staff/cases".to_owned(),
            staff_cookie,
            "clerk queue (500 shown)",
        ),
    ];
    println!(
        "{:<28} {:>10} {:>10} {:>10} {:>12}",
        "page", "req/s", "p50", "p99", "SQL / page"
    );
    for (path, cookie, label) in &pages {
        let before = plan.statements.load(Ordering::Relaxed);
        let (status, _) = get(addr, path, cookie).await;
        assert_eq!(status, 200, "{path}");
        let per_page = plan.statements.load(Ordering::Relaxed) - before;
        let (rps, p50, p99, failed) =
            load(addr, path, cookie, plan.connections, plan.seconds).await;
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
    uploads_rss(&services, &citizens, addr).await;
}

/// `n` submitted cases of 居住证申领, spread over the citizens, each with its two materials:
/// (citizen, case).
async fn seed_cases(
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
            let id = draft(&services, citizen, &format!("seed-{i}")).await;
            let key = |k: &str| FieldKey::parse(k).expect("key");
            let delivery: Answers = [(key("delivery.method"), "pickup".to_owned())]
                .into_iter()
                .collect();
            let facts: Answers = [
                ("residence.address", "金水区花园路 88 号"),
                ("residence.since", "2025-03-01"),
            ]
            .into_iter()
            .map(|(k, v)| (key(k), v.to_owned()))
            .collect();
            let cases = &services.cases;
            cases
                .save(citizen, id, 0, &facts, true)
                .await
                .expect("facts");
            cases
                .save(citizen, id, 1, &Answers::new(), true)
                .await
                .expect("materials");
            cases
                .save(citizen, id, 2, &delivery, true)
                .await
                .expect("delivery");
            cases.submit(citizen, id).await.expect("submit");
            (citizen, id)
        }));
    }
    let mut out = Vec::with_capacity(n);
    for t in tasks {
        out.push(t.await.expect("seeding"));
    }
    out
}

/// A draft with its reason typed and both required materials uploaded.
async fn draft(services: &backend::Services, citizen: i64, key: &str) -> i64 {
    let cases = &services.cases;
    let id = cases
        .start(
            citizen,
            &StartForm {
                item: ITEM.to_owned(),
                member_id: None,
                request_key: key.to_owned(),
            },
        )
        .await
        .expect("draft");
    for field in ["material.m1", "material.m2"] {
        let mut receiving = Receiving::begin(cases.blobs().as_ref())
            .await
            .expect("staging");
        receiving.push(PHOTO).await.expect("photo");
        let staged = receiving.finish().await.expect("staged");
        cases
            .attach(citizen, id, field, staged)
            .await
            .expect("attach");
    }
    id
}

/// A 公安 受理 clerk with an open session; the session token.
async fn clerk_session(services: &backend::Services) -> String {
    let password = services
        .staff
        .create_admin("bench-admin", "测试管理员")
        .await
        .expect("admin");
    let token = services
        .staff
        .sign_in("bench-admin", &password, "127.0.0.1", None)
        .await
        .expect("admin signs in");
    let admin = services
        .staff
        .current(&token)
        .await
        .expect("session")
        .expect("an admin");
    let form = NewStaffForm {
        username: "bench-clerk".into(),
        display_name: "吴受理".into(),
        role: "clerk".into(),
        hall_code: String::new(),
        departments: vec!["ga".into()],
        active: true,
    };
    let (clerk, _) = services
        .staff
        .create(&admin, &form, "127.0.0.1")
        .await
        .expect("clerk");
    SessionService::new(services.store.clone(), services.clock.clone())
        .open(SessionKind::Staff, clerk.id, None)
        .await
        .expect("clerk session")
}

/// This process's resident memory, in KiB.
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// 20 phones upload an 8 MB PDF each at once; the clients make their bytes as they send
/// them, so what the process holds beyond its resting size is the server's.
async fn uploads_rss(services: &backend::Services, citizens: &[(i64, String)], addr: SocketAddr) {
    const PHONES: usize = 20;
    const SIZE: usize = 8 * 1024 * 1024;
    let mut drafts = Vec::new();
    for (i, (citizen, token)) in citizens.iter().take(PHONES).enumerate() {
        let id = draft(services, *citizen, &format!("rss-{i}")).await;
        drafts.push((id, token.clone()));
    }
    let resting = rss_kib();
    let peak = Arc::new(AtomicU64::new(resting));
    let watching = {
        let peak = peak.clone();
        tokio::spawn(async move {
            loop {
                peak.fetch_max(rss_kib(), Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        })
    };
    let started = Instant::now();
    let mut phones = Vec::new();
    for (case, token) in drafts {
        phones.push(tokio::spawn(upload(addr, case, token, SIZE)));
    }
    let mut taken = 0;
    for p in phones {
        if p.await.expect("phone") == 201 {
            taken += 1;
        }
    }
    watching.abort();
    let grew = peak.load(Ordering::Relaxed).saturating_sub(resting);
    println!(
        "uploads: {PHONES} × {} MB at once, {taken} taken in {:.1} s; resident memory {:.1} MB at rest, grew by {:.1} MB at most",
        SIZE / (1024 * 1024),
        started.elapsed().as_secs_f64(),
        resting as f64 / 1024.0,
        grew as f64 / 1024.0
    );
}

/// One multipart upload of a `size`-byte PDF, written in 64 KB pieces; the status.
async fn upload(addr: SocketAddr, case: i64, token: String, size: usize) -> u16 {
    let boundary = "bench-boundary";
    let head = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"step\"\r\n\r\n1\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nmaterial.m2\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n\
         Content-Type: application/pdf\r\n\r\n%PDF-1.7\n"
    );
    let tail = format!("\r\n--{boundary}--\r\n");
    let body_len = head.len() + size + tail.len();
    let request = format!(
        "POST /cases/{case}/files HTTP/1.1\r\nHost: bench\r\nCookie: {}={token}\r\n\
         Sec-Fetch-Site: same-origin\r\nAccept: application/json\r\n\
         Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {body_len}\r\n\r\n",
        app::session::CITIZEN_COOKIE
    );
    let mut tcp = connect(addr).await;
    let piece = vec![b' '; 64 * 1024];
    let mut sent = 0;
    let mut ok = tcp.write_all(request.as_bytes()).await.is_ok()
        && tcp.write_all(head.as_bytes()).await.is_ok();
    while ok && sent < size {
        let n = piece.len().min(size - sent);
        ok = tcp.write_all(&piece[..n]).await.is_ok();
        sent += n;
    }
    if !ok || tcp.write_all(tail.as_bytes()).await.is_err() {
        return 0;
    }
    let mut answer = [0u8; 64];
    let n = tcp.read(&mut answer).await.unwrap_or(0);
    String::from_utf8_lossy(&answer[..n])
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}
