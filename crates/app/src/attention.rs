//! What needs attention, for the start pages: an enterprise's administrators see the users waiting
//! for or failing activation, the pushes to the phone system that gave up (T-3), the licence types
//! running out (N-2) and the free numbers (N-4), and the recent changes; a provider's
//! operator sees the same across the enterprises. Reads only; every count is capped.

use switchboard_domain::{EnterpriseId, SiteId, UserState};
use switchboard_store::attention::{self, Capped, FailedPush};
use switchboard_store::audit::{self as audit_store, AuditEntry, AuditQuery};
use switchboard_store::enterprises::Enterprise;
use switchboard_store::licences::{self, Pool};

use crate::App;
use crate::actor::{Actor, Principal};
use crate::error::{AppError, AppResult};
use crate::tenancy::load_enterprise;

/// Counts above this read "1,000+": exact counts of a million rows have no place on a start page.
pub const COUNT_CAP: i64 = 1_000;
/// The failed pushes named one by one; the rest are counted.
const FAILED_PUSHES_SHOWN: i64 = 5;
const RECENT_CHANGES: i64 = 6;
/// The threshold when an administrator has not chosen one: warn while fewer than this are free.
pub const DEFAULT_THRESHOLD: i64 = 5;
/// Enterprises an operator's start page looks at, by name.
const ENTERPRISES_LOOKED_AT: i64 = 200;

/// A licence type of the pool that is running out: none free, or fewer than the threshold.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LowLicence {
    pub pool: Pool,
    pub free: i64,
}

/// The attention items of one enterprise, in the reach of whoever asked.
#[derive(Debug, Clone, serde::Serialize)]
pub struct EnterpriseAttention {
    pub pending: Capped,
    pub failed: Capped,
    pub failed_pushes: Vec<FailedPush>,
    pub low_licences: Vec<LowLicence>,
    pub free_numbers: Capped,
    /// Free numbers are running out too (fewer than the threshold).
    pub numbers_low: bool,
    /// The newest entries of the audit log, for those who may read it.
    pub recent: Vec<AuditEntry>,
    pub threshold: i64,
}

impl EnterpriseAttention {
    /// Nothing to act on: the start page says so instead of listing zeros.
    pub fn all_clear(&self) -> bool {
        self.pending.count == 0
            && self.failed.count == 0
            && self.failed_pushes.is_empty()
            && self.low_licences.is_empty()
            && !self.numbers_low
    }
}

/// One enterprise on an operator's start page, listed when something in it needs attention.
#[derive(Debug, Clone, serde::Serialize)]
pub struct EnterpriseSummary {
    pub enterprise: Enterprise,
    pub failed: Capped,
    pub pending: Capped,
    pub low_licences: Vec<LowLicence>,
    pub free_numbers: Capped,
    pub numbers_low: bool,
}

/// An operator's start page.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ProviderAttention {
    pub enterprises: i64,
    /// The enterprises where something needs the provider, failing activations first.
    pub needing_attention: Vec<EnterpriseSummary>,
    pub threshold: i64,
}

pub struct Attention<'a>(pub(crate) &'a App);

fn low_licences(pools: Vec<Pool>, threshold: i64) -> Vec<LowLicence> {
    pools
        .into_iter()
        // A type the enterprise never bought is not running out: it is not in use.
        .filter(|p| p.purchased > 0 || p.assigned > 0)
        .map(|pool| LowLicence {
            free: (pool.purchased - pool.assigned).max(0),
            pool,
        })
        .filter(|l| l.free == 0 || l.free < threshold)
        .collect()
}

fn check_threshold(threshold: i64) -> AppResult<i64> {
    if (0..=100_000).contains(&threshold) {
        Ok(threshold)
    } else {
        Err(threshold_refused())
    }
}

fn threshold_refused() -> AppError {
    AppError::invalid(
        "threshold",
        "out-of-range",
        "The threshold is a whole number from 0 to 100000.",
    )
}

/// A warning threshold as typed in a form.
pub fn parse_threshold(typed: &str) -> AppResult<i64> {
    typed
        .trim()
        .parse::<i64>()
        .map_err(|_| threshold_refused())
        .and_then(check_threshold)
}

