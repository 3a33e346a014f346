//! Kamailio's database as Switchboard writes it (T-1): the digests in Kamailio's own
//! `subscriber` table, what a call to the line does in `switchboard_lines` and
//! `switchboard_call_services`, and the groups that ring their members in `switchboard_groups`.
//! Kamailio reads them on every request (deploy/kamailio/kamailio.cfg), so a write here is in
//! force on the next SIP request. This is a different database from Switchboard's own; [`Db`]
//! serves both.

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
    /// L-5: a call-centre queue receives the deactivated line's callers instead of a user.
    pub intercept_group_id: Option<String>,
    pub intercept_action: Option<String>,
    /// S-1, S-6: the call services Kamailio applies; none when the user set none.
    #[sqlx(skip)]
    pub services: Option<LineServices>,
}

/// What Kamailio does with a call to an active line before and after it rings (S-1), and what
/// the line's callers are shown (S-6). Destinations are extensions or a number's digits.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineServices {
    pub do_not_disturb: bool,
    pub reject_anonymous: bool,
    pub forward_always: Option<String>,
    pub forward_busy: Option<String>,
    pub forward_no_answer: Option<String>,
    pub no_answer_seconds: i32,
    pub forward_unreachable: Option<String>,
    /// `withheld`, or the digits of the number shown; none: the line's own number.
    pub caller_id: Option<String>,
    /// S-2: the network class, and the country code its `national` is about.
    pub network_class: String,
    pub country_code: Option<String>,
    /// S-1, S-2: extensions or numbers' digits that ring along, in order.
    pub ring_along: Vec<String>,
}

/// A hunt group or call centre that rings its members, or an auto attendant (G-1, G-2, G-6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RingGroup {
    pub group_id: String,
    pub domain: String,
    pub kind: String,
    pub extension: String,
    /// The digits of the pool number that reaches the group, without `+`.
    pub number: Option<String>,
    pub ring_policy: Option<String>,
    pub no_answer_seconds: i32,
    pub forward_to: Option<String>,
    /// S-3: every call forwarded there instead.
    pub forward_always: Option<String>,
    /// Members (a call centre's agents) in ring order, with their weights.
    pub members: Vec<(String, i32)>,
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
            .field("intercept_group_id", &self.intercept_group_id)
            .field("intercept_action", &self.intercept_action)
            .field("services", &self.services)
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
    // Columns added after a table was first made (CREATE TABLE IF NOT EXISTS keeps old tables).
    for (table, column, ty) in [("switchboard_lines", "intercept_group_id", "VARCHAR(36)")] {
        let present: i64 = match db.backend() {
            Backend::Sqlite => {
                sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                    "SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'"
                )))
                .fetch_one(&mut *tx)
                .await?
            }
            Backend::Postgres => {
                sqlx::query_scalar(
                    "SELECT COUNT(*) FROM information_schema.columns WHERE table_name = $1 AND column_name = $2",
                )
                .bind(table)
                .bind(column)
                .fetch_one(&mut *tx)
                .await?
            }
        };
        if present == 0 {
            (&mut *tx)
                .execute(sqlx::AssertSqlSafe(format!(
                    "ALTER TABLE {table} ADD COLUMN {column} {ty}"
                )))
                .await?;
        }
    }
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
         (user_id, domain, username, extension, number, state, intercept_user_id, intercept_action, updated_at, \
         intercept_group_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (user_id) DO UPDATE SET domain = excluded.domain, username = excluded.username, \
         extension = excluded.extension, number = excluded.number, state = excluded.state, \
         intercept_user_id = excluded.intercept_user_id, intercept_action = excluded.intercept_action, \
         updated_at = excluded.updated_at, intercept_group_id = excluded.intercept_group_id",
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
    .bind(&line.intercept_group_id)
    .execute(&mut *conn)
    .await?;
    put_services(conn, &line.user_id, line.services.as_ref()).await
}

