//! The administration portal (I-2): server-rendered pages over the same services as the API.
//! Plain HTML forms with POST/redirect/GET, flash messages, an error summary linking to each
//! field, in English, German and French. No JavaScript is needed to use any page.

mod account;
mod audit;
mod auth;
mod broadcasts;
mod bulk;
mod context;
mod directory;
mod events;
mod greetings;
mod groups;
mod home;
pub mod i18n;
mod inbox;
mod organisation;
mod pages;
mod password;
mod picker;
mod pictures;
mod pools;
mod services;
mod sites;
mod tokens;
mod units;
mod uploads;
mod user_form;
mod user_page;
mod users_list;
mod workspace;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Query, Request};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;

/// A greeting upload form: the file (at most 5 MB, S-1) and the form around it.
const GREETING_FORM_LIMIT: usize = switchboard_domain::audio::MAX_GREETING_BYTES + 64 * 1024;
/// A picture upload form: the file (at most 5 MB, U-9) and the form around it.
const PICTURE_FORM_LIMIT: usize = switchboard_domain::picture::MAX_PICTURE_BYTES + 64 * 1024;
use switchboard_domain::Language;

use crate::AppState;
pub use context::{CSRF_COOKIE, SESSION_COOKIE};
use context::{FLASH_COOKIE, LANGUAGE_COOKIE, Visit, cookie};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/home/threshold", post(home::save_threshold))
        .route("/sign-in", get(auth::sign_in_page).post(auth::sign_in))
        .route("/sign-in/code", get(auth::code_page).post(auth::code))
        .route("/sign-out", post(auth::sign_out))
        .route("/sign-out/everywhere", post(auth::sign_out_everywhere))
        .route(
            "/password/change",
            get(password::change_page).post(password::change),
        )
        .route(
            "/password/forgot",
            get(password::forgot_page).post(password::forgot),
        )
        .route(
            "/reset/{token}",
            get(password::reset_page).post(password::reset),
        )
        .route(
            "/invitation/{token}",
            get(password::invitation_page).post(password::invitation),
        )
        .route(
            "/broadcasts",
            get(broadcasts::list).post(broadcasts::create),
        )
        .route("/services", get(services::own).post(services::save_own))
        .route("/services/soft-client", post(services::soft_client_own))
        .route(
            "/services/greeting",
            get(greetings::play_own)
                .post(greetings::upload_own)
                .layer(DefaultBodyLimit::max(GREETING_FORM_LIMIT)),
        )
        .route("/services/greeting/delete", post(greetings::remove_own))
        .route(
            "/services/voicemail/{message}/{action}",
            post(services::voicemail_own),
        )
        .route(
            "/users/{id}/services/voicemail/{message}/{action}",
            post(services::voicemail_of_user),
        )
        .route(
            "/users/{id}/services/greeting",
            get(greetings::play_of_user)
                .post(greetings::upload_of_user)
                .layer(DefaultBodyLimit::max(GREETING_FORM_LIMIT)),
        )
        .route(
            "/users/{id}/services/greeting/delete",
            post(greetings::remove_of_user),
        )
        .route(
            "/groups/{id}/greetings/{purpose}",
            get(greetings::play_of_group)
                .post(greetings::upload_of_group)
                .layer(DefaultBodyLimit::max(GREETING_FORM_LIMIT)),
        )
        .route(
            "/groups/{id}/greetings/{purpose}/delete",
            post(greetings::remove_of_group),
        )
        .route(
            "/picture",
            post(pictures::upload_own).layer(DefaultBodyLimit::max(PICTURE_FORM_LIMIT)),
        )
        .route("/picture/delete", post(pictures::remove_own))
        .route(
            "/users/{id}/picture",
            get(pictures::show_of_user)
                .post(pictures::upload_of_user)
                .layer(DefaultBodyLimit::max(PICTURE_FORM_LIMIT)),
        )
        .route("/users/{id}/picture/delete", post(pictures::remove_of_user))
        .route(
            "/users/{id}/services/soft-client",
            post(services::soft_client_of_user),
        )
        .route(
            "/users/{id}/services",
            get(services::of_user).post(services::save_of_user),
        )
        .route("/organisation", get(organisation::show))
        .route(
            "/organisation/department",
            post(organisation::add_department),
        )
        .route("/organisation/team", post(organisation::add_team))
        .route(
            "/organisation/{kind}/{id}",
            get(units::show).post(units::change),
        )
        .route(
            "/organisation/sites/{id}",
            get(sites::show).post(sites::save),
        )
        .route("/organisation/teams/{id}/leads", post(organisation::leads))
        .route("/my-teams", get(organisation::my_teams))
        .route("/inbox", get(inbox::list))
        .route("/inbox/read", post(inbox::mark_read))
        .route("/security", get(account::security))
        .route("/security/totp", post(account::totp_start))
        .route("/security/totp/confirm", post(account::totp_confirm))
        .route("/security/totp/disable", post(account::totp_disable))
        .route("/security/tokens", get(tokens::list).post(tokens::create))
        .route("/security/tokens/{id}/revoke", post(tokens::revoke))
        .route("/enterprises", get(workspace::enterprises))
        .route("/workspace", get(workspace::switch))
        .route("/users", get(users_list::list))
        .route("/users/columns", post(users_list::save_columns))
        .route("/users/bulk", post(bulk::selection))
        .route(
            "/users/import",
            get(bulk::import_page)
                .post(bulk::upload)
                // The service bounds an upload itself (B-1), piece by piece.
                .layer(axum::extract::DefaultBodyLimit::disable()),
        )
        .route("/users/import/{file}", get(bulk::download))
        .route("/users/imports/{id}", get(bulk::import_status))
        .route("/users/imports/{id}/confirm", post(bulk::confirm_import))
        .route(
            "/device-passwords",
            get(bulk::device_passwords_page).post(bulk::issue_device_passwords),
        )
        .route(
            "/device-passwords/{token}",
            get(bulk::download_device_passwords),
        )
        .route(
            "/users/new",
            get(user_form::new_page).post(user_form::create),
        )
        .route("/users/{id}", get(user_page::show))
        .route(
            "/users/{id}/edit",
            get(user_page::edit_page).post(user_page::edit),
        )
        .route(
            "/users/{id}/deactivate",
            get(user_page::deactivate_page).post(user_page::deactivate),
        )
        .route("/users/{id}/reactivate", post(user_page::reactivate))
        .route("/users/{id}/retry", post(user_page::retry))
        .route("/users/{id}/invitation", post(user_page::invite))
        .route("/users/{id}/two-step", post(user_page::two_step))
        .route("/users/{id}/numbers", post(user_page::add_number))
        .route("/users/{id}/numbers/remove", post(user_page::remove_number))
        .route("/users/{id}/sip-login", post(user_page::sip_login))
        .route("/users/{id}/delete", post(user_page::delete))
        .route("/users/{id}/confirm/{what}", get(user_page::confirm))
        .route("/groups", get(groups::list).post(groups::create))
        .route("/groups/{id}", get(groups::show).post(groups::update))
        .route("/groups/{id}/members", post(groups::members))
        .route("/groups/{id}/supervisors", post(groups::supervisors))
        .route("/groups/{id}/services", post(groups::services))
        .route("/groups/{id}/campaigns", post(groups::create_campaign))
        .route("/campaigns/{id}/agents", post(groups::campaign_agents))
        .route("/campaigns/{id}/delete", post(groups::delete_campaign))
        .route("/groups/{id}/delete", post(groups::delete))
        .route("/licences", get(pools::licences))
        .route("/licences/purchases", post(pools::purchase))
        .route("/numbers", get(pools::numbers))
        .route("/numbers/free", get(pools::free_numbers))
        .route("/numbers/main", post(pools::set_main_number))
        .route("/audit", get(audit::list))
        .route("/language/{code}", get(language))
        .route("/static/portal.css", get(stylesheet))
        .route("/static/portal.js", get(script))
        .layer(axum::middleware::from_fn(same_origin_posts))
}

