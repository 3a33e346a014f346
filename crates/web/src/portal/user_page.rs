//! One user (seeds 000/002/003/004): state badge with what it means, the facts, and every action
//! of an administrator — edit (L-3/L-7), new login details (U-4), deactivate with an intercept
//! (L-5), reactivate (L-6), delete after a confirmation that lists what is freed (L-4),
//! duplicate (U-7), new invitation (U-5), alternative numbers (N-5) and, for operators, retry of a
//! failed activation (L-1). What the state does not allow is shown disabled, with the reason.

use axum::extract::{Form, Path};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use switchboard_app::AppError;
use switchboard_app::users::{Deactivation, Patch, UserChanges, UserListParams};
use switchboard_domain::{
    InterceptAction, InterceptDestination, LicenceCode, PortalRole, UserId, UserState,
};
use switchboard_store::users::User;

use super::context::{Chrome, Visit, errors_of};
use super::directory::{Directory, Fields};
use super::pages::{ConfirmPage, DeactivatePage, UserEditPage, UserPage, internal_error, message};
use super::user_form::{Option_, sip_login_page};
use super::workspace::Workspace;
use super::{clear_flash, redirect_with_flash, signed_in_form};
use switchboard_app::jobs::PushStatus;

/// An action button: allowed, or disabled with the reason in words.
pub struct Action {
    pub allowed: bool,
    pub reason: String,
}

/// The user as the page shows them.
pub struct UserView {
    pub id: String,
    pub name: String,
    pub state: &'static str,
    pub state_label: String,
    pub state_meaning: String,
    pub state_reason: Option<String>,
    pub facts: Vec<(String, String)>,
    pub alternative_numbers: Vec<String>,
    pub intercept: Option<String>,
    pub edit_configuration: Action,
    pub deactivate: Action,
    pub reactivate: Action,
    pub delete: Action,
    pub retry: Action,
    pub sip_login: Action,
    pub invite: Action,
    pub alternative: Action,
}

async fn load(visit: &Visit, ws: &Workspace, raw_id: &str) -> Result<User, Response> {
    let not_found = || {
        message(
            visit,
            StatusCode::NOT_FOUND,
            "not-found-title",
            "not-found-text",
        )
    };
    let Ok(id) = raw_id.parse::<UserId>() else {
        return Err(not_found());
    };
    match visit.state.app.users().get(&ws.actor, id).await {
        Ok(user) if user.enterprise_id == ws.enterprise.id => Ok(user),
        Ok(_) | Err(AppError::NotFound(_)) => Err(not_found()),
        Err(e) => Err(internal_error(visit, &e)),
    }
}

/// A user page's start: the administrator's workspace and the user in it, or the answer to give
/// instead (sign in, not an administrator, not found).
async fn open_user(visit: &Visit, id: &str) -> Result<(Workspace, User), Response> {
    let ws = Workspace::of(visit).await?;
    let user = load(visit, &ws, id).await?;
    Ok((ws, user))
}

/// The same for a form posted from a user's pages, once its CSRF token is checked.
async fn posted_to_user(
    visit: &Visit,
    jar: &CookieJar,
    csrf: &str,
    back: &str,
    id: &str,
) -> Result<(Workspace, User), Response> {
    signed_in_form(visit, jar, csrf, back).map_err(|answer| *answer)?;
    open_user(visit, id).await
}

fn full_name(u: &User) -> String {
    format!("{} {}", u.first_name.as_str(), u.last_name.as_str())
}

