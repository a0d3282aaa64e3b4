#![recursion_limit = "256"]
//! How 办事 runs: configuration, state, the axum router and its layers, start-up and shutdown.

mod booking_gate;
mod calendar_file;
mod config;
mod dev_clock;
mod etag;
mod forms;
mod health;
mod layers;
mod router;
mod state;
mod uploads;

pub use config::{Config, ConfigError, assets_are_hashed};
pub use router::router;
pub use state::AppState;

use axum::serve::ListenerExt;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("store: {0}")]
    Store(#[from] backend::Error),
    #[error("personal-data key: {0}")]
    Pii(#[from] backend::pii::PiiError),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("server: {0}")]
    Serve(#[from] std::io::Error),
}

/// Opens and migrates the store, seeds the demo catalogue into an empty one, and builds state.
pub async fn prepare(config: Config) -> Result<AppState, StartError> {
    let store = backend::connect(&config.database_url).await?;
    store.migrate().await?;
    if config.seed_demo {
        let catalog = backend::seed::demo_catalog()?;
        if store.sync_catalog(&catalog).await? {
            tracing::info!(items = catalog.items.len(), "demo catalogue loaded");
        }
    }
    tracing::info!(store = store.kind(), "store ready");
    let dev_clock = config
        .clock_start
        .map(backend::clock::OffsetClock::starting_at);
    let clock: Arc<dyn backend::Clock> = match &dev_clock {
        Some(c) => Arc::new(c.clone()),
        None => Arc::new(backend::clock::SystemClock),
    };
    let setup = backend::AccountSetup {
        pii: pii_cipher(&config)?,
        clock,
        sms: None,
        verifier: Arc::new(backend::accounts::AcceptValidNumbers),
        limits: config.ip_limits,
        booking: domain::booking::BookingPolicy::default(),
        blobs: Arc::new(backend::blobs::DirBlobs::open_dir(&config.uploads_dir)?),
    };
    let services = backend::Services::new(store, setup);
    services.booking.seed().await?;
    let mut state = AppState::new(config, services);
    state.dev_clock = dev_clock;
    Ok(state)
}

/// The key for personal data: from configuration, or in development a generated one kept
/// under `data/` (never in production: losing it would lose every ID number stored).
fn pii_cipher(config: &Config) -> Result<backend::pii::PiiCipher, StartError> {
    let key = match &config.pii_key {
        Some(key) => key.clone(),
        None => {
            let (key, created) = backend::pii::dev_master_key(&config.pii_key_file)?;
            let path = config.pii_key_file.display();
            if created {
                tracing::warn!(%path, "generated a development key for personal data; set BANSHI_PII_KEY in production");
            } else {
                tracing::warn!(%path, "using the development key for personal data");
            }
            key
        }
    };
    Ok(backend::pii::PiiCipher::from_hex(&key)?)
}

/// `banshi create-admin <username> [name]`: prepares the store and adds an admin account,
/// printing its generated password once.
pub async fn create_admin(
    config: Config,
    username: &str,
    name: &str,
) -> Result<String, StartError> {
    let state = prepare(config).await?;
    Ok(state.services.staff.create_admin(username, name).await?)
}

/// Serves until SIGINT or SIGTERM, then lets requests in flight finish.
pub async fn start(config: Config) -> Result<(), StartError> {
    let addr = config.addr;
    let state = prepare(config).await?;
    if state.services.staff.count().await? == 0 {
        tracing::warn!(
            "no staff account yet: create the first admin with `banshi create-admin <username>`"
        );
    }
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Listen { addr, source })?;
    let local = listener.local_addr()?;
    tracing::info!("办事 listening on http://{local}");
    // Without TCP_NODELAY, replies on keep-alive connections wait ~40 ms for delayed ACKs.
    let listener = listener.tap_io(|tcp| {
        if let Err(error) = tcp.set_nodelay(true) {
            tracing::warn!(%error, "cannot set TCP_NODELAY");
        }
    });
    let search = state.services.search.clone();
    tokio::spawn(async move {
        if let Err(error) = search.warm().await {
            tracing::error!(%error, "building the search index failed");
        }
    });
    spawn_jobs(&state);
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    tracing::info!("办事 stopped");
    Ok(())
}

/// Runs a round of the background jobs every `jobs_every_secs`. Safe in every process of a
/// PostgreSQL deployment: each round, a job runs in the one process holding its lease.
fn spawn_jobs(state: &AppState) {
    let every = state.config.jobs_every_secs;
    if every == 0 {
        return;
    }
    let runner = state.jobs.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(every));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            log_round(&runner.run_once().await);
        }
    });
}

/// A round's work in the log: what each job did, and why one failed.
pub(crate) fn log_round(runs: &[backend::jobs::JobRun]) {
    for run in runs {
        match &run.outcome {
            Ok(0) => {}
            Ok(done) => tracing::info!(job = run.name, done, "background job ran"),
            Err(error) => tracing::error!(job = run.name, %error, "background job failed"),
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
    // Bound the drain so a hung client cannot hold the process forever.
    tokio::spawn(async {
        tokio::time::sleep(Duration::from_secs(20)).await;
        tracing::warn!("requests still open after 20 s; exiting");
        std::process::exit(0);
    });
}
