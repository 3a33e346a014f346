//! The security page (password, authenticator app, sign out everywhere).

use axum::Form;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use switchboard_app::AppError;

use super::context::Visit;
use super::pages::{RecoveryCodesPage, SecurityPage, TotpEnrolPage, internal_error};
use super::password::require_full;
use super::{clear_flash, redirect_with_flash, sign_in_again, signed_in_form};

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    code: String,
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    current_password: String,
}

fn security_page(visit: &Visit) -> SecurityPage {
    let session = visit.full_session().expect("checked");
    let status = &session.status;
    let c = visit.chrome("security-title").at("/security");
    let totp_status = c.tr.t1(
        "security-totp-on",
        "count",
        &status.recovery_codes_left.to_string(),
    );
    SecurityPage {
        required: status.two_step_required,
        totp_enabled: status.totp_enabled,
        totp_status,
        c,
    }
}

pub async fn security(visit: Visit, jar: CookieJar) -> Response {
    if let Some(elsewhere) = require_full(&visit) {
        return elsewhere;
    }
    let page = security_page(&visit);
    (clear_flash(jar, &visit), page).into_response()
}

pub async fn totp_start(
    visit: Visit,
    jar: CookieJar,
    Form(form): Form<super::auth::CsrfForm>,
) -> Response {
    let (session, _) = match signed_in_form(&visit, &jar, &form.csrf, "/security") {
        Ok(signed_in) => signed_in,
        Err(answer) => return *answer,
    };
    match visit.state.app.accounts().begin_totp(session).await {
        Ok(enrolment) => TotpEnrolPage {
            c: visit.chrome("totp-start"),
            qr_svg: enrolment.qr_svg,
            secret: enrolment.secret_base32,
        }
        .into_response(),
        Err(AppError::Conflict {
            code: "sign-in-again",
            ..
        }) => sign_in_again(jar),
        Err(e) => internal_error(&visit, &e),
    }
}

pub async fn totp_confirm(visit: Visit, jar: CookieJar, Form(form): Form<CodeForm>) -> Response {
    let (session, actor) = match signed_in_form(&visit, &jar, &form.csrf, "/security") {
        Ok(signed_in) => signed_in,
        Err(answer) => return *answer,
    };
    match visit
        .state
        .app
        .accounts()
        .confirm_totp(session, &actor, &form.code)
        .await
    {
        Ok(codes) => RecoveryCodesPage {
            c: visit.chrome("recovery-title"),
            codes,
        }
        .into_response(),
        Err(e @ AppError::Validation(_)) => {
            // Show the same secret again: it stays pending until a right code confirms it.
            match visit.state.app.accounts().pending_totp(session).await {
                Ok(Some(enrolment)) => {
                    let c = visit.chrome("totp-start");
                    let errors = c.errors_of(&e);
                    (
                        StatusCode::UNPROCESSABLE_ENTITY,
                        TotpEnrolPage {
                            c: c.with_errors(errors),
                            qr_svg: enrolment.qr_svg,
                            secret: enrolment.secret_base32,
                        },
                    )
                        .into_response()
                }
                Ok(None) => redirect_with_flash(jar, "/security", "csrf-failed"),
                Err(e) => internal_error(&visit, &e),
            }
        }
        Err(AppError::Conflict {
            code: "sign-in-again",
            ..
        }) => sign_in_again(jar),
        Err(e) => internal_error(&visit, &e),
    }
}

pub async fn totp_disable(
    visit: Visit,
    jar: CookieJar,
    Form(form): Form<PasswordForm>,
) -> Response {
    let (session, actor) = match signed_in_form(&visit, &jar, &form.csrf, "/security") {
        Ok(signed_in) => signed_in,
        Err(answer) => return *answer,
    };
    match visit
        .state
        .app
        .accounts()
        .disable_totp(session, &actor, &form.current_password)
        .await
    {
        Ok(()) => redirect_with_flash(jar, "/security", "totp-disabled"),
        Err(e @ AppError::Validation(_)) => {
            let mut page = security_page(&visit);
            let errors = page.c.errors_of(&e);
            page.c = page.c.with_errors(errors);
            (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
        }
        Err(e) => internal_error(&visit, &e),
    }
}
