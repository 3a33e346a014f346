//! S-1: a user's voicemail messages. The media server (the SIP side) records them through the
//! operators' API; the user — or an administrator in reach — lists them, marks them heard and
//! deletes them.

use switchboard_domain::{FieldError, Timestamp, UserId, Violations, VoicemailId};
use switchboard_store::voicemail::{self, VoicemailMessage};

use crate::actor::Actor;
use crate::audit::{self, Change, snapshot};
use crate::error::{AppError, AppResult};
use crate::{App, commit};

/// The most messages a list shows (a mailbox holds far fewer in practice).
pub const LIST_LIMIT: i64 = 200;

pub struct Voicemail<'a>(pub(crate) &'a App);

impl Voicemail<'_> {
    /// The media server records a message for a user: who called (a number, an extension or
    /// `anonymous`), when (RFC 3339; now when absent) and how long (0–3600 seconds).
    pub async fn record(
        &self,
        actor: &Actor,
        user: UserId,
        caller: Option<String>,
        received_at: Option<String>,
        duration_seconds: Option<i64>,
    ) -> AppResult<VoicemailMessage> {
        actor.require_operator("record voicemail messages")?;
        let owner = self.0.users().get(actor, user).await?;
        let mut v = Violations::new();
        let caller = v.require("caller", caller).and_then(|c| {
            let c = c.trim().to_owned();
            let ok = !c.is_empty()
                && c.len() <= 32
                && c.chars()
                    .enumerate()
                    .all(|(i, ch)| ch.is_ascii_alphanumeric() || (i == 0 && ch == '+'));
            if !ok {
                v.push(FieldError::new(
                    "caller",
                    "invalid-caller",
                    "A number, an extension or 'anonymous' (at most 32 characters).",
                ));
            }
            ok.then_some(c)
        });
        let received_at = match received_at {
            None => Some(self.0.now()),
            Some(raw) => {
                let parsed = Timestamp::parse(raw.trim());
                if parsed.is_none() {
                    v.push(FieldError::new(
                        "received_at",
                        "invalid-time",
                        "A time in RFC 3339 form (2026-12-02T09:30:00Z).",
                    ));
                }
                parsed
            }
        };
        let duration = v
            .require("duration_seconds", duration_seconds)
            .and_then(|d| {
                if (0..=3600).contains(&d) {
                    Some(d)
                } else {
                    v.push(FieldError::new(
                        "duration_seconds",
                        "out-of-range",
                        "Between 0 and 3600 seconds.",
                    ));
                    None
                }
            });
        v.finish()?;
        let message = VoicemailMessage {
            id: VoicemailId::new(),
            user_id: user,
            enterprise_id: owner.enterprise_id,
            caller: caller.expect("checked"),
            received_at: received_at.expect("checked"),
            duration_seconds: duration.expect("checked"),
            heard_at: None,
        };
        let mut tx = self.0.begin().await?;
        voicemail::insert(&mut tx, &message).await?;
        commit(tx).await?;
        Ok(message)
    }

    /// The user's messages, newest first.
    pub async fn list(&self, actor: &Actor, user: UserId) -> AppResult<Vec<VoicemailMessage>> {
        self.0.users().get(actor, user).await?;
        let mut conn = self.0.db().read().await?;
        Ok(voicemail::of_user(&mut conn, user, LIST_LIMIT).await?)
    }

    async fn may_change(&self, actor: &Actor, user: UserId) -> AppResult<()> {
        self.0.users().get(actor, user).await?;
        if actor.member_user() != Some(user) {
            actor.require_admin("change another user's voicemail")?;
        }
        Ok(())
    }

    pub async fn mark_heard(&self, actor: &Actor, user: UserId, id: VoicemailId) -> AppResult<()> {
        self.may_change(actor, user).await?;
        let mut tx = self.0.begin().await?;
        if !voicemail::mark_heard(&mut tx, user, id, self.0.now()).await? {
            return Err(AppError::NotFound("voicemail message"));
        }
        commit(tx).await
    }

    pub async fn delete(&self, actor: &Actor, user: UserId, id: VoicemailId) -> AppResult<()> {
        self.may_change(actor, user).await?;
        let mut tx = self.0.begin().await?;
        let message = voicemail::of_user(&mut tx, user, LIST_LIMIT)
            .await?
            .into_iter()
            .find(|m| m.id == id);
        if !voicemail::delete(&mut tx, user, id).await? {
            return Err(AppError::NotFound("voicemail message"));
        }
        audit::record(
            &mut tx,
            actor,
            self.0.now(),
            Change {
                enterprise: message.as_ref().map(|m| m.enterprise_id),
                action: "voicemail.deleted",
                target_kind: "user",
                target_id: user.to_string(),
                before: message.as_ref().and_then(snapshot),
                after: None,
            },
        )
        .await?;
        commit(tx).await
    }
}
