//! The portal inbox (L-4 notices, G-5 broadcasts): a signed-in user's messages, newest first,
//! each read in the reader's language.

use axum::extract::Form;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use switchboard_store::inbox::Message;

use super::context::Visit;
use super::directory::Fields;
use super::i18n::Tr;
use super::pages::{InboxPage, InboxRow, internal_error};
use super::password::require_full;
use super::{clear_flash, redirect_with_flash, signed_in_form};

/// A notice's text from its message key and values (a group kind in the reader's words); a
/// broadcast's own subject and text.
fn text_of(tr: &Tr, m: &Message) -> (String, String) {
    match &m.template {
        Some(template) => {
            let args: serde_json::Map<String, serde_json::Value> = m
                .args_json
                .as_deref()
                .and_then(|json| serde_json::from_str(json).ok())
                .unwrap_or_default();
            let mut values: Vec<(String, String)> = args
                .iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
                .collect();
            for (k, v) in values.iter_mut() {
                if k == "kind" {
                    *v = tr.t(&format!("group-kind-{v}"));
                }
            }
            let text = tr
                .try_with(
                    template,
                    values.iter().map(|(k, v)| (k.as_str(), v.as_str())),
                )
                .unwrap_or_else(|| template.clone());
            (tr.t(&format!("{template}-subject")), text)
        }
        None => (
            m.subject.clone().unwrap_or_default(),
            m.body.clone().unwrap_or_default(),
        ),
    }
}

pub async fn list(visit: Visit, jar: CookieJar) -> Response {
    if let Some(elsewhere) = require_full(&visit) {
        return elsewhere;
    }
    let session = visit.full_session().expect("checked");
    let messages = match visit.state.app.inbox().messages(session).await {
        Ok(messages) => messages,
        Err(e) => return internal_error(&visit, &e),
    };
    let c = visit.chrome("inbox-title").at("/inbox");
    let tr = c.tr;
    let rows = messages
        .iter()
        .map(|m| {
            let (subject, text) = text_of(&tr, m);
            InboxRow {
                subject,
                text,
                category: m.category.clone(),
                category_label: tr.t(&format!("inbox-category-{}", m.category)),
                when: c.tr.when(m.created_at),
                unread: m.read_at.is_none(),
            }
        })
        .collect();
    (clear_flash(jar, &visit), InboxPage { c, rows }).into_response()
}

/// Marks every message read.
pub async fn mark_read(
    visit: Visit,
    jar: CookieJar,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let (session, _) = match signed_in_form(&visit, &jar, fields.get("csrf"), "/inbox") {
        Ok(signed_in) => signed_in,
        Err(answer) => return *answer,
    };
    match visit.state.app.inbox().mark_all_read(session).await {
        Ok(()) => redirect_with_flash(jar, "/inbox", "inbox-read"),
        Err(e) => internal_error(&visit, &e),
    }
}
