//! /enterprises, /sites, departments and teams.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use serde::Deserialize;
use switchboard_app::tenancy::{EnterpriseChanges, NewEnterprise, PlaceInput};
use switchboard_domain::{EnterpriseId, SiteId};
use utoipa::IntoParams;

use super::dto::*;
use crate::AppState;
use crate::extract::{ApiJson, ApiQuery, Caller, IfMatch, etag, path_id};
use crate::problem::{ApiResult, Problem};

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct EnterpriseListQuery {
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Page size, 1–500 (default 100).
    pub limit: Option<i64>,
}

/// Create an enterprise (operators).
#[utoipa::path(post, path = "/enterprises", tag = "enterprises", request_body = CreateEnterprise,
    responses((status = 201, body = EnterpriseDto), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create_enterprise(
    State(s): State<AppState>,
    Caller(actor): Caller,
    ApiJson(body): ApiJson<CreateEnterprise>,
) -> ApiResult<(StatusCode, Json<EnterpriseDto>)> {
    let input = NewEnterprise {
        name: body.name,
        sip_domain: body.sip_domain,
        contact_email: body.contact_email,
        extension_min_len: body.extension_min_len,
        extension_max_len: body.extension_max_len,
        place: PlaceInput {
            time_zone: body.time_zone,
            country: body.country,
            language: body.language,
        },
    };
    let enterprise = s.app.tenancy().create_enterprise(&actor, input).await?;
    Ok((StatusCode::CREATED, Json(enterprise.into())))
}

/// List enterprises: all for operators, one's own for administrators.
#[utoipa::path(get, path = "/enterprises", tag = "enterprises", params(EnterpriseListQuery),
    responses((status = 200, body = Page<EnterpriseDto>)))]
pub async fn list_enterprises(
    State(s): State<AppState>,
    Caller(actor): Caller,
    ApiQuery(q): ApiQuery<EnterpriseListQuery>,
) -> ApiResult<Json<Page<EnterpriseDto>>> {
    let limit = q.limit.unwrap_or(100).clamp(1, 500);
    let items = s
        .app
        .tenancy()
        .list_enterprises(&actor, q.cursor.as_deref(), limit + 1)
        .await?;
    Ok(Json(Page::from_overfetch(items, limit, |e| e.name.clone())))
}

/// Get an enterprise.
#[utoipa::path(get, path = "/enterprises/{id}", tag = "enterprises",
    responses((status = 200, body = EnterpriseDto), (status = 404, body = Problem)))]
pub async fn get_enterprise(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<(HeaderMap, Json<EnterpriseDto>)> {
    let enterprise = s
        .app
        .tenancy()
        .enterprise(&actor, path_id(&id, "enterprise")?)
        .await?;
    Ok((etag_header(enterprise.version), Json(enterprise.into())))
}

/// Change an enterprise (operators; needs `If-Match`).
#[utoipa::path(patch, path = "/enterprises/{id}", tag = "enterprises", request_body = UpdateEnterprise,
    responses((status = 200, body = EnterpriseDto), (status = 412, body = Problem), (status = 428, body = Problem)))]
pub async fn update_enterprise(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    if_match: IfMatch,
    ApiJson(body): ApiJson<UpdateEnterprise>,
) -> ApiResult<(HeaderMap, Json<EnterpriseDto>)> {
    let id: EnterpriseId = path_id(&id, "enterprise")?;
    let current = s.app.tenancy().enterprise(&actor, id).await?;
    let changes = EnterpriseChanges {
        name: body.name,
        contact_email: body.contact_email,
        extension_min_len: body.extension_min_len,
        extension_max_len: body.extension_max_len,
        place: PlaceInput {
            time_zone: body.time_zone,
            country: body.country,
            language: body.language,
        },
    };
    let enterprise = s
        .app
        .tenancy()
        .update_enterprise(&actor, id, if_match.version(|| current.version), changes)
        .await?;
    Ok((etag_header(enterprise.version), Json(enterprise.into())))
}

