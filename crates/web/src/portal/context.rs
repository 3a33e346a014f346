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
        Ok(Self {
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
        Tr::new(lang)
    }

    /// The signed-in session, only when it has passed every step.
    pub fn full_session(&self) -> Option<&PortalSession> {
        self.session.as_ref().filter(|s| s.is_full())
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
                name: s.identity.display_name.clone(),
                role: tr.t(&format!("role-{}", s.identity.role.as_str())),
            }),
            flash: self.flash(),
            errors: Vec::new(),
            path: String::new(),
            tr,
        }
    }
}

/// Only these message keys may travel in the flash cookie.
const FLASH_KEYS: &[&str] = &[
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
];

/// Who is signed in, for the header.
#[derive(Debug, Clone)]
pub struct Who {
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
    /// (field id, message) for the error summary and the inline errors.
    pub errors: Vec<(String, String)>,
    /// The current path, for the language links.
    pub path: String,
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

    pub fn error_for(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.clone())
    }

    /// Field errors of a service refusal, in this page's language.
    pub fn errors_of(&self, error: &AppError) -> Vec<(String, String)> {
        match error {
            AppError::Validation(fields) => fields
                .iter()
                .map(
                    |FieldError {
                         field,
                         code,
                         message,
                     }| { (field.clone(), self.tr.field_error(code, message)) },
                )
                .collect(),
            other => vec![(String::new(), other.to_string())],
        }
    }
}
