//! "Add user" (U-1…U-5, seeds 000/002/003/004) and "Duplicate" (U-7): one form, prefilled from
//! a source user when duplicating. On success the one-time desk-phone login page (U-4) is the
//! answer to the POST itself, never stored and never shown again.

use axum::extract::{Form, Query};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use switchboard_app::AppError;
use switchboard_app::users::{NewUser, SipLogin};
use switchboard_domain::{DeviceKind, Language, PortalRole, UserId};
use switchboard_store::numbers::Availability;

use super::context::Visit;
use super::directory::{Directory, Fields};
use super::pages::{SipLoginPage, UserFormPage, internal_error};
use super::workspace::Workspace;
use super::{clear_flash, signed_in_form};

/// How many free numbers the picker offers before the administrator types a prefix.
const PICKER_NUMBERS: i64 = 100;

/// A choice of the form's `<select>`s and checkbox groups.
pub struct Option_ {
    pub value: String,
    pub label: String,
    pub selected: bool,
    pub disabled: bool,
}

/// What the form shows: the typed values and the choices.
pub struct UserFormView {
    pub values: Fields,
    pub sites: Vec<Option_>,
    pub roles: Vec<Option_>,
    pub packages: Vec<Option_>,
    pub addons: Vec<Option_>,
    pub devices: Vec<Option_>,
    pub departments: Vec<Option_>,
    pub teams: Vec<Option_>,
    pub languages: Vec<Option_>,
    /// Codes of the device types without a desk phone (U-3: mobile and contract needed).
    pub mobile_devices: String,
    pub free_numbers: Vec<String>,
    pub no_free_package: bool,
    pub extension_max: u8,
    pub extension_min: u8,
    pub duplicate_of: Option<String>,
    pub invite: bool,
}

impl UserFormView {
    pub fn value(&self, name: &str) -> &str {
        self.values.get(name)
    }

    /// "2–4", or "4" when the enterprise allows one length only.
    pub fn extension_range(&self) -> String {
        if self.extension_min == self.extension_max {
            self.extension_max.to_string()
        } else {
            format!("{}–{}", self.extension_min, self.extension_max)
        }
    }

    pub fn checked(&self, name: &str) -> bool {
        self.values.get(name) == "on"
    }
}

fn choice(value: String, label: String, selected: bool) -> Option_ {
    Option_ {
        value,
        label,
        selected,
        disabled: false,
    }
}

