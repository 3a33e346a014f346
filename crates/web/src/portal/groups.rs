//! Hunt, call pickup and call park groups in the portal (G-1, G-3): the list with a form for a
//! new group, and a group's page with its settings and its members in ring order (add by
//! extension, move up, remove). L-2 refusals are said in words at the member field.

use axum::extract::{Form, Path, Query};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use switchboard_app::AppError;
use switchboard_app::groups::{GroupChanges, GroupView, NewGroup};
use switchboard_app::users::UserListParams;
use switchboard_domain::{GroupId, GroupKind, RingPolicy, UserId};

use super::context::{Visit, errors_of};
use super::directory::Fields;
use super::pages::{
    GroupPage, GroupRow, GroupsPage, MemberRow, internal_error, not_found_page, status_for,
};
use super::workspace::Workspace;
use super::{clear_flash, redirect_with_flash, signed_in_form};

#[derive(serde::Deserialize)]
pub struct ListQuery {
    kind: Option<String>,
}

pub async fn list(visit: Visit, jar: CookieJar, Query(q): Query<ListQuery>) -> Response {
    let ws = match Workspace::of(&visit).await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    let site = ws.site.map(|s| s.to_string()).unwrap_or_default();
    let typed = Fields(vec![
        (
            "kind".into(),
            q.kind.clone().unwrap_or_else(|| "hunt".into()),
        ),
        ("site_id".into(), site),
    ]);
    match list_page(&visit, &ws, q.kind.as_deref(), typed, Vec::new()).await {
        Ok(page) => (clear_flash(jar, &visit), page).into_response(),
        Err(e) => internal_error(&visit, &e),
    }
}

