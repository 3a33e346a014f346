//! The audit log: who changed what, when, from where, before and after.

use switchboard_domain::{AuditId, EnterpriseId, Timestamp};

use crate::db::Placeholders;
use crate::{Conn, Result};

#[derive(Debug, Clone, serde::Serialize)]
pub struct AuditEntry {
    pub id: AuditId,
    pub at: Timestamp,
    pub enterprise_id: Option<EnterpriseId>,
    /// Who: e.g. `token:0192… (ops laptop)`, `system`.
    pub actor: String,
    /// From where: `api`, `portal`, `cli`, `scim`, `import`, `system`.
    pub channel: String,
    pub client_ip: Option<String>,
    pub request_id: Option<String>,
    /// What: e.g. `user.created`, `user.deactivated`.
    pub action: String,
    pub target_kind: String,
    pub target_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

pub async fn insert(conn: &mut Conn, e: &AuditEntry) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (id, at, enterprise_id, actor, channel, client_ip, request_id, action, target_kind, target_id, \
         before_json, after_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(e.id.to_string())
    .bind(e.at.millis())
    .bind(e.enterprise_id.map(|id| id.to_string()))
    .bind(&e.actor)
    .bind(&e.channel)
    .bind(e.client_ip.as_deref())
    .bind(e.request_id.as_deref())
    .bind(&e.action)
    .bind(&e.target_kind)
    .bind(&e.target_id)
    .bind(e.before.as_ref().map(|v| v.to_string()))
    .bind(e.after.as_ref().map(|v| v.to_string()))
    .execute(conn)
    .await?;
    Ok(())
}

/// Inserts many entries in a few statements (B-1: one per imported user).
pub async fn insert_many(
    conn: &mut Conn,
    backend: crate::Backend,
    entries: &[AuditEntry],
) -> Result<()> {
    crate::bulk::insert_rows(
        conn,
        backend,
        "audit_log",
        "id, at, enterprise_id, actor, channel, client_ip, request_id, action, target_kind, target_id, before_json, after_json",
        12,
        entries,
        |q, e| {
            q.bind(e.id.to_string())
                .bind(e.at.millis())
                .bind(e.enterprise_id.map(|id| id.to_string()))
                .bind(e.actor.clone())
                .bind(e.channel.clone())
                .bind(e.client_ip.clone())
                .bind(e.request_id.clone())
                .bind(e.action.clone())
                .bind(e.target_kind.clone())
                .bind(e.target_id.clone())
                .bind(e.before.as_ref().map(|v| v.to_string()))
                .bind(e.after.as_ref().map(|v| v.to_string()))
        },
    )
    .await
}

/// Filter of [`list`]; newest first, keyset on the (time-ordered) id.
#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    pub enterprise_id: Option<EnterpriseId>,
    pub target_id: Option<String>,
    pub action: Option<String>,
    /// Entries by any of these actors (their labels, e.g. `user:anna@example.com`).
    pub actors: Vec<String>,
    /// Entries at or after this instant …
    pub since: Option<Timestamp>,
    /// … and before this one.
    pub until: Option<Timestamp>,
    pub before_id: Option<String>,
    pub limit: i64,
}

/// The smallest UUIDv7 of an instant, as text: entry ids are UUIDv7, so a time range is an id
/// range and a date filter walks the same index as paging does.
pub fn id_floor(at: Timestamp) -> String {
    let ms = at.millis().max(0) as u64;
    format!(
        "{:08x}-{:04x}-0000-0000-000000000000",
        ms >> 16,
        ms & 0xffff
    )
}

pub async fn list(conn: &mut Conn, q: &AuditQuery) -> Result<Vec<AuditEntry>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: String,
        at: i64,
        enterprise_id: Option<String>,
        actor: String,
        channel: String,
        client_ip: Option<String>,
        request_id: Option<String>,
        action: String,
        target_kind: String,
        target_id: String,
        before_json: Option<String>,
        after_json: Option<String>,
    }
    let mut p = Placeholders::default();
    let mut conditions = vec!["1 = 1".to_owned()];
    let mut binds = Vec::new();
    for (column, value) in [
        ("enterprise_id = ", q.enterprise_id.map(|e| e.to_string())),
        ("target_id = ", q.target_id.clone()),
        ("action = ", q.action.clone()),
        ("id < ", q.before_id.clone()),
        ("id >= ", q.since.map(id_floor)),
        ("id < ", q.until.map(id_floor)),
    ] {
        if let Some(value) = value {
            conditions.push(format!("{column}{}", p.fresh()));
            binds.push(value);
        }
    }
    if !q.actors.is_empty() {
        let marks: Vec<String> = q.actors.iter().map(|_| p.fresh()).collect();
        conditions.push(format!("actor IN ({})", marks.join(", ")));
        binds.extend(q.actors.iter().cloned());
    }
    let sql = format!(
        "SELECT id, at, enterprise_id, actor, channel, client_ip, request_id, action, target_kind, target_id, before_json, \
         after_json FROM audit_log WHERE {} ORDER BY id DESC LIMIT {}",
        conditions.join(" AND "),
        q.limit.clamp(1, 500)
    );
    let mut query = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql));
    for value in binds {
        query = query.bind(value);
    }
    let rows = query.fetch_all(conn).await?;
    let json = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    Ok(rows
        .into_iter()
        .map(|r| AuditEntry {
            id: r.id.parse().expect("stored ids are UUIDs"),
            at: Timestamp::from_millis(r.at),
            enterprise_id: r
                .enterprise_id
                .map(|e| e.parse().expect("stored ids are UUIDs")),
            actor: r.actor,
            channel: r.channel,
            client_ip: r.client_ip,
            request_id: r.request_id,
            action: r.action,
            target_kind: r.target_kind,
            target_id: r.target_id,
            before: json(r.before_json),
            after: json(r.after_json),
        })
        .collect())
}

/// Of these entries' subjects (users and groups), the ids that still exist: a deleted subject is
/// named, not linked.
pub async fn existing_subjects(
    conn: &mut Conn,
    entries: &[AuditEntry],
) -> Result<std::collections::HashSet<String>> {
    let mut found = std::collections::HashSet::new();
    for (kind, table) in [("user", "users"), ("group", "call_groups")] {
        let mut ids: Vec<&str> = entries
            .iter()
            .filter(|e| e.target_kind == kind)
            .map(|e| e.target_id.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() {
            continue;
        }
        let mut p = Placeholders::default();
        let marks: Vec<String> = ids.iter().map(|_| p.fresh()).collect();
        let sql = format!("SELECT id FROM {table} WHERE id IN ({})", marks.join(", "));
        let mut query = sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(sql));
        for id in ids {
            query = query.bind(id);
        }
        found.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        let ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis();
        Timestamp::from_millis(ms as i64)
    }

    #[test]
    fn a3_a_time_range_is_the_range_of_the_ids_made_in_it() {
        let before = now();
        let id = AuditId::new().to_string();
        let after = now().plus_millis(1);
        assert!(id_floor(before) <= id, "{} > {id}", id_floor(before));
        assert!(id < id_floor(after), "{id} >= {}", id_floor(after));
        assert!(id_floor(before.plus_millis(-1)) < id_floor(before));
    }
}