impl Attention<'_> {
    /// an administrator's view of their enterprise, narrowed to `site` when one is chosen
    /// (and to a site administrator's own sites always).
    pub async fn enterprise(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        site: Option<SiteId>,
        threshold: i64,
    ) -> AppResult<EnterpriseAttention> {
        actor.require_staff(enterprise, "see what needs attention")?;
        let threshold = check_threshold(threshold)?;
        if let Some(site) = site {
            actor.can_reach_site(enterprise, site, "site")?;
        }
        let sites: Option<Vec<SiteId>> = site.map(|s| vec![s]).or_else(|| actor.site_limit());
        let sites = sites.as_deref();
        let mut conn = self.0.db().read().await?;
        load_enterprise(&mut conn, enterprise).await?;
        let pending =
            attention::users_in_state(&mut conn, enterprise, UserState::Pending, sites, COUNT_CAP)
                .await?;
        let failed =
            attention::users_in_state(&mut conn, enterprise, UserState::Failed, sites, COUNT_CAP)
                .await?;
        let failed_pushes = attention::failed_pushes(
            &mut conn,
            enterprise,
            sites,
            crate::jobs::SYNC,
            FAILED_PUSHES_SHOWN,
        )
        .await?;
        let low_licences = low_licences(licences::pools(&mut conn, enterprise).await?, threshold);
        let free_numbers = attention::free_numbers(&mut conn, enterprise, COUNT_CAP).await?;
        let may_read_audit = matches!(
            actor.principal,
            Principal::Operator | Principal::System | Principal::EnterpriseAdmin { .. }
        );
        let recent = if may_read_audit {
            let mut entries = audit_store::list(
                &mut conn,
                &AuditQuery {
                    enterprise_id: Some(enterprise),
                    limit: RECENT_CHANGES * 5,
                    ..AuditQuery::default()
                },
            )
            .await?;
            // Sign-ins and other account events are not changes to the enterprise.
            entries.retain(|e| !e.action.starts_with("account."));
            entries.truncate(RECENT_CHANGES as usize);
            entries
        } else {
            Vec::new()
        };
        Ok(EnterpriseAttention {
            pending,
            failed,
            failed_pushes,
            low_licences,
            numbers_low: !free_numbers.more && free_numbers.count < threshold.max(1),
            free_numbers,
            recent,
            threshold,
        })
    }

    /// L-8: how many users each site in reach has (capped): whom new device passwords for the
    /// site would renew.
    pub async fn users_per_site(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
    ) -> AppResult<Vec<(SiteId, Capped)>> {
        let sites = self.0.tenancy().sites(actor, enterprise).await?;
        let mut conn = self.0.db().read().await?;
        let mut counts = Vec::with_capacity(sites.len());
        for site in sites {
            counts.push((
                site.id,
                attention::users_of_site(&mut conn, enterprise, site.id, 100_000).await?,
            ));
        }
        Ok(counts)
    }

    /// The provider's view: the enterprises where activations fail or wait, or licences or
    /// numbers run low.
    pub async fn provider(&self, actor: &Actor, threshold: i64) -> AppResult<ProviderAttention> {
        actor.require_operator("see the provider's start page")?;
        let threshold = check_threshold(threshold)?;
        let mut conn = self.0.db().read().await?;
        let enterprises =
            switchboard_store::enterprises::list(&mut conn, None, ENTERPRISES_LOOKED_AT).await?;
        let mut needing_attention = Vec::new();
        for enterprise in &enterprises {
            let id = enterprise.id;
            let failed =
                attention::users_in_state(&mut conn, id, UserState::Failed, None, COUNT_CAP)
                    .await?;
            let pending =
                attention::users_in_state(&mut conn, id, UserState::Pending, None, COUNT_CAP)
                    .await?;
            let low_licences = low_licences(licences::pools(&mut conn, id).await?, threshold);
            let free_numbers = attention::free_numbers(&mut conn, id, COUNT_CAP).await?;
            let numbers_low = !free_numbers.more && free_numbers.count < threshold.max(1);
            if failed.count > 0 || pending.count > 0 || !low_licences.is_empty() || numbers_low {
                needing_attention.push(EnterpriseSummary {
                    enterprise: enterprise.clone(),
                    failed,
                    pending,
                    low_licences,
                    free_numbers,
                    numbers_low,
                });
            }
        }
        needing_attention.sort_by_key(|s| std::cmp::Reverse((s.failed.count, s.pending.count)));
        Ok(ProviderAttention {
            enterprises: enterprises.len() as i64,
            needing_attention,
            threshold,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_domain::{LicenceCode, LicenceKind, LicenceTypeId, Timestamp};
    use switchboard_store::licences::LicenceType;

    fn pool(purchased: i64, assigned: i64) -> Pool {
        Pool {
            licence: LicenceType {
                id: LicenceTypeId::new(),
                code: LicenceCode::from_trusted("VOICE".into()),
                name: "Voice".into(),
                names: Default::default(),
                kind: LicenceKind::Package,
                monthly_price_cents: 0,
                created_at: Timestamp::from_millis(0),
            },
            purchased,
            assigned,
        }
    }

    #[test]
    fn n2_a_licence_type_runs_out_when_none_or_fewer_than_the_threshold_are_free() {
        let low = low_licences(vec![pool(10, 10), pool(10, 7), pool(10, 2), pool(0, 0)], 5);
        let free: Vec<i64> = low.iter().map(|l| l.free).collect();
        // 0 free and 3 free are low; 8 free is not; a type never bought is not in use.
        assert_eq!(free, vec![0, 3]);
    }

    #[test]
    fn n2_with_a_threshold_of_zero_only_exhausted_types_are_low() {
        let low = low_licences(vec![pool(10, 10), pool(10, 9)], 0);
        assert_eq!(low.len(), 1);
        assert_eq!(low[0].free, 0);
    }

    #[test]
    fn a_threshold_out_of_range_is_refused_naming_the_field() {
        let refused = check_threshold(-1).unwrap_err();
        assert!(matches!(refused, AppError::Validation(ref f) if f[0].field == "threshold"));
        assert_eq!(check_threshold(20).unwrap(), 20);
        assert_eq!(parse_threshold(" 7 ").unwrap(), 7);
        assert!(parse_threshold("seven").is_err());
    }
}
