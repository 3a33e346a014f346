//! Hunt groups, call centres, call pickup and call park groups (G-1, G-2, G-3), their ordered
//! members (a call centre's agents) and a call centre's supervisors.

use switchboard_domain::menu::AutoAttendantMenus;
use switchboard_domain::{
    E164Number, EnterpriseId, Extension, GroupId, GroupKind, GroupName, RingPolicy, SiteId,
    Timestamp, UserId, UserState,
};

use crate::{Conn, Result};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Group {
    pub id: GroupId,
    pub enterprise_id: EnterpriseId,
    pub site_id: SiteId,
    pub kind: GroupKind,
    pub name: GroupName,
    /// Hunt groups: how they are reached, how they ring, and where an unanswered call goes.
    pub extension: Option<Extension>,
    pub ring_policy: Option<RingPolicy>,
    pub no_answer_seconds: Option<i64>,
    pub forward_to: Option<String>,
    /// Park groups: when a parked call rings back.
    pub recall_seconds: Option<i64>,
    /// Call centres: how many calls wait before the next overflows to `forward_to`.
    pub queue_length: Option<i64>,
    /// Auto attendants (G-6): business hours and the two menus.
    pub menu: Option<AutoAttendantMenus>,
    /// Hunt groups, call centres, auto attendants: the number of the pool callers dial to
    /// reach them (G-1), held in the pool's table, not here.
    pub number: Option<E164Number>,
    pub version: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A member as a group's page lists them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Member {
    pub user_id: UserId,
    pub first_name: String,
    pub last_name: String,
    pub extension: String,
    pub state: UserState,
    /// G-1: their share of calls under the weighted ring policy (supervisors: 1).
    pub weight: i64,
}

/// A group in a list, with its member count.
#[derive(Debug, Clone)]
pub struct Listed {
    pub group: Group,
    pub members: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    enterprise_id: String,
    site_id: String,
    kind: String,
    name: String,
    extension: Option<String>,
    ring_policy: Option<String>,
    no_answer_seconds: Option<i64>,
    forward_to: Option<String>,
    recall_seconds: Option<i64>,
    queue_length: Option<i64>,
    menu_json: Option<String>,
    number: Option<String>,
    version: i64,
    created_at: i64,
    updated_at: i64,
}

impl From<Row> for Group {
    fn from(r: Row) -> Self {
        Group {
            id: r.id.parse().expect("stored ids are UUIDs"),
            enterprise_id: r.enterprise_id.parse().expect("stored ids are UUIDs"),
            site_id: r.site_id.parse().expect("stored ids are UUIDs"),
            kind: GroupKind::parse(&r.kind).expect("the CHECK constraint holds"),
            name: GroupName::from_trusted(r.name),
            extension: r.extension.map(Extension::from_trusted),
            ring_policy: r.ring_policy.as_deref().and_then(RingPolicy::parse),
            no_answer_seconds: r.no_answer_seconds,
            forward_to: r.forward_to,
            recall_seconds: r.recall_seconds,
            queue_length: r.queue_length,
            menu: r
                .menu_json
                .map(|json| serde_json::from_str(&json).expect("menus are stored as written")),
            number: r.number.map(E164Number::from_trusted),
            version: r.version,
            created_at: Timestamp::from_millis(r.created_at),
            updated_at: Timestamp::from_millis(r.updated_at),
        }
    }
}

const COLUMNS: &str = "id, enterprise_id, site_id, kind, name, extension, ring_policy, \
    no_answer_seconds, forward_to, recall_seconds, queue_length, menu_json, version, created_at, updated_at";

/// What a SELECT of groups aliased `g` reads: the columns, and the number the group holds.
fn selected() -> String {
    let mut columns: Vec<String> = COLUMNS
        .split(", ")
        .map(|c| format!("g.{}", c.trim()))
        .collect();
    columns.push("(SELECT n.number FROM numbers n WHERE n.group_id = g.id) AS number".into());
    columns.join(", ")
}

