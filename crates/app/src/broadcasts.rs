//! Broadcast messages (G-5): an administrator writes to one or more teams, now or at a time;
//! a job delivers it once — to every member's portal inbox and, where chosen, by email — even
//! when two workers run (the broadcast is marked sent in the delivery's own transaction).

use serde::{Deserialize, Serialize};
use switchboard_domain::group::message_body;
use switchboard_domain::{
    BroadcastId, Category, EnterpriseId, FieldError, Subject, TeamId, Violations,
};
use switchboard_store::broadcasts::{self, Broadcast};
use switchboard_store::inbox::{self, Message};
use switchboard_store::jobs::{self as job_store, NewJob};
use switchboard_store::org::{self, Team, UnitTable};

use crate::App;
use crate::actor::Actor;
use crate::audit::{self, Change, snapshot};
use crate::error::AppResult;
use crate::mail::{self, Outgoing};
use crate::tenancy::load_enterprise;

pub(crate) const SEND: &str = "broadcast.send";

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct SendPayload {
    pub broadcast_id: BroadcastId,
}

/// Input of [`Broadcasts::create`]; every field optional so that all missing ones are reported.
#[derive(Debug, Clone, Default)]
pub struct NewBroadcast {
    pub team_ids: Option<Vec<String>>,
    pub category: Option<String>,
    pub subject: Option<String>,
    pub body: Option<String>,
    /// RFC 3339, or a form's `YYYY-MM-DDTHH:MM` read in `time_zone`; now when absent.
    pub send_at: Option<String>,
    pub by_email: Option<bool>,
    /// I-6: the zone a time without an offset is read in (the writer's); the enterprise's
    /// when none is given.
    pub time_zone: Option<switchboard_domain::TimeZone>,
}

/// A broadcast may be scheduled at most this far ahead.
const MAX_AHEAD_MILLIS: i64 = 366 * 24 * 3_600_000;

pub struct Broadcasts<'a>(pub(crate) &'a App);