async fn list_page(
    visit: &Visit,
    ws: &Workspace,
    kind: Option<&str>,
    typed: Fields,
    errors: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let kind = kind.filter(|k| GroupKind::parse(k).is_some());
    let listed = visit
        .state
        .app
        .groups()
        .list(&ws.actor, ws.enterprise.id, kind)
        .await?;
    let c = ws.chrome(visit, "groups-title", "/groups");
    let tr = c.tr;
    let rows = listed
        .into_iter()
        .filter(|l| ws.site.is_none_or(|s| s == l.group.site_id))
        .map(|l| GroupRow {
            id: l.group.id.to_string(),
            kind: tr.t(&format!("group-kind-{}", l.group.kind.as_str())),
            name: l.group.name.as_str().to_owned(),
            site: ws.site_name(l.group.site_id),
            extension: l.group.extension.map(|e| e.to_string()).unwrap_or_default(),
            members: l.members,
        })
        .collect();
    let status = status_for(&errors);
    Ok((
        status,
        GroupsPage {
            c: c.with_errors(errors),
            rows,
            kind: kind.unwrap_or_default().to_owned(),
            kinds: GroupKind::ALL
                .iter()
                .map(|k| (k.as_str(), tr.t(&format!("group-kind-{}", k.as_str()))))
                .collect(),
            sites: ws
                .sites
                .iter()
                .map(|s| (s.id.to_string(), s.name.clone()))
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
    let ws = match super::admin_form(&visit, &jar, fields.get("csrf"), "/groups").await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    let input = NewGroup {
        site_id: fields.opt("site_id"),
        kind: fields.opt("kind"),
        name: fields.opt("name"),
        extension: fields.opt("extension"),
        ..Default::default()
    };
    match visit
        .state
        .app
        .groups()
        .create(&ws.actor, ws.enterprise.id, input)
        .await
    {
        Ok(group) => redirect_with_flash(jar, &format!("/groups/{}", group.id), "group-created"),
        Err(e @ AppError::Internal(_)) => internal_error(&visit, &e),
        Err(e) => {
            let errors = errors_of(&visit.tr(), &e);
            match list_page(&visit, &ws, None, fields.typed(), errors).await {
                Ok(page) => page,
                Err(e) => internal_error(&visit, &e),
            }
        }
    }
}

fn group_id(visit: &Visit, raw: &str) -> Result<GroupId, Box<Response>> {
    raw.parse().map_err(|_| Box::new(not_found_page(visit)))
}

async fn open(visit: &Visit, raw: &str) -> Result<(Workspace, GroupView), Response> {
    let ws = Workspace::of(visit).await?;
    let id = group_id(visit, raw).map_err(|r| *r)?;
    match visit.state.app.groups().get(&ws.actor, id).await {
        Ok(view) => Ok((ws, view)),
        Err(AppError::NotFound(_)) => Err(not_found_page(visit)),
        Err(e) => Err(internal_error(visit, &e)),
    }
}

pub async fn show(visit: Visit, jar: CookieJar, Path(raw): Path<String>) -> Response {
    let (ws, view) = match open(&visit, &raw).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    let typed = settings_of(&view);
    (
        clear_flash(jar, &visit),
        group_page(&visit, &ws, view, typed, Vec::new()),
    )
        .into_response()
}

/// The form's values as the group has them.
fn settings_of(view: &GroupView) -> Fields {
    let g = &view.group;
    Fields(vec![
        ("name".into(), g.name.as_str().to_owned()),
        (
            "extension".into(),
            g.extension
                .as_ref()
                .map(|e| e.to_string())
                .unwrap_or_default(),
        ),
        (
            "ring_policy".into(),
            g.ring_policy
                .map(|p| p.as_str().to_owned())
                .unwrap_or_default(),
        ),
        (
            "no_answer_seconds".into(),
            g.no_answer_seconds
                .map(|s| s.to_string())
                .unwrap_or_default(),
        ),
        (
            "forward_to".into(),
            g.forward_to.clone().unwrap_or_default(),
        ),
        (
            "recall_seconds".into(),
            g.recall_seconds.map(|s| s.to_string()).unwrap_or_default(),
        ),
    ])
}

fn group_page(
    visit: &Visit,
    ws: &Workspace,
    view: GroupView,
    typed: Fields,
    errors: Vec<(String, String)>,
) -> Response {
    let mut c = ws.chrome(visit, "groups-title", &format!("/groups/{}", view.group.id));
    let tr = c.tr;
    c.title = view.group.name.as_str().to_owned();
    let members = view
        .members
        .iter()
        .map(|m| MemberRow {
            id: m.user_id.to_string(),
            name: format!("{}, {}", m.last_name, m.first_name),
            extension: m.extension.clone(),
            state: m.state.as_str(),
            state_label: tr.t(&format!("state-{}", m.state.as_str())),
        })
        .collect();
    let status = status_for(&errors);
    (
        status,
        GroupPage {
            c: c.with_errors(errors),
            id: view.group.id.to_string(),
            version: view.group.version,
            kind: view.group.kind.as_str(),
            kind_label: tr.t(&format!("group-kind-{}", view.group.kind.as_str())),
            kind_meaning: tr.t(&format!("group-kind-{}-meaning", view.group.kind.as_str())),
            site: ws.site_name(view.group.site_id),
            policies: RingPolicy::ALL
                .iter()
                .map(|p| (p.as_str(), tr.t(&format!("ring-policy-{}", p.as_str()))))
                .collect(),
            members,
            typed,
        },
    )
        .into_response()
}

/// Saves the settings form.
pub async fn update(
    visit: Visit,
    jar: CookieJar,
    Path(raw): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let back = format!("/groups/{raw}");
    if let Err(answer) = signed_in_form(&visit, &jar, fields.get("csrf"), &back) {
        return *answer;
    }
    let (ws, view) = match open(&visit, &raw).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    // A number field left empty or not a number: the service's range check names it.
    let seconds = |name: &str| fields.opt(name).map(|s| s.parse::<i64>().unwrap_or(-1));
    let hunt = view.group.kind == GroupKind::Hunt;
    let changes = GroupChanges {
        name: fields.opt("name").or(Some(String::new())),
        extension: hunt.then(|| fields.get("extension").to_owned()),
        ring_policy: hunt.then(|| fields.get("ring_policy").to_owned()),
        no_answer_seconds: if hunt {
            seconds("no_answer_seconds")
        } else {
            None
        },
        forward_to: hunt.then(|| fields.get("forward_to").to_owned()),
        recall_seconds: if view.group.kind == GroupKind::Park {
            seconds("recall_seconds")
        } else {
            None
        },
    };
    let version = fields.get("version").parse().ok();
    match visit
        .state
        .app
        .groups()
        .update(&ws.actor, view.group.id, version, changes)
        .await
    {
        Ok(_) => redirect_with_flash(jar, &back, "group-saved"),
        Err(AppError::PreconditionFailed) => {
            redirect_with_flash(jar, &back, "group-changed-meanwhile")
        }
        Err(e @ AppError::Internal(_)) => internal_error(&visit, &e),
        Err(e) => {
            let errors = errors_of(&visit.tr(), &e);
            group_page(&visit, &ws, view, fields.typed(), errors)
        }
    }
}

/// Members: add one by extension, move one up, or remove one — each a new ring order set at once.
pub async fn members(
    visit: Visit,
    jar: CookieJar,
    Path(raw): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let back = fields
        .opt("back")
        .and_then(|b| super::safe_back(Some(b)))
        .unwrap_or_else(|| format!("/groups/{raw}"));
    if let Err(answer) = signed_in_form(&visit, &jar, fields.get("csrf"), &back) {
        return *answer;
    }
    let (ws, view) = match open(&visit, &raw).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    let mut order: Vec<String> = view.members.iter().map(|m| m.user_id.to_string()).collect();
    let tr = visit.tr();
    let (flash, field) = match (fields.opt("add"), fields.opt("up"), fields.opt("remove")) {
        (Some(extension), _, _) => {
            match member_by_extension(&visit, &ws, &view, &extension).await {
                Ok(Some(user)) => order.push(user.to_string()),
                Ok(None) => {
                    let errors = vec![(
                        "add".to_owned(),
                        tr.t1("group-no-such-extension", "value", &extension),
                    )];
                    return group_page(&visit, &ws, view.clone(), settings_of(&view), errors);
                }
                Err(e) => return internal_error(&visit, &e),
            }
            ("group-member-added", "add")
        }
        (_, Some(up), _) => {
            if let Some(at) = order.iter().position(|id| *id == up).filter(|at| *at > 0) {
                order.swap(at, at - 1);
            }
            ("group-members-saved", "")
        }
        (_, _, Some(gone)) => {
            order.retain(|id| *id != gone);
            ("group-member-removed", "")
        }
        _ => return Redirect::to(&back).into_response(),
    };
    match visit
        .state
        .app
        .groups()
        .set_members(&ws.actor, view.group.id, order)
        .await
    {
        Ok(_) => redirect_with_flash(jar, &back, flash),
        Err(e @ AppError::Internal(_)) => internal_error(&visit, &e),
        Err(e) => {
            // Said at the member field, in words (L-2: "not possible while the user is pending").
            let errors = errors_of(&tr, &e)
                .into_iter()
                .map(|(_, m)| (field.to_owned(), m))
                .collect();
            group_page(&visit, &ws, view.clone(), settings_of(&view), errors)
        }
    }
}

/// The user of the group's site with this extension.
async fn member_by_extension(
    visit: &Visit,
    ws: &Workspace,
    view: &GroupView,
    extension: &str,
) -> Result<Option<UserId>, AppError> {
    let extension = extension.trim();
    if extension.is_empty() || !extension.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    let page = visit
        .state
        .app
        .users()
        .list(
            &ws.actor,
            ws.enterprise.id,
            UserListParams {
                site_id: Some(view.group.site_id.to_string()),
                q: Some(extension.to_owned()),
                limit: Some(20),
                ..Default::default()
            },
        )
        .await?;
    Ok(page
        .users
        .into_iter()
        .find(|u| u.extension.as_str() == extension)
        .map(|u| u.id))
}

pub async fn delete(
    visit: Visit,
    jar: CookieJar,
    Path(raw): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let back = format!("/groups/{raw}");
    if let Err(answer) = signed_in_form(&visit, &jar, fields.get("csrf"), &back) {
        return *answer;
    }
    if fields.get("confirmed") != "yes" {
        return redirect_with_flash(jar, &back, "group-confirm-delete");
    }
    let (ws, view) = match open(&visit, &raw).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    match visit
        .state
        .app
        .groups()
        .delete(&ws.actor, view.group.id)
        .await
    {
        Ok(()) => redirect_with_flash(jar, "/groups", "group-deleted"),
        Err(e) => internal_error(&visit, &e),
    }
}
