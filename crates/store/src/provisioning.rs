//! S-5: one-time soft-client provisioning tokens and the soft clients' own SIP digests.

use switchboard_domain::{EnterpriseId, Timestamp, UserId};

use crate::{Conn, Result};

/// A provisioning token as stored: its digest, never the token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub id: String,
    pub enterprise_id: EnterpriseId,
    pub user_id: UserId,
    pub variant: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub redeemed_at: Option<Timestamp>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    enterprise_id: String,
    user_id: String,
    variant: String,
    created_at: i64,
    expires_at: i64,
    redeemed_at: Option<i64>,
}

impl From<Row> for Token {
    fn from(r: Row) -> Self {
        Token {
            id: r.id,
            enterprise_id: r.enterprise_id.parse().expect("stored ids are UUIDs"),
            user_id: r.user_id.parse().expect("stored ids are UUIDs"),
            variant: r.variant,
            created_at: Timestamp::from_millis(r.created_at),
            expires_at: Timestamp::from_millis(r.expires_at),
            redeemed_at: r.redeemed_at.map(Timestamp::from_millis),
        }
    }
}

/// Stores a new token for a user's soft client, and retires the user's earlier unredeemed
/// tokens of the same variant (only the newest QR code works).
pub async fn issue(conn: &mut Conn, token: &Token, digest: &str) -> Result<()> {
    sqlx::query(
        "UPDATE provisioning_tokens SET expires_at = $3 \
         WHERE user_id = $1 AND variant = $2 AND redeemed_at IS NULL AND expires_at > $3",
    )
    .bind(token.user_id.to_string())
    .bind(&token.variant)
    .bind(token.created_at.millis())
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO provisioning_tokens \
         (id, token_digest, enterprise_id, user_id, variant, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&token.id)
    .bind(digest)
    .bind(token.enterprise_id.to_string())
    .bind(token.user_id.to_string())
    .bind(&token.variant)
    .bind(token.created_at.millis())
    .bind(token.expires_at.millis())
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn by_digest(conn: &mut Conn, digest: &str) -> Result<Option<Token>> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, enterprise_id, user_id, variant, created_at, expires_at, redeemed_at \
         FROM provisioning_tokens WHERE token_digest = $1",
    )
    .bind(digest)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(Into::into))
}

/// Marks the token redeemed if it still is not; false when another request was first.
pub async fn redeem(conn: &mut Conn, id: &str, now: Timestamp) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE provisioning_tokens SET redeemed_at = $2 WHERE id = $1 AND redeemed_at IS NULL",
    )
    .bind(id)
    .bind(now.millis())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A soft client's SIP login, as its digests.
#[derive(Debug, Clone)]
pub struct SoftClient {
    pub user_id: UserId,
    pub variant: String,
    pub enterprise_id: EnterpriseId,
    pub username: String,
    pub realm: String,
    pub ha1: String,
    pub ha1b: String,
    pub created_at: Timestamp,
}

/// Writes the soft client's login, replacing the user's earlier one of this variant.
pub async fn set_soft_client(conn: &mut Conn, c: &SoftClient) -> Result<()> {
    sqlx::query("DELETE FROM soft_client_credentials WHERE user_id = $1 AND variant = $2")
        .bind(c.user_id.to_string())
        .bind(&c.variant)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO soft_client_credentials \
         (user_id, variant, enterprise_id, username, realm, ha1, ha1b, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(c.user_id.to_string())
    .bind(&c.variant)
    .bind(c.enterprise_id.to_string())
    .bind(&c.username)
    .bind(&c.realm)
    .bind(&c.ha1)
    .bind(&c.ha1b)
    .bind(c.created_at.millis())
    .execute(conn)
    .await?;
    Ok(())
}

/// The variants of the user's soft clients that have a login, with when it was made.
pub async fn soft_clients_of(
    conn: &mut Conn,
    user: UserId,
) -> Result<Vec<(String, String, Timestamp)>> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT variant, username, created_at FROM soft_client_credentials WHERE user_id = $1 ORDER BY variant",
    )
    .bind(user.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(v, u, at)| (v, u, Timestamp::from_millis(at)))
        .collect())
}

/// Whether a desk phone or a soft client of the realm already signs in with `username`.
pub async fn username_taken(conn: &mut Conn, realm: &str, username: &str) -> Result<bool> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT username FROM sip_credentials WHERE realm = $1 AND username = $2 \
         UNION ALL SELECT username FROM soft_client_credentials WHERE realm = $1 AND username = $2",
    )
    .bind(realm)
    .bind(username)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}
