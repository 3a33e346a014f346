//! S-1: a user's voicemail messages — recorded by the media server (operators' API), listed,
//! marked heard and deleted by the user or an administrator in reach.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use switchboard_store::voicemail::VoicemailMessage;
use utoipa::ToSchema;

use crate::AppState;
use crate::extract::{ApiJson, Caller, path_id};
use crate::problem::{ApiResult, Problem};

#[derive(Debug, Serialize, ToSchema)]
pub struct VoicemailDto {
    pub id: String,
    /// A number, an extension, or `anonymous`.
    pub caller: String,
    pub received_at: String,
    pub duration_seconds: i64,
    /// Absent: new.
    pub heard_at: Option<String>,
}

impl From<VoicemailMessage> for VoicemailDto {
    fn from(m: VoicemailMessage) -> Self {
        Self {
            id: m.id.to_string(),
            caller: m.caller,
            received_at: m.received_at.to_rfc3339(),
            duration_seconds: m.duration_seconds,
            heard_at: m.heard_at.map(|t| t.to_rfc3339()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VoicemailList {
    pub items: Vec<VoicemailDto>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewVoicemail {
    pub caller: Option<String>,
    /// RFC 3339; now when absent.
    pub received_at: Option<String>,
    /// 0–3600.
    pub duration_seconds: Option<i64>,
}

/// The user's voicemail messages, newest first (at most 200).
#[utoipa::path(get, path = "/users/{id}/voicemail-messages", tag = "users",
    responses((status = 200, body = VoicemailList), (status = 404, body = Problem)))]
pub async fn list(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<VoicemailList>> {
    let messages = s
        .app
        .voicemail()
        .list(&actor, path_id(&id, "user")?)
        .await?;
    Ok(Json(VoicemailList {
        items: messages.into_iter().map(Into::into).collect(),
    }))
}

/// Record a message (the media server, with an operator's token).
#[utoipa::path(post, path = "/users/{id}/voicemail-messages", tag = "users", request_body = NewVoicemail,
    responses((status = 201, body = VoicemailDto), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn record(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<NewVoicemail>,
) -> ApiResult<(StatusCode, Json<VoicemailDto>)> {
    let message = s
        .app
        .voicemail()
        .record(
            &actor,
            path_id(&id, "user")?,
            b.caller,
            b.received_at,
            b.duration_seconds,
        )
        .await?;
    Ok((StatusCode::CREATED, Json(message.into())))
}

/// Mark a message heard.
#[utoipa::path(post, path = "/users/{id}/voicemail-messages/{message}/heard", tag = "users",
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn heard(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path((id, message)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    s.app
        .voicemail()
        .mark_heard(
            &actor,
            path_id(&id, "user")?,
            path_id(&message, "voicemail message")?,
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Delete a message.
#[utoipa::path(delete, path = "/users/{id}/voicemail-messages/{message}", tag = "users",
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn delete(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path((id, message)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    s.app
        .voicemail()
        .delete(
            &actor,
            path_id(&id, "user")?,
            path_id(&message, "voicemail message")?,
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
