//! RFC 9457 problem details: how every error leaves the REST API. A 500 never shows internals;
//! its cause is logged with the request id.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use switchboard_app::AppError;
use switchboard_domain::FieldError;
use utoipa::ToSchema;

/// An RFC 9457 problem. `code` is stable; `errors` lists every failing field of a `validation` problem.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem: `urn:switchboard:problem:{code}`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Stable machine-readable code, e.g. `validation`, `licence-exhausted`, `user-not-active`.
    pub code: String,
    /// The id of the request (also in the `x-request-id` header), to find it in the logs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemField>,
}

/// One failing field of a request.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProblemField {
    /// Where: a JSON path such as `first_name` or `addon_licences[1]`.
    pub field: String,
    pub code: String,
    pub message: String,
}

impl From<FieldError> for ProblemField {
    fn from(e: FieldError) -> Self {
        Self {
            field: e.field,
            code: e.code.to_owned(),
            message: e.message,
        }
    }
}

/// An error on its way out of a handler.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        Self(e)
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

fn status_of(error: &AppError) -> StatusCode {
    match error {
        AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::NotFound(_) => StatusCode::NOT_FOUND,
        AppError::Unauthenticated | AppError::SignInFailed => StatusCode::UNAUTHORIZED,
        AppError::Forbidden(_) => StatusCode::FORBIDDEN,
        AppError::UserNotActive { .. }
        | AppError::LicenceExhausted { .. }
        | AppError::NumberTaken(_)
        | AppError::ExtensionTaken(_)
        | AppError::LoginTaken(_)
        | AppError::InUse { .. }
        | AppError::Conflict { .. } => StatusCode::CONFLICT,
        AppError::Gone { .. } => StatusCode::GONE,
        AppError::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
        AppError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
        AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

fn title_of(code: &str) -> String {
    let mut title = code.replace('-', " ");
    if let Some(first) = title.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    title
}

/// Builds the problem response for a status, code, detail and field errors.
pub fn problem(
    status: StatusCode,
    code: &str,
    detail: String,
    errors: Vec<ProblemField>,
) -> Response {
    let body = Problem {
        kind: format!("urn:switchboard:problem:{code}"),
        title: title_of(code),
        status: status.as_u16(),
        detail,
        code: code.to_owned(),
        request_id: None,
        errors,
    };
    let mut response = (status, axum::Json(body)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = status_of(&self.0);
        let code = self.0.code();
        match self.0 {
            AppError::Validation(errors) => {
                let count = errors.len();
                let detail = if count == 1 {
                    format!("{} is invalid: {}", errors[0].field, errors[0].message)
                } else {
                    format!("{count} fields are invalid; see errors.")
                };
                problem(
                    status,
                    code,
                    detail,
                    errors.into_iter().map(Into::into).collect(),
                )
            }
            AppError::Internal(cause) => {
                tracing::error!(error = %format!("{cause:#}"), "internal error");
                problem(
                    status,
                    code,
                    "Something went wrong on our side; the request id helps us find it.".into(),
                    vec![],
                )
            }
            AppError::Unauthenticated => {
                let mut response = problem(
                    status,
                    code,
                    "Send a valid API token: 'Authorization: Bearer sbt_…'. Operators make the first with 'switchboard token create --operator'.".into(),
                    vec![],
                );
                response
                    .headers_mut()
                    .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
                response
            }
            other => {
                let detail = match &other {
                    AppError::NotFound(what) => {
                        format!("No {what} with this id is visible to you.")
                    }
                    _ => other.to_string(),
                };
                problem(status, code, detail, vec![])
            }
        }
    }
}
