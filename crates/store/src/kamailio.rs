//! Kamailio's database as Switchboard writes it (T-1): the digests in Kamailio's own
//! `subscriber` table, and what a call to the line does in `switchboard_lines`. Kamailio reads
//! both on every request (deploy/kamailio/kamailio.cfg), so a write here is in force on the next
//! SIP request. This is a different database from Switchboard's own; [`Db`] serves both.

use sqlx::Executor;

use crate::{Backend, Conn, Db, Result};

const SCHEMA_SQLITE: &str = include_str!("../../../deploy/kamailio/schema-sqlite.sql");
const SCHEMA_POSTGRES: &str = include_str!("../../../deploy/kamailio/schema-postgres.sql");

/// One line as Kamailio should know it. `number` is the primary number's digits, without `+`.
#[derive(Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Line {
    pub user_id: String,
    pub domain: String,
    pub username: String,
    pub ha1: String,
    pub ha1b: String,
    pub extension: String,
    pub number: Option<String>,
    pub state: String,
    pub intercept_user_id: Option<String>,
    pub intercept_action: Option<String>,
}

impl std::fmt::Debug for Line {
    // The digests are password equivalents for their realm: never in a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Line")
            .field("user_id", &self.user_id)
            .field("domain", &self.domain)
            .field("username", &self.username)
            .field("extension", &self.extension)
            .field("number", &self.number)
            .field("state", &self.state)
            .field("intercept_user_id", &self.intercept_user_id)
            .field("intercept_action", &self.intercept_action)
            .finish_non_exhaustive()
    }
}

/// A soft client of a line (S-5): its own user name and digests; it registers as the line.
#[derive(Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Device {
    pub username: String,
    pub ha1: String,
    pub ha1b: String,
}

