//! Each enterprise's pool of numbers (N-4): loaded by operators, singly or as a range.

use switchboard_domain::{E164Number, EnterpriseId, FieldError, NumberRange, SiteId, Violations};
use switchboard_store::numbers::{self, Availability, Claim, Holder, PoolNumber};
use switchboard_store::org::{self, Site, UnitTable};

use crate::actor::Actor;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::tenancy::load_enterprise;
use crate::{App, commit};

/// What to load: one number, or `first`..=`last`.
#[derive(Debug, Clone, Default)]
pub struct NumbersToLoad {
    pub number: Option<String>,
    pub first: Option<String>,
    pub last: Option<String>,
}

pub struct Numbers<'a>(pub(crate) &'a App);

impl Numbers<'_> {
    /// Adds free numbers to the pool. All or nothing: if any number is invalid or exists already
    /// (in any enterprise), nothing is loaded and the problem names them.
    pub async fn load(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        input: NumbersToLoad,
    ) -> AppResult<Vec<E164Number>> {
        actor.can_see_enterprise(enterprise)?;
        actor.require_operator("load numbers")?;
        let mut v = Violations::new();
        let numbers = match (input.number, input.first, input.last) {
            (Some(number), None, None) => v
                .check("number", E164Number::parse(&number))
                .map(|n| vec![n]),
            (None, Some(first), Some(last)) => {
                let first = v.check("first", E164Number::parse(&first));
                let last = v.check("last", E164Number::parse(&last));
                match (first, last) {
                    (Some(first), Some(last)) => v
                        .check("last", NumberRange::new(first, last))
                        .and_then(|range| v.check("first", range.numbers())),
                    _ => None,
                }
            }
            _ => {
                v.push(FieldError::new(
                    "number",
                    "required",
                    "Give either 'number' for one number, or 'first' and 'last' for a range.",
                ));
                None
            }
        };
        v.finish()?;
        let numbers = numbers.expect("checked");
        let mut tx = self.0.begin().await?;
        load_enterprise(&mut tx, enterprise).await?;
        let existing = numbers::existing(&mut tx, &numbers).await?;
        if !existing.is_empty() {
            let shown: Vec<&str> = existing.iter().take(10).map(String::as_str).collect();
            let more = if existing.len() > 10 {
                format!(" and {} more", existing.len() - 10)
            } else {
                String::new()
            };
            return Err(AppError::conflict(
                "number-exists",
                format!(
                    "Already in a pool, so nothing was loaded: {}{more}.",
                    shown.join(", ")
                ),
            ));
        }
        let now = self.0.now();
        numbers::insert_free(&mut tx, enterprise, &numbers, now).await.map_err(|e| {
            if e.unique_violation().is_some() {
                // Another request loaded some of them in the meantime.
                AppError::conflict("number-exists", "Some of these numbers were just loaded by another request; nothing was loaded.")
            } else {
                e.into()
            }
        })?;
        audit::record(
            &mut tx,
            actor,
            now,
            Change {
                enterprise: Some(enterprise),
                action: "numbers.loaded",
                target_kind: "enterprise",
                target_id: enterprise.to_string(),
                before: None,
                after: Some(serde_json::json!({
                    "count": numbers.len(),
                    "first": numbers.first(),
                    "last": numbers.last(),
                })),
            },
        )
        .await?;
        commit(tx).await?;
        Ok(numbers)
    }

    /// A page of the pool (N-4): free, assigned (and to whom) or both, optionally by prefix.
    pub async fn list(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        availability: Availability,
        prefix: Option<&str>,
        after: Option<&str>,
        limit: i64,
    ) -> AppResult<Vec<PoolNumber>> {
        actor.require_staff(enterprise, "see the number pool")?;
        if let Some(prefix) = prefix {
            let ok = prefix
                .strip_prefix('+')
                .unwrap_or(prefix)
                .bytes()
                .all(|b| b.is_ascii_digit())
                && prefix.len() <= 16;
            if !ok {
                return Err(AppError::invalid(
                    "prefix",
                    "invalid-prefix",
                    "A prefix is '+' and digits, e.g. +4930.",
                ));
            }
        }
        let mut conn = self.0.db().read().await?;
        load_enterprise(&mut conn, enterprise).await?;
        let mut page =
            numbers::list(&mut conn, enterprise, availability, prefix, after, limit).await?;
        // a site administrator sees that a number is taken, not who of another site holds it.
        if let Some(sites) = actor.site_limit() {
            for number in page
                .iter_mut()
                .filter(|n| n.user_site_id.is_some_and(|s| !sites.contains(&s)))
            {
                number.user_id = None;
                number.user_name = None;
                number.user_site_id = None;
            }
        }
        Ok(page)
    }

    /// S-6: a site in reach and its main number, if it has one.
    pub async fn site_main(
        &self,
        actor: &Actor,
        site: SiteId,
    ) -> AppResult<(Site, Option<E164Number>)> {
        let mut conn = self.0.db().read().await?;
        let site = site_in_reach(&mut conn, actor, site).await?;
        let number = numbers::held_by(&mut conn, Holder::Site(site.id)).await?;
        Ok((site, number))
    }

    /// S-6: makes a free number of the enterprise's pool the site's main number, which its
    /// users may show callers; `None` (or empty) gives the one it has back to the pool.
    pub async fn set_site_main(
        &self,
        actor: &Actor,
        site: SiteId,
        number: Option<&str>,
    ) -> AppResult<Option<E164Number>> {
        let wanted = match number.map(str::trim) {
            None | Some("") => None,
            Some(raw) => Some(
                E164Number::parse(raw)
                    .map_err(|e| AppError::invalid("number", e.code, e.message))?,
            ),
        };
        let mut tx = self.0.begin().await?;
        let site = site_in_reach(&mut tx, actor, site).await?;
        let holder = Holder::Site(site.id);
        let before = numbers::release_of(&mut tx, holder).await?;
        let now = self.0.now();
        if let Some(number) = &wanted {
            match numbers::claim_for(&mut tx, site.enterprise_id, number, holder, now).await? {
                Claim::Claimed => {}
                Claim::Taken => return Err(AppError::NumberTaken(number.to_string())),
                Claim::NotInPool => {
                    return Err(AppError::Validation(vec![crate::users::unknown_number(
                        "number", number,
                    )]));
                }
            }
        }
        audit::record(
            &mut tx,
            actor,
            now,
            Change {
                enterprise: Some(site.enterprise_id),
                action: "site.main_number.changed",
                target_kind: "site",
                target_id: site.id.to_string(),
                before: Some(serde_json::json!({ "main_number": before })),
                after: Some(serde_json::json!({ "main_number": wanted })),
            },
        )
        .await?;
        // T-1: the site's users who show its main number show the new one from the next call.
        for user in switchboard_store::services::showing_site_number(&mut tx, site.id).await? {
            crate::jobs::enqueue_sync_of(&mut tx, self.0, user, site.enterprise_id).await?;
        }
        self.0.commit_with_jobs(tx).await?;
        Ok(wanted)
    }
}

/// A site the actor administers; anything else is "not found".
async fn site_in_reach(
    conn: &mut switchboard_store::Conn,
    actor: &Actor,
    id: SiteId,
) -> AppResult<Site> {
    let site: Site = org::get(conn, UnitTable::Sites, &id.to_string())
        .await?
        .ok_or(AppError::NotFound("site"))?;
    actor
        .require_staff(site.enterprise_id, "change a site's main number")
        .map_err(|e| match e {
            AppError::NotFound(_) => AppError::NotFound("site"),
            other => other,
        })?;
    actor.can_reach_site(site.enterprise_id, site.id, "site")?;
    Ok(site)
}
