//! What the HTTP benchmarks share: a fresh PostgreSQL database, verified citizens with open
//! sessions made straight through the services, and a bare HTTP/1.1 client on loopback.

#![allow(dead_code)]

use backend::accounts::SessionService;
use domain::SessionKind;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A number from the environment, or `default`.
pub fn env_num(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

pub const PII_KEY: &str = "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a";

/// A database of its own made through the admin URL; its URL.
pub async fn fresh_pg_database(admin: &str) -> String {
    let name = format!("banshi_bench_{}", std::process::id());
    let pool = sqlx::PgPool::connect(admin)
        .await
        .expect("connect to PostgreSQL");
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let base = admin.rsplit_once('/').map_or(admin, |(b, _)| b);
    format!("{base}/{name}")
}

/// A valid GB 11643 number, distinct for each `n` below 10 000 (Zhengzhou 金水区, born 1980).
pub fn id_number(n: usize) -> String {
    let body = format!("410105198001{:02}{:03}", 1 + n / 1000, n % 1000);
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let sum: u32 = body
        .bytes()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    format!("{body}{}", CHECK[(sum % 11) as usize] as char)
}

/// `n` verified citizens, each with an open session: (id, session token).
pub async fn make_citizens(services: &backend::Services, n: usize) -> Vec<(i64, String)> {
    let pii = backend::pii::PiiCipher::from_hex(PII_KEY).unwrap();
    let sessions = SessionService::new(services.store.clone(), services.clock.clone());
    let gate = Arc::new(tokio::sync::Semaphore::new(8));
    let mut tasks = Vec::with_capacity(n);
    for i in 0..n {
        let (services, pii, sessions, gate) = (
            services.clone(),
            pii.clone(),
            sessions.clone(),
            gate.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let _turn = gate.acquire().await.unwrap();
            let phone = domain::Phone::parse(&format!("139{i:08}")).unwrap();
            // The column names are the cipher's associated data (backend::accounts::columns).
            let index = pii.blind_index(phone.as_str(), "citizens.phone");
            let enc = pii.encrypt(phone.as_str(), "citizens.phone");
            let now = services.clock.now();
            let id = services
                .store
                .citizen_for_phone(&index, &enc, &phone.masked(), now)
                .await
                .unwrap();
            let token = sessions.open(SessionKind::Citizen, id, None).await.unwrap();
            // The citizen has the booking page open: the server looked their session up.
            services.accounts.is_signed_in_cached(&token).await.unwrap();
            services
                .accounts
                .verify_identity(id, "张三", &id_number(i), "127.0.0.1")
                .await
                .unwrap();
            (id, token)
        }));
    }
    let mut citizens = Vec::with_capacity(n);
    for t in tasks {
        citizens.push(t.await.unwrap());
    }
    citizens
}

