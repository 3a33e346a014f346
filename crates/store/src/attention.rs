//! What needs an administrator's attention, read for the start page: users waiting for or failing
//! activation, pushes to the phone system that gave up, free numbers. Every count is capped
//! (`LIMIT` inside the count), so a tenant of 1,000,000 users costs the same as one of fifty.

use switchboard_domain::{EnterpriseId, SiteId, UserId, UserState};

use crate::db::Placeholders;
use crate::{Conn, Result};

/// A count that stops at a cap: `count` is exact below it; at the cap there may be more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Capped {
    pub count: i64,
    pub more: bool,
}

impl Capped {
    fn of(counted: i64, cap: i64) -> Self {
        Self {
            count: counted.min(cap),
            more: counted > cap,
        }
    }
}

/// ` AND site_id IN ($2, $3)` for a site administrator's reach, with its binds.
fn site_condition(
    p: &mut Placeholders,
    column: &str,
    sites: Option<&[SiteId]>,
) -> (String, Vec<String>) {
    match sites {
        None => (String::new(), Vec::new()),
        Some(sites) => {
            let marks: Vec<String> = sites.iter().map(|_| p.fresh()).collect();
            let list = if marks.is_empty() {
                // No site in reach: nothing matches.
                "NULL".to_owned()
            } else {
                marks.join(", ")
            };
            (
                format!(" AND {column} IN ({list})"),
                sites.iter().map(ToString::to_string).collect(),
            )
        }
    }
}

/// Users of the enterprise (in `sites`, when limited) in `state`, counted up to `cap`.
pub async fn users_in_state(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    state: UserState,
    sites: Option<&[SiteId]>,
    cap: i64,
) -> Result<Capped> {
    let mut p = Placeholders::default();
    let (e, s) = (p.fresh(), p.fresh());
    let (in_sites, site_binds) = site_condition(&mut p, "site_id", sites);
    let sql = format!(
        "SELECT COUNT(*) FROM (SELECT 1 FROM users WHERE enterprise_id = {e} AND state = {s}{in_sites} LIMIT {}) AS capped",
        cap + 1
    );
    let mut query = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql))
        .bind(enterprise.to_string())
        .bind(state.as_str());
    for site in site_binds {
        query = query.bind(site);
    }
    Ok(Capped::of(query.fetch_one(conn).await?, cap))
}

/// Users of one site, in any state, counted up to `cap` (L-8: whom a device password run renews).
pub async fn users_of_site(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    site: SiteId,
    cap: i64,
) -> Result<Capped> {
    let sql = format!(
        "SELECT COUNT(*) FROM (SELECT 1 FROM users WHERE enterprise_id = $1 AND site_id = $2 LIMIT {}) AS capped",
        cap + 1
    );
    let counted: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(enterprise.to_string())
        .bind(site.to_string())
        .fetch_one(conn)
        .await?;
    Ok(Capped::of(counted, cap))
}

/// Numbers of the pool that nobody holds, counted up to `cap`.
pub async fn free_numbers(conn: &mut Conn, enterprise: EnterpriseId, cap: i64) -> Result<Capped> {
    let sql = format!(
        "SELECT COUNT(*) FROM (SELECT 1 FROM numbers WHERE enterprise_id = $1 AND user_id IS NULL \
         AND group_id IS NULL AND site_id IS NULL LIMIT {}) AS capped",
        cap + 1
    );
    let counted: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(enterprise.to_string())
        .fetch_one(conn)
        .await?;
    Ok(Capped::of(counted, cap))
}

/// A user whose last change never reached the phone system (T-3).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FailedPush {
    pub user_id: UserId,
    pub name: String,
    pub error: Option<String>,
}

/// Users whose newest sync job failed for good, newest failure first, at most `limit`.
pub async fn failed_pushes(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    sites: Option<&[SiteId]>,
    sync_kind: &str,
    limit: i64,
) -> Result<Vec<FailedPush>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: String,
        first_name: String,
        last_name: String,
        last_error: Option<String>,
    }
    let mut p = Placeholders::default();
    let (e, k) = (p.fresh(), p.fresh());
    let (in_sites, site_binds) = site_condition(&mut p, "u.site_id", sites);
    // A failed job is still the user's state only if no newer sync of them followed it.
    let sql = format!(
        "SELECT u.id, u.first_name, u.last_name, j.last_error FROM jobs j \
         JOIN users u ON u.id = j.subject_id AND u.enterprise_id = j.enterprise_id \
         WHERE j.status = 'failed' AND j.enterprise_id = {e} AND j.kind = {k}{in_sites} \
         AND NOT EXISTS (SELECT 1 FROM jobs n WHERE n.subject_id = j.subject_id AND n.kind = j.kind AND n.id > j.id) \
         ORDER BY j.id DESC LIMIT {}",
        limit.clamp(1, 100)
    );
    let mut query = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql))
        .bind(enterprise.to_string())
        .bind(sync_kind);
    for site in site_binds {
        query = query.bind(site);
    }
    let rows = query.fetch_all(conn).await?;
    rows.into_iter()
        .map(|r| {
            Ok(FailedPush {
                user_id: r
                    .id
                    .parse()
                    .map_err(|e| crate::StoreError(sqlx::Error::Decode(Box::new(e))))?,
                name: format!("{} {}", r.first_name, r.last_name),
                error: r.last_error,
            })
        })
        .collect()
}
