//! The licences page (N-3, seed 002: purchased, assigned, free per type and the monthly total;
//! operators record purchases) and the numbers page (N-4: the pool, free or assigned and to
//! whom), plus the free-number lookup of the number pickers.

use axum::Json;
use axum::extract::{Form, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use switchboard_app::AppError;
use switchboard_store::numbers::Availability;

use super::context::{Visit, errors_of};
use super::directory::{Directory, Fields, next_after};
use super::pages::{
    LicenceRow, LicencesPage, MainNumberRow, NumberRow, NumbersPage, internal_error,
};
use super::workspace::Workspace;
use super::{clear_flash, redirect_with_flash, signed_in_form};

const NUMBERS_PAGE: i64 = 100;

/// "12,90 €" in German and French, "€12.90" in English.
pub fn money(tr: &super::i18n::Tr, cents: i64) -> String {
    let (whole, rest) = (cents / 100, (cents % 100).abs());
    let grouped = |sep: char| {
        let digits = whole.abs().to_string();
        let mut out = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(sep);
            }
            out.push(ch);
        }
        if whole < 0 { format!("-{out}") } else { out }
    };
    match tr.code() {
        "de" => format!("{},{rest:02} €", grouped('.')),
        "fr" => format!("{},{rest:02} €", grouped('\u{202f}')),
        _ => format!("€{}.{rest:02}", grouped(',')),
    }
}

pub async fn licences(visit: Visit, jar: CookieJar) -> Response {
    let ws = match Workspace::of(&visit).await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    match licences_page(&visit, &ws, Fields::default(), Vec::new()).await {
        Ok(page) => (clear_flash(jar, &visit), page).into_response(),
        Err(e) => internal_error(&visit, &e),
    }
}

async fn licences_page(
    visit: &Visit,
    ws: &Workspace,
    typed: Fields,
    errors: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let directory = Directory::load(visit, ws).await?;
    let c = ws.chrome(visit, "licences-title", "/licences");
    let tr = c.tr;
    let total: i64 = directory
        .pools
        .iter()
        .map(|p| p.purchased * p.licence.monthly_price_cents)
        .sum();
    let rows = directory
        .pools
        .iter()
        .map(|p| LicenceRow {
            code: p.licence.code.to_string(),
            name: p.licence.name.clone(),
            kind: tr.t(&format!("licence-kind-{}", p.licence.kind.as_str())),
            purchased: p.purchased,
            assigned: p.assigned,
            free: p.purchased - p.assigned,
            price: money(&tr, p.licence.monthly_price_cents),
            monthly: money(&tr, p.purchased * p.licence.monthly_price_cents),
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        LicencesPage {
            c: c.with_errors(errors),
            rows,
            total: money(&tr, total),
            operator: ws.is_operator(),
            typed,
        },
    )
        .into_response())
}

/// Operators record a purchase (or, negative, a cancellation down to what is assigned).
pub async fn purchase(
    visit: Visit,
    jar: CookieJar,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    if let Err(answer) = signed_in_form(&visit, &jar, fields.get("csrf"), "/licences") {
        return *answer;
    }
    let ws = match Workspace::of(&visit).await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    // Not a whole number: the service's range check names the field.
    let quantity = fields
        .opt("quantity")
        .map(|q| q.parse::<i64>().unwrap_or(0));
    match visit
        .state
        .app
        .catalogue()
        .record_purchase(
            &ws.actor,
            ws.enterprise.id,
            fields.opt("licence"),
            quantity,
            fields.opt("note"),
        )
        .await
    {
        Ok(_) => redirect_with_flash(jar, "/licences", "purchase-recorded"),
        Err(e) if e.is_refusal() => {
            let errors = errors_of(&visit.tr(), &e);
            match licences_page(&visit, &ws, fields.typed(), errors).await {
                Ok(page) => page,
                Err(e) => internal_error(&visit, &e),
            }
        }
        Err(e) => internal_error(&visit, &e),
    }
}

