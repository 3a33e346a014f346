//! Bulk work in the portal: the users import (B-1: download the template, upload, read the
//! check's report as a table with row and column, confirm), actions on a selection of the users
//! list (B-2) and the device password manager (L-8). The same services as the API and the CLI.

use axum::extract::{Form, Multipart, Path, Query};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use switchboard_app::AppError;
use switchboard_app::device_passwords::NewDevicePasswords;
use switchboard_app::import::ImportView;
use switchboard_app::import::sheet::Problem;
use switchboard_app::selection::BulkAction;
use switchboard_domain::{ImportId, UserId};
use switchboard_store::imports::ImportStatus;

use super::context::{Chrome, Visit};
use super::directory::Fields;
use super::i18n::Tr;
use super::pages::{
    BulkConfirmPage, BulkOutcomeRow, BulkResultsPage, DevicePasswordsDonePage, DevicePasswordsPage,
    ImportPage, ImportProblemRow, ImportStatusPage, internal_error, message, not_found_page,
};
use super::workspace::Workspace;
use super::{clear_flash, redirect_with_flash, signed_in_form};

/// The codes of an import's problems that have a message of their own (`import-{code}`); the
/// cell checks use the field errors' (`error-{code}`).
#[cfg(test)]
pub const IMPORT_CODES: [&str; 25] = [
    "unreadable",
    "encoding",
    "malformed",
    "too-many-rows",
    "ragged-row",
    "too-long",
    "formula",
    "empty",
    "duplicate-column",
    "unknown-column",
    "missing-column",
    "required",
    "unknown-reference",
    "duplicate-in-file",
    "site-change",
    "device-change",
    "user-not-active",
    "changed-since-check",
    "login-taken",
    "extension-taken",
    "number-taken",
    "unknown-number",
    "licence-exhausted",
    "too-large",
    "internal",
];

/// A problem of the file in the administrator's language: by its code with the values it
/// names; the service's English sentence when no translation fits.
fn problem_text(tr: &Tr, p: &Problem) -> String {
    // A user's state is a word of the administrator's language too.
    let state = p.args.get("state").map(|s| tr.t(&format!("state-{s}")));
    let args = p.args.iter().map(|(k, v)| match (k.as_str(), &state) {
        ("state", Some(word)) => (k.as_str(), word.as_str()),
        _ => (k.as_str(), v.as_str()),
    });
    tr.try_with(&format!("import-{}", p.code), args)
        .unwrap_or_else(|| tr.field_error(&p.code, &p.message))
}

fn csv_download(name: &str, body: Vec<u8>) -> Response {
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    // Personal data (or passwords): no cache keeps it.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    (headers, body).into_response()
}

fn no_store(page: impl IntoResponse) -> Response {
    (
        [(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))],
        page,
    )
        .into_response()
}

/// The import page: the template and the export to download, and the upload.
pub async fn import_page(visit: Visit, jar: CookieJar) -> Response {
    let ws = match Workspace::of(&visit).await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    let c = ws.chrome(&visit, "import-title", "/users/import");
    (clear_flash(jar, &visit), ImportPage { c }).into_response()
}

#[derive(serde::Deserialize)]
pub struct DownloadQuery {
    separator: Option<String>,
}

/// B-1: the template, its sheet of allowed values, and the export, as files.
pub async fn download(
    visit: Visit,
    Path(which): Path<String>,
    Query(q): Query<DownloadQuery>,
) -> Response {
    let ws = match Workspace::of(&visit).await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    let imports = visit.state.app.imports();
    let (name, body) = match which.as_str() {
        "template.csv" => (
            "users-template.csv",
            imports.template(&ws.actor, ws.enterprise.id).await,
        ),
        "allowed-values.csv" => (
            "users-allowed-values.csv",
            imports.allowed_values(&ws.actor, ws.enterprise.id).await,
        ),
        "export.csv" => {
            // German and French spreadsheets open `;` files directly.
            let separator = if q.separator.as_deref() == Some("semicolon") {
                b';'
            } else {
                b','
            };
            let mut body = Vec::new();
            let done = imports
                .export(&ws.actor, ws.enterprise.id, separator, &mut body)
                .await;
            ("users.csv", done.map(|_| body))
        }
        _ => {
            return not_found_page(&visit);
        }
    };
    match body {
        Ok(body) => csv_download(name, body),
        Err(AppError::Forbidden(_)) => message(
            &visit,
            StatusCode::FORBIDDEN,
            "forbidden-title",
            "problem-forbidden",
        ),
        Err(e) => internal_error(&visit, &e),
    }
}

