//! Bulk work on users (B-1): the import template, exports, and imports that run as jobs.

use axum::Json;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use switchboard_app::AppError;
use switchboard_app::import::{ImportReport, ImportView};
use switchboard_domain::ImportId;
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::extract::{ApiQuery, Caller, path_id};
use crate::problem::{ApiError, ApiResult, Problem};

/// One problem of an imported file, where a spreadsheet shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportProblemDto {
    /// The row (the header is row 1); absent for a problem of the whole file.
    pub row: Option<u64>,
    /// The column's header.
    pub column: Option<String>,
    pub code: String,
    pub message: String,
}

/// What an import did, or (dry run) would do, and every problem.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportReportDto {
    pub dry_run: bool,
    pub rows: u64,
    pub created: u64,
    /// Existing users the file changes (an edited export imported back), or would change.
    pub updated: u64,
    /// Rows equal to an existing user (an export imported back), left as they are.
    pub unchanged: u64,
    pub invitations: u64,
    /// Whether anything was written: all rows or none.
    pub written: bool,
    pub problems: Vec<ImportProblemDto>,
    pub problems_total: u64,
}

impl From<ImportReport> for ImportReportDto {
    fn from(r: ImportReport) -> Self {
        Self {
            dry_run: r.dry_run,
            rows: r.rows,
            created: r.created,
            updated: r.updated,
            unchanged: r.unchanged,
            invitations: r.invitations,
            written: r.written,
            problems: r
                .problems
                .into_iter()
                .map(|p| ImportProblemDto {
                    row: p.row,
                    column: p.column,
                    code: p.code,
                    message: p.message,
                })
                .collect(),
            problems_total: r.problems_total,
        }
    }
}

/// An import as its client polls it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportDto {
    pub id: String,
    pub enterprise_id: String,
    /// `queued`, `checking`, `writing`, then `done`, `refused` (problems; nothing written) or
    /// `failed` (nothing written).
    pub status: String,
    pub dry_run: bool,
    /// Size of the upload.
    pub bytes: i64,
    /// Rows read and checked so far.
    pub rows_checked: i64,
    /// Once finished.
    pub report: Option<ImportReportDto>,
    pub created_at: String,
    pub finished_at: Option<String>,
}

impl From<ImportView> for ImportDto {
    fn from(v: ImportView) -> Self {
        Self {
            id: v.id.to_string(),
            enterprise_id: v.enterprise_id.to_string(),
            status: v.status.as_str().to_owned(),
            dry_run: v.dry_run,
            bytes: v.bytes,
            rows_checked: v.rows_checked,
            report: v.report.map(Into::into),
            created_at: v.created_at.to_string(),
            finished_at: v.finished_at.map(|t| t.to_string()),
        }
    }
}

fn csv_file(name: &str, body: Vec<u8>) -> Response {
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    // Personal data: no cache keeps it.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    (headers, body).into_response()
}

/// The import template (B-1): the header and one example row as a `#` comment.
#[utoipa::path(get, path = "/enterprises/{id}/users/import-template", tag = "bulk",
    responses((status = 200, content_type = "text/csv", body = String)))]
pub async fn import_template(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let body = s
        .app
        .imports()
        .template(&actor, path_id(&id, "enterprise")?)
        .await?;
    Ok(csv_file("users-template.csv", body))
}

/// The template's sheet of allowed values: each column, and the sites, licences, device types,
/// departments, teams, roles and languages the enterprise allows.
#[utoipa::path(get, path = "/enterprises/{id}/users/import-values", tag = "bulk",
    responses((status = 200, content_type = "text/csv", body = String)))]
pub async fn import_values(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let body = s
        .app
        .imports()
        .allowed_values(&actor, path_id(&id, "enterprise")?)
        .await?;
    Ok(csv_file("users-allowed-values.csv", body))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ExportQuery {
    /// `comma` (default) or `semicolon` (German and French spreadsheets).
    pub separator: Option<String>,
}

fn separator_of(raw: Option<&str>) -> Result<u8, ApiError> {
    match raw {
        None | Some("comma") => Ok(b','),
        Some("semicolon") => Ok(b';'),
        Some(other) => Err(ApiError(AppError::invalid(
            "separator",
            "invalid-choice",
            format!("'{other}' is not one of: comma, semicolon."),
        ))),
    }
}

/// Export the users in reach (B-1) in the import's columns; cells that a spreadsheet would run
/// as formulas start with `'`.
#[utoipa::path(get, path = "/enterprises/{id}/users/export", tag = "bulk", params(ExportQuery),
    responses((status = 200, content_type = "text/csv", body = String), (status = 422, body = Problem)))]
