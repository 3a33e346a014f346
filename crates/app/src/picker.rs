//! Choosing people by name (issue 19, item 2): the candidates for a group's members or a call
//! centre's supervisors, found by name, extension or email, each with why it is not offered when
//! a rule forbids it — the same rules the group's own use cases enforce (`member_refusal`), so
//! the portal never offers what the service would refuse.

use switchboard_domain::{GroupId, GroupKind, UserState};
use switchboard_store::groups::{self, Group};
use switchboard_store::users::User;
use switchboard_store::{Conn, users};

use crate::App;
use crate::actor::Actor;
use crate::error::{AppError, AppResult};
use crate::users::{UserListParams, not_active};

/// Whom a person is being chosen as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    /// A hunt group's, call centre's, pickup or park group's members (agents).
    Member,
    /// A call centre's supervisors (G-2: anyone of the site).
    Supervisor,
}

/// Whom a person is being chosen as, for a team (G-4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamPick {
    Member,
    /// A lead: a user with the team lead role, or a plain user who is given it.
    Lead,
}

/// Why a person is not offered.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "reason", content = "state")]
pub enum NotOffered {
    /// They are in already.
    AlreadyIn,
    /// L-2: a hunt group or call centre takes active users only.
    NotActive(UserState),
    /// G-3: a user is in at most one call pickup group (this one, by name).
    InAnotherPickupGroup(String),
    /// G-4: a lead is a team lead; an administrator's role is not changed from a team's page.
    AdministratorRole,
}

impl NotOffered {
    /// A stable code, for the translation of the reason.
    pub fn code(&self) -> &'static str {
        match self {
            Self::AlreadyIn => "already-in",
            Self::NotActive(_) => "user-not-active",
            Self::InAnotherPickupGroup(_) => "in-another-pickup-group",
            Self::AdministratorRole => "administrator-role",
        }
    }
}

/// A person found, and whether they may be chosen.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Candidate {
    pub user: User,
    pub not_offered: Option<NotOffered>,
    /// G-4: choosing them as a lead gives them the team lead role.
    pub gains_role: bool,
}

/// G-1, G-2, G-3, L-2: why `user` may not be a member of `group`, if a rule says so (`None`:
/// they may). The one place these rules are written; `set_members` refuses by it too.
pub(crate) async fn member_refusal(
    conn: &mut Conn,
    group: &Group,
    user: &User,
) -> AppResult<Option<NotOffered>> {
    if group.kind.needs_active_members() && !user.state.allows_configuration_change() {
        return Ok(Some(NotOffered::NotActive(user.state)));
    }
    if group.kind == GroupKind::Pickup
        && let Some(other) = groups::pickup_group_of(conn, user.id, group.id).await?
    {
        return Ok(Some(NotOffered::InAnotherPickupGroup(other)));
    }
    Ok(None)
}

/// The refusal `set_members` answers with for a member who may not be one.
pub(crate) fn refusal_error(group: &Group, user: &User, why: NotOffered) -> AppError {
    let name = format!("{} {}", user.first_name.as_str(), user.last_name.as_str());
    match why {
        NotOffered::NotActive(state) => not_active(
            state,
            &format!(
                "adding {name} to a {}",
                if group.kind == GroupKind::CallCentre {
                    "call centre"
                } else {
                    "hunt group"
                }
            ),
        ),
        NotOffered::InAnotherPickupGroup(other) => AppError::conflict(
            "in-another-pickup-group",
            format!(
                "{name} is in the call pickup group '{other}' already; a user is in at most one."
            ),
        ),
        NotOffered::AlreadyIn => {
            AppError::conflict("already-in", format!("{name} is in this group already."))
        }
        NotOffered::AdministratorRole => AppError::invalid(
            "lead",
            "not-a-team-lead",
            format!("{name} is an administrator; a team's lead has the team lead role."),
        ),
    }
}

pub struct Picker<'a>(pub(crate) &'a App);

