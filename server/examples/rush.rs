//! The 放号 rush: thousands of verified citizens released at one instant against one Saturday's
//! places, over HTTP on loopback, then the store's conditional update alone for comparison.
//!
//!   cargo run --release -p server --example rush            SQLite (a fresh temp file)
//!   BANSHI_BENCH_PG_URL=postgres://…/postgres …              and PostgreSQL (a fresh database
//!                                                           made through that admin URL)
//!
//! RUSH_CITIZENS (5000), RUSH_DOUBLE_PERCENT (10), RUSH_RAW_OPS (2000) tune it. A client that
//! is told 503 comes back after Retry-After plus up to 250 ms of jitter (people do not all tap
//! again in the same millisecond), at most RUSH_MAX_TRIES (20) times in all.

mod common;

use backend::Store;
use backend::store::NewBooking;
use common::{PII_KEY, connect, env_num, exchange, fresh_pg_database, make_citizens, percentile};
use server::{Config, prepare, router};
use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::TcpStream;
use tokio::sync::Barrier;

const ITEM: &str = "11410100MB1957846X4000107001"; // 不动产转移登记, bdc, bookable
const HALL: &str = "zz-smzj";
const DEPARTMENT: &str = "bdc";
/// Saturday 2026-12-05, released 2026-11-28 08:00 China time (00:00 UTC).
const SATURDAY: (u16, u8, u8) = (2026, 12, 5);
const RELEASE_AT: i64 = 1_795_824_000;
/// 8 one-hour slots × 1 window × 25 = 200 places.
const PLACES: i64 = 200;

fn main() {
    let citizens = env_num("RUSH_CITIZENS", 5000);
    let double_percent = env_num("RUSH_DOUBLE_PERCENT", 10);
    let raw_ops = env_num("RUSH_RAW_OPS", 2000);
    let max_tries = env_num("RUSH_MAX_TRIES", 20);
    let server_rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();

    let sqlite_dir = std::env::temp_dir().join(format!("banshi_rush_{}", std::process::id()));
    std::fs::create_dir_all(&sqlite_dir).expect("temp dir");
    let mut targets = vec![(
        "sqlite",
        format!("sqlite://{}/rush.db", sqlite_dir.display()),
    )];
    if let Some(admin) = std::env::var("BANSHI_BENCH_PG_URL")
        .ok()
        .filter(|u| !u.is_empty())
    {
        let url = server_rt.block_on(fresh_pg_database(&admin));
        targets.push(("postgres", url));
    }
    println!(
        "rush: {citizens} citizens ({double_percent} % send twice), {PLACES} places on {}-{:02}-{:02}, \
         {} cores",
        SATURDAY.0,
        SATURDAY.1,
        SATURDAY.2,
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let mut reports = Vec::new();
    for (kind, url) in &targets {
        let plan = Plan {
            citizens,
            double_percent,
            max_tries,
            raw_ops,
        };
        reports.push((*kind, server_rt.block_on(run(kind, url, &plan))));
        // After each store, so one store's failure does not lose the other's figures.
        print_table(&reports);
    }
    let _ = std::fs::remove_dir_all(&sqlite_dir);
}

struct Plan {
    citizens: usize,
    double_percent: usize,
    max_tries: usize,
    raw_ops: usize,
}

/// A side door to the same database for setup and the checks afterwards (not the app's pool).
#[derive(Clone)]
enum Db {
    Lite(sqlx::SqlitePool),
    Pg(sqlx::PgPool),
}

impl Db {
    async fn open(url: &str) -> Db {
        if url.starts_with("sqlite:") {
            use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
            use std::str::FromStr;
            // The store's own settings, so the raw update pays what a booking pays.
            let options = SqliteConnectOptions::from_str(url)
                .unwrap()
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Full)
                .busy_timeout(Duration::from_secs(5));
            let pool = sqlx::sqlite::SqlitePoolOptions::new().max_connections(8);
            Db::Lite(pool.connect_with(options).await.unwrap())
        } else {
            let pool = sqlx::postgres::PgPoolOptions::new().max_connections(16);
            Db::Pg(pool.connect(url).await.unwrap())
        }
    }

    async fn exec(&self, sql: &str) -> u64 {
        match self {
            Db::Lite(p) => sqlx::query(sql).execute(p).await.unwrap().rows_affected(),
            Db::Pg(p) => sqlx::query(sql).execute(p).await.unwrap().rows_affected(),
        }
    }

    async fn int(&self, sql: &str) -> i64 {
        match self {
            Db::Lite(p) => {
                sqlx::query_as::<_, (i64,)>(sql)
                    .fetch_one(p)
                    .await
                    .unwrap()
                    .0
            }
            Db::Pg(p) => {
                sqlx::query_as::<_, (i64,)>(sql)
                    .fetch_one(p)
                    .await
                    .unwrap()
                    .0
            }
        }
    }

    /// The store's capacity rule, alone, in its own transaction.
    async fn take_place(&self, slot: i64) -> bool {
        const SQL: &str =
            "UPDATE slots SET booked = booked + 1 WHERE id = $1 AND booked + held < capacity";
        match self {
            Db::Lite(p) => {
                sqlx::query(SQL)
                    .bind(slot)
                    .execute(p)
                    .await
                    .unwrap()
                    .rows_affected()
                    == 1
            }
            Db::Pg(p) => {
                sqlx::query(SQL)
                    .bind(slot)
                    .execute(p)
                    .await
                    .unwrap()
                    .rows_affected()
                    == 1
            }
        }
    }
}

