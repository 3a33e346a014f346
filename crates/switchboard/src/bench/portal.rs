//! Issue 5's page goal: every administration page of the portal in under 100 ms of server time
//! in a tenant of this size. An enterprise administrator signs in once over HTTP (one Argon2
//! hash), then each page is fetched `samples` times on one keep-alive connection; on loopback
//! the client's latency is the server's time plus well under a millisecond.

use std::time::Instant;

use anyhow::{Context as _, bail};
use switchboard_app::users::NewUser;
use switchboard_app::{Actor, App};

use crate::setup::Tenant;
use crate::stats::Latencies;

const PASSWORD: &str = "copper kettle drifts north";
/// The portal's goal for a page's server time (issue 5).
pub const PAGE_GOAL_MS: f64 = 100.0;

pub struct PageFigures {
    pub label: &'static str,
    pub latencies: Latencies,
}

/// A cookie-keeping client of the portal (the `__Host-` cookies are kept by hand: they are
/// Secure, and the bench talks plain HTTP to loopback as browsers allow).
struct Visitor {
    http: reqwest::Client,
    base: String,
    cookies: Vec<(String, String)>,
}

impl Visitor {
    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep(&mut self, response: &reqwest::Response) {
        for value in response.headers().get_all("set-cookie") {
            let raw = value.to_str().unwrap_or_default();
            let pair = raw.split(';').next().unwrap_or_default();
            if let Some((name, value)) = pair.split_once('=') {
                self.cookies.retain(|(k, _)| k != name);
                if !value.is_empty() {
                    self.cookies.push((name.to_owned(), value.to_owned()));
                }
            }
        }
    }

    async fn get(&mut self, path: &str) -> anyhow::Result<String> {
        let response = self
            .http
            .get(format!("{}{path}", self.base))
            .header("cookie", self.cookie_header())
            .send()
            .await?;
        self.keep(&response);
        let status = response.status();
        let body = response.text().await?;
        if !status.is_success() {
            bail!("GET {path} answered {status}");
        }
        Ok(body)
    }

    async fn sign_in(&mut self, login: &str) -> anyhow::Result<()> {
        let page = self.get("/sign-in").await?;
        let marker = "name=\"csrf\" value=\"";
        let at = page
            .find(marker)
            .context("the sign-in form has a CSRF token")?
            + marker.len();
        let csrf = page[at..at + page[at..].find('"').unwrap_or(0)].to_owned();
        let response = self
            .http
            .post(format!("{}/sign-in", self.base))
            .header("cookie", self.cookie_header())
            .form(&[
                ("csrf", csrf.as_str()),
                ("login", login),
                ("password", PASSWORD),
            ])
            .send()
            .await?;
        self.keep(&response);
        if !self.cookies.iter().any(|(k, _)| k == "__Host-sb_session") {
            bail!(
                "the bench administrator could not sign in ({})",
                response.status()
            );
        }
        Ok(())
    }
}

/// Signs in an enterprise administrator of `tenant` and times each administration page.
pub async fn measure(
    app: &App,
    base: &str,
    tenant: &Tenant,
    warmup: usize,
    samples: usize,
) -> anyhow::Result<Vec<PageFigures>> {
    let actor = Actor::system("switchboard-bench");
    let login = "bench.admin@bench.example";
    // The administrator's own licence comes on top of those the create measurements count on.
    app.catalogue()
        .record_purchase(
            &actor,
            tenant.enterprise,
            Some(crate::setup::PACKAGE.into()),
            Some(1),
            Some("bench administrator".into()),
        )
        .await
        .map_err(|e| anyhow::anyhow!("bench administrator's licence: {e:?}"))?;
    let admin = app
        .users()
        .create(
            &actor,
            tenant.enterprise,
            NewUser {
                site_id: Some(tenant.sites[0].to_string()),
                first_name: Some("Bench".into()),
                last_name: Some("Admin".into()),
                email: Some(login.into()),
                role: Some("enterprise_admin".into()),
                package_licence: Some(crate::setup::PACKAGE.into()),
                extension: Some("99".into()),
                device_type: Some(crate::setup::DEVICE.into()),
                password: Some(PASSWORD.into()),
                must_change_password: Some(false),
                ..Default::default()
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("bench administrator: {e:?}"))?;
    let some_user = app
        .users()
        .list(&actor, tenant.enterprise, Default::default())
        .await
        .map_err(|e| anyhow::anyhow!("a user to open: {e:?}"))?
        .users
        .into_iter()
        .find(|u| u.id != admin.user.id)
        .context("the tenant has users")?;
    // Issue 19: a hunt group of the first site, whose page's picker finds people by name.
    let group = app
        .groups()
        .create(
            &actor,
            tenant.enterprise,
            switchboard_app::groups::NewGroup {
                site_id: Some(tenant.sites[0].to_string()),
                kind: Some("hunt".into()),
                name: Some("Bench Hotline".into()),
                extension: Some("98".into()),
                ..Default::default()
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("bench hunt group: {e:?}"))?;
    let mut visitor = Visitor {
        http: reqwest::Client::builder()
            .no_proxy()
            // The session cookie comes with the sign-in's 303; keep it rather than follow.
            .redirect(reqwest::redirect::Policy::none())
            .build()?,
        base: base.to_owned(),
        cookies: Vec::new(),
    };
    visitor.sign_in(login).await?;
    let user = some_user.id;
    let pages: Vec<(&'static str, String)> = vec![
        ("users list, first page", "/users".into()),
        (
            "users list, search as you type",
            "/users?q=muel&partial=1".into(),
        ),
        (
            "users list, state + site filter",
            format!("/users?state=active&site={}", tenant.sites[1]),
        ),
        (
            "users list, sorted by extension",
            "/users?sort=-extension".into(),
        ),
        ("add user form", "/users/new".into()),
        ("user page", format!("/users/{user}")),
        ("edit user form", format!("/users/{user}/edit")),
        (
            "delete confirmation",
            format!("/users/{user}/confirm/delete"),
        ),
        ("licences", "/licences".into()),
        ("numbers", "/numbers".into()),
        ("audit log", "/audit".into()),
        // Issue 19.
        ("start page (what needs attention)", "/".into()),
        ("organisation (with member counts)", "/organisation".into()),
        (
            "audit log, one kind of event",
            "/audit?event=user.created".into(),
        ),
        (
            "group page with the picker's search",
            format!("/groups/{}?for=member&find=muel", group.id),
        ),
    ];
    let mut figures = Vec::new();
    for (label, path) in pages {
        for _ in 0..warmup {
            visitor.get(&path).await?;
        }
        let mut latencies = Latencies::default();
        for _ in 0..samples {
            let started = Instant::now();
            visitor.get(&path).await?;
            latencies.push(started.elapsed());
        }
        figures.push(PageFigures { label, latencies });
    }
    Ok(figures)
}
