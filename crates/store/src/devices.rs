//! The device-type catalogue (U-3).

use switchboard_domain::{DeviceKind, DeviceTypeId, Timestamp};

use crate::{Conn, Result};

#[derive(Debug, Clone, serde::Serialize)]
pub struct DeviceType {
    pub id: DeviceTypeId,
    pub code: String,
    /// The English name, and the fallback of the other languages.
    pub name: String,
    /// I-6: the name in other languages, by language code.
    pub names: std::collections::BTreeMap<String, String>,
    pub kind: DeviceKind,
    pub created_at: Timestamp,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    code: String,
    name: String,
    names_json: Option<String>,
    kind: String,
    created_at: i64,
}

/// Names by language, as stored (`None`: English only).
pub(crate) fn names_of(json: Option<&str>) -> std::collections::BTreeMap<String, String> {
    json.and_then(|j| serde_json::from_str(j).ok())
        .unwrap_or_default()
}

pub(crate) fn names_json(names: &std::collections::BTreeMap<String, String>) -> Option<String> {
    (!names.is_empty()).then(|| serde_json::to_string(names).expect("a map of strings"))
}

impl DeviceType {
    /// I-6: its name in `language` (`de`, `fr`), else the English one.
    pub fn name_in(&self, language: &str) -> &str {
        self.names.get(language).map_or(&self.name, String::as_str)
    }
}

/// Sets a device type's names in other languages.
pub async fn set_names(
    conn: &mut Conn,
    id: switchboard_domain::DeviceTypeId,
    names: &std::collections::BTreeMap<String, String>,
) -> Result<()> {
    sqlx::query("UPDATE device_types SET names_json = $2 WHERE id = $1")
        .bind(id.to_string())
        .bind(names_json(names))
        .execute(conn)
        .await?;
    Ok(())
}

impl From<Row> for DeviceType {
    fn from(r: Row) -> Self {
        DeviceType {
            id: r.id.parse().expect("stored ids are UUIDs"),
            code: r.code,
            name: r.name,
            names: names_of(r.names_json.as_deref()),
            kind: DeviceKind::parse(&r.kind).expect("kind is checked by the schema"),
            created_at: Timestamp::from_millis(r.created_at),
        }
    }
}

pub async fn insert(conn: &mut Conn, d: &DeviceType) -> Result<()> {
    sqlx::query(
        "INSERT INTO device_types (id, code, name, kind, created_at, names_json) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(d.id.to_string())
    .bind(&d.code)
    .bind(&d.name)
    .bind(d.kind.as_str())
    .bind(d.created_at.millis())
    .bind(names_json(&d.names))
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn list(conn: &mut Conn) -> Result<Vec<DeviceType>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, code, name, names_json, kind, created_at FROM device_types ORDER BY kind, name",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// A catalogue entry by its code or by its id.
pub async fn find(conn: &mut Conn, code_or_id: &str) -> Result<Option<DeviceType>> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, code, name, names_json, kind, created_at FROM device_types WHERE code = $1 OR id = $1",
    )
    .bind(code_or_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(Into::into))
}
