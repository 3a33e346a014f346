//! The licence catalogue and each enterprise's pool of purchased and assigned licences (N-1…N-3).

use switchboard_domain::{
    EnterpriseId, LicenceCode, LicenceKind, LicenceTypeId, PurchaseId, Timestamp,
};

use crate::{Conn, Result};

#[derive(Debug, Clone, serde::Serialize)]
pub struct LicenceType {
    pub id: LicenceTypeId,
    pub code: LicenceCode,
    /// The English name, and the fallback of the other languages.
    pub name: String,
    /// I-6: the name in other languages, by language code.
    pub names: std::collections::BTreeMap<String, String>,
    pub kind: LicenceKind,
    pub monthly_price_cents: i64,
    pub created_at: Timestamp,
}

/// One line of an enterprise's licence pool.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Pool {
    pub licence: LicenceType,
    pub purchased: i64,
    pub assigned: i64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Purchase {
    pub id: PurchaseId,
    pub enterprise_id: EnterpriseId,
    pub licence_type_id: LicenceTypeId,
    pub quantity: i64,
    pub note: Option<String>,
    pub created_at: Timestamp,
}

#[derive(sqlx::FromRow)]
struct TypeRow {
    id: String,
    code: String,
    name: String,
    names_json: Option<String>,
    kind: String,
    monthly_price_cents: i64,
    created_at: i64,
}

impl LicenceType {
    /// I-6: its name in `language` (`de`, `fr`), else the English one.
    pub fn name_in(&self, language: &str) -> &str {
        self.names.get(language).map_or(&self.name, String::as_str)
    }
}

/// Sets a licence type's names in other languages.
pub async fn set_type_names(
    conn: &mut Conn,
    id: LicenceTypeId,
    names: &std::collections::BTreeMap<String, String>,
) -> Result<()> {
    sqlx::query("UPDATE licence_types SET names_json = $2 WHERE id = $1")
        .bind(id.to_string())
        .bind(crate::devices::names_json(names))
        .execute(conn)
        .await?;
    Ok(())
}

impl From<TypeRow> for LicenceType {
    fn from(r: TypeRow) -> Self {
        LicenceType {
            id: r.id.parse().expect("stored ids are UUIDs"),
            code: LicenceCode::from_trusted(r.code),
            name: r.name,
            names: crate::devices::names_of(r.names_json.as_deref()),
            kind: LicenceKind::parse(&r.kind).expect("kind is checked by the schema"),
            monthly_price_cents: r.monthly_price_cents,
            created_at: Timestamp::from_millis(r.created_at),
        }
    }
}

