//! The audit log page: who changed what, when, from where, with the values before and
//! after — newest first, filtered by action or by the thing changed, paged by the entries' ids.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use switchboard_store::audit::AuditQuery;

use super::clear_flash;
use super::context::{Visit, errors_of};
use super::directory::{Fields, next_after};
use super::pages::{AuditPage, AuditRow, internal_error, message};
use super::workspace::Workspace;

const PAGE: i64 = 50;

pub async fn list(
    visit: Visit,
    jar: CookieJar,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Response {
    let ws = match Workspace::of(&visit).await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    let c = ws.chrome(&visit, "audit-title", "/audit");
    if !c.audit_nav {
        return message(
            &visit,
            StatusCode::FORBIDDEN,
            "forbidden-title",
            "audit-forbidden",
        );
    }
    let fields = Fields(pairs);
    let query = AuditQuery {
        enterprise_id: Some(ws.enterprise.id),
        target_id: fields.opt("target"),
        action: fields.opt("action"),
        before_id: fields.opt("before"),
        limit: PAGE + 1,
    };
    let (mut entries, errors) = match visit.state.app.audit().list(&ws.actor, query).await {
        Ok(entries) => (entries, Vec::new()),
        Err(e) if e.is_refusal() => (Vec::new(), errors_of(&c.tr, &e)),
        Err(e) => return internal_error(&visit, &e),
    };
    let next = next_after(&mut entries, PAGE as usize)
        .map(|e| fields.link("/audit", &["before"], &[("before", &e.id.to_string())]));
    let tr = c.tr;
    let page = AuditPage {
        entries: entries.into_iter().map(|e| AuditRow::of(&tr, e)).collect(),
        action: fields.get("action").to_owned(),
        target: fields.get("target").to_owned(),
        next,
        c: c.with_errors(errors),
    };
    (clear_flash(jar, &visit), page).into_response()
}