fn view(
    c: &Chrome,
    ws: &Workspace,
    directory: &Directory,
    u: &User,
    destination: Option<String>,
) -> UserView {
    let tr = &c.tr;
    let state = u.state.as_str();
    let allowed = Action {
        allowed: true,
        reason: String::new(),
    };
    let refused = |key: &str| Action {
        allowed: false,
        reason: tr.t(key),
    };
    let state_reason = |u: &User| match u.state {
        UserState::Pending => refused("reason-pending"),
        UserState::Failed => refused("reason-failed"),
        UserState::Deactivated => refused("reason-deactivated"),
        UserState::Active => Action {
            allowed: true,
            reason: String::new(),
        },
    };
    let site_admin_on_enterprise_admin =
        ws.actor.site_limit().is_some() && u.role == PortalRole::EnterpriseAdmin;
    let guard = |action: Action| {
        if site_admin_on_enterprise_admin {
            refused("reason-enterprise-admin")
        } else {
            action
        }
    };
    let mut facts = vec![
        (tr.t("users-col-login"), u.login_name.as_str().to_owned()),
        (tr.t("user-email"), u.email.as_str().to_owned()),
        (
            tr.t("users-col-role"),
            tr.t(&format!("role-{}", u.role.as_str())),
        ),
        (tr.t("users-col-site"), ws.site_name(u.site_id)),
        (
            tr.t("user-number"),
            u.primary_number
                .as_ref()
                .map(|n| n.to_string())
                .unwrap_or_else(|| tr.t("user-none")),
        ),
        (tr.t("user-extension"), u.extension.to_string()),
        (tr.t("user-device"), directory.device_name(u.device_type_id)),
        (
            tr.t("user-package"),
            directory.licence_name(u.package_licence_id),
        ),
    ];
    if !u.addon_licence_ids.is_empty() {
        let names: Vec<String> = u
            .addon_licence_ids
            .iter()
            .map(|l| directory.licence_name(*l))
            .collect();
        facts.push((tr.t("user-addons"), names.join(", ")));
    }
    if let Some(m) = &u.mobile_number {
        facts.push((tr.t("user-mobile"), m.to_string()));
    }
    if let Some(contract) = &u.contract_number {
        facts.push((tr.t("user-contract"), contract.as_str().to_owned()));
    }
    if let Some(dep) = u.department_id {
        facts.push((tr.t("users-col-department"), directory.department(dep)));
    }
    if !u.team_ids.is_empty() {
        facts.push((tr.t("users-col-teams"), directory.teams_of(&u.team_ids)));
    }
    if let Some(contact) = &u.personal_contact {
        facts.push((tr.t("user-contact"), contact.clone()));
    }
    facts.push((
        tr.t("user-language"),
        tr.t(&format!("language-{}", u.language.as_str())),
    ));
    facts.push((tr.t("user-created"), tr.when(u.created_at)));
    let intercept = u.intercept.as_ref().map(|i| {
        let action = tr.t(&format!("intercept-{}", i.action.as_str()));
        let to = destination.unwrap_or_default();
        format!("{action} → {to}")
    });
    UserView {
        id: u.id.to_string(),
        name: full_name(u),
        state,
        state_label: tr.t(&format!("state-{state}")),
        state_meaning: tr.t(&format!("state-{state}-meaning")),
        state_reason: u.state_reason.clone(),
        facts,
        alternative_numbers: u
            .alternative_numbers
            .iter()
            .map(|n| n.to_string())
            .collect(),
        intercept,
        edit_configuration: guard(state_reason(u)),
        deactivate: guard(match u.state {
            UserState::Active => allowed,
            UserState::Deactivated => refused("reason-already-deactivated"),
            _ => state_reason(u),
        }),
        reactivate: guard(if u.state == UserState::Deactivated {
            Action {
                allowed: true,
                reason: String::new(),
            }
        } else {
            refused("reason-not-deactivated")
        }),
        delete: guard(if ws.is_operator() || u.state.allows_deletion_by_admin() {
            Action {
                allowed: true,
                reason: String::new(),
            }
        } else {
            state_reason(u)
        }),
        retry: if !ws.is_operator() {
            refused("reason-operator-only")
        } else if u.state == UserState::Failed {
            Action {
                allowed: true,
                reason: String::new(),
            }
        } else {
            refused("reason-not-failed")
        },
        sip_login: guard(Action {
            allowed: true,
            reason: String::new(),
        }),
        invite: guard(Action {
            allowed: true,
            reason: String::new(),
        }),
        alternative: guard(state_reason(u)),
    }
}

/// The user page.
pub async fn show(visit: Visit, jar: CookieJar, Path(id): Path<String>) -> Response {
    let (ws, user) = match open_user(&visit, &id).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    match page(&visit, &ws, &user, Vec::new()).await {
        Ok(page) => (clear_flash(jar, &visit), page).into_response(),
        Err(e) => internal_error(&visit, &e),
    }
}

