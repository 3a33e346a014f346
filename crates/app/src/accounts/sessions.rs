//! Signed-in sessions (K-4): idle and absolute timeouts, checked on every request together with
//! the person behind it, so a deleted or deactivated user (L-4/L-5) is out on the very next one.

use switchboard_domain::Timestamp;
use switchboard_store::accounts;
use switchboard_store::sessions::{self, Session};

use super::sign_in::audit_account;
use super::{AccountStatus, Accounts, Identity, identity_of};
use crate::actor::Actor;
use crate::commit;
use crate::error::{AppError, AppResult};
use crate::secrets;

/// A live session and who is behind it.
#[derive(Debug, Clone)]
pub struct PortalSession {
    pub id_hash: String,
    /// `second_step`, `password_change` or `full`.
    pub stage: String,
    /// The token every state-changing form of this session must carry.
    pub csrf_token: String,
    pub challenge_method: Option<String>,
    pub identity: Identity,
    pub status: AccountStatus,
    pub created_at: Timestamp,
    pub authenticated_at: Timestamp,
}

impl PortalSession {
    pub fn is_full(&self) -> bool {
        self.stage == "full"
    }

    pub fn actor(&self, client_ip: Option<String>, request_id: Option<String>) -> Actor {
        self.identity.actor(client_ip, request_id)
    }

    /// K-4: sensitive changes need a sign-in at most this old.
    pub(crate) fn require_recent(&self, now: Timestamp, recent_ms: i64) -> AppResult<()> {
        if now.millis() - self.authenticated_at.millis() <= recent_ms {
            Ok(())
        } else {
            Err(AppError::conflict(
                "sign-in-again",
                "For this change, sign in again first (your last sign-in is too long ago).",
            ))
        }
    }
}

impl Accounts<'_> {
    /// The session behind a cookie, if it is still alive; an expired or orphaned one is removed.
    pub async fn session(&self, cookie: &str) -> AppResult<Option<PortalSession>> {
        let now = self.0.now();
        let settings = self.0.account_settings();
        let id_hash = secrets::token_digest(cookie);
        let mut conn = self.0.db().read().await?;
        let Some(session) = sessions::get(&mut conn, &id_hash).await? else {
            return Ok(None);
        };
        let alive = session.expires_at > now
            && now.millis() - session.last_seen_at.millis() < settings.session_idle_ms;
        let identity = identity_of(&mut conn, &session.subject_id)
            .await?
            .filter(Identity::may_sign_in);
        let account = accounts::get(&mut conn, &session.subject_id).await?;
        drop(conn);
        let (true, Some(identity)) = (alive, identity) else {
            let mut tx = self.0.begin().await?;
            sessions::delete(&mut tx, &id_hash).await?;
            commit(tx).await?;
            return Ok(None);
        };
        if now.millis() - session.last_seen_at.millis() >= 60_000 {
            let mut tx = self.0.begin().await?;
            sessions::touch(&mut tx, &id_hash, now).await?;
            commit(tx).await?;
        }
        Ok(Some(portal_session(session, identity, account.as_ref())))
    }

    /// Ends this session.
    pub async fn sign_out(&self, session: &PortalSession, actor: &Actor) -> AppResult<()> {
        let now = self.0.now();
        let mut tx = self.0.begin().await?;
        sessions::delete(&mut tx, &session.id_hash).await?;
        audit_account(
            &mut tx,
            actor,
            now,
            Some(&session.identity),
            "account.signed_out",
            serde_json::json!({}),
        )
        .await?;
        commit(tx).await
    }

    /// K-4 "sign out everywhere": ends every session of this person, this one included.
    pub async fn sign_out_everywhere(
        &self,
        session: &PortalSession,
        actor: &Actor,
    ) -> AppResult<u64> {
        let now = self.0.now();
        let mut tx = self.0.begin().await?;
        let ended =
            sessions::delete_for_subject(&mut tx, &session.identity.subject_id, None).await?;
        audit_account(
            &mut tx,
            actor,
            now,
            Some(&session.identity),
            "account.signed_out_everywhere",
            serde_json::json!({ "sessions": ended }),
        )
        .await?;
        commit(tx).await?;
        Ok(ended)
    }
}

pub(crate) fn portal_session(
    session: Session,
    identity: Identity,
    account: Option<&accounts::Account>,
) -> PortalSession {
    PortalSession {
        id_hash: session.id_hash,
        stage: session.stage,
        csrf_token: session.csrf_token,
        challenge_method: session.challenge_method,
        identity,
        status: AccountStatus::of(account),
        created_at: session.created_at,
        authenticated_at: session.authenticated_at,
    }
}
