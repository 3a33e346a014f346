//! Broadcast messages to teams (G-5).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use switchboard_app::broadcasts::NewBroadcast;
use switchboard_store::broadcasts::Broadcast;
use utoipa::ToSchema;

use crate::AppState;
use crate::extract::{ApiJson, Caller, path_id};
use crate::problem::{ApiResult, Problem};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateBroadcast {
    /// The teams whose members receive it (at least one).
    pub team_ids: Option<Vec<String>>,
    /// `information` (default), `warning` or `urgent`.
    pub category: Option<String>,
    /// 1–120 characters.
    pub subject: Option<String>,
    /// 1–4,000 characters.
    pub body: Option<String>,
    /// When to send it (RFC 3339, at most a year ahead; without an offset, in the enterprise's
    /// time zone); now when absent.
    pub send_at: Option<String>,
    /// Also by email to each member.
    pub by_email: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BroadcastDto {
    pub id: String,
    pub team_ids: Vec<String>,
    pub category: String,
    pub subject: String,
    pub body: String,
    pub by_email: bool,
    pub send_at: String,
    /// `scheduled`, then `sent`.
    pub status: String,
    /// Once sent: how many members received it.
    pub recipients: Option<i64>,
    pub sent_at: Option<String>,
    pub author: String,
}

impl From<Broadcast> for BroadcastDto {
    fn from(b: Broadcast) -> Self {
        Self {
            id: b.id.to_string(),
            team_ids: b.team_ids.iter().map(|t| t.to_string()).collect(),
            category: b.category,
            subject: b.subject,
            body: b.body,
            by_email: b.by_email,
            send_at: b.send_at.to_string(),
            status: b.status,
            recipients: b.recipients,
            sent_at: b.sent_at.map(|t| t.to_string()),
            author: b.author,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BroadcastList {
    pub items: Vec<BroadcastDto>,
}

/// Send a message to one or more teams, now or at `send_at` (G-5): every member gets it in
/// their portal inbox, and by email when `by_email`; a job sends it once.
#[utoipa::path(post, path = "/enterprises/{id}/broadcasts", tag = "groups", request_body = CreateBroadcast,
    responses((status = 201, body = BroadcastDto), (status = 422, body = Problem)))]
pub async fn create_broadcast(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<CreateBroadcast>,
) -> ApiResult<(StatusCode, Json<BroadcastDto>)> {
    let input = NewBroadcast {
        team_ids: b.team_ids,
        category: b.category,
        subject: b.subject,
        body: b.body,
        send_at: b.send_at,
        by_email: b.by_email,
        // A time without an offset is read in the enterprise's time zone (I-6).
        time_zone: None,
    };
    let broadcast = s
        .app
        .broadcasts()
        .create(&actor, path_id(&id, "enterprise")?, input)
        .await?;
    Ok((StatusCode::CREATED, Json(broadcast.into())))
}

/// The enterprise's broadcasts, the latest first (the last 100).
#[utoipa::path(get, path = "/enterprises/{id}/broadcasts", tag = "groups",
    responses((status = 200, body = BroadcastList)))]
pub async fn list_broadcasts(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<BroadcastList>> {
    let items = s
        .app
        .broadcasts()
        .list(&actor, path_id(&id, "enterprise")?)
        .await?;
    Ok(Json(BroadcastList {
        items: items.into_iter().map(Into::into).collect(),
    }))
}