#[derive(Default)]
struct Report {
    setup: Duration,
    requests: usize,
    accepted: usize,
    full: usize,
    refused: usize,
    busy: usize,
    other: usize,
    gave_up: usize,
    same_key_split: usize,
    db_bookings: i64,
    db_booked: i64,
    duplicates: i64,
    overbooked_slots: i64,
    p50: Duration,
    p99: Duration,
    max: Duration,
    /// p99 per kind of answer: booked, full (409), busy (503).
    kind_p99: [Duration; 3],
    answer_p50: Duration,
    answer_p99: Duration,
    sold_out: Duration,
    wall: Duration,
    raw_update_1: f64,
    raw_update_8: f64,
    store_book_8: f64,
}

async fn run(kind: &str, url: &str, plan: &Plan) -> Report {
    let mut report = Report::default();
    let started = Instant::now();
    let config = Config::from_lookup(|name| match name {
        "BANSHI_DATABASE_URL" => Some(url.to_owned()),
        "BANSHI_PII_KEY" => Some(PII_KEY.to_owned()),
        "BANSHI_CLOCK_START" => Some(RELEASE_AT.to_string()),
        "BANSHI_DEV_TOOLS" => Some("1".to_owned()),
        "BANSHI_JOBS_EVERY_SECS" => Some("0".to_owned()),
        "BANSHI_REQUEST_TIMEOUT_SECS" => Some("30".to_owned()),
        _ => None,
    })
    .expect("config");
    let state = prepare(config).await.expect("app starts");
    let services = state.services.clone();
    let db = Db::open(url).await;
    // Before the Saturday is first looked at, so its slots are made from this schedule.
    db.exec(&format!(
        "UPDATE schedules SET periods = '09:00-17:00', windows = 1, slot_minutes = 60, per_window = 25 \
         WHERE hall_code = '{HALL}' AND department_code = '{DEPARTMENT}' AND weekend = TRUE"
    ))
    .await;
    let saturday = domain::CivilDate::new(SATURDAY.0, SATURDAY.1, SATURDAY.2).unwrap();
    let day = services
        .booking
        .day(HALL, DEPARTMENT, saturday)
        .await
        .expect("day");
    let slots: Vec<i64> = day.records.iter().map(|s| s.id).collect();
    let capacity: i64 = day.records.iter().map(|s| s.capacity).sum();
    assert_eq!(
        capacity, PLACES,
        "{kind}: the Saturday should offer {PLACES} places: {:?}",
        day.view.state
    );

    let (ids, tokens): (Vec<i64>, Vec<String>) = make_citizens(&services, plan.citizens)
        .await
        .into_iter()
        .unzip();
    report.setup = started.elapsed();
    eprintln!(
        "[{kind}] {} verified citizens with sessions in {:.1?}",
        tokens.len(),
        report.setup
    );

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let serving = tokio::spawn(async move {
        use axum::serve::ListenerExt;
        let listener = listener.tap_io(|tcp| {
            let _ = tcp.set_nodelay(true);
        });
        let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(listener, app).await.unwrap();
    });

    // The clients run on a runtime of their own, so the server's workers serve only the server.
    let clients = Clients {
        addr,
        slots,
        tokens,
        double_percent: plan.double_percent,
        max_tries: plan.max_tries,
    };
    let outcome = std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(clients.rush())
    })
    .join()
    .expect("clients");
    serving.abort();
    outcome.fill(&mut report);

    report.db_bookings = db.int("SELECT COUNT(*) FROM bookings").await;
    report.db_booked = db
        .int("SELECT CAST(COALESCE(SUM(booked), 0) AS BIGINT) FROM slots")
        .await;
    report.duplicates = db
        .int("SELECT COUNT(*) FROM (SELECT citizen_id FROM bookings GROUP BY citizen_id HAVING COUNT(*) > 1) d")
        .await;
    report.overbooked_slots = db
        .int("SELECT COUNT(*) FROM slots WHERE booked + held > capacity")
        .await;

    raw_rates(kind, &db, &services, ids, plan, &mut report).await;
    report
}

