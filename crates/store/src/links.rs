//! One-time links (U-5): invitations and password resets. Only a digest of the token is kept;
//! a link is used at most once and expires.

use switchboard_domain::Timestamp;

use crate::{Conn, Result};

#[derive(Debug, Clone)]
pub struct Link {
    pub token_hash: String,
    /// `invitation` or `password_reset`.
    pub purpose: String,
    pub subject_id: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub used_at: Option<Timestamp>,
}

/// Stores a new link and voids the earlier unused ones of the same purpose: only the latest works.
pub async fn replace(conn: &mut Conn, link: &Link) -> Result<()> {
    sqlx::query(
        "UPDATE one_time_links SET used_at = $3 WHERE subject_id = $1 AND purpose = $2 AND used_at IS NULL",
    )
    .bind(&link.subject_id)
    .bind(&link.purpose)
    .bind(link.created_at.millis())
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO one_time_links (token_hash, purpose, subject_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&link.token_hash)
    .bind(&link.purpose)
    .bind(&link.subject_id)
    .bind(link.created_at.millis())
    .bind(link.expires_at.millis())
    .execute(conn)
    .await?;
    Ok(())
}

/// Inserts the first links of many new subjects (B-1: invitations of imported users); there are
/// no earlier ones to void.
pub async fn insert_many(conn: &mut Conn, backend: crate::Backend, links: &[Link]) -> Result<()> {
    crate::bulk::insert_rows(
        conn,
        backend,
        "one_time_links",
        "token_hash, purpose, subject_id, created_at, expires_at",
        5,
        links,
        |q, l| {
            q.bind(l.token_hash.clone())
                .bind(l.purpose.clone())
                .bind(l.subject_id.clone())
                .bind(l.created_at.millis())
                .bind(l.expires_at.millis())
        },
    )
    .await
}

/// The unused, unexpired link with this digest and purpose.
pub async fn find_live(
    conn: &mut Conn,
    token_hash: &str,
    purpose: &str,
    now: Timestamp,
) -> Result<Option<Link>> {
    let row: Option<(String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT token_hash, purpose, subject_id, created_at, expires_at FROM one_time_links \
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
    )
    .bind(token_hash)
    .bind(purpose)
    .bind(now.millis())
    .fetch_optional(conn)
    .await?;
    Ok(row.map(
        |(token_hash, purpose, subject_id, created_at, expires_at)| Link {
            token_hash,
            purpose,
            subject_id,
            created_at: Timestamp::from_millis(created_at),
            expires_at: Timestamp::from_millis(expires_at),
            used_at: None,
        },
    ))
}

/// Marks the link used; false when another request used it first.
pub async fn consume(conn: &mut Conn, token_hash: &str, now: Timestamp) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE one_time_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL",
    )
    .bind(token_hash)
    .bind(now.millis())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Voids every open link of a person (deleted or deactivated users, L-4/L-5).
pub async fn void_for_subject(conn: &mut Conn, subject_id: &str, now: Timestamp) -> Result<()> {
    sqlx::query("UPDATE one_time_links SET used_at = $2 WHERE subject_id = $1 AND used_at IS NULL")
        .bind(subject_id)
        .bind(now.millis())
        .execute(conn)
        .await?;
    Ok(())
}
