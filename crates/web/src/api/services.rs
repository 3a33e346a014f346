//! Call services of a user (S-1): read and changed by the user themselves or an administrator.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use serde::{Deserialize, Serialize};
use switchboard_app::call_services::{ServiceChanges, ServicesView};
use switchboard_app::group_services::{VirtualChanges, VirtualServicesView};
use utoipa::ToSchema;

use super::tenancy::etag_header;
use crate::AppState;
use crate::extract::{ApiJson, Caller, IfMatch, path_id};
use crate::problem::{ApiResult, Problem};

#[derive(Debug, Serialize, ToSchema)]
pub struct CallServicesDto {
    pub user_id: String,
    /// Call forwarding: each an extension or an E.164 number; absent = off.
    pub forward_always: Option<String>,
    pub forward_busy: Option<String>,
    pub forward_no_answer: Option<String>,
    /// Rings before no-answer forwarding (1–20, default 4).
    pub forward_no_answer_rings: i64,
    pub forward_unreachable: Option<String>,
    pub simultaneous_ring: bool,
    /// Up to 10 destinations that ring along.
    pub simultaneous_destinations: Vec<String>,
    pub do_not_disturb: bool,
    pub reject_anonymous: bool,
    pub voicemail: bool,
    /// Rings before voicemail answers (2–10, default 4).
    pub voicemail_rings: i64,
    pub voicemail_email: Option<String>,
    /// Whether a voicemail PIN is set (the PIN is never shown).
    pub voicemail_pin_set: bool,
    /// S-6: the number callers see: absent = the user's own, `withheld`, `site` (the site's
    /// main number), or a number they hold.
    pub caller_id: Option<String>,
    /// S-6: the main number of the user's site, if it has one (shown with `caller_id` `site`).
    pub site_main_number: Option<String>,
    /// S-2 (set by administrators only): the carrier mobile rings with the desk phone.
    pub mobility: bool,
    pub mobility_number: Option<String>,
    /// S-2: the site's call forwarding does not apply to this user.
    pub override_site_forwarding: bool,
    /// S-2: `internal_only`, `national`, `international` (default) or `unrestricted`.
    pub network_class: String,
    /// S-2: other users' lines on this user's phone, in order.
    pub shared_lines: Vec<SharedLineDto>,
    pub version: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SharedLineDto {
    pub user_id: String,
    pub first_name: String,
    pub last_name: String,
    pub extension: String,
}

impl From<ServicesView> for CallServicesDto {
    fn from(v: ServicesView) -> Self {
        let s = v.services;
        let text =
            |d: Option<switchboard_domain::services::Destination>| d.map(|d| d.as_str().to_owned());
        Self {
            user_id: v.user_id.to_string(),
            forward_always: text(s.forward_always),
            forward_busy: text(s.forward_busy),
            forward_no_answer: text(s.forward_no_answer),
            forward_no_answer_rings: s.forward_no_answer_rings,
            forward_unreachable: text(s.forward_unreachable),
            simultaneous_ring: s.simultaneous_ring,
            simultaneous_destinations: s
                .simultaneous_destinations
                .iter()
                .map(|d| d.as_str().to_owned())
                .collect(),
            do_not_disturb: s.do_not_disturb,
            reject_anonymous: s.reject_anonymous,
            voicemail: s.voicemail,
            voicemail_rings: s.voicemail_rings,
            voicemail_email: s.voicemail_email,
            voicemail_pin_set: v.voicemail_pin_set,
            caller_id: s.caller_id,
            site_main_number: v.site_main_number.map(|n| n.to_string()),
            mobility: s.mobility,
            mobility_number: s.mobility_number,
            override_site_forwarding: s.override_site_forwarding,
            network_class: s.network_class.as_str().to_owned(),
            shared_lines: v
                .shared_lines
                .into_iter()
                .map(|l| SharedLineDto {
                    user_id: l.line_user_id.to_string(),
                    first_name: l.first_name,
                    last_name: l.last_name,
                    extension: l.extension,
                })
                .collect(),
            version: v.version,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateCallServices {
    /// An extension or E.164 number; empty turns it off.
    pub forward_always: Option<String>,
    pub forward_busy: Option<String>,
    pub forward_no_answer: Option<String>,
    pub forward_no_answer_rings: Option<i64>,
    pub forward_unreachable: Option<String>,
    pub simultaneous_ring: Option<bool>,
    pub simultaneous_destinations: Option<Vec<String>>,
    pub do_not_disturb: Option<bool>,
    pub reject_anonymous: Option<bool>,
    pub voicemail: Option<bool>,
    pub voicemail_rings: Option<i64>,
    /// Empty: no notification.
    pub voicemail_email: Option<String>,
    /// 4–8 digits, not trivial (0000, 1234, the extension); required to turn voicemail on.
    pub voicemail_pin: Option<String>,
    /// S-6: `own`, `withheld`, `site` (the site's main number; `no-main-number` without one), or
    /// one of the user's numbers (primary or alternative).
    pub caller_id: Option<String>,
    /// S-2, administrators only (a user's own change: `admin-only`): mobility on or off; it
    /// needs `mobility_number` (E.164).
    pub mobility: Option<bool>,
    pub mobility_number: Option<String>,
    pub override_site_forwarding: Option<bool>,
    pub network_class: Option<String>,
    /// The ids of the users whose lines appear on this phone (at most 10; not the user's own).
    pub shared_lines: Option<Vec<String>>,
}

/// A user's call services (S-1): the user themselves or an administrator in reach.
#[utoipa::path(get, path = "/users/{id}/call-services", tag = "users",
    responses((status = 200, body = CallServicesDto), (status = 404, body = Problem)))]
pub async fn get_services(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<(HeaderMap, Json<CallServicesDto>)> {
    let view = s
        .app
        .call_services()
        .get(&actor, path_id(&id, "user")?)
        .await?;
    Ok((etag_header(view.version), Json(view.into())))
}

/// Change a user's call services (S-1); absent fields stay. `If-Match` is checked when given.
#[utoipa::path(patch, path = "/users/{id}/call-services", tag = "users", request_body = UpdateCallServices,
    responses((status = 200, body = CallServicesDto), (status = 412, body = Problem), (status = 422, body = Problem)))]
pub async fn update_services(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    if_match: IfMatch,
    ApiJson(b): ApiJson<UpdateCallServices>,
) -> ApiResult<(HeaderMap, Json<CallServicesDto>)> {
    let version = match if_match.0 {
        None | Some(crate::extract::IfMatchValue::Any) => None,
        _ => if_match.version(|| -1),
    };
    let changes = ServiceChanges {
        forward_always: b.forward_always,
        forward_busy: b.forward_busy,
        forward_no_answer: b.forward_no_answer,
        forward_no_answer_rings: b.forward_no_answer_rings,
        forward_unreachable: b.forward_unreachable,
        simultaneous_ring: b.simultaneous_ring,
        simultaneous_destinations: b.simultaneous_destinations,
        do_not_disturb: b.do_not_disturb,
        reject_anonymous: b.reject_anonymous,
        voicemail: b.voicemail,
        voicemail_rings: b.voicemail_rings,
        voicemail_email: b.voicemail_email,
        voicemail_pin: b.voicemail_pin,
        caller_id: b.caller_id,
        mobility: b.mobility,
        mobility_number: b.mobility_number,
        override_site_forwarding: b.override_site_forwarding,
        network_class: b.network_class,
        shared_lines: b.shared_lines,
    };
    let view = s
        .app
        .call_services()
        .update(&actor, path_id(&id, "user")?, version, changes)
        .await?;
    Ok((etag_header(view.version), Json(view.into())))
}

/// S-3: a virtual user's call services.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupServicesDto {
    pub group_id: String,
    /// Hunt groups and call centres: every call forwarded here (an extension or an E.164
    /// number); absent = off.
    pub forward_always: Option<String>,
    pub voicemail: bool,
    pub voicemail_email: Option<String>,
    pub voicemail_pin_set: bool,
    pub version: i64,
}

