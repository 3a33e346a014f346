//! Team leads and the members a lead sees (G-4, A-1).

use axum::Json;
use axum::extract::{Path, State};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::extract::{ApiJson, Caller, path_id};
use crate::problem::{ApiResult, Problem};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetLeads {
    /// Users of the enterprise with the `team_lead` role; empty: no leads.
    pub user_ids: Option<Vec<String>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LeadsDto {
    pub team_id: String,
    pub user_ids: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamMemberDto {
    pub user_id: String,
    pub first_name: String,
    pub last_name: String,
    pub extension: String,
    pub email: String,
    pub state: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamMembers {
    pub items: Vec<TeamMemberDto>,
}

/// Name a team's leads (enterprise administrators; G-4).
#[utoipa::path(put, path = "/teams/{id}/leads", tag = "enterprises", request_body = SetLeads,
    responses((status = 200, body = LeadsDto), (status = 404, body = Problem), (status = 422, description = "not-a-team-lead", body = Problem)))]
pub async fn set_leads(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<SetLeads>,
) -> ApiResult<Json<LeadsDto>> {
    let leads = s
        .app
        .teams()
        .set_leads(
            &actor,
            path_id(&id, "team")?,
            b.user_ids.unwrap_or_default(),
        )
        .await?;
    Ok(Json(LeadsDto {
        team_id: id,
        user_ids: leads.iter().map(|u| u.to_string()).collect(),
    }))
}

/// A team's members: for administrators and the team's own leads.
#[utoipa::path(get, path = "/teams/{id}/members", tag = "enterprises",
    responses((status = 200, body = TeamMembers), (status = 404, body = Problem)))]
pub async fn members(
    State(s): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<TeamMembers>> {
    let members = s.app.teams().members(&actor, path_id(&id, "team")?).await?;
    Ok(Json(TeamMembers {
        items: members
            .into_iter()
            .map(|m| TeamMemberDto {
                user_id: m.user_id.to_string(),
                first_name: m.first_name,
                last_name: m.last_name,
                extension: m.extension,
                email: m.email,
                state: m.state,
            })
            .collect(),
    }))
}
