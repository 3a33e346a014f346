//! The `kamailio` provisioner (T-1, T-3): keeps Kamailio's database in step with Switchboard.
//!
//! The carrier's number activation (L-1) stays simulated — there is no real carrier to ask —
//! but everything a phone experiences (registering, being called, the intercept) is decided by a
//! real Kamailio from what this writes.

use std::collections::BTreeMap;

use async_trait::async_trait;
use switchboard_domain::GroupId;
use switchboard_domain::group::DEFAULT_NO_ANSWER_SECONDS;
use switchboard_domain::services::{DEFAULT_NETWORK_CLASS, Destination, RING_SECONDS};
use switchboard_store::Db;
use switchboard_store::kamailio::{self, Device, Line, LineServices, RingGroup};

use super::{
    ProvisionError, ProvisionedGroup, ProvisionedUser, Provisioner, RemovedUser, ResyncReport,
    SimulatedProvisioner,
};
use crate::call_services::CallServices;
use crate::group_services::VirtualServices;

pub struct KamailioProvisioner {
    carrier: SimulatedProvisioner,
    db: Db,
}

impl KamailioProvisioner {
    async fn resync_groups(
        &self,
        tx: &mut switchboard_store::Tx,
        groups: &[ProvisionedGroup],
        report: &mut ResyncReport,
    ) -> switchboard_store::Result<()> {
        let wanted: BTreeMap<String, RingGroup> = groups
            .iter()
            .filter_map(group_of)
            .map(|group| (group.group_id.clone(), group))
            .collect();
        let held: BTreeMap<String, RingGroup> = kamailio::groups(tx)
            .await?
            .into_iter()
            .map(|group| (group.group_id.clone(), group))
            .collect();
        let now = now_millis();
        for (id, group) in &held {
            if !wanted.contains_key(id) {
                kamailio::remove_group(tx, id).await?;
                report.removed.push(group_label(group));
            }
        }
        for (id, group) in &wanted {
            match held.get(id) {
                Some(current) if current == group => report.unchanged += 1,
                current => {
                    kamailio::put_group(tx, group, now).await?;
                    match current {
                        Some(_) => report.updated.push(group_label(group)),
                        None => report.added.push(group_label(group)),
                    }
                }
            }
        }
        Ok(())
    }

    /// Connects to Kamailio's database (`sqlite://PATH` or `postgres://…`) and creates the
    /// tables Kamailio reads where they are missing.
    pub async fn connect(
        database_url: &str,
        carrier: SimulatedProvisioner,
    ) -> anyhow::Result<Self> {
        let db = Db::connect(database_url).await?;
        kamailio::prepare(&db).await?;
        Ok(Self { carrier, db })
    }

    pub fn database(&self) -> &Db {
        &self.db
    }

    async fn write(&self, user: &ProvisionedUser) -> Result<(), ProvisionError> {
        let mut tx = self.db.begin().await.map_err(unavailable)?;
        match line_of(user) {
            Some(line) => {
                kamailio::put(&mut tx, &line, now_millis())
                    .await
                    .map_err(unavailable)?;
                kamailio::put_devices(&mut tx, &line.user_id, &line.domain, &devices_of(user))
                    .await
                    .map(|_| ())
            }
            // A user without a desk-phone login has nothing Kamailio could check.
            None => kamailio::remove(&mut tx, &user.user_id.to_string(), &user.sip_domain, "")
                .await
                .map(|_| ()),
        }
        .map_err(unavailable)?;
        tx.commit().await.map_err(|e| unavailable(e.into()))
    }
}

/// S-5: the user's soft clients, as Kamailio should hold them.
pub fn devices_of(user: &ProvisionedUser) -> Vec<Device> {
    user.soft_clients
        .iter()
        .map(|d| Device {
            username: d.username.clone(),
            ha1: d.ha1.clone(),
            ha1b: d.ha1b.clone(),
        })
        .collect()
}