pub async fn export_users(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<ExportQuery>,
) -> ApiResult<Response> {
    let separator = separator_of(q.separator.as_deref())?;
    let mut body = Vec::new();
    s.app
        .imports()
        .export(&actor, path_id(&id, "enterprise")?, separator, &mut body)
        .await?;
    Ok(csv_file("users.csv", body))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ImportQuery {
    /// Check only: the report says what would be created; nothing is written.
    pub dry_run: Option<bool>,
}

/// Import users from CSV (B-1). The body is the file (UTF-8 with or without BOM, `,` or `;`);
/// it is stored as it arrives and checked by a background job. Poll the `Location` until the
/// status is `done`, `refused` or `failed`. Every row is checked before anything is written;
/// then all rows are written in one transaction, or none.
#[utoipa::path(post, path = "/enterprises/{id}/imports", tag = "bulk", params(ImportQuery),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 202, body = ImportDto), (status = 422, description = "too-large", body = Problem)))]
pub async fn create_import(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<ImportQuery>,
    body: Body,
) -> ApiResult<(StatusCode, HeaderMap, Json<ImportDto>)> {
    let view = s
        .app
        .imports()
        .submit(
            &actor,
            path_id(&id, "enterprise")?,
            q.dry_run.unwrap_or(false),
            body.into_data_stream(),
        )
        .await?;
    let mut headers = HeaderMap::new();
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/imports/{}", view.id)) {
        headers.insert(header::LOCATION, location);
    }
    Ok((StatusCode::ACCEPTED, headers, Json(view.into())))
}

/// An import's progress and, once finished, its report.
#[utoipa::path(get, path = "/imports/{id}", tag = "bulk",
    responses((status = 200, body = ImportDto), (status = 404, body = Problem)))]
pub async fn get_import(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<ImportDto>> {
    let id: ImportId = path_id(&id, "import")?;
    Ok(Json(s.app.imports().get(&actor, id).await?.into()))
}

/// Import for real the file a dry run checked (B-1): only a dry run that is `done` without a
/// problem and with users to create, within an hour, once. The new import checks every row
/// again (the database may have changed) and writes all of them or none; poll its `Location`.
#[utoipa::path(post, path = "/imports/{id}/confirm", tag = "bulk",
    responses((status = 202, body = ImportDto), (status = 409, description = "already-confirmed", body = Problem),
        (status = 422, description = "not-confirmable", body = Problem)))]
pub async fn confirm_import(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<(StatusCode, HeaderMap, Json<ImportDto>)> {
    let id: ImportId = path_id(&id, "import")?;
    let view = s.app.imports().confirm(&actor, id).await?;
    let mut headers = HeaderMap::new();
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/imports/{}", view.id)) {
        headers.insert(header::LOCATION, location);
    }
    Ok((StatusCode::ACCEPTED, headers, Json(view.into())))
}

/// A bulk action on a selection of users (B-2).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BulkActionRequest {
    /// `reset_passwords` (new invitations), `new_device_passwords` or `delete`.
    pub action: Option<String>,
    /// At most 1,000 user ids.
    pub user_ids: Option<Vec<String>>,
}

/// How one selected user fared.
#[derive(Debug, Serialize, ToSchema)]
pub struct BulkOutcomeDto {
    pub user_id: String,
    /// `done` or `refused`.
    pub outcome: String,
    /// Why it was refused: the code and sentence the single action would answer.
    pub code: Option<String>,
    pub message: Option<String>,
    /// New desk-phone login details (`new_device_passwords`), shown this once (U-4).
    pub sip_login: Option<super::dto::SipLoginDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BulkResultDto {
    pub done: usize,
    pub refused: usize,
    pub results: Vec<BulkOutcomeDto>,
}

/// Act on a selection of users (B-2): each user is judged by the single action's rules (L-3,
/// L-4) in a transaction of their own; the answer says how each fared.
#[utoipa::path(post, path = "/enterprises/{id}/users/bulk", tag = "bulk", request_body = BulkActionRequest,
    responses((status = 200, body = BulkResultDto), (status = 422, body = Problem)))]
