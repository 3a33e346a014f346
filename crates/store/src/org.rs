//! Sites, departments and teams of an enterprise.

use switchboard_domain::{
    Country, DepartmentId, EnterpriseId, Language, SiteId, TeamId, TimeZone, Timestamp,
};

use crate::{Conn, Result};

/// A named thing that belongs to one enterprise: a site, a department or a team.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Unit<Id> {
    pub id: Id,
    pub enterprise_id: EnterpriseId,
    pub name: String,
    pub created_at: Timestamp,
}

pub type Site = Unit<SiteId>;
pub type Department = Unit<DepartmentId>;
pub type Team = Unit<TeamId>;

/// The three tables that hold [`Unit`]s.
#[derive(Debug, Clone, Copy)]
pub enum UnitTable {
    Sites,
    Departments,
    Teams,
}

impl UnitTable {
    fn name(self) -> &'static str {
        match self {
            Self::Sites => "sites",
            Self::Departments => "departments",
            Self::Teams => "teams",
        }
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    enterprise_id: String,
    name: String,
    created_at: i64,
}

impl<Id: std::str::FromStr> From<Row> for Unit<Id>
where
    Id::Err: std::fmt::Debug,
{
    fn from(r: Row) -> Self {
        Unit {
            id: r.id.parse().expect("stored ids are UUIDs"),
            enterprise_id: r.enterprise_id.parse().expect("stored ids are UUIDs"),
            name: r.name,
            created_at: Timestamp::from_millis(r.created_at),
        }
    }
}