fn menu_json(g: &Group) -> Option<String> {
    g.menu
        .as_ref()
        .map(|m| serde_json::to_string(m).expect("menus serialize"))
}

pub async fn insert(conn: &mut Conn, g: &Group) -> Result<()> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO call_groups ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
    )))
    .bind(g.id.to_string())
    .bind(g.enterprise_id.to_string())
    .bind(g.site_id.to_string())
    .bind(g.kind.as_str())
    .bind(g.name.as_str())
    .bind(g.extension.as_ref().map(|e| e.as_str().to_owned()))
    .bind(g.ring_policy.map(|p| p.as_str()))
    .bind(g.no_answer_seconds)
    .bind(g.forward_to.clone())
    .bind(g.recall_seconds)
    .bind(g.queue_length)
    .bind(menu_json(g))
    .bind(g.version)
    .bind(g.created_at.millis())
    .bind(g.updated_at.millis())
    .execute(conn)
    .await?;
    Ok(())
}

/// Writes `g` if it is still at `version`; false when someone changed it meanwhile.
pub async fn update(conn: &mut Conn, g: &Group, version: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE call_groups SET name = $2, extension = $3, ring_policy = $4, no_answer_seconds = $5, \
         forward_to = $6, recall_seconds = $7, version = $8, updated_at = $9, queue_length = $11, \
         menu_json = $12 WHERE id = $1 AND version = $10",
    )
    .bind(g.id.to_string())
    .bind(g.name.as_str())
    .bind(g.extension.as_ref().map(|e| e.as_str().to_owned()))
    .bind(g.ring_policy.map(|p| p.as_str()))
    .bind(g.no_answer_seconds)
    .bind(g.forward_to.clone())
    .bind(g.recall_seconds)
    .bind(g.version)
    .bind(g.updated_at.millis())
    .bind(version)
    .bind(g.queue_length)
    .bind(menu_json(g))
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn get(conn: &mut Conn, id: GroupId) -> Result<Option<Group>> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM call_groups g WHERE g.id = $1",
        selected()
    )))
    .bind(id.to_string())
    .fetch_optional(conn)
    .await?;
    Ok(row.map(Into::into))
}