pub async fn bulk_action(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    crate::extract::ApiJson(b): crate::extract::ApiJson<BulkActionRequest>,
) -> ApiResult<(HeaderMap, Json<BulkResultDto>)> {
    let outcomes = s
        .app
        .selection()
        .act(&actor, path_id(&id, "enterprise")?, b.action, b.user_ids)
        .await?;
    let results: Vec<BulkOutcomeDto> = outcomes
        .into_iter()
        .map(|o| BulkOutcomeDto {
            user_id: o.user_id,
            outcome: if o.refusal.is_none() {
                "done"
            } else {
                "refused"
            }
            .into(),
            code: o.refusal.as_ref().map(|e| e.code().to_owned()),
            message: o.refusal.as_ref().map(|e| match e {
                AppError::Internal(_) => "internal error".to_owned(),
                other => other.to_string(),
            }),
            sip_login: o.sip_login.map(Into::into),
        })
        .collect();
    let done = results.iter().filter(|r| r.outcome == "done").count();
    let mut headers = HeaderMap::new();
    // New login details may be in the answer: no cache keeps them.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok((
        headers,
        Json(BulkResultDto {
            done,
            refused: results.len() - done,
            results,
        }),
    ))
}

/// A device password run (L-8).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DevicePasswordsRequest {
    /// The site whose users get new desk-phone passwords.
    pub site_id: Option<String>,
    /// Some users of the site; all of them when absent.
    pub user_ids: Option<Vec<String>>,
    /// One password for all (strength-checked); each user gets a generated one otherwise.
    pub password: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DevicePasswordsDto {
    /// Users who got new login details (their old passwords stopped working).
    pub users: usize,
    /// Enterprise administrators left out (a site administrator does not act on them).
    pub skipped: Vec<String>,
    /// The CSV of the new logins: works once, until `expires_at`. It carries the key the CSV is
    /// encrypted with, so it is shown only here.
    pub download_url: String,
    pub expires_at: String,
}

/// The device password manager (L-8): new desk-phone passwords for users of one site, in one
/// transaction; their login details as a CSV that can be downloaded once, shortly after.
#[utoipa::path(post, path = "/enterprises/{id}/device-passwords", tag = "bulk", request_body = DevicePasswordsRequest,
    responses((status = 201, body = DevicePasswordsDto), (status = 422, body = Problem)))]
pub async fn create_device_passwords(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    crate::extract::ApiJson(b): crate::extract::ApiJson<DevicePasswordsRequest>,
) -> ApiResult<(StatusCode, HeaderMap, Json<DevicePasswordsDto>)> {
    let input = switchboard_app::device_passwords::NewDevicePasswords {
        site_id: b.site_id,
        user_ids: b.user_ids,
        password: b.password,
    };
    let issued = s
        .app
        .device_passwords()
        .issue(&actor, path_id(&id, "enterprise")?, input)
        .await?;
    let mut headers = HeaderMap::new();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok((
        StatusCode::CREATED,
        headers,
        Json(DevicePasswordsDto {
            users: issued.users,
            skipped: issued.skipped.iter().map(|u| u.to_string()).collect(),
            download_url: format!("/api/v1/device-passwords/{}", issued.download_token),
            expires_at: issued.expires_at.to_string(),
        }),
    ))
}

/// The CSV of a device password run (L-8), once; afterwards, or after ten minutes, `link-expired`.
#[utoipa::path(get, path = "/device-passwords/{token}", tag = "bulk",
    responses((status = 200, content_type = "text/csv", body = String), (status = 409, description = "link-expired", body = Problem)))]
pub async fn download_device_passwords(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(token): Path<String>,
) -> ApiResult<Response> {
    let body = s.app.device_passwords().download(&actor, &token).await?;
    Ok(csv_file("device-passwords.csv", body))
}