/// K-4: a state-changing request from another site is refused before any handler runs (the
/// per-form token is checked too; this stops a forged form even before it is parsed).
async fn same_origin_posts(req: Request, next: Next) -> Response {
    if req.method() == Method::POST {
        let headers = req.headers();
        let cross_site = headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v == "cross-site");
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
        let foreign_origin = headers
            .get(header::ORIGIN)
            .and_then(|v| v.to_str().ok())
            .filter(|origin| *origin != "null")
            .is_some_and(|origin| {
                let origin_host = origin.split("://").nth(1).unwrap_or(origin);
                Some(origin_host) != host
            });
        if cross_site || foreign_origin {
            return (StatusCode::FORBIDDEN, "cross-site form refused").into_response();
        }
    }
    next.run(req).await
}

#[derive(serde::Deserialize)]
struct Back {
    back: Option<String>,
}

/// The language links: remember the choice, go back where the visitor was (same site only).
async fn language(Path(code): Path<String>, Query(q): Query<Back>, jar: CookieJar) -> Response {
    let back = safe_back(q.back).unwrap_or_else(|| "/".into());
    match Language::parse(&code) {
        Some(lang) => (
            jar.add(cookie(LANGUAGE_COOKIE, lang.as_str().into())),
            Redirect::to(&back),
        )
            .into_response(),
        None => Redirect::to(&back).into_response(),
    }
}