/// Add a site (operators, enterprise administrators).
#[utoipa::path(post, path = "/enterprises/{id}/sites", tag = "enterprises", request_body = CreateNamed,
    responses((status = 201, body = UnitDto), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create_site(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<CreateNamed>,
) -> ApiResult<(StatusCode, Json<UnitDto>)> {
    let site = s
        .app
        .tenancy()
        .create_site(&actor, path_id(&id, "enterprise")?, body.name)
        .await?;
    Ok((StatusCode::CREATED, Json(site.into())))
}

/// List the sites in reach (a site administrator sees their own).
#[utoipa::path(get, path = "/enterprises/{id}/sites", tag = "enterprises", responses((status = 200, body = Vec<UnitDto>)))]
pub async fn list_sites(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<UnitDto>>> {
    let sites = s
        .app
        .tenancy()
        .sites(&actor, path_id(&id, "enterprise")?)
        .await?;
    Ok(Json(sites.into_iter().map(Into::into).collect()))
}

/// Get a site.
#[utoipa::path(get, path = "/sites/{id}", tag = "enterprises", responses((status = 200, body = UnitDto), (status = 404, body = Problem)))]
pub async fn get_site(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<UnitDto>> {
    let site_id: SiteId = path_id(&id, "site")?;
    Ok(Json(s.app.tenancy().site(&actor, site_id).await?.into()))
}

/// I-6: the sites of an enterprise in reach with their time zone, country and language.
#[utoipa::path(get, path = "/enterprises/{id}/site-places", tag = "enterprises",
    responses((status = 200, body = Vec<SitePlaceDto>)))]
pub async fn list_site_places(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<SitePlaceDto>>> {
    let places = s
        .app
        .tenancy()
        .site_places(&actor, path_id(&id, "enterprise")?)
        .await?;
    Ok(Json(places.into_iter().map(Into::into).collect()))
}

/// I-6: set a site's time zone, country or language (enterprise administrators); a field given
/// empty takes the enterprise's again.
#[utoipa::path(patch, path = "/sites/{id}/place", tag = "enterprises", request_body = UpdateSitePlace,
    responses((status = 200, body = SitePlaceDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update_site_place(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<UpdateSitePlace>,
) -> ApiResult<Json<SitePlaceDto>> {
    let site: SiteId = path_id(&id, "site")?;
    let place = s
        .app
        .tenancy()
        .set_site_place(
            &actor,
            site,
            PlaceInput {
                time_zone: body.time_zone,
                country: body.country,
                language: body.language,
            },
        )
        .await?;
    Ok(Json(place.into()))
}

/// S-6: a site's main number, which its users may show callers as their caller ID.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct MainNumberDto {
    pub site_id: String,
    /// None: the site has no main number.
    pub number: Option<String>,
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetMainNumber {
    /// A free number of the enterprise's pool.
    pub number: Option<String>,
}

/// A site's main number (S-6).
#[utoipa::path(get, path = "/sites/{id}/main-number", tag = "enterprises",
    responses((status = 200, body = MainNumberDto), (status = 404, body = Problem)))]
pub async fn get_main_number(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<MainNumberDto>> {
    let (site, number) = s
        .app
        .numbers()
        .site_main(&actor, path_id(&id, "site")?)
        .await?;
    Ok(Json(MainNumberDto {
        site_id: site.id.to_string(),
        number: number.map(|n| n.to_string()),
    }))
}

/// Make a free number of the pool the site's main number (administrators of the site); the
/// one it had goes back to the pool. Its users may then show it as their caller ID.
#[utoipa::path(put, path = "/sites/{id}/main-number", tag = "enterprises", request_body = SetMainNumber,
    responses((status = 200, body = MainNumberDto), (status = 409, description = "number-taken", body = Problem),
        (status = 422, description = "unknown-number, invalid number", body = Problem)))]
pub async fn put_main_number(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SetMainNumber>,
) -> ApiResult<Json<MainNumberDto>> {
    let site: SiteId = path_id(&id, "site")?;
    let Some(wanted) = body.number.filter(|n| !n.trim().is_empty()) else {
        return Err(switchboard_app::AppError::invalid(
            "number",
            "required",
            "Give the number, or DELETE the main number to remove it.",
        )
        .into());
    };
    let number = s
        .app
        .numbers()
        .set_site_main(&actor, site, Some(&wanted))
        .await?;
    Ok(Json(MainNumberDto {
        site_id: site.to_string(),
        number: number.map(|n| n.to_string()),
    }))
}

/// The site has no main number any more: it goes back to the pool, and users who showed it
/// show their own number again.
#[utoipa::path(delete, path = "/sites/{id}/main-number", tag = "enterprises",
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn delete_main_number(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    s.app
        .numbers()
        .set_site_main(&actor, path_id(&id, "site")?, None)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Add a department (G-4: it must exist before users are put in it).
#[utoipa::path(post, path = "/enterprises/{id}/departments", tag = "enterprises", request_body = CreateNamed,
    responses((status = 201, body = UnitDto), (status = 409, body = Problem)))]
pub async fn create_department(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<CreateNamed>,
) -> ApiResult<(StatusCode, Json<UnitDto>)> {
    let unit = s
        .app
        .tenancy()
        .create_department(&actor, path_id(&id, "enterprise")?, body.name)
        .await?;
    Ok((StatusCode::CREATED, Json(unit.into())))
}

/// List departments.
#[utoipa::path(get, path = "/enterprises/{id}/departments", tag = "enterprises", responses((status = 200, body = Vec<UnitDto>)))]
pub async fn list_departments(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<UnitDto>>> {
    let units = s
        .app
        .tenancy()
        .departments(&actor, path_id(&id, "enterprise")?)
        .await?;
    Ok(Json(units.into_iter().map(Into::into).collect()))
}

/// Add a team.
#[utoipa::path(post, path = "/enterprises/{id}/teams", tag = "enterprises", request_body = CreateNamed,
    responses((status = 201, body = UnitDto), (status = 409, body = Problem)))]
pub async fn create_team(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<CreateNamed>,
) -> ApiResult<(StatusCode, Json<UnitDto>)> {
    let unit = s
        .app
        .tenancy()
        .create_team(&actor, path_id(&id, "enterprise")?, body.name)
        .await?;
    Ok((StatusCode::CREATED, Json(unit.into())))
}

/// List teams.
#[utoipa::path(get, path = "/enterprises/{id}/teams", tag = "enterprises", responses((status = 200, body = Vec<UnitDto>)))]
pub async fn list_teams(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<UnitDto>>> {
    let units = s
        .app
        .tenancy()
        .teams(&actor, path_id(&id, "enterprise")?)
        .await?;
    Ok(Json(units.into_iter().map(Into::into).collect()))
}

pub fn etag_header(version: i64) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(
        header::ETAG,
        etag(version)
            .parse()
            .expect("an ETag is a valid header value"),
    );
    headers
}
