//! Hunt groups (G-1), call pickup and call park groups (G-3): created in a site, their members
//! users of that site, in order. L-2: a hunt group takes active users only; pickup and park
//! groups take anyone; a user is in at most one pickup group. Every change is audited.

use std::collections::{HashMap, HashSet};

use switchboard_domain::group::{
    DEFAULT_NO_ANSWER_SECONDS, DEFAULT_QUEUE_LENGTH, DEFAULT_RECALL_SECONDS, DEFAULT_WEIGHT,
    MAX_MEMBERS, member_weight, no_answer_seconds, queue_length, recall_seconds,
};
use switchboard_domain::menu::{AutoAttendantMenus, BusinessHours, Destination, Menu};
use switchboard_domain::{
    E164Number, EnterpriseId, Extension, FieldError, GroupId, GroupKind, GroupName, RingPolicy,
    SiteId, UserId, Violations,
};
use switchboard_store::campaigns::{self, Campaign};
use switchboard_store::groups::{self, Group, Listed, Member};
use switchboard_store::org::{self, UnitTable};
use switchboard_store::{Conn, Tx, numbers, users};

use crate::actor::Actor;
use crate::audit::{self, Change, snapshot};
use crate::error::{AppError, AppResult};
use crate::jobs::enqueue_group_sync;
use crate::tenancy::load_enterprise;
use crate::{App, commit};

/// Input of [`Groups::create`]; every field optional so that all missing ones are reported.
#[derive(Debug, Clone, Default)]
pub struct NewGroup {
    pub site_id: Option<String>,
    pub kind: Option<String>,
    pub name: Option<String>,
    pub extension: Option<String>,
    pub ring_policy: Option<String>,
    pub no_answer_seconds: Option<i64>,
    pub forward_to: Option<String>,
    pub recall_seconds: Option<i64>,
    pub queue_length: Option<i64>,
    pub menu: Option<MenuInput>,
    /// Hunt groups, call centres, auto attendants: a free number of the pool callers dial.
    pub number: Option<String>,
}

/// G-6: an auto attendant's business hours and menus as typed; replaces them all when given.
/// Keys with an empty destination are left out.
#[derive(Debug, Clone, Default)]
pub struct MenuInput {
    pub days: Vec<u8>,
    pub opens: String,
    pub closes: String,
    pub business_keys: Vec<(String, String)>,
    pub business_no_input: Option<String>,
    pub after_hours_keys: Vec<(String, String)>,
    pub after_hours_no_input: Option<String>,
}

impl MenuInput {
    fn parse(&self, v: &mut Violations) -> Option<AutoAttendantMenus> {
        let hours = BusinessHours::parse(&self.days, &self.opens, &self.closes, v);
        let before = v.errors().len();
        let business = Menu::parse(
            "business",
            &self.business_keys,
            self.business_no_input.as_deref(),
            v,
        );
        let after_hours = Menu::parse(
            "after_hours",
            &self.after_hours_keys,
            self.after_hours_no_input.as_deref(),
            v,
        );
        let menus_ok = v.errors().len() == before;
        Some(AutoAttendantMenus {
            hours: hours?,
            business,
            after_hours,
        })
        .filter(|_| menus_ok)
    }
}

/// Changes of [`Groups::update`]; absent fields stay. `forward_to` empty clears it.
#[derive(Debug, Clone, Default)]
pub struct GroupChanges {
    pub name: Option<String>,
    pub extension: Option<String>,
    pub ring_policy: Option<String>,
    pub no_answer_seconds: Option<i64>,
    pub forward_to: Option<String>,
    pub recall_seconds: Option<i64>,
    pub queue_length: Option<i64>,
    pub menu: Option<MenuInput>,
    /// A free number of the pool; empty frees the one it has.
    pub number: Option<String>,
}

/// A group with its members, in ring order; a call centre also with its supervisors and
/// campaigns (G-2).
#[derive(Debug, Clone)]
pub struct GroupView {
    pub group: Group,
    pub members: Vec<Member>,
    pub supervisors: Vec<Member>,
    pub campaigns: Vec<CampaignView>,
    /// S-3, G-6: the greetings uploaded (without their audio).
    pub greetings: Vec<switchboard_store::greetings::About>,
    /// S-3: a virtual user's call services.
    pub services: Option<crate::group_services::VirtualServicesView>,
}

/// A campaign with its agents, by name.
#[derive(Debug, Clone)]
pub struct CampaignView {
    pub campaign: Campaign,
    pub agents: Vec<Member>,
}

