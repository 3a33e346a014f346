//! S-5: soft-client provisioning — a one-time link with a QR code for a user's mobile or
//! desktop client, and its redemption by the client (the token is the only credential).

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use serde::{Deserialize, Serialize};
use switchboard_app::provisioning::{Issued, SoftClientInfo, SoftClientLogin};
use utoipa::ToSchema;

use crate::AppState;
use crate::extract::{ApiJson, Caller, path_id};
use crate::problem::{ApiResult, Problem};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewLink {
    /// `mobile` or `desktop`.
    pub variant: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LinkDto {
    pub variant: String,
    /// Where the client redeems the token (`POST`); shown once, also as `qr_svg`.
    pub link: String,
    pub expires_at: String,
    /// The link as a QR code, an SVG document.
    pub qr_svg: String,
}

impl From<Issued> for LinkDto {
    fn from(i: Issued) -> Self {
        Self {
            qr_svg: qr_svg(&i.link),
            variant: i.variant,
            link: i.link,
            expires_at: i.expires_at.to_rfc3339(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SoftClientDto {
    pub variant: String,
    pub username: String,
    pub since: String,
}

impl From<SoftClientInfo> for SoftClientDto {
    fn from(c: SoftClientInfo) -> Self {
        Self {
            variant: c.variant,
            username: c.username,
            since: c.since.to_rfc3339(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SoftClientList {
    pub items: Vec<SoftClientDto>,
}

/// The client's SIP settings, returned once.
#[derive(Debug, Serialize, ToSchema)]
pub struct SipSettingsDto {
    pub variant: String,
    pub username: String,
    pub password: String,
    /// The SIP domain, also the digest realm and the registrar.
    pub domain: String,
    pub display_name: String,
    pub extension: String,
}

impl From<SoftClientLogin> for SipSettingsDto {
    fn from(l: SoftClientLogin) -> Self {
        Self {
            variant: l.variant,
            username: l.username,
            password: l.password,
            domain: l.domain,
            display_name: l.display_name,
            extension: l.extension,
        }
    }
}

/// A QR code of `text` as an SVG document (dark modules on white, with the quiet zone).
pub fn qr_svg(text: &str) -> String {
    match qrcode::QrCode::new(text.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(240, 240)
            .build(),
        // A link is far below a QR code's capacity; should it not fit, the link is still shown.
        Err(_) => String::new(),
    }
}

fn no_store() -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers
}

/// A one-time provisioning link for the user's `mobile` or `desktop` soft client (S-5), for
/// the user themselves or an administrator in reach. An earlier unused link for the same client
/// stops working. The link never carries a SIP password.
#[utoipa::path(post, path = "/users/{id}/soft-clients", tag = "users", request_body = NewLink,
    responses((status = 201, body = LinkDto), (status = 409, description = "user-not-active", body = Problem),
        (status = 422, body = Problem)))]
pub async fn issue_link(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<NewLink>,
) -> ApiResult<(StatusCode, HeaderMap, Json<LinkDto>)> {
    let issued = s
        .app
        .provisioning()
        .issue(
            &actor,
            path_id(&id, "user")?,
            b.variant.as_deref().unwrap_or_default(),
        )
        .await?;
    Ok((StatusCode::CREATED, no_store(), Json(issued.into())))
}

/// The soft clients a user has set up.
#[utoipa::path(get, path = "/users/{id}/soft-clients", tag = "users",
    responses((status = 200, body = SoftClientList), (status = 404, body = Problem)))]
pub async fn list(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<SoftClientList>> {
    let clients = s
        .app
        .provisioning()
        .soft_clients(&actor, path_id(&id, "user")?)
        .await?;
    Ok(Json(SoftClientList {
        items: clients.into_iter().map(Into::into).collect(),
    }))
}

/// Redeem a provisioning link (S-5): the soft client's SIP settings, once. No bearer token:
/// the link's token is the credential. Used: `410 link-used`; expired: `410 link-expired`.
#[utoipa::path(post, path = "/provisioning/{token}", tag = "users", security(()),
    responses((status = 200, body = SipSettingsDto), (status = 404, body = Problem),
        (status = 410, description = "link-used, link-expired", body = Problem)))]
pub async fn redeem(
    State(s): State<AppState>,
    extensions: axum::http::Extensions,
    Path(token): Path<String>,
) -> ApiResult<(HeaderMap, Json<SipSettingsDto>)> {
    let login = s
        .app
        .provisioning()
        .redeem(
            &token,
            extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(addr)| addr.ip().to_string()),
        )
        .await?;
    Ok((no_store(), Json(login.into())))
}
