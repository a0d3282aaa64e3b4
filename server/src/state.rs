use crate::Config;
use axum::extract::FromRef;
use backend::{Services, Store};
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// Shared by SSR, server functions and plain handlers alike; no globals.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub services: Services,
    pub config: Arc<Config>,
}

impl AppState {
    pub fn new(config: Config, store: Arc<dyn Store>) -> Self {
        Self {
            leptos_options: config.leptos_options(),
            services: Services::new(store),
            config: Arc::new(config),
        }
    }
}
