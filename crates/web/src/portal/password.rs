//! Passwords in the portal (K-1, U-5): the forced and the self-service change, "forgot
//! password", and the pages behind invitation and reset links.

use axum::Form;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use switchboard_app::AppError;
use switchboard_app::accounts::Identity;

use super::auth::{ensure_csrf_cookie, next_page};
use super::context::Visit;
use super::pages::{ForgotPage, PasswordChangePage, SetPasswordPage, internal_error, message};
use super::{clear_flash, redirect_with_flash};

#[derive(Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    login: String,
}

#[derive(Deserialize)]
pub struct SetForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    password: String,
}

pub async fn change_page(visit: Visit, jar: CookieJar) -> Response {
    let Some(session) = visit.session.as_ref().filter(|s| s.stage != "second_step") else {
        return redirect_with_flash(jar, "/sign-in", "session-expired");
    };
    let forced = session.stage == "password_change";
    let c = visit.chrome("password-change-title").at("/password/change");
    (clear_flash(jar, &visit), PasswordChangePage { c, forced }).into_response()
}

pub async fn change(visit: Visit, jar: CookieJar, Form(form): Form<ChangeForm>) -> Response {
    let Some(session) = visit.session.as_ref().filter(|s| s.stage != "second_step") else {
        return redirect_with_flash(jar, "/sign-in", "session-expired");
    };
    if !visit.csrf_ok(&form.csrf) {
        return redirect_with_flash(jar, "/password/change", "csrf-failed");
    }
    let forced = session.stage == "password_change";
    let actor = visit.actor().expect("a session has an actor");
    let current = (!forced).then_some(form.current_password.as_str());
    match visit
        .state
        .app
        .accounts()
        .change_password(session, &actor, current, &form.new_password)
        .await
    {
        Ok(()) => redirect_with_flash(jar, "/", "password-changed"),
        Err(e @ AppError::Validation(_)) => {
            let c = visit.chrome("password-change-title").at("/password/change");
            let errors = c.errors_of(&e);
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                PasswordChangePage {
                    c: c.with_errors(errors),
                    forced,
                },
            )
                .into_response()
        }
        Err(e) => internal_error(&visit, &e),
    }
}

pub async fn forgot_page(visit: Visit, jar: CookieJar) -> Response {
    let (jar, csrf) = ensure_csrf_cookie(&visit, jar);
    let mut c = visit.chrome("forgot-title").at("/password/forgot");
    c.csrf = csrf;
    (clear_flash(jar, &visit), ForgotPage { c }).into_response()
}

pub async fn forgot(visit: Visit, jar: CookieJar, Form(form): Form<ForgotForm>) -> Response {
    if !visit.csrf_ok(&form.csrf) {
        return redirect_with_flash(jar, "/password/forgot", "csrf-failed");
    }
    let result = visit
        .state
        .app
        .accounts()
        .request_password_reset(
            &form.login,
            visit.client_ip.clone(),
            visit.request_id.clone(),
        )
        .await;
    match result {
        // The same answer whether the login exists or not.
        Ok(()) => redirect_with_flash(jar, "/sign-in", "forgot-sent"),
        Err(e) => internal_error(&visit, &e),
    }
}

pub async fn reset_page(visit: Visit, jar: CookieJar, Path(token): Path<String>) -> Response {
    link_page(visit, jar, "password_reset", &token).await
}

pub async fn invitation_page(visit: Visit, jar: CookieJar, Path(token): Path<String>) -> Response {
    link_page(visit, jar, "invitation", &token).await
}

pub async fn reset(
    visit: Visit,
    jar: CookieJar,
    Path(token): Path<String>,
    Form(form): Form<SetForm>,
) -> Response {
    redeem(visit, jar, "password_reset", &token, form).await
}

