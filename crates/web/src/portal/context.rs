//! What every portal page needs from the request: the client (address, request id, browser,
//! language), the cookies, the signed-in session if any, and the page chrome (translator,
//! navigation, flash message, error summary).

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use switchboard_app::accounts::PortalSession;
use switchboard_app::{Actor, AppError};
use switchboard_domain::{FieldError, Language};

use super::i18n::{Tr, negotiate};
use crate::AppState;

/// K-4: the `__Host-` prefix binds a cookie to this host, path `/`, over TLS (browsers treat
/// `localhost` as secure, so the demo works over plain HTTP there).
pub const SESSION_COOKIE: &str = "__Host-sb_session";
/// Double-submit token of the forms shown before sign-in (sign-in, forgot password, links).
pub const CSRF_COOKIE: &str = "__Host-sb_csrf";
pub const FLASH_COOKIE: &str = "__Host-sb_flash";
pub const LANGUAGE_COOKIE: &str = "__Host-sb_lang";

pub fn cookie(name: &'static str, value: String) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .secure(true)
        .http_only(true)
        .same_site(SameSite::Lax)
        .build()
}

pub fn removal(name: &'static str) -> Cookie<'static> {
    let mut c = cookie(name, String::new());
    c.make_removal();
    c
}

/// The request as the portal sees it.
pub struct Visit {
    pub state: AppState,
    pub jar: CookieJar,
    pub client_ip: Option<String>,
    pub request_id: Option<String>,
    pub user_agent: Option<String>,
    /// The language cookie, else the browser's.
    pub preferred: Option<Language>,
    /// The live session behind the cookie, at whatever stage.
    pub session: Option<PortalSession>,
    /// Unread messages of a signed-in user's inbox (shown in the header).
    pub unread: Option<i64>,
    /// The address of the signed-in user's picture (shown in the header, U-9).
    pub picture: Option<String>,
    /// I-6: the time zone the signed-in person reads times in.
    pub zone: switchboard_domain::TimeZone,
}

impl FromRequestParts<AppState> for Visit {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let jar = CookieJar::from_headers(&parts.headers);
        let headers = &parts.headers;
        let client_ip = parts
            .extensions
            .get::<ConnectInfo<std::net::SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip().to_string());
        let preferred = jar
            .get(LANGUAGE_COOKIE)
            .and_then(|c| Language::parse(c.value()))
            .or_else(|| header_str(headers, header::ACCEPT_LANGUAGE).and_then(|h| negotiate(&h)));
        let session = match jar.get(SESSION_COOKIE) {
            Some(c) => state
                .app
                .accounts()
                .session(c.value())
                .await
                .unwrap_or_else(|e| {
                    tracing::error!(error = %e, "session lookup failed");
                    None
                }),
            None => None,
        };
        let member = session
            .as_ref()
            .filter(|s| s.is_full() && s.identity.enterprise_id.is_some());
        let (unread, picture) = match member {
            Some(s) => (
                state.app.inbox().unread(s).await.ok(),
                state
                    .app
                    .pictures()
                    .own_set_at(s)
                    .await
                    .ok()
                    .flatten()
                    .map(|at| super::pictures::address(&s.identity.subject_id, at)),
            ),
            None => (None, None),
        };
        let zone = match session.as_ref().filter(|s| s.is_full()) {
            Some(s) => {
                let user = s
                    .identity
                    .enterprise_id
                    .and(s.identity.subject_id.parse().ok());
                // An operator reads times in the zone of the enterprise they work in.
                let enterprise = s.identity.enterprise_id.or_else(|| {
                    jar.get(super::workspace::ENTERPRISE_COOKIE)
                        .and_then(|c| c.value().parse().ok())
                });
                state
                    .app
                    .tenancy()
                    .reader_time_zone(user, enterprise)
                    .await
                    .unwrap_or_else(|_| switchboard_domain::TimeZone::utc())
            }
            None => switchboard_domain::TimeZone::utc(),
        };
        Ok(Self {
            unread,
            picture,
            zone,
            state: state.clone(),
            request_id: header_str(headers, "x-request-id".parse().expect("header name")),
            user_agent: header_str(headers, header::USER_AGENT),
            client_ip,
            preferred,
            jar,
            session,
        })
    }
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

impl Visit {
    /// The page language: an explicit choice (cookie), else the person's own, else the browser's.
    pub fn tr(&self) -> Tr {
        self.tr_with(None)
    }

    /// As [`Self::tr`], with a person's language ahead of the browser's: the holder of an
    /// invitation link reads its page in the language of its email.
    pub fn tr_with(&self, person: Option<Language>) -> Tr {
        let lang = self
            .jar
            .get(LANGUAGE_COOKIE)
            .and_then(|c| Language::parse(c.value()))
            .or(self.session.as_ref().map(|s| s.identity.language))
            .or(person)
            .or(self.preferred)
            .unwrap_or(Language::English);
        Tr::new(lang).in_zone(self.zone)
    }

