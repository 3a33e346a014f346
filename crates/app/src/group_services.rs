//! S-3: a virtual user's call services — a hunt group's, call centre's or auto attendant's
//! voicemail (with its PIN and notification email) and, for hunt groups and call centres,
//! forwarding of every call (holidays, an emergency). Set by administrators like a user's own
//! (S-1); every change audited.

use serde::{Deserialize, Serialize};
use switchboard_domain::services::{Destination, voicemail_pin};
use switchboard_domain::{Email, FieldError, GroupId, GroupKind, Violations};
use switchboard_store::services::{self, Holder, Stored};

use crate::App;
use crate::actor::Actor;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::groups::in_reach;
use crate::tenancy::load_enterprise;

/// A virtual user's services. Absent destination: calls are not forwarded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VirtualServices {
    pub forward_always: Option<Destination>,
    pub voicemail: bool,
    pub voicemail_email: Option<String>,
}

#[derive(Debug, Clone)]
pub struct VirtualServicesView {
    pub group_id: GroupId,
    pub services: VirtualServices,
    pub voicemail_pin_set: bool,
    pub version: i64,
}

/// What to change; absent fields stay; an empty destination or email clears it.
#[derive(Debug, Clone, Default)]
pub struct VirtualChanges {
    pub forward_always: Option<String>,
    pub voicemail: Option<bool>,
    pub voicemail_email: Option<String>,
    pub voicemail_pin: Option<String>,
}

pub struct GroupServices<'a>(pub(crate) &'a App);

fn no_services(kind: GroupKind) -> AppError {
    AppError::conflict(
        "no-services",
        format!(
            "A {} group is not a virtual user and has no call services.",
            kind.as_str()
        ),
    )
}

impl GroupServices<'_> {
    pub async fn get(&self, actor: &Actor, id: GroupId) -> AppResult<VirtualServicesView> {
        let mut conn = self.0.db().read().await?;
        let group = in_reach(&mut conn, actor, id).await?;
        if !group.kind.is_virtual_user() {
            return Err(no_services(group.kind));
        }
        let stored = services::get_of(&mut conn, Holder::Group(id)).await?;
        view(id, stored.as_ref())
    }

    pub async fn update(
        &self,
        actor: &Actor,
        id: GroupId,
        version: Option<i64>,
        changes: VirtualChanges,
    ) -> AppResult<VirtualServicesView> {
        let group = {
            let mut conn = self.0.db().read().await?;
            in_reach(&mut conn, actor, id).await?
        };
        if !group.kind.is_virtual_user() {
            return Err(no_services(group.kind));
        }
        let extension = group
            .extension
            .as_ref()
            .map(|e| e.to_string())
            .unwrap_or_default();
        // Hashed before the transaction: Argon2 takes its time.
        let pin = match changes.voicemail_pin.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(raw) => Some(match voicemail_pin(raw, &extension) {
                Ok(pin) => Ok(crate::passwords::hash(&pin).await?),
                Err(e) => Err(e),
            }),
        };
        let mut tx = self.0.begin().await?;
        let enterprise = load_enterprise(&mut tx, group.enterprise_id).await?;
        let stored = services::get_of(&mut tx, Holder::Group(id)).await?;
        let before = view(id, stored.as_ref())?;
        if version.is_some_and(|v| v != before.version) {
            return Err(AppError::PreconditionFailed);
        }
        let mut v = Violations::new();
        let mut after = before.services.clone();
        match changes.forward_always.as_deref().map(str::trim) {
            None => {}
            Some("") => after.forward_always = None,
            Some(_) if !group.kind.rings_members() => v.push(FieldError::new(
                "forward_always",
                "not-applicable",
                "An auto attendant sends callers on by its menus.",
            )),
            Some(raw) => {
                after.forward_always = v
                    .check(
                        "forward_always",
                        Destination::parse("forward_always", raw, &enterprise.extension_policy),
                    )
                    .or(after.forward_always)
            }
        }
        if let Some(on) = changes.voicemail {
            after.voicemail = on;
        }
        match changes.voicemail_email.as_deref().map(str::trim) {
            None => {}
            Some("") => after.voicemail_email = None,
            Some(raw) => {
                if let Some(e) = v.check(
                    "voicemail_email",
                    Email::parse(raw)
                        .map_err(|e| FieldError::new("voicemail_email", e.code, e.message)),
                ) {
                    after.voicemail_email = Some(e.as_str().to_owned());
                }
            }
        }
        let pin_given = pin.is_some();
        let pin = match pin {
            None => None,
            Some(checked) => v.check("voicemail_pin", checked),
        };
        if after.voicemail && !pin_given && !before.voicemail_pin_set {
            v.push(FieldError::new(
                "voicemail_pin",
                "required",
                "Voicemail needs a PIN to listen to messages from a phone.",
            ));
        }
        v.finish()?;
        let pin_hash = pin.or_else(|| stored.as_ref().and_then(|s| s.voicemail_pin_hash.clone()));
        let now = self.0.now();
        if !services::put_of(
            &mut tx,
            Holder::Group(id),
            group.enterprise_id,
            &Stored {
                settings_json: serde_json::to_string(&after).map_err(anyhow::Error::from)?,
                voicemail_pin_hash: pin_hash.clone(),
                version: before.version,
            },
            before.version,
            now,
        )
        .await?
        {
            return Err(AppError::PreconditionFailed);
        }
        audit::record(
            &mut tx,
            actor,
            now,
            Change {
                enterprise: Some(group.enterprise_id),
                action: "group.services.changed",
                target_kind: "group",
                target_id: id.to_string(),
                before: serde_json::to_value(&before.services).ok(),
                after: serde_json::to_value(&after).ok().map(|mut a| {
                    a["voicemail_pin_changed"] = serde_json::Value::Bool(
                        changes.voicemail_pin.is_some_and(|p| !p.trim().is_empty()),
                    );
                    a
                }),
            },
        )
        .await?;
        // T-1: the SIP server forwards the group's calls from the next one.
        crate::groups::sync_if_reached(&mut tx, self.0, &group).await?;
        self.0.commit_with_jobs(tx).await?;
        Ok(VirtualServicesView {
            group_id: id,
            services: after,
            voicemail_pin_set: pin_hash.is_some(),
            version: before.version + 1,
        })
    }
}

pub(crate) fn view(id: GroupId, stored: Option<&Stored>) -> AppResult<VirtualServicesView> {
    Ok(match stored {
        Some(s) => VirtualServicesView {
            group_id: id,
            services: serde_json::from_str(&s.settings_json).map_err(anyhow::Error::from)?,
            voicemail_pin_set: s.voicemail_pin_hash.is_some(),
            version: s.version,
        },
        None => VirtualServicesView {
            group_id: id,
            services: VirtualServices::default(),
            voicemail_pin_set: false,
            version: 0,
        },
    })
}
