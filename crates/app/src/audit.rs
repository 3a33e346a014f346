//! Writing and reading the audit log. Entries are written in the use case's transaction,
//! so a change and its record stand or fall together. Secrets never reach these values (K-5).

use serde::Serialize;
use switchboard_domain::{AuditId, EnterpriseId, FieldError, TimeZone, Timestamp, Violations};
use switchboard_store::Conn;
use switchboard_store::audit::{self, AuditEntry, AuditQuery};

use crate::App;
use crate::actor::{Actor, Principal};
use crate::error::{AppError, AppResult};

/// One change to record.
pub struct Change<'a> {
    pub enterprise: Option<EnterpriseId>,
    pub action: &'a str,
    pub target_kind: &'a str,
    pub target_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// A value as it appears in the audit log.
pub fn snapshot(value: &impl Serialize) -> Option<serde_json::Value> {
    serde_json::to_value(value).ok()
}

pub async fn record(
    conn: &mut Conn,
    actor: &Actor,
    at: Timestamp,
    change: Change<'_>,
) -> AppResult<()> {
    audit::insert(
        conn,
        &AuditEntry {
            id: AuditId::new(),
            at,
            enterprise_id: change.enterprise,
            actor: actor.label.clone(),
            channel: actor.channel.as_str().to_owned(),
            client_ip: actor.client_ip.clone(),
            request_id: actor.request_id.clone(),
            action: change.action.to_owned(),
            target_kind: change.target_kind.to_owned(),
            target_id: change.target_id,
            before: change.before,
            after: change.after,
        },
    )
    .await?;
    Ok(())
}

/// Every kind of event the audit log holds, for a filter a person chooses from. A test
/// checks that each code written anywhere in the services is listed here.
pub const EVENT_TYPES: &[&str] = &[
    "user.created",
    "user.updated",
    "user.activated",
    "user.activation_failed",
    "user.activation_retried",
    "user.deactivated",
    "user.reactivated",
    "user.deleted",
    "user.sip_credentials_renewed",
    "user.alternative_number_added",
    "user.alternative_number_removed",
    "user.services.changed",
    "user.picture_set",
    "user.picture_removed",
    "users.imported",
    "group.created",
    "group.updated",
    "group.deleted",
    "group.members.changed",
    "group.supervisors.changed",
    "group.services.changed",
    "campaign.created",
    "campaign.deleted",
    "campaign.agents.changed",
    "greeting.uploaded",
    "greeting.removed",
    "voicemail.deleted",
    "broadcast.scheduled",
    "department.created",
    "department.renamed",
    "department.deleted",
    "team.created",
    "team.renamed",
    "team.deleted",
    "team.leads.changed",
    "site.created",
    "site.updated",
    "site.main_number.changed",
    "numbers.loaded",
    "licence.purchased",
    "licence_type.created",
    "licence_type.renamed",
    "device_type.created",
    "device_type.renamed",
    "enterprise.created",
    "enterprise.updated",
    "token.created",
    "token.revoked",
    "soft_client.link_issued",
    "soft_client.provisioned",
    "job.retried",
    "provisioning.resynced",
    "account.invited",
    "account.invitation_accepted",
    "account.signed_in",
    "account.signed_out",
    "account.signed_out_everywhere",
    "account.sign_in_failed",
    "account.locked",
    "account.password_changed",
    "account.password_set",
    "account.password_reset",
    "account.password_reset_requested",
    "account.password_accepted",
    "account.totp_enabled",
    "account.totp_disabled",
    "account.two_step_required",
    "account.two_step_failed",
    "account.two_step_voided",
];

/// A search of the audit log as a person types it: who, which kind of event, which
/// subject, and a range of days (`YYYY-MM-DD`, whole days in the reader's time zone).
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// A login name: the changes that person made.
    pub who: Option<String>,
    /// One of [`EVENT_TYPES`].
    pub event: Option<String>,
    /// The id of the thing changed.
    pub subject: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// I-6: the zone the days are days of; UTC when none.
    pub time_zone: Option<TimeZone>,
}

/// A day typed as `YYYY-MM-DD`, as the instant it starts in `zone`, and the next day's start.
fn day_bounds(zone: TimeZone, field: &str, typed: &str) -> AppResult<(Timestamp, Timestamp)> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(typed.trim(), &format)
        .ok()
        .and_then(|d| {
            let start_of = |d: time::Date| {
                zone.instant_of(
                    d.year() as i16,
                    u8::from(d.month()) as i8,
                    d.day() as i8,
                    0,
                    0,
                )
            };
            Some((start_of(d)?, start_of(d.next_day()?)?))
        })
        .ok_or_else(|| {
            AppError::invalid(
                field,
                "invalid-date",
                "A date is written YYYY-MM-DD, e.g. 2026-12-24.",
            )
        })
}

