//! Broadcast messages to teams (G-5).

use switchboard_domain::{BroadcastId, EnterpriseId, Language, TeamId, Timestamp, UserId};

use crate::{Conn, Result};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Broadcast {
    pub id: BroadcastId,
    pub enterprise_id: EnterpriseId,
    pub author: String,
    pub category: String,
    pub subject: String,
    pub body: String,
    pub by_email: bool,
    pub send_at: Timestamp,
    /// `scheduled`, then `sent`.
    pub status: String,
    pub recipients: Option<i64>,
    pub sent_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub team_ids: Vec<TeamId>,
}

/// A member of the broadcast's teams, as a recipient.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub user_id: UserId,
    pub email: String,
    pub language: Language,
}

type Row = (
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    i64,
    String,
    Option<i64>,
    Option<i64>,
    i64,
);

const COLUMNS: &str = "id, enterprise_id, author, category, subject, body, by_email, send_at, status, \
    recipients, sent_at, created_at";

fn broadcast(r: Row, team_ids: Vec<TeamId>) -> Broadcast {
    Broadcast {
        id: r.0.parse().expect("stored ids are UUIDs"),
        enterprise_id: r.1.parse().expect("stored ids are UUIDs"),
        author: r.2,
        category: r.3,
        subject: r.4,
        body: r.5,
        by_email: r.6 != 0,
        send_at: Timestamp::from_millis(r.7),
        status: r.8,
        recipients: r.9,
        sent_at: r.10.map(Timestamp::from_millis),
        created_at: Timestamp::from_millis(r.11),
        team_ids,
    }
}

pub async fn insert(conn: &mut Conn, b: &Broadcast) -> Result<()> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO broadcasts ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
    )))
    .bind(b.id.to_string())
    .bind(b.enterprise_id.to_string())
    .bind(b.author.clone())
    .bind(b.category.clone())
    .bind(b.subject.clone())
    .bind(b.body.clone())
    .bind(i64::from(b.by_email))
    .bind(b.send_at.millis())
    .bind(b.status.clone())
    .bind(b.recipients)
    .bind(b.sent_at.map(|t| t.millis()))
    .bind(b.created_at.millis())
    .execute(&mut *conn)
    .await?;
    for team in &b.team_ids {
        sqlx::query("INSERT INTO broadcast_teams (broadcast_id, team_id) VALUES ($1, $2)")
            .bind(b.id.to_string())
            .bind(team.to_string())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn teams_of(conn: &mut Conn, id: &str) -> Result<Vec<TeamId>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT team_id FROM broadcast_teams WHERE broadcast_id = $1 ORDER BY team_id",
    )
    .bind(id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(t,)| t.parse().expect("stored ids are UUIDs"))
        .collect())
}

pub async fn get(conn: &mut Conn, id: BroadcastId) -> Result<Option<Broadcast>> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM broadcasts WHERE id = $1"
    )))
    .bind(id.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(r) => {
            let teams = teams_of(conn, &r.0).await?;
            Ok(Some(broadcast(r, teams)))
        }
        None => Ok(None),
    }
}

/// An enterprise's broadcasts, the latest send time first.
pub async fn list(conn: &mut Conn, enterprise: EnterpriseId, limit: i64) -> Result<Vec<Broadcast>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM broadcasts WHERE enterprise_id = $1 ORDER BY send_at DESC, id DESC LIMIT $2"
    )))
    .bind(enterprise.to_string())
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let teams = teams_of(conn, &r.0).await?;
        out.push(broadcast(r, teams));
    }
    Ok(out)
}

/// Marks a scheduled broadcast sent; false when it was sent already (a second worker, or a
/// run after a crash, sends nothing twice).
pub async fn mark_sent(
    conn: &mut Conn,
    id: BroadcastId,
    recipients: i64,
    now: Timestamp,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE broadcasts SET status = 'sent', sent_at = $2, recipients = $3 WHERE id = $1 AND status = 'scheduled'",
    )
    .bind(id.to_string())
    .bind(now.millis())
    .bind(recipients)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Everyone in any of the broadcast's teams, once each.
pub async fn recipients(conn: &mut Conn, id: BroadcastId) -> Result<Vec<Recipient>> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT DISTINCT u.id, u.email, u.language FROM broadcast_teams b \
         JOIN user_teams t ON t.team_id = b.team_id JOIN users u ON u.id = t.user_id \
         WHERE b.broadcast_id = $1 ORDER BY u.id",
    )
    .bind(id.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, email, language)| Recipient {
            user_id: id.parse().expect("stored ids are UUIDs"),
            email,
            language: Language::parse(&language).unwrap_or(Language::English),
        })
        .collect())
}