pub async fn connect(addr: SocketAddr) -> TcpStream {
    loop {
        match TcpStream::connect(addr).await {
            Ok(s) => {
                let _ = s.set_nodelay(true);
                return s;
            }
            // A full accept queue refuses a few; try again as a phone would.
            Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
}

/// Sends one HTTP/1.1 request on a kept-alive connection and reads the whole answer (no
/// compression asked for): status, Retry-After, body, and whether the connection stays
/// usable. Status 0 = the connection failed.
pub async fn exchange(tcp: &mut TcpStream, request: &[u8]) -> (u16, Option<u64>, String, bool) {
    let failed = (0, None, String::new(), false);
    if tcp.write_all(request).await.is_err() {
        return failed;
    }
    let mut raw: Vec<u8> = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        match tcp.read(&mut chunk).await {
            Ok(0) | Err(_) => return failed,
            Ok(n) => raw.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).into_owned();
    let header = |name: &str| {
        head.lines().find_map(|l| {
            l.split_once(':')
                .filter(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.trim().to_owned())
        })
    };
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let retry_after = header("retry-after").and_then(|v| v.parse().ok());
    let closing = header("connection").is_some_and(|v| v.eq_ignore_ascii_case("close"));
    let mut body = raw[head_end..].to_vec();
    let complete =
        |body: &[u8]| match header("content-length").and_then(|v| v.parse::<usize>().ok()) {
            Some(len) => body.len() >= len,
            None => body.ends_with(b"0\r\n\r\n"),
        };
    while !complete(&body) {
        match tcp.read(&mut chunk).await {
            Ok(0) | Err(_) => return failed,
            Ok(n) => body.extend_from_slice(&chunk[..n]),
        }
    }
    let body = String::from_utf8_lossy(&body).into_owned();
    // A body sent chunked keeps its framing; only the JSON object inside matters here.
    let body = match (body.find('{'), body.rfind('}')) {
        (Some(a), Some(b)) if a < b => body[a..=b].to_owned(),
        _ => body,
    };
    (status, retry_after, body, !closing)
}

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((sorted.len() as f64) * p).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Counts the statements sqlx runs (its `sqlx::query` events).
pub struct CountStatements(pub std::sync::Arc<std::sync::atomic::AtomicU64>);

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for CountStatements {
    fn on_event(&self, _: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
}

pub fn request(path: &str, cookie: &str) -> Vec<u8> {
    format!("GET {path} HTTP/1.1\r\nHost: bench\r\nCookie: {cookie}\r\n\r\n").into_bytes()
}

pub async fn get(addr: SocketAddr, path: &str, cookie: &str) -> (u16, String) {
    let mut tcp = connect(addr).await;
    let (status, _, body, _) = exchange(&mut tcp, &request(path, cookie)).await;
    (status, body)
}

/// `connections` kept-alive clients asking for `path` as fast as answers come, for `seconds`:
/// requests per second, p50, p99, and how many answers were not 200.
pub async fn load(
    addr: SocketAddr,
    path: &str,
    cookie: &str,
    connections: usize,
    seconds: u64,
) -> (f64, Duration, Duration, usize) {
    let until = Instant::now() + Duration::from_secs(seconds);
    let request = Arc::new(request(path, cookie));
    let mut clients = Vec::with_capacity(connections);
    for _ in 0..connections {
        let request = request.clone();
        clients.push(tokio::spawn(async move {
            let mut tcp = connect(addr).await;
            let (mut took, mut failed) = (Vec::new(), 0usize);
            while Instant::now() < until {
                let at = Instant::now();
                let (status, _, _, open) = exchange(&mut tcp, &request).await;
                took.push(at.elapsed());
                if status != 200 {
                    failed += 1;
                }
                if !open {
                    tcp = connect(addr).await;
                }
            }
            (took, failed)
        }));
    }
    let (mut all, mut failed) = (Vec::new(), 0);
    for c in clients {
        let (took, f) = c.await.expect("client");
        all.extend(took);
        failed += f;
    }
    all.sort();
    let rps = all.len() as f64 / seconds as f64;
    (rps, percentile(&all, 0.5), percentile(&all, 0.99), failed)
}

/// Counts every SQL statement sqlx runs from now on (its `sqlx::query` events).
pub fn count_statements() -> Arc<std::sync::atomic::AtomicU64> {
    use tracing_subscriber::Layer;
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    let statements = Arc::new(std::sync::atomic::AtomicU64::new(0));
    tracing_subscriber::registry()
        .with(
            CountStatements(statements.clone()).with_filter(
                tracing_subscriber::filter::Targets::new()
                    .with_target("sqlx::query", tracing::Level::DEBUG),
            ),
        )
        .init();
    statements
}

/// A runtime with the server's own stack size (pages render deep view trees).
pub fn server_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(8 * 1024 * 1024)
        .build()
        .expect("runtime")
}

/// Where a benchmark runs: a fresh SQLite file in its own temp directory, and a fresh
/// PostgreSQL database when `BANSHI_BENCH_PG_URL` names a cluster; the directory too.
pub fn targets(
    rt: &tokio::runtime::Runtime,
    name: &str,
) -> (std::path::PathBuf, Vec<(&'static str, String)>) {
    let dir = std::env::temp_dir().join(format!("banshi_{name}_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut targets = vec![("sqlite", format!("sqlite://{}/{name}.db", dir.display()))];
    if let Some(admin) = std::env::var("BANSHI_BENCH_PG_URL")
        .ok()
        .filter(|u| !u.is_empty())
    {
        targets.push(("postgres", rt.block_on(fresh_pg_database(&admin))));
    }
    (dir, targets)
}

/// The server's configuration for a benchmark: the store at `url`, the fixed key, no jobs,
/// uploads under `uploads`, and no per-address limits (every request comes from loopback).
pub fn bench_config(url: &str, uploads: &str) -> server::Config {
    server::Config::from_lookup(|name| match name {
        "BANSHI_DATABASE_URL" => Some(url.to_owned()),
        "BANSHI_PII_KEY" => Some(PII_KEY.to_owned()),
        "BANSHI_JOBS_EVERY_SECS" => Some("0".to_owned()),
        "BANSHI_UPLOADS_DIR" => Some(uploads.to_owned()),
        "BANSHI_IP_TRIES_PER_10_MIN" => Some("1000000".to_owned()),
        "BANSHI_IP_VERIFIES_PER_HOUR" => Some("1000000".to_owned()),
        "BANSHI_IP_SENDS_PER_HOUR" => Some("1000000".to_owned()),
        _ => None,
    })
    .expect("config")
}
