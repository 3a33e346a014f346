//! The mail outbox (U-5): every message Switchboard sends, written in the transaction of the
//! change that caused it, so a message is sent if and only if its change committed.

use switchboard_domain::{EnterpriseId, MailId, Timestamp};

use crate::db::Placeholders;
use crate::{Conn, Result};

#[derive(Debug, Clone, serde::Serialize)]
pub struct Message {
    pub id: MailId,
    pub enterprise_id: Option<EnterpriseId>,
    /// `email` or `sms`.
    pub channel: String,
    pub recipient: String,
    pub subject: String,
    /// The text; `None` once delivered over SMTP (it may have held a one-time link).
    pub body: Option<String>,
    /// Why it was sent: `invitation`, `password_reset`, `sign_in_code`, …
    pub purpose: String,
    /// `stored` (kept here, outbox mailer), `queued`, `sent`, `failed`.
    pub status: String,
    pub created_at: Timestamp,
    pub sent_at: Option<Timestamp>,
    pub last_error: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    enterprise_id: Option<String>,
    channel: String,
    recipient: String,
    subject: String,
    body: Option<String>,
    purpose: String,
    status: String,
    created_at: i64,
    sent_at: Option<i64>,
    last_error: Option<String>,
}

impl From<Row> for Message {
    fn from(r: Row) -> Self {
        Message {
            id: r.id.parse().expect("stored ids are UUIDs"),
            enterprise_id: r
                .enterprise_id
                .map(|e| e.parse().expect("stored ids are UUIDs")),
            channel: r.channel,
            recipient: r.recipient,
            subject: r.subject,
            body: r.body,
            purpose: r.purpose,
            status: r.status,
            created_at: Timestamp::from_millis(r.created_at),
            sent_at: r.sent_at.map(Timestamp::from_millis),
            last_error: r.last_error,
        }
    }
}

const COLUMNS: &str = "id, enterprise_id, channel, recipient, subject, body, purpose, status, created_at, sent_at, last_error";

pub async fn insert(conn: &mut Conn, m: &Message) -> Result<()> {
    sqlx::query(
        "INSERT INTO mail_outbox (id, enterprise_id, channel, recipient, subject, body, purpose, status, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(m.id.to_string())
    .bind(m.enterprise_id.map(|e| e.to_string()))
    .bind(&m.channel)
    .bind(&m.recipient)
    .bind(&m.subject)
    .bind(m.body.as_deref())
    .bind(&m.purpose)
    .bind(&m.status)
    .bind(m.created_at.millis())
    .execute(conn)
    .await?;
    Ok(())
}

/// Inserts many messages in a few statements (B-1: the invitations of an import).
pub async fn insert_many(
    conn: &mut Conn,
    backend: crate::Backend,
    messages: &[Message],
) -> Result<()> {
    crate::bulk::insert_rows(
        conn,
        backend,
        "mail_outbox",
        "id, enterprise_id, channel, recipient, subject, body, purpose, status, created_at",
        9,
        messages,
        |q, m| {
            q.bind(m.id.to_string())
                .bind(m.enterprise_id.map(|e| e.to_string()))
                .bind(m.channel.clone())
                .bind(m.recipient.clone())
                .bind(m.subject.clone())
                .bind(m.body.clone())
                .bind(m.purpose.clone())
                .bind(m.status.clone())
                .bind(m.created_at.millis())
        },
    )
    .await
}

pub async fn get(conn: &mut Conn, id: MailId) -> Result<Option<Message>> {
    let sql = format!("SELECT {COLUMNS} FROM mail_outbox WHERE id = $1");
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.to_string())
        .fetch_optional(conn)
        .await?;
    Ok(row.map(Into::into))
}

/// Delivered: the body is forgotten, the envelope kept for the record.
pub async fn mark_sent(conn: &mut Conn, id: MailId, now: Timestamp) -> Result<()> {
    sqlx::query(
        "UPDATE mail_outbox SET status = 'sent', body = NULL, sent_at = $2, last_error = NULL WHERE id = $1",
    )
    .bind(id.to_string())
    .bind(now.millis())
    .execute(conn)
    .await?;
    Ok(())
}

/// A delivery failed; a message given up on forgets its body too (it may hold a link).
pub async fn mark_failed(conn: &mut Conn, id: MailId, error: &str, terminal: bool) -> Result<()> {
    let sql = if terminal {
        "UPDATE mail_outbox SET status = $2, last_error = $3, body = NULL WHERE id = $1"
    } else {
        "UPDATE mail_outbox SET status = $2, last_error = $3 WHERE id = $1"
    };
    sqlx::query(sql)
        .bind(id.to_string())
        .bind(if terminal { "failed" } else { "queued" })
        .bind(error)
        .execute(conn)
        .await?;
    Ok(())
}

/// Filter of [`list`]; newest first, keyset on the (time-ordered) id.
#[derive(Debug, Clone, Default)]
pub struct OutboxQuery {
    pub recipient: Option<String>,
    pub enterprise_id: Option<EnterpriseId>,
    pub before_id: Option<String>,
    pub limit: i64,
}

pub async fn list(conn: &mut Conn, q: &OutboxQuery) -> Result<Vec<Message>> {
    let mut p = Placeholders::default();
    let mut sql = format!("SELECT {COLUMNS} FROM mail_outbox WHERE 1 = 1");
    let mut binds = Vec::new();
    if let Some(recipient) = &q.recipient {
        sql.push_str(&format!(" AND recipient = {}", p.fresh()));
        binds.push(recipient.clone());
    }
    if let Some(enterprise) = q.enterprise_id {
        sql.push_str(&format!(" AND enterprise_id = {}", p.fresh()));
        binds.push(enterprise.to_string());
    }
    if let Some(before) = &q.before_id {
        sql.push_str(&format!(" AND id < {}", p.fresh()));
        binds.push(before.clone());
    }
    sql.push_str(&format!(
        " ORDER BY id DESC LIMIT {}",
        q.limit.clamp(1, 1000)
    ));
    let mut query = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql));
    for bind in binds {
        query = query.bind(bind);
    }
    Ok(query
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// Forgets the text of kept sign-in codes to a recipient once they are used or void.
pub async fn forget_codes(conn: &mut Conn, recipient: &str) -> Result<()> {
    sqlx::query(
        "UPDATE mail_outbox SET body = NULL WHERE recipient = $1 AND purpose = 'sign_in_code' AND body IS NOT NULL",
    )
    .bind(recipient)
    .execute(conn)
    .await?;
    Ok(())
}

/// Forgets the text of kept invitation and reset messages to a recipient once their link is
/// used or void (U-5: the link lives on only as a digest).
pub async fn forget_links(conn: &mut Conn, recipient: &str) -> Result<()> {
    sqlx::query(
        "UPDATE mail_outbox SET body = NULL WHERE recipient = $1 AND purpose IN ('invitation', 'password_reset') AND body IS NOT NULL",
    )
    .bind(recipient)
    .execute(conn)
    .await?;
    Ok(())
}