/// The form's choices around `values` (what was typed, or the prefill).
async fn form_view(
    visit: &Visit,
    ws: &Workspace,
    directory: &Directory,
    values: Fields,
    duplicate_of: Option<String>,
) -> Result<UserFormView, AppError> {
    let tr = visit.tr();
    let sites = ws
        .sites
        .iter()
        .map(|s| {
            choice(
                s.id.to_string(),
                s.name.clone(),
                values.get("site_id") == s.id.to_string(),
            )
        })
        .collect();
    let may_make_enterprise_admins = ws.actor.site_limit().is_none();
    let roles = PortalRole::ALL
        .iter()
        .filter(|r| may_make_enterprise_admins || **r != PortalRole::EnterpriseAdmin)
        .map(|r| {
            choice(
                r.as_str().into(),
                tr.t(&format!("role-{}", r.as_str())),
                values.get("role") == r.as_str(),
            )
        })
        .collect();
    let free_label = |free: i64| tr.t1("licence-free", "count", &free.to_string());
    let packages: Vec<Option_> = directory
        .packages()
        .map(|p| {
            let free = p.purchased - p.assigned;
            Option_ {
                value: p.licence.code.to_string(),
                label: format!("{} ({})", p.licence.name, free_label(free)),
                selected: values.get("package_licence") == p.licence.code.as_str(),
                disabled: free <= 0 && values.get("package_licence") != p.licence.code.as_str(),
            }
        })
        .collect();
    let no_free_package = packages.iter().all(|p| p.disabled && !p.selected);
    let addons = directory
        .addons()
        .map(|p| {
            let free = p.purchased - p.assigned;
            let chosen = values.has("addon_licences", p.licence.code.as_str());
            Option_ {
                value: p.licence.code.to_string(),
                label: format!("{} ({})", p.licence.name, free_label(free)),
                selected: chosen,
                // Still shown when exhausted, so the administrator sees why it cannot be picked.
                disabled: free <= 0 && !chosen,
            }
        })
        .collect();
    let devices = directory
        .devices
        .iter()
        .map(|d| {
            choice(
                d.code.clone(),
                d.name.clone(),
                values.get("device_type") == d.code,
            )
        })
        .collect();
    let mobile_devices = directory
        .devices
        .iter()
        .filter(|d| d.kind == DeviceKind::None)
        .map(|d| d.code.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let departments = directory
        .departments
        .iter()
        .map(|d| {
            choice(
                d.id.to_string(),
                d.name.clone(),
                values.get("department_id") == d.id.to_string(),
            )
        })
        .collect();
    let teams = directory
        .teams
        .iter()
        .map(|t| {
            choice(
                t.id.to_string(),
                t.name.clone(),
                values.has("team_ids", &t.id.to_string()),
            )
        })
        .collect();
    let languages = Language::ALL
        .iter()
        .map(|l| {
            choice(
                l.as_str().into(),
                tr.t(&format!("language-{}", l.as_str())),
                values.get("language") == l.as_str(),
            )
        })
        .collect();
    let free_numbers = visit
        .state
        .app
        .numbers()
        .list(
            &ws.actor,
            ws.enterprise.id,
            Availability::Free,
            None,
            None,
            PICKER_NUMBERS,
        )
        .await?
        .into_iter()
        .map(|n| n.number.to_string())
        .collect();
    let invite = values.get("password_mode") != "set";
    Ok(UserFormView {
        sites,
        roles,
        packages,
        addons,
        devices,
        departments,
        teams,
        languages,
        mobile_devices,
        free_numbers,
        no_free_package,
        extension_max: ws.enterprise.extension_policy.max_len,
        extension_min: ws.enterprise.extension_policy.min_len,
        duplicate_of,
        invite,
        values,
    })
}

/// The same choices for the edit form of an existing user.
pub async fn edit_view(
    visit: &Visit,
    ws: &Workspace,
    directory: &Directory,
    values: Fields,
) -> Result<UserFormView, AppError> {
    form_view(visit, ws, directory, values, None).await
}

#[derive(serde::Deserialize)]
pub struct NewQuery {
    duplicate: Option<String>,
}

/// The empty form, or (U-7) the form prefilled from a user being duplicated: their site, role,
/// licences, device type, department and teams — never their name, email, numbers or
/// credentials.
pub async fn new_page(visit: Visit, jar: CookieJar, Query(q): Query<NewQuery>) -> Response {
    let ws = match Workspace::of(&visit).await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    let mut values = vec![
        ("role".to_owned(), "user".to_owned()),
        ("language".to_owned(), visit.tr().code().to_owned()),
        ("password_mode".to_owned(), "invite".to_owned()),
        ("must_change_password".to_owned(), "on".to_owned()),
    ];
    if let Some(site) = ws.site {
        values.push(("site_id".into(), site.to_string()));
    }
    let mut duplicate_of = None;
    if let Some(source) = q
        .duplicate
        .as_deref()
        .and_then(|s| s.parse::<UserId>().ok())
    {
        match visit.state.app.users().duplicate(&ws.actor, source).await {
            Ok(draft) => {
                values.retain(|(k, _)| k != "role" && k != "language" && k != "site_id");
                values.push(("site_id".into(), draft.site_id.to_string()));
                values.push(("role".into(), draft.role.as_str().into()));
                values.push(("language".into(), draft.language.as_str().into()));
                values.push(("package_licence".into(), draft.package_licence));
                values.push(("device_type".into(), draft.device_type));
                values.extend(
                    draft
                        .addon_licences
                        .into_iter()
                        .map(|a| ("addon_licences".into(), a)),
                );
                if let Some(dep) = draft.department_id {
                    values.push(("department_id".into(), dep.to_string()));
                }
                values.extend(
                    draft
                        .team_ids
                        .into_iter()
                        .map(|t| ("team_ids".into(), t.to_string())),
                );
                if let Ok(source_user) = visit.state.app.users().get(&ws.actor, source).await {
                    duplicate_of = Some(format!(
                        "{} {}",
                        source_user.first_name.as_str(),
                        source_user.last_name.as_str()
                    ));
                }
            }
            Err(AppError::NotFound(_)) => {}
            Err(e) => return internal_error(&visit, &e),
        }
    }
    let page = match render(&visit, &ws, Fields(values), duplicate_of, Vec::new()).await {
        Ok(page) => page,
        Err(e) => return internal_error(&visit, &e),
    };
    (clear_flash(jar, &visit), page).into_response()
}

async fn render(
    visit: &Visit,
    ws: &Workspace,
    values: Fields,
    duplicate_of: Option<String>,
    errors: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let directory = Directory::load(visit, ws).await?;
    let view = form_view(visit, ws, &directory, values, duplicate_of).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let c = ws
        .chrome(visit, "user-new-title", "/users/new")
        .with_errors(errors);
    Ok((status, UserFormPage { c, f: view }).into_response())
}

/// The form's fields as the service's input: blank means "not given", so that the service
/// applies its defaults (U-2 extension, U-5 invitation) and names every missing field.
fn new_user(f: &Fields) -> NewUser {
    let set_now = f.get("password_mode") == "set";
    NewUser {
        site_id: f.opt("site_id"),
        first_name: f.opt("first_name"),
        last_name: f.opt("last_name"),
        email: f.opt("email"),
        login_name: f.opt("login_name"),
        role: f.opt("role"),
        package_licence: f.opt("package_licence"),
        addon_licences: Some(f.all("addon_licences")),
        primary_number: f.opt("primary_number"),
        extension: f.opt("extension"),
        device_type: f.opt("device_type"),
        mobile_number: f.opt("mobile_number"),
        contract_number: f.opt("contract_number"),
        department_id: f.opt("department_id"),
        team_ids: Some(f.all("team_ids")),
        personal_contact: f.opt("personal_contact"),
        language: f.opt("language"),
        // A password is taken as typed, spaces included.
        password: if set_now {
            Some(f.get("password").to_owned())
        } else {
            None
        },
        must_change_password: Some(f.get("must_change_password") == "on"),
        two_step_required: Some(f.get("two_step_required") == "on"),
    }
}

pub async fn create(
    visit: Visit,
    jar: CookieJar,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    if let Err(answer) = signed_in_form(&visit, &jar, fields.get("csrf"), "/users/new") {
        return *answer;
    }
    let ws = match Workspace::of(&visit).await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    let input = new_user(&fields);
    let result = visit
        .state
        .app
        .users()
        .create(&ws.actor, ws.enterprise.id, input)
        .await;
    match result {
        Ok(created) => {
            let name = format!(
                "{} {}",
                created.user.first_name.as_str(),
                created.user.last_name.as_str()
            );
            sip_login_page(
                &visit,
                &ws,
                created.user.id,
                name,
                created.sip_login,
                "sip-login-created",
            )
        }
        Err(e) if e.is_refusal() => {
            let errors = super::context::errors_of(&visit.tr(), &e);
            match render(&visit, &ws, fields.typed(), None, errors).await {
                Ok(page) => page,
                Err(e) => internal_error(&visit, &e),
            }
        }
        Err(e) => internal_error(&visit, &e),
    }
}

/// U-4: the desk-phone login, shown once in the answer to the request that made it. The page
/// is not cached anywhere; "Continue" leads to the user.
pub fn sip_login_page(
    visit: &Visit,
    ws: &Workspace,
    user: UserId,
    name: String,
    login: Option<SipLogin>,
    intro_key: &str,
) -> Response {
    let c = ws.chrome(visit, "sip-login-title", "/users");
    let intro = c.tr.t1(intro_key, "name", &name);
    let page = SipLoginPage {
        c,
        intro,
        user_id: user.to_string(),
        login,
    };
    let mut response = page.into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