    /// The signed-in session, only when it has passed every step.
    pub fn full_session(&self) -> Option<&PortalSession> {
        self.session.as_ref().filter(|s| s.is_full())
    }

    /// The signed-in person's own user, when they are one of an enterprise (not an operator).
    pub fn own_user(&self) -> Option<switchboard_domain::UserId> {
        self.full_session()
            .filter(|s| s.identity.enterprise_id.is_some())
            .and_then(|s| s.identity.subject_id.parse().ok())
    }

    pub fn actor(&self) -> Option<Actor> {
        self.session
            .as_ref()
            .map(|s| s.actor(self.client_ip.clone(), self.request_id.clone()))
    }

    /// The CSRF token a form on this page carries: the session's, else the anonymous cookie's.
    pub fn csrf_token(&self) -> String {
        match &self.session {
            Some(s) => s.csrf_token.clone(),
            None => self
                .jar
                .get(CSRF_COOKIE)
                .map(|c| c.value().to_owned())
                .unwrap_or_default(),
        }
    }

    /// K-4: a state-changing form must carry the token of this session (or, before sign-in,
    /// of the anonymous cookie). Compared in constant time.
    pub fn csrf_ok(&self, submitted: &str) -> bool {
        let expected = match &self.session {
            Some(s) => s.csrf_token.clone(),
            None => match self.jar.get(CSRF_COOKIE) {
                Some(c) => c.value().to_owned(),
                None => return false,
            },
        };
        !expected.is_empty() && switchboard_app::secrets::digests_equal(&expected, submitted)
    }

    /// The flash message left by the previous request, translated.
    pub fn flash(&self) -> Option<String> {
        self.jar
            .get(FLASH_COOKIE)
            .map(|c| c.value().to_owned())
            .filter(|key| FLASH_KEYS.contains(&key.as_str()))
            .map(|key| self.tr().t(&key))
    }

    /// Page chrome for this visit.
    pub fn chrome(&self, title_key: &str) -> Chrome {
        self.chrome_in(self.tr(), title_key)
    }

    pub fn chrome_in(&self, tr: Tr, title_key: &str) -> Chrome {
        Chrome {
            title: tr.t(title_key),
            csrf: self.csrf_token(),
            who: self.full_session().map(|s| Who {
                picture: self.picture.clone(),
                name: s.identity.display_name.clone(),
                role: tr.t(&format!("role-{}", s.identity.role.as_str())),
            }),
            flash: self.flash(),
            unread: self.unread,
            team_lead: self.full_session().is_some_and(|s| {
                s.identity.role == switchboard_app::accounts::AccountRole::TeamLead
            }),
            errors: Vec::new(),
            path: String::new(),
            // The administration menu is on every page an administrator sees (start page, own
            // services, inbox, security, errors), not only on the administration pages.
            admin_nav: self
                .full_session()
                .is_some_and(|s| s.identity.role.administers()),
            audit_nav: self
                .full_session()
                .is_some_and(|s| s.identity.role.reads_audit()),
            switcher: None,
            tr,
        }
    }
}

/// Only these message keys may travel in the flash cookie.
pub const FLASH_KEYS: &[&str] = &[
    "signed-out",
    "signed-out-everywhere",
    "password-changed",
    "password-set",
    "forgot-sent",
    "totp-enabled",
    "totp-disabled",
    "session-expired",
    "challenge-voided",
    "link-expired",
    "sign-in-again",
    "csrf-failed",
    "token-revoked-flash",
    "columns-saved",
    "user-updated",
    "user-deactivated",
    "user-reactivated",
    "user-deleted",
    "user-activation-retried",
    "user-invited",
    "purchase-recorded",
    "import-upload-broken",
    "import-not-confirmable",
    "bulk-choose-action",
    "bulk-none-selected",
    "bulk-too-many",
    "group-created",
    "group-saved",
    "group-deleted",
    "group-member-added",
    "group-member-removed",
    "group-members-saved",
    "group-changed-meanwhile",
    "group-confirm-delete",
    "group-supervisor-added",
    "group-supervisor-removed",
    "campaign-created",
    "campaign-agents-saved",
    "campaign-confirm-delete",
    "campaign-deleted",
    "greeting-saved",
    "voicemail-heard",
    "voicemail-deleted",
    "voicemail-confirm-delete",
    "greeting-removed",
    "greeting-too-large",
    "greeting-not-audio",
    "picture-saved",
    "picture-removed",
    "picture-too-large",
    "picture-not-image",
    "main-number-saved",
    "main-number-removed",
    "inbox-read",
    "broadcast-scheduled",
    "broadcast-sent",
    "services-saved",
    "department-created",
    "team-created",
    "team-leads-saved",
    "home-threshold-saved",
    "site-saved",
    "user-two-step-required",
    "user-two-step-released",
    "unit-renamed",
    "unit-deleted",
    "team-member-added",
    "team-member-removed",
];

