//! Small per-person settings of the portal (U-6: the users-list columns an administrator chose).

use switchboard_domain::Timestamp;

use crate::{Conn, Result};

pub async fn get(conn: &mut Conn, subject_id: &str, name: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT value FROM portal_preferences WHERE subject_id = $1 AND name = $2",
    )
    .bind(subject_id)
    .bind(name)
    .fetch_optional(conn)
    .await?)
}

pub async fn set(
    conn: &mut Conn,
    subject_id: &str,
    name: &str,
    value: &str,
    now: Timestamp,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO portal_preferences (subject_id, name, value, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (subject_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .bind(subject_id)
    .bind(name)
    .bind(value)
    .bind(now.millis())
    .execute(conn)
    .await?;
    Ok(())
}

/// A deleted person's settings go with their account (L-4).
pub async fn delete_for_subject(conn: &mut Conn, subject_id: &str) -> Result<()> {
    sqlx::query("DELETE FROM portal_preferences WHERE subject_id = $1")
        .bind(subject_id)
        .execute(conn)
        .await?;
    Ok(())
}