/// Deletes a group; its number goes back to the pool (N-6).
pub async fn delete(conn: &mut Conn, id: GroupId) -> Result<()> {
    crate::numbers::release_of(&mut *conn, crate::numbers::Holder::Group(id)).await?;
    sqlx::query("DELETE FROM call_group_members WHERE group_id = $1")
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM call_groups WHERE id = $1")
        .bind(id.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

/// The groups of an enterprise, by kind then name; only those of `sites` when given (a site
/// administrator's reach).
pub async fn list(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    kind: Option<GroupKind>,
    sites: Option<&[SiteId]>,
) -> Result<Vec<Listed>> {
    #[derive(sqlx::FromRow)]
    struct Counted {
        #[sqlx(flatten)]
        row: Row,
        members: i64,
    }
    let columns = selected();
    let of_kind = if kind.is_some() {
        "AND g.kind = $2"
    } else {
        ""
    };
    let query = format!(
        "SELECT {columns}, (SELECT COUNT(*) FROM call_group_members m WHERE m.group_id = g.id) AS members \
         FROM call_groups g WHERE g.enterprise_id = $1 {of_kind} ORDER BY g.kind, g.name, g.id"
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(query)).bind(enterprise.to_string());
    if let Some(kind) = kind {
        query = query.bind(kind.as_str());
    }
    let rows: Vec<Counted> = query.fetch_all(conn).await?;
    Ok(rows
        .into_iter()
        .map(|c| Listed {
            group: c.row.into(),
            members: c.members,
        })
        .filter(|l| sites.is_none_or(|s| s.contains(&l.group.site_id)))
        .collect())
}

/// The members of a group, in ring order.
pub async fn members(conn: &mut Conn, id: GroupId) -> Result<Vec<Member>> {
    people(
        conn,
        "SELECT u.id, u.first_name, u.last_name, u.extension, u.state, COALESCE(m.weight, 1) \
         FROM call_group_members m JOIN users u ON u.id = m.user_id WHERE m.group_id = $1 \
         ORDER BY m.position",
        id.to_string(),
    )
    .await
}

/// G-2: a call centre's supervisors, by name.
pub async fn supervisors(conn: &mut Conn, id: GroupId) -> Result<Vec<Member>> {
    people(
        conn,
        "SELECT u.id, u.first_name, u.last_name, u.extension, u.state, CAST(1 AS BIGINT) FROM call_centre_supervisors s \
         JOIN users u ON u.id = s.user_id WHERE s.group_id = $1 ORDER BY u.sort_name, u.id",
        id.to_string(),
    )
    .await
}

/// G-2: replaces a call centre's supervisors.
pub async fn set_supervisors(conn: &mut Conn, id: GroupId, users: &[UserId]) -> Result<()> {
    sqlx::query("DELETE FROM call_centre_supervisors WHERE group_id = $1")
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    for user in users {
        sqlx::query("INSERT INTO call_centre_supervisors (group_id, user_id) VALUES ($1, $2)")
            .bind(id.to_string())
            .bind(user.to_string())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The people a query of (id, first name, last name, extension, state, weight) finds for the
/// group or campaign `id`.
pub(crate) async fn people(conn: &mut Conn, sql: &'static str, id: String) -> Result<Vec<Member>> {
    let rows: Vec<(String, String, String, String, String, i64)> =
        sqlx::query_as(sql).bind(id).fetch_all(conn).await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, first_name, last_name, extension, state, weight)| Member {
                user_id: id.parse().expect("stored ids are UUIDs"),
                first_name,
                last_name,
                extension,
                state: UserState::parse(&state).expect("the CHECK constraint holds"),
                weight,
            },
        )
        .collect())
}

/// Replaces a group's members with `users` and their weights, in this order.
pub async fn set_members(conn: &mut Conn, group: &Group, users: &[(UserId, i64)]) -> Result<()> {
    sqlx::query("DELETE FROM call_group_members WHERE group_id = $1")
        .bind(group.id.to_string())
        .execute(&mut *conn)
        .await?;
    for (position, (user, weight)) in users.iter().enumerate() {
        sqlx::query(
            "INSERT INTO call_group_members (group_id, user_id, kind, position, weight) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(group.id.to_string())
        .bind(user.to_string())
        .bind(group.kind.as_str())
        .bind(position as i64)
        .bind(*weight)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The groups a user is in (L-4 says them before a delete; L-6 lists them for a deactivated
/// user), by kind and name.
pub async fn of_user(conn: &mut Conn, user: UserId) -> Result<Vec<Group>> {
    let columns = selected();
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {columns} FROM call_groups g JOIN call_group_members m ON m.group_id = g.id \
         WHERE m.user_id = $1 ORDER BY g.kind, g.name"
    )))
    .bind(user.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// The call pickup group `user` is in, other than `except` (G-3: at most one).
pub async fn pickup_group_of(
    conn: &mut Conn,
    user: UserId,
    except: GroupId,
) -> Result<Option<String>> {
    let name: Option<String> = sqlx::query_scalar(
        "SELECT g.name FROM call_group_members m JOIN call_groups g ON g.id = m.group_id \
         WHERE m.user_id = $1 AND m.kind = 'pickup' AND m.group_id <> $2",
    )
    .bind(user.to_string())
    .bind(except.to_string())
    .fetch_optional(conn)
    .await?;
    Ok(name)
}

/// Whether a hunt group of the enterprise is reached by `extension` (users and hunt groups
/// share an enterprise's extensions).
pub async fn extension_taken(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    extension: &str,
) -> Result<bool> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT id FROM call_groups WHERE enterprise_id = $1 AND extension = $2",
    )
    .bind(enterprise.to_string())
    .bind(extension)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// Everyone who shares a group with `user`, with the group's kind and name (L-4 tells them when
/// the user is deleted), one row per group and member.
pub async fn fellow_members(
    conn: &mut Conn,
    user: UserId,
) -> Result<Vec<(GroupKind, String, UserId)>> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT g.kind, g.name, other.user_id FROM call_group_members m \
         JOIN call_groups g ON g.id = m.group_id \
         JOIN call_group_members other ON other.group_id = g.id AND other.user_id <> m.user_id \
         WHERE m.user_id = $1 ORDER BY g.kind, g.name, other.position",
    )
    .bind(user.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(kind, name, member)| {
            (
                GroupKind::parse(&kind).expect("the CHECK constraint holds"),
                name,
                member.parse().expect("stored ids are UUIDs"),
            )
        })
        .collect())
}