/// A path to go back to after a switch, on this site only: not `//host`, and no `\\` or control
/// characters that browsers would turn into one.
fn safe_back(back: Option<String>) -> Option<String> {
    back.filter(|b| {
        b.starts_with('/')
            && !b.starts_with("//")
            && !b.contains('\\')
            && !b.chars().any(char::is_control)
    })
}

/// The portal's own small script: search as you type, counters, copy and print buttons. Every
/// page works without it.
async fn script() -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/javascript; charset=utf-8"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        include_str!("../../static/portal.js"),
    )
        .into_response()
}

async fn stylesheet() -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/css; charset=utf-8"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        include_str!("../../static/portal.css"),
    )
        .into_response()
}

/// An address nobody serves: a page for browsers, problem details for everything else.
pub async fn not_found(visit: Visit, headers: axum::http::HeaderMap) -> Response {
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    if wants_html {
        pages::message(
            &visit,
            StatusCode::NOT_FOUND,
            "not-found-title",
            "not-found-text",
        )
    } else {
        crate::not_found()
    }
}

/// The start of every state-changing form of a signed-in page: the full session and its actor,
/// once the form's CSRF token is checked — or the answer to give instead (sign in first, or back
/// to `back` with "this form has expired").
fn signed_in_form<'v>(
    visit: &'v Visit,
    jar: &CookieJar,
    csrf: &str,
    back: &str,
) -> Result<
    (
        &'v switchboard_app::accounts::PortalSession,
        switchboard_app::Actor,
    ),
    Box<Response>,
> {
    if let Some(elsewhere) = password::require_full(visit) {
        return Err(Box::new(elsewhere));
    }
    if !visit.csrf_ok(csrf) {
        return Err(Box::new(redirect_with_flash(
            jar.clone(),
            back,
            "csrf-failed",
        )));
    }
    let session = visit.full_session().expect("checked above");
    let actor = visit.actor().expect("a session has an actor");
    Ok((session, actor))
}

/// The start of an administration form: its CSRF token checked, then the workspace (the
/// enterprise and site being administered) — or the answer to give instead.
async fn admin_form(
    visit: &Visit,
    jar: &CookieJar,
    csrf: &str,
    back: &str,
) -> Result<workspace::Workspace, Response> {
    signed_in_form(visit, jar, csrf, back).map_err(|answer| *answer)?;
    workspace::Workspace::of(visit).await
}

/// K-4: a sensitive change after a sign-in too long ago: sign in again, then retry.
fn sign_in_again(jar: CookieJar) -> Response {
    redirect_with_flash(
        jar.add(context::removal(SESSION_COOKIE)),
        "/sign-in",
        "sign-in-again",
    )
}

/// 303 to `path`, leaving a translated message for the next page.
fn redirect_with_flash(jar: CookieJar, path: &str, flash_key: &'static str) -> Response {
    (
        jar.add(cookie(FLASH_COOKIE, flash_key.into())),
        Redirect::to(path),
    )
        .into_response()
}

