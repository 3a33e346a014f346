//! /users: create, read, update (If-Match), delete, list, and the lifecycle actions.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;
use switchboard_app::users::{Deactivation, NewUser, UserChanges, UserListParams, UserWithLogin};
use switchboard_domain::UserId;
use utoipa::IntoParams;

use super::dto::*;
use super::tenancy::etag_header;
use crate::AppState;
use crate::extract::{ApiJson, ApiQuery, Caller, IfMatch, path_id};
use crate::problem::{ApiResult, Problem};

fn with_login(result: UserWithLogin) -> (HeaderMap, Json<UserWithLoginDto>) {
    (
        etag_header(result.user.version),
        Json(UserWithLoginDto {
            user: result.user.into(),
            sip_login: result.sip_login.map(Into::into),
        }),
    )
}

fn user_id(raw: &str) -> Result<UserId, crate::problem::ApiError> {
    path_id(raw, "user")
}

/// Create a user (U-1…U-4). Starts pending; activation runs in the background (L-1). The
/// response carries the desk-phone login once.
#[utoipa::path(post, path = "/enterprises/{id}/users", tag = "users", request_body = CreateUser,
    responses((status = 201, body = UserWithLoginDto),
        (status = 409, description = "licence-exhausted, number-taken, extension-taken, login-taken", body = Problem),
        (status = 422, description = "validation: every failing field in errors[]", body = Problem)))]
pub async fn create_user(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<CreateUser>,
) -> ApiResult<(StatusCode, HeaderMap, Json<UserWithLoginDto>)> {
    let input = NewUser {
        site_id: b.site_id,
        first_name: b.first_name,
        last_name: b.last_name,
        email: b.email,
        login_name: b.login_name,
        role: b.role,
        package_licence: b.package_licence,
        addon_licences: b.addon_licences,
        primary_number: b.primary_number,
        extension: b.extension,
        device_type: b.device_type,
        mobile_number: b.mobile_number,
        contract_number: b.contract_number,
        department_id: b.department_id,
        team_ids: b.team_ids,
        personal_contact: b.personal_contact,
        language: b.language,
        password: b.password,
        must_change_password: b.must_change_password,
        two_step_required: b.two_step_required,
    };
    let created = s
        .app
        .users()
        .create(&actor, path_id(&id, "enterprise")?, input)
        .await?;
    let (headers, body) = with_login(created);
    Ok((StatusCode::CREATED, headers, body))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct UserListQuery {
    /// `pending`, `active`, `failed` or `deactivated`.
    pub state: Option<String>,
    pub site_id: Option<String>,
    pub role: Option<String>,
    /// A licence code or id (package or add-on).
    pub licence: Option<String>,
    /// A device type code or id.
    pub device_type: Option<String>,
    pub department_id: Option<String>,
    pub team_id: Option<String>,
    /// Members of a group (a call centre's agents).
    pub group_id: Option<String>,
    /// Agents assigned to a campaign (G-2).
    pub campaign_id: Option<String>,
    /// Search: digits match extensions by prefix; otherwise name or email.
    pub q: Option<String>,
    /// `contains` (default from 3 characters; trigram index) or `prefix` (last name, or email when it has '@').
    #[serde(rename = "match")]
    pub match_mode: Option<String>,
    /// `name` (default), `email`, `extension`, `created`; prefix `-` for descending.
    pub sort: Option<String>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Page size 1–500, default 50.
    pub limit: Option<i64>,
}

/// List users (U-6): filters, search, sort, keyset pages. No total count (P-1).
#[utoipa::path(get, path = "/enterprises/{id}/users", tag = "users", params(UserListQuery),
    responses((status = 200, body = Page<UserDto>), (status = 422, body = Problem)))]
pub async fn list_users(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<UserListQuery>,
) -> ApiResult<Json<Page<UserDto>>> {
    let params = UserListParams {
        state: q.state,
        site_id: q.site_id,
        role: q.role,
        licence: q.licence,
        device_type: q.device_type,
        department_id: q.department_id,
        team_id: q.team_id,
        group_id: q.group_id,
        campaign_id: q.campaign_id,
        q: q.q,
        match_mode: q.match_mode,
        sort: q.sort,
        cursor: q.cursor,
        limit: q.limit,
    };
    let page = s
        .app
        .users()
        .list(&actor, path_id(&id, "enterprise")?, params)
        .await?;
    Ok(Json(Page {
        items: page.users.into_iter().map(Into::into).collect(),
        next_cursor: page.next_cursor,
    }))
}

/// Get a user; the ETag is its version.
#[utoipa::path(get, path = "/users/{id}", tag = "users", responses((status = 200, body = UserDto), (status = 404, body = Problem)))]
pub async fn get_user(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<(HeaderMap, Json<UserDto>)> {
    let id = user_id(&id)?;
    let user = s.app.users().get(&actor, id).await?;
    let pushed = s.app.users().push_state(&actor, id).await?;
    let mut dto = UserDto::from(user);
    dto.provisioning = Some(pushed.into());
    Ok((etag_header(dto.version), Json(dto)))
}

/// Change a user. Needs `If-Match` with the ETag read. Profile fields in any state;
/// configuration only while active (L-3/L-7). A new device type returns new login details once.
#[utoipa::path(patch, path = "/users/{id}", tag = "users", request_body = UpdateUser,
    responses((status = 200, body = UserWithLoginDto), (status = 409, body = Problem), (status = 412, body = Problem),
        (status = 422, body = Problem), (status = 428, body = Problem)))]