impl Picker<'_> {
    /// The people (of the group's site, for members) whose name, extension or email matches `query`, at most
    /// `limit`, each with why it is not offered (if so). An empty query finds nobody.
    pub async fn for_group(
        &self,
        actor: &Actor,
        group: GroupId,
        role: PickFor,
        query: &str,
        limit: i64,
    ) -> AppResult<Vec<Candidate>> {
        let view = self.0.groups().get(actor, group).await?;
        let query = query.trim();
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let found = self
            .0
            .users()
            .list(
                actor,
                view.group.enterprise_id,
                UserListParams {
                    // Members are people of the group's site; a supervisor may be anyone in reach.
                    site_id: (role == PickFor::Member).then(|| view.group.site_id.to_string()),
                    q: Some(query.to_owned()),
                    limit: Some(limit.clamp(1, 50)),
                    ..Default::default()
                },
            )
            .await?;
        let already: Vec<_> = match role {
            PickFor::Member => view.members.iter().map(|m| m.user_id).collect(),
            PickFor::Supervisor => view.supervisors.iter().map(|m| m.user_id).collect(),
        };
        let mut conn = self.0.db().read().await?;
        let mut candidates = Vec::with_capacity(found.users.len());
        for user in found.users {
            let not_offered = if already.contains(&user.id) {
                Some(NotOffered::AlreadyIn)
            } else {
                match role {
                    PickFor::Member => member_refusal(&mut conn, &view.group, &user).await?,
                    // G-2: anyone may be a supervisor.
                    PickFor::Supervisor => None,
                }
            };
            candidates.push(Candidate {
                user,
                not_offered,
                gains_role: false,
            });
        }
        Ok(candidates)
    }

    /// G-4: the people of the enterprise in reach matching `query`, as members or leads of
    /// `team`, each with why not (if so) and whether being lead gives them the role.
    pub async fn for_team(
        &self,
        actor: &Actor,
        team: switchboard_domain::TeamId,
        role: TeamPick,
        query: &str,
        limit: i64,
    ) -> AppResult<Vec<Candidate>> {
        let query = query.trim();
        let mut conn = self.0.db().read().await?;
        let found: switchboard_store::org::Unit<String> = switchboard_store::org::get(
            &mut conn,
            switchboard_store::org::UnitTable::Teams,
            &team.to_string(),
        )
        .await?
        .ok_or(AppError::NotFound("team"))?;
        actor.require_staff(found.enterprise_id, "choose a team's people")?;
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let leads: Vec<String> = switchboard_store::org::leads(&mut conn, found.enterprise_id)
            .await?
            .into_iter()
            .filter(|(t, _, _)| *t == found.id)
            .map(|(_, u, _)| u)
            .collect();
        drop(conn);
        let people = self
            .0
            .users()
            .list(
                actor,
                found.enterprise_id,
                UserListParams {
                    q: Some(query.to_owned()),
                    limit: Some(limit.clamp(1, 50)),
                    ..Default::default()
                },
            )
            .await?;
        Ok(people
            .users
            .into_iter()
            .map(|user| {
                let (not_offered, gains_role) = match role {
                    TeamPick::Member => (
                        user.team_ids
                            .contains(&team)
                            .then_some(NotOffered::AlreadyIn),
                        false,
                    ),
                    TeamPick::Lead if leads.contains(&user.id.to_string()) => {
                        (Some(NotOffered::AlreadyIn), false)
                    }
                    TeamPick::Lead => match user.role {
                        switchboard_domain::PortalRole::TeamLead => (None, false),
                        switchboard_domain::PortalRole::User => (None, true),
                        _ => (Some(NotOffered::AdministratorRole), false),
                    },
                };
                Candidate {
                    user,
                    not_offered,
                    gains_role,
                }
            })
            .collect())
    }

    /// A user of the group's site by their exact extension (a person who types it).
    pub async fn by_extension_for_group(
        &self,
        actor: &Actor,
        group: GroupId,
        extension: &str,
    ) -> AppResult<Option<User>> {
        let view = self.0.groups().get(actor, group).await?;
        let extension = extension.trim();
        if extension.is_empty() || !extension.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(None);
        }
        let mut conn = self.0.db().read().await?;
        let extension = switchboard_domain::Extension::from_trusted(extension.to_owned());
        let Some(id) =
            users::id_by_extension(&mut conn, view.group.enterprise_id, &extension).await?
        else {
            return Ok(None);
        };
        Ok(users::get(&mut conn, id)
            .await?
            .filter(|u| u.site_id == view.group.site_id))
    }
}
