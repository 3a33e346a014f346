//! A user's picture (U-9): uploaded as the request body (PNG, JPEG or WebP, decided by the
//! content, at most 5 MB), kept and served as a small square JPEG.

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use switchboard_app::AppError;
use switchboard_domain::picture::{MAX_PICTURE_BYTES, PICTURE_CONTENT_TYPE, Picture, too_large};
use switchboard_domain::{Timestamp, UserId};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::extract::{Caller, path_id};
use crate::problem::{ApiError, ApiResult, Problem};

#[derive(Debug, Serialize, ToSchema)]
pub struct PictureDto {
    /// Always `image/jpeg`: every upload is re-encoded.
    pub content_type: &'static str,
    pub size: usize,
    pub updated_at: String,
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct PictureQuery {
    /// The picture's `updated_at` in milliseconds, as the portal writes it: an address with
    /// the current one may be cached for good.
    pub v: Option<i64>,
}

/// The picture as a response: cacheable for good under an address that names its version,
/// else revalidated by its tag.
pub fn picture_response(
    (picture, at): (Picture, Timestamp),
    version: Option<i64>,
    headers: &HeaderMap,
) -> Response {
    let etag = format!("\"{}\"", at.millis());
    let cache = if version == Some(at.millis()) {
        "private, max-age=31536000, immutable"
    } else {
        "private, no-cache"
    };
    let unchanged = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == etag);
    let answer = [
        (header::CACHE_CONTROL, cache.to_owned()),
        (header::ETAG, etag),
    ];
    if unchanged {
        (StatusCode::NOT_MODIFIED, answer).into_response()
    } else {
        (
            answer,
            [(header::CONTENT_TYPE, PICTURE_CONTENT_TYPE)],
            picture.into_bytes(),
        )
            .into_response()
    }
}

/// Set a user's picture, for the user themselves or an administrator in reach: the request
/// body is a PNG, JPEG or WebP image. It is turned upright, cut to its middle square, scaled
/// to at most 256 × 256 and kept as JPEG, without the file's metadata.
#[utoipa::path(put, path = "/users/{id}/picture", tag = "users",
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 200, body = PictureDto), (status = 422, description = "unsupported-image, unreadable-image, too-large", body = Problem)))]
pub async fn put_picture(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    body: Body,
) -> ApiResult<axum::Json<PictureDto>> {
    let id: UserId = path_id(&id, "user")?;
    let upload = axum::body::to_bytes(body, MAX_PICTURE_BYTES)
        .await
        .map_err(|_| ApiError(AppError::Validation(vec![too_large("picture")])))?;
    let pictures = s.app.pictures();
    pictures.upload(&actor, id, upload.to_vec()).await?;
    let (picture, at) = pictures.get(&actor, id).await?;
    Ok(axum::Json(PictureDto {
        content_type: PICTURE_CONTENT_TYPE,
        size: picture.as_bytes().len(),
        updated_at: at.to_rfc3339(),
    }))
}

/// A user's picture (a JPEG square), for whoever may see the user.
#[utoipa::path(get, path = "/users/{id}/picture", tag = "users", params(PictureQuery),
    responses((status = 200, description = "the picture (image/jpeg)"), (status = 304), (status = 404, body = Problem)))]
pub async fn get_picture(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    Query(q): Query<PictureQuery>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let id: UserId = path_id(&id, "user")?;
    let found = s.app.pictures().get(&actor, id).await?;
    Ok(picture_response(found, q.v, &headers))
}

/// Remove a user's picture.
#[utoipa::path(delete, path = "/users/{id}/picture", tag = "users",
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn delete_picture(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let id: UserId = path_id(&id, "user")?;
    s.app.pictures().remove(&actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
