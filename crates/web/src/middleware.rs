//! Cross-cutting HTTP behaviour: access log spans with the request id, metrics, security
//! headers, and the request id inside problem bodies.

use std::time::Instant;

use axum::body::Body;
use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

/// One span per request carrying method, path and request id; a log line per response.
pub fn trace_layer()
-> TraceLayer<SharedClassifier<ServerErrorsAsFailures>, impl Fn(&Request) -> tracing::Span + Clone>
{
    TraceLayer::new_for_http()
        .make_span_with(|req: &Request| {
            let request_id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("");
            tracing::info_span!("request", method = %req.method(), path = %loggable_path(req.uri().path()), request_id = %request_id)
        })
        .on_response(DefaultOnResponse::new().level(Level::INFO))
}

/// K-5: a one-time link's token is a secret (a device password sheet's even holds its key); the
/// access log keeps only which kind of link it was.
fn loggable_path(path: &str) -> &str {
    for prefix in [
        "/invitation/",
        "/reset/",
        "/api/v1/device-passwords/",
        "/device-passwords/",
    ] {
        if path.starts_with(prefix) {
            return prefix;
        }
    }
    path
}

/// Prometheus: requests by route and status, and their duration.
pub async fn record_metrics(req: Request, next: Next) -> Response {
    let start = Instant::now();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".into());
    let method = req.method().to_string();
    let response = next.run(req).await;
    let status = response.status().as_u16().to_string();
    let labels = [("method", method), ("route", route), ("status", status)];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels)
        .record(start.elapsed().as_secs_f64());
    response
}

/// Adds the request id to problem bodies, so a client can quote it.
pub async fn problem_request_id(req: Request, next: Next) -> Response {
    let request_id = req.headers().get("x-request-id").cloned();
    let response = next.run(req).await;
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v == "application/problem+json");
    let Some(request_id) = request_id.filter(|_| is_problem) else {
        return response;
    };
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    if let (Some(object), Ok(id)) = (value.as_object_mut(), request_id.to_str()) {
        object.insert(
            "request_id".into(),
            serde_json::Value::String(id.to_owned()),
        );
    }
    let body = serde_json::to_vec(&value).unwrap_or_else(|_| bytes.to_vec());
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(body))
}

/// Security headers on every response.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let is_docs = req.uri().path().starts_with("/api/docs");
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=63072000; includeSubDomains"),
    );
    // The API reference page runs its own (embedded) scripts and styles; everything else needs none.
    let csp = if is_docs {
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
    } else {
        // Portal pages: our stylesheet (and later our scripts) only; forms post back to us.
        "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    };
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(csp),
    );
    response
}
