//! `cargo run --release -p backend --example search_bench`: how long the matcher takes over
//! the seeded catalogue, without HTTP — every query of the test table, many times over.

use backend::clock::SystemClock;
use backend::{AccountSetup, Services};
use std::sync::Arc;
use std::time::Instant;

const QUERIES: &[&str] = &[
    "社保卡",
    "sbk",
    "shebaoka",
    "社卡",
    "公积金",
    "gongjijin",
    "gjjtq",
    "公积鑫",
    "落户",
    "入户",
    "上户口要带什么",
    "退休",
    "养老金",
    "身份证",
    "结婚",
    "营业执照",
    "开公司",
    "个体户",
    "低保",
    "失业金",
    "上学",
    "过户",
    "二手房过户要什么材料",
    "出生证",
    "疫苗",
    "准生证",
    "异地就医",
    "教资",
    "无犯罪证明",
    "居住证",
    "火星移民",
];

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
    };
    let services = Services::new(store, setup);
    let started = Instant::now();
    services.search.suggest("社保", 10).await?;
    println!(
        "index built on first use in {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let mut times = Vec::new();
    for _ in 0..200 {
        for q in QUERIES {
            let t = Instant::now();
            services.search.suggest(q, 20).await?;
            times.push(t.elapsed().as_secs_f64() * 1e6);
        }
    }
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() as f64 - 1.0) * p) as usize];
    println!(
        "{} queries over the catalogue: p50 {:.0} µs, p99 {:.0} µs, max {:.0} µs",
        times.len(),
        at(0.5),
        at(0.99),
        times[times.len() - 1]
    );
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