async fn page(
    visit: &Visit,
    ws: &Workspace,
    user: &User,
    errors: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let directory = Directory::load(visit, ws).await?;
    let mut c = ws.chrome(visit, "user-title", &format!("/users/{}", user.id));
    c.title = full_name(user);
    // L-5: where the callers go, by name: a colleague and their extension, or a queue.
    let app = &visit.state.app;
    let destination = match user.intercept.as_ref().map(|i| i.destination) {
        Some(InterceptDestination::User(d)) => app
            .users()
            .get(&ws.actor, d)
            .await
            .ok()
            .map(|d| format!("{} ({})", full_name(&d), d.extension)),
        Some(InterceptDestination::Queue(q)) => app
            .groups()
            .get(&ws.actor, q)
            .await
            .ok()
            .map(|g| c.tr.t1("intercept-queue", "name", g.group.name.as_str())),
        None => None,
    };
    let v = view(&c, ws, &directory, user, destination);
    let audit = if c.audit_nav {
        let entries = visit
            .state
            .app
            .audit()
            .list(
                &ws.actor,
                switchboard_store::audit::AuditQuery {
                    enterprise_id: Some(ws.enterprise.id),
                    target_id: Some(user.id.to_string()),
                    limit: 20,
                    ..Default::default()
                },
            )
            .await?;
        Some(super::audit::rows(visit, ws, &c.tr, entries).await?)
    } else {
        None
    };
    // K-1: whether two-step sign-in is required, and how the user does it.
    let status = visit
        .state
        .app
        .accounts()
        .status_of_user(&ws.actor, user.id)
        .await?;
    let two_step = super::pages::TwoStepView {
        required: status.two_step_required,
        state: c
            .tr
            .t(match (status.two_step_required, status.totp_enabled) {
                (_, true) => "user-two-step-app",
                (true, false) => "user-two-step-code",
                (false, false) => "user-two-step-off",
            }),
    };
    let pushed = visit
        .state
        .app
        .users()
        .push_state(&ws.actor, user.id)
        .await?;
    let push = match pushed.status {
        PushStatus::Retrying => Some("user-push-retrying"),
        PushStatus::Failed => Some("user-push-failed"),
        PushStatus::InStep | PushStatus::Pending => None,
    }
    .map(|key| {
        c.tr.t1(key, "error", pushed.error.as_deref().unwrap_or_default())
    });
    let groups = group_labels(visit, ws, user, &c.tr).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        UserPage {
            two_step,
            c: c.with_errors(errors),
            u: v,
            push,
            audit,
            groups,
            picture: super::pages::PictureForm {
                src: user
                    .picture_at
                    .map(|at| super::pictures::address(&user.id.to_string(), at)),
                action: format!("/users/{}/picture", user.id),
                name: full_name(user),
            },
        },
    )
        .into_response())
}

/// The one-button actions of the user page.
enum UserAction {
    Reactivate,
    Retry,
    Invite,
    /// K-1: require (true) or release (false) two-step sign-in.
    TwoStep(bool),
    AddNumber(Option<String>),
    RemoveNumber(String),
    SipLogin,
    Delete,
}

impl UserAction {
    /// The message after it is done.
    fn flash(&self) -> &'static str {
        match self {
            Self::Reactivate => "user-reactivated",
            Self::Retry => "user-activation-retried",
            Self::Invite => "user-invited",
            Self::TwoStep(true) => "user-two-step-required",
            Self::TwoStep(false) => "user-two-step-released",
            Self::AddNumber(_) | Self::RemoveNumber(_) | Self::SipLogin => "user-updated",
            Self::Delete => "user-deleted",
        }
    }
}

