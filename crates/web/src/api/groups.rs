//! Hunt groups (G-1), call centres with supervisors and campaigns (G-2), call pickup and call
//! park groups (G-3), and their members.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use switchboard_app::AppError;

use switchboard_app::groups::{CampaignView, GroupChanges, GroupView, MenuInput, NewGroup};
use switchboard_domain::menu::{AutoAttendantMenus, BusinessHours, Menu};
use switchboard_domain::{GroupId, GroupKind};
use switchboard_store::campaigns::Campaign;
use switchboard_store::groups::{Group, Listed, Member};
use utoipa::{IntoParams, ToSchema};

use super::tenancy::etag_header;
use crate::AppState;
use crate::extract::{ApiJson, ApiQuery, Caller, IfMatch, path_id};
use crate::problem::{ApiResult, Problem};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateGroup {
    pub site_id: Option<String>,
    /// `hunt`, `call_centre`, `auto_attendant`, `pickup` or `park`.
    pub kind: Option<String>,
    /// 1–60 characters, unique per site and kind.
    pub name: Option<String>,
    /// Hunt groups and call centres (required): an extension no user or group of the
    /// enterprise has.
    pub extension: Option<String>,
    /// Hunt groups and call centres: `simultaneous`, `sequential` (a hunt group's default),
    /// `circular` (a call centre's default), `uniform` or `weighted`.
    pub ring_policy: Option<String>,
    /// Hunt groups: 5–180 seconds (default 20) before an unanswered call is forwarded.
    pub no_answer_seconds: Option<i64>,
    /// Hunt groups: where an unanswered call goes; call centres: where a call overflows when
    /// the queue is full — an extension or an E.164 number.
    pub forward_to: Option<String>,
    /// Park groups: 30–600 seconds (default 45) before a parked call rings back.
    pub recall_seconds: Option<i64>,
    /// Call centres: 1–50 calls (default 10) waiting before the next one overflows.
    pub queue_length: Option<i64>,
    /// Auto attendants: business hours and menus (default: Monday to Friday 08:00–18:00, no
    /// keys).
    pub menu: Option<MenuDto>,
    /// Hunt groups, call centres, auto attendants: a free number of the enterprise's pool that
    /// callers dial to reach it (besides its extension).
    pub number: Option<String>,
}

/// G-6: an auto attendant's business hours and its two menus. Each destination is an
/// extension (a user, hunt group, call centre or another auto attendant), `voicemail <ext>`
/// (a user's voicemail) or an E.164 number; no chain of auto attendants may lead back.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MenuDto {
    #[serde(default)]
    pub hours: HoursDto,
    #[serde(default)]
    pub business: KeyMapDto,
    #[serde(default)]
    pub after_hours: KeyMapDto,
}

/// Weekly business hours in the site's local time.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HoursDto {
    /// 1 (Monday) to 7 (Sunday).
    pub days: Vec<u8>,
    /// `HH:MM`.
    pub opens: String,
    /// `HH:MM`, after `opens`.
    pub closes: String,
}

impl Default for HoursDto {
    fn default() -> Self {
        let h = BusinessHours::default();
        Self {
            days: h.days,
            opens: h.opens,
            closes: h.closes,
        }
    }
}

/// One menu: key (`0`–`9`, `*`, `#`) → destination, and where a caller who presses nothing goes.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyMapDto {
    #[serde(default)]
    pub keys: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_input: Option<String>,
}

impl From<MenuDto> for MenuInput {
    fn from(m: MenuDto) -> Self {
        Self {
            days: m.hours.days,
            opens: m.hours.opens,
            closes: m.hours.closes,
            business_keys: m.business.keys.into_iter().collect(),
            business_no_input: m.business.no_input,
            after_hours_keys: m.after_hours.keys.into_iter().collect(),
            after_hours_no_input: m.after_hours.no_input,
        }
    }
}

