//! Greetings (S-1, S-3, G-6): a user's voicemail greeting, a hunt group's or call centre's
//! voicemail greeting, an auto attendant's business-hours and out-of-hours greetings. Uploaded
//! as the request body (WAV or MP3, decided by the content, at most 5 MB), read back as audio.

use axum::Json;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use switchboard_app::AppError;
use switchboard_app::greetings::GreetingOwner;
use switchboard_domain::FieldError;
use switchboard_domain::audio::MAX_GREETING_BYTES;
use switchboard_store::greetings::About;
use utoipa::ToSchema;

use crate::AppState;
use crate::extract::{Caller, path_id};
use crate::problem::{ApiError, ApiResult, Problem};

#[derive(Debug, Serialize, ToSchema)]
pub struct GreetingDto {
    /// `voicemail`, `business` or `after_hours`.
    pub purpose: String,
    /// `audio/wav` or `audio/mpeg`, as found in the file.
    pub content_type: String,
    pub size: i64,
    pub uploaded_at: String,
}

impl From<About> for GreetingDto {
    fn from(a: About) -> Self {
        Self {
            purpose: a.purpose,
            content_type: a.content_type,
            size: a.size,
            uploaded_at: a.created_at.to_rfc3339(),
        }
    }
}

/// The body, refused by name when it is larger than a greeting may be.
async fn audio_of(body: Body) -> Result<axum::body::Bytes, ApiError> {
    axum::body::to_bytes(body, MAX_GREETING_BYTES)
        .await
        .map_err(|_| {
            ApiError(AppError::Validation(vec![FieldError::new(
                "greeting",
                "too-large",
                format!(
                    "A greeting is at most {} MB.",
                    MAX_GREETING_BYTES / 1024 / 1024
                ),
            )]))
        })
}

fn audio_response((kind, audio): (switchboard_domain::audio::AudioKind, Vec<u8>)) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind.content_type()),
            (header::CACHE_CONTROL, "private, no-cache"),
        ],
        audio,
    )
        .into_response()
}

async fn upload(
    s: &AppState,
    actor: &switchboard_app::Actor,
    owner: GreetingOwner,
    purpose: &str,
    body: Body,
) -> ApiResult<Json<GreetingDto>> {
    let audio = audio_of(body).await?;
    let about = s
        .app
        .greetings()
        .upload(actor, owner, purpose, &audio)
        .await?;
    Ok(Json(about.into()))
}

/// Upload a user's voicemail greeting (`purpose` = `voicemail`), for the user themselves or an
/// administrator in reach: the request body is the WAV or MP3 file.
#[utoipa::path(put, path = "/users/{id}/greetings/{purpose}", tag = "users",
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 200, body = GreetingDto), (status = 422, description = "unsupported-audio, too-large", body = Problem)))]
pub async fn put_user_greeting(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path((id, purpose)): Path<(String, String)>,
    body: Body,
) -> ApiResult<Json<GreetingDto>> {
    let owner = GreetingOwner::User(path_id(&id, "user")?);
    upload(&s, &actor, owner, &purpose, body).await
}

/// A user's greeting as audio.
#[utoipa::path(get, path = "/users/{id}/greetings/{purpose}", tag = "users",
    responses((status = 200, description = "the audio (audio/wav or audio/mpeg)"), (status = 404, body = Problem)))]
pub async fn get_user_greeting(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path((id, purpose)): Path<(String, String)>,
) -> ApiResult<Response> {
    let owner = GreetingOwner::User(path_id(&id, "user")?);
    Ok(audio_response(
        s.app.greetings().audio(&actor, owner, &purpose).await?,
    ))
}

/// Back to the default greeting.
#[utoipa::path(delete, path = "/users/{id}/greetings/{purpose}", tag = "users",
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn delete_user_greeting(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path((id, purpose)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    let owner = GreetingOwner::User(path_id(&id, "user")?);
    s.app.greetings().remove(&actor, owner, &purpose).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Upload a virtual user's greeting: an auto attendant's `business` or `after_hours`, a hunt
/// group's or call centre's `voicemail` (S-3). The request body is the WAV or MP3 file.
#[utoipa::path(put, path = "/groups/{id}/greetings/{purpose}", tag = "groups",
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 200, body = GreetingDto), (status = 422, description = "unsupported-audio, too-large, invalid-choice", body = Problem)))]
pub async fn put_group_greeting(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path((id, purpose)): Path<(String, String)>,
    body: Body,
) -> ApiResult<Json<GreetingDto>> {
    let owner = GreetingOwner::Group(path_id(&id, "group")?);
    upload(&s, &actor, owner, &purpose, body).await
}

/// A virtual user's greeting as audio.
#[utoipa::path(get, path = "/groups/{id}/greetings/{purpose}", tag = "groups",
    responses((status = 200, description = "the audio (audio/wav or audio/mpeg)"), (status = 404, body = Problem)))]
pub async fn get_group_greeting(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path((id, purpose)): Path<(String, String)>,
) -> ApiResult<Response> {
    let owner = GreetingOwner::Group(path_id(&id, "group")?);
    Ok(audio_response(
        s.app.greetings().audio(&actor, owner, &purpose).await?,
    ))
}

/// Back to the default greeting.
#[utoipa::path(delete, path = "/groups/{id}/greetings/{purpose}", tag = "groups",
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn delete_group_greeting(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path((id, purpose)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    let owner = GreetingOwner::Group(path_id(&id, "group")?);
    s.app.greetings().remove(&actor, owner, &purpose).await?;
    Ok(StatusCode::NO_CONTENT)
}