/// Runs an action of the user page: the form's CSRF token, the workspace, the user, the use
/// case; a refusal shows the user page again with the reason at the top.
async fn act(
    visit: Visit,
    jar: CookieJar,
    id: String,
    fields: Fields,
    action: UserAction,
) -> Response {
    let back = format!("/users/{id}");
    let (ws, user) = match posted_to_user(&visit, &jar, fields.get("csrf"), &back, &id).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    let flash = action.flash();
    let users = visit.state.app.users();
    let (actor, user_id) = (&ws.actor, user.id);
    let done = match action {
        UserAction::Reactivate => users.reactivate(actor, user_id).await.map(|_| None),
        UserAction::Retry => users.retry_activation(actor, user_id).await.map(|_| None),
        UserAction::Invite => visit
            .state
            .app
            .accounts()
            .invite(actor, user_id)
            .await
            .map(|_| None),
        UserAction::TwoStep(required) => visit
            .state
            .app
            .accounts()
            .require_two_step(actor, user_id, required)
            .await
            .map(|_| None),
        UserAction::AddNumber(number) => users
            .add_alternative_number(actor, user_id, number)
            .await
            .map(|_| None),
        UserAction::RemoveNumber(number) => users
            .remove_alternative_number(actor, user_id, &number)
            .await
            .map(|_| None),
        // U-4/L-7: new desk-phone login details, shown once; the old password stops working.
        UserAction::SipLogin => users
            .renew_sip_credentials(actor, user_id)
            .await
            .map(|renewed| {
                Some(sip_login_page(
                    &visit,
                    &ws,
                    user_id,
                    full_name(&user),
                    renewed.sip_login,
                    "sip-login-renewed",
                ))
            }),
        UserAction::Delete => users.delete(actor, user_id).await.map(|_| None),
    };
    match done {
        Ok(Some(response)) => response,
        Ok(None) if flash == "user-deleted" => redirect_with_flash(jar, "/users", flash),
        Ok(None) => redirect_with_flash(jar, &back, flash),
        Err(e) if e.is_refusal() => {
            let errors = errors_of(&visit.tr(), &e);
            // Show the user as they are now (the refusal changed nothing).
            match users.get(actor, user_id).await {
                Ok(current) => match page(&visit, &ws, &current, errors).await {
                    Ok(page) => page,
                    Err(e) => internal_error(&visit, &e),
                },
                Err(_) => redirect_with_flash(jar, "/users", "user-deleted"),
            }
        }
        Err(e) => internal_error(&visit, &e),
    }
}

type PostedForm = Form<Vec<(String, String)>>;

pub async fn reactivate(
    visit: Visit,
    jar: CookieJar,
    Path(id): Path<String>,
    Form(pairs): PostedForm,
) -> Response {
    act(visit, jar, id, Fields(pairs), UserAction::Reactivate).await
}

pub async fn retry(
    visit: Visit,
    jar: CookieJar,
    Path(id): Path<String>,
    Form(pairs): PostedForm,
) -> Response {
    act(visit, jar, id, Fields(pairs), UserAction::Retry).await
}

pub async fn invite(
    visit: Visit,
    jar: CookieJar,
    Path(id): Path<String>,
    Form(pairs): PostedForm,
) -> Response {
    act(visit, jar, id, Fields(pairs), UserAction::Invite).await
}

/// K-1: an administrator requires two-step sign-in of an existing user, or stops requiring it.
pub async fn two_step(
    visit: Visit,
    jar: CookieJar,
    Path(id): Path<String>,
    Form(pairs): PostedForm,
) -> Response {
    let fields = Fields(pairs);
    let required = fields.get("required") == "yes";
    act(visit, jar, id, fields, UserAction::TwoStep(required)).await
}

/// N-5: an alternative number (it takes an Additional Number licence).
pub async fn add_number(
    visit: Visit,
    jar: CookieJar,
    Path(id): Path<String>,
    Form(pairs): PostedForm,
) -> Response {
    let fields = Fields(pairs);
    let number = fields.opt("number");
    act(visit, jar, id, fields, UserAction::AddNumber(number)).await
}

pub async fn remove_number(
    visit: Visit,
    jar: CookieJar,
    Path(id): Path<String>,
    Form(pairs): PostedForm,
) -> Response {
    let fields = Fields(pairs);
    let number = fields.get("number").to_owned();
    act(visit, jar, id, fields, UserAction::RemoveNumber(number)).await
}

/// U-4/L-7: new desk-phone login details (after the confirmation page).
pub async fn sip_login(
    visit: Visit,
    jar: CookieJar,
    Path(id): Path<String>,
    Form(pairs): PostedForm,
) -> Response {
    act(visit, jar, id, Fields(pairs), UserAction::SipLogin).await
}

