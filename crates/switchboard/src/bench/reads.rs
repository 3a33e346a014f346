//! P-1 and P-1b: pages of the users list over HTTP, and beside each the bare SELECT that
//! `users::list` runs for the same request, timed on the database directly in the same run.
//! The difference is what Switchboard adds: authentication, the enterprise check, the page's
//! add-ons/teams/numbers, JSON and HTTP.

use std::time::Instant;

use anyhow::{Context as _, bail};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sqlx::{AssertSqlSafe, Row as _};
use switchboard_domain::UserState;
use switchboard_store::users::{self, ListQuery, Search, SortKey};
use switchboard_store::{Backend, Conn, Db};

use crate::names::Names;
use crate::seed::SEEDED_EXTENSIONS;
use crate::setup::Tenant;
use crate::stats::{Latencies, thousands};

/// The page size asked for; the service reads one row more to know whether a next page exists.
const PAGE: usize = 50;
/// How deep the deep page is: the middle of the tenant, at most this (P-1: "at any depth").
const DEEP: u64 = 500_000;

/// One request: its query string, and the list query the service makes of it.
struct Probe {
    params: Vec<(&'static str, String)>,
    query: ListQuery,
}

/// A kind of request, with the varied probes to send.
struct Operation {
    label: String,
    probes: Vec<Probe>,
}

/// The figures of one operation.
pub struct ReadFigures {
    pub label: String,
    pub http: Latencies,
    pub raw: Latencies,
}

pub struct ReadSettings {
    pub users: u64,
    pub warmup: usize,
    pub samples: usize,
}

pub async fn measure(
    db: &Db,
    base_url: &str,
    tenant: &Tenant,
    settings: &ReadSettings,
) -> anyhow::Result<Vec<ReadFigures>> {
    let operations = operations(db, tenant, settings).await?;
    let client = reqwest::Client::builder().no_proxy().build()?;
    let url = format!("{base_url}/enterprises/{}/users", tenant.enterprise);
    let mut conn = db.read().await?;
    let mut figures = Vec::new();
    for operation in operations {
        let (http, http_rows) =
            http_series(&client, &url, &tenant.token, &operation, settings.warmup).await?;
        let (raw, raw_rows) =
            raw_series(&mut conn, db.backend(), &operation, settings.warmup).await?;
        // The raw query must be the one the service ran: same rows for every probe.
        if http_rows != raw_rows {
            bail!(
                "{}: the HTTP pages and the raw query returned different numbers of users",
                operation.label
            );
        }
        let mean_rows = http_rows.iter().sum::<usize>() as f64 / http_rows.len().max(1) as f64;
        eprintln!(
            "  measured {} ({mean_rows:.1} users per page)",
            operation.label
        );
        figures.push(ReadFigures {
            label: operation.label,
            http,
            raw,
        });
    }
    Ok(figures)
}

/// The list query of a plain first page, as `Users::list` builds it for an operator.
fn first_page(tenant: &Tenant) -> ListQuery {
    ListQuery {
        enterprise_id: tenant.enterprise,
        within_sites: None,
        state: None,
        site: None,
        role: None,
        licence: None,
        device_type: None,
        department: None,
        team: None,
        group: None,
        campaign: None,
        search: None,
        sort: SortKey::Name,
        descending: false,
        after: None,
        limit: PAGE as i64 + 1,
    }
}

/// The six operations, each with `warmup + samples` probes; searches vary from probe to probe.
async fn operations(
    db: &Db,
    tenant: &Tenant,
    settings: &ReadSettings,
) -> anyhow::Result<Vec<Operation>> {
    let count = settings.warmup + settings.samples;
    let mut names = Names::new(0xbe7c);
    let limit = ("limit", PAGE.to_string());
    let probes = |make: &mut dyn FnMut(usize) -> Probe| (0..count).map(make).collect::<Vec<_>>();

    let first = probes(&mut |_| Probe {
        params: vec![limit.clone()],
        query: first_page(tenant),
    });
    let filtered = probes(&mut |i| {
        let site = tenant.sites[i % 2];
        let params = vec![
            ("state", "active".to_owned()),
            ("site_id", site.to_string()),
            limit.clone(),
        ];
        Probe {
            params,
            query: ListQuery {
                state: Some(UserState::Active),
                site: Some(site),
                ..first_page(tenant)
            },
        }
    });
    let prefix = probes(&mut |_| {
        let q = names.last_name_prefix(3);
        let params = vec![
            ("q", q.clone()),
            ("match", "prefix".to_owned()),
            limit.clone(),
        ];
        Probe {
            params,
            query: ListQuery {
                search: Some(Search::NamePrefix(q)),
                ..first_page(tenant)
            },
        }
    });
    let contains = probes(&mut |_| {
        let q = names.last_name_piece(3, 5);
        let params = vec![
            ("q", q.clone()),
            ("match", "contains".to_owned()),
            limit.clone(),
        ];
        Probe {
            params,
            query: ListQuery {
                search: Some(Search::Contains(q)),
                ..first_page(tenant)
            },
        }
    });
    let extension = probes(&mut |_| {
        let q = (SEEDED_EXTENSIONS + names.below(settings.users)).to_string();
        Probe {
            params: vec![("q", q.clone()), limit.clone()],
            query: ListQuery {
                search: Some(Search::ExtensionPrefix(q)),
                ..first_page(tenant)
            },
        }
    });
    let depth = DEEP.min(settings.users / 2);
    let mut cursors = deep_cursors(db, tenant, depth, settings.users, count)
        .await?
        .into_iter();
    let deep = probes(&mut |_| {
        let (sort_name, id) = cursors.next().expect("one cursor per probe");
        let cursor = URL_SAFE_NO_PAD.encode(format!("name\n{sort_name}\n{id}"));
        Probe {
            params: vec![("cursor", cursor), limit.clone()],
            query: ListQuery {
                after: Some((sort_name, id)),
                ..first_page(tenant)
            },
        }
    });
    Ok(vec![
        Operation {
            label: "first page of 50".into(),
            probes: first,
        },
        Operation {
            label: "filtered page (state + site)".into(),
            probes: filtered,
        },
        Operation {
            label: "name prefix search (3 letters)".into(),
            probes: prefix,
        },
        Operation {
            label: "substring search (3-5 letters)".into(),
            probes: contains,
        },
        Operation {
            label: "extension lookup".into(),
            probes: extension,
        },
        Operation {
            label: format!("page at depth ≥ {}", thousands(depth)),
            probes: deep,
        },
    ])
}

/// `count` cursors (sort key and id of a user, as `encode_cursor` puts them) at positions
/// `depth`, `depth + stride`, … of the name order, spread over the rest of the tenant so each
/// deep page is a different one. One pass over the tenant with a window function.
async fn deep_cursors(
    db: &Db,
    tenant: &Tenant,
    depth: u64,
    users: u64,
    count: usize,
) -> anyhow::Result<Vec<(String, String)>> {
    let stride = (users.saturating_sub(depth + PAGE as u64) / count as u64).max(1);
    let mut conn = db.read().await?;
    let rows = sqlx::query(
        "SELECT sort_name, id FROM (SELECT sort_name, id, ROW_NUMBER() OVER (ORDER BY sort_name, id) AS position \
         FROM users WHERE enterprise_id = $1) ranked WHERE position >= $2 AND (position - $2) % $3 = 0 ORDER BY position LIMIT $4",
    )
    .bind(tenant.enterprise.to_string())
    .bind(depth as i64)
    .bind(stride as i64)
    .bind(count as i64)
    .fetch_all(&mut *conn)
    .await
    .context("finding deep cursors")?;
    let cursors: Vec<(String, String)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    if cursors.len() < count {
        bail!(
            "only {} users at depth {depth}; seed more users",
            cursors.len()
        );
    }
    Ok(cursors)
}

/// Sends every probe over one keep-alive connection; times from sending the request to having
/// the whole body. Returns the timings after the warm-up, and the users on each page.
async fn http_series(
    client: &reqwest::Client,
    url: &str,
    token: &str,
    operation: &Operation,
    warmup: usize,
) -> anyhow::Result<(Latencies, Vec<usize>)> {
    let mut latencies = Latencies::default();
    let mut rows = Vec::new();
    for (i, probe) in operation.probes.iter().enumerate() {
        let request = client
            .get(url)
            .bearer_auth(token)
            .query(&probe.params)
            .build()?;
        let started = Instant::now();
        let response = client.execute(request).await?;
        let status = response.status();
        let body = response.bytes().await?;
        let elapsed = started.elapsed();
        if !status.is_success() {
            bail!(
                "{}: {status} {}",
                operation.label,
                String::from_utf8_lossy(&body)
            );
        }
        if i >= warmup {
            latencies.push(elapsed);
            let page: serde_json::Value = serde_json::from_slice(&body)?;
            rows.push(page["items"].as_array().map_or(0, Vec::len));
        }
    }
    Ok((latencies, rows))
}

/// Runs the SELECT that `users::list` builds for every probe on one connection, the same way
/// (same text, binds and statement caching); times execution and fetching all rows.
async fn raw_series(
    conn: &mut Conn,
    backend: Backend,
    operation: &Operation,
    warmup: usize,
) -> anyhow::Result<(Latencies, Vec<usize>)> {
    let mut latencies = Latencies::default();
    let mut rows = Vec::new();
    for (i, probe) in operation.probes.iter().enumerate() {
        // The same statements `users::list` runs, in the same order (one, or for PostgreSQL's
        // substring search a bounded walk and, when that does not fill the page, the trigram index).
        let plan = users::list_plan(backend, &probe.query);
        let started = Instant::now();
        let mut found = Vec::new();
        for statement in plan {
            let query = statement.binds.into_iter().fold(
                sqlx::query(AssertSqlSafe(statement.sql)).persistent(statement.persistent),
                |q, value| q.bind(value),
            );
            found = query.fetch_all(&mut *conn).await?;
            if found.len() as i64 >= probe.query.limit {
                break;
            }
        }
        let elapsed = started.elapsed();
        if i >= warmup {
            latencies.push(elapsed);
            rows.push(found.len().min(PAGE));
        }
    }
    Ok((latencies, rows))
}
