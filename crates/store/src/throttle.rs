//! Sign-in throttling (K-1), kept in the database so every `serve` process counts together.
//! A key's row is locked for the transaction that checks and counts an attempt, so parallel
//! guesses queue up behind each other instead of all passing one check.

use switchboard_domain::Timestamp;

use crate::{Conn, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Throttle {
    pub failures: i64,
    pub locked_until: Option<Timestamp>,
    pub updated_at: Timestamp,
}

/// The key's counters, its row created if needed and locked until the transaction ends.
pub async fn lock_row(conn: &mut Conn, key: &str, now: Timestamp) -> Result<Throttle> {
    sqlx::query(
        "INSERT INTO sign_in_throttle (throttle_key, failures, updated_at) VALUES ($1, 0, $2) \
         ON CONFLICT (throttle_key) DO NOTHING",
    )
    .bind(key)
    .bind(now.millis())
    .execute(&mut *conn)
    .await?;
    // A no-op update takes the row lock on PostgreSQL; SQLite's write transaction is exclusive.
    sqlx::query("UPDATE sign_in_throttle SET failures = failures WHERE throttle_key = $1")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    let (failures, locked_until, updated_at): (i64, Option<i64>, i64) = sqlx::query_as(
        "SELECT failures, locked_until, updated_at FROM sign_in_throttle WHERE throttle_key = $1",
    )
    .bind(key)
    .fetch_one(conn)
    .await?;
    Ok(Throttle {
        failures,
        locked_until: locked_until.map(Timestamp::from_millis),
        updated_at: Timestamp::from_millis(updated_at),
    })
}

pub async fn save(conn: &mut Conn, key: &str, t: &Throttle) -> Result<()> {
    sqlx::query(
        "UPDATE sign_in_throttle SET failures = $2, locked_until = $3, updated_at = $4 WHERE throttle_key = $1",
    )
    .bind(key)
    .bind(t.failures)
    .bind(t.locked_until.map(Timestamp::millis))
    .bind(t.updated_at.millis())
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn clear(conn: &mut Conn, key: &str) -> Result<()> {
    sqlx::query("DELETE FROM sign_in_throttle WHERE throttle_key = $1")
        .bind(key)
        .execute(conn)
        .await?;
    Ok(())
}
