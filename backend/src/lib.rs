//! What the 办事 server does: one service per area over a `Store`, with SQLite (embedded
//! default) and PostgreSQL (scale-out) behind it. SQL lives only in `store/`.

pub mod catalog;
pub mod error;
pub mod pii;
pub mod seed;
pub mod store;

pub use catalog::{CatalogService, HomePage};
pub use error::{Error, Result};
pub use store::{CatalogStore, Store, connect};

use std::sync::Arc;

/// Every service the app layer may call, cheap to clone into request context.
#[derive(Clone)]
pub struct Services {
    pub store: Arc<dyn Store>,
    pub catalog: CatalogService,
}

impl Services {
    pub fn new(store: Arc<dyn Store>) -> Self {
        Self {
            catalog: CatalogService::new(store.clone()),
            store,
        }
    }
}
