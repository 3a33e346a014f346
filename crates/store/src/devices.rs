//! The device-type catalogue (U-3).

use switchboard_domain::{DeviceKind, DeviceTypeId, Timestamp};

use crate::{Conn, Result};

#[derive(Debug, Clone, serde::Serialize)]
pub struct DeviceType {
    pub id: DeviceTypeId,
    pub code: String,
    pub name: String,
    pub kind: DeviceKind,
    pub created_at: Timestamp,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    code: String,
    name: String,
    kind: String,
    created_at: i64,
}

impl From<Row> for DeviceType {
    fn from(r: Row) -> Self {
        DeviceType {
            id: r.id.parse().expect("stored ids are UUIDs"),
            code: r.code,
            name: r.name,
            kind: DeviceKind::parse(&r.kind).expect("kind is checked by the schema"),
            created_at: Timestamp::from_millis(r.created_at),
        }
    }
}

pub async fn insert(conn: &mut Conn, d: &DeviceType) -> Result<()> {
    sqlx::query(
        "INSERT INTO device_types (id, code, name, kind, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(d.id.to_string())
    .bind(&d.code)
    .bind(&d.name)
    .bind(d.kind.as_str())
    .bind(d.created_at.millis())
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn list(conn: &mut Conn) -> Result<Vec<DeviceType>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, code, name, kind, created_at FROM device_types ORDER BY kind, name",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// A catalogue entry by its code or by its id.
pub async fn find(conn: &mut Conn, code_or_id: &str) -> Result<Option<DeviceType>> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, code, name, kind, created_at FROM device_types WHERE code = $1 OR id = $1",
    )
    .bind(code_or_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(Into::into))
}