impl GroupView {
    pub(crate) async fn load(conn: &mut Conn, group: Group) -> AppResult<Self> {
        let members = groups::members(conn, group.id).await?;
        let (supervisors, campaigns) = if group.kind == GroupKind::CallCentre {
            let mut views = Vec::new();
            for campaign in campaigns::of_group(conn, group.id).await? {
                let agents = campaigns::agents(conn, campaign.id).await?;
                views.push(CampaignView { campaign, agents });
            }
            (groups::supervisors(conn, group.id).await?, views)
        } else {
            (Vec::new(), Vec::new())
        };
        let id = group.id.to_string();
        let greetings =
            switchboard_store::greetings::of(conn, switchboard_store::greetings::Owner::Group(&id))
                .await?;
        let services = if group.kind.is_virtual_user() {
            let stored = switchboard_store::services::get_of(
                conn,
                switchboard_store::services::Holder::Group(group.id),
            )
            .await?;
            Some(crate::group_services::view(group.id, stored.as_ref())?)
        } else {
            None
        };
        Ok(Self {
            group,
            members,
            supervisors,
            campaigns,
            greetings,
            services,
        })
    }
}

pub struct Groups<'a>(pub(crate) &'a App);

/// Where a hunt group sends an unanswered call: an extension, or an E.164 number.
fn parse_forward(
    input: &str,
    policy: &switchboard_domain::ExtensionPolicy,
) -> Result<String, FieldError> {
    let value = input.trim();
    if value.starts_with('+') {
        return E164Number::parse(value)
            .map(|n| n.to_string())
            .map_err(|e| FieldError::new("forward_to", e.code, e.message));
    }
    policy.parse(value).map(|e| e.to_string()).map_err(|_| {
        FieldError::new(
            "forward_to",
            "invalid-forward-destination",
            "Forward to an extension of this enterprise or a number in international form (+…).",
        )
    })
}

