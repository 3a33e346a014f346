//! Each user's call services (S-1), stored as one document per user.

use switchboard_domain::{EnterpriseId, Timestamp, UserId};

use crate::{Conn, Result};

#[derive(Debug, Clone)]
pub struct Stored {
    pub settings_json: String,
    pub voicemail_pin_hash: Option<String>,
    pub version: i64,
}

pub async fn get(conn: &mut Conn, user: UserId) -> Result<Option<Stored>> {
    let row: Option<(String, Option<String>, i64)> = sqlx::query_as(
        "SELECT settings_json, voicemail_pin_hash, version FROM call_services WHERE user_id = $1",
    )
    .bind(user.to_string())
    .fetch_optional(conn)
    .await?;
    Ok(
        row.map(|(settings_json, voicemail_pin_hash, version)| Stored {
            settings_json,
            voicemail_pin_hash,
            version,
        }),
    )
}

/// Writes the document as version `version + 1` if it is still at `version` (0: none yet);
/// false when someone changed it meanwhile.
pub async fn put(
    conn: &mut Conn,
    user: UserId,
    enterprise: EnterpriseId,
    stored: &Stored,
    version: i64,
    now: Timestamp,
) -> Result<bool> {
    let done = if version == 0 {
        sqlx::query(
            "INSERT INTO call_services (user_id, enterprise_id, settings_json, voicemail_pin_hash, version, updated_at) \
             VALUES ($1, $2, $3, $4, 1, $5) ON CONFLICT (user_id) DO NOTHING",
        )
        .bind(user.to_string())
        .bind(enterprise.to_string())
        .bind(stored.settings_json.clone())
        .bind(stored.voicemail_pin_hash.clone())
        .bind(now.millis())
        .execute(conn)
        .await?
    } else {
        sqlx::query(
            "UPDATE call_services SET settings_json = $2, voicemail_pin_hash = $3, version = version + 1, updated_at = $4 \
             WHERE user_id = $1 AND version = $5",
        )
        .bind(user.to_string())
        .bind(stored.settings_json.clone())
        .bind(stored.voicemail_pin_hash.clone())
        .bind(now.millis())
        .bind(version)
        .execute(conn)
        .await?
    };
    Ok(done.rows_affected() == 1)
}

/// S-2: a line shown on a user's phone: the user whose line it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedLine {
    pub line_user_id: UserId,
    pub first_name: String,
    pub last_name: String,
    pub extension: String,
}

/// The other users' lines on `user`'s phone, in the order given.
pub async fn shared_lines(conn: &mut Conn, user: UserId) -> Result<Vec<SharedLine>> {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT u.id, u.first_name, u.last_name, u.extension FROM shared_lines s \
         JOIN users u ON u.id = s.line_user_id WHERE s.user_id = $1 ORDER BY s.position",
    )
    .bind(user.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, first_name, last_name, extension)| SharedLine {
            line_user_id: id.parse().expect("stored ids are UUIDs"),
            first_name,
            last_name,
            extension,
        })
        .collect())
}

pub async fn set_shared_lines(conn: &mut Conn, user: UserId, lines: &[UserId]) -> Result<()> {
    sqlx::query("DELETE FROM shared_lines WHERE user_id = $1")
        .bind(user.to_string())
        .execute(&mut *conn)
        .await?;
    for (position, line) in lines.iter().enumerate() {
        sqlx::query(
            "INSERT INTO shared_lines (user_id, line_user_id, position) VALUES ($1, $2, $3)",
        )
        .bind(user.to_string())
        .bind(line.to_string())
        .bind(position as i64)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The users whose phones show `line_user`'s line (L-4 tells them when it goes).
pub async fn phones_showing(conn: &mut Conn, line_user: UserId) -> Result<Vec<UserId>> {
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT user_id FROM shared_lines WHERE line_user_id = $1 ORDER BY user_id",
    )
    .bind(line_user.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|id| id.parse().expect("stored ids are UUIDs"))
        .collect())
}