/// The number pool, by availability and prefix, in number order (keyset on the number).
pub async fn numbers(
    visit: Visit,
    jar: CookieJar,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Response {
    let ws = match Workspace::of(&visit).await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    match numbers_page(&visit, &ws, Fields(pairs), None, Vec::new()).await {
        Ok(page) => (clear_flash(jar, &visit), page).into_response(),
        Err(e) => internal_error(&visit, &e),
    }
}

/// S-6: gives a site a main number from the pool, or (empty) gives it back.
pub async fn set_main_number(
    visit: Visit,
    jar: CookieJar,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let ws = match super::admin_form(&visit, &jar, fields.get("csrf"), "/numbers").await {
        Ok(ws) => ws,
        Err(answer) => return answer,
    };
    let Some(site) = ws
        .sites
        .iter()
        .find(|s| s.id.to_string() == fields.get("site_id"))
        .map(|s| s.id)
    else {
        return super::pages::not_found_page(&visit);
    };
    let number = fields.get("number").trim().to_owned();
    match visit
        .state
        .app
        .numbers()
        .set_site_main(&ws.actor, site, Some(&number))
        .await
    {
        Ok(Some(_)) => redirect_with_flash(jar, "/numbers", "main-number-saved"),
        Ok(None) => redirect_with_flash(jar, "/numbers", "main-number-removed"),
        Err(e @ AppError::Internal(_)) => internal_error(&visit, &e),
        Err(e) => {
            // The refusal belongs to this site's field of the page's forms.
            let errors = errors_of(&visit.tr(), &e)
                .into_iter()
                .map(|(_, message)| (format!("main-{site}"), message))
                .collect();
            match numbers_page(
                &visit,
                &ws,
                Fields(Vec::new()),
                Some((site, number)),
                errors,
            )
            .await
            {
                Ok(page) => page,
                Err(e) => internal_error(&visit, &e),
            }
        }
    }
}

/// The numbers page: the sites' main numbers (with `typed` kept in its site's field after a
/// refusal) and a page of the pool.
async fn numbers_page(
    visit: &Visit,
    ws: &Workspace,
    fields: Fields,
    typed: Option<(switchboard_domain::SiteId, String)>,
    errors: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let availability = match fields.get("show") {
        "free" => Availability::Free,
        "assigned" => Availability::Assigned,
        _ => Availability::Any,
    };
    let c = ws.chrome(visit, "numbers-title", "/numbers");
    let prefix = fields.opt("prefix");
    let after = fields.opt("after");
    let mut errors = errors;
    let result = visit
        .state
        .app
        .numbers()
        .list(
            &ws.actor,
            ws.enterprise.id,
            availability,
            prefix.as_deref(),
            after.as_deref(),
            NUMBERS_PAGE + 1,
        )
        .await;
    let mut list = match result {
        Ok(list) => list,
        Err(e) if e.is_refusal() => {
            errors.extend(errors_of(&c.tr, &e));
            Vec::new()
        }
        Err(e) => return Err(e),
    };
    let mut mains = Vec::with_capacity(ws.sites.len());
    for site in &ws.sites {
        let (_, number) = visit
            .state
            .app
            .numbers()
            .site_main(&ws.actor, site.id)
            .await?;
        mains.push(MainNumberRow {
            site_id: site.id.to_string(),
            site_name: site.name.clone(),
            number: match &typed {
                Some((id, typed)) if *id == site.id => typed.clone(),
                _ => number.as_ref().map(|n| n.to_string()).unwrap_or_default(),
            },
            set: number.is_some(),
        });
    }
    let next = next_after(&mut list, NUMBERS_PAGE as usize)
        .map(|n| fields.link("/numbers", &["after"], &[("after", n.number.as_str())]));
    let tr = c.tr;
    let rows = list
        .into_iter()
        .map(|n| {
            let free = n.usage.is_none() && n.group.is_none() && n.main_of_site.is_none();
            NumberRow {
                number: n.number.to_string(),
                status: tr.t(if free {
                    "number-free"
                } else {
                    "number-assigned"
                }),
                free,
                usage: n
                    .usage
                    .map(|u| tr.t(&format!("number-usage-{}", u.as_str())))
                    .unwrap_or_default(),
                user: n
                    .user_id
                    .map(|id| (id.to_string(), n.user_name.clone().unwrap_or_default())),
                group: n.group.map(|(id, name)| (id.to_string(), name)),
                main_of_site: n.main_of_site.map(|(_, name)| name),
            }
        })
        .collect();
    let page = NumbersPage {
        c: c.with_errors(errors.clone()),
        rows,
        mains,
        show: fields.get("show").to_owned(),
        prefix: prefix.unwrap_or_default(),
        next,
        first: after.map(|_| fields.link("/numbers", &["after"], &[])),
    };
    Ok((super::pages::status_for(&errors), page).into_response())
}

/// The number pickers' suggestions: free numbers starting with what was typed (JSON).
pub async fn free_numbers(visit: Visit, Query(pairs): Query<Vec<(String, String)>>) -> Response {
    let ws = match Workspace::of(&visit).await {
        Ok(ws) => ws,
        Err(_) => return StatusCode::FORBIDDEN.into_response(),
    };
    let fields = Fields(pairs);
    let prefix = fields.opt("prefix");
    match visit
        .state
        .app
        .numbers()
        .list(
            &ws.actor,
            ws.enterprise.id,
            Availability::Free,
            prefix.as_deref(),
            None,
            50,
        )
        .await
    {
        Ok(list) => Json(
            list.into_iter()
                .map(|n| n.number.to_string())
                .collect::<Vec<_>>(),
        )
        .into_response(),
        Err(e) if e.is_refusal() => Json(Vec::<String>::new()).into_response(),
        Err(e) => internal_error(&visit, &e),
    }
}
