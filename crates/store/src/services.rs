//! Each user's call services (S-1) and each virtual user's (S-3), stored as one document per
//! holder; a user's shared lines (S-2).

use switchboard_domain::{EnterpriseId, GroupId, SiteId, Timestamp, UserId};

use crate::{Conn, Result};

#[derive(Debug, Clone)]
pub struct Stored {
    pub settings_json: String,
    pub voicemail_pin_hash: Option<String>,
    pub version: i64,
}

/// Whose services a document holds: a user's (S-1), or a virtual user's — a hunt group, call
/// centre or auto attendant (S-3).
#[derive(Debug, Clone, Copy)]
pub enum Holder {
    User(UserId),
    Group(GroupId),
}

impl Holder {
    /// The table and its key column.
    fn table(self) -> (&'static str, &'static str) {
        match self {
            Holder::User(_) => ("call_services", "user_id"),
            Holder::Group(_) => ("group_services", "group_id"),
        }
    }

    fn id(self) -> String {
        match self {
            Holder::User(id) => id.to_string(),
            Holder::Group(id) => id.to_string(),
        }
    }
}

pub async fn get(conn: &mut Conn, user: UserId) -> Result<Option<Stored>> {
    get_of(conn, Holder::User(user)).await
}

pub async fn get_of(conn: &mut Conn, holder: Holder) -> Result<Option<Stored>> {
    let (table, key) = holder.table();
    let row: Option<(String, Option<String>, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT settings_json, voicemail_pin_hash, version FROM {table} WHERE {key} = $1"
    )))
    .bind(holder.id())
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
    put_of(conn, Holder::User(user), enterprise, stored, version, now).await
}

pub async fn put_of(
    conn: &mut Conn,
    holder: Holder,
    enterprise: EnterpriseId,
    stored: &Stored,
    version: i64,
    now: Timestamp,
) -> Result<bool> {
    let (table, key) = holder.table();
    let done = if version == 0 {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO {table} ({key}, enterprise_id, settings_json, voicemail_pin_hash, version, updated_at) \
             VALUES ($1, $2, $3, $4, 1, $5) ON CONFLICT ({key}) DO NOTHING"
        )))
        .bind(holder.id())
        .bind(enterprise.to_string())
        .bind(stored.settings_json.clone())
        .bind(stored.voicemail_pin_hash.clone())
        .bind(now.millis())
        .execute(conn)
        .await?
    } else {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE {table} SET settings_json = $2, voicemail_pin_hash = $3, version = version + 1, updated_at = $4 \
             WHERE {key} = $1 AND version = $5"
        )))
        .bind(holder.id())
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

/// S-6: the users of a site who show callers its main number (their caller ID is `site`).
pub async fn showing_site_number(conn: &mut Conn, site: SiteId) -> Result<Vec<UserId>> {
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT u.id FROM users u JOIN call_services s ON s.user_id = u.id \
         WHERE u.site_id = $1 AND s.settings_json LIKE '%\"caller_id\":\"site\"%' ORDER BY u.id",
    )
    .bind(site.to_string())
    .fetch_all(conn)
    .await?;
    Ok(ids
        .into_iter()
        .map(|id| id.parse().expect("stored ids are UUIDs"))
        .collect())
}
