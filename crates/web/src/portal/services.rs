//! Call services in the portal (S-1): the signed-in user's own page, and the same page opened
//! by an administrator for a user (S-4: "you are acting as administrator in …'s view", a way
//! back to the site view; every change audited as the administrator).

use axum::extract::{Form, Path};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use switchboard_app::AppError;
use switchboard_app::call_services::{ServiceChanges, ServicesView};
use switchboard_domain::UserId;
use switchboard_domain::services::NetworkClass;

use super::context::{Visit, errors_of};
use super::directory::Fields;
use super::pages::{
    ServicesPage, SoftClientLinkPage, VoicemailRow, internal_error, not_found_page, status_for,
};
use super::password::require_full;
use super::{clear_flash, redirect_with_flash, signed_in_form};

/// Whose services a page shows: the signed-in user's own (`None`), or a user's an
/// administrator opened.
fn subject(visit: &Visit, raw: Option<&str>) -> Option<UserId> {
    match raw {
        Some(raw) => raw.parse().ok(),
        None => visit.own_user(),
    }
}

fn values_of(view: &ServicesView) -> Fields {
    let s = &view.services;
    let dest = |d: &Option<switchboard_domain::services::Destination>| {
        d.as_ref()
            .map(|d| d.as_str().to_owned())
            .unwrap_or_default()
    };
    let flag = |on: bool| if on { "yes" } else { "" }.to_owned();
    Fields(vec![
        ("forward_always".into(), dest(&s.forward_always)),
        ("forward_busy".into(), dest(&s.forward_busy)),
        ("forward_no_answer".into(), dest(&s.forward_no_answer)),
        (
            "forward_no_answer_rings".into(),
            s.forward_no_answer_rings.to_string(),
        ),
        ("forward_unreachable".into(), dest(&s.forward_unreachable)),
        ("simultaneous_ring".into(), flag(s.simultaneous_ring)),
        (
            "simultaneous_destinations".into(),
            s.simultaneous_destinations
                .iter()
                .map(|d| d.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        ("do_not_disturb".into(), flag(s.do_not_disturb)),
        ("reject_anonymous".into(), flag(s.reject_anonymous)),
        ("voicemail".into(), flag(s.voicemail)),
        ("voicemail_rings".into(), s.voicemail_rings.to_string()),
        (
            "voicemail_email".into(),
            s.voicemail_email.clone().unwrap_or_default(),
        ),
        (
            "caller_id".into(),
            s.caller_id.clone().unwrap_or_else(|| "own".into()),
        ),
        ("mobility".into(), flag(s.mobility)),
        (
            "mobility_number".into(),
            s.mobility_number.clone().unwrap_or_default(),
        ),
        (
            "override_site_forwarding".into(),
            flag(s.override_site_forwarding),
        ),
        ("network_class".into(), s.network_class.as_str().to_owned()),
        (
            "shared_lines".into(),
            view.shared_lines
                .iter()
                .map(|l| l.extension.clone())
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        ("version".into(), view.version.to_string()),
    ])
}

async fn show(visit: Visit, jar: CookieJar, raw: Option<String>) -> Response {
    if let Some(elsewhere) = require_full(&visit) {
        return elsewhere;
    }
    let Some(user) = subject(&visit, raw.as_deref()) else {
        return not_found_page(&visit);
    };
    let actor = visit.actor().expect("a session has an actor");
    match visit.state.app.call_services().get(&actor, user).await {
        Ok(view) => {
            let values = values_of(&view);
            let page = render(
                &visit,
                user,
                raw.is_some(),
                view.voicemail_pin_set,
                values,
                Vec::new(),
            )
            .await;
            (clear_flash(jar, &visit), page).into_response()
        }
        Err(AppError::NotFound(_)) => not_found_page(&visit),
        Err(e) => internal_error(&visit, &e),
    }
}

pub async fn own(visit: Visit, jar: CookieJar) -> Response {
    show(visit, jar, None).await
}

pub async fn of_user(visit: Visit, jar: CookieJar, Path(id): Path<String>) -> Response {
    show(visit, jar, Some(id)).await
}

async fn render(
    visit: &Visit,
    user: UserId,
    as_admin: bool,
    pin_set: bool,
    values: Fields,
    errors: Vec<(String, String)>,
) -> Response {
    let actor = visit.actor().expect("a session has an actor");
    let (name, numbers) = match visit.state.app.users().get(&actor, user).await {
        Ok(u) => (
            format!("{} {}", u.first_name.as_str(), u.last_name.as_str()),
            u.alternative_numbers
                .iter()
                .map(|n| n.to_string())
                .collect(),
        ),
        Err(_) => (String::new(), Vec::new()),
    };
    // S-6: the site's main number, if it has one, is a caller ID choice.
    let site_main = match visit.state.app.call_services().get(&actor, user).await {
        Ok(view) => view.site_main_number.map(|n| n.to_string()),
        Err(_) => None,
    };
    let path = page_of(as_admin.then(|| user.to_string()).as_deref());
    let c = visit.chrome("services-title").at(&path);
    let banner = as_admin.then(|| c.tr.t1("services-acting-as-admin", "name", &name));
    let soft_clients = match visit
        .state
        .app
        .provisioning()
        .soft_clients(&actor, user)
        .await
    {
        Ok(clients) => clients
            .into_iter()
            .map(|s| {
                (
                    c.tr.t(&format!("soft-client-{}", s.variant)),
                    s.username,
                    c.tr.when(s.since),
                )
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    let greeting = match visit
        .state
        .app
        .greetings()
        .list(
            &actor,
            switchboard_app::greetings::GreetingOwner::User(user),
        )
        .await
    {
        Ok(list) => list
            .iter()
            .find(|g| g.purpose == "voicemail")
            .map(|g| super::pages::greeting_about(&c.tr, g)),
        Err(_) => None,
    };
    let voicemails = match visit.state.app.voicemail().list(&actor, user).await {
        Ok(list) => list
            .into_iter()
            .map(|m| VoicemailRow {
                id: m.id.to_string(),
                caller: if m.caller == "anonymous" {
                    c.tr.t("voicemail-anonymous")
                } else {
                    m.caller
                },
                received: c.tr.when(m.received_at),
                duration: format!("{}:{:02}", m.duration_seconds / 60, m.duration_seconds % 60),
                new: m.heard_at.is_none(),
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    let status = status_for(&errors);
    let class = values.get("network_class").to_owned();
    let shared_lines = values
        .get("shared_lines")
        .lines()
        .collect::<Vec<_>>()
        .join(", ");
    (
        status,
        ServicesPage {
            site_main,
            picture: (!as_admin).then(|| super::pages::PictureForm {
                src: visit.picture.clone(),
                action: "/picture".to_owned(),
                name: name.clone(),
            }),
            greeting,
            greeting_src: format!("{path}/greeting"),
            voicemails,
            as_admin,
            network_classes: NetworkClass::ALL
                .iter()
                .map(|n| (n.as_str(), c.tr.t(&format!("network-class-{}", n.as_str()))))
                .collect(),
            network_class_label: c.tr.t(&format!("network-class-{class}")),
            shared_lines,
            c: c.with_errors(errors),
            action: path,
            user_id: user.to_string(),
            banner,
            pin_set,
            numbers,
            soft_clients,
            typed: values,
        },
    )
        .into_response()
}

/// The page a form on it leads back to: the user's own, or an administrator's view of a user.
fn page_of(user: Option<&str>) -> String {
    match user {
        Some(id) => format!("/users/{id}/services"),
        None => "/services".to_owned(),
    }
}

async fn save(visit: Visit, jar: CookieJar, raw: Option<String>, fields: Fields) -> Response {
    let back = page_of(raw.as_deref());
    if let Err(answer) = signed_in_form(&visit, &jar, fields.get("csrf"), &back) {
        return *answer;
    }
    let Some(user) = subject(&visit, raw.as_deref()) else {
        return not_found_page(&visit);
    };
    let actor = visit.actor().expect("a session has an actor");
    let flag = |name: &str| Some(fields.get(name) == "yes");
    // A number field that is not a number: the service's range check names it.
    let number = |name: &str| fields.opt(name).map(|n| n.parse::<i64>().unwrap_or(-1));
    let changes = ServiceChanges {
        forward_always: Some(fields.get("forward_always").to_owned()),
        forward_busy: Some(fields.get("forward_busy").to_owned()),
        forward_no_answer: Some(fields.get("forward_no_answer").to_owned()),
        forward_no_answer_rings: number("forward_no_answer_rings"),
        forward_unreachable: Some(fields.get("forward_unreachable").to_owned()),
        simultaneous_ring: flag("simultaneous_ring"),
        simultaneous_destinations: Some(
            fields
                .get("simultaneous_destinations")
                .lines()
                .map(str::to_owned)
                .collect(),
        ),
        do_not_disturb: flag("do_not_disturb"),
        reject_anonymous: flag("reject_anonymous"),
        voicemail: flag("voicemail"),
        voicemail_rings: number("voicemail_rings"),
        voicemail_email: Some(fields.get("voicemail_email").to_owned()),
        voicemail_pin: fields.opt("voicemail_pin"),
        caller_id: Some(fields.get("caller_id").to_owned()),
        ..Default::default()
    };
    let mut changes = changes;
    // S-2: the services only administrators set are on the administrator's view of a user.
    if raw.is_some() {
        let enterprise = match visit.state.app.users().get(&actor, user).await {
            Ok(u) => u.enterprise_id,
            Err(AppError::NotFound(_)) => return not_found_page(&visit),
            Err(e) => return internal_error(&visit, &e),
        };
        let shared =
            match shared_line_ids(&visit, &actor, enterprise, fields.get("shared_lines")).await {
                Ok(ids) => ids,
                Err(unknown) => {
                    let tr = visit.tr();
                    let errors = vec![(
                        "shared_lines".to_owned(),
                        tr.t1("group-no-such-user-extension", "value", &unknown),
                    )];
                    let pin_set = match visit.state.app.call_services().get(&actor, user).await {
                        Ok(view) => view.voicemail_pin_set,
                        Err(e) => return internal_error(&visit, &e),
                    };
                    return render(&visit, user, true, pin_set, fields.typed(), errors).await;
                }
            };
        changes.mobility = flag("mobility");
        changes.mobility_number = Some(fields.get("mobility_number").to_owned());
        changes.override_site_forwarding = flag("override_site_forwarding");
        changes.network_class = fields.opt("network_class");
        changes.shared_lines = Some(shared);
    }
    let version = fields.get("version").parse().ok();
    match visit
        .state
        .app
        .call_services()
        .update(&actor, user, version, changes)
        .await
    {
        Ok(_) => redirect_with_flash(jar, &back, "services-saved"),
        Err(AppError::PreconditionFailed) => {
            redirect_with_flash(jar, &back, "group-changed-meanwhile")
        }
        Err(AppError::NotFound(_)) => not_found_page(&visit),
        Err(e @ AppError::Internal(_)) => internal_error(&visit, &e),
        Err(e) => {
            let errors = errors_of(&visit.tr(), &e)
                .into_iter()
                .map(|(f, m)| {
                    let field = if f.starts_with("simultaneous_destinations") {
                        "simultaneous_destinations".to_owned()
                    } else if f.starts_with("shared_lines") {
                        "shared_lines".to_owned()
                    } else {
                        f
                    };
                    (field, m)
                })
                .collect();
            let pin_set = match visit.state.app.call_services().get(&actor, user).await {
                Ok(view) => view.voicemail_pin_set,
                Err(e) => return internal_error(&visit, &e),
            };
            render(&visit, user, raw.is_some(), pin_set, fields.typed(), errors).await
        }
    }
}

pub async fn save_own(
    visit: Visit,
    jar: CookieJar,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    save(visit, jar, None, Fields(pairs)).await
}

pub async fn save_of_user(
    visit: Visit,
    jar: CookieJar,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    save(visit, jar, Some(id), Fields(pairs)).await
}

/// S-2: the users whose lines go on the phone, from the extensions typed one per line; the
/// first extension nobody has, if any.
async fn shared_line_ids(
    visit: &Visit,
    actor: &switchboard_app::Actor,
    enterprise: switchboard_domain::EnterpriseId,
    typed: &str,
) -> Result<Vec<String>, String> {
    let mut ids = Vec::new();
    for extension in typed.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let found = visit
            .state
            .app
            .users()
            .by_extension(actor, enterprise, extension)
            .await
            .ok()
            .flatten();
        match found {
            Some(id) => ids.push(id.to_string()),
            None => return Err(extension.to_owned()),
        }
    }
    Ok(ids)
}

/// S-5: a one-time provisioning link for the user's mobile or desktop client, shown once as a
/// QR code and a link (never cached).
async fn soft_client(
    visit: Visit,
    jar: CookieJar,
    raw: Option<String>,
    fields: Fields,
) -> Response {
    let back = page_of(raw.as_deref());
    if let Err(answer) = signed_in_form(&visit, &jar, fields.get("csrf"), &back) {
        return *answer;
    }
    let Some(user) = subject(&visit, raw.as_deref()) else {
        return not_found_page(&visit);
    };
    let actor = visit.actor().expect("a session has an actor");
    let variant = fields.get("variant").to_owned();
    match visit
        .state
        .app
        .provisioning()
        .issue(&actor, user, &variant)
        .await
    {
        Ok(issued) => {
            let c = visit.chrome("soft-client-title").at(&back);
            let expires = c.tr.when(issued.expires_at);
            let intro = c.tr.t(&format!("soft-client-intro-{}", issued.variant));
            let qr_svg = crate::api::soft_clients::qr_svg(&issued.link);
            // The SVG goes into the page as markup: without the XML declaration of a document.
            let qr_svg = match qr_svg.find("<svg") {
                Some(at) => qr_svg[at..].to_owned(),
                None => qr_svg,
            };
            let page = SoftClientLinkPage {
                c,
                intro,
                qr_svg,
                link: issued.link,
                expires,
                back,
            };
            ([(axum::http::header::CACHE_CONTROL, "no-store")], page).into_response()
        }
        Err(AppError::NotFound(_)) => not_found_page(&visit),
        Err(e @ AppError::Internal(_)) => internal_error(&visit, &e),
        Err(e) => {
            // Not possible in the user's state, said in words on the services page.
            let errors = errors_of(&visit.tr(), &e)
                .into_iter()
                .map(|(_, m)| ("soft-clients".to_owned(), m))
                .collect();
            let view = match visit.state.app.call_services().get(&actor, user).await {
                Ok(view) => view,
                Err(e) => return internal_error(&visit, &e),
            };
            let values = values_of(&view);
            render(
                &visit,
                user,
                raw.is_some(),
                view.voicemail_pin_set,
                values,
                errors,
            )
            .await
        }
    }
}

pub async fn soft_client_own(
    visit: Visit,
    jar: CookieJar,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    soft_client(visit, jar, None, Fields(pairs)).await
}

pub async fn soft_client_of_user(
    visit: Visit,
    jar: CookieJar,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    soft_client(visit, jar, Some(id), Fields(pairs)).await
}

/// S-1: marks a voicemail message heard, or deletes it (confirmed by its checkbox).
async fn voicemail_action(
    visit: Visit,
    jar: CookieJar,
    raw: Option<String>,
    message: String,
    action: &str,
    fields: Fields,
) -> Response {
    let back = page_of(raw.as_deref());
    if let Err(answer) = signed_in_form(&visit, &jar, fields.get("csrf"), &back) {
        return *answer;
    }
    let (Some(user), Ok(message)) = (subject(&visit, raw.as_deref()), message.parse()) else {
        return not_found_page(&visit);
    };
    let actor = visit.actor().expect("a session has an actor");
    let voicemail = visit.state.app.voicemail();
    let (done, flash) = if action == "delete" {
        if fields.get("confirmed") != "yes" {
            return redirect_with_flash(jar, &back, "voicemail-confirm-delete");
        }
        (
            voicemail.delete(&actor, user, message).await,
            "voicemail-deleted",
        )
    } else {
        (
            voicemail.mark_heard(&actor, user, message).await,
            "voicemail-heard",
        )
    };
    match done {
        Ok(()) => redirect_with_flash(jar, &back, flash),
        Err(AppError::NotFound(_)) => not_found_page(&visit),
        Err(e) => internal_error(&visit, &e),
    }
}

pub async fn voicemail_own(
    visit: Visit,
    jar: CookieJar,
    Path((message, action)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    voicemail_action(visit, jar, None, message, &action, Fields(pairs)).await
}

pub async fn voicemail_of_user(
    visit: Visit,
    jar: CookieJar,
    Path((id, message, action)): Path<(String, String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    voicemail_action(visit, jar, Some(id), message, &action, Fields(pairs)).await
}
