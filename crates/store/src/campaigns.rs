//! A call centre's campaigns (G-2) and the agents assigned to each.

use switchboard_domain::{
    CampaignDirection, CampaignId, CampaignName, EnterpriseId, GroupId, Timestamp, UserId,
};

use crate::groups::Member;
use crate::{Conn, Result};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Campaign {
    pub id: CampaignId,
    pub enterprise_id: EnterpriseId,
    pub group_id: GroupId,
    pub name: CampaignName,
    pub direction: CampaignDirection,
    pub created_at: Timestamp,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    enterprise_id: String,
    group_id: String,
    name: String,
    direction: String,
    created_at: i64,
}

impl From<Row> for Campaign {
    fn from(r: Row) -> Self {
        Campaign {
            id: r.id.parse().expect("stored ids are UUIDs"),
            enterprise_id: r.enterprise_id.parse().expect("stored ids are UUIDs"),
            group_id: r.group_id.parse().expect("stored ids are UUIDs"),
            name: CampaignName::from_trusted(r.name),
            direction: CampaignDirection::parse(&r.direction).expect("the CHECK constraint holds"),
            created_at: Timestamp::from_millis(r.created_at),
        }
    }
}

pub async fn insert(conn: &mut Conn, c: &Campaign) -> Result<()> {
    sqlx::query(
        "INSERT INTO campaigns (id, enterprise_id, group_id, name, direction, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(c.id.to_string())
    .bind(c.enterprise_id.to_string())
    .bind(c.group_id.to_string())
    .bind(c.name.as_str())
    .bind(c.direction.as_str())
    .bind(c.created_at.millis())
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn get(conn: &mut Conn, id: CampaignId) -> Result<Option<Campaign>> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, enterprise_id, group_id, name, direction, created_at FROM campaigns WHERE id = $1",
    )
    .bind(id.to_string())
    .fetch_optional(conn)
    .await?;
    Ok(row.map(Into::into))
}

pub async fn delete(conn: &mut Conn, id: CampaignId) -> Result<()> {
    sqlx::query("DELETE FROM campaign_agents WHERE campaign_id = $1")
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM campaigns WHERE id = $1")
        .bind(id.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

/// The campaigns of a call centre, by name.
pub async fn of_group(conn: &mut Conn, group: GroupId) -> Result<Vec<Campaign>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, enterprise_id, group_id, name, direction, created_at FROM campaigns \
         WHERE group_id = $1 ORDER BY name, id",
    )
    .bind(group.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// The campaigns of an enterprise with their call centre's site, by name (the users list's
/// filter offers them).
pub async fn of_enterprise(
    conn: &mut Conn,
    enterprise: EnterpriseId,
) -> Result<Vec<(Campaign, switchboard_domain::SiteId)>> {
    #[derive(sqlx::FromRow)]
    struct Sited {
        #[sqlx(flatten)]
        row: Row,
        site_id: String,
    }
    let rows: Vec<Sited> = sqlx::query_as(
        "SELECT c.id, c.enterprise_id, c.group_id, c.name, c.direction, c.created_at, g.site_id \
         FROM campaigns c JOIN call_groups g ON g.id = c.group_id \
         WHERE c.enterprise_id = $1 ORDER BY c.name, c.id",
    )
    .bind(enterprise.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|s| {
            let site = s.site_id.parse().expect("stored ids are UUIDs");
            (s.row.into(), site)
        })
        .collect())
}

/// A campaign's agents, by name.
pub async fn agents(conn: &mut Conn, id: CampaignId) -> Result<Vec<Member>> {
    crate::groups::people(
        conn,
        "SELECT u.id, u.first_name, u.last_name, u.extension, u.state, CAST(1 AS BIGINT) FROM campaign_agents a \
         JOIN users u ON u.id = a.user_id WHERE a.campaign_id = $1 ORDER BY u.sort_name, u.id",
        id.to_string(),
    )
    .await
}

/// Replaces a campaign's agents.
pub async fn set_agents(conn: &mut Conn, id: CampaignId, users: &[UserId]) -> Result<()> {
    sqlx::query("DELETE FROM campaign_agents WHERE campaign_id = $1")
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    for user in users {
        sqlx::query("INSERT INTO campaign_agents (campaign_id, user_id) VALUES ($1, $2)")
            .bind(id.to_string())
            .bind(user.to_string())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Takes agents who left a call centre off its campaigns (G-2: a campaign's agents are agents
/// of its call centre).
pub async fn prune_agents(conn: &mut Conn, group: GroupId) -> Result<()> {
    sqlx::query(
        "DELETE FROM campaign_agents WHERE campaign_id IN (SELECT id FROM campaigns WHERE group_id = $1) \
         AND user_id NOT IN (SELECT user_id FROM call_group_members WHERE group_id = $1)",
    )
    .bind(group.to_string())
    .execute(conn)
    .await?;
    Ok(())
}

/// The campaigns each of `users` is assigned to, as (user id, campaign name), for a list's column.
pub async fn names_by_user(conn: &mut Conn, users: &[String]) -> Result<Vec<(String, String)>> {
    crate::bulk::fetch_in(
        conn,
        "SELECT a.user_id, c.name FROM campaign_agents a JOIN campaigns c ON c.id = a.campaign_id \
         WHERE a.user_id IN ({list}) ORDER BY c.name",
        &[],
        users,
    )
    .await
}
