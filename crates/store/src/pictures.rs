//! Users' pictures (U-9): one re-encoded JPEG per user, with when it last changed (the
//! portal's image addresses carry it, so browsers may keep a picture for good).

use switchboard_domain::{EnterpriseId, Timestamp, UserId};

use crate::db::Placeholders;
use crate::{Conn, Result};

/// Replaces the user's picture.
pub async fn put(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    user: UserId,
    jpeg: &[u8],
    now: Timestamp,
) -> Result<()> {
    remove(conn, user).await?;
    sqlx::query(
        "INSERT INTO user_pictures (user_id, enterprise_id, image, updated_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(user.to_string())
    .bind(enterprise.to_string())
    .bind(jpeg.to_vec())
    .bind(now.millis())
    .execute(conn)
    .await?;
    Ok(())
}

/// True when there was one.
pub async fn remove(conn: &mut Conn, user: UserId) -> Result<bool> {
    let done = sqlx::query("DELETE FROM user_pictures WHERE user_id = $1")
        .bind(user.to_string())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// The picture and when it was set.
pub async fn get(conn: &mut Conn, user: UserId) -> Result<Option<(Vec<u8>, Timestamp)>> {
    let row: Option<(Vec<u8>, i64)> =
        sqlx::query_as("SELECT image, updated_at FROM user_pictures WHERE user_id = $1")
            .bind(user.to_string())
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(image, at)| (image, Timestamp::from_millis(at))))
}

/// When each of these users' pictures was set, for those who have one.
pub async fn set_at(conn: &mut Conn, users: &[String]) -> Result<Vec<(String, Timestamp)>> {
    if users.is_empty() {
        return Ok(Vec::new());
    }
    let mut p = Placeholders::default();
    let list: Vec<String> = users.iter().map(|_| p.fresh()).collect();
    let sql = format!(
        "SELECT user_id, updated_at FROM user_pictures WHERE user_id IN ({})",
        list.join(", ")
    );
    let mut query = sqlx::query_as::<_, (String, i64)>(sqlx::AssertSqlSafe(sql));
    for id in users {
        query = query.bind(id.clone());
    }
    let rows = query.fetch_all(conn).await?;
    Ok(rows
        .into_iter()
        .map(|(id, at)| (id, Timestamp::from_millis(at)))
        .collect())
}