/// B-1: the upload is checked first (a dry run); its report offers to import it.
pub async fn upload(visit: Visit, jar: CookieJar, mut form: Multipart) -> Response {
    let mut csrf = String::new();
    let refused = |visit: &Visit, ws: &Workspace, errors: Vec<(String, String)>| {
        let c = ws.chrome(visit, "import-title", "/users/import");
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            ImportPage {
                c: c.with_errors(errors),
            },
        )
            .into_response()
    };
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => {
                tracing::info!(error = %e, "import upload unreadable");
                return redirect_with_flash(jar, "/users/import", "import-upload-broken");
            }
        };
        match field.name() {
            Some("csrf") => csrf = field.text().await.unwrap_or_default(),
            Some("file") => {
                // The form puts its token first; a file without one is not read at all.
                if let Err(answer) = signed_in_form(&visit, &jar, &csrf, "/users/import") {
                    return *answer;
                }
                let ws = match Workspace::of(&visit).await {
                    Ok(ws) => ws,
                    Err(answer) => return answer,
                };
                if field.file_name().is_none_or(str::is_empty) {
                    let tr = visit.tr();
                    return refused(
                        &visit,
                        &ws,
                        vec![("file".into(), tr.t("import-choose-file"))],
                    );
                }
                let submitted = visit
                    .state
                    .app
                    .imports()
                    .submit(&ws.actor, ws.enterprise.id, true, field)
                    .await;
                return match submitted {
                    Ok(view) => {
                        Redirect::to(&format!("/users/imports/{}", view.id)).into_response()
                    }
                    Err(AppError::Validation(fields)) => {
                        let tr = visit.tr();
                        let errors = fields
                            .iter()
                            .map(|f| {
                                let text = tr
                                    .try_with(&format!("import-{}", f.code), [])
                                    .unwrap_or_else(|| f.message.clone());
                                ("file".to_owned(), text)
                            })
                            .collect();
                        refused(&visit, &ws, errors)
                    }
                    Err(e) => internal_error(&visit, &e),
                };
            }
            _ => {}
        }
    }
    redirect_with_flash(jar, "/users/import", "import-upload-broken")
}

fn import_id(visit: &Visit, raw: &str) -> Result<ImportId, Box<Response>> {
    raw.parse().map_err(|_| Box::new(not_found_page(visit)))
}

/// B-1: an import's progress (the page reloads itself until it has ended), then its report.
pub async fn import_status(visit: Visit, jar: CookieJar, Path(raw): Path<String>) -> Response {
    let ws = match Workspace::of(&visit).await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    let id = match import_id(&visit, &raw) {
        Ok(id) => id,
        Err(answer) => return *answer,
    };
    let view = match visit.state.app.imports().get(&ws.actor, id).await {
        Ok(view) => view,
        Err(AppError::NotFound(_)) => {
            return not_found_page(&visit);
        }
        Err(e) => return internal_error(&visit, &e),
    };
    let c = ws.chrome(&visit, "import-title", "/users/import");
    let page = status_page(c, view);
    (clear_flash(jar, &visit), no_store(page)).into_response()
}

fn status_page(c: Chrome, view: ImportView) -> ImportStatusPage {
    let tr = c.tr;
    let running = !view.status.is_final();
    let status = tr.t(&format!("import-status-{}", view.status.as_str()));
    let (summary, problems, more) = match &view.report {
        Some(r) => {
            let count = |key: &str, n: u64| tr.count(key, n);
            let mut summary = vec![count("import-rows", r.rows)];
            if r.written {
                summary.push(count("import-created", r.created));
                summary.push(count("import-invited", r.invitations));
                if r.updated > 0 {
                    summary.push(count("import-updated", r.updated));
                }
            } else if r.problems_total == 0 {
                summary.push(count("import-would-create", r.created));
                summary.push(count("import-would-invite", r.invitations));
                if r.updated > 0 {
                    summary.push(count("import-would-update", r.updated));
                }
            }
            if r.unchanged > 0 {
                summary.push(count("import-unchanged", r.unchanged));
            }
            if r.problems_total > 0 {
                summary.push(count("import-problems", r.problems_total));
                summary.push(tr.t("import-nothing-written"));
            }
            let rows = r
                .problems
                .iter()
                .map(|p| ImportProblemRow {
                    row: p.row.map(|r| r.to_string()).unwrap_or_default(),
                    column: p.column.clone().unwrap_or_default(),
                    value: p.args.get("value").cloned().unwrap_or_default(),
                    message: problem_text(&tr, p),
                })
                .collect();
            let more = r.problems_total.saturating_sub(r.problems.len() as u64);
            (summary, rows, more)
        }
        None => (
            vec![tr.count("import-rows-checked", view.rows_checked.max(0) as u64)],
            Vec::new(),
            0,
        ),
    };
    let confirmable = view.dry_run
        && view.status == ImportStatus::Done
        && view
            .report
            .as_ref()
            .is_some_and(|r| r.created + r.updated > 0);
    let done = !view.dry_run && view.status == ImportStatus::Done;
    ImportStatusPage {
        c,
        id: view.id.to_string(),
        dry_run: view.dry_run,
        running,
        status,
        status_code: view.status.as_str(),
        summary,
        problems,
        more: (more > 0).then(|| tr.count("import-more-problems", more)),
        confirmable,
        done,
    }
}

