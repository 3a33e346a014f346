//! Portal sessions (K-4): server-side, so several `serve` processes on one database share them
//! and revoking one is deleting its row. The cookie carries a random id; only its digest is kept.

use switchboard_domain::Timestamp;

use crate::{Conn, Result};

#[derive(Debug, Clone)]
pub struct Session {
    pub id_hash: String,
    pub subject_id: String,
    /// `second_step` (password checked, code pending), `password_change` (must change first), `full`.
    pub stage: String,
    pub csrf_token: String,
    pub created_at: Timestamp,
    pub last_seen_at: Timestamp,
    /// Absolute end, whatever the activity.
    pub expires_at: Timestamp,
    /// When the password (and second step) were last proven: "recent sign-in" for sensitive changes.
    pub authenticated_at: Timestamp,
    pub client_ip: Option<String>,
    pub user_agent: Option<String>,
    /// A pending one-time code: `email`, `sms` (sent) or `totp` (from the app).
    pub challenge_method: Option<String>,
    pub challenge_hash: Option<String>,
    pub challenge_attempts: i64,
    pub challenge_expires_at: Option<Timestamp>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id_hash: String,
    subject_id: String,
    stage: String,
    csrf_token: String,
    created_at: i64,
    last_seen_at: i64,
    expires_at: i64,
    authenticated_at: i64,
    client_ip: Option<String>,
    user_agent: Option<String>,
    challenge_method: Option<String>,
    challenge_hash: Option<String>,
    challenge_attempts: i64,
    challenge_expires_at: Option<i64>,
}

impl From<Row> for Session {
    fn from(r: Row) -> Self {
        Session {
            id_hash: r.id_hash,
            subject_id: r.subject_id,
            stage: r.stage,
            csrf_token: r.csrf_token,
            created_at: Timestamp::from_millis(r.created_at),
            last_seen_at: Timestamp::from_millis(r.last_seen_at),
            expires_at: Timestamp::from_millis(r.expires_at),
            authenticated_at: Timestamp::from_millis(r.authenticated_at),
            client_ip: r.client_ip,
            user_agent: r.user_agent,
            challenge_method: r.challenge_method,
            challenge_hash: r.challenge_hash,
            challenge_attempts: r.challenge_attempts,
            challenge_expires_at: r.challenge_expires_at.map(Timestamp::from_millis),
        }
    }
}

const COLUMNS: &str = "id_hash, subject_id, stage, csrf_token, created_at, last_seen_at, expires_at, authenticated_at, \
    client_ip, user_agent, challenge_method, challenge_hash, challenge_attempts, challenge_expires_at";

pub async fn insert(conn: &mut Conn, s: &Session) -> Result<()> {
    let sql = format!(
        "INSERT INTO portal_sessions ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&s.id_hash)
        .bind(&s.subject_id)
        .bind(&s.stage)
        .bind(&s.csrf_token)
        .bind(s.created_at.millis())
        .bind(s.last_seen_at.millis())
        .bind(s.expires_at.millis())
        .bind(s.authenticated_at.millis())
        .bind(s.client_ip.as_deref())
        .bind(s.user_agent.as_deref())
        .bind(s.challenge_method.as_deref())
        .bind(s.challenge_hash.as_deref())
        .bind(s.challenge_attempts)
        .bind(s.challenge_expires_at.map(Timestamp::millis))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn get(conn: &mut Conn, id_hash: &str) -> Result<Option<Session>> {
    let sql = format!("SELECT {COLUMNS} FROM portal_sessions WHERE id_hash = $1");
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id_hash)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(Into::into))
}

/// Writes back what a step of the sign-in changed (stage, challenge, attempts).
pub async fn update(conn: &mut Conn, s: &Session) -> Result<()> {
    sqlx::query(
        "UPDATE portal_sessions SET stage = $2, last_seen_at = $3, authenticated_at = $4, challenge_method = $5, \
         challenge_hash = $6, challenge_attempts = $7, challenge_expires_at = $8 WHERE id_hash = $1",
    )
    .bind(&s.id_hash)
    .bind(&s.stage)
    .bind(s.last_seen_at.millis())
    .bind(s.authenticated_at.millis())
    .bind(s.challenge_method.as_deref())
    .bind(s.challenge_hash.as_deref())
    .bind(s.challenge_attempts)
    .bind(s.challenge_expires_at.map(Timestamp::millis))
    .execute(conn)
    .await?;
    Ok(())
}

/// Records activity, at most once a minute so that page views do not all become writes.
pub async fn touch(conn: &mut Conn, id_hash: &str, now: Timestamp) -> Result<()> {
    sqlx::query(
        "UPDATE portal_sessions SET last_seen_at = $2 WHERE id_hash = $1 AND last_seen_at < $3",
    )
    .bind(id_hash)
    .bind(now.millis())
    .bind(now.millis() - 60_000)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn delete(conn: &mut Conn, id_hash: &str) -> Result<()> {
    sqlx::query("DELETE FROM portal_sessions WHERE id_hash = $1")
        .bind(id_hash)
        .execute(conn)
        .await?;
    Ok(())
}

/// Ends every session of a person, except `keep` (the one making the change). Returns how many.
pub async fn delete_for_subject(
    conn: &mut Conn,
    subject_id: &str,
    keep: Option<&str>,
) -> Result<u64> {
    let done = sqlx::query("DELETE FROM portal_sessions WHERE subject_id = $1 AND id_hash <> $2")
        .bind(subject_id)
        .bind(keep.unwrap_or(""))
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

pub async fn count_for_subject(conn: &mut Conn, subject_id: &str) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM portal_sessions WHERE subject_id = $1")
            .bind(subject_id)
            .fetch_one(conn)
            .await?,
    )
}

/// Removes sessions past their absolute end or idle for longer than `idle_ms`.
pub async fn purge_expired(conn: &mut Conn, now: Timestamp, idle_ms: i64) -> Result<u64> {
    let done =
        sqlx::query("DELETE FROM portal_sessions WHERE expires_at <= $1 OR last_seen_at <= $2")
            .bind(now.millis())
            .bind(now.millis() - idle_ms)
            .execute(conn)
            .await?;
    Ok(done.rows_affected())
}

/// Locks the session's row for this transaction (a no-op update; SQLite's writer is exclusive).
pub async fn lock(conn: &mut Conn, id_hash: &str) -> Result<()> {
    sqlx::query("UPDATE portal_sessions SET stage = stage WHERE id_hash = $1")
        .bind(id_hash)
        .execute(conn)
        .await?;
    Ok(())
}
