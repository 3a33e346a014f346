//! Portal accounts through the API (K-1, U-5): invitations, administrator-set passwords, the
//! two-step requirement, account status, and the operators' mail outbox.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use switchboard_store::outbox::OutboxQuery;
use utoipa::{IntoParams, ToSchema};

use super::dto::Page;
use crate::AppState;
use crate::extract::{ApiJson, ApiQuery, Caller, path_id, query_id};
use crate::problem::{ApiResult, Problem};

/// What an administrator may know of a user's portal account (never a secret).
#[derive(Debug, Serialize, ToSchema)]
pub struct AccountDto {
    /// A password is set (false while the invitation is not accepted).
    pub has_password: bool,
    /// The password must be changed at the next sign-in (U-5).
    pub must_change_password: bool,
    /// Two-step sign-in is required by an administrator (K-1).
    pub two_step_required: bool,
    /// An authenticator app is set up.
    pub totp_enabled: bool,
    pub recovery_codes_left: usize,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetPassword {
    /// 12–256 characters, strength-checked; the user's own names and email count against it.
    pub password: Option<String>,
    /// Default true: the user chooses their own at first sign-in.
    pub must_change_password: Option<bool>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TwoStepRequirement {
    pub required: Option<bool>,
}

/// A user's portal account status.
#[utoipa::path(get, path = "/users/{id}/account", tag = "users",
    responses((status = 200, body = AccountDto), (status = 404, body = Problem)))]
pub async fn get_account(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<AccountDto>> {
    let status = s
        .app
        .accounts()
        .status_of_user(&actor, path_id(&id, "user")?)
        .await?;
    Ok(Json(AccountDto {
        has_password: status.has_password,
        must_change_password: status.must_change_password,
        two_step_required: status.two_step_required,
        totp_enabled: status.totp_enabled,
        recovery_codes_left: status.recovery_codes_left,
    }))
}

/// Send (again) an invitation: a one-time link to choose a password, by email in the user's
/// language (U-5). Earlier links stop working.
#[utoipa::path(post, path = "/users/{id}/invitation", tag = "users",
    responses((status = 202, description = "The invitation is in the outbox"), (status = 404, body = Problem)))]
pub async fn invite(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    s.app
        .accounts()
        .invite(&actor, path_id(&id, "user")?)
        .await?;
    Ok(StatusCode::ACCEPTED)
}

/// Set a user's portal password (U-5). The user's sessions end.
#[utoipa::path(put, path = "/users/{id}/password", tag = "users", request_body = SetPassword,
    responses((status = 204), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn set_password(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<SetPassword>,
) -> ApiResult<StatusCode> {
    let password = b.password.ok_or_else(|| {
        switchboard_app::AppError::invalid("password", "required", "Give the password.")
    })?;
    s.app
        .accounts()
        .set_password(
            &actor,
            path_id(&id, "user")?,
            &password,
            b.must_change_password.unwrap_or(true),
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Require (or stop requiring) two-step sign-in for a user (K-1). Without an authenticator app
/// the code goes to the personal contact, which must then be an email address or mobile number.
#[utoipa::path(put, path = "/users/{id}/two-step", tag = "users", request_body = TwoStepRequirement,
    responses((status = 204), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn require_two_step(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<TwoStepRequirement>,
) -> ApiResult<StatusCode> {
    let required = b.required.ok_or_else(|| {
        switchboard_app::AppError::invalid("required", "required", "Say true or false.")
    })?;
    s.app
        .accounts()
        .require_two_step(&actor, path_id(&id, "user")?, required)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct OutboxListQuery {
    /// Only messages to this address or number.
    pub to: Option<String>,
    pub enterprise_id: Option<String>,
    pub cursor: Option<String>,
    pub limit: Option<i64>,
}

/// One message Switchboard sent or keeps.
#[derive(Debug, Serialize, ToSchema)]
pub struct MessageDto {
    pub id: String,
    pub enterprise_id: Option<String>,
    /// `email` or `sms`.
    pub channel: String,
    pub recipient: String,
    pub subject: String,
    /// The text; absent once delivered over SMTP.
    pub body: Option<String>,
    /// `invitation`, `invitation_notice`, `password_reset`, `sign_in_code`.
    pub purpose: String,
    /// `stored` (outbox mailer), `queued`, `sent`, `failed`.
    pub status: String,
    pub created_at: String,
    pub sent_at: Option<String>,
    pub last_error: Option<String>,
}

/// The mail outbox, newest first (operators). With the `outbox` mailer (the embedded default)
/// this is where invitations and codes are read.
#[utoipa::path(get, path = "/outbox", tag = "operations", params(OutboxListQuery),
    responses((status = 200, body = Page<MessageDto>), (status = 403, body = Problem)))]
pub async fn list_outbox(
    State(s): State<AppState>,
    Caller(actor): Caller,
    ApiQuery(q): ApiQuery<OutboxListQuery>,
) -> ApiResult<Json<Page<MessageDto>>> {
    let enterprise_id = q
        .enterprise_id
        .as_deref()
        .map(|e| query_id(e, "enterprise_id"))
        .transpose()?;
    let limit = q.limit.unwrap_or(50).clamp(1, 500);
    let query = OutboxQuery {
        recipient: q.to,
        enterprise_id,
        before_id: q.cursor,
        limit: limit + 1,
    };
    let items: Vec<MessageDto> = s
        .app
        .outbox()
        .list(&actor, query)
        .await?
        .into_iter()
        .map(|m| MessageDto {
            id: m.id.to_string(),
            enterprise_id: m.enterprise_id.map(|e| e.to_string()),
            channel: m.channel,
            recipient: m.recipient,
            subject: m.subject,
            body: m.body,
            purpose: m.purpose,
            status: m.status,
            created_at: m.created_at.to_string(),
            sent_at: m.sent_at.map(|t| t.to_string()),
            last_error: m.last_error,
        })
        .collect();
    Ok(Json(Page::from_overfetch(items, limit, |m| m.id.clone())))
}