/// L-4: delete (after the confirmation page).
pub async fn delete(
    visit: Visit,
    jar: CookieJar,
    Path(id): Path<String>,
    Form(pairs): PostedForm,
) -> Response {
    act(visit, jar, id, Fields(pairs), UserAction::Delete).await
}

#[derive(serde::Deserialize)]
pub struct ConfirmQuery {
    number: Option<String>,
}

/// The confirmation pages of the destructive actions (L-4 delete, U-4 new login details, N-5
/// removing an alternative number).
pub async fn confirm(
    visit: Visit,
    jar: CookieJar,
    Path((id, what)): Path<(String, String)>,
    axum::extract::Query(q): axum::extract::Query<ConfirmQuery>,
) -> Response {
    let (ws, user) = match open_user(&visit, &id).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    let directory = match Directory::load(&visit, &ws).await {
        Ok(d) => d,
        Err(e) => return internal_error(&visit, &e),
    };
    let (title_key, action, button_key, danger) = match what.as_str() {
        "delete" => ("user-delete-title", "delete", "user-delete", true),
        "sip-login" => ("user-sip-login-title", "sip-login", "user-sip-login", false),
        "remove-number" => ("remove-number-title", "numbers/remove", "remove", true),
        _ => {
            return message(
                &visit,
                StatusCode::NOT_FOUND,
                "not-found-title",
                "not-found-text",
            );
        }
    };
    let mut c = ws.chrome(&visit, title_key, &format!("/users/{}", user.id));
    c.title = c.tr.t1(title_key, "name", &full_name(&user));
    let tr = c.tr;
    let mut consequences = Vec::new();
    let mut hidden = Vec::new();
    if what == "remove-number" {
        let Some(number) = q
            .number
            .filter(|n| user.alternative_numbers.iter().any(|a| a.as_str() == n))
        else {
            return message(
                &visit,
                StatusCode::NOT_FOUND,
                "not-found-title",
                "not-found-text",
            );
        };
        consequences.push(tr.t1("delete-frees-number", "value", &number));
        consequences.push(tr.t("remove-number-licence"));
        hidden.push(("number".to_owned(), number));
    } else if what == "delete" {
        // L-4: everything that goes with the user, in words.
        if let Some(n) = &user.primary_number {
            consequences.push(tr.t1("delete-frees-number", "value", n.as_str()));
        }
        for n in &user.alternative_numbers {
            consequences.push(tr.t1("delete-frees-number", "value", n.as_str()));
        }
        let mut licences = vec![directory.licence_name(user.package_licence_id)];
        licences.extend(
            user.addon_licence_ids
                .iter()
                .map(|l| directory.licence_name(*l)),
        );
        if !user.alternative_numbers.is_empty() {
            let additional = directory
                .pools
                .iter()
                .find(|p| p.licence.code.as_str() == LicenceCode::ADDITIONAL_NUMBER)
                .map(|p| p.licence.name.clone())
                .unwrap_or_default();
            licences.extend(user.alternative_numbers.iter().map(|_| additional.clone()));
        }
        consequences.push(tr.t1("delete-frees-licences", "value", &licences.join(", ")));
        consequences.push(tr.t1("delete-extension", "value", user.extension.as_str()));
        if !user.team_ids.is_empty() {
            consequences.push(tr.t1(
                "delete-leaves-teams",
                "value",
                &directory.teams_of(&user.team_ids),
            ));
        }
        match group_labels(&visit, &ws, &user, &tr).await {
            Ok(groups) if !groups.is_empty() => {
                let names: Vec<String> = groups.into_iter().map(|(_, label)| label).collect();
                consequences.push(tr.t1("delete-leaves-groups", "value", &names.join(", ")));
            }
            Ok(_) => {}
            Err(e) => return internal_error(&visit, &e),
        }
        consequences.push(tr.t("delete-revokes"));
        consequences.push(tr.t("delete-final"));
    } else {
        consequences.push(tr.t("sip-login-consequence"));
    }
    let page = ConfirmPage {
        c,
        user_id: user.id.to_string(),
        action: action.into(),
        button: tr.t(button_key),
        danger,
        consequences,
        hidden,
    };
    (clear_flash(jar, &visit), page).into_response()
}

