//! How the enterprise is organised, in the portal (G-4): its departments (which must exist
//! before a user is put in one) and teams, each linking to its members in the users list, and
//! forms to add them (enterprise administrators).

use axum::extract::Form;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use switchboard_app::AppError;

use super::context::{Visit, errors_of};
use super::directory::{Directory, Fields};
use super::pages::{OrganisationPage, internal_error, status_for};
use super::workspace::Workspace;
use super::{clear_flash, redirect_with_flash};

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
    let directory = Directory::load(visit, ws).await?;
    // (team id, user id, name) of every lead.
    let leads = visit
        .state
        .app
        .teams()
        .leads(&ws.actor, ws.enterprise.id)
        .await?;
    let places = visit
        .state
        .app
        .tenancy()
        .site_places(&ws.actor, ws.enterprise.id)
        .await?;
    let org = visit.state.app.organisation();
    use switchboard_app::organisation::{COUNT_CAP, UnitKind};
    let department_counts = org
        .member_counts(&ws.actor, ws.enterprise.id, UnitKind::Department)
        .await?;
    let team_counts = org
        .member_counts(&ws.actor, ws.enterprise.id, UnitKind::Team)
        .await?;
    let c = ws.chrome(visit, "organisation-title", "/organisation");
    let status = status_for(&errors);
    let tr = c.tr;
    let counted = |counts: &std::collections::HashMap<String, i64>, id: &str| {
        let n = counts.get(id).copied().unwrap_or(0);
        let shown = if n >= COUNT_CAP {
            format!("{COUNT_CAP}+")
        } else {
            n.to_string()
        };
        tr.try_with("organisation-people", [("count", shown.as_str())])
            .unwrap_or_default()
    };
    let sites = places.iter().map(|p| super::sites::row(&c.tr, p)).collect();
    Ok((
        status,
        OrganisationPage {
            sites,
            can_change_sites: ws.actor.site_limit().is_none(),
            c: c.with_errors(errors),
            departments: directory
                .departments
                .iter()
                .map(|d| {
                    let id = d.id.to_string();
                    let count = counted(&department_counts, &id);
                    (id, d.name.clone(), count)
                })
                .collect(),
            teams: directory
                .teams
                .iter()
                .map(|t| {
                    let id = t.id.to_string();
                    let count = counted(&team_counts, &id);
                    (id, t.name.clone(), count)
                })
                .collect(),
            leads,
            can_add: ws.actor.site_limit().is_none(),
            typed,
        },
    )
        .into_response())
}

/// Adds a department (`what` = "department") or a team; the field of each form is its own.
async fn add(visit: Visit, jar: CookieJar, pairs: Vec<(String, String)>, what: &str) -> Response {
    let fields = Fields(pairs);
    let ws = match super::admin_form(&visit, &jar, fields.get("csrf"), "/organisation").await {
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

/// G-4: adds a lead to a team (by extension) or removes one; the team's leads are set at once.
pub async fn leads(
    visit: Visit,
    jar: CookieJar,
    axum::extract::Path(team): axum::extract::Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let ws = match super::admin_form(&visit, &jar, fields.get("csrf"), "/organisation").await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    let Ok(team_id) = team.parse::<switchboard_domain::TeamId>() else {
        return super::pages::not_found_page(&visit);
    };
    let app = &visit.state.app;
    let current = match app.teams().leads(&ws.actor, ws.enterprise.id).await {
        Ok(all) => all
            .into_iter()
            .filter(|(t, _, _)| *t == team)
            .map(|(_, user, _)| user)
            .collect::<Vec<_>>(),
        Err(e) => return internal_error(&visit, &e),
    };
    let field = format!("lead-{team}");
    let tr = visit.tr();
    let wanted = if let Some(gone) = fields.opt("remove") {
        current.into_iter().filter(|u| *u != gone).collect()
    } else {
        let extension = fields.get("extension").trim().to_owned();
        let found = match app
            .users()
            .list(
                &ws.actor,
                ws.enterprise.id,
                switchboard_app::users::UserListParams {
                    q: Some(extension.clone())
                        .filter(|e| !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit())),
                    limit: Some(20),
                    ..Default::default()
                },
            )
            .await
        {
            Ok(page) => page
                .users
                .into_iter()
                .find(|u| u.extension.as_str() == extension),
            Err(e @ AppError::Internal(_)) => return internal_error(&visit, &e),
            Err(_) => None,
        };
        let Some(user) = found else {
            let errors = vec![(field, tr.t1("group-no-such-extension", "value", &extension))];
            return match page(&visit, &ws, fields.typed(), errors).await {
                Ok(page) => page,
                Err(e) => internal_error(&visit, &e),
            };
        };
        let mut wanted = current;
        wanted.push(user.id.to_string());
        wanted
    };
    match app.teams().set_leads(&ws.actor, team_id, wanted).await {
        Ok(_) => redirect_with_flash(jar, "/organisation", "team-leads-saved"),
        Err(e @ AppError::Internal(_)) => internal_error(&visit, &e),
        Err(e) => {
            let errors = errors_of(&tr, &e)
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

/// a team lead's teams and their members.
pub async fn my_teams(visit: Visit, jar: CookieJar) -> Response {
    if let Some(elsewhere) = super::password::require_full(&visit) {
        return elsewhere;
    }
    let actor = visit.actor().expect("a session has an actor");
    let led = match visit.state.app.teams().led_by(&actor).await {
        Ok(led) => led,
        Err(e) => return internal_error(&visit, &e),
    };
    let c = visit.chrome("my-teams-title").at("/my-teams");
    let tr = c.tr;
    let teams = led
        .into_iter()
        .map(|t| super::pages::LedTeamView {
            name: t.team.name,
            members: t
                .members
                .into_iter()
                .map(|m| {
                    (
                        format!("{}, {}", m.last_name, m.first_name),
                        m.extension,
                        m.email,
                        tr.t(&format!("state-{}", m.state)),
                    )
                })
                .collect(),
        })
        .collect();
    (
        clear_flash(jar, &visit),
        super::pages::MyTeamsPage { c, teams },
    )
        .into_response()
}