pub async fn insert_type(conn: &mut Conn, t: &LicenceType) -> Result<()> {
    sqlx::query(
        "INSERT INTO licence_types (id, code, name, kind, monthly_price_cents, created_at, names_json) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(t.id.to_string())
    .bind(t.code.as_str())
    .bind(&t.name)
    .bind(t.kind.as_str())
    .bind(t.monthly_price_cents)
    .bind(t.created_at.millis())
    .bind(crate::devices::names_json(&t.names))
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn list_types(conn: &mut Conn) -> Result<Vec<LicenceType>> {
    let rows: Vec<TypeRow> = sqlx::query_as(
        "SELECT id, code, name, names_json, kind, monthly_price_cents, created_at FROM licence_types ORDER BY kind DESC, code",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// A catalogue entry by its code or by its id (clients may use either).
pub async fn find_type(conn: &mut Conn, code_or_id: &str) -> Result<Option<LicenceType>> {
    let row: Option<TypeRow> = sqlx::query_as(
        "SELECT id, code, name, names_json, kind, monthly_price_cents, created_at FROM licence_types WHERE code = $1 OR id = $1",
    )
    .bind(code_or_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(Into::into))
}

/// Adds `quantity` (negative: a cancellation) to what the enterprise purchased, and records it.
/// The pool's CHECK refuses a cancellation below what is assigned.
pub async fn record_purchase(conn: &mut Conn, purchase: &Purchase) -> Result<()> {
    // Make sure the pool row exists (two first purchases may race), then add to it: a single
    // INSERT … ON CONFLICT would check the CHECK against the would-be new row and refuse a
    // cancellation that the existing row can take.
    sqlx::query(
        "INSERT INTO licence_pools (enterprise_id, licence_type_id, purchased, assigned) VALUES ($1, $2, 0, 0) \
         ON CONFLICT (enterprise_id, licence_type_id) DO NOTHING",
    )
    .bind(purchase.enterprise_id.to_string())
    .bind(purchase.licence_type_id.to_string())
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE licence_pools SET purchased = purchased + $3 WHERE enterprise_id = $1 AND licence_type_id = $2")
        .bind(purchase.enterprise_id.to_string())
        .bind(purchase.licence_type_id.to_string())
        .bind(purchase.quantity)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO licence_purchases (id, enterprise_id, licence_type_id, quantity, note, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(purchase.id.to_string())
    .bind(purchase.enterprise_id.to_string())
    .bind(purchase.licence_type_id.to_string())
    .bind(purchase.quantity)
    .bind(purchase.note.as_deref())
    .bind(purchase.created_at.millis())
    .execute(conn)
    .await?;
    Ok(())
}

/// N-2: takes one free licence, or returns false when none is free. The condition is part of the
/// UPDATE, so two concurrent requests for the last licence cannot both succeed.
pub async fn claim(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    licence: LicenceTypeId,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE licence_pools SET assigned = assigned + 1 \
         WHERE enterprise_id = $1 AND licence_type_id = $2 AND assigned < purchased",
    )
    .bind(enterprise.to_string())
    .bind(licence.to_string())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// N-2 in bulk: takes `count` free licences at once, or none (false) when fewer are free.
pub async fn claim_count(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    licence: LicenceTypeId,
    count: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE licence_pools SET assigned = assigned + $3 \
         WHERE enterprise_id = $1 AND licence_type_id = $2 AND assigned + $3 <= purchased",
    )
    .bind(enterprise.to_string())
    .bind(licence.to_string())
    .bind(count)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives one licence back to the pool.
pub async fn release(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    licence: LicenceTypeId,
) -> Result<()> {
    sqlx::query(
        "UPDATE licence_pools SET assigned = assigned - 1 WHERE enterprise_id = $1 AND licence_type_id = $2 AND assigned > 0",
    )
    .bind(enterprise.to_string())
    .bind(licence.to_string())
    .execute(conn)
    .await?;
    Ok(())
}

/// The enterprise's pool: every catalogue entry, with zeros for what it never bought.
pub async fn pools(conn: &mut Conn, enterprise: EnterpriseId) -> Result<Vec<Pool>> {
    #[derive(sqlx::FromRow)]
    struct PoolRow {
        #[sqlx(flatten)]
        licence: TypeRow,
        purchased: i64,
        assigned: i64,
    }
    let rows: Vec<PoolRow> = sqlx::query_as(
        "SELECT t.id, t.code, t.name, t.names_json, t.kind, t.monthly_price_cents, t.created_at, \
                COALESCE(p.purchased, 0) AS purchased, COALESCE(p.assigned, 0) AS assigned \
         FROM licence_types t LEFT JOIN licence_pools p ON p.licence_type_id = t.id AND p.enterprise_id = $1 \
         ORDER BY t.kind DESC, t.code",
    )
    .bind(enterprise.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Pool {
            licence: r.licence.into(),
            purchased: r.purchased,
            assigned: r.assigned,
        })
        .collect())
}

pub async fn purchases(conn: &mut Conn, enterprise: EnterpriseId) -> Result<Vec<Purchase>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: String,
        enterprise_id: String,
        licence_type_id: String,
        quantity: i64,
        note: Option<String>,
        created_at: i64,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, enterprise_id, licence_type_id, quantity, note, created_at FROM licence_purchases \
         WHERE enterprise_id = $1 ORDER BY id DESC LIMIT 500",
    )
    .bind(enterprise.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Purchase {
            id: r.id.parse().expect("stored ids are UUIDs"),
            enterprise_id: r.enterprise_id.parse().expect("stored ids are UUIDs"),
            licence_type_id: r.licence_type_id.parse().expect("stored ids are UUIDs"),
            quantity: r.quantity,
            note: r.note,
            created_at: Timestamp::from_millis(r.created_at),
        })
        .collect())
}
