//! Pictures in the portal (U-9): a user sets their own on their call services page, an
//! administrator sets anyone's in reach on the user's page; the header and the users list
//! show them.

use axum::extract::{Multipart, Path, Query};
use axum::http::HeaderMap;
use axum::response::Response;
use axum_extra::extract::CookieJar;
use switchboard_app::AppError;
use switchboard_domain::UserId;

use super::context::Visit;
use super::pages::{internal_error, not_found_page};
use super::uploads::file_of;
use super::{redirect_with_flash, signed_in_form};
use crate::api::pictures::{PictureQuery, picture_response};

/// Whose picture a portal address is about, and the page its forms are on.
enum Place {
    /// The signed-in user's own (their forms are on the call services page).
    Own,
    User(String),
}

impl Place {
    fn page(&self) -> String {
        match self {
            Place::Own => "/services".to_owned(),
            Place::User(id) => format!("/users/{id}"),
        }
    }

    fn user(&self, visit: &Visit) -> Option<UserId> {
        match self {
            Place::Own => visit.own_user(),
            Place::User(id) => id.parse().ok(),
        }
    }
}

/// The address of a user's picture in the portal, naming its version so browsers keep it.
pub fn address(user: &str, set_at: switchboard_domain::Timestamp) -> String {
    format!("/users/{user}/picture?v={}", set_at.millis())
}

async fn show(visit: Visit, place: Place, q: PictureQuery, headers: HeaderMap) -> Response {
    let (Some(actor), Some(user)) = (visit.actor(), place.user(&visit)) else {
        return not_found_page(&visit);
    };
    match visit.state.app.pictures().get(&actor, user).await {
        Ok(found) => picture_response(found, q.v, &headers),
        Err(AppError::NotFound(_)) => not_found_page(&visit),
        Err(e) => internal_error(&visit, &e),
    }
}

async fn upload(visit: Visit, jar: CookieJar, place: Place, form: Multipart) -> Response {
    let back = place.page();
    let image = match file_of(&visit, &jar, &back, form, "picture-too-large").await {
        Ok(Some(image)) => image,
        Ok(None) => return redirect_with_flash(jar, &back, "picture-not-image"),
        Err(answer) => return answer,
    };
    let (Some(actor), Some(user)) = (visit.actor(), place.user(&visit)) else {
        return not_found_page(&visit);
    };
    match visit.state.app.pictures().upload(&actor, user, image).await {
        Ok(_) => redirect_with_flash(jar, &back, "picture-saved"),
        Err(AppError::Validation(errors)) => {
            let flash = match errors.first().map(|e| e.code) {
                Some("too-large") => "picture-too-large",
                _ => "picture-not-image",
            };
            redirect_with_flash(jar, &back, flash)
        }
        Err(AppError::NotFound(_)) => not_found_page(&visit),
        Err(e) => internal_error(&visit, &e),
    }
}

async fn remove(visit: Visit, jar: CookieJar, place: Place, csrf: &str) -> Response {
    let back = place.page();
    if let Err(answer) = signed_in_form(&visit, &jar, csrf, &back) {
        return *answer;
    }
    let (Some(actor), Some(user)) = (visit.actor(), place.user(&visit)) else {
        return not_found_page(&visit);
    };
    match visit.state.app.pictures().remove(&actor, user).await {
        Ok(()) | Err(AppError::NotFound("picture")) => {
            redirect_with_flash(jar, &back, "picture-removed")
        }
        Err(AppError::NotFound(_)) => not_found_page(&visit),
        Err(e) => internal_error(&visit, &e),
    }
}

pub async fn show_of_user(
    visit: Visit,
    Path(id): Path<String>,
    Query(q): Query<PictureQuery>,
    headers: HeaderMap,
) -> Response {
    show(visit, Place::User(id), q, headers).await
}

pub async fn upload_own(visit: Visit, jar: CookieJar, form: Multipart) -> Response {
    upload(visit, jar, Place::Own, form).await
}

pub async fn upload_of_user(
    visit: Visit,
    jar: CookieJar,
    Path(id): Path<String>,
    form: Multipart,
) -> Response {
    upload(visit, jar, Place::User(id), form).await
}

pub async fn remove_own(
    visit: Visit,
    jar: CookieJar,
    axum::extract::Form(t): axum::extract::Form<super::greetings::Token>,
) -> Response {
    remove(visit, jar, Place::Own, &t.csrf).await
}

pub async fn remove_of_user(
    visit: Visit,
    jar: CookieJar,
    Path(id): Path<String>,
    axum::extract::Form(t): axum::extract::Form<super::greetings::Token>,
) -> Response {
    remove(visit, jar, Place::User(id), &t.csrf).await
}
