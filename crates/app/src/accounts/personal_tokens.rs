//! Personal API tokens (K-2): a signed-in person makes tokens for scripts and tools. A token is
//! shown once, stored as a digest, and acts with its holder's *current* role and scope — never
//! more than the person could do in the portal — and stops when the person is deactivated or
//! deleted. Making one needs a recent sign-in (K-4).

use switchboard_domain::{FieldError, TokenId, UserId};
use switchboard_store::tokens::{self, ApiToken};

use super::Accounts;
use super::sessions::PortalSession;
use crate::actor::Actor;
use crate::audit::{self, Change, snapshot};
use crate::error::{AppError, AppResult};
use crate::tokens::IssuedToken;
use crate::{commit, secrets};

impl Accounts<'_> {
    pub async fn create_personal_token(
        &self,
        session: &PortalSession,
        actor: &Actor,
        name: &str,
        expires_in_days: Option<i64>,
    ) -> AppResult<IssuedToken> {
        let now = self.0.now();
        session.require_recent(now, self.0.account_settings().recent_sign_in_ms)?;
        let name = name.trim();
        let mut errors = Vec::new();
        if name.is_empty() || name.chars().count() > 100 {
            errors.push(FieldError::new(
                "name",
                "invalid-name",
                "A token name has 1 to 100 characters.",
            ));
        }
        if expires_in_days.is_some_and(|d| !(1..=3650).contains(&d)) {
            errors.push(FieldError::new(
                "expires_in_days",
                "out-of-range",
                "A token lives 1 to 3650 days.",
            ));
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let identity = &session.identity;
        let holder: UserId = UserId(
            identity
                .subject_id
                .parse()
                .map_err(|_| AppError::Unauthenticated)?,
        );
        let token = secrets::api_token();
        let record = ApiToken {
            id: TokenId::new(),
            name: name.to_owned(),
            token_hash: secrets::token_digest(&token),
            scope: "personal".into(),
            enterprise_id: identity.enterprise_id,
            site_id: identity.site_id,
            role: identity.role.as_str().into(),
            user_id: Some(holder),
            created_at: now,
            expires_at: expires_in_days.map(|d| now.plus_millis(d * 86_400_000)),
            last_used_at: None,
            revoked_at: None,
        };
        let mut tx = self.0.begin().await?;
        tokens::insert(&mut tx, &record).await?;
        audit::record(
            &mut tx,
            actor,
            now,
            Change {
                enterprise: identity.enterprise_id,
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

    pub async fn personal_tokens(&self, session: &PortalSession) -> AppResult<Vec<ApiToken>> {
        let mut conn = self.0.db().read().await?;
        Ok(tokens::list_for_user(&mut conn, &session.identity.subject_id).await?)
    }

    /// Revokes one of the person's own tokens; another's is "not found".
    pub async fn revoke_personal_token(
        &self,
        session: &PortalSession,
        actor: &Actor,
        id: TokenId,
    ) -> AppResult<()> {
        let now = self.0.now();
        let mut tx = self.0.begin().await?;
        let token = tokens::get(&mut tx, id)
            .await?
            .filter(|t| {
                t.scope == "personal"
                    && t.user_id.map(|u| u.to_string()) == Some(session.identity.subject_id.clone())
            })
            .ok_or(AppError::NotFound("token"))?;
        crate::tokens::revoke_audited(&mut tx, actor, &token, now).await?;
        commit(tx).await
    }
}