async fn put_services(
    conn: &mut Conn,
    user_id: &str,
    services: Option<&LineServices>,
) -> Result<()> {
    for table in ["switchboard_call_services", "switchboard_ring_along"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE user_id = $1"
        )))
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    }
    let Some(services) = services else {
        return Ok(());
    };
    for (position, destination) in services.ring_along.iter().enumerate() {
        sqlx::query(
            "INSERT INTO switchboard_ring_along (user_id, position, destination) VALUES ($1, $2, $3)",
        )
        .bind(user_id)
        .bind(position as i32)
        .bind(destination)
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query(
        "INSERT INTO switchboard_call_services (user_id, do_not_disturb, reject_anonymous, \
         forward_always, forward_busy, forward_no_answer, no_answer_seconds, forward_unreachable, caller_id, \
         network_class, country_code) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(user_id)
    .bind(i16::from(services.do_not_disturb))
    .bind(i16::from(services.reject_anonymous))
    .bind(&services.forward_always)
    .bind(&services.forward_busy)
    .bind(&services.forward_no_answer)
    .bind(services.no_answer_seconds)
    .bind(&services.forward_unreachable)
    .bind(&services.caller_id)
    .bind(&services.network_class)
    .bind(&services.country_code)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Forgets the user's line and digests: the next REGISTER is refused, calls to them find no one.
/// True when there was something to forget.
pub async fn remove(conn: &mut Conn, user_id: &str, domain: &str, username: &str) -> Result<bool> {
    let devices = put_devices(conn, user_id, domain, &[]).await?;
    put_services(conn, user_id, None).await?;
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

/// Every line with its digests and call services, in user id order (for the resync).
pub async fn lines(conn: &mut Conn) -> Result<Vec<Line>> {
    let mut lines: Vec<Line> = sqlx::query_as(
        "SELECT l.user_id, l.domain, l.username, COALESCE(s.ha1, '') AS ha1, COALESCE(s.ha1b, '') AS ha1b, \
         l.extension, l.number, l.state, l.intercept_user_id, l.intercept_group_id, l.intercept_action \
         FROM switchboard_lines l LEFT JOIN subscriber s ON s.domain = l.domain AND s.username = l.username \
         ORDER BY l.user_id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let rows: Vec<ServicesRow> = sqlx::query_as(
        "SELECT user_id, do_not_disturb, reject_anonymous, forward_always, forward_busy, \
         forward_no_answer, no_answer_seconds, forward_unreachable, caller_id, network_class, country_code \
         FROM switchboard_call_services",
    )
    .fetch_all(&mut *conn)
    .await?;
    let along: Vec<(String, String)> = sqlx::query_as(
        "SELECT user_id, destination FROM switchboard_ring_along ORDER BY user_id, position",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut ring_along: std::collections::HashMap<String, Vec<String>> = Default::default();
    for (user, destination) in along {
        ring_along.entry(user).or_default().push(destination);
    }
    let mut services: std::collections::HashMap<String, LineServices> = rows
        .into_iter()
        .map(|r| {
            let services = LineServices {
                do_not_disturb: r.do_not_disturb != 0,
                reject_anonymous: r.reject_anonymous != 0,
                forward_always: r.forward_always,
                forward_busy: r.forward_busy,
                forward_no_answer: r.forward_no_answer,
                no_answer_seconds: r.no_answer_seconds,
                forward_unreachable: r.forward_unreachable,
                caller_id: r.caller_id,
                network_class: r.network_class,
                country_code: r.country_code,
                ring_along: ring_along.remove(&r.user_id).unwrap_or_default(),
            };
            (r.user_id, services)
        })
        .collect();
    for line in &mut lines {
        line.services = services.remove(&line.user_id);
    }
    Ok(lines)
}

/// A row of `switchboard_call_services`; Kamailio reads its flags as 0 or 1.
#[derive(sqlx::FromRow)]
struct ServicesRow {
    user_id: String,
    do_not_disturb: i16,
    reject_anonymous: i16,
    forward_always: Option<String>,
    forward_busy: Option<String>,
    forward_no_answer: Option<String>,
    no_answer_seconds: i32,
    forward_unreachable: Option<String>,
    caller_id: Option<String>,
    network_class: String,
    country_code: Option<String>,
}

/// Call services whose line is gone: left behind by a lost write, or written by hand.
pub async fn orphan_services(conn: &mut Conn) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT c.user_id FROM switchboard_call_services c WHERE NOT EXISTS \
         (SELECT 1 FROM switchboard_lines l WHERE l.user_id = c.user_id) \
         UNION SELECT r.user_id FROM switchboard_ring_along r WHERE NOT EXISTS \
         (SELECT 1 FROM switchboard_lines l WHERE l.user_id = r.user_id) ORDER BY 1",
    )
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn remove_services(conn: &mut Conn, user_id: &str) -> Result<()> {
    put_services(conn, user_id, None).await
}

/// Writes the group and its members, replacing what Kamailio knew of it.
pub async fn put_group(conn: &mut Conn, group: &RingGroup, now_millis: i64) -> Result<()> {
    remove_group(conn, &group.group_id).await?;
    sqlx::query(
        "INSERT INTO switchboard_groups (group_id, domain, kind, extension, number, ring_policy, \
         no_answer_seconds, forward_to, forward_always, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&group.group_id)
    .bind(&group.domain)
    .bind(&group.kind)
    .bind(&group.extension)
    .bind(&group.number)
    .bind(&group.ring_policy)
    .bind(group.no_answer_seconds)
    .bind(&group.forward_to)
    .bind(&group.forward_always)
    .bind(now_millis)
    .execute(&mut *conn)
    .await?;
    for (position, (user_id, weight)) in group.members.iter().enumerate() {
        sqlx::query(
            "INSERT INTO switchboard_group_members (group_id, user_id, position, weight) VALUES ($1, $2, $3, $4)",
        )
        .bind(&group.group_id)
        .bind(user_id)
        .bind(position as i32)
        .bind(*weight)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Forgets the group: its extension and number reach no one. True when it was there.
pub async fn remove_group(conn: &mut Conn, group_id: &str) -> Result<bool> {
    sqlx::query("DELETE FROM switchboard_group_members WHERE group_id = $1")
        .bind(group_id)
        .execute(&mut *conn)
        .await?;
    let removed = sqlx::query("DELETE FROM switchboard_groups WHERE group_id = $1")
        .bind(group_id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(removed > 0)
}

/// A row of `switchboard_groups`.
#[derive(sqlx::FromRow)]
struct GroupRow {
    group_id: String,
    domain: String,
    kind: String,
    extension: String,
    number: Option<String>,
    ring_policy: Option<String>,
    no_answer_seconds: i32,
    forward_to: Option<String>,
    forward_always: Option<String>,
}

/// Every group with its members, in group id order (for the resync).
pub async fn groups(conn: &mut Conn) -> Result<Vec<RingGroup>> {
    let rows: Vec<GroupRow> = sqlx::query_as(
        "SELECT group_id, domain, kind, extension, number, ring_policy, no_answer_seconds, forward_to, \
         forward_always FROM switchboard_groups ORDER BY group_id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let members: Vec<(String, String, i32)> = sqlx::query_as(
        "SELECT group_id, user_id, weight FROM switchboard_group_members ORDER BY group_id, position",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut by_group: std::collections::HashMap<String, Vec<(String, i32)>> = Default::default();
    for (group, user, weight) in members {
        by_group.entry(group).or_default().push((user, weight));
    }
    Ok(rows
        .into_iter()
        .map(|r| RingGroup {
            members: by_group.remove(&r.group_id).unwrap_or_default(),
            group_id: r.group_id,
            domain: r.domain,
            kind: r.kind,
            extension: r.extension,
            number: r.number,
            ring_policy: r.ring_policy,
            no_answer_seconds: r.no_answer_seconds,
            forward_to: r.forward_to,
            forward_always: r.forward_always,
        })
        .collect())
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
