//! The page templates (askama, compiled in) and the error pages.

use askama::Template;
use askama_web::WebTemplate;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::context::{Chrome, Visit};

#[derive(Template, WebTemplate)]
#[template(path = "sign_in.html")]
pub struct SignInPage {
    pub c: Chrome,
    pub login: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "two_step.html")]
pub struct TwoStepPage {
    pub c: Chrome,
    pub hint: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "password_change.html")]
pub struct PasswordChangePage {
    pub c: Chrome,
    pub forced: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "forgot.html")]
pub struct ForgotPage {
    pub c: Chrome,
}

#[derive(Template, WebTemplate)]
#[template(path = "set_password.html")]
pub struct SetPasswordPage {
    pub c: Chrome,
    pub intro: String,
    pub action: String,
    pub login: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub c: Chrome,
    pub text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
pub struct HomePage {
    pub c: Chrome,
    pub role: String,
    pub role_code: String,
    pub login: String,
    pub email: String,
    pub enterprise: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "security.html")]
pub struct SecurityPage {
    pub c: Chrome,
    pub required: bool,
    pub totp_enabled: bool,
    pub totp_status: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "totp_enrol.html")]
pub struct TotpEnrolPage {
    pub c: Chrome,
    pub qr_svg: String,
    pub secret: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "recovery_codes.html")]
pub struct RecoveryCodesPage {
    pub c: Chrome,
    pub codes: Vec<String>,
}

/// One row of the personal tokens table.
pub struct TokenRow {
    pub id: String,
    pub name: String,
    pub created: String,
    pub last_used: String,
    pub expires: String,
    pub revoked: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "tokens.html")]
pub struct TokensPage {
    pub c: Chrome,
    pub tokens: Vec<TokenRow>,
}

#[derive(Template, WebTemplate)]
#[template(path = "token_created.html")]
pub struct TokenCreatedPage {
    pub c: Chrome,
    pub token: String,
}

/// A page that could not be shown: the cause goes to the log with the request id, the visitor
/// gets the reference and nothing internal.
pub fn internal_error(visit: &Visit, error: &switchboard_app::AppError) -> Response {
    let reference = visit.request_id.clone().unwrap_or_default();
    tracing::error!(error = ?error, request_id = %reference, "portal page failed");
    let c = visit.chrome("error-title");
    let text = c.tr.t1("error-text", "reference", &reference);
    (StatusCode::INTERNAL_SERVER_ERROR, MessagePage { c, text }).into_response()
}

pub fn message(visit: &Visit, status: StatusCode, title_key: &str, text_key: &str) -> Response {
    let c = visit.chrome(title_key);
    let text = c.tr.t(text_key);
    (status, MessagePage { c, text }).into_response()
}
