//! Sign-in throttling (K-1), kept in the database so every `serve` process counts together.

use switchboard_domain::Timestamp;

use crate::{Conn, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Throttle {
    pub failures: i64,
    pub locked_until: Option<Timestamp>,
}

pub async fn get(conn: &mut Conn, key: &str) -> Result<Option<Throttle>> {
    let row: Option<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT failures, locked_until FROM sign_in_throttle WHERE throttle_key = $1",
    )
    .bind(key)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(failures, locked_until)| Throttle {
        failures,
        locked_until: locked_until.map(Timestamp::from_millis),
    }))
}

pub async fn clear(conn: &mut Conn, key: &str) -> Result<()> {
    sqlx::query("DELETE FROM sign_in_throttle WHERE throttle_key = $1")
        .bind(key)
        .execute(conn)
        .await?;
    Ok(())
}

/// Counts one more failure atomically (two processes failing at once both count) and returns
/// the new count.
pub async fn increment(conn: &mut Conn, key: &str, now: Timestamp) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO sign_in_throttle (throttle_key, failures, updated_at) VALUES ($1, 1, $2) \
         ON CONFLICT (throttle_key) DO UPDATE SET failures = sign_in_throttle.failures + 1, updated_at = excluded.updated_at \
         RETURNING failures",
    )
    .bind(key)
    .bind(now.millis())
    .fetch_one(conn)
    .await?)
}

pub async fn lock_until(conn: &mut Conn, key: &str, until: Timestamp) -> Result<()> {
    sqlx::query("UPDATE sign_in_throttle SET locked_until = $2 WHERE throttle_key = $1")
        .bind(key)
        .bind(until.millis())
        .execute(conn)
        .await?;
    Ok(())
}