impl Groups<'_> {
    /// G-1/G-3: a new group of a site in the actor's reach; a hunt group needs an extension
    /// no user or other hunt group of the enterprise has.
    pub async fn create(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        input: NewGroup,
    ) -> AppResult<Group> {
        actor.require_staff(enterprise, "manage groups")?;
        let mut tx = self.0.begin().await?;
        let e = load_enterprise(&mut tx, enterprise).await?;
        let mut v = Violations::new();
        let kind = v.require("kind", input.kind).and_then(|k| {
            let parsed = GroupKind::parse(k.trim());
            if parsed.is_none() {
                v.push(FieldError::new(
                    "kind",
                    "invalid-choice",
                    format!("'{k}' is not one of: {}.", GroupKind::choices()),
                ));
            }
            parsed
        });
        let name = v
            .require("name", input.name)
            .and_then(|n| v.check("name", GroupName::parse(&n)));
        let site = match v.require("site_id", input.site_id) {
            Some(raw) => {
                let site = site_in_reach(&mut tx, actor, enterprise, &raw).await;
                match site {
                    Ok(site) => Some(site),
                    Err(AppError::NotFound(_)) => {
                        v.push(FieldError::new(
                            "site_id",
                            "unknown-reference",
                            "There is no such site in your reach.",
                        ));
                        None
                    }
                    Err(other) => return Err(other),
                }
            }
            None => None,
        };
        let now = self.0.now();
        let mut group = Group {
            id: GroupId::new(),
            enterprise_id: enterprise,
            site_id: site.unwrap_or_default(),
            kind: kind.unwrap_or(GroupKind::Pickup),
            name: name.unwrap_or_else(|| GroupName::from_trusted(String::new())),
            extension: None,
            ring_policy: None,
            no_answer_seconds: None,
            forward_to: None,
            recall_seconds: None,
            queue_length: None,
            menu: None,
            number: None,
            version: 1,
            created_at: now,
            updated_at: now,
        };
        let changes = GroupChanges {
            name: None,
            extension: input.extension,
            ring_policy: input.ring_policy,
            no_answer_seconds: input.no_answer_seconds,
            forward_to: input.forward_to,
            recall_seconds: input.recall_seconds,
            queue_length: input.queue_length,
            menu: input.menu,
            number: input.number,
        };
        if kind.is_some() {
            settings(&mut v, &e.extension_policy, &mut group, changes, true);
        }
        v.finish()?;
        check_extension_free(&mut tx, &group, None).await?;
        check_menus(&mut tx, &group).await?;
        groups::insert(&mut tx, &group)
            .await
            .map_err(|err| collision(err, &group))?;
        hold_number(&mut tx, &group, None, now).await?;
        audit::record(
            &mut tx,
            actor,
            now,
            Change {
                enterprise: Some(enterprise),
                action: "group.created",
                target_kind: "group",
                target_id: group.id.to_string(),
                before: None,
                after: snapshot(&group),
            },
        )
        .await?;
        sync_if_reached(&mut tx, self.0, &group).await?;
        self.0.commit_with_jobs(tx).await?;
        Ok(group)
    }

    /// The groups in the actor's reach, of one kind or all.
    pub async fn list(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        kind: Option<&str>,
    ) -> AppResult<Vec<Listed>> {
        actor.require_staff(enterprise, "see groups")?;
        let kind = match kind {
            None | Some("") => None,
            Some(k) => Some(GroupKind::parse(k).ok_or_else(|| {
                AppError::invalid(
                    "kind",
                    "invalid-choice",
                    format!("'{k}' is not one of: {}.", GroupKind::choices()),
                )
            })?),
        };
        let mut conn = self.0.db().read().await?;
        load_enterprise(&mut conn, enterprise).await?;
        let sites = actor.site_limit();
        Ok(groups::list(&mut conn, enterprise, kind, sites.as_deref()).await?)
    }

    pub async fn get(&self, actor: &Actor, id: GroupId) -> AppResult<GroupView> {
        let mut conn = self.0.db().read().await?;
        let group = in_reach(&mut conn, actor, id).await?;
        GroupView::load(&mut conn, group).await
    }

    /// Changes a group's settings (its kind and site stay). `version` guards lost updates.
    pub async fn update(
        &self,
        actor: &Actor,
        id: GroupId,
        version: Option<i64>,
        changes: GroupChanges,
    ) -> AppResult<Group> {
        let mut tx = self.0.begin().await?;
        let before = in_reach(&mut tx, actor, id).await?;
        if version.is_some_and(|v| v != before.version) {
            return Err(AppError::PreconditionFailed);
        }
        let e = load_enterprise(&mut tx, before.enterprise_id).await?;
        let mut v = Violations::new();
        let mut after = before.clone();
        if let Some(name) = &changes.name {
            after.name = v
                .check("name", GroupName::parse(name))
                .unwrap_or(after.name);
        }
        settings(&mut v, &e.extension_policy, &mut after, changes, false);
        v.finish()?;
        check_extension_free(&mut tx, &after, Some(&before)).await?;
        check_menus(&mut tx, &after).await?;
        let now = self.0.now();
        after.version += 1;
        after.updated_at = now;
        if !groups::update(&mut tx, &after, before.version)
            .await
            .map_err(|err| collision(err, &after))?
        {
            return Err(AppError::PreconditionFailed);
        }
        hold_number(&mut tx, &after, before.number.as_ref(), now).await?;
        audit::record(
            &mut tx,
            actor,
            now,
            Change {
                enterprise: Some(after.enterprise_id),
                action: "group.updated",
                target_kind: "group",
                target_id: after.id.to_string(),
                before: snapshot(&before),
                after: snapshot(&after),
            },
        )
        .await?;
        sync_if_reached(&mut tx, self.0, &after).await?;
        self.0.commit_with_jobs(tx).await?;
        Ok(after)
    }

    /// Sets a group's members, in ring order. Each must be a user of the group's site; L-2: a
    /// hunt group takes active users only (`user-not-active` names the first who is not);
    /// G-3: a user is in at most one call pickup group. G-1: `weights` (user id, 1–100) set
    /// members' shares under the weighted policy; a member not named keeps theirs (new: 1).
    pub async fn set_members(
        &self,
        actor: &Actor,
        id: GroupId,
        user_ids: Vec<String>,
        weights: &[(String, i64)],
    ) -> AppResult<GroupView> {
        let mut tx = self.0.begin().await?;
        let group = in_reach(&mut tx, actor, id).await?;
        if !group.kind.has_members() {
            return Err(AppError::conflict(
                "no-members",
                "An auto attendant has no members: its menus send callers on.",
            ));
        }
        let mut wanted = Vec::with_capacity(user_ids.len());
        // the audit entry names the members, so that it reads in words.
        let mut wanted_names = Vec::with_capacity(user_ids.len());
        for (field, user) in users_of(&mut tx, group.enterprise_id, "user_ids", &user_ids).await? {
            wanted_names.push(format!(
                "{} {}",
                user.first_name.as_str(),
                user.last_name.as_str()
            ));
            if user.site_id != group.site_id {
                return Err(AppError::invalid(
                    &field,
                    "other-site",
                    format!(
                        "{} {} is a user of another site; a group's members are users of its site.",
                        user.first_name.as_str(),
                        user.last_name.as_str()
                    ),
                ));
            }
            // The rules the picker offers people by (one place for both).
            if let Some(why) = crate::picker::member_refusal(&mut tx, &group, &user).await? {
                return Err(crate::picker::refusal_error(&group, &user, why));
            }
            wanted.push(user.id);
        }
        let members_before = groups::members(&mut tx, id).await?;
        let weighted = weigh(&group, &wanted, &members_before, weights)?;
        let before: Vec<String> = members_before
            .iter()
            .map(|m| m.user_id.to_string())
            .collect();
        // G-3 again at the database: a user put in two pickup groups at the same moment.
        groups::set_members(&mut tx, &group, &weighted)
            .await
            .map_err(|e| {
                if e.is_unique_violation_on("one_pickup")
                    || e.is_unique_violation_on("call_group_members.user_id")
                {
                    AppError::conflict(
                        "in-another-pickup-group",
                        "One of these users joined another call pickup group meanwhile; a user is in at most one.",
                    )
                } else {
                    e.into()
                }
            })?;
        // G-2: an agent who leaves a call centre leaves its campaigns with it.
        campaigns::prune_agents(&mut tx, group.id).await?;
        let now = self.0.now();
        audit::record(
            &mut tx,
            actor,
            now,
            Change {
                enterprise: Some(group.enterprise_id),
                action: "group.members.changed",
                target_kind: "group",
                target_id: group.id.to_string(),
                before: Some(serde_json::json!({
                    "name": group.name.as_str(),
                    "members": before,
                    "member_names": members_before
                        .iter()
                        .map(|m| format!("{} {}", m.first_name, m.last_name))
                        .collect::<Vec<_>>(),
                    "weights": members_before.iter().map(|m| m.weight).collect::<Vec<_>>(),
                })),
                after: Some(serde_json::json!({
                    "name": group.name.as_str(),
                    "members": user_ids,
                    "member_names": wanted_names,
                    "weights": weighted.iter().map(|(_, w)| w).collect::<Vec<_>>(),
                })),
            },
        )
        .await?;
        sync_if_reached(&mut tx, self.0, &group).await?;
        let view = GroupView::load(&mut tx, group).await?;
        self.0.commit_with_jobs(tx).await?;
        Ok(view)
    }

    /// G-2: sets a call centre's supervisors: any users of the enterprise in the actor's reach,
    /// in any state (the Supervisor add-on is needed for the supervisor tools only).
    pub async fn set_supervisors(
        &self,
        actor: &Actor,
        id: GroupId,
        user_ids: Vec<String>,
    ) -> AppResult<GroupView> {
        let mut tx = self.0.begin().await?;
        let group = in_reach(&mut tx, actor, id).await?;
        require_call_centre(&group)?;
        let mut wanted = Vec::with_capacity(user_ids.len());
        let mut wanted_names = Vec::with_capacity(user_ids.len());
        for (field, user) in users_of(&mut tx, group.enterprise_id, "user_ids", &user_ids).await? {
            wanted_names.push(format!(
                "{} {}",
                user.first_name.as_str(),
                user.last_name.as_str()
            ));
            if actor
                .can_reach_site(group.enterprise_id, user.site_id, "user")
                .is_err()
            {
                return Err(AppError::invalid(
                    &field,
                    "unknown-reference",
                    "There is no such user.",
                ));
            }
            wanted.push(user.id);
        }
        let supervisors_before = groups::supervisors(&mut tx, id).await?;
        let before: Vec<String> = supervisors_before
            .iter()
            .map(|m| m.user_id.to_string())
            .collect();
        let before_names: Vec<String> = supervisors_before
            .iter()
            .map(|m| format!("{} {}", m.first_name, m.last_name))
            .collect();
        groups::set_supervisors(&mut tx, id, &wanted).await?;
        audit::record(
            &mut tx,
            actor,
            self.0.now(),
            Change {
                enterprise: Some(group.enterprise_id),
                action: "group.supervisors.changed",
                target_kind: "group",
                target_id: group.id.to_string(),
                before: Some(serde_json::json!({
                    "name": group.name.as_str(),
                    "supervisors": before,
                    "supervisor_names": before_names,
                })),
                after: Some(serde_json::json!({
                    "name": group.name.as_str(),
                    "supervisors": user_ids,
                    "supervisor_names": wanted_names,
                })),
            },
        )
        .await?;
        let view = GroupView::load(&mut tx, group).await?;
        commit(tx).await?;
        Ok(view)
    }

    /// Deletes a group (its members stay users, in no group of it).
    pub async fn delete(&self, actor: &Actor, id: GroupId) -> AppResult<()> {
        let mut tx = self.0.begin().await?;
        let group = in_reach(&mut tx, actor, id).await?;
        // L-5: a queue that receives deactivated users' callers is not deleted from under them.
        let intercepting = switchboard_store::users::intercepting_to_queue(&mut tx, id).await?;
        if !intercepting.is_empty() {
            return Err(AppError::InUse {
                what: group.name.as_str().to_owned(),
                by: intercepting
                    .iter()
                    .map(|u| format!("{} {}", u.first_name.as_str(), u.last_name.as_str()))
                    .collect(),
                more: 0,
            });
        }
        if let Some(extension) = &group.extension {
            refuse_if_attendant_destination(
                &mut tx,
                group.enterprise_id,
                Some(group.id),
                extension.as_str(),
                &format!("'{}'", group.name.as_str()),
            )
            .await?;
        }
        let group_id = id.to_string();
        let greeting_files = switchboard_store::greetings::files_of(
            &mut tx,
            switchboard_store::greetings::Owner::Group(&group_id),
        )
        .await?;
        groups::delete(&mut tx, id).await?;
        audit::record(
            &mut tx,
            actor,
            self.0.now(),
            Change {
                enterprise: Some(group.enterprise_id),
                action: "group.deleted",
                target_kind: "group",
                target_id: group.id.to_string(),
                before: snapshot(&group),
                after: None,
            },
        )
        .await?;
        sync_if_reached(&mut tx, self.0, &group).await?;
        self.0.commit_with_jobs(tx).await?;
        crate::greetings::forget_files(self.0, greeting_files).await;
        Ok(())
    }

    /// The names of the groups each of `users` is in (U-6: the users list's column), for users
    /// of an enterprise the actor administers.
    pub async fn names_of(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        users: &[UserId],
    ) -> AppResult<std::collections::HashMap<UserId, Vec<String>>> {
        actor.require_staff(enterprise, "see groups")?;
        let ids: Vec<String> = users.iter().map(|u| u.to_string()).collect();
        let mut conn = self.0.db().read().await?;
        let mut names: std::collections::HashMap<UserId, Vec<String>> = Default::default();
        for (user, _, name) in groups::names_by_user(&mut conn, &ids).await? {
            if let Ok(user) = user.parse() {
                names.entry(user).or_default().push(name);
            }
        }
        Ok(names)
    }

    /// L-4/L-6: the groups a user is in.
    pub async fn of_user(&self, actor: &Actor, user: UserId) -> AppResult<Vec<Group>> {
        // Reach is the user's: reading them first answers "not found" out of it.
        self.0.users().get(actor, user).await?;
        let mut conn = self.0.db().read().await?;
        Ok(groups::of_user(&mut conn, user).await?)
    }
}

