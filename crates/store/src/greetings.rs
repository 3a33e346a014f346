//! Greetings (S-1, G-6): the audio of a user's voicemail greeting and of an auto attendant's
//! greetings, one per owner and purpose.

use switchboard_domain::{EnterpriseId, GreetingId, Timestamp};

use crate::{Conn, Result};

/// Whose greeting: a user's or a group's (by id).
#[derive(Debug, Clone, Copy)]
pub enum Owner<'a> {
    User(&'a str),
    Group(&'a str),
}

impl Owner<'_> {
    fn column(self) -> &'static str {
        match self {
            Owner::User(_) => "user_id",
            Owner::Group(_) => "group_id",
        }
    }

    fn id(&self) -> &str {
        match self {
            Owner::User(id) | Owner::Group(id) => id,
        }
    }
}

/// A greeting without its audio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct About {
    pub purpose: String,
    pub content_type: String,
    pub size: i64,
    pub created_at: Timestamp,
}

/// Replaces the owner's greeting for `purpose`.
pub async fn put(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    owner: Owner<'_>,
    purpose: &str,
    content_type: &str,
    audio: &[u8],
    now: Timestamp,
) -> Result<()> {
    remove(conn, owner, purpose).await?;
    let column = owner.column();
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO greetings (id, enterprise_id, {column}, purpose, content_type, audio, size, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
    )))
    .bind(GreetingId::new().to_string())
    .bind(enterprise.to_string())
    .bind(owner.id().to_owned())
    .bind(purpose.to_owned())
    .bind(content_type.to_owned())
    .bind(audio.to_vec())
    .bind(audio.len() as i64)
    .bind(now.millis())
    .execute(conn)
    .await?;
    Ok(())
}

/// True when there was one.
pub async fn remove(conn: &mut Conn, owner: Owner<'_>, purpose: &str) -> Result<bool> {
    let column = owner.column();
    let done = sqlx::query(sqlx::AssertSqlSafe(format!(
        "DELETE FROM greetings WHERE {column} = $1 AND purpose = $2"
    )))
    .bind(owner.id().to_owned())
    .bind(purpose.to_owned())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// The greeting's type and audio.
pub async fn audio(
    conn: &mut Conn,
    owner: Owner<'_>,
    purpose: &str,
) -> Result<Option<(String, Vec<u8>)>> {
    let column = owner.column();
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT content_type, audio FROM greetings WHERE {column} = $1 AND purpose = $2"
    )))
    .bind(owner.id().to_owned())
    .bind(purpose.to_owned())
    .fetch_optional(conn)
    .await?)
}

/// The owner's greetings, without their audio.
pub async fn of(conn: &mut Conn, owner: Owner<'_>) -> Result<Vec<About>> {
    let column = owner.column();
    let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT purpose, content_type, size, created_at FROM greetings WHERE {column} = $1 ORDER BY purpose"
    )))
    .bind(owner.id().to_owned())
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(purpose, content_type, size, at)| About {
            purpose,
            content_type,
            size,
            created_at: Timestamp::from_millis(at),
        })
        .collect())
}
