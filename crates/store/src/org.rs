//! Sites, departments and teams of an enterprise.

use switchboard_domain::{DepartmentId, EnterpriseId, SiteId, TeamId, Timestamp};

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
