//! S-1: a user's voicemail messages, as the media server records them.

use switchboard_domain::{EnterpriseId, Timestamp, UserId, VoicemailId};

use crate::{Conn, Result};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct VoicemailMessage {
    pub id: VoicemailId,
    pub user_id: UserId,
    pub enterprise_id: EnterpriseId,
    /// The caller's number or extension as the phone system saw it; `anonymous` when withheld.
    pub caller: String,
    pub received_at: Timestamp,
    pub duration_seconds: i64,
    pub heard_at: Option<Timestamp>,
}

type Row = (String, String, String, String, i64, i64, Option<i64>);

fn message((id, user, enterprise, caller, at, duration, heard): Row) -> VoicemailMessage {
    VoicemailMessage {
        id: id.parse().expect("stored ids are UUIDs"),
        user_id: user.parse().expect("stored ids are UUIDs"),
        enterprise_id: enterprise.parse().expect("stored ids are UUIDs"),
        caller,
        received_at: Timestamp::from_millis(at),
        duration_seconds: duration,
        heard_at: heard.map(Timestamp::from_millis),
    }
}

const COLUMNS: &str = "id, user_id, enterprise_id, caller, received_at, duration_seconds, heard_at";

pub async fn insert(conn: &mut Conn, m: &VoicemailMessage) -> Result<()> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO voicemail_messages ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)"
    )))
    .bind(m.id.to_string())
    .bind(m.user_id.to_string())
    .bind(m.enterprise_id.to_string())
    .bind(m.caller.clone())
    .bind(m.received_at.millis())
    .bind(m.duration_seconds)
    .bind(m.heard_at.map(|t| t.millis()))
    .execute(conn)
    .await?;
    Ok(())
}

/// The user's messages, newest first (at most `limit`).
pub async fn of_user(conn: &mut Conn, user: UserId, limit: i64) -> Result<Vec<VoicemailMessage>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM voicemail_messages WHERE user_id = $1 ORDER BY received_at DESC, id DESC LIMIT $2"
    )))
    .bind(user.to_string())
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(message).collect())
}

/// Marks one of the user's messages heard; false when the user has no such message.
pub async fn mark_heard(
    conn: &mut Conn,
    user: UserId,
    id: VoicemailId,
    now: Timestamp,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE voicemail_messages SET heard_at = COALESCE(heard_at, $3) WHERE user_id = $1 AND id = $2",
    )
    .bind(user.to_string())
    .bind(id.to_string())
    .bind(now.millis())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes one of the user's messages; false when the user has no such message.
pub async fn delete(conn: &mut Conn, user: UserId, id: VoicemailId) -> Result<bool> {
    let done = sqlx::query("DELETE FROM voicemail_messages WHERE user_id = $1 AND id = $2")
        .bind(user.to_string())
        .bind(id.to_string())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}
