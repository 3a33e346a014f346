//! The audit log page, in words: who changed what and whom, when (in the reader's date
//! format), the values before and after with names instead of ids; where from and the raw
//! values behind a disclosure. Filtered by who, by the kind of event (a list of translated
//! names), by subject and by a range of days; newest first, paged by the entries' ids.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use switchboard_app::audit::{AuditFilter, EVENT_TYPES};
use switchboard_store::audit::AuditEntry;

use super::clear_flash;
use super::context::{Visit, errors_of};
use super::directory::{Directory, Fields, next_after};
use super::events::{self, Names};
use super::i18n::Tr;
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
    let filter = AuditFilter {
        who: fields.opt("who"),
        event: fields.opt("event"),
        subject: fields.opt("subject"),
        from: fields.opt("from"),
        to: fields.opt("to"),
        time_zone: Some(visit.zone),
    };
    let app = &visit.state.app;
    let listed = match filter.query(Some(ws.enterprise.id), PAGE + 1) {
        Ok(mut query) => {
            query.before_id = fields.opt("before");
            app.audit().list(&ws.actor, query).await
        }
        Err(refusal) => Err(refusal),
    };
    let (mut entries, errors) = match listed {
        Ok(entries) => (entries, Vec::new()),
        Err(e) if e.is_refusal() => (Vec::new(), errors_of(&c.tr, &e)),
        Err(e) => return internal_error(&visit, &e),
    };
    let next = next_after(&mut entries, PAGE as usize)
        .map(|e| fields.link("/audit", &["before"], &[("before", &e.id.to_string())]));
    let rows = match rows(&visit, &ws, &c.tr, entries).await {
        Ok(rows) => rows,
        Err(e) => return internal_error(&visit, &e),
    };
    let tr = c.tr;
    let mut event_names: Vec<(String, String)> = EVENT_TYPES
        .iter()
        .map(|code| ((*code).to_owned(), events::event_name(&tr, code)))
        .collect();
    event_names.sort_by_key(|(_, name)| name.to_lowercase());
    let subject = fields.opt("subject").map(|id| {
        let name = rows
            .iter()
            .map(|r| r.target.clone())
            .find(|n| !n.is_empty())
            .unwrap_or_else(|| tr.t("audit-subject-unnamed"));
        (id, name)
    });
    let page = AuditPage {
        entries: rows,
        who: fields.get("who").to_owned(),
        events: event_names,
        event: fields.get("event").to_owned(),
        from: fields.get("from").to_owned(),
        to: fields.get("to").to_owned(),
        filtered: ["who", "event", "subject", "from", "to"]
            .iter()
            .any(|f| !fields.get(f).is_empty()),
        subject,
        next,
        c: c.with_errors(errors),
    };
    (clear_flash(jar, &visit), page).into_response()
}

/// Entries in words, subjects linked while they exist. Also the user page's history.
pub async fn rows(
    visit: &Visit,
    ws: &Workspace,
    tr: &Tr,
    entries: Vec<AuditEntry>,
) -> Result<Vec<AuditRow>, switchboard_app::AppError> {
    let app = &visit.state.app;
    let existing = app.audit().existing_subjects(&entries).await?;
    let directory = Directory::load(visit, ws).await?;
    let names = Names {
        directory: &directory,
        sites: &ws.sites,
    };
    Ok(entries
        .into_iter()
        .map(|e| {
            let exists = existing.contains(&e.target_id);
            AuditRow::of(tr, &names, e, exists)
        })
        .collect())
}
