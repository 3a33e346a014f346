//! API bearer tokens (K-2): made once, stored as a digest, scoped to the operator, an enterprise
//! or a site with a role, revocable.

use switchboard_domain::{EnterpriseId, FieldError, SiteId, TokenId, Violations};
use switchboard_store::org::{Site, UnitTable};
use switchboard_store::tokens::{self, ApiToken};

use crate::actor::{Actor, Channel, Principal};
use crate::audit::{self, Change, snapshot};
use crate::error::{AppError, AppResult};
use crate::tenancy::{load_enterprise, unit_of};
use crate::{App, commit, secrets};

/// Input of [`Tokens::create`].
#[derive(Debug, Clone, Default)]
pub struct NewToken {
    pub name: Option<String>,
    /// `operator`, `enterprise` or `site`.
    pub scope: Option<String>,
    pub enterprise_id: Option<String>,
    pub site_id: Option<String>,
    /// Days until it expires; none for no expiry.
    pub expires_in_days: Option<i64>,
}

/// A new token: the secret is in `token`, returned this once.
#[derive(Debug, Clone)]
pub struct IssuedToken {
    pub token: String,
    pub record: ApiToken,
}

pub struct Tokens<'a>(pub(crate) &'a App);

impl Tokens<'_> {
    /// Operators issue any token; enterprise administrators tokens for their own enterprise or its sites.
    pub async fn create(&self, actor: &Actor, input: NewToken) -> AppResult<IssuedToken> {
        let mut v = Violations::new();
        let name = v.require("name", input.name).map(|n| n.trim().to_owned());
        if name
            .as_ref()
            .is_some_and(|n| n.is_empty() || n.chars().count() > 100)
        {
            v.push(FieldError::new(
                "name",
                "invalid-name",
                "A token name has 1 to 100 characters.",
            ));
        }
        let scope = v.require("scope", input.scope);
        if input
            .expires_in_days
            .is_some_and(|d| !(1..=3650).contains(&d))
        {
            v.push(FieldError::new(
                "expires_in_days",
                "out-of-range",
                "A token lives 1 to 3650 days.",
            ));
        }
        let parse_id = |v: &mut Violations, field: &str, raw: Option<String>| {
            let raw = v.require(field, raw)?;
            let parsed = raw.parse::<uuid::Uuid>().ok();
            if parsed.is_none() {
                v.push(FieldError::new(
                    field,
                    "invalid-id",
                    format!("'{raw}' is not an id."),
                ));
            }
            parsed
        };
        let (enterprise, site, role) = match scope.as_deref() {
            Some("operator") => (None, None, "operator"),
            Some("enterprise") => (
                parse_id(&mut v, "enterprise_id", input.enterprise_id).map(EnterpriseId),
                None,
                "enterprise_admin",
            ),
            Some("site") => (
                parse_id(&mut v, "enterprise_id", input.enterprise_id).map(EnterpriseId),
                parse_id(&mut v, "site_id", input.site_id).map(SiteId),
                "site_admin",
            ),
            Some(other) => {
                v.push(FieldError::new(
                    "scope",
                    "invalid-choice",
                    format!("'{other}' is not one of: operator, enterprise, site."),
                ));
                (None, None, "")
            }
            None => (None, None, ""),
        };
        v.finish()?;
        match (&actor.principal, enterprise) {
            (Principal::Operator | Principal::System, _) => {}
            (Principal::EnterpriseAdmin { enterprise: own }, Some(asked)) if *own == asked => {}
            (Principal::EnterpriseAdmin { .. }, Some(_)) => {
                return Err(AppError::NotFound("enterprise"));
            }
            _ => {
                return Err(AppError::Forbidden(
                    "Only operators and enterprise administrators issue API tokens.".into(),
                ));
            }
        }
        let mut tx = self.0.begin().await?;
        if let Some(enterprise) = enterprise {
            load_enterprise(&mut tx, enterprise).await?;
            if let Some(site) = site {
                let found: Result<Site, _> = unit_of(
                    &mut tx,
                    UnitTable::Sites,
                    enterprise,
                    &site.to_string(),
                    "site_id",
                    "site",
                )
                .await?;
                found.map_err(|e| AppError::Validation(vec![e]))?;
            }
        }
        let now = self.0.now();
        let token = secrets::api_token();
        let record = ApiToken {
            id: TokenId::new(),
            name: name.expect("checked"),
            token_hash: secrets::token_digest(&token),
            scope: scope.expect("checked"),
            enterprise_id: enterprise,
            site_id: site,
            role: role.to_owned(),
            user_id: None,
            created_at: now,
            expires_at: input
                .expires_in_days
                .map(|d| now.plus_millis(d * 86_400_000)),
            last_used_at: None,
            revoked_at: None,
        };
        tokens::insert(&mut tx, &record).await?;
        audit::record(
            &mut tx,
            actor,
            now,
            Change {
                enterprise,
                action: "token.created",
                target_kind: "token",
                target_id: record.id.to_string(),
                before: None,
                after: snapshot(&record),
            },
        )
        .await?;
        commit(tx).await?;
        Ok(IssuedToken { token, record })
    }

    /// Who holds this bearer token, or `unauthenticated`.
    pub async fn authenticate(
        &self,
        bearer: &str,
        client_ip: Option<String>,
        request_id: Option<String>,
    ) -> AppResult<Actor> {
        let now = self.0.now();
        let mut conn = self.0.db().read().await?;
        let token = tokens::find_live(&mut conn, &secrets::token_digest(bearer), now)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        if token.scope == "personal" {
            // K-2: a personal token acts with its holder's current role, and ends with them (L-4/L-5).
            let holder = match token.user_id {
                Some(id) => {
                    crate::accounts::identity_of_subject(&mut conn, &id.to_string()).await?
                }
                None => None,
            };
            drop(conn);
            let holder = holder
                .filter(crate::accounts::Identity::may_sign_in)
                .ok_or(AppError::Unauthenticated)?;
            self.touch(&token, now).await?;
            let mut actor = holder.actor(client_ip, request_id);
            actor.channel = Channel::Api;
            actor.label = format!("token:{} ({}) of {}", token.id, token.name, actor.label);
            return Ok(actor);
        }
        drop(conn);
        let principal = match (token.scope.as_str(), token.enterprise_id, token.site_id) {
            ("operator", _, _) => Principal::Operator,
            ("enterprise", Some(enterprise), _) => Principal::EnterpriseAdmin { enterprise },
            ("site", Some(enterprise), Some(site)) => Principal::SiteAdmin {
                enterprise,
                sites: vec![site],
            },
            _ => return Err(AppError::Unauthenticated),
        };
        self.touch(&token, now).await?;
        Ok(Actor {
            principal,
            label: format!("token:{} ({})", token.id, token.name),
            channel: Channel::Api,
            client_ip,
            request_id,
        })
    }

    /// Records use at most once a minute, so that reads do not all turn into writes.
    async fn touch(&self, token: &ApiToken, now: switchboard_domain::Timestamp) -> AppResult<()> {
        if token
            .last_used_at
            .is_none_or(|at| at.millis() < now.millis() - 60_000)
        {
            let mut tx = self.0.begin().await?;
            tokens::touch(&mut tx, token.id, now).await?;
            commit(tx).await?;
        }
        Ok(())
    }

    pub async fn list(&self, actor: &Actor) -> AppResult<Vec<ApiToken>> {
        match &actor.principal {
            Principal::Operator | Principal::System => {
                let mut conn = self.0.db().read().await?;
                Ok(tokens::list(&mut conn, None).await?)
            }
            Principal::EnterpriseAdmin { enterprise } => {
                let mut conn = self.0.db().read().await?;
                Ok(tokens::list(&mut conn, Some(*enterprise)).await?)
            }
            Principal::SiteAdmin { .. } | Principal::Member { .. } => Err(AppError::Forbidden(
                "Only operators and enterprise administrators manage API tokens.".into(),
            )),
        }
    }

    pub async fn revoke(&self, actor: &Actor, id: TokenId) -> AppResult<()> {
        let mut tx = self.0.begin().await?;
        let token = tokens::get(&mut tx, id)
            .await?
            .ok_or(AppError::NotFound("token"))?;
        // another enterprise's token (or a provider token) is "not found"; A-1: inside the
        // enterprise only its administrators revoke.
        match (actor.own_enterprise(), token.enterprise_id) {
            (None, _) => {}
            (Some(own), Some(of)) if own == of => {
                actor.require_enterprise_admin(own, "revoke API tokens")?;
            }
            _ => return Err(AppError::NotFound("token")),
        }
        revoke_audited(&mut tx, actor, &token, self.0.now()).await?;
        commit(tx).await
    }
}

/// Revokes a token with its audit entry, in the caller's transaction.
pub(crate) async fn revoke_audited(
    tx: &mut switchboard_store::Tx,
    actor: &Actor,
    token: &ApiToken,
    now: switchboard_domain::Timestamp,
) -> AppResult<()> {
    tokens::revoke(tx, token.id, now).await?;
    audit::record(
        tx,
        actor,
        now,
        Change {
            enterprise: token.enterprise_id,
            action: "token.revoked",
            target_kind: "token",
            target_id: token.id.to_string(),
            before: snapshot(token),
            after: None,
        },
    )
    .await
}