/// L-5: the deactivation form: the intercept action and the destination (an active user of the
/// same site, found by extension).
pub async fn deactivate_page(visit: Visit, jar: CookieJar, Path(id): Path<String>) -> Response {
    let (ws, user) = match open_user(&visit, &id).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    let values = Fields(vec![("action".into(), "announce_new_number".into())]);
    let page = deactivate_form(&visit, &ws, &user, values, Vec::new()).await;
    (clear_flash(jar, &visit), page).into_response()
}

async fn deactivate_form(
    visit: &Visit,
    ws: &Workspace,
    user: &User,
    values: Fields,
    errors: Vec<(String, String)>,
) -> Response {
    let mut c = ws.chrome(
        visit,
        "user-deactivate-title",
        &format!("/users/{}", user.id),
    );
    c.title = c.tr.t1("user-deactivate-title", "name", &full_name(user));
    let actions = [
        InterceptAction::AnnounceNewNumber,
        InterceptAction::TransferOnZero,
    ]
    .iter()
    .map(|a| Option_ {
        value: a.as_str().into(),
        label: c.tr.t(&format!("intercept-{}", a.as_str())),
        selected: values.get("action") == a.as_str(),
        disabled: false,
    })
    .collect();
    // Suggestions for the destination: active users and call-centre queues of the same site
    // (the field takes any extension; these fill its list, searchable by name).
    let app = &visit.state.app;
    let mut suggestions: Vec<(String, String)> = app
        .users()
        .list(
            &ws.actor,
            ws.enterprise.id,
            UserListParams {
                state: Some("active".into()),
                site_id: Some(user.site_id.to_string()),
                limit: Some(50),
                ..Default::default()
            },
        )
        .await
        .map(|p| {
            p.users
                .into_iter()
                .filter(|u| u.id != user.id)
                .map(|u| (u.extension.to_string(), full_name(&u)))
                .collect()
        })
        .unwrap_or_default();
    suggestions.extend(
        site_queues(visit, ws, user)
            .await
            .into_iter()
            .map(|(extension, name, _)| (extension, c.tr.t1("intercept-queue", "name", &name))),
    );
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    (
        status,
        DeactivatePage {
            c: c.with_errors(errors),
            user_id: user.id.to_string(),
            actions,
            destination: values.get("destination_user_id").to_owned(),
            suggestions,
        },
    )
        .into_response()
}

pub async fn deactivate(
    visit: Visit,
    jar: CookieJar,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let back = format!("/users/{id}/deactivate");
    let (ws, user) = match posted_to_user(&visit, &jar, fields.get("csrf"), &back, &id).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    // L-5: the extension typed is a call-centre queue's or a colleague's.
    let typed = fields.opt("destination_user_id");
    let queue = match &typed {
        Some(ext) => site_queues(&visit, &ws, &user)
            .await
            .into_iter()
            .find(|(extension, _, _)| extension == ext)
            .map(|(_, _, id)| id),
        None => None,
    };
    let destination_user_id = match (&queue, typed) {
        (None, Some(ext)) => Some(
            destination_by_extension(&visit, &ws, &user, &ext)
                .await
                .unwrap_or(ext),
        ),
        _ => None,
    };
    let input = Deactivation {
        action: fields.opt("action"),
        destination_user_id,
        destination_queue_id: queue,
    };
    match visit
        .state
        .app
        .users()
        .deactivate(&ws.actor, user.id, input)
        .await
    {
        Ok(_) => redirect_with_flash(jar, &format!("/users/{id}"), "user-deactivated"),
        Err(e) if e.is_refusal() => {
            // One field takes both kinds of destination: a refusal of either is shown there.
            let errors = errors_of(&visit.tr(), &e)
                .into_iter()
                .map(|(field, message)| match field.as_str() {
                    "destination_queue_id" => ("destination_user_id".to_owned(), message),
                    _ => (field, message),
                })
                .collect();
            deactivate_form(&visit, &ws, &user, fields, errors).await
        }
        Err(e) => internal_error(&visit, &e),
    }
}

