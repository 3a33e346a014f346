//! How the enterprise is organised, in the portal (G-4): its departments (which must exist
//! before a user is put in one) and teams, each linking to its members in the users list, and
//! forms to add them (enterprise administrators).

use axum::extract::Form;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use switchboard_app::AppError;

use super::context::{Visit, errors_of};
use super::directory::{Directory, Fields};
use super::pages::{OrganisationPage, internal_error};
use super::workspace::Workspace;
use super::{clear_flash, redirect_with_flash, signed_in_form};

pub async fn show(visit: Visit, jar: CookieJar) -> Response {
    let ws = match Workspace::of(&visit).await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    match page(&visit, &ws, Fields::default(), Vec::new()).await {
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
    let directory = Directory::load(&visit.state, ws).await?;
    let c = ws.chrome(visit, "organisation-title", "/organisation");
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        OrganisationPage {
            c: c.with_errors(errors),
            departments: directory
                .departments
                .iter()
                .map(|d| (d.id.to_string(), d.name.clone()))
                .collect(),
            teams: directory
                .teams
                .iter()
                .map(|t| (t.id.to_string(), t.name.clone()))
                .collect(),
            can_add: ws.actor.site_limit().is_none(),
            typed,
        },
    )
        .into_response())
}

/// Adds a department (`what` = "department") or a team; the field of each form is its own.
async fn add(visit: Visit, jar: CookieJar, pairs: Vec<(String, String)>, what: &str) -> Response {
    let fields = Fields(pairs);
    if let Err(answer) = signed_in_form(&visit, &jar, fields.get("csrf"), "/organisation") {
        return *answer;
    }
    let ws = match Workspace::of(&visit).await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    let field = format!("{what}_name");
    let name = fields.opt(&field);
    let tenancy = visit.state.app.tenancy();
    let created = if what == "department" {
        tenancy
            .create_department(&ws.actor, ws.enterprise.id, name)
            .await
            .map(|_| ())
    } else {
        tenancy
            .create_team(&ws.actor, ws.enterprise.id, name)
            .await
            .map(|_| ())
    };
    match created {
        Ok(()) => redirect_with_flash(
            jar,
            "/organisation",
            if what == "department" {
                "department-created"
            } else {
                "team-created"
            },
        ),
        Err(e @ AppError::Internal(_)) => internal_error(&visit, &e),
        Err(e) => {
            // Said at the form's own field.
            let errors = errors_of(&visit.tr(), &e)
                .into_iter()
                .map(|(_, m)| (field.clone(), m))
                .collect();
            match page(&visit, &ws, fields.typed(), errors).await {
                Ok(page) => page,
                Err(e) => internal_error(&visit, &e),
            }
        }
    }
}

pub async fn add_department(
    visit: Visit,
    jar: CookieJar,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    add(visit, jar, pairs, "department").await
}

pub async fn add_team(
    visit: Visit,
    jar: CookieJar,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    add(visit, jar, pairs, "team").await
}