/// The line Kamailio should hold for a user; `None` without a desk-phone login.
pub fn line_of(user: &ProvisionedUser) -> Option<Line> {
    let sip = user.sip.as_ref()?;
    Some(Line {
        user_id: user.user_id.to_string(),
        domain: user.sip_domain.clone(),
        username: sip.username.clone(),
        ha1: sip.ha1.clone(),
        ha1b: sip.ha1b.clone(),
        extension: user.extension.to_string(),
        number: user
            .primary_number
            .as_ref()
            .map(|n| n.as_str().trim_start_matches('+').to_owned()),
        state: user.state.as_str().to_owned(),
        intercept_user_id: user
            .intercept
            .as_ref()
            .and_then(|i| i.destination_user())
            .map(|d| d.to_string()),
        intercept_group_id: user
            .intercept
            .as_ref()
            .and_then(|i| i.destination_queue())
            .map(|d| d.to_string()),
        intercept_action: user
            .intercept
            .as_ref()
            .map(|i| i.action.as_str().to_owned()),
        services: services_of(user),
    })
}

/// S-1, S-2, S-6: the call services Kamailio applies to the user's line; none when every one
/// is at its default (plain ringing, the own number shown, every network reached).
pub fn services_of(user: &ProvisionedUser) -> Option<LineServices> {
    let services: CallServices = match user.services_json.as_deref() {
        Some(json) => serde_json::from_str(json).ok()?,
        None => CallServices::default(),
    };
    let caller_id = match services.caller_id.as_deref() {
        None => None,
        Some("withheld") => Some("withheld".to_owned()),
        Some("site") => user.site_main_number.as_ref().map(|n| digits(n.as_str())),
        Some(number) => Some(digits(number)),
    };
    let mut ring_along: Vec<String> = Vec::new();
    if services.simultaneous_ring {
        ring_along.extend(services.simultaneous_destinations.iter().map(dialled));
    }
    ring_along.extend(user.shared_on.iter().cloned());
    if services.mobility
        && let Some(mobile) = &services.mobility_number
    {
        ring_along.push(digits(mobile));
    }
    let line = LineServices {
        do_not_disturb: services.do_not_disturb,
        reject_anonymous: services.reject_anonymous,
        forward_always: services.forward_always.as_ref().map(dialled),
        forward_busy: services.forward_busy.as_ref().map(dialled),
        forward_no_answer: services.forward_no_answer.as_ref().map(dialled),
        no_answer_seconds: (services.forward_no_answer_rings * RING_SECONDS) as i32,
        forward_unreachable: services.forward_unreachable.as_ref().map(dialled),
        caller_id,
        network_class: services.network_class.as_str().to_owned(),
        country_code: user
            .primary_number
            .as_ref()
            .or(user.site_main_number.as_ref())
            .and_then(|n| n.country_code()),
        ring_along,
    };
    let plain = LineServices {
        no_answer_seconds: line.no_answer_seconds,
        network_class: DEFAULT_NETWORK_CLASS.as_str().to_owned(),
        country_code: line.country_code.clone(),
        ..LineServices::default()
    };
    (line != plain).then_some(line)
}

/// G-1, G-2, G-6: the group as Kamailio should hold it.
pub fn group_of(routing: &ProvisionedGroup) -> Option<RingGroup> {
    let group = &routing.group;
    Some(RingGroup {
        group_id: group.id.to_string(),
        domain: routing.sip_domain.clone(),
        kind: group.kind.as_str().to_owned(),
        extension: group.extension.as_ref()?.to_string(),
        number: group.number.as_ref().map(|n| digits(n.as_str())),
        ring_policy: group.ring_policy.map(|p| p.as_str().to_owned()),
        no_answer_seconds: group.no_answer_seconds.unwrap_or(DEFAULT_NO_ANSWER_SECONDS) as i32,
        forward_to: group.forward_to.as_deref().map(digits),
        forward_always: routing
            .services_json
            .as_deref()
            .and_then(|json| serde_json::from_str::<VirtualServices>(json).ok())
            .and_then(|services| services.forward_always)
            .as_ref()
            .map(dialled),
        members: routing
            .members
            .iter()
            .map(|(user, weight)| (user.to_string(), *weight as i32))
            .collect(),
    })
}

/// What Kamailio dials for a destination: an extension as typed, a number without `+`.
fn dialled(destination: &Destination) -> String {
    digits(destination.as_str())
}

fn digits(number: &str) -> String {
    number.trim_start_matches('+').to_owned()
}

fn unavailable(e: switchboard_store::StoreError) -> ProvisionError {
    ProvisionError::Unavailable(format!("Kamailio's database: {e}"))
}

fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}

fn label(line: &Line) -> String {
    format!("{}@{}", line.username, line.domain)
}

fn group_label(group: &RingGroup) -> String {
    format!("group {}@{}", group.extension, group.domain)
}

