//! Team leads (G-4): an enterprise administrator names the leads of a team (users with the
//! team lead role); a lead sees the members of the teams they lead, and no one else.

use switchboard_domain::{EnterpriseId, PortalRole, TeamId, UserId};
use switchboard_store::org::{self, Team, TeamMember, UnitTable};
use switchboard_store::{Conn, users};

use crate::actor::{Actor, Principal};
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::{App, commit};

pub struct Teams<'a>(pub(crate) &'a App);

/// A team the lead leads, with its members.
#[derive(Debug, Clone)]
pub struct LedTeam {
    pub team: Team,
    pub members: Vec<TeamMember>,
}

async fn team_of(conn: &mut Conn, actor: &Actor, id: TeamId) -> AppResult<Team> {
    let team: Team = org::get(conn, UnitTable::Teams, &id.to_string())
        .await?
        .ok_or(AppError::NotFound("team"))?;
    actor
        .can_see_enterprise(team.enterprise_id)
        .map_err(|_| AppError::NotFound("team"))?;
    Ok(team)
}

impl Teams<'_> {
    /// G-4: the leads of a team, in place of the ones it had.
    pub async fn set_leads(
        &self,
        actor: &Actor,
        id: TeamId,
        user_ids: Vec<String>,
    ) -> AppResult<Vec<UserId>> {
        let mut tx = self.0.begin().await?;
        let team = team_of(&mut tx, actor, id).await?;
        actor.require_enterprise_admin(team.enterprise_id, "choose team leads")?;
        let mut leads: Vec<UserId> = Vec::new();
        for (i, raw) in user_ids.iter().enumerate() {
            let field = format!("user_ids[{i}]");
            let user = match raw.trim().parse::<UserId>() {
                Ok(uid) => users::get(&mut tx, uid).await?,
                Err(_) => None,
            }
            .filter(|u| u.enterprise_id == team.enterprise_id)
            .ok_or_else(|| {
                AppError::invalid(&field, "unknown-reference", "There is no such user.")
            })?;
            if user.role != PortalRole::TeamLead {
                return Err(AppError::invalid(
                    &field,
                    "not-a-team-lead",
                    format!(
                        "{} {} does not have the team lead role; give it to them first.",
                        user.first_name.as_str(),
                        user.last_name.as_str()
                    ),
                ));
            }
            if !leads.contains(&user.id) {
                leads.push(user.id);
            }
        }
        org::set_leads(&mut tx, id, &leads).await?;
        audit::record(
            &mut tx,
            actor,
            self.0.now(),
            Change {
                enterprise: Some(team.enterprise_id),
                action: "team.leads.changed",
                target_kind: "team",
                target_id: id.to_string(),
                before: None,
                after: Some(serde_json::json!({ "leads": leads })),
            },
        )
        .await?;
        commit(tx).await?;
        Ok(leads)
    }

    /// Every team lead of an enterprise: (team id, user id, name).
    pub async fn leads(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
    ) -> AppResult<Vec<(String, String, String)>> {
        actor.require_staff(enterprise, "see teams")?;
        let mut conn = self.0.db().read().await?;
        Ok(org::leads(&mut conn, enterprise).await?)
    }

    /// a team's members, for administrators of the enterprise (a site administrator: their
    /// sites' users) and for the team's leads; anyone else: not found.
    pub async fn members(&self, actor: &Actor, id: TeamId) -> AppResult<Vec<TeamMember>> {
        let mut conn = self.0.db().read().await?;
        let team = team_of(&mut conn, actor, id).await?;
        let members = org::team_members(&mut conn, id).await?;
        match &actor.principal {
            Principal::Member {
                user,
                team_lead: true,
                ..
            } => {
                let led = org::teams_led_by(&mut conn, *user).await?;
                if led.iter().any(|t| t.id == id) {
                    Ok(members)
                } else {
                    Err(AppError::NotFound("team"))
                }
            }
            Principal::Member { .. } => Err(AppError::NotFound("team")),
            _ => {
                actor.require_staff(team.enterprise_id, "see teams")?;
                let mut visible = Vec::with_capacity(members.len());
                for m in members {
                    let user = users::get(&mut conn, m.user_id).await?;
                    if user.is_some_and(|u| {
                        actor
                            .can_reach_site(u.enterprise_id, u.site_id, "user")
                            .is_ok()
                    }) {
                        visible.push(m);
                    }
                }
                Ok(visible)
            }
        }
    }

    /// the teams the signed-in team lead leads, with their members.
    pub async fn led_by(&self, actor: &Actor) -> AppResult<Vec<LedTeam>> {
        let Principal::Member {
            user,
            team_lead: true,
            ..
        } = &actor.principal
        else {
            return Ok(Vec::new());
        };
        let mut conn = self.0.db().read().await?;
        let mut out = Vec::new();
        for team in org::teams_led_by(&mut conn, *user).await? {
            let members = org::team_members(&mut conn, team.id).await?;
            out.push(LedTeam { team, members });
        }
        Ok(out)
    }
}
