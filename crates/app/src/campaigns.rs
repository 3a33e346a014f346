//! A call centre's campaigns (G-2): named inbound or outbound campaigns with agents assigned
//! from the call centre's own agents. Reach is the call centre's; every change is audited.

use std::collections::HashMap;

use switchboard_domain::{
    CampaignDirection, CampaignId, CampaignName, EnterpriseId, FieldError, UserId, Violations,
};
use switchboard_store::campaigns::{self, Campaign};
use switchboard_store::{Conn, groups};

use crate::actor::Actor;
use crate::audit::{self, Change, snapshot};
use crate::error::{AppError, AppResult};
use crate::groups::{CampaignView, in_reach, require_call_centre, users_of};
use crate::{App, commit};

pub struct Campaigns<'a>(pub(crate) &'a App);

impl Campaigns<'_> {
    /// A new campaign of a call centre, with no agents yet.
    pub async fn create(
        &self,
        actor: &Actor,
        group: switchboard_domain::GroupId,
        name: Option<String>,
        direction: Option<String>,
    ) -> AppResult<Campaign> {
        let mut tx = self.0.begin().await?;
        let group = in_reach(&mut tx, actor, group).await?;
        require_call_centre(&group)?;
        let mut v = Violations::new();
        let name = v
            .require("name", name)
            .and_then(|n| v.check("name", CampaignName::parse(&n)));
        let direction = v.require("direction", direction).and_then(|d| {
            let parsed = CampaignDirection::parse(d.trim());
            if parsed.is_none() {
                v.push(FieldError::new(
                    "direction",
                    "invalid-choice",
                    format!("'{d}' is not one of: {}.", CampaignDirection::choices()),
                ));
            }
            parsed
        });
        v.finish()?;
        let campaign = Campaign {
            id: CampaignId::new(),
            enterprise_id: group.enterprise_id,
            group_id: group.id,
            name: name.expect("checked"),
            direction: direction.expect("checked"),
            created_at: self.0.now(),
        };
        campaigns::insert(&mut tx, &campaign).await.map_err(|e| {
            if e.is_unique_violation_on("name") {
                AppError::conflict(
                    "name-taken",
                    format!(
                        "'{}' has a campaign named '{}' already.",
                        group.name.as_str(),
                        campaign.name.as_str()
                    ),
                )
            } else {
                e.into()
            }
        })?;
        audit::record(
            &mut tx,
            actor,
            campaign.created_at,
            Change {
                enterprise: Some(group.enterprise_id),
                action: "campaign.created",
                target_kind: "campaign",
                target_id: campaign.id.to_string(),
                before: None,
                after: snapshot(&campaign),
            },
        )
        .await?;
        commit(tx).await?;
        Ok(campaign)
    }

    pub async fn get(&self, actor: &Actor, id: CampaignId) -> AppResult<CampaignView> {
        let mut conn = self.0.db().read().await?;
        let campaign = campaign_in_reach(&mut conn, actor, id).await?;
        let agents = campaigns::agents(&mut conn, id).await?;
        Ok(CampaignView { campaign, agents })
    }

    /// Sets a campaign's agents: each must be an agent of its call centre (`not-an-agent`).
    pub async fn set_agents(
        &self,
        actor: &Actor,
        id: CampaignId,
        user_ids: Vec<String>,
    ) -> AppResult<CampaignView> {
        let mut tx = self.0.begin().await?;
        let campaign = campaign_in_reach(&mut tx, actor, id).await?;
        let agents: Vec<UserId> = groups::members(&mut tx, campaign.group_id)
            .await?
            .iter()
            .map(|m| m.user_id)
            .collect();
        let mut wanted = Vec::with_capacity(user_ids.len());
        for (field, user) in
            users_of(&mut tx, campaign.enterprise_id, "user_ids", &user_ids).await?
        {
            if !agents.contains(&user.id) {
                return Err(AppError::invalid(
                    &field,
                    "not-an-agent",
                    format!(
                        "{} {} is not an agent of this campaign's call centre; add them there first.",
                        user.first_name.as_str(),
                        user.last_name.as_str()
                    ),
                ));
            }
            wanted.push(user.id);
        }
        let before: Vec<String> = campaigns::agents(&mut tx, id)
            .await?
            .iter()
            .map(|m| m.user_id.to_string())
            .collect();
        campaigns::set_agents(&mut tx, id, &wanted).await?;
        audit::record(
            &mut tx,
            actor,
            self.0.now(),
            Change {
                enterprise: Some(campaign.enterprise_id),
                action: "campaign.agents.changed",
                target_kind: "campaign",
                target_id: id.to_string(),
                before: Some(serde_json::json!({ "agents": before })),
                after: Some(serde_json::json!({ "agents": user_ids })),
            },
        )
        .await?;
        let agents = campaigns::agents(&mut tx, id).await?;
        commit(tx).await?;
        Ok(CampaignView { campaign, agents })
    }

    pub async fn delete(&self, actor: &Actor, id: CampaignId) -> AppResult<()> {
        let mut tx = self.0.begin().await?;
        let campaign = campaign_in_reach(&mut tx, actor, id).await?;
        campaigns::delete(&mut tx, id).await?;
        audit::record(
            &mut tx,
            actor,
            self.0.now(),
            Change {
                enterprise: Some(campaign.enterprise_id),
                action: "campaign.deleted",
                target_kind: "campaign",
                target_id: id.to_string(),
                before: snapshot(&campaign),
                after: None,
            },
        )
        .await?;
        commit(tx).await
    }

    /// The campaigns of the call centres in the actor's reach (the users list's filter).
    pub async fn list(&self, actor: &Actor, enterprise: EnterpriseId) -> AppResult<Vec<Campaign>> {
        actor.require_staff(enterprise, "see campaigns")?;
        let mut conn = self.0.db().read().await?;
        Ok(campaigns::of_enterprise(&mut conn, enterprise)
            .await?
            .into_iter()
            .filter(|(_, site)| actor.can_reach_site(enterprise, *site, "site").is_ok())
            .map(|(c, _)| c)
            .collect())
    }

    /// The names of the campaigns each of `users` is assigned to (seed 003: a users-list column).
    pub async fn names_of(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        users: &[UserId],
    ) -> AppResult<HashMap<UserId, Vec<String>>> {
        actor.require_staff(enterprise, "see campaigns")?;
        let ids: Vec<String> = users.iter().map(|u| u.to_string()).collect();
        let mut conn = self.0.db().read().await?;
        let mut names: HashMap<UserId, Vec<String>> = HashMap::new();
        for (user, name) in campaigns::names_by_user(&mut conn, &ids).await? {
            if let Ok(user) = user.parse() {
                names.entry(user).or_default().push(name);
            }
        }
        Ok(names)
    }
}

/// A campaign whose call centre the actor may administer; anything else is "not found".
async fn campaign_in_reach(conn: &mut Conn, actor: &Actor, id: CampaignId) -> AppResult<Campaign> {
    let campaign = campaigns::get(conn, id)
        .await?
        .ok_or(AppError::NotFound("campaign"))?;
    in_reach(conn, actor, campaign.group_id)
        .await
        .map_err(|e| match e {
            AppError::NotFound(_) => AppError::NotFound("campaign"),
            other => other,
        })?;
    Ok(campaign)
}
