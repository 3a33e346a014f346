//! Where each site is (I-6), in the portal: its time zone, country and language, each either
//! the site's own or the enterprise's; enterprise administrators change them.

use axum::extract::{Form, Path};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use switchboard_app::AppError;
use switchboard_app::tenancy::{PlaceInput, SitePlace};
use switchboard_domain::{Country, Language, TimeZone};

use super::context::{Visit, errors_of};
use super::directory::Fields;
use super::i18n::Tr;
use super::pages::{SitePage, internal_error, status_for};
use super::workspace::Workspace;
use super::{clear_flash, redirect_with_flash};

/// The countries offered by name (the API takes any ISO 3166 code with telephone numbers).
pub const COUNTRIES: [&str; 20] = [
    "AT", "BE", "CH", "CZ", "DE", "DK", "ES", "FI", "FR", "GB", "IE", "IT", "LU", "NL", "NO", "PL",
    "PT", "SE", "US", "CA",
];

/// A site's row on the organisation page: (id, name, time zone, country, language), each
/// value in words, the enterprise's marked as such.
pub fn row(tr: &Tr, p: &SitePlace) -> (String, String, String, String, String) {
    let inherited = |own: bool, text: String| {
        if own {
            text
        } else {
            tr.t1("site-inherited", "value", &text)
        }
    };
    (
        p.site.id.to_string(),
        p.site.name.clone(),
        inherited(p.own.time_zone.is_some(), p.time_zone.name().to_owned()),
        inherited(
            p.own.country.is_some(),
            p.country
                .map(|c| country_name(tr, c))
                .unwrap_or_else(|| tr.t("site-no-country")),
        ),
        inherited(
            p.own.language.is_some(),
            tr.t(&format!("language-{}", p.language.as_str())),
        ),
    )
}

pub fn country_name(tr: &Tr, country: Country) -> String {
    tr.try_with(&format!("country-{}", country.code().to_lowercase()), [])
        .unwrap_or_else(|| country.code())
}

async fn open(visit: &Visit, id: &str) -> Result<(Workspace, SitePlace), Response> {
    let ws = Workspace::of(visit).await?;
    let places = visit
        .state
        .app
        .tenancy()
        .site_places(&ws.actor, ws.enterprise.id)
        .await
        .map_err(|e| internal_error(visit, &e))?;
    match places.into_iter().find(|p| p.site.id.to_string() == id) {
        Some(place) => Ok((ws, place)),
        None => Err(super::pages::not_found_page(visit)),
    }
}

pub async fn show(visit: Visit, jar: CookieJar, Path(id): Path<String>) -> Response {
    let (ws, place) = match open(&visit, &id).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    let typed = Fields(vec![
        (
            "time_zone".into(),
            place
                .own
                .time_zone
                .map(|z| z.name().to_owned())
                .unwrap_or_default(),
        ),
        (
            "country".into(),
            place.own.country.map(|c| c.code()).unwrap_or_default(),
        ),
        (
            "language".into(),
            place
                .own
                .language
                .map(|l| l.as_str().to_owned())
                .unwrap_or_default(),
        ),
    ]);
    (
        clear_flash(jar, &visit),
        form(&visit, &ws, &place, typed, Vec::new()),
    )
        .into_response()
}

fn form(
    visit: &Visit,
    ws: &Workspace,
    place: &SitePlace,
    typed: Fields,
    errors: Vec<(String, String)>,
) -> Response {
    let mut c = ws.chrome(visit, "site-title", "/organisation");
    c.title = c.tr.t1("site-title", "name", &place.site.name);
    let tr = c.tr;
    let defaults = &ws.enterprise;
    let option = |value: String, label: String, chosen: &str| {
        let selected = value == chosen;
        (value, label, selected)
    };
    let zone_chosen = typed.get("time_zone").to_owned();
    let mut zones: Vec<(String, String, bool)> = vec![option(
        String::new(),
        tr.t1(
            "site-enterprise-default",
            "value",
            defaults.time_zone.name(),
        ),
        &zone_chosen,
    )];
    zones.extend(
        TimeZone::choices().map(|z| option(z.name().to_owned(), z.name().to_owned(), &zone_chosen)),
    );
    let country_chosen = typed.get("country").to_owned();
    let mut countries = vec![option(
        String::new(),
        tr.t1(
            "site-enterprise-default",
            "value",
            &defaults
                .country
                .map(|c| country_name(&tr, c))
                .unwrap_or_else(|| tr.t("site-no-country")),
        ),
        &country_chosen,
    )];
    let mut named: Vec<(String, String, bool)> = COUNTRIES
        .iter()
        .filter_map(|code| Country::parse(code))
        .map(|c| option(c.code(), country_name(&tr, c), &country_chosen))
        .collect();
    named.sort_by_key(|(_, name, _)| name.to_lowercase());
    countries.extend(named);
    let language_chosen = typed.get("language").to_owned();
    let mut languages = vec![option(
        String::new(),
        tr.t1(
            "site-enterprise-default",
            "value",
            &tr.t(&format!("language-{}", defaults.language.as_str())),
        ),
        &language_chosen,
    )];
    languages.extend(
        [Language::English, Language::German, Language::French]
            .into_iter()
            .map(|l| {
                option(
                    l.as_str().to_owned(),
                    tr.t(&format!("language-{}", l.as_str())),
                    &language_chosen,
                )
            }),
    );
    let status = status_for(&errors);
    (
        status,
        SitePage {
            c: c.with_errors(errors),
            site_id: place.site.id.to_string(),
            fields: vec![
                ("time_zone", "site-time-zone", zones),
                ("country", "site-country", countries),
                ("language", "site-language", languages),
            ],
        },
    )
        .into_response()
}

pub async fn save(
    visit: Visit,
    jar: CookieJar,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(pairs);
    let back = format!("/organisation/sites/{id}");
    if let Err(answer) = super::admin_form(&visit, &jar, fields.get("csrf"), &back).await {
        return answer;
    }
    let (ws, place) = match open(&visit, &id).await {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    let input = PlaceInput {
        time_zone: Some(fields.get("time_zone").to_owned()),
        country: Some(fields.get("country").to_owned()),
        language: Some(fields.get("language").to_owned()),
    };
    match visit
        .state
        .app
        .tenancy()
        .set_site_place(&ws.actor, place.site.id, input)
        .await
    {
        Ok(_) => redirect_with_flash(jar, "/organisation", "site-saved"),
        Err(e) if e.is_refusal() => {
            let errors = errors_of(&visit.tr(), &e);
            form(&visit, &ws, &place, fields, errors)
        }
        Err(e) => internal_error(&visit, &e as &AppError),
    }
}