/// G-1: each of `members` with their weight — the one given, else the one they had, else 1.
/// Only hunt groups and call centres have weights, and only their members.
fn weigh(
    group: &Group,
    members: &[UserId],
    before: &[Member],
    given: &[(String, i64)],
) -> AppResult<Vec<(UserId, i64)>> {
    if !given.is_empty() && !group.kind.rings_members() {
        return Err(AppError::invalid(
            "weights",
            "not-applicable",
            format!("A {} group has no weights.", group.kind.as_str()),
        ));
    }
    let mut chosen = HashMap::new();
    for (raw, weight) in given {
        let field = format!("weights.{raw}");
        let user = raw
            .trim()
            .parse::<UserId>()
            .ok()
            .filter(|u| members.contains(u))
            .ok_or_else(|| {
                AppError::invalid(
                    &field,
                    "not-a-member",
                    "Only a member of the group has a weight.",
                )
            })?;
        chosen.insert(
            user,
            member_weight(&field, *weight).map_err(|e| AppError::Validation(vec![e]))?,
        );
    }
    Ok(members
        .iter()
        .map(|u| {
            let kept = before.iter().find(|m| m.user_id == *u).map(|m| m.weight);
            (
                *u,
                chosen.get(u).copied().or(kept).unwrap_or(DEFAULT_WEIGHT),
            )
        })
        .collect())
}

