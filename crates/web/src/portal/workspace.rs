//! Where an administrator is working: their enterprise (an operator picks one) and the site
//! chosen in the header's switcher, or all sites in reach. Pages of the administration part start
//! here; members (users, team leads) have no administration pages and are told so.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use switchboard_app::Actor;
use switchboard_app::accounts::AccountRole;
use switchboard_domain::{EnterpriseId, SiteId};
use switchboard_store::enterprises::Enterprise;
use switchboard_store::org::Site;

use super::context::{Chrome, Visit, cookie, removal};
use super::pages::{self, EnterprisesPage, internal_error};
use super::password::require_full;
use super::{clear_flash, safe_back};

/// The enterprise an operator works in.
pub const ENTERPRISE_COOKIE: &str = "__Host-sb_enterprise";
/// The site chosen in the switcher; absent means all sites in reach.
pub const SITE_COOKIE: &str = "__Host-sb_site";

pub struct Workspace {
    pub actor: Actor,
    pub role: AccountRole,
    pub enterprise: Enterprise,
    /// The sites in reach, by name.
    pub sites: Vec<Site>,
    /// The site chosen in the switcher, if any.
    pub site: Option<SiteId>,
}

/// What the header's switcher shows.
#[derive(Debug, Clone)]
pub struct Switcher {
    pub enterprise: String,
    pub operator: bool,
    pub sites: Vec<(String, String, bool)>,
}

impl Workspace {
    /// The workspace of a signed-in administrator, or the page to show instead.
    pub async fn of(visit: &Visit) -> Result<Self, Response> {
        if let Some(elsewhere) = require_full(visit) {
            return Err(elsewhere);
        }
        let session = visit.full_session().expect("checked");
        let role = session.identity.role;
        if !role.administers() {
            return Err(pages::message(
                visit,
                StatusCode::FORBIDDEN,
                "forbidden-title",
                "forbidden-admin-only",
            ));
        }
        let actor = visit.actor().expect("a session has an actor");
        let chosen = visit
            .jar
            .get(ENTERPRISE_COOKIE)
            .and_then(|c| c.value().parse::<EnterpriseId>().ok());
        let Some(enterprise_id) = session.identity.enterprise_id.or(chosen) else {
            return Err(Redirect::to("/enterprises").into_response());
        };
        let app = &visit.state.app;
        let enterprise = match app.tenancy().enterprise(&actor, enterprise_id).await {
            Ok(e) => e,
            // An operator's remembered enterprise that is gone: choose again.
            Err(switchboard_app::AppError::NotFound(_)) if role == AccountRole::Operator => {
                return Err(Redirect::to("/enterprises").into_response());
            }
            Err(e) => return Err(internal_error(visit, &e)),
        };
        let mut sites = match app.tenancy().sites(&actor, enterprise.id).await {
            Ok(s) => s,
            Err(e) => return Err(internal_error(visit, &e)),
        };
        sites.sort_by_key(|s| s.name.to_lowercase());
        let site = visit
            .jar
            .get(SITE_COOKIE)
            .and_then(|c| c.value().parse::<SiteId>().ok())
            .filter(|id| sites.iter().any(|s| s.id == *id))
            // One site in reach is always the site.
            .or_else(|| (sites.len() == 1).then(|| sites[0].id));
        Ok(Self {
            actor,
            role,
            enterprise,
            sites,
            site,
        })
    }

    pub fn is_operator(&self) -> bool {
        self.role == AccountRole::Operator
    }

    pub fn site_name(&self, id: SiteId) -> String {
        self.sites
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.clone())
            .unwrap_or_default()
    }

    /// Page chrome with the switcher and the administration navigation.
    pub fn chrome(&self, visit: &Visit, title_key: &str, path: &str) -> Chrome {
        let mut c = visit.chrome(title_key).at(path);
        c.switcher = Some(Switcher {
            enterprise: self.enterprise.name.clone(),
            operator: self.is_operator(),
            sites: self
                .sites
                .iter()
                .map(|s| (s.id.to_string(), s.name.clone(), Some(s.id) == self.site))
                .collect(),
        });
        c
    }
}

#[derive(Deserialize)]
pub struct SwitchQuery {
    #[serde(default)]
    site: String,
    #[serde(default)]
    enterprise: String,
    back: Option<String>,
}

/// The switcher (a GET form, so it works without JavaScript): remembers the choice, goes back.
/// Only a choice in reach is kept; anything else falls back to "all sites".
pub async fn switch(visit: Visit, jar: CookieJar, Query(q): Query<SwitchQuery>) -> Response {
    let back = safe_back(q.back).unwrap_or_else(|| "/users".into());
    let mut jar = jar;
    if let Ok(enterprise) = q.enterprise.parse::<EnterpriseId>()
        && let Some(actor) = visit.actor()
        && actor.is_operator()
        && visit
            .state
            .app
            .tenancy()
            .enterprise(&actor, enterprise)
            .await
            .is_ok()
    {
        jar = jar
            .add(cookie(ENTERPRISE_COOKIE, enterprise.to_string()))
            .add(removal(SITE_COOKIE));
        return (jar, Redirect::to(&back)).into_response();
    }
    jar = match q.site.parse::<SiteId>() {
        Ok(site) => jar.add(cookie(SITE_COOKIE, site.to_string())),
        Err(_) => jar.add(removal(SITE_COOKIE)),
    };
    (jar, Redirect::to(&back)).into_response()
}

/// Operators choose the enterprise they work in.
pub async fn enterprises(visit: Visit, jar: CookieJar) -> Response {
    if let Some(elsewhere) = require_full(&visit) {
        return elsewhere;
    }
    let actor = visit.actor().expect("session");
    if !actor.is_operator() {
        return Redirect::to("/users").into_response();
    }
    let list = match visit
        .state
        .app
        .tenancy()
        .list_enterprises(&actor, None, 500)
        .await
    {
        Ok(list) => list,
        Err(e) => return internal_error(&visit, &e),
    };
    let c = visit.chrome("enterprises-title").at("/enterprises");
    let page = EnterprisesPage {
        c,
        enterprises: list
            .into_iter()
            .map(|e| (e.id.to_string(), e.name, e.sip_domain))
            .collect(),
    };
    (clear_flash(jar, &visit), page).into_response()
}
