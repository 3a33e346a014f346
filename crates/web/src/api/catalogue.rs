//! Licence and device catalogues, licence pools and purchases, the number pool.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use switchboard_app::catalogue::{NewDeviceType, NewLicenceType};
use switchboard_app::numbers::NumbersToLoad;
use switchboard_store::numbers::Availability;
use utoipa::IntoParams;

use super::dto::*;
use crate::AppState;
use crate::extract::{ApiJson, ApiQuery, Caller, path_id};
use crate::problem::{ApiError, ApiResult, Problem};

/// Add a licence type to the catalogue (operators).
#[utoipa::path(post, path = "/licence-types", tag = "catalogue", request_body = CreateLicenceType,
    responses((status = 201, body = LicenceTypeDto), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create_licence_type(
    State(s): State<AppState>,
    Caller(actor): Caller,
    ApiJson(body): ApiJson<CreateLicenceType>,
) -> ApiResult<(StatusCode, Json<LicenceTypeDto>)> {
    let input = NewLicenceType {
        code: body.code,
        name: body.name,
        names: body.names,
        kind: body.kind,
        monthly_price_cents: body.monthly_price_cents,
    };
    let licence = s.app.catalogue().create_licence_type(&actor, input).await?;
    Ok((StatusCode::CREATED, Json(licence.into())))
}

/// The licence catalogue: packages and add-ons (N-1).
#[utoipa::path(get, path = "/licence-types", tag = "catalogue", responses((status = 200, body = Vec<LicenceTypeDto>)))]
pub async fn list_licence_types(
    State(s): State<AppState>,
    Caller(_actor): Caller,
) -> ApiResult<Json<Vec<LicenceTypeDto>>> {
    Ok(Json(
        s.app
            .catalogue()
            .licence_types()
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

/// Add a device type to the catalogue (operators).
#[utoipa::path(post, path = "/device-types", tag = "catalogue", request_body = CreateDeviceType,
    responses((status = 201, body = DeviceTypeDto), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create_device_type(
    State(s): State<AppState>,
    Caller(actor): Caller,
    ApiJson(body): ApiJson<CreateDeviceType>,
) -> ApiResult<(StatusCode, Json<DeviceTypeDto>)> {
    let input = NewDeviceType {
        code: body.code,
        name: body.name,
        names: body.names,
        kind: body.kind,
    };
    let device = s.app.catalogue().create_device_type(&actor, input).await?;
    Ok((StatusCode::CREATED, Json(device.into())))
}

/// I-6: set a licence type's names in German and French (operators); `{"de": "…", "fr": "…"}`,
/// an empty one falling back to the English name.
#[utoipa::path(put, path = "/licence-types/{code}/names", tag = "catalogue",
    request_body = std::collections::BTreeMap<String, String>,
    responses((status = 200, body = LicenceTypeDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn set_licence_type_names(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(code): Path<String>,
    ApiJson(names): ApiJson<std::collections::BTreeMap<String, String>>,
) -> ApiResult<Json<LicenceTypeDto>> {
    let licence = s
        .app
        .catalogue()
        .set_licence_type_names(&actor, &code, names)
        .await?;
    Ok(Json(licence.into()))
}

/// I-6: set a device type's names in German and French (operators).
#[utoipa::path(put, path = "/device-types/{code}/names", tag = "catalogue",
    request_body = std::collections::BTreeMap<String, String>,
    responses((status = 200, body = DeviceTypeDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn set_device_type_names(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(code): Path<String>,
    ApiJson(names): ApiJson<std::collections::BTreeMap<String, String>>,
) -> ApiResult<Json<DeviceTypeDto>> {
    let device = s
        .app
        .catalogue()
        .set_device_type_names(&actor, &code, names)
        .await?;
    Ok(Json(device.into()))
}

/// The device-type catalogue (U-3).
#[utoipa::path(get, path = "/device-types", tag = "catalogue", responses((status = 200, body = Vec<DeviceTypeDto>)))]
pub async fn list_device_types(
    State(s): State<AppState>,
    Caller(_actor): Caller,
) -> ApiResult<Json<Vec<DeviceTypeDto>>> {
    Ok(Json(
        s.app
            .catalogue()
            .device_types()
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

/// Purchased, assigned and free licences per type, and the monthly total (N-3).
#[utoipa::path(get, path = "/enterprises/{id}/licences", tag = "licences", responses((status = 200, body = LicencesDto)))]
pub async fn licences(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<LicencesDto>> {
    let overview = s
        .app
        .catalogue()
        .licences(&actor, path_id(&id, "enterprise")?)
        .await?;
    Ok(Json(LicencesDto {
        pools: overview.pools.into_iter().map(Into::into).collect(),
        monthly_total_cents: overview.monthly_total_cents,
    }))
}

/// Record a licence purchase (operators).
#[utoipa::path(post, path = "/enterprises/{id}/licence-purchases", tag = "licences", request_body = CreatePurchase,
    responses((status = 201, body = PurchaseDto), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create_purchase(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<CreatePurchase>,
) -> ApiResult<(StatusCode, Json<PurchaseDto>)> {
    let purchase = s
        .app
        .catalogue()
        .record_purchase(
            &actor,
            path_id(&id, "enterprise")?,
            body.licence,
            body.quantity,
            body.note,
        )
        .await?;
    Ok((StatusCode::CREATED, Json(purchase.into())))
}

/// The purchase history (newest first).
#[utoipa::path(get, path = "/enterprises/{id}/licence-purchases", tag = "licences", responses((status = 200, body = Vec<PurchaseDto>)))]
pub async fn list_purchases(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<PurchaseDto>>> {
    let purchases = s
        .app
        .catalogue()
        .purchases(&actor, path_id(&id, "enterprise")?)
        .await?;
    Ok(Json(purchases.into_iter().map(Into::into).collect()))
}

/// Load one number or a range into the pool (operators; N-4). All or nothing.
#[utoipa::path(post, path = "/enterprises/{id}/numbers", tag = "numbers", request_body = LoadNumbers,
    responses((status = 201, body = LoadedNumbers), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn load_numbers(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<LoadNumbers>,
) -> ApiResult<(StatusCode, Json<LoadedNumbers>)> {
    let input = NumbersToLoad {
        number: body.number,
        first: body.first,
        last: body.last,
    };
    let numbers = s
        .app
        .numbers()
        .load(&actor, path_id(&id, "enterprise")?, input)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(LoadedNumbers {
            loaded: numbers.len(),
            first: numbers.first().map(ToString::to_string),
            last: numbers.last().map(ToString::to_string),
        }),
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct NumberListQuery {
    /// `free`, `assigned` or `all` (default).
    pub status: Option<String>,
    /// Only numbers starting with this, e.g. `+4930`.
    pub prefix: Option<String>,
    pub cursor: Option<String>,
    /// 1–500, default 100.
    pub limit: Option<i64>,
}

/// The number pool: free and assigned numbers, and to whom (N-4).
#[utoipa::path(get, path = "/enterprises/{id}/numbers", tag = "numbers", params(NumberListQuery),
    responses((status = 200, body = Page<NumberDto>), (status = 422, body = Problem)))]
pub async fn list_numbers(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<NumberListQuery>,
) -> ApiResult<Json<Page<NumberDto>>> {
    let availability = match q.status.as_deref() {
        None | Some("all") => Availability::Any,
        Some("free") => Availability::Free,
        Some("assigned") => Availability::Assigned,
        Some(other) => {
            return Err(ApiError(switchboard_app::AppError::invalid(
                "status",
                "invalid-choice",
                format!("'{other}' is not one of: free, assigned, all."),
            )));
        }
    };
    let limit = q.limit.unwrap_or(100).clamp(1, 500);
    let items = s
        .app
        .numbers()
        .list(
            &actor,
            path_id(&id, "enterprise")?,
            availability,
            q.prefix.as_deref(),
            q.cursor.as_deref(),
            limit + 1,
        )
        .await?;
    Ok(Json(Page::from_overfetch(items, limit, |n| {
        n.number.to_string()
    })))
}
