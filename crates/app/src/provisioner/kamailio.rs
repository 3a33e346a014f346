//! The `kamailio` provisioner (T-1, T-3): keeps Kamailio's database in step with Switchboard.
//!
//! The carrier's number activation (L-1) stays simulated — there is no real carrier to ask —
//! but everything a phone experiences (registering, being called, the intercept) is decided by a
//! real Kamailio from what this writes.

use std::collections::BTreeMap;

use async_trait::async_trait;
use switchboard_store::Db;
use switchboard_store::kamailio::{self, Device, Line};

use super::{
    ProvisionError, ProvisionedUser, Provisioner, RemovedUser, ResyncReport, SimulatedProvisioner,
};

pub struct KamailioProvisioner {
    carrier: SimulatedProvisioner,
    db: Db,
}

impl KamailioProvisioner {
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
            .map(|i| i.destination_user_id.to_string()),
        intercept_action: user
            .intercept
            .as_ref()
            .map(|i| i.action.as_str().to_owned()),
    })
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

    /// One transaction: lines that should be there and are not, differ, or should not be there
    /// are written or removed, and digests that belong to no line are dropped.
    async fn resync(&self, expected: &[ProvisionedUser]) -> Result<ResyncReport, ProvisionError> {
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
        tx.commit().await.map_err(|e| unavailable(e.into()))?;
        Ok(report)
    }
}