impl From<VirtualServicesView> for GroupServicesDto {
    fn from(v: VirtualServicesView) -> Self {
        Self {
            group_id: v.group_id.to_string(),
            forward_always: v.services.forward_always.map(|d| d.as_str().to_owned()),
            voicemail: v.services.voicemail,
            voicemail_email: v.services.voicemail_email,
            voicemail_pin_set: v.voicemail_pin_set,
            version: v.version,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateGroupServices {
    /// Hunt groups and call centres; empty turns it off.
    pub forward_always: Option<String>,
    pub voicemail: Option<bool>,
    /// Empty: no notification.
    pub voicemail_email: Option<String>,
    /// 4–8 digits, not trivial, not the group's extension; required to turn voicemail on.
    pub voicemail_pin: Option<String>,
}

/// A virtual user's call services (S-3): a hunt group's, call centre's or auto attendant's.
#[utoipa::path(get, path = "/groups/{id}/call-services", tag = "groups",
    responses((status = 200, body = GroupServicesDto), (status = 404, body = Problem),
        (status = 409, description = "no-services (pickup and park groups)", body = Problem)))]
pub async fn get_group_services(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<(HeaderMap, Json<GroupServicesDto>)> {
    let view = s
        .app
        .group_services()
        .get(&actor, path_id(&id, "group")?)
        .await?;
    Ok((etag_header(view.version), Json(view.into())))
}

/// Change a virtual user's call services (S-3); absent fields stay; `If-Match` checked when given.
#[utoipa::path(patch, path = "/groups/{id}/call-services", tag = "groups", request_body = UpdateGroupServices,
    responses((status = 200, body = GroupServicesDto), (status = 412, body = Problem), (status = 422, body = Problem)))]
pub async fn update_group_services(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    if_match: IfMatch,
    ApiJson(b): ApiJson<UpdateGroupServices>,
) -> ApiResult<(HeaderMap, Json<GroupServicesDto>)> {
    let version = match if_match.0 {
        None | Some(crate::extract::IfMatchValue::Any) => None,
        _ => if_match.version(|| -1),
    };
    let view = s
        .app
        .group_services()
        .update(
            &actor,
            path_id(&id, "group")?,
            version,
            VirtualChanges {
                forward_always: b.forward_always,
                voicemail: b.voicemail,
                voicemail_email: b.voicemail_email,
                voicemail_pin: b.voicemail_pin,
            },
        )
        .await?;
    Ok((etag_header(view.version), Json(view.into())))
}
