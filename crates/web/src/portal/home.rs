//! The start page, by role: an administrator sees what needs attention in their enterprise (each
//! item a link to the filtered list), the recent changes and quick actions; a provider's operator
//! sees the enterprises that need them; a member is led to their own services, inbox and
//! security. What is counted, and for whom, comes from the `attention` service.

use axum::Form;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use switchboard_app::AppError;
use switchboard_app::attention::{
    DEFAULT_THRESHOLD, EnterpriseAttention, LowLicence, ProviderAttention,
};
use switchboard_store::attention::Capped;

use super::context::{Visit, errors_of};
use super::directory::Fields;
use super::events;
use super::i18n::Tr;
use super::pages::{HomePage, internal_error};
use super::password::require_full;
use super::workspace::Workspace;
use super::{clear_flash, redirect_with_flash, signed_in_form};

/// The administrator's own warning threshold for licences and numbers (kept per person).
const THRESHOLD_PREFERENCE: &str = "home.threshold";

/// One thing to act on, and where to act on it.
pub struct Item {
    pub text: String,
    pub link: String,
    /// `failed` (red) or `warning` (amber).
    pub tone: &'static str,
}

/// A recent change, in words.
pub struct Recent {
    pub when: String,
    pub what: String,
    pub subject: String,
    pub link: Option<String>,
    pub who: String,
}

/// A link that starts a piece of work.
pub struct Action {
    pub label: String,
    pub link: String,
}

pub async fn home(visit: Visit, jar: CookieJar) -> Response {
    render(visit, jar, Vec::new()).await
}

/// The start page, with the refusal of a form on it if any.
async fn render(visit: Visit, jar: CookieJar, errors: Vec<(String, String)>) -> Response {
    if let Some(elsewhere) = require_full(&visit) {
        return elsewhere;
    }
    let session = visit.full_session().expect("checked");
    let identity = &session.identity;
    let refused = !errors.is_empty();
    let mut c = visit.chrome("home-title").at("/").with_errors(errors);
    c.title = c.tr.t1("home-title", "name", &identity.display_name);
    let role = c.tr.t(&format!("role-{}", identity.role.as_str()));
    let mut page = HomePage {
        facts: vec![
            (c.tr.t("home-role"), role),
            (c.tr.t("home-login"), identity.login_name.clone()),
        ],
        role_code: identity.role.as_str().into(),
        items: Vec::new(),
        all_clear: false,
        summary: Vec::new(),
        recent: Vec::new(),
        actions: Vec::new(),
        threshold: None,
        c,
    };
    if let Some(name) = &identity.enterprise_name {
        page.facts
            .push((page.c.tr.t("home-enterprise"), name.clone()));
    }
    let threshold = threshold_of(&visit).await;
    let filled = if !identity.role.administers() {
        member_home(&mut page);
        Ok(())
    } else if identity.role == switchboard_app::accounts::AccountRole::Operator {
        operator_home(&visit, &mut page, threshold).await
    } else {
        match Workspace::of(&visit).await {
            Ok(ws) => admin_home(&visit, &ws, &mut page, threshold).await,
            Err(answer) => return answer,
        }
    };
    if let Err(e) = filled {
        return internal_error(&visit, &e);
    }
    let status = if refused {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    (status, clear_flash(jar, &visit), page).into_response()
}

async fn threshold_of(visit: &Visit) -> i64 {
    let Some(session) = visit.full_session() else {
        return DEFAULT_THRESHOLD;
    };
    visit
        .state
        .app
        .accounts()
        .preference(session, THRESHOLD_PREFERENCE)
        .await
        .ok()
        .flatten()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_THRESHOLD)
}

fn member_home(page: &mut HomePage) {
    let tr = page.c.tr;
    page.actions = vec![
        action(&tr, "home-action-services", "/services"),
        action(&tr, "home-action-inbox", "/inbox"),
        action(&tr, "home-action-security", "/security"),
    ];
    if page.c.team_lead {
        page.actions
            .push(action(&tr, "home-action-my-teams", "/my-teams"));
    }
}

fn action(tr: &Tr, key: &str, link: &str) -> Action {
    Action {
        label: tr.t(key),
        link: link.to_owned(),
    }
}

/// "12", or "1000+" at the cap.
fn shown(count: Capped) -> String {
    if count.more {
        format!("{}+", count.count)
    } else {
        count.count.to_string()
    }
}

fn counted(tr: &Tr, key: &str, count: Capped) -> String {
    tr.try_with(key, [("count", shown(count).as_str())])
        .unwrap_or_default()
}

fn licence_items(tr: &Tr, low: &[LowLicence], link: &str) -> Vec<Item> {
    low.iter()
        .map(|l| {
            let name = l.pool.licence.name_in(tr.lang.as_str());
            let (key, tone) = if l.free == 0 {
                ("home-licence-none", "failed")
            } else {
                ("home-licence-low", "warning")
            };
            Item {
                text: tr.count_with(key, l.free.max(0) as u64, &[("name", name)]),
                link: link.to_owned(),
                tone,
            }
        })
        .collect()
}

