//! The portal's file uploads (greetings, pictures): a multipart form whose CSRF token comes
//! before its file, so the token is checked before the file is read.

use axum::extract::Multipart;
use axum::response::Response;
use axum_extra::extract::CookieJar;

use super::context::Visit;
use super::{redirect_with_flash, signed_in_form};

/// The form's file (none when none was chosen), once its token is checked; or the answer to
/// give instead: sign in, "this form has expired", or `too_large` (the flash for a body over
/// the route's limit) back on `back`.
pub async fn file_of(
    visit: &Visit,
    jar: &CookieJar,
    back: &str,
    mut form: Multipart,
    too_large: &'static str,
) -> Result<Option<Vec<u8>>, Response> {
    let mut csrf = String::new();
    let mut file = None;
    loop {
        match form.next_field().await {
            Ok(Some(field)) => match field.name() {
                Some("csrf") => csrf = field.text().await.unwrap_or_default(),
                Some("file") => {
                    signed_in_form(visit, jar, &csrf, back).map_err(|answer| *answer)?;
                    match field.bytes().await {
                        Ok(bytes) => file = Some(bytes.to_vec()),
                        Err(_) => return Err(redirect_with_flash(jar.clone(), back, too_large)),
                    }
                }
                _ => {}
            },
            Ok(None) => break,
            Err(_) => return Err(redirect_with_flash(jar.clone(), back, too_large)),
        }
    }
    signed_in_form(visit, jar, &csrf, back).map_err(|answer| *answer)?;
    // An empty file input still sends a part: no file was chosen.
    Ok(file.filter(|bytes| !bytes.is_empty()))
}