pub async fn update_user(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    if_match: IfMatch,
    ApiJson(b): ApiJson<UpdateUser>,
) -> ApiResult<(HeaderMap, Json<UserWithLoginDto>)> {
    let id = user_id(&id)?;
    let version = match if_match.0 {
        Some(crate::extract::IfMatchValue::Any) => {
            Some(s.app.users().get(&actor, id).await?.version)
        }
        _ => if_match.version(|| -1),
    };
    let changes = UserChanges {
        first_name: b.first_name,
        last_name: b.last_name,
        email: b.email,
        login_name: b.login_name,
        role: b.role,
        department_id: patch(b.department_id),
        team_ids: b.team_ids,
        personal_contact: patch(b.personal_contact),
        language: b.language,
        primary_number: b.primary_number,
        extension: b.extension,
        device_type: b.device_type,
        package_licence: b.package_licence,
        addon_licences: b.addon_licences,
        mobile_number: patch(b.mobile_number),
        contract_number: patch(b.contract_number),
    };
    Ok(with_login(
        s.app.users().update(&actor, id, version, changes).await?,
    ))
}

/// Delete a user for good (L-4): frees numbers and licences, revokes credentials. Administrators
/// can delete only active or deactivated users (L-3).
#[utoipa::path(delete, path = "/users/{id}", tag = "users",
    responses((status = 204), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn delete_user(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    s.app.users().delete(&actor, user_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Retry a failed activation (operators; L-1).
#[utoipa::path(post, path = "/users/{id}/retry-activation", tag = "users",
    responses((status = 200, body = UserDto), (status = 403, body = Problem), (status = 409, body = Problem)))]
pub async fn retry_activation(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<(HeaderMap, Json<UserDto>)> {
    let user = s
        .app
        .users()
        .retry_activation(&actor, user_id(&id)?)
        .await?;
    Ok((etag_header(user.version), Json(user.into())))
}

/// Deactivate an active user with an intercept (L-5).
#[utoipa::path(post, path = "/users/{id}/deactivate", tag = "users", request_body = DeactivateUser,
    responses((status = 200, body = UserDto), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn deactivate(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<DeactivateUser>,
) -> ApiResult<(HeaderMap, Json<UserDto>)> {
    let input = Deactivation {
        action: b.action,
        destination_user_id: b.destination_user_id,
        destination_queue_id: b.destination_queue_id,
    };
    let user = s
        .app
        .users()
        .deactivate(&actor, user_id(&id)?, input)
        .await?;
    Ok((etag_header(user.version), Json(user.into())))
}

/// Reactivate a deactivated user; the intercept is cleared (L-6).
#[utoipa::path(post, path = "/users/{id}/reactivate", tag = "users", responses((status = 200, body = UserDto), (status = 409, body = Problem)))]
pub async fn reactivate(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<(HeaderMap, Json<UserDto>)> {
    let user = s.app.users().reactivate(&actor, user_id(&id)?).await?;
    Ok((etag_header(user.version), Json(user.into())))
}

/// New desk-phone login details, shown once (U-4, L-7).
#[utoipa::path(post, path = "/users/{id}/sip-credentials", tag = "users", responses((status = 201, body = UserWithLoginDto)))]
pub async fn new_sip_credentials(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<(StatusCode, HeaderMap, Json<UserWithLoginDto>)> {
    let (headers, body) = with_login(
        s.app
            .users()
            .renew_sip_credentials(&actor, user_id(&id)?)
            .await?,
    );
    Ok((StatusCode::CREATED, headers, body))
}

/// A prefilled new-user form from this user (U-7). Writes nothing.
#[utoipa::path(post, path = "/users/{id}/duplicate", tag = "users", responses((status = 200, body = UserDraftDto)))]
pub async fn duplicate(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<UserDraftDto>> {
    Ok(Json(
        s.app.users().duplicate(&actor, user_id(&id)?).await?.into(),
    ))
}

/// Add an alternative number (N-5): consumes an additional-number licence.
#[utoipa::path(post, path = "/users/{id}/alternative-numbers", tag = "users", request_body = AddNumber,
    responses((status = 200, body = UserDto), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn add_alternative_number(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<AddNumber>,
) -> ApiResult<(HeaderMap, Json<UserDto>)> {
    let user = s
        .app
        .users()
        .add_alternative_number(&actor, user_id(&id)?, b.number)
        .await?;
    Ok((etag_header(user.version), Json(user.into())))
}

/// Remove an alternative number; it and its licence are free at once (N-6).
#[utoipa::path(delete, path = "/users/{id}/alternative-numbers/{number}", tag = "users",
    responses((status = 200, body = UserDto), (status = 404, body = Problem)))]
pub async fn remove_alternative_number(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path((id, number)): Path<(String, String)>,
) -> ApiResult<(HeaderMap, Json<UserDto>)> {
    let user = s
        .app
        .users()
        .remove_alternative_number(&actor, user_id(&id)?, &number)
        .await?;
    Ok((etag_header(user.version), Json(user.into())))
}
