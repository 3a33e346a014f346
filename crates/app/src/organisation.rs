//! Keeping an enterprise's departments and teams (G-4, issue 19 item 7): renamed, deleted only
//! while nobody uses them (the refusal names who does), counted; a team's members added and
//! removed on the team itself, and a lead named — given the team lead role in the same step
//! when asked.

use std::collections::HashMap;

use switchboard_domain::{EnterpriseId, PortalRole, TeamId, UserId};
use switchboard_store::org::{self, Unit, UnitTable};

use crate::actor::Actor;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::users::UserChanges;
use crate::{App, commit};

/// People named in an `in-use` refusal; the rest are counted.
const NAMED: i64 = 5;
/// Member counts stop here ("10000+").
pub const COUNT_CAP: i64 = 10_000;

/// A department or a team.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Department,
    Team,
}

impl UnitKind {
    fn table(self) -> UnitTable {
        match self {
            Self::Department => UnitTable::Departments,
            Self::Team => UnitTable::Teams,
        }
    }

    fn word(self) -> &'static str {
        match self {
            Self::Department => "department",
            Self::Team => "team",
        }
    }
}

pub struct Organisation<'a>(pub(crate) &'a App);

impl Organisation<'_> {
    /// G-4: a department or team of the actor's enterprise, for its page (staff only).
    pub async fn get(&self, actor: &Actor, kind: UnitKind, id: &str) -> AppResult<Unit<String>> {
        let mut conn = self.0.db().read().await?;
        let unit = self.unit(&mut conn, actor, kind, id).await?;
        actor.require_staff(unit.enterprise_id, "see the organisation")?;
        Ok(unit)
    }

    async fn unit(
        &self,
        conn: &mut switchboard_store::Conn,
        actor: &Actor,
        kind: UnitKind,
        id: &str,
    ) -> AppResult<Unit<String>> {
        let unit: Unit<String> = org::get(conn, kind.table(), id)
            .await?
            .ok_or(AppError::NotFound(kind.word()))?;
        actor.can_see_enterprise(unit.enterprise_id)?;
        Ok(unit)
    }

    /// G-4: enterprise administrators rename a department or team (names stay unique).
    pub async fn rename(
        &self,
        actor: &Actor,
        kind: UnitKind,
        id: &str,
        name: Option<String>,
    ) -> AppResult<Unit<String>> {
        let mut tx = self.0.begin().await?;
        let before = self.unit(&mut tx, actor, kind, id).await?;
        actor
            .require_enterprise_admin(before.enterprise_id, &format!("rename a {}", kind.word()))?;
        let mut v = switchboard_domain::Violations::new();
        let name = v
            .require("name", name)
            .and_then(|n| v.check("name", crate::tenancy::parse_unit_name(&n)));
        v.finish()?;
        let name = name.expect("checked");
        if let Err(e) = org::rename(&mut tx, kind.table(), id, &name).await {
            return Err(if e.is_unique_violation_on("name") {
                AppError::conflict(
                    "name-taken",
                    format!("A {} named '{name}' exists already.", kind.word()),
                )
            } else {
                e.into()
            });
        }
        let after = Unit {
            name,
            ..before.clone()
        };
        audit::record(
            &mut tx,
            actor,
            self.0.now(),
            Change {
                enterprise: Some(before.enterprise_id),
                action: &format!("{}.renamed", kind.word()),
                target_kind: kind.word(),
                target_id: id.to_owned(),
                before: audit::snapshot(&before),
                after: audit::snapshot(&after),
            },
        )
        .await?;
        commit(tx).await?;
        Ok(after)
    }

    /// G-4: a department or team is deleted only while nobody is in it (nor leads it, nor was
    /// sent a broadcast through it); the refusal names who is.
    pub async fn delete(&self, actor: &Actor, kind: UnitKind, id: &str) -> AppResult<()> {
        let mut tx = self.0.begin().await?;
        let unit = self.unit(&mut tx, actor, kind, id).await?;
        actor.require_enterprise_admin(unit.enterprise_id, &format!("delete a {}", kind.word()))?;
        let used = org::unit_use(&mut tx, kind.table(), unit.enterprise_id, id, NAMED).await?;
        if used.people_count > 0 || used.leads > 0 {
            let mut by = used.people.clone();
            let mut more = used.people_count - used.people.len() as i64;
            if used.people_count == 0 {
                by = used.lead_names.clone();
                more = 0;
            }
            return Err(AppError::InUse {
                what: unit.name.clone(),
                by,
                more,
            });
        }
        if used.broadcasts > 0 {
            return Err(AppError::conflict(
                "team-has-broadcasts",
                format!(
                    "Broadcasts were sent to the team '{}'; it stays for their history.",
                    unit.name
                ),
            ));
        }
        org::delete(&mut tx, kind.table(), id).await?;
        audit::record(
            &mut tx,
            actor,
            self.0.now(),
            Change {
                enterprise: Some(unit.enterprise_id),
                action: &format!("{}.deleted", kind.word()),
                target_kind: kind.word(),
                target_id: id.to_owned(),
                before: audit::snapshot(&unit),
                after: None,
            },
        )
        .await?;
        commit(tx).await
    }

    /// How many people each department or team has (capped), by id.
    pub async fn member_counts(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        kind: UnitKind,
    ) -> AppResult<HashMap<String, i64>> {
        actor.require_staff(enterprise, "see the organisation")?;
        let mut conn = self.0.db().read().await?;
        Ok(
            org::member_counts(&mut conn, kind.table(), enterprise, COUNT_CAP)
                .await?
                .into_iter()
                .collect(),
        )
    }

    /// G-4: puts a user in a team (`join`) or takes them out, as a change of the user (their
    /// teams), audited as such.
    pub async fn set_membership(
        &self,
        actor: &Actor,
        team: TeamId,
        user: UserId,
        join: bool,
    ) -> AppResult<()> {
        let mut tx = self.0.begin().await?;
        let found = self
            .unit(&mut tx, actor, UnitKind::Team, &team.to_string())
            .await?;
        let current = self.0.users().in_reach_locked(&mut tx, actor, user).await?;
        if current.enterprise_id != found.enterprise_id {
            return Err(AppError::NotFound("user"));
        }
        let mut teams: Vec<String> = current.team_ids.iter().map(ToString::to_string).collect();
        let id = team.to_string();
        teams.retain(|t| *t != id);
        if join {
            teams.push(id);
        }
        let changes = UserChanges {
            team_ids: Some(teams),
            ..UserChanges::default()
        };
        self.0
            .users()
            .update_in(&mut tx, actor, user, Some(current.version), changes)
            .await?;
        self.0.commit_with_jobs(tx).await
    }

    /// G-4: names a team lead; with `grant_role`, a user without the team lead role is given it
    /// in the same step (otherwise they are refused, `not-a-team-lead`).
    pub async fn add_lead(
        &self,
        actor: &Actor,
        team: TeamId,
        user: UserId,
        grant_role: bool,
    ) -> AppResult<()> {
        let mut tx = self.0.begin().await?;
        let found = self
            .unit(&mut tx, actor, UnitKind::Team, &team.to_string())
            .await?;
        actor.require_enterprise_admin(found.enterprise_id, "choose team leads")?;
        let current = self.0.users().in_reach_locked(&mut tx, actor, user).await?;
        if current.role != PortalRole::TeamLead {
            if !grant_role || current.role != PortalRole::User {
                return Err(AppError::invalid(
                    "lead",
                    "not-a-team-lead",
                    format!(
                        "{} {} does not have the team lead role.",
                        current.first_name.as_str(),
                        current.last_name.as_str()
                    ),
                ));
            }
            let changes = UserChanges {
                role: Some(PortalRole::TeamLead.as_str().to_owned()),
                ..UserChanges::default()
            };
            self.0
                .users()
                .update_in(&mut tx, actor, user, Some(current.version), changes)
                .await?;
        }
        let mut leads: Vec<UserId> = org::leads(&mut tx, found.enterprise_id)
            .await?
            .into_iter()
            .filter(|(t, _, _)| *t == found.id)
            .filter_map(|(_, u, _)| u.parse().ok())
            .collect();
        if !leads.contains(&user) {
            leads.push(user);
        }
        org::set_leads(&mut tx, team, &leads).await?;
        audit::record(
            &mut tx,
            actor,
            self.0.now(),
            Change {
                enterprise: Some(found.enterprise_id),
                action: "team.leads.changed",
                target_kind: "team",
                target_id: team.to_string(),
                before: None,
                after: Some(serde_json::json!({ "name": found.name, "leads": leads })),
            },
        )
        .await?;
        self.0.commit_with_jobs(tx).await
    }
}
