//! Switchboard's HTTP edge: the REST API (with its OpenAPI document and reference page), health
//! and readiness probes, Prometheus metrics, request ids and access logs.

pub mod api;
pub mod extract;
mod middleware;
pub mod portal;
pub mod problem;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use metrics_exporter_prometheus::PrometheusHandle;
use switchboard_app::App;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use utoipa_swagger_ui::SwaggerUi;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub metrics: Option<PrometheusHandle>,
}

/// The whole HTTP application.
pub fn router(state: AppState) -> Router {
    let (api, openapi) = api::routes().split_for_parts();
    let api = api
        .fallback(|| async { not_found() })
        .method_not_allowed_fallback(|| async {
            problem::problem(
                StatusCode::METHOD_NOT_ALLOWED,
                "method-not-allowed",
                "This method is not allowed here.".into(),
                vec![],
            )
        });
    Router::new()
        .nest("/api/v1", api)
        .merge(SwaggerUi::new("/api/docs").url("/api/v1/openapi.json", openapi))
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .merge(portal::routes())
        .fallback(portal::not_found)
        .with_state(state)
        .layer(axum::middleware::from_fn(middleware::problem_request_id))
        .layer(axum::middleware::from_fn(middleware::record_metrics))
        .layer(middleware::trace_layer())
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(axum::middleware::from_fn(middleware::security_headers))
        .layer(DefaultBodyLimit::max(1024 * 1024))
}

pub(crate) fn not_found() -> Response {
    problem::problem(
        StatusCode::NOT_FOUND,
        "not-found",
        "There is nothing at this address.".into(),
        vec![],
    )
}

/// Ready when the database answers (O-2).
async fn readyz(State(s): State<AppState>) -> Response {
    match s.app.db().ping().await {
        Ok(()) => "ready".into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "not ready");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

async fn metrics(State(s): State<AppState>) -> Response {
    match &s.metrics {
        Some(handle) => handle.render().into_response(),
        None => (StatusCode::NOT_FOUND, "metrics are not enabled").into_response(),
    }
}
