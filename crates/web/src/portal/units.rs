//! A department's or team's own page (G-4, issue 19 item 7): rename it, delete it (refused in
//! words while someone is in it), and for a team its members and leads, found by name and
//! added or removed by clicking; a plain user named lead is given the team lead role.

use axum::extract::{Form, Path, Query};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use switchboard_app::AppError;
use switchboard_app::organisation::UnitKind;
use switchboard_app::picker::TeamPick;
use switchboard_domain::{TeamId, UserId};
use switchboard_store::org::Unit;

use super::context::{Visit, errors_of};
use super::directory::Fields;
use super::pages::{PickRow, PickerBlock, UnitPage, internal_error, not_found_page, status_for};
use super::picker::pick_row;
use super::workspace::Workspace;
use super::{clear_flash, redirect_with_flash};

#[derive(serde::Deserialize)]
pub struct FindQuery {
    find: Option<String>,
    #[serde(rename = "for")]
    role: Option<String>,
}

fn kind_of(path_kind: &str) -> Option<UnitKind> {
    match path_kind {
        "departments" => Some(UnitKind::Department),
        "teams" => Some(UnitKind::Team),
        _ => None,
    }
}

async fn open(
    visit: &Visit,
    kind: UnitKind,
    id: &str,
) -> Result<(Workspace, Unit<String>), Response> {
    let ws = Workspace::of(visit).await?;
    match visit
        .state
        .app
        .organisation()
        .get(&ws.actor, kind, id)
        .await
    {
        Ok(unit) if unit.enterprise_id == ws.enterprise.id => Ok((ws, unit)),
        Ok(_) | Err(AppError::NotFound(_)) => Err(not_found_page(visit)),
        Err(e) => Err(internal_error(visit, &e)),
    }
}

pub async fn show(
    visit: Visit,
    jar: CookieJar,
    Path((path_kind, id)): Path<(String, String)>,
    Query(q): Query<FindQuery>,
) -> Response {
    let Some(kind) = kind_of(&path_kind) else {
        return not_found_page(&visit);
    };
    let (ws, unit) = match open(&visit, kind, &id).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    let typed = Fields(vec![("name".into(), unit.name.clone())]);
    match page(&visit, &ws, kind, &unit, typed, Vec::new(), q).await {
        Ok(page) => (clear_flash(jar, &visit), page).into_response(),
        Err(e) => internal_error(&visit, &e),
    }
}

async fn page(
    visit: &Visit,
    ws: &Workspace,
    kind: UnitKind,
    unit: &Unit<String>,
    typed: Fields,
    errors: Vec<(String, String)>,
    q: FindQuery,
) -> Result<Response, AppError> {
    let app = &visit.state.app;
    let path = match kind {
        UnitKind::Department => format!("/organisation/departments/{}", unit.id),
        UnitKind::Team => format!("/organisation/teams/{}", unit.id),
    };
    let mut c = ws.chrome(visit, "unit-title", "/organisation");
    c.title = unit.name.clone();
    let tr = c.tr;
    let (mut members, mut leads) = (Vec::new(), Vec::new());
    let (mut member_picker, mut lead_picker) = (PickerBlock::default(), PickerBlock::default());
    if kind == UnitKind::Team {
        let team: TeamId = unit.id.parse().map_err(|_| AppError::NotFound("team"))?;
        members = app
            .teams()
            .members(&ws.actor, team)
            .await?
            .into_iter()
            .map(|m| {
                (
                    m.user_id.to_string(),
                    format!("{} {}", m.first_name, m.last_name),
                    m.extension,
                )
            })
            .collect();
        leads = app
            .teams()
            .leads(&ws.actor, ws.enterprise.id)
            .await?
            .into_iter()
            .filter(|(t, _, _)| *t == unit.id)
            .map(|(_, user, name)| (user, name))
            .collect();
        if let Some(query) = q.find {
            let role = match q.role.as_deref() {
                Some("lead") => TeamPick::Lead,
                _ => TeamPick::Member,
            };
            let found = app
                .picker()
                .for_team(&ws.actor, team, role, &query, 20)
                .await?;
            let block = PickerBlock {
                searched: true,
                rows: found
                    .iter()
                    .map(|c| pick_row(&tr, c))
                    .collect::<Vec<PickRow>>(),
                query,
                ..PickerBlock::default()
            };
            match role {
                TeamPick::Member => member_picker = block,
                TeamPick::Lead => lead_picker = block,
            }
        }
    }
    let status = status_for(&errors);
    Ok((
        status,
        UnitPage {
            c: c.with_errors(errors),
            path: path.clone(),
            team: kind == UnitKind::Team,
            can_change: ws.actor.site_limit().is_none(),
            members,
            leads,
            member_picker: member_picker.at(&path, &path),
            lead_picker: lead_picker.at(&path, &path),
            typed,
        },
    )
        .into_response())
}