/// Who is signed in, for the header.
#[derive(Debug, Clone)]
pub struct Who {
    /// The address of their picture, if they have one.
    pub picture: Option<String>,
    pub name: String,
    pub role: String,
}

/// Everything the layout shows around a page.
#[derive(Debug, Clone)]
pub struct Chrome {
    pub tr: Tr,
    pub title: String,
    pub csrf: String,
    pub who: Option<Who>,
    pub flash: Option<String>,
    /// The signed-in user's unread inbox messages (none for operators).
    pub unread: Option<i64>,
    /// A team lead: the header links to the teams they lead (G-4).
    pub team_lead: bool,
    /// (field id, message) for the error summary and the inline errors.
    pub errors: Vec<(String, String)>,
    /// The current path, for the language links.
    pub path: String,
    /// The administration pages appear in the navigation.
    pub admin_nav: bool,
    /// The audit log appears in the navigation (enterprise administrators and operators).
    pub audit_nav: bool,
    /// The enterprise and site switcher of the administration pages.
    pub switcher: Option<super::workspace::Switcher>,
}

impl Chrome {
    pub fn with_errors(mut self, errors: Vec<(String, String)>) -> Self {
        self.errors = errors;
        self
    }

    pub fn at(mut self, path: &str) -> Self {
        self.path = path.to_owned();
        self
    }

    /// The label of a form field, for the error summary ("Last name: This field is required.").
    pub fn label_of(&self, field: &str) -> Option<String> {
        // `addon_licences[1]` is a part of `addon_licences`.
        let field = field.split('[').next().unwrap_or(field);
        let key = match field {
            "site_id" => "users-col-site",
            "first_name" => "user-first-name",
            "last_name" => "user-last-name",
            "email" => "user-email",
            "login_name" => "user-login",
            "role" => "users-col-role",
            "package_licence" => "user-package",
            "addon_licences" => "user-addons",
            "primary_number" => "user-number",
            "extension" => "user-extension",
            "device_type" => "user-device",
            "mobile_number" => "user-mobile",
            "contract_number" => "user-contract",
            "department_id" => "users-col-department",
            "team_ids" => "users-col-teams",
            "personal_contact" => "user-contact",
            "language" => "user-language",
            "password" => "user-password",
            "action" => "intercept-action",
            "destination_user_id" => "intercept-destination",
            "number" => "user-number",
            "licence" => "licence-type",
            "quantity" => "purchase-quantity",
            "threshold" => "home-threshold-label",
            "time_zone" => "site-time-zone",
            "country" => "site-country",
            "event" => "audit-event",
            "from" => "audit-from",
            "to" => "audit-to",
            _ => return None,
        };
        Some(self.tr.t(key))
    }

    pub fn error_for(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|(f, _)| f == field || f.strip_prefix(field).is_some_and(|i| i.starts_with('[')))
            .map(|(_, m)| m.clone())
    }

    /// Field errors of a service refusal, in this page's language.
    pub fn errors_of(&self, error: &AppError) -> Vec<(String, String)> {
        errors_of(&self.tr, error)
    }
}

/// A service refusal as (field, message) pairs in `tr`'s language: each invalid field, or the
/// one refusal pinned to the field it is about (a taken number to the number, …).
pub fn errors_of(tr: &Tr, error: &AppError) -> Vec<(String, String)> {
    match error {
        AppError::Validation(fields) => fields
            .iter()
            .map(
                |FieldError {
                     field,
                     code,
                     message,
                 }| (field.clone(), tr.field_error(code, message)),
            )
            .collect(),
        other => {
            let (field, value) = match other {
                AppError::NumberTaken(n) => ("primary_number", n.clone()),
                AppError::ExtensionTaken(x) => ("extension", x.clone()),
                AppError::LoginTaken(l) => ("email", l.clone()),
                AppError::LicenceExhausted { licence } => ("package_licence", licence.clone()),
                AppError::UserNotActive { state, .. } => {
                    ("", tr.t(&format!("state-{}", state.as_str())))
                }
                // L-9, G-4: who uses it, by name, in the reader's words.
                AppError::InUse { what, by, more } => {
                    let names = by.join(", ");
                    let more = more.to_string();
                    let by = if more != "0" {
                        tr.try_with("in-use-more", [("names", names.as_str()), ("more", &more)])
                            .unwrap_or(names)
                    } else {
                        names
                    };
                    let text = tr
                        .try_with("problem-in-use", [("what", what.as_str()), ("by", &by)])
                        .unwrap_or_else(|| other.to_string());
                    return vec![(String::new(), text)];
                }
                _ => ("", String::new()),
            };
            vec![(field.to_owned(), tr.problem(other, &value))]
        }
    }
}
