//! Greetings (S-1, G-6): the audio of a user's voicemail greeting and of an auto attendant's
//! greetings, one per owner and purpose — in the row, or in a file the row names.

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

/// Where a greeting's audio is: in its row, or in the file of that name in the greetings
/// directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audio {
    Inline(Vec<u8>),
    File(String),
}

/// A new greeting: its id (which names its file, when it has one), type, size and audio.
#[derive(Debug, Clone)]
pub struct New<'a> {
    pub id: GreetingId,
    pub content_type: &'a str,
    pub size: i64,
    pub audio: Audio,
}

/// Replaces the owner's greeting for `purpose`; the file of the one replaced, if it had one,
/// for the caller to delete once the transaction is committed.
pub async fn put(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    owner: Owner<'_>,
    purpose: &str,
    greeting: New<'_>,
    now: Timestamp,
) -> Result<Option<String>> {
    let replaced = remove(conn, owner, purpose).await?.flatten();
    let column = owner.column();
    let (inline, file_name) = match greeting.audio {
        Audio::Inline(bytes) => (bytes, None),
        Audio::File(name) => (Vec::new(), Some(name)),
    };
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO greetings (id, enterprise_id, {column}, purpose, content_type, audio, size, created_at, file_name) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    )))
    .bind(greeting.id.to_string())
    .bind(enterprise.to_string())
    .bind(owner.id().to_owned())
    .bind(purpose.to_owned())
    .bind(greeting.content_type.to_owned())
    .bind(inline)
    .bind(greeting.size)
    .bind(now.millis())
    .bind(file_name)
    .execute(conn)
    .await?;
    Ok(replaced)
}

/// Removes the owner's greeting for `purpose`: none when there was none, else the name of its
/// file, if it had one (to delete once the transaction is committed).
pub async fn remove(
    conn: &mut Conn,
    owner: Owner<'_>,
    purpose: &str,
) -> Result<Option<Option<String>>> {
    let column = owner.column();
    let found: Option<(String, Option<String>)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT id, file_name FROM greetings WHERE {column} = $1 AND purpose = $2"
    )))
    .bind(owner.id().to_owned())
    .bind(purpose.to_owned())
    .fetch_optional(&mut *conn)
    .await?;
    let Some((id, file_name)) = found else {
        return Ok(None);
    };
    sqlx::query("DELETE FROM greetings WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(Some(file_name))
}

/// The greeting's type and where its audio is.
pub async fn audio(
    conn: &mut Conn,
    owner: Owner<'_>,
    purpose: &str,
) -> Result<Option<(String, Audio)>> {
    let column = owner.column();
    let row: Option<(String, Vec<u8>, Option<String>)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT content_type, audio, file_name FROM greetings WHERE {column} = $1 AND purpose = $2"
    )))
    .bind(owner.id().to_owned())
    .bind(purpose.to_owned())
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(content_type, inline, file_name)| {
        let audio = match file_name {
            Some(name) => Audio::File(name),
            None => Audio::Inline(inline),
        };
        (content_type, audio)
    }))
}

/// The files of the owner's greetings (to delete once the owner is deleted with them).
pub async fn files_of(conn: &mut Conn, owner: Owner<'_>) -> Result<Vec<String>> {
    let column = owner.column();
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT file_name FROM greetings WHERE {column} = $1 AND file_name IS NOT NULL ORDER BY file_name"
    )))
    .bind(owner.id().to_owned())
    .fetch_all(conn)
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
