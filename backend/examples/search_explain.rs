//! `cargo run -p backend --example search_explain -- 公积金怎么转到郑州 …`: how the server
//! cuts each query into words and what it finds, with how each result matched and fits.

use backend::clock::SystemClock;
use backend::{AccountSetup, Services};
use std::sync::Arc;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("banshi-search-explain-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let store = backend::connect(&format!("sqlite://{}/explain.db", dir.display())).await?;
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
    for query in std::env::args().skip(1) {
        println!("{query}: {:?}", services.search.words(&query).await?);
        for found in services.search.suggest(&query, 5).await? {
            println!("  {:?} {:?} {}", found.kind, found.fit, found.summary.name);
        }
    }
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