pub async fn invitation(
    visit: Visit,
    jar: CookieJar,
    Path(token): Path<String>,
    Form(form): Form<SetForm>,
) -> Response {
    redeem(visit, jar, "invitation", &token, form).await
}

fn set_password_page(
    visit: &Visit,
    purpose: &str,
    token: &str,
    holder: &Identity,
) -> SetPasswordPage {
    // The holder reads the page in the language of the message that brought them here.
    let tr = visit.tr_with(Some(holder.language));
    let (title, intro, action) = if purpose == "invitation" {
        (
            tr.t1("invitation-title", "name", &holder.display_name),
            tr.t1("invitation-hint", "login", &holder.login_name),
            format!("/invitation/{token}"),
        )
    } else {
        (
            tr.t("reset-title"),
            String::new(),
            format!("/reset/{token}"),
        )
    };
    // The link's token is not put in the language links' `back` (it would end up in more places).
    let mut c = visit.chrome_in(tr, "reset-title");
    c.title = title;
    SetPasswordPage {
        c,
        intro,
        action,
        login: holder.login_name.clone(),
    }
}

async fn link_page(visit: Visit, jar: CookieJar, purpose: &'static str, token: &str) -> Response {
    match visit.state.app.accounts().link_holder(purpose, token).await {
        Ok(identity) => {
            let (jar, csrf) = ensure_csrf_cookie(&visit, jar);
            let mut page = set_password_page(&visit, purpose, token, &identity);
            page.c.csrf = csrf;
            (jar, page).into_response()
        }
        Err(AppError::Conflict {
            code: "link-expired",
            ..
        }) => message(&visit, StatusCode::GONE, "reset-title", "link-expired"),
        Err(e) => internal_error(&visit, &e),
    }
}

async fn redeem(
    visit: Visit,
    jar: CookieJar,
    purpose: &'static str,
    token: &str,
    form: SetForm,
) -> Response {
    if !visit.csrf_ok(&form.csrf) {
        let back = if purpose == "invitation" {
            format!("/invitation/{token}")
        } else {
            format!("/reset/{token}")
        };
        return redirect_with_flash(jar, &back, "csrf-failed");
    }
    let result = visit
        .state
        .app
        .accounts()
        .redeem_link(
            purpose,
            token,
            &form.password,
            visit.client_ip.clone(),
            visit.request_id.clone(),
        )
        .await;
    match result {
        Ok(holder) => {
            // Whoever was signed in on this browser is signed out: the person signs in afresh,
            // in their language unless this browser chose one.
            let mut jar = jar.add(super::context::removal(super::SESSION_COOKIE));
            if visit.jar.get(super::context::LANGUAGE_COOKIE).is_none() {
                jar = jar.add(super::context::cookie(
                    super::context::LANGUAGE_COOKIE,
                    holder.language.as_str().into(),
                ));
            }
            redirect_with_flash(jar, "/sign-in", "password-set")
        }
        Err(e @ AppError::Validation(_)) => {
            match visit.state.app.accounts().link_holder(purpose, token).await {
                Ok(identity) => {
                    let mut page = set_password_page(&visit, purpose, token, &identity);
                    let errors = page.c.errors_of(&e);
                    page.c.csrf = visit.csrf_token();
                    page.c = page.c.with_errors(errors);
                    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
                }
                Err(_) => message(&visit, StatusCode::GONE, "reset-title", "link-expired"),
            }
        }
        Err(AppError::Conflict {
            code: "link-expired",
            ..
        }) => message(&visit, StatusCode::GONE, "reset-title", "link-expired"),
        Err(e) => internal_error(&visit, &e),
    }
}

/// Keeps the stage routing in one place for pages that need a full session.
pub fn require_full(visit: &Visit) -> Option<Response> {
    match &visit.session {
        Some(s) if s.is_full() => None,
        Some(s) => Some(Redirect::to(next_page(&s.stage)).into_response()),
        None => Some(Redirect::to("/sign-in").into_response()),
    }
}
