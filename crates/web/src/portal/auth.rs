//! Signing in and out (K-1, K-4): the password form, the second step, sign out, sign out
//! everywhere.

use axum::Form;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use switchboard_app::AppError;
use switchboard_app::accounts::{SignInAttempt, Started};

use super::context::{CSRF_COOKIE, SESSION_COOKIE, Visit, cookie, removal};
use super::pages::{SignInPage, TwoStepPage, internal_error, message};
use super::{clear_flash, redirect_with_flash};

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    login: String,
    #[serde(default)]
    password: String,
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    code: String,
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    pub csrf: String,
}

/// Where a session at this stage continues.
pub fn next_page(stage: &str) -> &'static str {
    match stage {
        "second_step" => "/sign-in/code",
        "password_change" => "/password/change",
        _ => "/",
    }
}

/// Gives a visitor without a session the anonymous CSRF cookie their forms need.
pub fn ensure_csrf_cookie(visit: &Visit, jar: CookieJar) -> (CookieJar, String) {
    if visit.session.is_none() && visit.jar.get(CSRF_COOKIE).is_none() {
        let token = switchboard_app::secrets::random_alphanumeric(32);
        (jar.add(cookie(CSRF_COOKIE, token.clone())), token)
    } else {
        (jar, visit.csrf_token())
    }
}

pub async fn sign_in_page(visit: Visit, jar: CookieJar) -> Response {
    // Signed in: nothing to do here. Half-way (a code or a password change pending): the
    // visitor may start again.
    if visit.full_session().is_some() {
        return Redirect::to("/").into_response();
    }
    let (jar, csrf) = ensure_csrf_cookie(&visit, jar);
    let mut c = visit.chrome("sign-in-title").at("/sign-in");
    c.csrf = csrf;
    let jar = clear_flash(jar, &visit);
    (
        jar,
        SignInPage {
            c,
            login: String::new(),
        },
    )
        .into_response()
}

pub async fn sign_in(visit: Visit, jar: CookieJar, Form(form): Form<SignInForm>) -> Response {
    if !visit.csrf_ok(&form.csrf) {
        return redirect_with_flash(jar, "/sign-in", "csrf-failed");
    }
    let attempt = SignInAttempt {
        login: form.login.clone(),
        password: form.password,
        client_ip: visit.client_ip.clone(),
        user_agent: visit.user_agent.clone(),
        request_id: visit.request_id.clone(),
    };
    match visit.state.app.accounts().sign_in(attempt).await {
        Ok(started) => {
            // A sign-in started before (code pending) is replaced by this one.
            if let (Some(old), Some(actor)) = (&visit.session, visit.actor())
                && let Err(e) = visit.state.app.accounts().sign_out(old, &actor).await
            {
                return internal_error(&visit, &e);
            }
            continue_session(jar, started)
        }
        Err(AppError::SignInFailed) => {
            // K-1: the same answer for a wrong password, an unknown login and a lock in force.
            let c = visit.chrome("sign-in-title").at("/sign-in");
            let message = c.tr.t("sign-in-failed");
            let c = c.with_errors(vec![("password".into(), message)]);
            (
                StatusCode::UNAUTHORIZED,
                SignInPage {
                    c,
                    login: form.login,
                },
            )
                .into_response()
        }
        Err(e) => internal_error(&visit, &e),
    }
}

/// Stores the (new) session cookie and goes where the stage leads.
pub fn continue_session(jar: CookieJar, started: Started) -> Response {
    let jar = jar
        .add(cookie(SESSION_COOKIE, started.cookie))
        .add(removal(CSRF_COOKIE));
    (jar, Redirect::to(next_page(&started.stage))).into_response()
}

pub async fn code_page(visit: Visit, jar: CookieJar) -> Response {
    let Some(session) = visit.session.as_ref() else {
        return redirect_with_flash(jar, "/sign-in", "session-expired");
    };
    if session.stage != "second_step" {
        return Redirect::to(next_page(&session.stage)).into_response();
    }
    let c = visit.chrome("two-step-title").at("/sign-in/code");
    let hint = c.tr.t(hint_key(session.challenge_method.as_deref()));
    (clear_flash(jar, &visit), TwoStepPage { c, hint }).into_response()
}

fn hint_key(method: Option<&str>) -> &'static str {
    match method {
        Some("email") => "two-step-email-hint",
        Some("sms") => "two-step-sms-hint",
        _ => "two-step-totp-hint",
    }
}

pub async fn code(visit: Visit, jar: CookieJar, Form(form): Form<CodeForm>) -> Response {
    let Some(session) = visit.session.as_ref().filter(|s| s.stage == "second_step") else {
        return redirect_with_flash(jar, "/sign-in", "session-expired");
    };
    if !visit.csrf_ok(&form.csrf) {
        return redirect_with_flash(jar, "/sign-in/code", "csrf-failed");
    }
    let cookie_value = visit
        .jar
        .get(SESSION_COOKIE)
        .map(|c| c.value().to_owned())
        .unwrap_or_default();
    let result = visit
        .state
        .app
        .accounts()
        .second_step(
            &cookie_value,
            &form.code,
            visit.client_ip.clone(),
            visit.request_id.clone(),
        )
        .await;
    match result {
        Ok(started) => continue_session(jar, started),
        Err(AppError::Conflict {
            code: "challenge-voided",
            ..
        }) => redirect_with_flash(
            jar.add(removal(SESSION_COOKIE)),
            "/sign-in",
            "challenge-voided",
        ),
        Err(e @ AppError::Validation(_)) => {
            let c = visit.chrome("two-step-title").at("/sign-in/code");
            let errors = c.errors_of(&e);
            let hint = c.tr.t(hint_key(session.challenge_method.as_deref()));
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                TwoStepPage {
                    c: c.with_errors(errors),
                    hint,
                },
            )
                .into_response()
        }
        Err(AppError::Unauthenticated) => redirect_with_flash(jar, "/sign-in", "session-expired"),
        Err(e) => internal_error(&visit, &e),
    }
}

pub async fn sign_out(visit: Visit, jar: CookieJar, Form(form): Form<CsrfForm>) -> Response {
    let Some(session) = visit.session.as_ref() else {
        return Redirect::to("/sign-in").into_response();
    };
    if !visit.csrf_ok(&form.csrf) {
        return message(&visit, StatusCode::FORBIDDEN, "error-title", "csrf-failed");
    }
    let actor = visit.actor().expect("a session has an actor");
    if let Err(e) = visit.state.app.accounts().sign_out(session, &actor).await {
        return internal_error(&visit, &e);
    }
    redirect_with_flash(jar.add(removal(SESSION_COOKIE)), "/sign-in", "signed-out")
}

pub async fn sign_out_everywhere(
    visit: Visit,
    jar: CookieJar,
    Form(form): Form<CsrfForm>,
) -> Response {
    let Some(session) = visit.full_session() else {
        return Redirect::to("/sign-in").into_response();
    };
    if !visit.csrf_ok(&form.csrf) {
        return message(&visit, StatusCode::FORBIDDEN, "error-title", "csrf-failed");
    }
    let actor = visit.actor().expect("a session has an actor");
    if let Err(e) = visit
        .state
        .app
        .accounts()
        .sign_out_everywhere(session, &actor)
        .await
    {
        return internal_error(&visit, &e);
    }
    redirect_with_flash(
        jar.add(removal(SESSION_COOKIE)),
        "/sign-in",
        "signed-out-everywhere",
    )
}
