//! The number pool of each enterprise (N-4…N-6).

use switchboard_domain::{E164Number, EnterpriseId, GroupId, SiteId, Timestamp, UserId};

use crate::db::Placeholders;
use crate::{Conn, Result};

/// How an assigned number is used by its user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Usage {
    Primary,
    Alternative,
}

impl Usage {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Primary => "primary",
            Self::Alternative => "alternative",
        }
    }
}

/// A number of the pool, with whom it is assigned to.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PoolNumber {
    pub number: E164Number,
    pub enterprise_id: EnterpriseId,
    pub user_id: Option<UserId>,
    pub user_name: Option<String>,
    /// The site of the user holding it (to hide it from administrators of other sites).
    pub user_site_id: Option<SiteId>,
    pub usage: Option<Usage>,
    /// A hunt group, call centre or auto attendant reached by it: (id, name).
    pub group: Option<(GroupId, String)>,
    /// The site it is the main number of: (id, name).
    pub main_of_site: Option<(SiteId, String)>,
    pub created_at: Timestamp,
}

/// Who, besides a user, may hold a number of the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    /// G-1/G-2/G-6: callers dial it to reach the group.
    Group(GroupId),
    /// S-6: the site's main number.
    Site(SiteId),
}

impl Holder {
    fn column(self) -> &'static str {
        match self {
            Holder::Group(_) => "group_id",
            Holder::Site(_) => "site_id",
        }
    }

    fn id(self) -> String {
        match self {
            Holder::Group(id) => id.to_string(),
            Holder::Site(id) => id.to_string(),
        }
    }
}

/// A number no one holds: no user, group or site.
const FREE: &str = "user_id IS NULL AND group_id IS NULL AND site_id IS NULL";

/// What a claim found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    Claimed,
    /// Assigned to someone already (N-4).
    Taken,
    /// Not in this enterprise's pool at all.
    NotInPool,
}

const CHUNK: usize = 400;

/// Which of `numbers` exist already, in any enterprise (a number belongs to one pool only).
pub async fn existing(conn: &mut Conn, numbers: &[E164Number]) -> Result<Vec<String>> {
    let mut found = Vec::new();
    for chunk in numbers.chunks(CHUNK) {
        let mut p = Placeholders::default();
        let list: Vec<String> = chunk.iter().map(|_| p.fresh()).collect();
        let sql = format!(
            "SELECT number FROM numbers WHERE number IN ({}) ORDER BY number",
            list.join(", ")
        );
        let mut query = sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(sql));
        for n in chunk {
            query = query.bind(n.as_str());
        }
        found.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(found)
}

/// Loads free numbers into an enterprise's pool.
pub async fn insert_free(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    numbers: &[E164Number],
    now: Timestamp,
) -> Result<()> {
    for chunk in numbers.chunks(CHUNK) {
        let mut p = Placeholders::default();
        let rows: Vec<String> = chunk
            .iter()
            .map(|_| format!("({}, {}, {})", p.fresh(), p.fresh(), p.fresh()))
            .collect();
        let sql = format!(
            "INSERT INTO numbers (number, enterprise_id, created_at) VALUES {}",
            rows.join(", ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for n in chunk {
            query = query
                .bind(n.as_str())
                .bind(enterprise.to_string())
                .bind(now.millis());
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Assigns one free number of an enterprise's pool: `user, usage, assigned_at, number, enterprise`.
const CLAIM: &str = "UPDATE numbers SET user_id = $1, usage = $2, assigned_at = $3 \
    WHERE number = $4 AND enterprise_id = $5 \
    AND user_id IS NULL AND group_id IS NULL AND site_id IS NULL";

/// N-4: assigns a free number of the enterprise's pool to a user. Conditional on it being free,
/// so of two concurrent claims exactly one succeeds.
pub async fn claim(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    number: &E164Number,
    user: UserId,
    usage: Usage,
    now: Timestamp,
) -> Result<Claim> {
    let done = sqlx::query(CLAIM)
        .bind(user.to_string())
        .bind(usage.as_str())
        .bind(now.millis())
        .bind(number.as_str())
        .bind(enterprise.to_string())
        .execute(&mut *conn)
        .await?;
    claim_outcome(conn, enterprise, number, done.rows_affected()).await
}

/// Claimed when the conditional update changed a row; else why not.
async fn claim_outcome(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    number: &E164Number,
    changed: u64,
) -> Result<Claim> {
    if changed == 1 {
        return Ok(Claim::Claimed);
    }
    let in_pool: Option<String> =
        sqlx::query_scalar("SELECT number FROM numbers WHERE number = $1 AND enterprise_id = $2")
            .bind(number.as_str())
            .bind(enterprise.to_string())
            .fetch_optional(conn)
            .await?;
    Ok(if in_pool.is_some() {
        Claim::Taken
    } else {
        Claim::NotInPool
    })
}

/// Gives a free number of the enterprise's pool to a group or site, conditional on it being
/// free (of two concurrent claims exactly one succeeds).
pub async fn claim_for(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    number: &E164Number,
    holder: Holder,
    now: Timestamp,
) -> Result<Claim> {
    let done = sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE numbers SET {} = $1, assigned_at = $2 WHERE number = $3 AND enterprise_id = $4 AND {FREE}",
        holder.column()
    )))
    .bind(holder.id())
    .bind(now.millis())
    .bind(number.as_str())
    .bind(enterprise.to_string())
    .execute(&mut *conn)
    .await?;
    claim_outcome(conn, enterprise, number, done.rows_affected()).await
}

/// The number a group or site holds, if any.
pub async fn held_by(conn: &mut Conn, holder: Holder) -> Result<Option<E164Number>> {
    let found: Option<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT number FROM numbers WHERE {} = $1",
        holder.column()
    )))
    .bind(holder.id())
    .fetch_optional(conn)
    .await?;
    Ok(found.map(E164Number::from_trusted))
}

