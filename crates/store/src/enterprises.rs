//! Enterprises: the tenant boundary.

use switchboard_domain::{
    Country, Email, EnterpriseId, ExtensionPolicy, Language, TimeZone, Timestamp,
};

use crate::{Conn, Result};

#[derive(Debug, Clone, serde::Serialize)]
pub struct Enterprise {
    pub id: EnterpriseId,
    pub name: String,
    pub sip_domain: String,
    pub extension_policy: ExtensionPolicy,
    pub contact_email: Email,
    /// I-6: the defaults of its sites.
    pub time_zone: TimeZone,
    pub country: Option<Country>,
    pub language: Language,
    pub version: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    name: String,
    sip_domain: String,
    extension_min_len: i64,
    extension_max_len: i64,
    contact_email: String,
    time_zone: String,
    country: Option<String>,
    language: String,
    version: i64,
    created_at: i64,
    updated_at: i64,
}

impl From<Row> for Enterprise {
    fn from(r: Row) -> Self {
        Enterprise {
            id: r.id.parse().expect("stored ids are UUIDs"),
            name: r.name,
            sip_domain: r.sip_domain,
            extension_policy: ExtensionPolicy {
                min_len: r.extension_min_len as u8,
                max_len: r.extension_max_len as u8,
            },
            contact_email: Email::from_trusted(r.contact_email),
            // Checked when written; a zone the database no longer knows reads as UTC.
            time_zone: TimeZone::parse(&r.time_zone).unwrap_or_else(TimeZone::utc),
            country: r.country.as_deref().and_then(Country::parse),
            language: Language::parse(&r.language).unwrap_or(Language::English),
            version: r.version,
            created_at: Timestamp::from_millis(r.created_at),
            updated_at: Timestamp::from_millis(r.updated_at),
        }
    }
}

const COLUMNS: &str = "id, name, sip_domain, extension_min_len, extension_max_len, contact_email, time_zone, country, \
    language, version, created_at, updated_at";

pub async fn insert(conn: &mut Conn, e: &Enterprise) -> Result<()> {
    sqlx::query(
        "INSERT INTO enterprises (id, name, sip_domain, extension_min_len, extension_max_len, contact_email, version, created_at, \
         updated_at, time_zone, country, language) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(e.id.to_string())
    .bind(&e.name)
    .bind(&e.sip_domain)
    .bind(i64::from(e.extension_policy.min_len))
    .bind(i64::from(e.extension_policy.max_len))
    .bind(e.contact_email.as_str())
    .bind(e.version)
    .bind(e.created_at.millis())
    .bind(e.updated_at.millis())
    .bind(e.time_zone.name())
    .bind(e.country.map(Country::code))
    .bind(e.language.as_str())
    .execute(conn)
    .await?;
    Ok(())
}

/// Writes the enterprise if it is still at `expected_version`; false on a lost race.
pub async fn update(conn: &mut Conn, e: &Enterprise, expected_version: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE enterprises SET name = $2, sip_domain = $3, extension_min_len = $4, extension_max_len = $5, \
         contact_email = $6, version = $7, updated_at = $8, time_zone = $10, country = $11, language = $12 \
         WHERE id = $1 AND version = $9",
    )
    .bind(e.id.to_string())
    .bind(&e.name)
    .bind(&e.sip_domain)
    .bind(i64::from(e.extension_policy.min_len))
    .bind(i64::from(e.extension_policy.max_len))
    .bind(e.contact_email.as_str())
    .bind(e.version)
    .bind(e.updated_at.millis())
    .bind(expected_version)
    .bind(e.time_zone.name())
    .bind(e.country.map(Country::code))
    .bind(e.language.as_str())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn get(conn: &mut Conn, id: EnterpriseId) -> Result<Option<Enterprise>> {
    let sql = format!("SELECT {COLUMNS} FROM enterprises WHERE id = $1");
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.to_string())
        .fetch_optional(conn)
        .await?;
    Ok(row.map(Into::into))
}

/// Enterprises ordered by name, `limit` after the cursor name (operators only).
pub async fn list(
    conn: &mut Conn,
    after_name: Option<&str>,
    limit: i64,
) -> Result<Vec<Enterprise>> {
    let sql = format!("SELECT {COLUMNS} FROM enterprises WHERE name > $1 ORDER BY name LIMIT $2");
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(after_name.unwrap_or(""))
        .bind(limit)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}