/// Signs in `n` citizens the way `sign_in` does once the code is checked (the account for the
/// number, a session) and verifies each through the service. Skipping the text-message code
/// skips its per-number limits and the outbox read, not anything a booking depends on.
struct Clients {
    addr: SocketAddr,
    slots: Vec<i64>,
    tokens: Vec<String>,
    double_percent: usize,
    max_tries: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Answer {
    Booked,
    Full,
    Refused,
    Busy,
    Other(u16),
}

/// One request: its answer and, for a booking, the code.
struct Attempt {
    answer: Answer,
    code: Option<String>,
    took: Duration,
}

/// Everything the clients saw.
struct Outcome {
    attempts: Vec<Attempt>,
    /// Per form sent: the citizen, the final answer, its code, when it came (after release).
    finals: Vec<(usize, Answer, Option<String>, Duration)>,
    wall: Duration,
}

impl Clients {
    async fn rush(self) -> Outcome {
        let this = Arc::new(self);
        let n = this.tokens.len();
        let doubles = n * this.double_percent / 100;
        let forms = n + doubles;
        // Every form's connection is open before the release, as a phone with the page loaded
        // has one; the release then measures the server, not the listen backlog.
        let barrier = Arc::new(Barrier::new(forms + 1));
        let mut tasks = Vec::with_capacity(forms);
        for form in 0..forms {
            let citizen = if form < n { form } else { form - n };
            let slot = this.slots[backend::random::u32() as usize % this.slots.len()];
            let (this, barrier) = (this.clone(), barrier.clone());
            tasks.push(tokio::spawn(async move {
                let first = connect(this.addr).await;
                barrier.wait().await;
                let released = Instant::now();
                this.form(first, citizen, slot, released).await
            }));
            if form % 256 == 255 {
                tokio::task::yield_now().await; // let the connects keep up
            }
        }
        barrier.wait().await;
        let release = Instant::now();
        let mut attempts = Vec::new();
        let mut finals = Vec::with_capacity(forms);
        for t in tasks {
            let (mut tries, last) = t.await.unwrap();
            attempts.append(&mut tries);
            finals.push(last);
        }
        Outcome {
            attempts,
            finals,
            wall: release.elapsed(),
        }
    }

