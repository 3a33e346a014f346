//! Extractors whose failures are problem details: JSON bodies (every bad field listed), query
//! strings, the bearer-token caller, `If-Match`.

use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use switchboard_app::{Actor, AppError};
use switchboard_domain::FieldError;

use crate::AppState;
use crate::problem::{ApiError, problem};

/// A JSON body. On failure every offending top-level field is reported: the body is parsed as
/// a JSON object first, then each field is tried alone (request types have only optional fields,
/// so a field that fails alone is itself wrong — wrong type or unknown).
pub struct ApiJson<T>(pub T);

fn field_error(
    error: serde_path_to_error::Error<serde_json::Error>,
    key: Option<&str>,
) -> FieldError {
    let path = error.path().to_string();
    let field = if path == "." || path == "?" {
        key.unwrap_or("body").to_owned()
    } else {
        path
    };
    let message = error.inner().to_string();
    let code = if message.starts_with("unknown field") {
        "unknown-field"
    } else {
        "invalid-type"
    };
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_owned();
    FieldError::new(field, code, message)
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|mime| {
                let mime = mime.trim();
                mime == "application/json"
                    || (mime.starts_with("application/") && mime.ends_with("+json"))
            })
            .unwrap_or(false);
        if !is_json {
            return Err(problem(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Send the body as JSON with 'Content-Type: application/json'.".into(),
                vec![],
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            let status = rejection.status();
            problem(status, "body-unreadable", rejection.body_text(), vec![])
        })?;
        let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
            problem(
                StatusCode::BAD_REQUEST,
                "malformed-json",
                format!("The body is not valid JSON: {e}."),
                vec![],
            )
        })?;
        match serde_path_to_error::deserialize::<_, T>(&value) {
            Ok(parsed) => Ok(ApiJson(parsed)),
            Err(first) => {
                let mut errors = Vec::new();
                if let serde_json::Value::Object(map) = &value {
                    for (key, field) in map {
                        let alone = serde_json::Value::Object(
                            [(key.clone(), field.clone())].into_iter().collect(),
                        );
                        if let Err(e) = serde_path_to_error::deserialize::<_, T>(&alone) {
                            errors.push(field_error(e, Some(key)));
                        }
                    }
                }
                if errors.is_empty() {
                    errors.push(field_error(first, None));
                }
                Err(ApiError(AppError::Validation(errors)).into_response())
            }
        }
    }
}

/// A query string; a malformed one is a `validation` problem.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        let parse = |pairs: &[(String, String)]| {
            let encoded = form_urlencoded::Serializer::new(String::new())
                .extend_pairs(pairs)
                .finish();
            let deserializer =
                serde_urlencoded::Deserializer::new(form_urlencoded::parse(encoded.as_bytes()));
            serde_path_to_error::deserialize::<_, T>(deserializer)
        };
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        match parse(&pairs) {
            Ok(parsed) => Ok(ApiQuery(parsed)),
            Err(first) => {
                // As for bodies: query types have only optional fields, so each parameter is
                // tried alone and every wrong one is reported.
                let mut errors: Vec<FieldError> = pairs
                    .iter()
                    .filter_map(|pair| {
                        parse(std::slice::from_ref(pair))
                            .err()
                            .map(|e| query_error(e, &pair.0))
                    })
                    .collect();
                if errors.is_empty() {
                    errors.push(query_error(first, "query"));
                }
                Err(ApiError(AppError::Validation(errors)).into_response())
            }
        }
    }
}

fn query_error(
    error: serde_path_to_error::Error<serde_urlencoded::de::Error>,
    key: &str,
) -> FieldError {
    let path = error.path().to_string();
    let field = if path == "." || path == "?" {
        key.to_owned()
    } else {
        path
    };
    let message = error.inner().to_string();
    let code = if message.starts_with("unknown field") {
        "unknown-field"
    } else {
        "invalid-type"
    };
    FieldError::new(field, code, message)
}

/// The authenticated caller (K-2): `Authorization: Bearer <token>`.
pub struct Caller(pub Actor);

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let bearer = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(str::trim)
            .ok_or(ApiError(AppError::Unauthenticated))?;
        let client_ip = parts
            .extensions
            .get::<ConnectInfo<std::net::SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip().to_string());
        let request_id = parts
            .headers
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let actor = state
            .app
            .tokens()
            .authenticate(bearer, client_ip, request_id)
            .await?;
        Ok(Caller(actor))
    }
}

/// The version named by `If-Match: "v7"` (ETags are the resource version). `None` when absent.
pub struct IfMatch(pub Option<IfMatchValue>);

pub enum IfMatchValue {
    Any,
    Version(i64),
    Unparseable,
}

impl IfMatch {
    /// The version to check against `current`: `*` accepts whatever is current.
    pub fn version(&self, current: impl FnOnce() -> i64) -> Option<i64> {
        match &self.0 {
            None => None,
            Some(IfMatchValue::Any) => Some(current()),
            Some(IfMatchValue::Version(v)) => Some(*v),
            Some(IfMatchValue::Unparseable) => Some(-1),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let Some(raw) = parts
            .headers
            .get(header::IF_MATCH)
            .and_then(|v| v.to_str().ok())
        else {
            return Ok(IfMatch(None));
        };
        let raw = raw.trim();
        if raw == "*" {
            return Ok(IfMatch(Some(IfMatchValue::Any)));
        }
        let tag = raw.trim_start_matches("W/").trim_matches('"');
        Ok(IfMatch(Some(
            match tag.strip_prefix('v').and_then(|v| v.parse().ok()) {
                Some(version) => IfMatchValue::Version(version),
                None => IfMatchValue::Unparseable,
            },
        )))
    }
}

/// The ETag of a resource version.
pub fn etag(version: i64) -> String {
    format!("\"v{version}\"")
}

/// Parses a path id; an unparseable one is simply not found.
pub fn path_id<T: std::str::FromStr>(raw: &str, what: &'static str) -> Result<T, ApiError> {
    raw.parse().map_err(|_| ApiError(AppError::NotFound(what)))
}

/// Parses an id given in a query string; a malformed one is a `validation` problem on that field.
pub fn query_id<T: std::str::FromStr>(raw: &str, field: &str) -> Result<T, ApiError> {
    raw.parse().map_err(|_| {
        ApiError(AppError::invalid(
            field,
            "invalid-id",
            format!("'{raw}' is not an id."),
        ))
    })
}
