//! Writing and reading the audit log. Entries are written in the use case's transaction,
//! so a change and its record stand or fall together. Secrets never reach these values (K-5).

use serde::Serialize;
use switchboard_domain::{AuditId, EnterpriseId, Timestamp};
use switchboard_store::Conn;
use switchboard_store::audit::{self, AuditEntry, AuditQuery};

use crate::App;
use crate::actor::{Actor, Principal};
use crate::error::{AppError, AppResult};

/// One change to record.
pub struct Change<'a> {
    pub enterprise: Option<EnterpriseId>,
    pub action: &'a str,
    pub target_kind: &'a str,
    pub target_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// A value as it appears in the audit log.
pub fn snapshot(value: &impl Serialize) -> Option<serde_json::Value> {
    serde_json::to_value(value).ok()
}

pub async fn record(
    conn: &mut Conn,
    actor: &Actor,
    at: Timestamp,
    change: Change<'_>,
) -> AppResult<()> {
    audit::insert(
        conn,
        &AuditEntry {
            id: AuditId::new(),
            at,
            enterprise_id: change.enterprise,
            actor: actor.label.clone(),
            channel: actor.channel.as_str().to_owned(),
            client_ip: actor.client_ip.clone(),
            request_id: actor.request_id.clone(),
            action: change.action.to_owned(),
            target_kind: change.target_kind.to_owned(),
            target_id: change.target_id,
            before: change.before,
            after: change.after,
        },
    )
    .await?;
    Ok(())
}

pub struct AuditLog<'a>(pub(crate) &'a App);

impl AuditLog<'_> {
    /// Operators read everything; enterprise administrators their enterprise. Site administrators
    /// are refused for now: entries are not yet attributed to sites.
    pub async fn list(&self, actor: &Actor, mut query: AuditQuery) -> AppResult<Vec<AuditEntry>> {
        match &actor.principal {
            Principal::Operator | Principal::System => {}
            Principal::EnterpriseAdmin { enterprise } => {
                if let Some(asked) = query.enterprise_id {
                    actor.can_see_enterprise(asked)?;
                }
                query.enterprise_id = Some(*enterprise);
            }
            Principal::SiteAdmin { .. } | Principal::Member { .. } => {
                return Err(AppError::Forbidden(
                    "Only enterprise administrators and operators can read the audit log.".into(),
                ));
            }
        }
        let mut conn = self.0.db().read().await?;
        Ok(audit::list(&mut conn, &query).await?)
    }
}