/// Frees the number a group or site holds; returns it.
pub async fn release_of(conn: &mut Conn, holder: Holder) -> Result<Option<E164Number>> {
    let held = held_by(&mut *conn, holder).await?;
    if held.is_some() {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE numbers SET {0} = NULL, assigned_at = NULL WHERE {0} = $1",
            holder.column()
        )))
        .bind(holder.id())
        .execute(conn)
        .await?;
    }
    Ok(held)
}

/// S-6: the main number of each of the enterprise's sites that has one.
pub async fn site_main_numbers(
    conn: &mut Conn,
    enterprise: EnterpriseId,
) -> Result<Vec<(SiteId, E164Number)>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT site_id, number FROM numbers WHERE enterprise_id = $1 AND site_id IS NOT NULL ORDER BY number",
    )
    .bind(enterprise.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(site, number)| {
            (
                site.parse().expect("stored ids are UUIDs"),
                E164Number::from_trusted(number),
            )
        })
        .collect())
}

/// Where each of `numbers` stands: `(number, owning enterprise, the user, group or site holding
/// it)`; numbers that exist nowhere are absent.
pub async fn standing(
    conn: &mut Conn,
    numbers: &[String],
) -> Result<Vec<(String, String, Option<String>)>> {
    crate::bulk::fetch_in(
        conn,
        "SELECT number, enterprise_id, COALESCE(user_id, group_id, site_id) FROM numbers WHERE number IN ({list})",
        &[],
        numbers,
    )
    .await
}