impl From<AutoAttendantMenus> for MenuDto {
    fn from(m: AutoAttendantMenus) -> Self {
        let map = |menu: Menu| KeyMapDto {
            keys: menu.keys.into_iter().map(|(k, d)| (k, d.typed())).collect(),
            no_input: menu.no_input.map(|d| d.typed()),
        };
        Self {
            hours: HoursDto {
                days: m.hours.days,
                opens: m.hours.opens,
                closes: m.hours.closes,
            },
            business: map(m.business),
            after_hours: map(m.after_hours),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateGroup {
    pub name: Option<String>,
    pub extension: Option<String>,
    pub ring_policy: Option<String>,
    pub no_answer_seconds: Option<i64>,
    /// Empty clears it.
    pub forward_to: Option<String>,
    pub recall_seconds: Option<i64>,
    pub queue_length: Option<i64>,
    /// Replaces the business hours and both menus.
    pub menu: Option<MenuDto>,
    /// A free number of the pool; empty gives the one it has back to the pool.
    pub number: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetMembers {
    /// The members in ring order (at most 200): users of the group's site; a hunt group's
    /// members and a call centre's agents must be active (L-2).
    pub user_ids: Option<Vec<String>>,
    /// G-1, hunt groups and call centres: members' shares of calls under the `weighted` ring
    /// policy, 1–100, by user id. A member not named keeps theirs (a new member: 1).
    #[serde(default)]
    pub weights: std::collections::BTreeMap<String, i64>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetUsers {
    /// At most 200 users of the enterprise.
    pub user_ids: Option<Vec<String>>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCampaign {
    /// 1–60 characters, unique in the call centre.
    pub name: Option<String>,
    /// `inbound` or `outbound`.
    pub direction: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignDto {
    pub id: String,
    pub group_id: String,
    pub name: String,
    pub direction: String,
    /// On a single campaign or a call centre: its agents, by name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agents: Option<Vec<MemberDto>>,
}

impl From<Campaign> for CampaignDto {
    fn from(c: Campaign) -> Self {
        Self {
            id: c.id.to_string(),
            group_id: c.group_id.to_string(),
            name: c.name.as_str().to_owned(),
            direction: c.direction.as_str().to_owned(),
            agents: None,
        }
    }
}

impl From<CampaignView> for CampaignDto {
    fn from(v: CampaignView) -> Self {
        Self {
            agents: Some(v.agents.into_iter().map(Into::into).collect()),
            ..v.campaign.into()
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberDto {
    pub user_id: String,
    pub first_name: String,
    pub last_name: String,
    pub extension: String,
    pub state: String,
    /// A member's share of calls under the weighted ring policy (hunt groups and call centres).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<i64>,
}

impl From<Member> for MemberDto {
    fn from(m: Member) -> Self {
        Self {
            user_id: m.user_id.to_string(),
            first_name: m.first_name,
            last_name: m.last_name,
            extension: m.extension,
            state: m.state.as_str().to_owned(),
            weight: None,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GroupDto {
    pub id: String,
    pub enterprise_id: String,
    pub site_id: String,
    pub kind: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ring_policy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_answer_seconds: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forward_to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recall_seconds: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue_length: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub menu: Option<MenuDto>,
    /// The number of the pool callers dial to reach it, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// In lists: how many members it has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member_count: Option<i64>,
    /// On a single group: its members in ring order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<MemberDto>>,
    /// On a single call centre: its supervisors, by name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supervisors: Option<Vec<MemberDto>>,
    /// On a single call centre: its campaigns with their agents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaigns: Option<Vec<CampaignDto>>,
    pub version: i64,
}

impl From<Group> for GroupDto {
    fn from(g: Group) -> Self {
        Self {
            id: g.id.to_string(),
            enterprise_id: g.enterprise_id.to_string(),
            site_id: g.site_id.to_string(),
            kind: g.kind.as_str().to_owned(),
            name: g.name.as_str().to_owned(),
            extension: g.extension.map(|e| e.to_string()),
            ring_policy: g.ring_policy.map(|p| p.as_str().to_owned()),
            no_answer_seconds: g.no_answer_seconds,
            forward_to: g.forward_to,
            recall_seconds: g.recall_seconds,
            queue_length: g.queue_length,
            menu: g.menu.map(Into::into),
            number: g.number.map(|n| n.to_string()),
            member_count: None,
            members: None,
            supervisors: None,
            campaigns: None,
            version: g.version,
        }
    }
}

impl From<GroupView> for GroupDto {
    fn from(v: GroupView) -> Self {
        let call_centre = v.group.kind == GroupKind::CallCentre;
        Self {
            members: v.group.kind.has_members().then(|| {
                let weighted = v.group.kind.rings_members();
                v.members
                    .into_iter()
                    .map(|m| MemberDto {
                        weight: weighted.then_some(m.weight),
                        ..m.into()
                    })
                    .collect()
            }),
            supervisors: call_centre.then(|| v.supervisors.into_iter().map(Into::into).collect()),
            campaigns: call_centre.then(|| v.campaigns.into_iter().map(Into::into).collect()),
            ..v.group.into()
        }
    }
}

impl From<Listed> for GroupDto {
    fn from(l: Listed) -> Self {
        Self {
            member_count: Some(l.members),
            ..l.group.into()
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GroupList {
    pub items: Vec<GroupDto>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct GroupQuery {
    /// `hunt`, `call_centre`, `auto_attendant`, `pickup` or `park`; all kinds when absent.
    pub kind: Option<String>,
}

fn group_id(raw: &str) -> Result<GroupId, crate::problem::ApiError> {
    path_id(raw, "group")
}

/// Create a hunt group, call centre, call pickup or call park group in a site (G-1, G-2, G-3).
#[utoipa::path(post, path = "/enterprises/{id}/groups", tag = "groups", request_body = CreateGroup,
    responses((status = 201, body = GroupDto), (status = 409, description = "extension-taken, name-taken, number-taken", body = Problem),
        (status = 422, body = Problem)))]
pub async fn create_group(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<CreateGroup>,
) -> ApiResult<(StatusCode, HeaderMap, Json<GroupDto>)> {
    let input = NewGroup {
        site_id: b.site_id,
        kind: b.kind,
        name: b.name,
        extension: b.extension,
        ring_policy: b.ring_policy,
        no_answer_seconds: b.no_answer_seconds,
        forward_to: b.forward_to,
        recall_seconds: b.recall_seconds,
        queue_length: b.queue_length,
        menu: b.menu.map(Into::into),
        number: b.number,
    };
    let group = s
        .app
        .groups()
        .create(&actor, path_id(&id, "enterprise")?, input)
        .await?;
    Ok((
        StatusCode::CREATED,
        etag_header(group.version),
        Json(group.into()),
    ))
}

/// The groups in the caller's reach, by kind and name, with their member counts.
#[utoipa::path(get, path = "/enterprises/{id}/groups", tag = "groups", params(GroupQuery),
    responses((status = 200, body = GroupList)))]
pub async fn list_groups(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<GroupQuery>,
) -> ApiResult<Json<GroupList>> {
    let listed = s
        .app
        .groups()
        .list(&actor, path_id(&id, "enterprise")?, q.kind.as_deref())
        .await?;
    Ok(Json(GroupList {
        items: listed.into_iter().map(Into::into).collect(),
    }))
}

/// A group with its members in ring order.
#[utoipa::path(get, path = "/groups/{id}", tag = "groups",
    responses((status = 200, body = GroupDto), (status = 404, body = Problem)))]
pub async fn get_group(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<(HeaderMap, Json<GroupDto>)> {
    let view = s.app.groups().get(&actor, group_id(&id)?).await?;
    Ok((etag_header(view.group.version), Json(view.into())))
}

/// Change a group's settings (needs `If-Match`); its kind and site stay.
#[utoipa::path(patch, path = "/groups/{id}", tag = "groups", request_body = UpdateGroup,
    responses((status = 200, body = GroupDto), (status = 412, body = Problem), (status = 422, body = Problem), (status = 428, body = Problem)))]
pub async fn update_group(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    if_match: IfMatch,
    ApiJson(b): ApiJson<UpdateGroup>,
) -> ApiResult<(HeaderMap, Json<GroupDto>)> {
    let id = group_id(&id)?;
    let version = match if_match.0 {
        None => return Err(AppError::PreconditionRequired.into()),
        Some(crate::extract::IfMatchValue::Any) => None,
        _ => if_match.version(|| -1),
    };
    let changes = GroupChanges {
        name: b.name,
        extension: b.extension,
        ring_policy: b.ring_policy,
        no_answer_seconds: b.no_answer_seconds,
        forward_to: b.forward_to,
        recall_seconds: b.recall_seconds,
        queue_length: b.queue_length,
        menu: b.menu.map(Into::into),
        number: b.number,
    };
    let group = s.app.groups().update(&actor, id, version, changes).await?;
    Ok((etag_header(group.version), Json(group.into())))
}

/// Set a group's members, in ring order (L-2: a hunt group's must be active; G-3: a user is in
/// at most one call pickup group).
#[utoipa::path(put, path = "/groups/{id}/members", tag = "groups", request_body = SetMembers,
    responses((status = 200, body = GroupDto), (status = 409, description = "user-not-active, in-another-pickup-group", body = Problem),
        (status = 422, body = Problem)))]
pub async fn set_members(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<SetMembers>,
) -> ApiResult<Json<GroupDto>> {
    let view = s
        .app
        .groups()
        .set_members(
            &actor,
            group_id(&id)?,
            b.user_ids.unwrap_or_default(),
            &b.weights.into_iter().collect::<Vec<_>>(),
        )
        .await?;
    Ok(Json(view.into()))
}

/// Set a call centre's supervisors (G-2): any users of the enterprise, in any state.
#[utoipa::path(put, path = "/groups/{id}/supervisors", tag = "groups", request_body = SetUsers,
    responses((status = 200, body = GroupDto), (status = 409, description = "not-a-call-centre", body = Problem),
        (status = 422, body = Problem)))]
pub async fn set_supervisors(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<SetUsers>,
) -> ApiResult<Json<GroupDto>> {
    let view = s
        .app
        .groups()
        .set_supervisors(&actor, group_id(&id)?, b.user_ids.unwrap_or_default())
        .await?;
    Ok(Json(view.into()))
}

/// Create a campaign of a call centre (G-2), with no agents yet.
#[utoipa::path(post, path = "/groups/{id}/campaigns", tag = "groups", request_body = CreateCampaign,
    responses((status = 201, body = CampaignDto), (status = 409, description = "not-a-call-centre, name-taken", body = Problem),
        (status = 422, body = Problem)))]
pub async fn create_campaign(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<CreateCampaign>,
) -> ApiResult<(StatusCode, Json<CampaignDto>)> {
    let campaign = s
        .app
        .campaigns()
        .create(&actor, group_id(&id)?, b.name, b.direction)
        .await?;
    Ok((StatusCode::CREATED, Json(campaign.into())))
}

/// A campaign with its agents.
#[utoipa::path(get, path = "/campaigns/{id}", tag = "groups",
    responses((status = 200, body = CampaignDto), (status = 404, body = Problem)))]
pub async fn get_campaign(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<CampaignDto>> {
    let view = s
        .app
        .campaigns()
        .get(&actor, path_id(&id, "campaign")?)
        .await?;
    Ok(Json(view.into()))
}

/// Set a campaign's agents: agents of its call centre (`not-an-agent` otherwise).
#[utoipa::path(put, path = "/campaigns/{id}/agents", tag = "groups", request_body = SetUsers,
    responses((status = 200, body = CampaignDto), (status = 422, description = "not-an-agent", body = Problem)))]
pub async fn set_campaign_agents(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<SetUsers>,
) -> ApiResult<Json<CampaignDto>> {
    let view = s
        .app
        .campaigns()
        .set_agents(
            &actor,
            path_id(&id, "campaign")?,
            b.user_ids.unwrap_or_default(),
        )
        .await?;
    Ok(Json(view.into()))
}

/// Delete a campaign; its agents stay agents of the call centre.
#[utoipa::path(delete, path = "/campaigns/{id}", tag = "groups",
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn delete_campaign(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    s.app
        .campaigns()
        .delete(&actor, path_id(&id, "campaign")?)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Delete a group; its members stay users.
#[utoipa::path(delete, path = "/groups/{id}", tag = "groups",
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn delete_group(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    s.app.groups().delete(&actor, group_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The groups a user is in (L-6: a deactivated user stays in them).
#[utoipa::path(get, path = "/users/{id}/groups", tag = "groups",
    responses((status = 200, body = GroupList), (status = 404, body = Problem)))]
pub async fn user_groups(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<GroupList>> {
    let groups = s
        .app
        .groups()
        .of_user(&actor, path_id(&id, "user")?)
        .await?;
    Ok(Json(GroupList {
        items: groups.into_iter().map(Into::into).collect(),
    }))
}
