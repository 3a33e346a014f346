//! The portal inbox of each user (L-4 notices; G-5 broadcasts).

use switchboard_domain::{EnterpriseId, MessageId, Timestamp, UserId};

use crate::{Conn, Result};

/// One message: a notice (`template` and its `args`) or a text of its own (`subject`, `body`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: MessageId,
    pub enterprise_id: EnterpriseId,
    pub user_id: UserId,
    /// `information`, `warning` or `urgent`.
    pub category: String,
    pub template: Option<String>,
    /// The values the template names, as a JSON object of strings.
    pub args_json: Option<String>,
    pub subject: Option<String>,
    pub body: Option<String>,
    pub created_at: Timestamp,
    pub read_at: Option<Timestamp>,
}

type Row = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
    Option<i64>,
);

fn message(r: Row) -> Message {
    Message {
        id: r.0.parse().expect("stored ids are UUIDs"),
        enterprise_id: r.1.parse().expect("stored ids are UUIDs"),
        user_id: r.2.parse().expect("stored ids are UUIDs"),
        category: r.3,
        template: r.4,
        args_json: r.5,
        subject: r.6,
        body: r.7,
        created_at: Timestamp::from_millis(r.8),
        read_at: r.9.map(Timestamp::from_millis),
    }
}

pub async fn insert(conn: &mut Conn, m: &Message) -> Result<()> {
    sqlx::query(
        "INSERT INTO inbox_messages (id, enterprise_id, user_id, category, template, args_json, subject, body, created_at, read_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(m.id.to_string())
    .bind(m.enterprise_id.to_string())
    .bind(m.user_id.to_string())
    .bind(m.category.clone())
    .bind(m.template.clone())
    .bind(m.args_json.clone())
    .bind(m.subject.clone())
    .bind(m.body.clone())
    .bind(m.created_at.millis())
    .bind(m.read_at.map(|t| t.millis()))
    .execute(conn)
    .await?;
    Ok(())
}

/// A user's newest messages first.
pub async fn list(conn: &mut Conn, user: UserId, limit: i64) -> Result<Vec<Message>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, enterprise_id, user_id, category, template, args_json, subject, body, created_at, read_at \
         FROM inbox_messages WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
    )
    .bind(user.to_string())
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(message).collect())
}

pub async fn unread(conn: &mut Conn, user: UserId) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM inbox_messages WHERE user_id = $1 AND read_at IS NULL",
    )
    .bind(user.to_string())
    .fetch_one(conn)
    .await?)
}

pub async fn mark_all_read(conn: &mut Conn, user: UserId, now: Timestamp) -> Result<u64> {
    let done = sqlx::query(
        "UPDATE inbox_messages SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL",
    )
    .bind(user.to_string())
    .bind(now.millis())
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}
