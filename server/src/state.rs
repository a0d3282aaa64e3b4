use crate::Config;
use axum::extract::FromRef;
use backend::Services;
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// Shared by SSR, server functions and plain handlers alike; no globals.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub services: Services,
    pub config: Arc<Config>,
    /// Development and browser tests: the moved clock `/dev/clock` advances.
    pub dev_clock: Option<backend::clock::OffsetClock>,
    /// The background jobs: the server's loop and `/dev/clock` run the same runner, so they
    /// hold the same leases.
    pub jobs: Arc<backend::jobs::JobRunner>,
}

impl AppState {
    pub fn new(config: Config, services: Services) -> Self {
        let round = i64::try_from(config.jobs_every_secs.max(1)).unwrap_or(i64::MAX);
        Self {
            leptos_options: config.leptos_options(),
            jobs: Arc::new(services.jobs(round)),
            services,
            config: Arc::new(config),
            dev_clock: None,
        }
    }

    /// How the app should treat this deployment (cookies, development pages).
    pub fn site_mode(&self) -> app::SiteMode {
        app::SiteMode {
            secure_cookies: self.config.production,
            dev_tools: self.config.dev_tools,
        }
    }
}
