//! Greetings in the portal (S-1, S-3, G-6): upload, listen to and remove a user's voicemail
//! greeting (on the call services page, the user's own or an administrator's view of it) and a
//! virtual user's greetings (on its group page).

use axum::extract::{Multipart, Path};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use switchboard_app::AppError;
use switchboard_app::greetings::GreetingOwner;

use super::context::Visit;
use super::pages::{internal_error, not_found_page};
use super::uploads::file_of;
use super::{redirect_with_flash, signed_in_form};

/// Whose greeting a portal address is about, and the page it belongs to.
enum Place {
    OwnServices,
    UserServices(String),
    Group(String),
}

impl Place {
    fn page(&self) -> String {
        match self {
            Place::OwnServices => "/services".to_owned(),
            Place::UserServices(id) => format!("/users/{id}/services"),
            Place::Group(id) => format!("/groups/{id}"),
        }
    }

    fn owner(&self, visit: &Visit) -> Option<GreetingOwner> {
        match self {
            Place::OwnServices => visit.own_user().map(GreetingOwner::User),
            Place::UserServices(id) => id.parse().ok().map(GreetingOwner::User),
            Place::Group(id) => id.parse().ok().map(GreetingOwner::Group),
        }
    }
}

/// The audio, for the page's player.
async fn play(visit: Visit, place: Place, purpose: &str) -> Response {
    let (Some(actor), Some(owner)) = (visit.actor(), place.owner(&visit)) else {
        return not_found_page(&visit);
    };
    match visit
        .state
        .app
        .greetings()
        .audio(&actor, owner, purpose)
        .await
    {
        Ok((kind, audio)) => (
            [
                (axum::http::header::CONTENT_TYPE, kind.content_type()),
                (axum::http::header::CACHE_CONTROL, "private, no-cache"),
            ],
            audio,
        )
            .into_response(),
        Err(AppError::NotFound(_) | AppError::Validation(_)) => not_found_page(&visit),
        Err(e) => internal_error(&visit, &e),
    }
}

/// A multipart upload of the greeting's file.
async fn upload(
    visit: Visit,
    jar: CookieJar,
    place: Place,
    purpose: &str,
    form: Multipart,
) -> Response {
    let back = place.page();
    let audio = match file_of(&visit, &jar, &back, form, "greeting-too-large").await {
        Ok(Some(audio)) => audio,
        Ok(None) => return redirect_with_flash(jar, &back, "greeting-not-audio"),
        Err(answer) => return answer,
    };
    let (Some(actor), Some(owner)) = (visit.actor(), place.owner(&visit)) else {
        return not_found_page(&visit);
    };
    match visit
        .state
        .app
        .greetings()
        .upload(&actor, owner, purpose, &audio)
        .await
    {
        Ok(_) => redirect_with_flash(jar, &back, "greeting-saved"),
        Err(AppError::Validation(errors)) => {
            let flash = match errors.first().map(|e| e.code) {
                Some("too-large") => "greeting-too-large",
                _ => "greeting-not-audio",
            };
            redirect_with_flash(jar, &back, flash)
        }
        Err(AppError::NotFound(_)) => not_found_page(&visit),
        Err(e) => internal_error(&visit, &e),
    }
}

async fn remove(visit: Visit, jar: CookieJar, place: Place, purpose: &str, csrf: &str) -> Response {
    let back = place.page();
    if let Err(answer) = signed_in_form(&visit, &jar, csrf, &back) {
        return *answer;
    }
    let (Some(actor), Some(owner)) = (visit.actor(), place.owner(&visit)) else {
        return not_found_page(&visit);
    };
    match visit
        .state
        .app
        .greetings()
        .remove(&actor, owner, purpose)
        .await
    {
        Ok(()) | Err(AppError::NotFound("greeting")) => {
            redirect_with_flash(jar, &back, "greeting-removed")
        }
        Err(AppError::NotFound(_)) => not_found_page(&visit),
        Err(e) => internal_error(&visit, &e),
    }
}

#[derive(serde::Deserialize)]
pub struct Token {
    #[serde(default)]
    pub(super) csrf: String,
}

pub async fn play_own(visit: Visit) -> Response {
    play(visit, Place::OwnServices, "voicemail").await
}

pub async fn play_of_user(visit: Visit, Path(id): Path<String>) -> Response {
    play(visit, Place::UserServices(id), "voicemail").await
}

pub async fn play_of_group(visit: Visit, Path((id, purpose)): Path<(String, String)>) -> Response {
    play(visit, Place::Group(id), &purpose).await
}

pub async fn upload_own(visit: Visit, jar: CookieJar, form: Multipart) -> Response {
    upload(visit, jar, Place::OwnServices, "voicemail", form).await
}

pub async fn upload_of_user(
    visit: Visit,
    jar: CookieJar,
    Path(id): Path<String>,
    form: Multipart,
) -> Response {
    upload(visit, jar, Place::UserServices(id), "voicemail", form).await
}

pub async fn upload_of_group(
    visit: Visit,
    jar: CookieJar,
    Path((id, purpose)): Path<(String, String)>,
    form: Multipart,
) -> Response {
    upload(visit, jar, Place::Group(id), &purpose, form).await
}

pub async fn remove_own(
    visit: Visit,
    jar: CookieJar,
    axum::extract::Form(t): axum::extract::Form<Token>,
) -> Response {
    remove(visit, jar, Place::OwnServices, "voicemail", &t.csrf).await
}

pub async fn remove_of_user(
    visit: Visit,
    jar: CookieJar,
    Path(id): Path<String>,
    axum::extract::Form(t): axum::extract::Form<Token>,
) -> Response {
    remove(visit, jar, Place::UserServices(id), "voicemail", &t.csrf).await
}

pub async fn remove_of_group(
    visit: Visit,
    jar: CookieJar,
    Path((id, purpose)): Path<(String, String)>,
    axum::extract::Form(t): axum::extract::Form<Token>,
) -> Response {
    remove(visit, jar, Place::Group(id), &purpose, &t.csrf).await
}
