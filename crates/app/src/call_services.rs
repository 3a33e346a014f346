//! Call services (S-1), set by the user in self-service or by an administrator (S-4: in the
//! user's own view, audited as the administrator). L-2: in any state — a pending user's
//! services can be prepared before their phone works.

use serde::{Deserialize, Serialize};
use switchboard_domain::services::{
    DEFAULT_FORWARD_RINGS, DEFAULT_NETWORK_CLASS, DEFAULT_VOICEMAIL_RINGS, Destination,
    MAX_SHARED_LINES, MAX_SIMULTANEOUS, NetworkClass, forward_rings, voicemail_pin,
    voicemail_rings,
};
use switchboard_domain::{E164Number, Email, FieldError, UserId, Violations};
use switchboard_store::services::{self, SharedLine, Stored};

use crate::App;
use crate::actor::Actor;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::tenancy::load_enterprise;

/// A user's call services. Absent destinations: that forwarding is off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CallServices {
    pub forward_always: Option<Destination>,
    pub forward_busy: Option<Destination>,
    pub forward_no_answer: Option<Destination>,
    pub forward_no_answer_rings: i64,
    pub forward_unreachable: Option<Destination>,
    pub simultaneous_ring: bool,
    pub simultaneous_destinations: Vec<Destination>,
    pub do_not_disturb: bool,
    pub reject_anonymous: bool,
    pub voicemail: bool,
    pub voicemail_rings: i64,
    /// Where a new voicemail is announced; none: not announced.
    pub voicemail_email: Option<String>,
    /// S-6: the number callers see — none: the user's own (primary) number; `withheld`; `site`:
    /// the main number of the user's site; or one of the numbers the user holds (their primary
    /// or an alternative number).
    pub caller_id: Option<String>,
    /// S-2 (administrators only): the user's carrier mobile rings with the desk phone.
    pub mobility: bool,
    pub mobility_number: Option<String>,
    /// S-2: the site's call forwarding does not apply to this user.
    pub override_site_forwarding: bool,
    /// S-2: which calls the user may make.
    pub network_class: NetworkClass,
}

impl Default for CallServices {
    fn default() -> Self {
        Self {
            forward_always: None,
            forward_busy: None,
            forward_no_answer: None,
            forward_no_answer_rings: DEFAULT_FORWARD_RINGS,
            forward_unreachable: None,
            simultaneous_ring: false,
            simultaneous_destinations: Vec::new(),
            do_not_disturb: false,
            reject_anonymous: false,
            voicemail: false,
            voicemail_rings: DEFAULT_VOICEMAIL_RINGS,
            voicemail_email: None,
            caller_id: None,
            mobility: false,
            mobility_number: None,
            override_site_forwarding: false,
            network_class: DEFAULT_NETWORK_CLASS,
        }
    }
}

/// A user's services as read: the settings, whether a voicemail PIN is set (never the PIN),
/// and the version to send back with a change.
#[derive(Debug, Clone)]
pub struct ServicesView {
    pub user_id: UserId,
    pub services: CallServices,
    /// S-2: other users' lines on this user's phone, in order.
    pub shared_lines: Vec<SharedLine>,
    pub voicemail_pin_set: bool,
    pub version: i64,
    /// S-6: the main number of the user's site, which callers may be shown (`caller_id` `site`).
    pub site_main_number: Option<E164Number>,
}

/// What to change; absent fields stay. A destination given empty turns that forwarding off.
#[derive(Debug, Clone, Default)]
pub struct ServiceChanges {
    pub forward_always: Option<String>,
    pub forward_busy: Option<String>,
    pub forward_no_answer: Option<String>,
    pub forward_no_answer_rings: Option<i64>,
    pub forward_unreachable: Option<String>,
    pub simultaneous_ring: Option<bool>,
    pub simultaneous_destinations: Option<Vec<String>>,
    pub do_not_disturb: Option<bool>,
    pub reject_anonymous: Option<bool>,
    pub voicemail: Option<bool>,
    pub voicemail_rings: Option<i64>,
    /// Empty clears it.
    pub voicemail_email: Option<String>,
    pub voicemail_pin: Option<String>,
    /// `own` (or empty), `withheld`, `site` (the site's main number), or a number the user holds.
    pub caller_id: Option<String>,
    /// S-2, administrators only: mobility, its number (empty clears it), the site forwarding
    /// override, the network class, and the users whose lines appear on this phone.
    pub mobility: Option<bool>,
    pub mobility_number: Option<String>,
    pub override_site_forwarding: Option<bool>,
    pub network_class: Option<String>,
    pub shared_lines: Option<Vec<String>>,
}