    /// One form sent (a double-submitter's double sends the same key again); the key was made
    /// when the form was shown, so a retry after 503 sends it unchanged.
    async fn form(
        &self,
        first: TcpStream,
        citizen: usize,
        slot: i64,
        released: Instant,
    ) -> (Vec<Attempt>, (usize, Answer, Option<String>, Duration)) {
        let body = format!("item={ITEM}&slot_id={slot}&member=&request_key=rush{citizen}");
        let request = format!(
            "POST /api/book HTTP/1.1\r\nHost: {}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
             Cookie: banshi_sid={}\r\nContent-Length: {}\r\n\r\n{body}",
            self.addr,
            self.tokens[citizen],
            body.len()
        );
        // RUSH_PROBE: the same burst against /healthz, which does nothing — the floor this
        // machine, client and HTTP stack set, to read the booking figures against.
        let request = if std::env::var("RUSH_PROBE").is_ok_and(|v| !v.is_empty()) {
            format!("GET /healthz HTTP/1.1\r\nHost: {}\r\n\r\n", self.addr)
        } else {
            request
        };
        let mut attempts = Vec::new();
        // One kept-alive connection, as a phone (or the load balancer in front) keeps one; a
        // connection the server closed is opened again.
        let mut stream = Some(first);
        loop {
            let mut tcp = match stream.take() {
                Some(s) => s,
                None => connect(self.addr).await,
            };
            let start = Instant::now();
            let (status, retry_after, text, open) = exchange(&mut tcp, request.as_bytes()).await;
            if open {
                stream = Some(tcp);
            }
            let answer = match status {
                200 => Answer::Booked,
                409 => Answer::Full,
                400 => Answer::Refused,
                503 => Answer::Busy,
                s => Answer::Other(s),
            };
            let code = (answer == Answer::Booked)
                .then(|| serde_json::from_str::<serde_json::Value>(&text).ok())
                .flatten()
                .and_then(|v| v["code"].as_str().map(str::to_owned));
            attempts.push(Attempt {
                answer,
                code: code.clone(),
                took: start.elapsed(),
            });
            if answer != Answer::Busy || attempts.len() >= self.max_tries {
                return (attempts, (citizen, answer, code, released.elapsed()));
            }
            let jitter = Duration::from_millis(u64::from(backend::random::u32() % 250));
            tokio::time::sleep(Duration::from_secs(retry_after.unwrap_or(1)) + jitter).await;
        }
    }
}

impl Outcome {
    fn fill(self, r: &mut Report) {
        r.requests = self.attempts.len();
        for a in &self.attempts {
            match a.answer {
                Answer::Booked => {}
                Answer::Full => r.full += 1,
                Answer::Refused => r.refused += 1,
                Answer::Busy => r.busy += 1,
                Answer::Other(_) => r.other += 1,
            }
        }
        let codes: HashSet<&str> = self
            .attempts
            .iter()
            .filter_map(|a| a.code.as_deref())
            .collect();
        r.accepted = codes.len();
        // A double-submitter whose two sends came back with two different codes.
        let mut by_citizen: HashMap<usize, HashSet<&str>> = HashMap::new();
        for (citizen, _, code, _) in &self.finals {
            if let Some(code) = code {
                by_citizen.entry(*citizen).or_default().insert(code);
            }
        }
        r.same_key_split = by_citizen.values().filter(|c| c.len() > 1).count();
        r.gave_up = self.finals.iter().filter(|f| f.1 == Answer::Busy).count();
        let mut took: Vec<Duration> = self.attempts.iter().map(|a| a.took).collect();
        took.sort();
        r.p50 = percentile(&took, 0.50);
        r.p99 = percentile(&took, 0.99);
        r.max = took.last().copied().unwrap_or_default();
        for (i, kind) in [Answer::Booked, Answer::Full, Answer::Busy]
            .into_iter()
            .enumerate()
        {
            let mut of_kind: Vec<Duration> = self
                .attempts
                .iter()
                .filter(|a| a.answer == kind)
                .map(|a| a.took)
                .collect();
            of_kind.sort();
            r.kind_p99[i] = percentile(&of_kind, 0.99);
        }
        let mut answered: Vec<Duration> = self.finals.iter().map(|f| f.3).collect();
        answered.sort();
        r.answer_p50 = percentile(&answered, 0.50);
        r.answer_p99 = percentile(&answered, 0.99);
        let mut booked: Vec<Duration> = self
            .finals
            .iter()
            .filter(|f| f.1 == Answer::Booked)
            .map(|f| f.3)
            .collect();
        booked.sort();
        r.sold_out = booked.last().copied().unwrap_or_default();
        r.wall = self.wall;
    }
}

/// The same database after the rush: the conditional update alone (one at a time, then 8 at
/// once, the admission gate's width), and `store.book` (the whole booking transaction, no
/// HTTP, no service checks) for every citizen on a slot with room for all.
async fn raw_rates(
    kind: &str,
    db: &Db,
    services: &backend::Services,
    ids: Vec<i64>,
    plan: &Plan,
    r: &mut Report,
) {
    db.exec(&format!(
        "INSERT INTO slots (hall_code, department_code, day, start_min, end_min, start_at, end_at, capacity) \
         VALUES ('{HALL}', '{DEPARTMENT}', 0, 540, 600, 32400, 36000, 100000000)"
    ))
    .await;
    let big = db.int("SELECT CAST(MAX(id) AS BIGINT) FROM slots").await;
    let ops = plan.raw_ops.max(8);
    let t = Instant::now();
    for _ in 0..ops {
        assert!(db.take_place(big).await);
    }
    r.raw_update_1 = ops as f64 / t.elapsed().as_secs_f64();
    let db = Arc::new(db.clone());
    let t = Instant::now();
    let workers: Vec<_> = (0..8)
        .map(|_| {
            let db = db.clone();
            tokio::spawn(async move {
                for _ in 0..ops / 8 {
                    assert!(db.take_place(big).await);
                }
            })
        })
        .collect();
    for w in workers {
        w.await.unwrap();
    }
    r.raw_update_8 = (ops / 8 * 8) as f64 / t.elapsed().as_secs_f64();

    // Every citizen books once more, on day 0 (past the service's time rules, not the store's).
    let policy = *services.booking.policy();
    let store: Arc<dyn Store> = services.store.clone();
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let ids = Arc::new(ids);
    let t = Instant::now();
    let workers: Vec<_> = (0..8)
        .map(|_| {
            let (store, policy, next, ids) = (store.clone(), policy, next.clone(), ids.clone());
            tokio::spawn(async move {
                let mut done = 0usize;
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(&citizen_id) = ids.get(i) else {
                        return done;
                    };
                    let code = domain::booking::BookingCode::from_random(backend::random::bytes5());
                    let booking = NewBooking {
                        citizen_id,
                        member_id: None,
                        item_code: ITEM,
                        request_key: "raw",
                        code: code.as_str(),
                        now: 0,
                        policy: &policy,
                        audit: None,
                        text: None,
                    };
                    match store.book(&booking, big).await {
                        Ok(backend::store::BookResult::Booked(_)) => done += 1,
                        other => panic!("store.book: {other:?}"),
                    }
                }
            })
        })
        .collect();
    let mut done = 0;
    for w in workers {
        done += w.await.unwrap();
    }
    r.store_book_8 = done as f64 / t.elapsed().as_secs_f64();
    eprintln!("[{kind}] raw rates measured");
}