impl Broadcasts<'_> {
    /// G-5: schedules a broadcast (now, or later) to the teams named.
    pub async fn create(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        input: NewBroadcast,
    ) -> AppResult<Broadcast> {
        actor.require_staff(enterprise, "send broadcasts")?;
        let mut tx = self.0.begin().await?;
        let found = load_enterprise(&mut tx, enterprise).await?;
        let zone = input.time_zone.unwrap_or(found.time_zone);
        let now = self.0.now();
        let mut v = Violations::new();
        let mut team_ids: Vec<TeamId> = Vec::new();
        match input.team_ids.filter(|t| !t.is_empty()) {
            None => v.push(FieldError::new(
                "team_ids",
                "required",
                "Choose at least one team.",
            )),
            Some(raw) => {
                for (i, id) in raw.iter().enumerate() {
                    let team: Option<Team> = org::get(&mut tx, UnitTable::Teams, id.trim()).await?;
                    match team.filter(|t| t.enterprise_id == enterprise) {
                        Some(t) if !team_ids.contains(&t.id) => team_ids.push(t.id),
                        Some(_) => {}
                        None => v.push(FieldError::new(
                            format!("team_ids[{i}]"),
                            "unknown-reference",
                            "There is no such team in this enterprise.",
                        )),
                    }
                }
            }
        }
        let category = match input.category.as_deref().map(str::trim) {
            None | Some("") => Some(Category::Information),
            Some(c) => {
                let parsed = Category::parse(c);
                if parsed.is_none() {
                    v.push(FieldError::new(
                        "category",
                        "invalid-choice",
                        format!("'{c}' is not one of: {}.", Category::choices()),
                    ));
                }
                parsed
            }
        };
        let subject = v
            .require("subject", input.subject)
            .and_then(|s| v.check("subject", Subject::parse(&s)));
        let body = v
            .require("body", input.body)
            .and_then(|b| v.check("body", message_body(&b)));
        let send_at = match input.send_at.as_deref().map(str::trim) {
            None | Some("") => Some(now),
            Some(raw) => match zone.parse_instant(raw) {
                // A moment ago (a form sent a minute late) is now; further back is a mistake.
                Some(at) if at.millis() < now.millis() - 60_000 => {
                    v.push(FieldError::new(
                        "send_at",
                        "in-the-past",
                        "This time has passed; choose a later one, or none to send now.",
                    ));
                    None
                }
                Some(at) if at.millis() > now.millis() + MAX_AHEAD_MILLIS => {
                    v.push(FieldError::new(
                        "send_at",
                        "out-of-range",
                        "A broadcast is scheduled at most a year ahead.",
                    ));
                    None
                }
                Some(at) => Some(if at < now { now } else { at }),
                None => {
                    v.push(FieldError::new("send_at", "invalid-time", format!("Give a date and time like 2026-12-24T09:00 ({zone}) or 2026-12-24T09:00:00+01:00.")));
                    None
                }
            },
        };
        v.finish()?;
        let broadcast = Broadcast {
            id: BroadcastId::new(),
            enterprise_id: enterprise,
            author: actor.label.clone(),
            category: category.expect("checked").as_str().to_owned(),
            subject: subject.expect("checked").as_str().to_owned(),
            body: body.expect("checked"),
            by_email: input.by_email.unwrap_or(false),
            send_at: send_at.expect("checked"),
            status: "scheduled".into(),
            recipients: None,
            sent_at: None,
            created_at: now,
            team_ids,
        };
        broadcasts::insert(&mut tx, &broadcast).await?;
        job_store::enqueue(
            &mut tx,
            &NewJob {
                kind: SEND,
                payload: serde_json::to_value(SendPayload {
                    broadcast_id: broadcast.id,
                })
                .map_err(anyhow::Error::from)?,
                run_at: broadcast.send_at,
                max_attempts: 5,
                enterprise_id: Some(enterprise),
                subject_id: Some(broadcast.id.to_string()),
            },
            now,
        )
        .await?;
        audit::record(
            &mut tx,
            actor,
            now,
            Change {
                enterprise: Some(enterprise),
                action: "broadcast.scheduled",
                target_kind: "broadcast",
                target_id: broadcast.id.to_string(),
                before: None,
                after: snapshot(&broadcast),
            },
        )
        .await?;
        self.0.commit_with_jobs(tx).await?;
        Ok(broadcast)
    }

    /// An enterprise's broadcasts, the latest first.
    pub async fn list(&self, actor: &Actor, enterprise: EnterpriseId) -> AppResult<Vec<Broadcast>> {
        actor.require_staff(enterprise, "see broadcasts")?;
        let mut conn = self.0.db().read().await?;
        load_enterprise(&mut conn, enterprise).await?;
        Ok(broadcasts::list(&mut conn, enterprise, 100).await?)
    }

    /// The job: delivers the broadcast to every member of its teams, once (a second run, in
    /// parallel or later, delivers nothing).
    pub async fn send(&self, id: BroadcastId) -> AppResult<()> {
        let mut tx = self.0.begin().await?;
        let Some(broadcast) = broadcasts::get(&mut tx, id).await? else {
            return Ok(());
        };
        let recipients = broadcasts::recipients(&mut tx, id).await?;
        let now = self.0.now();
        // Marked first: a second run (another worker, a retry) finds it sent and sends nothing.
        if !broadcasts::mark_sent(&mut tx, id, recipients.len() as i64, now).await? {
            return Ok(());
        }
        for r in &recipients {
            inbox::insert(
                &mut tx,
                &Message {
                    id: switchboard_domain::MessageId::new(),
                    enterprise_id: broadcast.enterprise_id,
                    user_id: r.user_id,
                    category: broadcast.category.clone(),
                    template: None,
                    args_json: None,
                    subject: Some(broadcast.subject.clone()),
                    body: Some(broadcast.body.clone()),
                    created_at: now,
                    read_at: None,
                },
            )
            .await?;
            if broadcast.by_email {
                mail::enqueue(
                    &mut tx,
                    self.0,
                    Outgoing {
                        enterprise_id: Some(broadcast.enterprise_id),
                        channel: "email",
                        recipient: r.email.clone(),
                        subject: broadcast.subject.clone(),
                        body: format!("{}\n", broadcast.body),
                        purpose: "broadcast",
                    },
                )
                .await?;
            }
        }
        self.0.commit_with_jobs(tx).await?;
        Ok(())
    }
}