/// N-4 in bulk: assigns free numbers of the enterprise's pool to users, `(number, user)` each.
/// Conditional on each being free; returns how many were claimed, so the caller can tell that
/// all were (or that someone took one meanwhile, and roll back).
pub async fn claim_many(
    conn: &mut Conn,
    backend: crate::Backend,
    enterprise: EnterpriseId,
    claims: &[(String, UserId)],
    usage: Usage,
    now: Timestamp,
) -> Result<u64> {
    if backend == crate::Backend::Sqlite {
        // SQLite joins an UPDATE … FROM (VALUES …) by scanning the pool for every value; one
        // prepared UPDATE per number uses the primary key and costs microseconds in-process.
        let mut claimed = 0;
        for (number, user) in claims {
            let done = sqlx::query(CLAIM)
                .bind(user.to_string())
                .bind(usage.as_str())
                .bind(now.millis())
                .bind(number.as_str())
                .bind(enterprise.to_string())
                .execute(&mut *conn)
                .await?;
            claimed += done.rows_affected();
        }
        return Ok(claimed);
    }
    // PostgreSQL: a VALUES list hash-joined to the pool, a few round trips for thousands.
    let per_statement = crate::bulk::rows_per_statement(2);
    let mut claimed = 0;
    for chunk in claims.chunks(per_statement) {
        let mut p = Placeholders::default();
        let (usage_p, now_p) = (p.fresh(), p.fresh());
        let values: Vec<String> = chunk
            .iter()
            .map(|_| format!("({}, {})", p.fresh(), p.fresh()))
            .collect();
        let enterprise_p = p.fresh();
        let sql = format!(
            "UPDATE numbers SET user_id = v.column2, usage = {usage_p}, assigned_at = {now_p} \
             FROM (VALUES {}) AS v WHERE numbers.number = v.column1 \
             AND numbers.enterprise_id = {enterprise_p} AND numbers.user_id IS NULL \
             AND numbers.group_id IS NULL AND numbers.site_id IS NULL",
            values.join(", ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(usage.as_str())
            .bind(now.millis());
        for (number, user) in chunk {
            query = query.bind(number.clone()).bind(user.to_string());
        }
        let done = query
            .bind(enterprise.to_string())
            .persistent(false)
            .execute(&mut *conn)
            .await?;
        claimed += done.rows_affected();
    }
    Ok(claimed)
}

/// N-6: frees one number of a user at once.
pub async fn release(conn: &mut Conn, number: &E164Number, user: UserId) -> Result<bool> {
    let done = sqlx::query("UPDATE numbers SET user_id = NULL, usage = NULL, assigned_at = NULL WHERE number = $1 AND user_id = $2")
        .bind(number.as_str())
        .bind(user.to_string())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// N-6: frees every number of a user; returns how many.
pub async fn release_all(conn: &mut Conn, user: UserId) -> Result<u64> {
    let done = sqlx::query(
        "UPDATE numbers SET user_id = NULL, usage = NULL, assigned_at = NULL WHERE user_id = $1",
    )
    .bind(user.to_string())
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// A user's alternative numbers, in order.
pub async fn alternatives_of(conn: &mut Conn, user: UserId) -> Result<Vec<E164Number>> {
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT number FROM numbers WHERE user_id = $1 AND usage = 'alternative' ORDER BY number",
    )
    .bind(user.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(E164Number::from_trusted).collect())
}

/// Filter of [`list`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    Any,
    Free,
    Assigned,
}

/// A page of the pool in number order, starting after `after`, optionally those starting with `prefix`.
pub async fn list(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    availability: Availability,
    prefix: Option<&str>,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<PoolNumber>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        number: String,
        enterprise_id: String,
        user_id: Option<String>,
        first_name: Option<String>,
        last_name: Option<String>,
        site_id: Option<String>,
        usage: Option<String>,
        group_id: Option<String>,
        group_name: Option<String>,
        main_site_id: Option<String>,
        main_site_name: Option<String>,
        created_at: i64,
    }
    let condition = match availability {
        Availability::Any => "",
        Availability::Free => " AND n.user_id IS NULL AND n.group_id IS NULL AND n.site_id IS NULL",
        Availability::Assigned => {
            " AND (n.user_id IS NOT NULL OR n.group_id IS NOT NULL OR n.site_id IS NOT NULL)"
        }
    };
    let sql = format!(
        "SELECT n.number, n.enterprise_id, n.user_id, u.first_name, u.last_name, u.site_id, n.usage, \
         n.group_id, g.name AS group_name, n.site_id AS main_site_id, s.name AS main_site_name, n.created_at \
         FROM numbers n LEFT JOIN users u ON u.id = n.user_id \
         LEFT JOIN call_groups g ON g.id = n.group_id LEFT JOIN sites s ON s.id = n.site_id \
         WHERE n.enterprise_id = $1 AND n.number > $2 AND n.number LIKE $3{condition} ORDER BY n.number LIMIT $4"
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(enterprise.to_string())
        .bind(after.unwrap_or(""))
        .bind(format!("{}%", prefix.unwrap_or("")))
        .bind(limit)
        .fetch_all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| PoolNumber {
            number: E164Number::from_trusted(r.number),
            enterprise_id: r.enterprise_id.parse().expect("stored ids are UUIDs"),
            user_id: r
                .user_id
                .map(|id| id.parse().expect("stored ids are UUIDs")),
            user_name: r
                .first_name
                .zip(r.last_name)
                .map(|(f, l)| format!("{f} {l}")),
            user_site_id: r.site_id.map(|s| s.parse().expect("stored ids are UUIDs")),
            usage: r.usage.map(|u| {
                if u == "primary" {
                    Usage::Primary
                } else {
                    Usage::Alternative
                }
            }),
            group: r
                .group_id
                .zip(r.group_name)
                .map(|(id, name)| (id.parse().expect("stored ids are UUIDs"), name)),
            main_of_site: r
                .main_site_id
                .zip(r.main_site_name)
                .map(|(id, name)| (id.parse().expect("stored ids are UUIDs"), name)),
            created_at: Timestamp::from_millis(r.created_at),
        })
        .collect())
}

/// The enterprise whose pool holds `number`, if any.
pub async fn owner(conn: &mut Conn, number: &E164Number) -> Result<Option<EnterpriseId>> {
    let owner: Option<String> =
        sqlx::query_scalar("SELECT enterprise_id FROM numbers WHERE number = $1")
            .bind(number.as_str())
            .fetch_optional(conn)
            .await?;
    Ok(owner.map(|e| e.parse().expect("stored ids are UUIDs")))
}