/// A row of the table: its label and how to read it from a report.
type Row = (&'static str, Box<dyn Fn(&Report) -> String>);

fn print_table(reports: &[(&str, Report)]) {
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let rows: Vec<Row> = vec![
        (
            "setup (citizens, sessions, 实名)",
            Box::new(|r| format!("{:.1?}", r.setup)),
        ),
        (
            "requests sent (with retries)",
            Box::new(|r| r.requests.to_string()),
        ),
        (
            "accepted (distinct codes)",
            Box::new(|r| r.accepted.to_string()),
        ),
        ("rejected as full (409)", Box::new(|r| r.full.to_string())),
        ("refused (400)", Box::new(|r| r.refused.to_string())),
        ("busy (503 shed)", Box::new(|r| r.busy.to_string())),
        ("other / failed", Box::new(|r| r.other.to_string())),
        (
            "gave up after max tries",
            Box::new(|r| r.gave_up.to_string()),
        ),
        (
            "bookings in the database",
            Box::new(|r| r.db_bookings.to_string()),
        ),
        (
            "duplicates (citizens with >1)",
            Box::new(|r| r.duplicates.to_string()),
        ),
        (
            "same key, two codes",
            Box::new(|r| r.same_key_split.to_string()),
        ),
        (
            "overbooked slots",
            Box::new(|r| r.overbooked_slots.to_string()),
        ),
        (
            "overbooked places (total - 200)",
            Box::new(|r| (r.db_bookings - PLACES).max(0).to_string()),
        ),
        (
            "sum(booked) = bookings",
            Box::new(|r| (r.db_booked == r.db_bookings).to_string()),
        ),
        ("latency p50 (per request)", Box::new(move |r| ms(r.p50))),
        ("latency p99 (per request)", Box::new(move |r| ms(r.p99))),
        ("latency max (per request)", Box::new(move |r| ms(r.max))),
        (
            "  p99 of 200 (booked)",
            Box::new(move |r| ms(r.kind_p99[0])),
        ),
        ("  p99 of 409 (full)", Box::new(move |r| ms(r.kind_p99[1]))),
        ("  p99 of 503 (shed)", Box::new(move |r| ms(r.kind_p99[2]))),
        (
            "final answer p50 (from release)",
            Box::new(move |r| ms(r.answer_p50)),
        ),
        (
            "final answer p99 (from release)",
            Box::new(move |r| ms(r.answer_p99)),
        ),
        (
            "last acceptance (sold out)",
            Box::new(move |r| ms(r.sold_out)),
        ),
        (
            "wall time (release to last answer)",
            Box::new(move |r| ms(r.wall)),
        ),
        (
            "throughput (answers/s)",
            Box::new(|r| format!("{:.0}", r.requests as f64 / r.wall.as_secs_f64())),
        ),
        (
            "raw conditional UPDATE, 1 at a time /s",
            Box::new(|r| format!("{:.0}", r.raw_update_1)),
        ),
        (
            "raw conditional UPDATE, 8 at once /s",
            Box::new(|r| format!("{:.0}", r.raw_update_8)),
        ),
        (
            "store.book, 8 at once /s",
            Box::new(|r| format!("{:.0}", r.store_book_8)),
        ),
    ];
    print!("\n{:<40}", "");
    for (kind, _) in reports {
        print!("{kind:>16}");
    }
    println!();
    for (label, value) in &rows {
        print!("{label:<40}");
        for (_, r) in reports {
            print!("{:>16}", value(r));
        }
        println!();
    }
    println!("\ntargets: accepted = {PLACES}, 0 overbooked, 0 duplicates, p99 <= 150 ms");
    for (kind, r) in reports {
        let ok = r.accepted as i64 == PLACES
            && r.db_bookings == PLACES
            && r.overbooked_slots == 0
            && r.duplicates == 0
            && r.same_key_split == 0
            && r.p99 <= Duration::from_millis(150);
        println!("{kind}: {}", if ok { "met" } else { "NOT met" });
    }
}