/// Renames (field `name`), deletes (`delete`), adds or removes a member (`add`, `remove`), or a
/// lead (`add_lead`, `remove_lead`).
pub async fn change(
    visit: Visit,
    jar: CookieJar,
    Path((path_kind, id)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let Some(kind) = kind_of(&path_kind) else {
        return not_found_page(&visit);
    };
    let fields = Fields(pairs);
    let back = format!("/organisation/{path_kind}/{id}");
    if let Err(answer) = super::admin_form(&visit, &jar, fields.get("csrf"), &back).await {
        return answer;
    }
    let (ws, unit) = match open(&visit, kind, &id).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    let org = visit.state.app.organisation();
    let user = |name: &str| fields.opt(name).and_then(|u| u.parse::<UserId>().ok());
    let team = unit.id.parse::<TeamId>().ok();
    let (done, flash, field): (Result<(), AppError>, &'static str, &str) =
        if fields.opt("delete").is_some() {
            (
                org.delete(&ws.actor, kind, &unit.id).await,
                "unit-deleted",
                "",
            )
        } else if let (Some(team), Some(u)) = (team, user("add")) {
            (
                org.set_membership(&ws.actor, team, u, true).await,
                "team-member-added",
                "member",
            )
        } else if let (Some(team), Some(u)) = (team, user("remove")) {
            (
                org.set_membership(&ws.actor, team, u, false).await,
                "team-member-removed",
                "member",
            )
        } else if let (Some(team), Some(u)) = (team, user("add_lead")) {
            (
                org.add_lead(&ws.actor, team, u, true).await,
                "team-leads-saved",
                "lead",
            )
        } else if let (Some(team), Some(u)) = (team, user("remove_lead")) {
            let current: Vec<String> = match visit
                .state
                .app
                .teams()
                .leads(&ws.actor, ws.enterprise.id)
                .await
            {
                Ok(all) => all
                    .into_iter()
                    .filter(|(t, _, who)| *t == unit.id && *who != u.to_string())
                    .map(|(_, who, _)| who)
                    .collect(),
                Err(e) => return internal_error(&visit, &e),
            };
            (
                visit
                    .state
                    .app
                    .teams()
                    .set_leads(&ws.actor, team, current)
                    .await
                    .map(|_| ()),
                "team-leads-saved",
                "lead",
            )
        } else {
            (
                org.rename(&ws.actor, kind, &unit.id, fields.opt("name"))
                    .await
                    .map(|_| ()),
                "unit-renamed",
                "name",
            )
        };
    match done {
        Ok(()) if flash == "unit-deleted" => redirect_with_flash(jar, "/organisation", flash),
        Ok(()) => redirect_with_flash(jar, &back, flash),
        Err(e) if e.is_refusal() => {
            let mut errors = errors_of(&visit.tr(), &e);
            // A refusal without a field of its own is said where the action was.
            for (f, _) in errors.iter_mut() {
                if f.is_empty() || *f == "user_ids" || f.starts_with("user_ids[") {
                    *f = field.to_owned();
                }
            }
            let typed = if field == "name" {
                fields
            } else {
                Fields(vec![("name".into(), unit.name.clone())])
            };
            let q = FindQuery {
                find: None,
                role: None,
            };
            match page(&visit, &ws, kind, &unit, typed, errors, q).await {
                Ok(page) => page,
                Err(e) => internal_error(&visit, &e),
            }
        }
        Err(e) => internal_error(&visit, &e),
    }
}