/// The settings of `group`'s kind from `changes` (creating: every required one, with defaults).
/// A setting the kind does not have is refused by name, not ignored.
fn settings(
    v: &mut Violations,
    policy: &switchboard_domain::ExtensionPolicy,
    group: &mut Group,
    changes: GroupChanges,
    creating: bool,
) {
    let kind = group.kind;
    let typed = |x: &Option<String>| x.as_deref().is_some_and(|x| !x.trim().is_empty());
    for (field, given, applies) in [
        (
            "extension",
            typed(&changes.extension),
            kind.is_virtual_user(),
        ),
        (
            "ring_policy",
            typed(&changes.ring_policy),
            kind.rings_members(),
        ),
        (
            "forward_to",
            typed(&changes.forward_to),
            kind.rings_members(),
        ),
        (
            "menu",
            changes.menu.is_some(),
            kind == GroupKind::AutoAttendant,
        ),
        ("number", typed(&changes.number), kind.is_virtual_user()),
        (
            "no_answer_seconds",
            changes.no_answer_seconds.is_some(),
            kind == GroupKind::Hunt,
        ),
        (
            "queue_length",
            changes.queue_length.is_some(),
            kind == GroupKind::CallCentre,
        ),
        (
            "recall_seconds",
            changes.recall_seconds.is_some(),
            kind == GroupKind::Park,
        ),
    ] {
        if given && !applies {
            v.push(FieldError::new(
                field,
                "not-applicable",
                format!("A {} group has no such setting.", kind.as_str()),
            ));
        }
    }
    if creating {
        match kind {
            GroupKind::Hunt => {
                group.ring_policy = Some(RingPolicy::Sequential);
                group.no_answer_seconds = Some(DEFAULT_NO_ANSWER_SECONDS);
            }
            GroupKind::CallCentre => {
                group.ring_policy = Some(RingPolicy::Circular);
                group.queue_length = Some(DEFAULT_QUEUE_LENGTH);
            }
            GroupKind::AutoAttendant => group.menu = Some(AutoAttendantMenus::default()),
            GroupKind::Park => group.recall_seconds = Some(DEFAULT_RECALL_SECONDS),
            GroupKind::Pickup => {}
        }
    }
    if let (GroupKind::AutoAttendant, Some(input)) = (kind, &changes.menu)
        && let Some(menus) = input.parse(v)
    {
        group.menu = Some(menus);
    }
    if kind.is_virtual_user() {
        match changes.number.as_deref().map(str::trim) {
            None => {}
            Some("") => group.number = None,
            Some(raw) => {
                group.number = v
                    .check(
                        "number",
                        E164Number::parse(raw)
                            .map_err(|e| FieldError::new("number", e.code, e.message)),
                    )
                    .or(group.number.take())
            }
        }
        if creating {
            group.extension = v
                .require("extension", changes.extension)
                .and_then(|x| v.check("extension", policy.parse(&x)));
        } else if let Some(x) = changes.extension {
            group.extension = v
                .check("extension", policy.parse(&x))
                .or(group.extension.take());
        }
    }
    if kind.rings_members() {
        if let Some(p) = changes.ring_policy {
            match RingPolicy::parse(p.trim()) {
                Some(p) => group.ring_policy = Some(p),
                None => v.push(FieldError::new(
                    "ring_policy",
                    "invalid-choice",
                    format!("'{p}' is not one of: {}.", RingPolicy::choices()),
                )),
            }
        }
        match changes.forward_to.as_deref().map(str::trim) {
            None => {}
            Some("") => group.forward_to = None,
            Some(to) => {
                group.forward_to = v
                    .check("forward_to", parse_forward(to, policy))
                    .or(group.forward_to.take())
            }
        }
    }
    if let (GroupKind::Hunt, Some(s)) = (kind, changes.no_answer_seconds) {
        group.no_answer_seconds = v
            .check("no_answer_seconds", no_answer_seconds(s))
            .or(group.no_answer_seconds);
    }
    if let (GroupKind::CallCentre, Some(n)) = (kind, changes.queue_length) {
        group.queue_length = v
            .check("queue_length", queue_length(n))
            .or(group.queue_length);
    }
    if let (GroupKind::Park, Some(s)) = (kind, changes.recall_seconds) {
        group.recall_seconds = v
            .check("recall_seconds", recall_seconds(s))
            .or(group.recall_seconds);
    }
}