/// The page after a redirect shows the flash once.
fn clear_flash(jar: CookieJar, visit: &Visit) -> CookieJar {
    if visit.jar.get(FLASH_COOKIE).is_some() {
        jar.add(context::removal(FLASH_COOKIE))
    } else {
        jar
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use switchboard_domain::{
        CampaignDirection, GroupKind, InterceptAction, Language, PortalRole, RingPolicy, UserState,
    };
    use switchboard_store::imports::ImportStatus;

    use super::context::FLASH_KEYS;
    use super::i18n::Tr;
    use super::users_list::Column;

    /// Every quoted message key after one of `openers` in `text`.
    fn keys_after(text: &str, openers: &[&str]) -> Vec<String> {
        let mut keys = Vec::new();
        for opener in openers {
            for (at, _) in text.match_indices(opener) {
                let rest = &text[at + opener.len()..];
                let key: String = rest
                    .chars()
                    .take_while(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_'
                    })
                    .collect();
                if rest[key.len()..].starts_with('"') && key.contains('-') {
                    keys.push(key);
                }
            }
        }
        keys
    }

    fn files(dir: &str, extension: &str) -> Vec<(String, String)> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == extension))
            .map(|p| {
                (
                    p.display().to_string(),
                    std::fs::read_to_string(&p).unwrap(),
                )
            })
            .collect()
    }

    /// I-2: every message a template or a portal handler names, and every message picked by a
    /// value (states, roles, languages, columns…), exists — in English, and so (by the key
    /// comparison of `i18n`) in German and French. A missing one would show its key.
    #[test]
    fn i2_every_template_and_handler_message_has_a_translation() {
        let mut wanted: Vec<(String, String)> = Vec::new();
        for (file, text) in files("templates", "html") {
            // `t("key")`, `t1("key"`, and the label and hint keys of the form macros.
            for key in keys_after(&text, &[".t(\"", ".t1(\"", ".count(\"", "\", \""]) {
                wanted.push((file.clone(), key));
            }
        }
        for (file, text) in files("src/portal", "rs") {
            for key in keys_after(
                &text,
                &[
                    ".t(\"",
                    ".t1(\"",
                    ".count(\"",
                    "chrome(\"",
                    "&visit, \"",
                    "visit, \"",
                    "\"forbidden-title\", \"",
                    "\"not-found-title\", \"",
                ],
            ) {
                wanted.push((file.clone(), key));
            }
        }
        let by_value = UserState::ALL
            .iter()
            .flat_map(|s| {
                [
                    format!("state-{}", s.as_str()),
                    format!("state-{}-meaning", s.as_str()),
                ]
            })
            .chain(
                PortalRole::ALL
                    .iter()
                    .map(|r| format!("role-{}", r.as_str())),
            )
            .chain(
                Language::ALL
                    .iter()
                    .map(|l| format!("language-{}", l.as_str())),
            )
            .chain(Column::ALL.iter().map(|c| format!("users-col-{}", c.key())))
            .chain(GroupKind::ALL.iter().flat_map(|k| {
                [
                    format!("group-kind-{}", k.as_str()),
                    format!("group-kind-{}-meaning", k.as_str()),
                ]
            }))
            .chain(
                RingPolicy::ALL
                    .iter()
                    .map(|p| format!("ring-policy-{}", p.as_str())),
            )
            .chain((1..=7).map(|d| format!("weekday-{d}")))
            .chain(
                switchboard_domain::services::NetworkClass::ALL
                    .iter()
                    .map(|n| format!("network-class-{}", n.as_str())),
            )
            .chain(
                [
                    "inbox-shared-line-removed",
                    "inbox-shared-line-removed-subject",
                    "inbox-group-member-deleted",
                    "inbox-group-member-deleted-subject",
                ]
                .map(String::from),
            )
            .chain(
                switchboard_app::provisioning::VARIANTS
                    .iter()
                    .flat_map(|v| [format!("soft-client-{v}"), format!("soft-client-intro-{v}")]),
            )
            .chain(
                [
                    "aa-business-menu",
                    "aa-after-hours-menu",
                    "greeting-voicemail",
                    "greeting-business",
                    "greeting-after-hours",
                ]
                .map(String::from),
            )
            .chain(
                CampaignDirection::ALL
                    .iter()
                    .map(|d| format!("campaign-direction-{}", d.as_str())),
            )
            .chain(
                [
                    InterceptAction::AnnounceNewNumber,
                    InterceptAction::TransferOnZero,
                ]
                .iter()
                .map(|a| format!("intercept-{}", a.as_str())),
            )
            .chain(
                [
                    "licence-kind-package",
                    "licence-kind-addon",
                    "number-usage-primary",
                    "number-usage-alternative",
                    "role-operator",
                ]
                .map(String::from),
            )
            .chain(FLASH_KEYS.iter().map(|k| (*k).to_owned()))
            .chain(
                super::bulk::IMPORT_CODES
                    .iter()
                    .map(|code| format!("import-{code}")),
            )
            .chain(
                ImportStatus::ALL
                    .iter()
                    .map(|s| format!("import-status-{}", s.as_str())),
            )
            .chain(
                ["reset_passwords", "new_device_passwords", "delete"]
                    .iter()
                    .flat_map(|a| {
                        [
                            format!("bulk-{a}"),
                            format!("bulk-{a}-title"),
                            format!("bulk-{a}-consequence"),
                        ]
                    }),
            );
        wanted.extend(by_value.map(|k| ("(by value)".to_owned(), k)));
        assert!(
            wanted.len() > 300,
            "the scan finds the keys ({})",
            wanted.len()
        );
        let english = include_str!("../../locales/en/portal.ftl");
        let missing: Vec<String> = wanted
            .iter()
            .filter(|(_, key)| !english.lines().any(|l| l.starts_with(&format!("{key} = "))))
            .map(|(file, key)| format!("{key} ({file})"))
            .collect();
        assert!(
            missing.is_empty(),
            "messages without a translation: {missing:#?}"
        );
        // And each resolves in every language to text, not to its key.
        for lang in Language::ALL {
            let tr = Tr::new(*lang);
            for (_, key) in &wanted {
                assert_ne!(tr.t(key), *key, "{key} in {}", lang.as_str());
            }
        }
    }
}