#[async_trait]
impl Provisioner for KamailioProvisioner {
    fn name(&self) -> &'static str {
        "kamailio"
    }

    fn activation_delay_ms(&self) -> i64 {
        self.carrier.activation_delay_ms
    }

    /// The carrier activates the number; the line is (re)written so that the pending user can
    /// register and call out. Becoming active is pushed by the sync that follows (T-3).
    async fn activate(&self, user: &ProvisionedUser) -> Result<(), ProvisionError> {
        self.carrier.activate(user).await?;
        self.write(user).await
    }

    async fn update(&self, user: &ProvisionedUser) -> Result<(), ProvisionError> {
        self.write(user).await
    }

    async fn remove(&self, user: &RemovedUser) -> Result<(), ProvisionError> {
        let mut tx = self.db.begin().await.map_err(unavailable)?;
        kamailio::remove(
            &mut tx,
            &user.user_id.to_string(),
            &user.sip_domain,
            user.sip_username.as_deref().unwrap_or_default(),
        )
        .await
        .map_err(unavailable)?;
        tx.commit().await.map_err(|e| unavailable(e.into()))
    }

    async fn update_group(
        &self,
        group: GroupId,
        routing: Option<&ProvisionedGroup>,
    ) -> Result<(), ProvisionError> {
        let mut tx = self.db.begin().await.map_err(unavailable)?;
        match routing.and_then(group_of) {
            Some(ring_group) => kamailio::put_group(&mut tx, &ring_group, now_millis()).await,
            None => kamailio::remove_group(&mut tx, &group.to_string())
                .await
                .map(|_| ()),
        }
        .map_err(unavailable)?;
        tx.commit().await.map_err(|e| unavailable(e.into()))
    }

    /// One transaction: lines and groups that should be there and are not, differ, or should
    /// not be there are written or removed, and digests and call services that belong to no
    /// line are dropped.
    async fn resync(
        &self,
        expected: &[ProvisionedUser],
        groups: &[ProvisionedGroup],
    ) -> Result<ResyncReport, ProvisionError> {
        let wanted: BTreeMap<String, Line> = expected
            .iter()
            .filter_map(line_of)
            .map(|line| (line.user_id.clone(), line))
            .collect();
        let mut tx = self.db.begin().await.map_err(unavailable)?;
        let held: BTreeMap<String, Line> = kamailio::lines(&mut tx)
            .await
            .map_err(unavailable)?
            .into_iter()
            .map(|line| (line.user_id.clone(), line))
            .collect();
        let mut report = ResyncReport::default();
        let now = now_millis();
        for (user_id, line) in &held {
            if !wanted.contains_key(user_id) {
                kamailio::remove(&mut tx, user_id, &line.domain, &line.username)
                    .await
                    .map_err(unavailable)?;
                report.removed.push(label(line));
            }
        }
        let devices: BTreeMap<String, Vec<Device>> = expected
            .iter()
            .map(|u| (u.user_id.to_string(), devices_of(u)))
            .collect();
        for (user_id, line) in &wanted {
            let clients = devices.get(user_id).map(Vec::as_slice).unwrap_or_default();
            let devices_changed = kamailio::put_devices(&mut tx, user_id, &line.domain, clients)
                .await
                .map_err(unavailable)?;
            match held.get(user_id) {
                Some(current) if current == line && !devices_changed => report.unchanged += 1,
                current => {
                    kamailio::put(&mut tx, line, now)
                        .await
                        .map_err(unavailable)?;
                    match current {
                        Some(_) => report.updated.push(label(line)),
                        None => report.added.push(label(line)),
                    }
                }
            }
        }
        // Every wanted line is written by now, so digests without a line belong to no one.
        for (domain, username) in kamailio::orphan_subscribers(&mut tx)
            .await
            .map_err(unavailable)?
        {
            kamailio::remove_subscriber(&mut tx, &domain, &username)
                .await
                .map_err(unavailable)?;
            report.removed.push(format!("{username}@{domain}"));
        }
        for user_id in kamailio::orphan_services(&mut tx)
            .await
            .map_err(unavailable)?
        {
            kamailio::remove_services(&mut tx, &user_id)
                .await
                .map_err(unavailable)?;
            report.removed.push(format!("call services of {user_id}"));
        }
        self.resync_groups(&mut tx, groups, &mut report)
            .await
            .map_err(unavailable)?;
        tx.commit().await.map_err(|e| unavailable(e.into()))?;
        Ok(report)
    }
}