impl AuditFilter {
    /// The store's query for this filter, or every field that is wrong.
    pub fn query(&self, enterprise: Option<EnterpriseId>, limit: i64) -> AppResult<AuditQuery> {
        let mut v = Violations::new();
        let event = self.event.clone().filter(|e| !e.is_empty());
        if let Some(e) = &event
            && !EVENT_TYPES.contains(&e.as_str())
        {
            v.push(FieldError::new(
                "event",
                "invalid-choice",
                "Choose a kind of event from the list.",
            ));
        }
        let zone = self.time_zone.unwrap_or_else(TimeZone::utc);
        let mut day = |field: &str, typed: &Option<String>| match typed.as_deref() {
            None | Some("") => None,
            Some(t) => match day_bounds(zone, field, t) {
                Ok(at) => Some(at),
                Err(AppError::Validation(errors)) => {
                    errors.into_iter().for_each(|e| v.push(e));
                    None
                }
                Err(_) => None,
            },
        };
        let since = day("from", &self.from).map(|(start, _)| start);
        // The whole of the last day counts (23 or 25 hours on a daylight-saving day).
        let until = day("to", &self.to).map(|(_, next)| next);
        if let (Some(since), Some(until)) = (since, until)
            && until <= since
        {
            v.push(FieldError::new(
                "to",
                "invalid-range",
                "The last day cannot be before the first.",
            ));
        }
        v.finish()?;
        let actors = match self.who.as_deref().map(str::trim) {
            None | Some("") => Vec::new(),
            // Portal sessions, operators, and the API tokens named after a person's login.
            Some(login) => {
                let login = login.to_lowercase();
                vec![format!("user:{login}"), format!("operator:{login}")]
            }
        };
        Ok(AuditQuery {
            enterprise_id: enterprise,
            target_id: self.subject.clone().filter(|s| !s.is_empty()),
            action: event,
            actors,
            since,
            until,
            before_id: None,
            limit,
        })
    }
}

pub struct AuditLog<'a>(pub(crate) &'a App);

impl AuditLog<'_> {
    /// Operators read everything; enterprise administrators their enterprise. Site administrators
    /// are refused for now: entries are not yet attributed to sites.
    pub async fn list(&self, actor: &Actor, mut query: AuditQuery) -> AppResult<Vec<AuditEntry>> {
        match &actor.principal {
            Principal::Operator | Principal::System => {}
            Principal::EnterpriseAdmin { enterprise } => {
                if let Some(asked) = query.enterprise_id {
                    actor.can_see_enterprise(asked)?;
                }
                query.enterprise_id = Some(*enterprise);
            }
            Principal::SiteAdmin { .. } | Principal::Member { .. } => {
                return Err(AppError::Forbidden(
                    "Only enterprise administrators and operators can read the audit log.".into(),
                ));
            }
        }
        let mut conn = self.0.db().read().await?;
        Ok(audit::list(&mut conn, &query).await?)
    }

    /// Of the entries' subjects, those that still exist (the entries were already read with
    /// the actor's reach).
    pub async fn existing_subjects(
        &self,
        entries: &[AuditEntry],
    ) -> AppResult<std::collections::HashSet<String>> {
        let mut conn = self.0.db().read().await?;
        Ok(audit::existing_subjects(&mut conn, entries).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a3_every_event_code_the_services_write_is_in_the_catalogue() {
        // The literal codes of every `action: "…"` in this crate's sources.
        let sources = [
            include_str!("users.rs"),
            include_str!("groups.rs"),
            include_str!("campaigns.rs"),
            include_str!("greetings.rs"),
            include_str!("voicemail.rs"),
            include_str!("broadcasts.rs"),
            include_str!("tenancy.rs"),
            include_str!("teams.rs"),
            include_str!("numbers.rs"),
            include_str!("catalogue.rs"),
            include_str!("tokens.rs"),
            include_str!("provisioning.rs"),
            include_str!("jobs.rs"),
            include_str!("pictures.rs"),
            include_str!("call_services.rs"),
            include_str!("group_services.rs"),
            include_str!("import/mod.rs"),
            include_str!("import/write.rs"),
            include_str!("organisation.rs"),
        ];
        for source in sources {
            for (i, _) in source.match_indices("action: \"") {
                let rest = &source[i + "action: \"".len()..];
                let code = &rest[..rest.find('"').unwrap()];
                assert!(EVENT_TYPES.contains(&code), "{code} is not in EVENT_TYPES");
            }
        }
    }

    #[test]
    fn a3_a_filter_is_checked_field_by_field() {
        let wrong = AuditFilter {
            event: Some("deactivated".into()),
            from: Some("24.12.2026".into()),
            ..AuditFilter::default()
        };
        let Err(AppError::Validation(fields)) = wrong.query(None, 50) else {
            panic!("refused");
        };
        let named: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(named, vec!["event", "from"]);
        let backwards = AuditFilter {
            from: Some("2026-12-24".into()),
            to: Some("2026-12-23".into()),
            ..AuditFilter::default()
        };
        assert!(backwards.query(None, 50).is_err());
        let day = AuditFilter {
            from: Some("2026-12-24".into()),
            to: Some("2026-12-24".into()),
            who: Some("Anna@Example.com".into()),
            ..AuditFilter::default()
        }
        .query(None, 50)
        .unwrap();
        assert_eq!(
            day.until.unwrap().millis() - day.since.unwrap().millis(),
            86_400_000
        );
        assert_eq!(day.actors[0], "user:anna@example.com");
        // I-6: the days of the reader's zone; the day clocks go forward has 23 hours.
        let spring = AuditFilter {
            from: Some("2026-03-29".into()),
            to: Some("2026-03-29".into()),
            time_zone: TimeZone::parse("Europe/Berlin"),
            ..AuditFilter::default()
        }
        .query(None, 50)
        .unwrap();
        assert_eq!(
            spring.until.unwrap().millis() - spring.since.unwrap().millis(),
            23 * 3_600_000
        );
        assert_eq!(spring.since.unwrap().millis() % 86_400_000, 23 * 3_600_000);
    }
}