impl std::fmt::Debug for Device {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Device")
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

/// Makes the user's soft clients exactly `devices`: one no longer there loses its digests, so
/// it cannot register again. True when anything changed.
pub async fn put_devices(
    conn: &mut Conn,
    user_id: &str,
    domain: &str,
    devices: &[Device],
) -> Result<bool> {
    let held: Vec<Device> = sqlx::query_as(
        "SELECT d.username, COALESCE(s.ha1, '') AS ha1, COALESCE(s.ha1b, '') AS ha1b \
         FROM switchboard_devices d LEFT JOIN subscriber s ON s.domain = d.domain AND s.username = d.username \
         WHERE d.user_id = $1 AND d.domain = $2 ORDER BY d.username",
    )
    .bind(user_id)
    .bind(domain)
    .fetch_all(&mut *conn)
    .await?;
    let mut wanted = devices.to_vec();
    wanted.sort_by(|a, b| a.username.cmp(&b.username));
    let stale: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM switchboard_devices WHERE user_id = $1 AND domain <> $2",
    )
    .bind(user_id)
    .bind(domain)
    .fetch_one(&mut *conn)
    .await?;
    if held == wanted && stale == 0 {
        return Ok(false);
    }
    let gone: Vec<(String, String)> =
        sqlx::query_as("SELECT domain, username FROM switchboard_devices WHERE user_id = $1")
            .bind(user_id)
            .fetch_all(&mut *conn)
            .await?;
    for (domain, username) in gone {
        remove_subscriber(conn, &domain, &username).await?;
    }
    sqlx::query("DELETE FROM switchboard_devices WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    for device in &wanted {
        sqlx::query(
            "INSERT INTO subscriber (username, domain, password, ha1, ha1b) VALUES ($1, $2, '', $3, $4) \
             ON CONFLICT (username, domain) DO UPDATE SET ha1 = excluded.ha1, ha1b = excluded.ha1b",
        )
        .bind(&device.username)
        .bind(domain)
        .bind(&device.ha1)
        .bind(&device.ha1b)
        .execute(&mut *conn)
        .await?;
        sqlx::query(
            "INSERT INTO switchboard_devices (domain, username, user_id) VALUES ($1, $2, $3)",
        )
        .bind(domain)
        .bind(&device.username)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(true)
}

/// Creates the tables Kamailio reads where they are missing; safe to run on every start.
pub async fn prepare(db: &Db) -> Result<()> {
    let schema = match db.backend() {
        Backend::Sqlite => SCHEMA_SQLITE,
        Backend::Postgres => SCHEMA_POSTGRES,
    };
    let mut tx = db.begin().await?;
    (&mut *tx).execute(sqlx::raw_sql(schema)).await?;
    tx.commit().await?;
    Ok(())
}

/// Writes the line and its digests, replacing what Kamailio knew of this user (a changed user
/// name frees the old one) and any stale line that still holds this user name.
pub async fn put(conn: &mut Conn, line: &Line, now_millis: i64) -> Result<()> {
    let previous: Option<(String, String)> =
        sqlx::query_as("SELECT domain, username FROM switchboard_lines WHERE user_id = $1")
            .bind(&line.user_id)
            .fetch_optional(&mut *conn)
            .await?;
    if let Some((domain, username)) = previous
        && (domain != line.domain || username != line.username)
    {
        sqlx::query("DELETE FROM subscriber WHERE domain = $1 AND username = $2")
            .bind(&domain)
            .bind(&username)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query(
        "DELETE FROM switchboard_lines WHERE domain = $1 AND username = $2 AND user_id <> $3",
    )
    .bind(&line.domain)
    .bind(&line.username)
    .bind(&line.user_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO subscriber (username, domain, password, ha1, ha1b) VALUES ($1, $2, '', $3, $4) \
         ON CONFLICT (username, domain) DO UPDATE SET ha1 = excluded.ha1, ha1b = excluded.ha1b",
    )
    .bind(&line.username)
    .bind(&line.domain)
    .bind(&line.ha1)
    .bind(&line.ha1b)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO switchboard_lines \
         (user_id, domain, username, extension, number, state, intercept_user_id, intercept_action, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (user_id) DO UPDATE SET domain = excluded.domain, username = excluded.username, \
         extension = excluded.extension, number = excluded.number, state = excluded.state, \
         intercept_user_id = excluded.intercept_user_id, intercept_action = excluded.intercept_action, \
         updated_at = excluded.updated_at",
    )
    .bind(&line.user_id)
    .bind(&line.domain)
    .bind(&line.username)
    .bind(&line.extension)
    .bind(&line.number)
    .bind(&line.state)
    .bind(&line.intercept_user_id)
    .bind(&line.intercept_action)
    .bind(now_millis)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Forgets the user's line and digests: the next REGISTER is refused, calls to them find no one.
/// True when there was something to forget.
pub async fn remove(conn: &mut Conn, user_id: &str, domain: &str, username: &str) -> Result<bool> {
    let devices = put_devices(conn, user_id, domain, &[]).await?;
    let lines = sqlx::query("DELETE FROM switchboard_lines WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    // The digests go unless the user name already belongs to someone else's line.
    let digests = sqlx::query(
        "DELETE FROM subscriber WHERE domain = $1 AND username = $2 \
         AND NOT EXISTS (SELECT 1 FROM switchboard_lines WHERE domain = $1 AND username = $2)",
    )
    .bind(domain)
    .bind(username)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(devices || lines + digests > 0)
}

/// Every line with its digests, in user id order (for the resync).
pub async fn lines(conn: &mut Conn) -> Result<Vec<Line>> {
    Ok(sqlx::query_as(
        "SELECT l.user_id, l.domain, l.username, COALESCE(s.ha1, '') AS ha1, COALESCE(s.ha1b, '') AS ha1b, \
         l.extension, l.number, l.state, l.intercept_user_id, l.intercept_action \
         FROM switchboard_lines l LEFT JOIN subscriber s ON s.domain = l.domain AND s.username = l.username \
         ORDER BY l.user_id",
    )
    .fetch_all(&mut *conn)
    .await?)
}

/// Digests of neither a line nor a soft client: left behind by a lost write, or written by hand.
pub async fn orphan_subscribers(conn: &mut Conn) -> Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT s.domain, s.username FROM subscriber s WHERE NOT EXISTS \
         (SELECT 1 FROM switchboard_lines l WHERE l.domain = s.domain AND l.username = s.username) \
         AND NOT EXISTS \
         (SELECT 1 FROM switchboard_devices d WHERE d.domain = s.domain AND d.username = s.username) \
         ORDER BY s.domain, s.username",
    )
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn remove_subscriber(conn: &mut Conn, domain: &str, username: &str) -> Result<()> {
    sqlx::query("DELETE FROM subscriber WHERE domain = $1 AND username = $2")
        .bind(domain)
        .bind(username)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