pub async fn insert<Id: std::fmt::Display>(
    conn: &mut Conn,
    table: UnitTable,
    unit: &Unit<Id>,
) -> Result<()> {
    let sql = format!(
        "INSERT INTO {} (id, enterprise_id, name, created_at) VALUES ($1, $2, $3, $4)",
        table.name()
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(unit.id.to_string())
        .bind(unit.enterprise_id.to_string())
        .bind(&unit.name)
        .bind(unit.created_at.millis())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn get<Id>(conn: &mut Conn, table: UnitTable, id: &str) -> Result<Option<Unit<Id>>>
where
    Id: std::str::FromStr,
    Id::Err: std::fmt::Debug,
{
    let sql = format!(
        "SELECT id, enterprise_id, name, created_at FROM {} WHERE id = $1",
        table.name()
    );
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(Into::into))
}

/// All units of an enterprise by name (an enterprise has tens of these, not millions).
pub async fn list<Id>(
    conn: &mut Conn,
    table: UnitTable,
    enterprise: EnterpriseId,
) -> Result<Vec<Unit<Id>>>
where
    Id: std::str::FromStr,
    Id::Err: std::fmt::Debug,
{
    let sql = format!(
        "SELECT id, enterprise_id, name, created_at FROM {} WHERE enterprise_id = $1 ORDER BY name",
        table.name()
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(enterprise.to_string())
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Renames a department or team; false when there is no such one.
pub async fn rename(conn: &mut Conn, table: UnitTable, id: &str, name: &str) -> Result<bool> {
    let sql = format!("UPDATE {} SET name = $2 WHERE id = $1", table.name());
    let done = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .bind(name)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete(conn: &mut Conn, table: UnitTable, id: &str) -> Result<()> {
    let sql = format!("DELETE FROM {} WHERE id = $1", table.name());
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// What keeps a department or team in use (G-4): its people by name (at most `limit`), how many
/// there are, and for a team its leads and the broadcasts sent to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitUse {
    pub people: Vec<String>,
    pub people_count: i64,
    pub leads: i64,
    pub lead_names: Vec<String>,
    pub broadcasts: i64,
}

impl UnitUse {
    pub fn in_use(&self) -> bool {
        self.people_count > 0 || self.leads > 0 || self.broadcasts > 0
    }
}

pub async fn unit_use(
    conn: &mut Conn,
    table: UnitTable,
    enterprise: EnterpriseId,
    id: &str,
    limit: i64,
) -> Result<UnitUse> {
    let (names_sql, count_sql) = match table {
        UnitTable::Departments => (
            "SELECT first_name || ' ' || last_name FROM users WHERE enterprise_id = $1 AND department_id = $2 \
             ORDER BY sort_name LIMIT $3",
            "SELECT COUNT(*) FROM users WHERE enterprise_id = $1 AND department_id = $2",
        ),
        _ => (
            "SELECT u.first_name || ' ' || u.last_name FROM user_teams m JOIN users u ON u.id = m.user_id \
             WHERE m.enterprise_id = $1 AND m.team_id = $2 ORDER BY u.sort_name LIMIT $3",
            "SELECT COUNT(*) FROM user_teams WHERE enterprise_id = $1 AND team_id = $2",
        ),
    };
    let people: Vec<String> = sqlx::query_scalar(names_sql)
        .bind(enterprise.to_string())
        .bind(id)
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?;
    let people_count: i64 = sqlx::query_scalar(count_sql)
        .bind(enterprise.to_string())
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    let (lead_names, broadcasts) = if matches!(table, UnitTable::Teams) {
        let leads: Vec<String> = sqlx::query_scalar(
            "SELECT u.first_name || ' ' || u.last_name FROM team_leads l JOIN users u ON u.id = l.user_id \
             WHERE l.team_id = $1 ORDER BY u.sort_name",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let broadcasts: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM broadcast_teams WHERE team_id = $1")
                .bind(id)
                .fetch_one(&mut *conn)
                .await?;
        (leads, broadcasts)
    } else {
        (Vec::new(), 0)
    };
    Ok(UnitUse {
        people,
        people_count,
        leads: lead_names.len() as i64,
        lead_names,
        broadcasts,
    })
}

/// How many people each department or team of an enterprise has, by unit id; each count stops
/// at `cap` (an index walk per unit: an enterprise has tens of them, its users may be millions).
pub async fn member_counts(
    conn: &mut Conn,
    table: UnitTable,
    enterprise: EnterpriseId,
    cap: i64,
) -> Result<Vec<(String, i64)>> {
    let units: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT id FROM {} WHERE enterprise_id = $1",
        table.name()
    )))
    .bind(enterprise.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let sql = match table {
        UnitTable::Departments => format!(
            "SELECT COUNT(*) FROM (SELECT 1 FROM users WHERE enterprise_id = $1 AND department_id = $2 LIMIT {cap}) AS capped"
        ),
        _ => format!(
            "SELECT COUNT(*) FROM (SELECT 1 FROM user_teams WHERE enterprise_id = $1 AND team_id = $2 LIMIT {cap}) AS capped"
        ),
    };
    let mut counts = Vec::with_capacity(units.len());
    for unit in units {
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.clone()))
            .bind(enterprise.to_string())
            .bind(&unit)
            .fetch_one(&mut *conn)
            .await?;
        counts.push((unit, n));
    }
    Ok(counts)
}

/// I-6: what a site sets for itself; what it leaves out, it takes from its enterprise.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Place {
    pub time_zone: Option<TimeZone>,
    pub country: Option<Country>,
    pub language: Option<Language>,
}

/// The places of an enterprise's sites, by site.
pub async fn site_places(
    conn: &mut Conn,
    enterprise: EnterpriseId,
) -> Result<Vec<(SiteId, Place)>> {
    #[derive(sqlx::FromRow)]
    struct PlaceRow {
        id: String,
        time_zone: Option<String>,
        country: Option<String>,
        language: Option<String>,
    }
    let rows: Vec<PlaceRow> = sqlx::query_as(
        "SELECT id, time_zone, country, language FROM sites WHERE enterprise_id = $1",
    )
    .bind(enterprise.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some((
                r.id.parse().ok()?,
                Place {
                    time_zone: r.time_zone.as_deref().and_then(TimeZone::parse),
                    country: r.country.as_deref().and_then(Country::parse),
                    language: r.language.as_deref().and_then(Language::parse),
                },
            ))
        })
        .collect())
}

