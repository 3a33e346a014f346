//! API bearer tokens (K-2): only a SHA-256 digest of each token is stored.

use switchboard_domain::{EnterpriseId, SiteId, Timestamp, TokenId, UserId};

use crate::{Conn, Result};

#[derive(Debug, Clone, serde::Serialize)]
pub struct ApiToken {
    pub id: TokenId,
    pub name: String,
    #[serde(skip)]
    pub token_hash: String,
    /// `operator`, `enterprise` or `site`.
    pub scope: String,
    pub enterprise_id: Option<EnterpriseId>,
    pub site_id: Option<SiteId>,
    pub role: String,
    /// For `personal` tokens: the person (a user id, or an operator id) whose rights it carries.
    pub user_id: Option<UserId>,
    pub created_at: Timestamp,
    pub expires_at: Option<Timestamp>,
    pub last_used_at: Option<Timestamp>,
    pub revoked_at: Option<Timestamp>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    name: String,
    token_hash: String,
    scope: String,
    enterprise_id: Option<String>,
    site_id: Option<String>,
    role: String,
    user_id: Option<String>,
    created_at: i64,
    expires_at: Option<i64>,
    last_used_at: Option<i64>,
    revoked_at: Option<i64>,
}

fn parse<T: std::str::FromStr>(s: String) -> T
where
    T::Err: std::fmt::Debug,
{
    s.parse().expect("stored ids are UUIDs")
}

impl From<Row> for ApiToken {
    fn from(r: Row) -> Self {
        ApiToken {
            id: parse(r.id),
            name: r.name,
            token_hash: r.token_hash,
            scope: r.scope,
            enterprise_id: r.enterprise_id.map(parse),
            site_id: r.site_id.map(parse),
            role: r.role,
            user_id: r.user_id.map(parse),
            created_at: Timestamp::from_millis(r.created_at),
            expires_at: r.expires_at.map(Timestamp::from_millis),
            last_used_at: r.last_used_at.map(Timestamp::from_millis),
            revoked_at: r.revoked_at.map(Timestamp::from_millis),
        }
    }
}

const COLUMNS: &str = "id, name, token_hash, scope, enterprise_id, site_id, role, user_id, created_at, expires_at, last_used_at, revoked_at";

pub async fn insert(conn: &mut Conn, t: &ApiToken) -> Result<()> {
    sqlx::query(
        "INSERT INTO api_tokens (id, name, token_hash, scope, enterprise_id, site_id, role, user_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(t.id.to_string())
    .bind(&t.name)
    .bind(&t.token_hash)
    .bind(&t.scope)
    .bind(t.enterprise_id.map(|e| e.to_string()))
    .bind(t.site_id.map(|s| s.to_string()))
    .bind(&t.role)
    .bind(t.user_id.map(|u| u.to_string()))
    .bind(t.created_at.millis())
    .bind(t.expires_at.map(Timestamp::millis))
    .execute(conn)
    .await?;
    Ok(())
}

/// The token with this digest, if it exists and is neither revoked nor expired.
pub async fn find_live(
    conn: &mut Conn,
    token_hash: &str,
    now: Timestamp,
) -> Result<Option<ApiToken>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)"
    );
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(token_hash)
        .bind(now.millis())
        .fetch_optional(conn)
        .await?;
    Ok(row.map(Into::into))
}

pub async fn get(conn: &mut Conn, id: TokenId) -> Result<Option<ApiToken>> {
    let sql = format!("SELECT {COLUMNS} FROM api_tokens WHERE id = $1");
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.to_string())
        .fetch_optional(conn)
        .await?;
    Ok(row.map(Into::into))
}

/// Tokens of one enterprise, or all when `enterprise` is `None` (operators).
pub async fn list(conn: &mut Conn, enterprise: Option<EnterpriseId>) -> Result<Vec<ApiToken>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM api_tokens WHERE ($1 = '' OR enterprise_id = $1) ORDER BY id DESC LIMIT 1000"
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(enterprise.map(|e| e.to_string()).unwrap_or_default())
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

pub async fn revoke(conn: &mut Conn, id: TokenId, now: Timestamp) -> Result<()> {
    sqlx::query("UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL")
        .bind(id.to_string())
        .bind(now.millis())
        .execute(conn)
        .await?;
    Ok(())
}

/// L-4: a deleted user's tokens stop working on the very next request.
pub async fn revoke_for_user(conn: &mut Conn, user: UserId, now: Timestamp) -> Result<u64> {
    let done = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL",
    )
    .bind(user.to_string())
    .bind(now.millis())
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// Records use at most once a minute, so that reads do not all turn into writes.
pub async fn touch(conn: &mut Conn, id: TokenId, now: Timestamp) -> Result<()> {
    sqlx::query("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $3)")
        .bind(id.to_string())
        .bind(now.millis())
        .bind(now.millis() - 60_000)
        .execute(conn)
        .await?;
    Ok(())
}

/// A person's own tokens (K-2), newest first.
pub async fn list_for_user(conn: &mut Conn, subject_id: &str) -> Result<Vec<ApiToken>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM api_tokens WHERE user_id = $1 AND scope = 'personal' ORDER BY id DESC LIMIT 200"
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(subject_id)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}
