//! Hunt groups, call centres, call pickup and call park groups in the portal (G-1, G-2, G-3): the
//! list with a form for a new group, and a group's page with its settings and its members in
//! ring order (add by extension, move up, remove); a call centre's page also has its supervisors
//! and its campaigns with their agents. L-2 refusals are said in words at the member field.

use axum::extract::{Form, Path, Query};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use switchboard_app::AppError;
use switchboard_app::groups::{GroupChanges, GroupView, NewGroup};
use switchboard_app::users::UserListParams;
use switchboard_domain::{
    CampaignDirection, CampaignId, GroupId, GroupKind, RingPolicy, SiteId, UserId,
};

use super::context::{Visit, errors_of};
use super::directory::Fields;
use super::pages::{
    AgentChoice, CampaignBlock, GreetingSlot, GroupPage, GroupRow, GroupServicesForm, GroupsPage,
    MemberRow, MenuBlock, PickerBlock, internal_error, not_found_page, status_for,
};
use super::picker::pick_row;
use super::workspace::Workspace;
use super::{clear_flash, redirect_with_flash, signed_in_form};
use switchboard_app::groups::MenuInput;
use switchboard_app::picker::PickFor;
use switchboard_domain::menu::{KEYS, Menu};

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

/// A form posted on a group's page: its token checked (back to the page otherwise), then the
/// group opened.
async fn open_for_form(
    visit: &Visit,
    jar: &CookieJar,
    raw: &str,
    csrf: &str,
) -> Result<(Workspace, GroupView), Response> {
    signed_in_form(visit, jar, csrf, &format!("/groups/{raw}")).map_err(|answer| *answer)?;
    open(visit, raw).await
}

#[derive(serde::Deserialize)]
pub struct FindQuery {
    /// A name, extension or email typed into a picker.
    find: Option<String>,
    /// Whose picker: `member` or `supervisor`.
    #[serde(rename = "for")]
    role: Option<String>,
}

pub async fn show(
    visit: Visit,
    jar: CookieJar,
    Path(raw): Path<String>,
    Query(q): Query<FindQuery>,
) -> Response {
    let (ws, view) = match open(&visit, &raw).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    let typed = settings_of(&view);
    let mut pickers = (PickerBlock::default(), PickerBlock::default());
    if let Some(query) = q.find {
        let role = match q.role.as_deref() {
            Some("supervisor") => PickFor::Supervisor,
            _ => PickFor::Member,
        };
        let found = match visit
            .state
            .app
            .picker()
            .for_group(&ws.actor, view.group.id, role, &query, 20)
            .await
        {
            Ok(found) => found,
            Err(e) => return internal_error(&visit, &e),
        };
        let tr = visit.tr();
        let block = PickerBlock {
            searched: true,
            rows: found.iter().map(|c| pick_row(&tr, c)).collect(),
            query,
            ..PickerBlock::default()
        };
        match role {
            PickFor::Member => pickers.0 = block,
            PickFor::Supervisor => pickers.1 = block,
        }
    }
    let reached = if view.group.kind == GroupKind::AutoAttendant {
        match reached_by_extension(&visit, &ws, &typed).await {
            Ok(reached) => reached,
            Err(e) => return internal_error(&visit, &e),
        }
    } else {
        Default::default()
    };
    (
        clear_flash(jar, &visit),
        group_page_with(&visit, &ws, view, typed, Vec::new(), pickers, reached),
    )
        .into_response()
}

