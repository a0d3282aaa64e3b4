//! The catalogue service: what the home page and the 办事指南 page need.

use crate::{Error, Result, Store};
use domain::{Department, Hall, ServiceCode, ServiceItem, ServiceSummary};
use std::sync::Arc;

/// How many hot services the home grid shows (two rows of four on a phone).
pub const HOT_SERVICES: u32 = 8;

#[derive(Clone)]
pub struct CatalogService {
    store: Arc<dyn Store>,
}

/// Everything the home page shows, fetched in one call.
#[derive(Clone, Debug)]
pub struct HomePage {
    pub hot: Vec<ServiceSummary>,
    pub weekend_departments: Vec<Department>,
    pub hall: Option<Hall>,
}

impl CatalogService {
    pub fn new(store: Arc<dyn Store>) -> Self {
        Self { store }
    }

    pub async fn home(&self) -> Result<HomePage> {
        let hot = self.store.hot_services(HOT_SERVICES).await?;
        let weekend_departments = self
            .store
            .departments()
            .await?
            .into_iter()
            .filter(|d| d.weekend)
            .collect();
        let hall = self.store.halls().await?.into_iter().next();
        Ok(HomePage {
            hot,
            weekend_departments,
            hall,
        })
    }

    pub async fn guide(&self, code: &ServiceCode) -> Result<ServiceItem> {
        self.store.service(code).await?.ok_or(Error::NotFound)
    }
}
