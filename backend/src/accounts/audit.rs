use crate::clock::Clock;
use crate::store::AuditRecord;
use crate::{Result, Store};
use std::sync::Arc;

/// Who did something.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    /// A citizen, acting for themselves or for one of their family members.
    Citizen {
        id: i64,
        for_member: Option<i64>,
    },
    Staff(i64),
    System,
}

impl Actor {
    pub fn citizen(id: i64) -> Self {
        Self::Citizen {
            id,
            for_member: None,
        }
    }
}

/// Appends to the audit log. The log holds ids and action names, never personal numbers.
#[derive(Clone)]
pub struct Audit {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
}

impl Audit {
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Self {
        Self { store, clock }
    }

    /// `action` is a dotted name (`citizen.sign_in`); `record` the kind and id touched.
    pub async fn record(
        &self,
        actor: Actor,
        action: &str,
        record: Option<(&str, i64)>,
        ip: &str,
    ) -> Result<()> {
        let (actor_kind, actor_id, on_behalf_of) = match actor {
            Actor::Citizen { id, for_member } => ("citizen", Some(id), for_member),
            Actor::Staff(id) => ("staff", Some(id), None),
            Actor::System => ("system", None, None),
        };
        self.store
            .audit(&AuditRecord {
                at: self.clock.now(),
                actor_kind: actor_kind.to_owned(),
                actor_id,
                on_behalf_of,
                action: action.to_owned(),
                record_kind: record.map(|(kind, _)| kind.to_owned()),
                record_id: record.map(|(_, id)| id),
                ip: (!ip.is_empty()).then(|| ip.to_owned()),
            })
            .await
    }
}
