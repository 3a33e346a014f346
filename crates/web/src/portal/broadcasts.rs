//! Broadcast messages in the portal (G-5): what was sent or is scheduled, and a form to write
//! one to one or more teams, now or at a time.

use axum::extract::Form;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use switchboard_app::AppError;
use switchboard_app::broadcasts::NewBroadcast;
use switchboard_domain::Category;

use super::context::{Visit, errors_of};
use super::directory::{Directory, Fields};
use super::pages::{BroadcastRow, BroadcastsPage, internal_error, status_for};
use super::workspace::Workspace;
use super::{clear_flash, redirect_with_flash};

pub async fn list(visit: Visit, jar: CookieJar) -> Response {
    let ws = match Workspace::of(&visit).await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    let typed = Fields(vec![("category".into(), "information".into())]);
    match page(&visit, &ws, typed, Vec::new()).await {
        Ok(page) => (clear_flash(jar, &visit), page).into_response(),
        Err(e) => internal_error(&visit, &e),
    }
}

async fn page(
    visit: &Visit,
    ws: &Workspace,
    typed: Fields,
    errors: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let directory = Directory::load(visit, ws).await?;
    let sent = visit
        .state
        .app
        .broadcasts()
        .list(&ws.actor, ws.enterprise.id)
        .await?;
    let c = ws.chrome(visit, "broadcasts-title", "/broadcasts");
    let tr = c.tr;
    let rows = sent
        .into_iter()
        .map(|b| BroadcastRow {
            subject: b.subject,
            teams: directory.teams_of(&b.team_ids),
            category: tr.t(&format!("inbox-category-{}", b.category)),
            send_at: tr.when(b.send_at),
            status: tr.t(&format!("broadcast-status-{}", b.status)),
            recipients: b.recipients.map(|r| r.to_string()).unwrap_or_default(),
        })
        .collect();
    let status = status_for(&errors);
    Ok((
        status,
        BroadcastsPage {
            c: c.with_errors(errors),
            rows,
            teams: directory
                .teams
                .iter()
                .map(|t| (t.id.to_string(), t.name.clone()))
                .collect(),
            categories: Category::ALL
                .iter()
                .map(|k| (k.as_str(), tr.t(&format!("inbox-category-{}", k.as_str()))))
                .collect(),
            typed,
        },
    )
        .into_response())
}

pub async fn create(
    visit: Visit,
    jar: CookieJar,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let ws = match super::admin_form(&visit, &jar, fields.get("csrf"), "/broadcasts").await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    let input = NewBroadcast {
        team_ids: Some(fields.all("team_ids")),
        category: fields.opt("category"),
        subject: fields.opt("subject"),
        body: fields.opt("body"),
        send_at: fields.opt("send_at"),
        by_email: Some(fields.get("by_email") == "yes"),
        // I-6: the time typed is the writer's wall-clock time.
        time_zone: Some(visit.zone),
    };
    match visit
        .state
        .app
        .broadcasts()
        .create(&ws.actor, ws.enterprise.id, input)
        .await
    {
        // Sent now (no time given) is said so, not "scheduled".
        Ok(b) if b.send_at <= visit.state.app.now() => {
            redirect_with_flash(jar, "/broadcasts", "broadcast-sent")
        }
        Ok(_) => redirect_with_flash(jar, "/broadcasts", "broadcast-scheduled"),
        Err(e @ AppError::Internal(_)) => internal_error(&visit, &e),
        Err(e) => {
            // A refused team of the list is said at the list.
            let errors = errors_of(&visit.tr(), &e)
                .into_iter()
                .map(|(f, m)| {
                    let field = if f.starts_with("team_ids") {
                        "team_ids".into()
                    } else {
                        f
                    };
                    (field, m)
                })
                .collect();
            match page(&visit, &ws, fields.typed(), errors).await {
                Ok(page) => page,
                Err(e) => internal_error(&visit, &e),
            }
        }
    }
}
