//! Credential sheets (L-8): encrypted, short-lived, taken once.

use switchboard_domain::{EnterpriseId, Timestamp};

use crate::{Conn, Result};

#[derive(Debug, Clone)]
pub struct Sheet {
    pub id: String,
    pub enterprise_id: EnterpriseId,
    pub users: i64,
    pub nonce: Vec<u8>,
    pub ciphertext: Vec<u8>,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
}

/// Stores a sheet, and forgets the expired ones nobody downloaded.
pub async fn insert(conn: &mut Conn, s: &Sheet) -> Result<()> {
    sqlx::query("DELETE FROM credential_sheets WHERE expires_at < $1")
        .bind(s.created_at.millis())
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO credential_sheets (id, enterprise_id, users, nonce, ciphertext, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&s.id)
    .bind(s.enterprise_id.to_string())
    .bind(s.users)
    .bind(s.nonce.clone())
    .bind(s.ciphertext.clone())
    .bind(s.created_at.millis())
    .bind(s.expires_at.millis())
    .execute(conn)
    .await?;
    Ok(())
}

/// Removes and returns a sheet: it can be taken once. An expired one is removed all the same and
/// returned, so that the caller can tell "expired" from "already taken".
pub async fn take(conn: &mut Conn, id: &str) -> Result<Option<Sheet>> {
    type Row = (String, String, i64, Vec<u8>, Vec<u8>, i64, i64);
    let row: Option<Row> = sqlx::query_as(
        "DELETE FROM credential_sheets WHERE id = $1 \
         RETURNING id, enterprise_id, users, nonce, ciphertext, created_at, expires_at",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(
        |(id, enterprise, users, nonce, ciphertext, created, expires)| Sheet {
            id,
            enterprise_id: enterprise.parse().expect("stored ids are UUIDs"),
            users,
            nonce,
            ciphertext,
            created_at: Timestamp::from_millis(created),
            expires_at: Timestamp::from_millis(expires),
        },
    ))
}
