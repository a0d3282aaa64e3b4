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
}

impl AppState {
    pub fn new(config: Config, services: Services) -> Self {
        Self {
            leptos_options: config.leptos_options(),
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