/// The call centres of `user`'s site: (extension, name, id), queues a deactivated user's
/// callers may be sent to (L-5).
async fn site_queues(visit: &Visit, ws: &Workspace, user: &User) -> Vec<(String, String, String)> {
    visit
        .state
        .app
        .groups()
        .list(&ws.actor, ws.enterprise.id, Some("call_centre"))
        .await
        .map(|groups| {
            groups
                .into_iter()
                .filter(|g| g.group.site_id == user.site_id)
                .filter_map(|g| {
                    let extension = g.group.extension.as_ref()?.to_string();
                    Some((
                        extension,
                        g.group.name.as_str().to_owned(),
                        g.group.id.to_string(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The user of `user`'s site with exactly this extension, as an id for the service.
async fn destination_by_extension(
    visit: &Visit,
    ws: &Workspace,
    user: &User,
    extension: &str,
) -> Option<String> {
    if !extension.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let page = visit
        .state
        .app
        .users()
        .list(
            &ws.actor,
            ws.enterprise.id,
            UserListParams {
                site_id: Some(user.site_id.to_string()),
                q: Some(extension.to_owned()),
                limit: Some(5),
                ..Default::default()
            },
        )
        .await
        .ok()?;
    page.users
        .into_iter()
        .find(|u| u.extension.as_str() == extension)
        .map(|u| u.id.to_string())
}

/// The edit form: profile always; configuration (L-3/L-7) only while the user is active, shown
/// disabled with the reason otherwise.
pub async fn edit_page(visit: Visit, jar: CookieJar, Path(id): Path<String>) -> Response {
    let (ws, user) = match open_user(&visit, &id).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    match edit_form(&visit, &ws, &user, None, Vec::new()).await {
        Ok(page) => (clear_flash(jar, &visit), page).into_response(),
        Err(e) => internal_error(&visit, &e),
    }
}

/// The user's current values as form fields.
fn values_of(u: &User, directory: &Directory) -> Fields {
    let mut v = vec![
        ("first_name".to_owned(), u.first_name.as_str().to_owned()),
        ("last_name".into(), u.last_name.as_str().into()),
        ("email".into(), u.email.as_str().into()),
        ("login_name".into(), u.login_name.as_str().into()),
        ("role".into(), u.role.as_str().into()),
        ("language".into(), u.language.as_str().into()),
        (
            "personal_contact".into(),
            u.personal_contact.clone().unwrap_or_default(),
        ),
        (
            "department_id".into(),
            u.department_id.map(|d| d.to_string()).unwrap_or_default(),
        ),
        (
            "primary_number".into(),
            u.primary_number
                .as_ref()
                .map(|n| n.to_string())
                .unwrap_or_default(),
        ),
        ("extension".into(), u.extension.to_string()),
        (
            "device_type".into(),
            directory
                .device(u.device_type_id)
                .map(|d| d.code.clone())
                .unwrap_or_default(),
        ),
        (
            "package_licence".into(),
            directory
                .licence(u.package_licence_id)
                .map(|p| p.licence.code.to_string())
                .unwrap_or_default(),
        ),
        (
            "mobile_number".into(),
            u.mobile_number
                .as_ref()
                .map(|n| n.to_string())
                .unwrap_or_default(),
        ),
        (
            "contract_number".into(),
            u.contract_number
                .as_ref()
                .map(|n| n.as_str().to_owned())
                .unwrap_or_default(),
        ),
    ];
    v.extend(
        u.team_ids
            .iter()
            .map(|t| ("team_ids".to_owned(), t.to_string())),
    );
    v.extend(
        u.addon_licence_ids
            .iter()
            .filter_map(|l| directory.licence(*l))
            .map(|p| ("addon_licences".to_owned(), p.licence.code.to_string())),
    );
    Fields(v)
}

async fn edit_form(
    visit: &Visit,
    ws: &Workspace,
    user: &User,
    typed: Option<Fields>,
    errors: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let directory = Directory::load(visit, ws).await?;
    let values = typed.unwrap_or_else(|| values_of(user, &directory));
    let mut c = ws.chrome(visit, "user-edit-title", &format!("/users/{}", user.id));
    c.title = c.tr.t1("user-edit-title", "name", &full_name(user));
    let v = view(&c, ws, &directory, user, None);
    let form = super::user_form::edit_view(visit, ws, &directory, values).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        UserEditPage {
            c: c.with_errors(errors),
            user_id: user.id.to_string(),
            version: user.version,
            configuration: v.edit_configuration,
            f: form,
        },
    )
        .into_response())
}

/// A text field of the edit form: absent (disabled) keeps, blank clears.
fn patch(f: &Fields, name: &str) -> Patch<String> {
    if !f.0.iter().any(|(k, _)| k == name) {
        Patch::Keep
    } else {
        match f.opt(name) {
            Some(v) => Patch::Set(v),
            None => Patch::Clear,
        }
    }
}

fn present(f: &Fields, name: &str) -> Option<String> {
    f.0.iter()
        .any(|(k, _)| k == name)
        .then(|| f.get(name).trim().to_owned())
}

pub async fn edit(
    visit: Visit,
    jar: CookieJar,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let back = format!("/users/{id}/edit");
    let (ws, user) = match posted_to_user(&visit, &jar, fields.get("csrf"), &back, &id).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    let configuration = fields.get("configuration") == "on";
    let changes = UserChanges {
        first_name: present(&fields, "first_name"),
        last_name: present(&fields, "last_name"),
        email: present(&fields, "email"),
        login_name: present(&fields, "login_name").filter(|l| !l.is_empty()),
        role: present(&fields, "role"),
        department_id: patch(&fields, "department_id"),
        team_ids: Some(fields.all("team_ids")),
        personal_contact: patch(&fields, "personal_contact"),
        language: present(&fields, "language"),
        primary_number: configuration
            .then(|| fields.get("primary_number").trim().to_owned())
            .filter(|n| !n.is_empty()),
        extension: configuration.then(|| fields.get("extension").trim().to_owned()),
        device_type: configuration.then(|| fields.get("device_type").to_owned()),
        package_licence: configuration.then(|| fields.get("package_licence").to_owned()),
        addon_licences: configuration.then(|| fields.all("addon_licences")),
        mobile_number: if configuration {
            patch(&fields, "mobile_number")
        } else {
            Patch::Keep
        },
        contract_number: if configuration {
            patch(&fields, "contract_number")
        } else {
            Patch::Keep
        },
    };
    let version = fields.get("version").parse::<i64>().ok();
    match visit
        .state
        .app
        .users()
        .update(&ws.actor, user.id, version, changes)
        .await
    {
        Ok(updated) => match updated.sip_login {
            // L-7: a new desk phone comes with new login details, shown once.
            Some(login) => sip_login_page(
                &visit,
                &ws,
                user.id,
                full_name(&updated.user),
                Some(login),
                "sip-login-renewed",
            ),
            None => redirect_with_flash(jar, &format!("/users/{id}"), "user-updated"),
        },
        Err(e) if e.is_refusal() => {
            let errors = match &e {
                AppError::PreconditionFailed => {
                    vec![(String::new(), visit.tr().t("user-changed-meanwhile"))]
                }
                _ => errors_of(&visit.tr(), &e),
            };
            let typed = fields.typed();
            // After a concurrent change, start from the current values (the version is new).
            let typed = (!matches!(e, AppError::PreconditionFailed)).then_some(typed);
            let current = visit
                .state
                .app
                .users()
                .get(&ws.actor, user.id)
                .await
                .unwrap_or(user);
            match edit_form(&visit, &ws, &current, typed, errors).await {
                Ok(page) => page,
                Err(e) => internal_error(&visit, &e),
            }
        }
        Err(e) => internal_error(&visit, &e),
    }
}

/// The groups a user is in, as (id, "kind: name") (L-4, L-6).
async fn group_labels(
    visit: &Visit,
    ws: &Workspace,
    user: &User,
    tr: &super::i18n::Tr,
) -> Result<Vec<(String, String)>, AppError> {
    let groups = visit.state.app.groups().of_user(&ws.actor, user.id).await?;
    Ok(groups
        .into_iter()
        .map(|g| {
            let kind = tr.t(&format!("group-kind-{}", g.kind.as_str()));
            (g.id.to_string(), format!("{kind}: {}", g.name.as_str()))
        })
        .collect())
}