pub struct Services<'a>(pub(crate) &'a App);

impl Services<'_> {
    /// The user themselves, or an administrator in reach; anyone else: not found.
    pub async fn get(&self, actor: &Actor, id: UserId) -> AppResult<ServicesView> {
        let user = self.0.users().get(actor, id).await?;
        let mut conn = self.0.db().read().await?;
        let stored = services::get(&mut conn, id).await?;
        let mut view = view(id, stored.as_ref())?;
        view.shared_lines = services::shared_lines(&mut conn, id).await?;
        view.site_main_number = site_main_number(&mut conn, &user).await?;
        // S-6: a number the user no longer holds (an alternative number removed since, a site
        // main number given up) is not shown to callers: their own is.
        if let Some(shown) = view.services.caller_id.as_deref()
            && !callers_may_see(&user, shown, view.site_main_number.is_some())
        {
            view.services.caller_id = None;
        }
        Ok(view)
    }

    pub async fn update(
        &self,
        actor: &Actor,
        id: UserId,
        version: Option<i64>,
        changes: ServiceChanges,
    ) -> AppResult<ServicesView> {
        let user = self.0.users().get(actor, id).await?;
        let self_service = actor.member_user() == Some(id);
        if !self_service {
            actor.require_admin("change another user's call services")?;
        }
        // The PIN is checked and hashed before the transaction: Argon2 takes its time, and the
        // (SQLite: only) writer is not held meanwhile.
        let pin: Option<Result<(String, String), FieldError>> =
            match changes.voicemail_pin.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(raw) => Some(match voicemail_pin(raw, user.extension.as_str()) {
                    Ok(pin) => Ok((pin.clone(), crate::passwords::hash(&pin).await?)),
                    Err(e) => Err(e),
                }),
            };
        let mut tx = self.0.begin().await?;
        let enterprise = load_enterprise(&mut tx, user.enterprise_id).await?;
        let stored = services::get(&mut tx, id).await?;
        let before = view(id, stored.as_ref())?;
        if version.is_some_and(|v| v != before.version) {
            return Err(AppError::PreconditionFailed);
        }
        let policy = &enterprise.extension_policy;
        let mut v = Violations::new();
        let mut after = before.services.clone();
        let destination = |v: &mut Violations,
                           field: &str,
                           input: Option<String>,
                           slot: &mut Option<Destination>| {
            match input.as_deref().map(str::trim) {
                None => {}
                Some("") => *slot = None,
                Some(raw) => {
                    if let Some(d) = v.check(field, Destination::parse(field, raw, policy)) {
                        *slot = Some(d);
                    }
                }
            }
        };
        destination(
            &mut v,
            "forward_always",
            changes.forward_always,
            &mut after.forward_always,
        );
        destination(
            &mut v,
            "forward_busy",
            changes.forward_busy,
            &mut after.forward_busy,
        );
        destination(
            &mut v,
            "forward_no_answer",
            changes.forward_no_answer,
            &mut after.forward_no_answer,
        );
        destination(
            &mut v,
            "forward_unreachable",
            changes.forward_unreachable,
            &mut after.forward_unreachable,
        );
        if let Some(rings) = changes.forward_no_answer_rings {
            after.forward_no_answer_rings = v
                .check("forward_no_answer_rings", forward_rings(rings))
                .unwrap_or(after.forward_no_answer_rings);
        }
        if let Some(list) = changes.simultaneous_destinations {
            let list: Vec<String> = list.into_iter().filter(|d| !d.trim().is_empty()).collect();
            if list.len() > MAX_SIMULTANEOUS {
                v.push(FieldError::new(
                    "simultaneous_destinations",
                    "too-many",
                    format!("At most {MAX_SIMULTANEOUS} destinations ring along."),
                ));
            } else {
                let mut parsed = Vec::new();
                for (i, raw) in list.iter().enumerate() {
                    let field = format!("simultaneous_destinations[{i}]");
                    if let Some(d) = v.check(&field, Destination::parse(&field, raw, policy)) {
                        if parsed.contains(&d) {
                            v.push(FieldError::new(
                                &field,
                                "duplicate",
                                "This destination is listed twice.",
                            ));
                        } else {
                            parsed.push(d);
                        }
                    }
                }
                after.simultaneous_destinations = parsed;
            }
        }
        if let Some(on) = changes.simultaneous_ring {
            after.simultaneous_ring = on;
        }
        if after.simultaneous_ring && after.simultaneous_destinations.is_empty() {
            v.push(FieldError::new(
                "simultaneous_destinations",
                "required",
                "Simultaneous ring needs at least one destination.",
            ));
        }
        if let Some(on) = changes.do_not_disturb {
            after.do_not_disturb = on;
        }
        if let Some(on) = changes.reject_anonymous {
            after.reject_anonymous = on;
        }
        if let Some(on) = changes.voicemail {
            after.voicemail = on;
        }
        if let Some(rings) = changes.voicemail_rings {
            after.voicemail_rings = v
                .check("voicemail_rings", voicemail_rings(rings))
                .unwrap_or(after.voicemail_rings);
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
        // S-6: only a number the enterprise really holds for this user or their site is shown
        // to callers.
        let site_main = site_main_number(&mut tx, &user).await?;
        match changes.caller_id.as_deref().map(str::trim) {
            None => {}
            Some("" | "own") => after.caller_id = None,
            Some(shown) if callers_may_see(&user, shown, site_main.is_some()) => {
                after.caller_id = Some(shown.to_owned());
            }
            Some("site") => v.push(FieldError::new(
                "caller_id",
                "no-main-number",
                "The user's site has no main number; an administrator gives it one on the numbers page.",
            )),
            Some(_) => v.push(FieldError::new(
                "caller_id",
                "not-held",
                "Callers can be shown the user's own number, one of their alternative numbers, the site's main number, or nothing (withheld).",
            )),
        }
        // S-2: services only an administrator sets; a user's own changes to them are refused.
        for (field, given) in [
            ("mobility", changes.mobility.is_some()),
            ("mobility_number", changes.mobility_number.is_some()),
            (
                "override_site_forwarding",
                changes.override_site_forwarding.is_some(),
            ),
            ("network_class", changes.network_class.is_some()),
            ("shared_lines", changes.shared_lines.is_some()),
        ] {
            if given && self_service {
                v.push(FieldError::new(
                    field,
                    "admin-only",
                    "Only an administrator sets this service.",
                ));
            }
        }
        if let Some(on) = changes.mobility {
            after.mobility = on;
        }
        match changes.mobility_number.as_deref().map(str::trim) {
            None => {}
            Some("") => after.mobility_number = None,
            Some(raw) => {
                if let Some(n) = v.check(
                    "mobility_number",
                    E164Number::parse(raw)
                        .map_err(|e| FieldError::new("mobility_number", e.code, e.message)),
                ) {
                    after.mobility_number = Some(n.to_string());
                }
            }
        }
        if after.mobility && after.mobility_number.is_none() {
            v.push(FieldError::new(
                "mobility_number",
                "required",
                "Mobility needs the mobile number that rings along.",
            ));
        }
        if let Some(on) = changes.override_site_forwarding {
            after.override_site_forwarding = on;
        }
        if let Some(raw) = changes.network_class.as_deref().map(str::trim) {
            match NetworkClass::parse(raw) {
                Some(class) => after.network_class = class,
                None => v.push(FieldError::new(
                    "network_class",
                    "invalid-choice",
                    format!("'{raw}' is not one of: {}.", NetworkClass::choices()),
                )),
            }
        }
        let before_lines = services::shared_lines(&mut tx, id).await?;
        let shared_lines: Option<Vec<UserId>> = match &changes.shared_lines {
            None => None,
            Some(raw) if raw.len() > MAX_SHARED_LINES => {
                v.push(FieldError::new(
                    "shared_lines",
                    "too-many",
                    format!("At most {MAX_SHARED_LINES} other lines on one phone."),
                ));
                None
            }
            Some(raw) => {
                let mut lines = Vec::new();
                for (field, line_user) in
                    crate::groups::users_of(&mut tx, user.enterprise_id, "shared_lines", raw)
                        .await?
                {
                    if line_user.id == id {
                        v.push(FieldError::new(
                            &field,
                            "own-line",
                            "A user's own line is on their phone already.",
                        ));
                    } else if actor
                        .can_reach_site(user.enterprise_id, line_user.site_id, "user")
                        .is_err()
                    {
                        v.push(FieldError::new(
                            &field,
                            "unknown-reference",
                            "There is no such user.",
                        ));
                    } else {
                        lines.push(line_user.id);
                    }
                }
                Some(lines)
            }
        };
        // A PIN typed but refused is said once, as what is wrong with it.
        let pin_given = pin.is_some();
        let pin: Option<String> = match pin {
            None => None,
            Some(checked) => v.check("voicemail_pin", checked).map(|(_, hash)| hash),
        };
        if after.voicemail && !pin_given && !before.voicemail_pin_set {
            v.push(FieldError::new(
                "voicemail_pin",
                "required",
                "Voicemail needs a PIN to listen to messages from a phone.",
            ));
        }
        v.finish()?;
        let pin_hash = match &pin {
            Some(hash) => Some(hash.clone()),
            None => stored.as_ref().and_then(|s| s.voicemail_pin_hash.clone()),
        };
        let now = self.0.now();
        let written = services::put(
            &mut tx,
            id,
            user.enterprise_id,
            &Stored {
                settings_json: serde_json::to_string(&after).map_err(anyhow::Error::from)?,
                voicemail_pin_hash: pin_hash.clone(),
                version: before.version,
            },
            before.version,
            now,
        )
        .await?;
        if !written {
            return Err(AppError::PreconditionFailed);
        }
        if let Some(lines) = &shared_lines {
            services::set_shared_lines(&mut tx, id, lines).await?;
        }
        let lines_after = services::shared_lines(&mut tx, id).await?;
        audit::record(
            &mut tx,
            actor,
            now,
            Change {
                enterprise: Some(user.enterprise_id),
                action: "user.services.changed",
                target_kind: "user",
                target_id: id.to_string(),
                before: serde_json::to_value(&before.services).ok().map(|mut b| {
                    b["shared_lines"] = line_ids(&before_lines);
                    b
                }),
                // The PIN itself never reaches the log; only that it changed.
                after: serde_json::to_value(&after).ok().map(|mut a| {
                    a["voicemail_pin_changed"] = serde_json::Value::Bool(pin.is_some());
                    a["shared_lines"] = line_ids(&lines_after);
                    a
                }),
            },
        )
        .await?;
        // T-1: the SIP server forwards, refuses or shows the new caller ID from the next call;
        // a line newly shown on (or taken off) this phone rings it (or stops) from then on.
        let mut changed = vec![id];
        for line in before_lines.iter().chain(&lines_after) {
            let on_both = before_lines
                .iter()
                .any(|l| l.line_user_id == line.line_user_id)
                && lines_after
                    .iter()
                    .any(|l| l.line_user_id == line.line_user_id);
            if !on_both && !changed.contains(&line.line_user_id) {
                changed.push(line.line_user_id);
            }
        }
        for user_id in changed {
            crate::jobs::enqueue_sync_of(&mut tx, self.0, user_id, user.enterprise_id).await?;
        }
        self.0.commit_with_jobs(tx).await?;
        Ok(ServicesView {
            user_id: id,
            services: after,
            shared_lines: lines_after,
            voicemail_pin_set: pin_hash.is_some(),
            version: before.version + 1,
            site_main_number: site_main,
        })
    }
}