pub async fn set_site_place(conn: &mut Conn, site: SiteId, place: &Place) -> Result<()> {
    sqlx::query("UPDATE sites SET time_zone = $2, country = $3, language = $4 WHERE id = $1")
        .bind(site.to_string())
        .bind(place.time_zone.map(TimeZone::name))
        .bind(place.country.map(Country::code))
        .bind(place.language.map(Language::as_str))
        .execute(conn)
        .await?;
    Ok(())
}

/// I-6: the time zone a user reads times in: their site's, else their enterprise's.
pub async fn time_zone_of_user(
    conn: &mut Conn,
    user: switchboard_domain::UserId,
) -> Result<Option<TimeZone>> {
    let row: Option<(Option<String>, String)> = sqlx::query_as(
        "SELECT s.time_zone, e.time_zone FROM users u JOIN sites s ON s.id = u.site_id \
         JOIN enterprises e ON e.id = u.enterprise_id WHERE u.id = $1",
    )
    .bind(user.to_string())
    .fetch_optional(conn)
    .await?;
    Ok(row.and_then(|(site, enterprise)| {
        site.as_deref()
            .and_then(TimeZone::parse)
            .or_else(|| TimeZone::parse(&enterprise))
    }))
}

/// A member of a team, as its lead sees them (G-4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamMember {
    pub user_id: switchboard_domain::UserId,
    pub first_name: String,
    pub last_name: String,
    pub extension: String,
    pub email: String,
    pub state: String,
}

/// Replaces a team's leads.
pub async fn set_leads(
    conn: &mut Conn,
    team: TeamId,
    users: &[switchboard_domain::UserId],
) -> Result<()> {
    sqlx::query("DELETE FROM team_leads WHERE team_id = $1")
        .bind(team.to_string())
        .execute(&mut *conn)
        .await?;
    for user in users {
        sqlx::query("INSERT INTO team_leads (team_id, user_id) VALUES ($1, $2)")
            .bind(team.to_string())
            .bind(user.to_string())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The leads of every team of an enterprise: (team id, user id, "First Last").
pub async fn leads(
    conn: &mut Conn,
    enterprise: EnterpriseId,
) -> Result<Vec<(String, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT l.team_id, u.id, u.first_name || ' ' || u.last_name FROM team_leads l \
         JOIN teams t ON t.id = l.team_id JOIN users u ON u.id = l.user_id \
         WHERE t.enterprise_id = $1 ORDER BY u.last_name, u.first_name",
    )
    .bind(enterprise.to_string())
    .fetch_all(conn)
    .await?)
}

/// The teams a user leads.
pub async fn teams_led_by(conn: &mut Conn, user: switchboard_domain::UserId) -> Result<Vec<Team>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT t.id, t.enterprise_id, t.name, t.created_at FROM team_leads l \
         JOIN teams t ON t.id = l.team_id WHERE l.user_id = $1 ORDER BY t.name",
    )
    .bind(user.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// A team's members by name.
pub async fn team_members(conn: &mut Conn, team: TeamId) -> Result<Vec<TeamMember>> {
    let rows: Vec<(String, String, String, String, String, String)> = sqlx::query_as(
        "SELECT u.id, u.first_name, u.last_name, u.extension, u.email, u.state FROM user_teams m \
         JOIN users u ON u.id = m.user_id WHERE m.team_id = $1 ORDER BY u.last_name, u.first_name, u.id",
    )
    .bind(team.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, first_name, last_name, extension, email, state)| TeamMember {
                user_id: id.parse().expect("stored ids are UUIDs"),
                first_name,
                last_name,
                extension,
                email,
                state,
            },
        )
        .collect())
}