/// G-6: every destination of an auto attendant's menus is there — a user, a group with an
/// extension, a user's voicemail, or a number outside — and no chain of auto attendants leads
/// back to where it started.
async fn check_menus(tx: &mut Tx, group: &Group) -> AppResult<()> {
    let (Some(menus), Some(own)) = (&group.menu, &group.extension) else {
        return Ok(());
    };
    let mut v = Violations::new();
    for (field, to) in menus.destinations() {
        let Some(extension) = to.extension() else {
            continue;
        };
        let as_extension = Extension::from_trusted(extension.to_owned());
        let user = users::id_by_extension(&mut *tx, group.enterprise_id, &as_extension).await?;
        let reached = match to {
            Destination::Voicemail(_) => user.is_some(),
            _ => {
                user.is_some()
                    || extension == own.as_str()
                    || groups::by_extension(&mut *tx, group.enterprise_id, extension)
                        .await?
                        .is_some()
            }
        };
        if !reached {
            v.push(FieldError::new(
                &field,
                "unknown-destination",
                match to {
                    Destination::Voicemail(x) => format!("No user has extension {x}."),
                    _ => format!("No user or group has extension {extension}."),
                },
            ));
        }
    }
    v.finish()?;
    // The enterprise's menus as they would be, this one changed.
    let mut menus_by_extension: HashMap<String, (String, AutoAttendantMenus)> =
        groups::auto_attendants(&mut *tx, group.enterprise_id)
            .await?
            .into_iter()
            .filter(|g| g.id != group.id)
            .filter_map(|g| {
                Some((
                    g.extension?.to_string(),
                    (g.name.as_str().to_owned(), g.menu?),
                ))
            })
            .collect();
    menus_by_extension.insert(
        own.to_string(),
        (group.name.as_str().to_owned(), menus.clone()),
    );
    if let Some(path) = loop_from(own.as_str(), &menus_by_extension) {
        return Err(AppError::conflict(
            "menu-loop",
            format!(
                "These menus would send callers round in a circle: {}.",
                path.join(" → ")
            ),
        ));
    }
    Ok(())
}

