//! Jobs, audit log and API tokens.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use switchboard_app::AppError;
use switchboard_app::tokens::NewToken;
use switchboard_store::audit::AuditQuery;
use switchboard_store::jobs::{JobQuery, JobStatus};
use utoipa::IntoParams;

use super::dto::*;
use crate::AppState;
use crate::extract::{ApiJson, ApiQuery, Caller, path_id, query_id};
use crate::problem::{ApiError, ApiResult, Problem};

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct JobListQuery {
    /// `queued`, `running`, `succeeded` or `failed`.
    pub status: Option<String>,
    pub enterprise_id: Option<String>,
    /// Jobs about this user.
    pub subject_id: Option<String>,
    pub cursor: Option<String>,
    pub limit: Option<i64>,
}

/// Background jobs, newest first (operators).
#[utoipa::path(get, path = "/jobs", tag = "operations", params(JobListQuery), responses((status = 200, body = Page<JobDto>)))]
pub async fn list_jobs(
    State(s): State<AppState>,
    Caller(actor): Caller,
    ApiQuery(q): ApiQuery<JobListQuery>,
) -> ApiResult<Json<Page<JobDto>>> {
    let status = match q.status.as_deref() {
        None => None,
        Some(raw) => Some(JobStatus::parse(raw).ok_or_else(|| {
            ApiError(AppError::invalid(
                "status",
                "invalid-choice",
                "The status is one of: queued, running, succeeded, failed.",
            ))
        })?),
    };
    let enterprise_id = q
        .enterprise_id
        .as_deref()
        .map(|e| query_id(e, "enterprise_id"))
        .transpose()?;
    let limit = q.limit.unwrap_or(100).clamp(1, 500);
    let query = JobQuery {
        enterprise_id,
        status,
        subject_id: q.subject_id,
        before_id: q.cursor,
        limit: limit + 1,
    };
    let items = s.app.jobs().list(&actor, query).await?;
    Ok(Json(Page::from_overfetch(items, limit, |j| {
        j.id.to_string()
    })))
}

/// One job (operators).
#[utoipa::path(get, path = "/jobs/{id}", tag = "operations", responses((status = 200, body = JobDto), (status = 404, body = Problem)))]
pub async fn get_job(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<JobDto>> {
    Ok(Json(
        s.app.jobs().get(&actor, path_id(&id, "job")?).await?.into(),
    ))
}

/// Run a failed job again (operators).
#[utoipa::path(post, path = "/jobs/{id}/retry", tag = "operations", responses((status = 200, body = JobDto), (status = 409, body = Problem)))]
pub async fn retry_job(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<JobDto>> {
    Ok(Json(
        s.app
            .jobs()
            .retry(&actor, path_id(&id, "job")?)
            .await?
            .into(),
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct AuditListQuery {
    pub enterprise_id: Option<String>,
    /// Entries about this user (or other target).
    pub target_id: Option<String>,
    /// e.g. `user.created`, `user.deleted`.
    pub action: Option<String>,
    pub cursor: Option<String>,
    pub limit: Option<i64>,
}

/// The audit log, newest first: operators, enterprise administrators (their enterprise).
#[utoipa::path(get, path = "/audit", tag = "operations", params(AuditListQuery), responses((status = 200, body = Page<AuditDto>)))]
pub async fn list_audit(
    State(s): State<AppState>,
    Caller(actor): Caller,
    ApiQuery(q): ApiQuery<AuditListQuery>,
) -> ApiResult<Json<Page<AuditDto>>> {
    let enterprise_id = q
        .enterprise_id
        .as_deref()
        .map(|e| query_id(e, "enterprise_id"))
        .transpose()?;
    let limit = q.limit.unwrap_or(100).clamp(1, 500);
    let query = AuditQuery {
        enterprise_id,
        target_id: q.target_id,
        action: q.action,
        before_id: q.cursor,
        limit: limit + 1,
        ..AuditQuery::default()
    };
    let items = s.app.audit().list(&actor, query).await?;
    Ok(Json(Page::from_overfetch(items, limit, |a| {
        a.id.to_string()
    })))
}

/// Issue an API token (K-2). The token is in this response only.
#[utoipa::path(post, path = "/tokens", tag = "operations", request_body = CreateToken,
    responses((status = 201, body = IssuedTokenDto), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_token(
    State(s): State<AppState>,
    Caller(actor): Caller,
    ApiJson(b): ApiJson<CreateToken>,
) -> ApiResult<(StatusCode, Json<IssuedTokenDto>)> {
    let input = NewToken {
        name: b.name,
        scope: b.scope,
        enterprise_id: b.enterprise_id,
        site_id: b.site_id,
        expires_in_days: b.expires_in_days,
    };
    let issued = s.app.tokens().create(&actor, input).await?;
    Ok((
        StatusCode::CREATED,
        Json(IssuedTokenDto {
            token: issued.token,
            record: issued.record.into(),
        }),
    ))
}

/// API tokens in reach (never their secrets).
#[utoipa::path(get, path = "/tokens", tag = "operations", responses((status = 200, body = Vec<TokenDto>)))]
pub async fn list_tokens(
    State(s): State<AppState>,
    Caller(actor): Caller,
) -> ApiResult<Json<Vec<TokenDto>>> {
    Ok(Json(
        s.app
            .tokens()
            .list(&actor)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

/// Revoke an API token; it stops working on the next request.
#[utoipa::path(delete, path = "/tokens/{id}", tag = "operations", responses((status = 204), (status = 404, body = Problem)))]
pub async fn revoke_token(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    s.app
        .tokens()
        .revoke(&actor, path_id(&id, "token")?)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
