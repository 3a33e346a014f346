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