fn line_ids(lines: &[SharedLine]) -> serde_json::Value {
    serde_json::json!(
        lines
            .iter()
            .map(|l| l.line_user_id.to_string())
            .collect::<Vec<_>>()
    )
}

/// S-6: whether callers may be shown `shown`: nothing (`withheld`), the site's main number
/// (`site`, when it has one), or a number the user holds — primary or alternative.
fn callers_may_see(
    user: &switchboard_store::users::User,
    shown: &str,
    site_has_main: bool,
) -> bool {
    match shown {
        "withheld" => true,
        "site" => site_has_main,
        number => user
            .primary_number
            .iter()
            .chain(&user.alternative_numbers)
            .any(|n| n.as_str() == number),
    }
}

async fn site_main_number(
    conn: &mut switchboard_store::Conn,
    user: &switchboard_store::users::User,
) -> AppResult<Option<E164Number>> {
    Ok(switchboard_store::numbers::held_by(
        conn,
        switchboard_store::numbers::Holder::Site(user.site_id),
    )
    .await?)
}

fn view(id: UserId, stored: Option<&Stored>) -> AppResult<ServicesView> {
    Ok(match stored {
        Some(s) => ServicesView {
            user_id: id,
            services: serde_json::from_str(&s.settings_json).map_err(anyhow::Error::from)?,
            shared_lines: Vec::new(),
            voicemail_pin_set: s.voicemail_pin_hash.is_some(),
            version: s.version,
            site_main_number: None,
        },
        None => ServicesView {
            user_id: id,
            services: CallServices::default(),
            shared_lines: Vec::new(),
            voicemail_pin_set: false,
            version: 0,
            site_main_number: None,
        },
    })
}