async fn admin_home(
    visit: &Visit,
    ws: &Workspace,
    page: &mut HomePage,
    threshold: i64,
) -> Result<(), AppError> {
    let app = &visit.state.app;
    let seen: EnterpriseAttention = app
        .attention()
        .enterprise(&ws.actor, ws.enterprise.id, ws.site, threshold)
        .await?;
    let tr = page.c.tr;
    page.c.switcher = ws.chrome(visit, "home-title", "/").switcher;
    let mut items = Vec::new();
    if seen.failed.count > 0 {
        items.push(Item {
            text: counted(&tr, "home-failed", seen.failed),
            link: "/users?state=failed".into(),
            tone: "failed",
        });
    }
    for push in &seen.failed_pushes {
        items.push(Item {
            text: tr.t1("home-failed-push", "name", &push.name),
            link: format!("/users/{}", push.user_id),
            tone: "failed",
        });
    }
    if seen.pending.count > 0 {
        items.push(Item {
            text: counted(&tr, "home-pending", seen.pending),
            link: "/users?state=pending".into(),
            tone: "warning",
        });
    }
    items.extend(licence_items(&tr, &seen.low_licences, "/licences"));
    items.push(Item {
        text: counted(
            &tr,
            if seen.numbers_low {
                "home-numbers-low"
            } else {
                "home-numbers-free"
            },
            seen.free_numbers,
        ),
        link: "/numbers?show=free".into(),
        tone: if seen.numbers_low { "warning" } else { "" },
    });
    page.all_clear = seen.all_clear();
    page.items = items;
    page.threshold = Some(seen.threshold);
    page.recent = recent(visit, &tr, &seen).await;
    page.actions = vec![
        action(&tr, "home-action-add-user", "/users/new"),
        action(&tr, "home-action-import", "/users/import"),
        action(&tr, "home-action-device-passwords", "/device-passwords"),
        action(&tr, "home-action-groups", "/groups"),
    ];
    Ok(())
}

/// The recent changes, each subject linked while it still exists.
async fn recent(visit: &Visit, tr: &Tr, seen: &EnterpriseAttention) -> Vec<Recent> {
    // A deleted subject is named, not linked to a page that is gone (one query for all).
    let existing = visit
        .state
        .app
        .audit()
        .existing_subjects(&seen.recent)
        .await
        .unwrap_or_default();
    seen.recent
        .iter()
        .map(|entry| Recent {
            when: events::when(tr, entry.at),
            what: events::event_name(tr, &entry.action),
            subject: events::subject_name(entry).unwrap_or_default(),
            link: events::subject_link(entry).filter(|_| existing.contains(&entry.target_id)),
            who: events::actor_name(tr, &entry.actor),
        })
        .collect()
}

async fn operator_home(visit: &Visit, page: &mut HomePage, threshold: i64) -> Result<(), AppError> {
    let actor = visit.actor().expect("a session has an actor");
    let seen: ProviderAttention = visit
        .state
        .app
        .attention()
        .provider(&actor, threshold)
        .await?;
    let tr = page.c.tr;
    for s in &seen.needing_attention {
        let name = s.enterprise.name.as_str();
        // Each item opens the enterprise and the list it is about.
        let into = |back: &str| {
            let mut q = form_urlencoded::Serializer::new(String::new());
            q.append_pair("enterprise", &s.enterprise.id.to_string());
            q.append_pair("back", back);
            format!("/workspace?{}", q.finish())
        };
        let mut items = Vec::new();
        if s.failed.count > 0 {
            items.push(Item {
                text: counted(&tr, "home-failed", s.failed),
                link: into("/users?state=failed"),
                tone: "failed",
            });
        }
        if s.pending.count > 0 {
            items.push(Item {
                text: counted(&tr, "home-pending", s.pending),
                link: into("/users?state=pending"),
                tone: "warning",
            });
        }
        items.extend(licence_items(&tr, &s.low_licences, &into("/licences")));
        if s.numbers_low {
            items.push(Item {
                text: counted(&tr, "home-numbers-low", s.free_numbers),
                link: into("/numbers?show=free"),
                tone: "warning",
            });
        }
        page.summary.push((name.to_owned(), items));
    }
    page.all_clear = seen.needing_attention.is_empty();
    page.threshold = Some(seen.threshold);
    page.actions = vec![Action {
        label: tr.count("home-action-enterprises", seen.enterprises as u64),
        link: "/enterprises".into(),
    }];
    Ok(())
}

/// Saves the administrator's warning threshold, then shows the start page again.
pub async fn save_threshold(
    visit: Visit,
    jar: CookieJar,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let (session, _) = match signed_in_form(&visit, &jar, fields.get("csrf"), "/") {
        Ok(signed_in) => signed_in,
        Err(answer) => return *answer,
    };
    let threshold = match switchboard_app::attention::parse_threshold(fields.get("threshold")) {
        Ok(t) => t,
        Err(refusal) => {
            let errors = errors_of(&visit.tr(), &refusal);
            return render(visit, jar, errors).await;
        }
    };
    match visit
        .state
        .app
        .accounts()
        .set_preference(session, THRESHOLD_PREFERENCE, &threshold.to_string())
        .await
    {
        Ok(()) => redirect_with_flash(jar, "/", "home-threshold-saved"),
        Err(e) => internal_error(&visit, &e),
    }
}