/// The names along a chain of auto attendants that leads from `start` back to it, if any.
fn loop_from(
    start: &str,
    menus: &HashMap<String, (String, AutoAttendantMenus)>,
) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_owned(), vec![menus[start].0.clone()])];
    let mut seen = HashSet::new();
    while let Some((at, path)) = stack.pop() {
        for (_, to) in menus[&at].1.destinations() {
            let Destination::Extension(next) = to else {
                continue;
            };
            let Some((name, _)) = menus.get(next) else {
                continue;
            };
            let mut longer = path.clone();
            longer.push(name.clone());
            if next == start {
                return Some(longer);
            }
            if seen.insert(next.clone()) {
                stack.push((next.clone(), longer));
            }
        }
    }
    None
}

/// The name of an auto attendant of the enterprise (other than `except`) whose menus send
/// callers to `extension` (or to that user's voicemail).
pub(crate) async fn attendant_sending_to(
    tx: &mut Tx,
    enterprise: EnterpriseId,
    except: Option<GroupId>,
    extension: &str,
) -> AppResult<Option<String>> {
    Ok(groups::auto_attendants(&mut *tx, enterprise)
        .await?
        .into_iter()
        .filter(|g| Some(g.id) != except)
        .find(|g| {
            g.menu.as_ref().is_some_and(|m| {
                m.destinations()
                    .iter()
                    .any(|(_, to)| to.extension() == Some(extension))
            })
        })
        .map(|g| g.name.as_str().to_owned()))
}

/// G-6: what an auto attendant sends callers to is not deleted from under it.
pub(crate) async fn refuse_if_attendant_destination(
    tx: &mut Tx,
    enterprise: EnterpriseId,
    except: Option<GroupId>,
    extension: &str,
    what: &str,
) -> AppResult<()> {
    match attendant_sending_to(tx, enterprise, except, extension).await? {
        Some(attendant) => Err(AppError::InUse {
            what: what.trim_matches('\'').to_owned(),
            by: vec![attendant],
            more: 0,
        }),
        None => Ok(()),
    }
}

/// G-1: the pool number a virtual user is reached by follows `group.number`: the one it had
/// is freed, the new one claimed (N-4: free, and of this enterprise's pool).
async fn hold_number(
    tx: &mut Tx,
    group: &Group,
    before: Option<&E164Number>,
    now: switchboard_domain::Timestamp,
) -> AppResult<()> {
    if group.number.as_ref() == before {
        return Ok(());
    }
    let holder = numbers::Holder::Group(group.id);
    numbers::release_of(&mut *tx, holder).await?;
    let Some(number) = &group.number else {
        return Ok(());
    };
    match numbers::claim_for(&mut *tx, group.enterprise_id, number, holder, now).await? {
        numbers::Claim::Claimed => Ok(()),
        numbers::Claim::Taken => Err(AppError::NumberTaken(number.to_string())),
        numbers::Claim::NotInPool => Err(AppError::Validation(vec![crate::users::unknown_number(
            "number", number,
        )])),
    }
}