/// The groups each of `users` is in, as (user id, kind, group name), for a list's column.
pub async fn names_by_user(
    conn: &mut Conn,
    users: &[String],
) -> Result<Vec<(String, String, String)>> {
    crate::bulk::fetch_in(
        conn,
        "SELECT m.user_id, g.kind, g.name FROM call_group_members m \
         JOIN call_groups g ON g.id = m.group_id WHERE m.user_id IN ({list}) ORDER BY g.kind, g.name",
        &[],
        users,
    )
    .await
}

/// The group of the enterprise reached by `extension` (a hunt group, call centre or auto
/// attendant).
pub async fn by_extension(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    extension: &str,
) -> Result<Option<Group>> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM call_groups g WHERE g.enterprise_id = $1 AND g.extension = $2",
        selected()
    )))
    .bind(enterprise.to_string())
    .bind(extension)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(Into::into))
}

/// The auto attendants of an enterprise (G-6: their menus are checked for loops together).
pub async fn auto_attendants(conn: &mut Conn, enterprise: EnterpriseId) -> Result<Vec<Group>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM call_groups g WHERE g.enterprise_id = $1 AND g.kind = 'auto_attendant'",
        selected()
    )))
    .bind(enterprise.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// T-1: what the telephony side needs of a group callers reach — a hunt group, call centre or
/// auto attendant: the group, its enterprise's SIP domain, and its members (a call centre's
/// agents) in ring order with their weights.
#[derive(Debug, Clone)]
pub struct Routing {
    pub group: Group,
    pub sip_domain: String,
    pub members: Vec<(UserId, i64)>,
    /// S-3: the group's call services document, as the services use case stores it.
    pub services_json: Option<String>,
}

/// The routing of one group; none when it is gone or is not reached by callers.
pub async fn routing(conn: &mut Conn, id: GroupId) -> Result<Option<Routing>> {
    let Some(group) = get(&mut *conn, id).await? else {
        return Ok(None);
    };
    if !group.kind.is_virtual_user() {
        return Ok(None);
    }
    let sip_domain: String = sqlx::query_scalar("SELECT sip_domain FROM enterprises WHERE id = $1")
        .bind(group.enterprise_id.to_string())
        .fetch_one(&mut *conn)
        .await?;
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT user_id, COALESCE(weight, 1) FROM call_group_members WHERE group_id = $1 ORDER BY position",
    )
    .bind(id.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let members = rows
        .into_iter()
        .map(|(user, weight)| (user.parse().expect("stored ids are UUIDs"), weight))
        .collect();
    let services_json = crate::services::get_of(&mut *conn, crate::services::Holder::Group(id))
        .await?
        .map(|stored| stored.settings_json);
    Ok(Some(Routing {
        group,
        sip_domain,
        members,
        services_json,
    }))
}

/// The routing of every group callers reach, in id order (what a resync compares against).
pub async fn routing_all(conn: &mut Conn) -> Result<Vec<Routing>> {
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM call_groups WHERE kind IN ('hunt', 'call_centre', 'auto_attendant') ORDER BY id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut all = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(routing) =
            routing(&mut *conn, id.parse().expect("stored ids are UUIDs")).await?
        {
            all.push(routing);
        }
    }
    Ok(all)
}