/// B-1: imports the file a clean check read (as a new import, checked again).
pub async fn confirm_import(
    visit: Visit,
    jar: CookieJar,
    Path(raw): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let back = format!("/users/imports/{raw}");
    let ws = match super::admin_form(&visit, &jar, fields.get("csrf"), &back).await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    let id = match import_id(&visit, &raw) {
        Ok(id) => id,
        Err(answer) => return *answer,
    };
    match visit.state.app.imports().confirm(&ws.actor, id).await {
        Ok(view) => Redirect::to(&format!("/users/imports/{}", view.id)).into_response(),
        Err(AppError::Conflict { .. } | AppError::Validation(_)) => {
            redirect_with_flash(jar, &back, "import-not-confirmable")
        }
        Err(AppError::NotFound(_)) => not_found_page(&visit),
        Err(e) => internal_error(&visit, &e),
    }
}

/// B-2 from the users list: confirm the action on the selected users (named), then do it for
/// each on their own and report how each fared.
pub async fn selection(
    visit: Visit,
    jar: CookieJar,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let ws = match super::admin_form(&visit, &jar, fields.get("csrf"), "/users").await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    let mut ids = fields.all("user_id");
    ids.dedup();
    let action = fields.get("action");
    let Some(parsed) = BulkAction::parse(action) else {
        return redirect_with_flash(jar, "/users", "bulk-choose-action");
    };
    if ids.is_empty() {
        return redirect_with_flash(jar, "/users", "bulk-none-selected");
    }
    if ids.len() > switchboard_app::selection::MAX_SELECTION {
        return redirect_with_flash(jar, "/users", "bulk-too-many");
    }
    let users = visit.state.app.users();
    // The names, for the confirmation and the report; a user out of reach stays an id (and the
    // service refuses them like the single action would).
    let mut names = Vec::with_capacity(ids.len());
    for id in &ids {
        let name = match id.parse::<UserId>() {
            Ok(uid) => match users.get(&ws.actor, uid).await {
                Ok(u) => format!("{}, {}", u.last_name.as_str(), u.first_name.as_str()),
                Err(AppError::NotFound(_) | AppError::Forbidden(_)) => id.clone(),
                Err(e) => return internal_error(&visit, &e),
            },
            Err(_) => id.clone(),
        };
        names.push(name);
    }
    let title_key = format!("bulk-{action}-title");
    if fields.get("confirmed") != "yes" {
        let mut c = ws.chrome(&visit, "users-title", "/users");
        c.title = c.tr.count(&title_key, ids.len() as u64);
        let consequence = c.tr.t(&format!("bulk-{action}-consequence"));
        return BulkConfirmPage {
            c,
            action: action.to_owned(),
            danger: parsed == BulkAction::Delete,
            consequence,
            users: ids.iter().cloned().zip(names).collect(),
        }
        .into_response();
    }
    let outcomes = match visit
        .state
        .app
        .selection()
        .act(
            &ws.actor,
            ws.enterprise.id,
            Some(action.to_owned()),
            Some(ids.clone()),
        )
        .await
    {
        Ok(outcomes) => outcomes,
        Err(e) => return internal_error(&visit, &e),
    };
    let mut c = ws.chrome(&visit, "users-title", "/users");
    let tr = c.tr;
    let done = outcomes.iter().filter(|o| o.refusal.is_none()).count();
    c.title = tr.count(&title_key, ids.len() as u64);
    let rows: Vec<BulkOutcomeRow> = outcomes
        .into_iter()
        .map(|o| {
            let name = ids
                .iter()
                .position(|id| *id == o.user_id)
                .map(|i| names[i].clone())
                .unwrap_or_else(|| o.user_id.clone());
            let linked = parsed != BulkAction::Delete || o.refusal.is_some();
            BulkOutcomeRow {
                link: linked.then(|| format!("/users/{}", o.user_id)),
                name,
                done: o.refusal.is_none(),
                outcome: match &o.refusal {
                    None => tr.t("bulk-done"),
                    Some(_) => tr.t("bulk-refused"),
                },
                reason: o
                    .refusal
                    .as_ref()
                    .map(|e| match e {
                        AppError::Internal(_) => tr.t("bulk-internal"),
                        AppError::Validation(_) => super::context::errors_of(&tr, e)
                            .into_iter()
                            .map(|(_, m)| m)
                            .collect::<Vec<_>>()
                            .join(" "),
                        other => tr.problem(other, ""),
                    })
                    .unwrap_or_default(),
                login: o.sip_login,
            }
        })
        .collect();
    let summary = tr.count("bulk-summary-done", done as u64)
        + " "
        + &tr.count("bulk-summary-refused", (rows.len() - done) as u64);
    no_store(BulkResultsPage {
        c,
        summary,
        logins: parsed == BulkAction::NewDevicePasswords,
        rows,
    })
}