/// Users and hunt groups share an enterprise's extensions.
async fn check_extension_free(tx: &mut Tx, group: &Group, before: Option<&Group>) -> AppResult<()> {
    let Some(extension) = &group.extension else {
        return Ok(());
    };
    if before.is_some_and(|b| b.extension.as_ref() == Some(extension)) {
        return Ok(());
    }
    let by_user = users::id_by_extension(&mut *tx, group.enterprise_id, extension)
        .await?
        .is_some();
    if by_user || groups::extension_taken(&mut *tx, group.enterprise_id, extension.as_str()).await?
    {
        return Err(AppError::ExtensionTaken(extension.to_string()));
    }
    Ok(())
}

fn collision(e: switchboard_store::StoreError, group: &Group) -> AppError {
    if e.is_unique_violation_on("extension") {
        AppError::ExtensionTaken(
            group
                .extension
                .as_ref()
                .map(|x| x.to_string())
                .unwrap_or_default(),
        )
    } else if e.is_unique_violation_on("name") {
        AppError::conflict(
            "name-taken",
            format!(
                "This site has a {} group named '{}' already.",
                group.kind.as_str(),
                group.name.as_str()
            ),
        )
    } else {
        e.into()
    }
}

async fn site_in_reach(
    conn: &mut Conn,
    actor: &Actor,
    enterprise: EnterpriseId,
    raw: &str,
) -> AppResult<SiteId> {
    let id: SiteId = raw.trim().parse().map_err(|_| AppError::NotFound("site"))?;
    let site: Option<org::Site> = org::get(conn, UnitTable::Sites, &id.to_string()).await?;
    let site = site
        .filter(|s| s.enterprise_id == enterprise)
        .ok_or(AppError::NotFound("site"))?;
    actor.can_reach_site(enterprise, site.id, "site")?;
    Ok(site.id)
}

/// The users `raw` names, each once and of `enterprise`, with the field that named them
/// (`user_ids[2]`). At most [`MAX_MEMBERS`].
pub(crate) async fn users_of(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    list: &str,
    raw: &[String],
) -> AppResult<Vec<(String, users::User)>> {
    if raw.len() > MAX_MEMBERS {
        return Err(AppError::invalid(
            list,
            "too-many",
            format!("A group has at most {MAX_MEMBERS} members."),
        ));
    }
    let mut found = Vec::with_capacity(raw.len());
    let mut seen = HashSet::new();
    for (i, raw) in raw.iter().enumerate() {
        let field = format!("{list}[{i}]");
        let Ok(user_id) = raw.trim().parse::<UserId>() else {
            return Err(AppError::invalid(
                &field,
                "invalid-id",
                "This is not a user id.",
            ));
        };
        if !seen.insert(user_id) {
            return Err(AppError::invalid(
                &field,
                "duplicate",
                "This user is listed twice.",
            ));
        }
        let user = users::get(&mut *conn, user_id)
            .await?
            .filter(|u| u.enterprise_id == enterprise)
            .ok_or_else(|| {
                AppError::invalid(&field, "unknown-reference", "There is no such user.")
            })?;
        found.push((field, user));
    }
    Ok(found)
}

pub(crate) fn require_call_centre(group: &Group) -> AppResult<()> {
    if group.kind == GroupKind::CallCentre {
        Ok(())
    } else {
        Err(AppError::conflict(
            "not-a-call-centre",
            format!(
                "'{}' is a {} group; only call centres have supervisors and campaigns.",
                group.name.as_str(),
                group.kind.as_str()
            ),
        ))
    }
}

/// A group the actor may administer; anything else is "not found".
pub(crate) async fn in_reach(conn: &mut Conn, actor: &Actor, id: GroupId) -> AppResult<Group> {
    let group = groups::get(conn, id)
        .await?
        .ok_or(AppError::NotFound("group"))?;
    actor
        .require_staff(group.enterprise_id, "manage groups")
        .map_err(|e| match e {
            AppError::NotFound(_) => AppError::NotFound("group"),
            other => other,
        })?;
    actor.can_reach_site(group.enterprise_id, group.site_id, "group")?;
    Ok(group)
}

/// T-1: the SIP server learns of a change to a group callers reach (a hunt group, call centre
/// or auto attendant), in the change's transaction. Pickup and park groups are not dialled.
pub(crate) async fn sync_if_reached(tx: &mut Tx, app: &App, group: &Group) -> AppResult<()> {
    if group.kind.is_virtual_user() {
        enqueue_group_sync(tx, app, group.id, group.enterprise_id).await?;
    }
    Ok(())
}