/// The form's values as the group has them.
fn settings_of(view: &GroupView) -> Fields {
    let g = &view.group;
    let mut fields = Fields(vec![
        ("name".into(), g.name.as_str().to_owned()),
        (
            "extension".into(),
            g.extension
                .as_ref()
                .map(|e| e.to_string())
                .unwrap_or_default(),
        ),
        (
            "number".into(),
            g.number.as_ref().map(|n| n.to_string()).unwrap_or_default(),
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
        (
            "queue_length".into(),
            g.queue_length.map(|n| n.to_string()).unwrap_or_default(),
        ),
    ]);
    if let Some(m) = &g.menu {
        for day in &m.hours.days {
            fields.0.push(("days".into(), day.to_string()));
        }
        fields.0.push(("hours.opens".into(), m.hours.opens.clone()));
        fields
            .0
            .push(("hours.closes".into(), m.hours.closes.clone()));
        for (name, menu) in [("business", &m.business), ("after_hours", &m.after_hours)] {
            typed_menu(&mut fields, name, menu);
        }
    }
    fields
}

/// A key's field in the form: `business.keys.1`; `*` and `#` spelt out, as a fragment link to
/// the field cannot hold them.
fn key_field(menu: &str, key: &str) -> String {
    let key = match key {
        "*" => "star",
        "#" => "hash",
        other => other,
    };
    format!("{menu}.keys.{key}")
}

fn typed_menu(fields: &mut Fields, name: &str, menu: &Menu) {
    for (key, to) in &menu.keys {
        fields.0.push((key_field(name, key), to.typed()));
    }
    if let Some(to) = &menu.no_input {
        fields.0.push((format!("{name}.no_input"), to.typed()));
    }
}

/// The menus as the form has them.
fn menu_input(fields: &Fields) -> MenuInput {
    let keys = |menu: &str| -> Vec<(String, String)> {
        KEYS.iter()
            .map(|k| ((*k).to_owned(), fields.get(&key_field(menu, k)).to_owned()))
            .collect()
    };
    MenuInput {
        days: fields
            .all("days")
            .iter()
            .filter_map(|d| d.parse().ok())
            .collect(),
        opens: fields.get("hours.opens").to_owned(),
        closes: fields.get("hours.closes").to_owned(),
        business_keys: keys("business"),
        business_no_input: fields.opt("business.no_input"),
        after_hours_keys: keys("after_hours"),
        after_hours_no_input: fields.opt("after_hours.no_input"),
    }
}

/// The service names `*` and `#` keys as they are; the form spells them out.
fn form_field(field: String) -> String {
    match field.rsplit_once(".keys.") {
        Some((menu, key)) => key_field(menu, key),
        None => field,
    }
}

fn member_row(tr: &super::i18n::Tr, m: &switchboard_store::groups::Member) -> MemberRow {
    MemberRow {
        id: m.user_id.to_string(),
        name: format!("{}, {}", m.last_name, m.first_name),
        extension: m.extension.clone(),
        state: m.state.as_str(),
        state_label: tr.t(&format!("state-{}", m.state.as_str())),
        weight: m.weight,
    }
}

fn group_page(
    visit: &Visit,
    ws: &Workspace,
    view: GroupView,
    typed: Fields,
    errors: Vec<(String, String)>,
) -> Response {
    group_page_with(
        visit,
        ws,
        view,
        typed,
        errors,
        (PickerBlock::default(), PickerBlock::default()),
        Default::default(),
    )
}

/// G-6: who each extension of the enterprise is, by name, for the menus' keys: the groups
/// (hunt group, call centre, attendant) and the users the keys name.
async fn reached_by_extension(
    visit: &Visit,
    ws: &Workspace,
    typed: &Fields,
) -> Result<std::collections::HashMap<String, String>, AppError> {
    let app = &visit.state.app;
    let tr = visit.tr();
    let mut reached = std::collections::HashMap::new();
    for g in app.groups().list(&ws.actor, ws.enterprise.id, None).await? {
        if let Some(extension) = &g.group.extension {
            let kind = tr.t(&format!("group-kind-{}", g.group.kind.as_str()));
            reached.insert(
                extension.to_string(),
                format!("{} ({kind})", g.group.name.as_str()),
            );
        }
    }
    for (_, value) in typed
        .0
        .iter()
        .filter(|(k, _)| k.contains(".keys.") || k.ends_with(".no_input"))
    {
        let extension = value
            .trim()
            .trim_start_matches("voicemail")
            .trim_start_matches("vm")
            .trim();
        if extension.is_empty()
            || !extension.bytes().all(|b| b.is_ascii_digit())
            || reached.contains_key(extension)
        {
            continue;
        }
        if let Some(id) = app
            .users()
            .by_extension(&ws.actor, ws.enterprise.id, extension)
            .await?
        {
            let user = app.users().get(&ws.actor, id).await?;
            reached.insert(
                extension.to_owned(),
                format!("{} {}", user.first_name.as_str(), user.last_name.as_str()),
            );
        }
    }
    Ok(reached)
}

/// What a key's destination reaches, in words: a name, a user's voicemail, a number; nothing
/// for an empty key.
fn reaches_in_words(
    tr: &super::i18n::Tr,
    reached: &std::collections::HashMap<String, String>,
    value: &str,
) -> String {
    let value = value.trim();
    if value.is_empty() {
        return String::new();
    }
    if value.starts_with('+') {
        return tr.t1("aa-reaches-number", "value", value);
    }
    let voicemail = value.starts_with("voicemail") || value.starts_with("vm");
    let extension = value
        .trim_start_matches("voicemail")
        .trim_start_matches("vm")
        .trim();
    match reached.get(extension) {
        Some(name) if voicemail => tr.t1("aa-reaches-voicemail", "name", name),
        Some(name) => name.clone(),
        None => tr.t("aa-reaches-nobody"),
    }
}

fn group_page_with(
    visit: &Visit,
    ws: &Workspace,
    view: GroupView,
    typed: Fields,
    errors: Vec<(String, String)>,
    (member_picker, supervisor_picker): (PickerBlock, PickerBlock),
    reached: std::collections::HashMap<String, String>,
) -> Response {
    let page = format!("/groups/{}", view.group.id);
    let mut c = ws.chrome(visit, "groups-title", &page);
    let tr = c.tr;
    c.title = view.group.name.as_str().to_owned();
    let members: Vec<MemberRow> = view.members.iter().map(|m| member_row(&tr, m)).collect();
    let campaigns = view
        .campaigns
        .iter()
        .map(|cv| CampaignBlock {
            id: cv.campaign.id.to_string(),
            name: cv.campaign.name.as_str().to_owned(),
            direction_label: tr.t(&format!(
                "campaign-direction-{}",
                cv.campaign.direction.as_str()
            )),
            agents: members
                .iter()
                .map(|m| AgentChoice {
                    id: m.id.clone(),
                    name: m.name.clone(),
                    extension: m.extension.clone(),
                    assigned: cv.agents.iter().any(|a| a.user_id.to_string() == m.id),
                })
                .collect(),
        })
        .collect();
    let status = status_for(&errors);
    (
        status,
        GroupPage {
            c: c.with_errors(errors),
            member_picker: member_picker.at(&page, &format!("{page}/members")),
            supervisor_picker: supervisor_picker.at(&page, &format!("{page}/supervisors")),
            id: view.group.id.to_string(),
            version: view.group.version,
            kind: view.group.kind.as_str(),
            kind_label: tr.t(&format!("group-kind-{}", view.group.kind.as_str())),
            kind_meaning: tr.t(&format!("group-kind-{}-meaning", view.group.kind.as_str())),
            site: ws.site_name(view.group.site_id),
            weighted: view.group.ring_policy == Some(RingPolicy::Weighted),
            policies: RingPolicy::ALL
                .iter()
                .map(|p| (p.as_str(), tr.t(&format!("ring-policy-{}", p.as_str()))))
                .collect(),
            members,
            supervisors: view
                .supervisors
                .iter()
                .map(|m| member_row(&tr, m))
                .collect(),
            campaigns,
            weekdays: (1..=7)
                .map(|d: u8| {
                    let value = d.to_string();
                    let ticked = typed.has("days", &value);
                    (value, tr.t(&format!("weekday-{d}")), ticked)
                })
                .collect(),
            services: view.services.as_ref().map(|sv| {
                // What was typed, after a refusal; otherwise as stored.
                let typed_or = |name: &str, stored: String| {
                    if typed.has("services_form", "1") {
                        typed.get(name).to_owned()
                    } else {
                        stored
                    }
                };
                GroupServicesForm {
                    version: sv.version,
                    forward_always: typed_or(
                        "forward_always",
                        sv.services
                            .forward_always
                            .as_ref()
                            .map(|d| d.as_str().to_owned())
                            .unwrap_or_default(),
                    ),
                    voicemail: if typed.has("services_form", "1") {
                        typed.get("voicemail") == "yes"
                    } else {
                        sv.services.voicemail
                    },
                    voicemail_email: typed_or(
                        "voicemail_email",
                        sv.services.voicemail_email.clone().unwrap_or_default(),
                    ),
                    pin_set: sv.voicemail_pin_set,
                }
            }),
            greetings: match view.group.kind {
                GroupKind::AutoAttendant => vec![
                    ("business", "greeting-business"),
                    ("after_hours", "greeting-after-hours"),
                ],
                GroupKind::Hunt | GroupKind::CallCentre => {
                    vec![("voicemail", "greeting-voicemail")]
                }
                GroupKind::Pickup | GroupKind::Park => Vec::new(),
            }
            .into_iter()
            .map(|(purpose, title)| GreetingSlot {
                purpose,
                src: format!("/groups/{}/greetings/{purpose}", view.group.id),
                title: tr.t(title),
                about: view
                    .greetings
                    .iter()
                    .find(|g| g.purpose == purpose)
                    .map(|g| super::pages::greeting_about(&tr, g)),
            })
            .collect(),
            menus: if view.group.kind == GroupKind::AutoAttendant {
                [
                    ("business", "aa-business-menu"),
                    ("after_hours", "aa-after-hours-menu"),
                ]
                .into_iter()
                .map(|(name, title)| {
                    let reaches = |field: &str| reaches_in_words(&tr, &reached, typed.get(field));
                    let no_input_field = format!("{name}.no_input");
                    MenuBlock {
                        title: tr.t(title),
                        rows: KEYS
                            .iter()
                            .map(|k| {
                                let field = key_field(name, k);
                                let says = reaches(&field);
                                (*k, field, says)
                            })
                            .collect(),
                        no_input_reaches: reaches(&no_input_field),
                        no_input_field,
                    }
                })
                .collect()
            } else {
                Vec::new()
            },
            directions: CampaignDirection::ALL
                .iter()
                .map(|d| {
                    (
                        d.as_str(),
                        tr.t(&format!("campaign-direction-{}", d.as_str())),
                    )
                })
                .collect(),
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
    let (ws, view) = match open_for_form(&visit, &jar, &raw, fields.get("csrf")).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    // A number field left empty or not a number: the service's range check names it.
    let seconds = |name: &str| fields.opt(name).map(|s| s.parse::<i64>().unwrap_or(-1));
    let kind = view.group.kind;
    let rings = kind.rings_members();
    let changes = GroupChanges {
        name: fields.opt("name").or(Some(String::new())),
        extension: kind
            .is_virtual_user()
            .then(|| fields.get("extension").to_owned()),
        ring_policy: rings.then(|| fields.get("ring_policy").to_owned()),
        no_answer_seconds: (kind == GroupKind::Hunt)
            .then(|| seconds("no_answer_seconds"))
            .flatten(),
        forward_to: rings.then(|| fields.get("forward_to").to_owned()),
        recall_seconds: (kind == GroupKind::Park)
            .then(|| seconds("recall_seconds"))
            .flatten(),
        queue_length: (kind == GroupKind::CallCentre)
            .then(|| seconds("queue_length"))
            .flatten(),
        menu: (kind == GroupKind::AutoAttendant).then(|| menu_input(&fields)),
        number: kind
            .is_virtual_user()
            .then(|| fields.get("number").to_owned()),
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
            let errors = errors_of(&visit.tr(), &e)
                .into_iter()
                .map(|(f, m)| (form_field(f), m))
                .collect();
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
    let mut weights = Vec::new();
    let (flash, field) = match (fields.opt("add"), fields.opt("up"), fields.opt("remove")) {
        // G-1: a member's weight, typed in their row.
        _ if fields.opt("weigh").is_some() => {
            let member = fields.get("weigh").to_owned();
            let weight = fields
                .get(&format!("weight-{member}"))
                .trim()
                .parse()
                .unwrap_or(0);
            weights.push((member, weight));
            ("group-members-saved", "members")
        }
        // Chosen in the picker (a user id), or an extension typed.
        (Some(added), _, _) if added.parse::<UserId>().is_ok() => {
            order.push(added);
            ("group-member-added", "add")
        }
        (Some(extension), _, _) => {
            match user_by_extension(&visit, &ws, Some(view.group.site_id), &extension).await {
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
    let done = visit
        .state
        .app
        .groups()
        .set_members(&ws.actor, view.group.id, order, &weights)
        .await;
    // Said at the member field, in words (L-2: "not possible while the user is pending").
    people_changed(&visit, jar, (&ws, &view), &back, done, (flash, field))
}

/// The answer to a change of a group's people: back to its page with the flash, or the page
/// with the refusal said at the field.
fn people_changed(
    visit: &Visit,
    jar: CookieJar,
    (ws, view): (&Workspace, &GroupView),
    back: &str,
    done: Result<GroupView, AppError>,
    (flash, field): (&'static str, &str),
) -> Response {
    match done {
        Ok(_) => redirect_with_flash(jar, back, flash),
        Err(e @ AppError::Internal(_)) => internal_error(visit, &e),
        Err(e) => {
            let errors = errors_of(&visit.tr(), &e)
                .into_iter()
                .map(|(_, m)| (field.to_owned(), m))
                .collect();
            group_page(visit, ws, view.clone(), settings_of(view), errors)
        }
    }
}

/// The user with this extension, of `site` when given.
async fn user_by_extension(
    visit: &Visit,
    ws: &Workspace,
    site: Option<SiteId>,
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
                site_id: site.map(|s| s.to_string()),
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

/// G-2: a call centre's supervisors — add one by extension (any site), or remove one.
pub async fn supervisors(
    visit: Visit,
    jar: CookieJar,
    Path(raw): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let back = format!("/groups/{raw}");
    let (ws, view) = match open_for_form(&visit, &jar, &raw, fields.get("csrf")).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    let mut chosen: Vec<String> = view
        .supervisors
        .iter()
        .map(|m| m.user_id.to_string())
        .collect();
    let tr = visit.tr();
    let flash = match (fields.opt("add"), fields.opt("remove")) {
        (Some(added), _) if added.parse::<UserId>().is_ok() => {
            chosen.push(added);
            "group-supervisor-added"
        }
        (Some(extension), _) => match user_by_extension(&visit, &ws, None, &extension).await {
            Ok(Some(user)) => {
                chosen.push(user.to_string());
                "group-supervisor-added"
            }
            Ok(None) => {
                let errors = vec![(
                    "supervisor".to_owned(),
                    tr.t1("group-no-such-user-extension", "value", &extension),
                )];
                return group_page(&visit, &ws, view.clone(), settings_of(&view), errors);
            }
            Err(e) => return internal_error(&visit, &e),
        },
        (_, Some(gone)) => {
            chosen.retain(|id| *id != gone);
            "group-supervisor-removed"
        }
        _ => return Redirect::to(&back).into_response(),
    };
    let done = visit
        .state
        .app
        .groups()
        .set_supervisors(&ws.actor, view.group.id, chosen)
        .await;
    people_changed(
        &visit,
        jar,
        (&ws, &view),
        &back,
        done,
        (flash, "supervisor"),
    )
}

/// G-2: a new campaign of a call centre.
pub async fn create_campaign(
    visit: Visit,
    jar: CookieJar,
    Path(raw): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let back = format!("/groups/{raw}");
    let (ws, view) = match open_for_form(&visit, &jar, &raw, fields.get("csrf")).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    match visit
        .state
        .app
        .campaigns()
        .create(
            &ws.actor,
            view.group.id,
            fields.opt("name"),
            fields.opt("direction"),
        )
        .await
    {
        Ok(_) => redirect_with_flash(jar, &back, "campaign-created"),
        Err(e @ AppError::Internal(_)) => internal_error(&visit, &e),
        Err(e) => {
            // Said at the campaign's own name field (the settings form has a "name" too).
            let errors = errors_of(&visit.tr(), &e)
                .into_iter()
                .map(|(_, m)| ("campaign_name".to_owned(), m))
                .collect();
            let mut typed = settings_of(&view);
            typed
                .0
                .push(("campaign_name".into(), fields.get("name").to_owned()));
            group_page(&visit, &ws, view, typed, errors)
        }
    }
}

/// The workspace, the campaign's id and the call centre page it is on.
async fn campaign_home(
    visit: &Visit,
    raw: &str,
) -> Result<(Workspace, CampaignId, String), Response> {
    let ws = Workspace::of(visit).await?;
    let id: CampaignId = raw.parse().map_err(|_| not_found_page(visit))?;
    match visit.state.app.campaigns().get(&ws.actor, id).await {
        Ok(view) => {
            let back = format!("/groups/{}", view.campaign.group_id);
            Ok((ws, id, back))
        }
        Err(AppError::NotFound(_)) => Err(not_found_page(visit)),
        Err(e) => Err(internal_error(visit, &e)),
    }
}

/// G-2: the agents assigned to a campaign, as ticked.
pub async fn campaign_agents(
    visit: Visit,
    jar: CookieJar,
    Path(raw): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let (ws, id, back) = match campaign_home(&visit, &raw).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    if let Err(answer) = signed_in_form(&visit, &jar, fields.get("csrf"), &back) {
        return *answer;
    }
    let ticked = fields.all("agent");
    match visit
        .state
        .app
        .campaigns()
        .set_agents(&ws.actor, id, ticked)
        .await
    {
        Ok(_) => redirect_with_flash(jar, &back, "campaign-agents-saved"),
        Err(e @ AppError::Internal(_)) => internal_error(&visit, &e),
        // Only a form from before an agent left the call centre gets here: show it as it is now.
        Err(_) => redirect_with_flash(jar, &back, "group-changed-meanwhile"),
    }
}

pub async fn delete_campaign(
    visit: Visit,
    jar: CookieJar,
    Path(raw): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let (ws, id, back) = match campaign_home(&visit, &raw).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    if let Err(answer) = signed_in_form(&visit, &jar, fields.get("csrf"), &back) {
        return *answer;
    }
    if fields.get("confirmed") != "yes" {
        return redirect_with_flash(jar, &back, "campaign-confirm-delete");
    }
    match visit.state.app.campaigns().delete(&ws.actor, id).await {
        Ok(()) => redirect_with_flash(jar, &back, "campaign-deleted"),
        Err(e) => internal_error(&visit, &e),
    }
}

/// S-3: saves a virtual user's call services form.
pub async fn services(
    visit: Visit,
    jar: CookieJar,
    Path(raw): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let back = format!("/groups/{raw}");
    let (ws, view) = match open_for_form(&visit, &jar, &raw, fields.get("csrf")).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    let changes = switchboard_app::group_services::VirtualChanges {
        forward_always: view
            .group
            .kind
            .rings_members()
            .then(|| fields.get("forward_always").to_owned()),
        voicemail: Some(fields.get("voicemail") == "yes"),
        voicemail_email: Some(fields.get("voicemail_email").to_owned()),
        voicemail_pin: fields.opt("voicemail_pin"),
    };
    let version = fields.get("services_version").parse().ok();
    match visit
        .state
        .app
        .group_services()
        .update(&ws.actor, view.group.id, version, changes)
        .await
    {
        Ok(_) => redirect_with_flash(jar, &back, "services-saved"),
        Err(AppError::PreconditionFailed) => {
            redirect_with_flash(jar, &back, "group-changed-meanwhile")
        }
        Err(e @ AppError::Internal(_)) => internal_error(&visit, &e),
        Err(e) => {
            let errors = errors_of(&visit.tr(), &e);
            let mut typed = settings_of(&view);
            for name in ["forward_always", "voicemail", "voicemail_email"] {
                typed.0.push((name.to_owned(), fields.get(name).to_owned()));
            }
            typed.0.push(("services_form".into(), "1".into()));
            group_page(&visit, &ws, view, typed, errors)
        }
    }
}
