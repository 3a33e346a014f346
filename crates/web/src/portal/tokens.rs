//! Personal API tokens in the portal (K-2): list, create (shown once), revoke.

use axum::Form;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use switchboard_app::AppError;

use super::context::Visit;
use super::pages::{TokenCreatedPage, TokenRow, TokensPage, internal_error};
use super::password::require_full;
use super::{clear_flash, redirect_with_flash, sign_in_again, signed_in_form};

#[derive(Deserialize)]
pub struct NewTokenForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    expires_in_days: String,
}

async fn page(visit: &Visit, errors: Vec<(String, String)>) -> Response {
    let session = visit.full_session().expect("checked");
    let tokens = match visit.state.app.accounts().personal_tokens(session).await {
        Ok(tokens) => tokens,
        Err(e) => return internal_error(visit, &e),
    };
    let c = visit.chrome("tokens-title").at("/security/tokens");
    let never = c.tr.t("token-never");
    let tr = c.tr;
    let day = |t: switchboard_domain::Timestamp| tr.when(t);
    let rows = tokens
        .into_iter()
        .map(|t| TokenRow {
            id: t.id.to_string(),
            name: t.name,
            created: day(t.created_at),
            last_used: t.last_used_at.map(day).unwrap_or_else(|| never.clone()),
            expires: t.expires_at.map(day).unwrap_or_else(|| never.clone()),
            revoked: t.revoked_at.is_some(),
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    (
        status,
        TokensPage {
            c: c.with_errors(errors),
            tokens: rows,
        },
    )
        .into_response()
}

pub async fn list(visit: Visit, jar: CookieJar) -> Response {
    if let Some(elsewhere) = require_full(&visit) {
        return elsewhere;
    }
    let response = page(&visit, Vec::new()).await;
    (clear_flash(jar, &visit), response).into_response()
}

pub async fn create(visit: Visit, jar: CookieJar, Form(form): Form<NewTokenForm>) -> Response {
    let (session, actor) = match signed_in_form(&visit, &jar, &form.csrf, "/security/tokens") {
        Ok(signed_in) => signed_in,
        Err(answer) => return *answer,
    };
    let days = match form.expires_in_days.trim() {
        "" => None,
        raw => match raw.parse::<i64>() {
            Ok(d) => Some(d),
            Err(_) => Some(0),
        },
    };
    match visit
        .state
        .app
        .accounts()
        .create_personal_token(session, &actor, &form.name, days)
        .await
    {
        Ok(issued) => {
            let c = visit.chrome("token-created-title");
            // Never cached: the page holds a secret.
            (
                [("cache-control", "no-store")],
                TokenCreatedPage {
                    c,
                    token: issued.token,
                },
            )
                .into_response()
        }
        Err(e @ AppError::Validation(_)) => {
            let errors = visit.chrome("tokens-title").errors_of(&e);
            page(&visit, errors).await
        }
        Err(AppError::Conflict {
            code: "sign-in-again",
            ..
        }) => sign_in_again(jar),
        Err(e) => internal_error(&visit, &e),
    }
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

pub async fn revoke(
    visit: Visit,
    jar: CookieJar,
    Path(id): Path<String>,
    Form(form): Form<CsrfOnly>,
) -> Response {
    let (session, actor) = match signed_in_form(&visit, &jar, &form.csrf, "/security/tokens") {
        Ok(signed_in) => signed_in,
        Err(answer) => return *answer,
    };
    let Ok(id) = id.parse() else {
        return super::pages::message(
            &visit,
            StatusCode::NOT_FOUND,
            "not-found-title",
            "not-found-text",
        );
    };
    match visit
        .state
        .app
        .accounts()
        .revoke_personal_token(session, &actor, id)
        .await
    {
        Ok(()) => redirect_with_flash(jar, "/security/tokens", "token-revoked-flash"),
        Err(AppError::NotFound(_)) => super::pages::message(
            &visit,
            StatusCode::NOT_FOUND,
            "not-found-title",
            "not-found-text",
        ),
        Err(e) => internal_error(&visit, &e),
    }
}