/// L-8: the device password manager — one site, its users, generated passwords or one set by
/// the administrator.
pub async fn device_passwords_page(visit: Visit, jar: CookieJar) -> Response {
    let ws = match Workspace::of(&visit).await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    let chosen = ws.site.map(|s| s.to_string()).unwrap_or_default();
    let page = device_passwords_form(&visit, &ws, Fields(vec![("site_id".into(), chosen)])).await;
    (clear_flash(jar, &visit), page).into_response()
}

/// The form; each site says how many users a run for it renews (L-8).
async fn device_passwords_form(
    visit: &Visit,
    ws: &Workspace,
    typed: Fields,
) -> DevicePasswordsPage {
    let c = ws.chrome(visit, "device-passwords-title", "/device-passwords");
    let counts = visit
        .state
        .app
        .attention()
        .users_per_site(&ws.actor, ws.enterprise.id)
        .await
        .unwrap_or_default();
    let sites = ws
        .sites
        .iter()
        .map(|s| {
            let label = match counts.iter().find(|(id, _)| *id == s.id) {
                Some((_, n)) => {
                    let shown = if n.more {
                        format!("{}+", n.count)
                    } else {
                        n.count.to_string()
                    };
                    c.tr.try_with(
                        "device-passwords-site",
                        [("name", s.name.as_str()), ("count", shown.as_str())],
                    )
                    .unwrap_or_else(|| s.name.clone())
                }
                None => s.name.clone(),
            };
            (s.id.to_string(), label)
        })
        .collect();
    DevicePasswordsPage { c, sites, typed }
}

pub async fn issue_device_passwords(
    visit: Visit,
    jar: CookieJar,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    if let Err(answer) = signed_in_form(&visit, &jar, fields.get("csrf"), "/device-passwords") {
        return *answer;
    }
    let ws = match Workspace::of(&visit).await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    let tr = visit.tr();
    let mut errors = Vec::new();
    if fields.get("understood") != "yes" {
        errors.push((
            "understood".to_owned(),
            tr.t("device-passwords-confirm-first"),
        ));
    }
    let own = fields.get("mode") == "own";
    if own && fields.opt("password").is_none() {
        errors.push(("password".to_owned(), tr.t("error-required")));
    }
    // The form again with the refusal (built up front: the closure cannot wait).
    let mut again = device_passwords_form(&visit, &ws, fields.clone().typed()).await;
    let refused = |errors: Vec<(String, String)>| {
        again.c = again.c.clone().with_errors(errors);
        (StatusCode::UNPROCESSABLE_ENTITY, again).into_response()
    };
    if !errors.is_empty() {
        return refused(errors);
    }
    let input = NewDevicePasswords {
        site_id: fields.opt("site_id"),
        user_ids: None,
        password: if own { fields.opt("password") } else { None },
    };
    match visit
        .state
        .app
        .device_passwords()
        .issue(&ws.actor, ws.enterprise.id, input)
        .await
    {
        Ok(issued) => {
            let c = ws.chrome(&visit, "device-passwords-title", "/device-passwords");
            let text = c.tr.count("device-passwords-issued", issued.users as u64);
            no_store(DevicePasswordsDonePage {
                c,
                text,
                link: format!("/device-passwords/{}", issued.download_token),
                skipped: (!issued.skipped.is_empty())
                    .then(|| tr.count("device-passwords-skipped", issued.skipped.len() as u64)),
            })
        }
        Err(e @ (AppError::Validation(_) | AppError::Forbidden(_))) => {
            refused(super::context::errors_of(&tr, &e))
        }
        Err(e) => internal_error(&visit, &e),
    }
}

/// L-8: the CSV of the new login details, once, within ten minutes.
pub async fn download_device_passwords(visit: Visit, Path(token): Path<String>) -> Response {
    let ws = match Workspace::of(&visit).await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    match visit
        .state
        .app
        .device_passwords()
        .download(&ws.actor, &token)
        .await
    {
        Ok(body) => csv_download("device-passwords.csv", body),
        Err(AppError::Conflict { .. }) => message(
            &visit,
            StatusCode::GONE,
            "device-passwords-title",
            "device-passwords-gone",
        ),
        Err(e) => internal_error(&visit, &e),
    }
}
