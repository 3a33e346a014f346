//! Bulk actions on a selection of users (B-2): reset portal passwords (new invitations), new
//! desk-phone passwords, delete. Each user is judged by the rules of the single action (L-3,
//! L-4, A-1), in a transaction of their own, and the outcome is reported per user; every change
//! is in the audit log like the single action's.

use switchboard_domain::{EnterpriseId, UserId};

use crate::App;
use crate::actor::Actor;
use crate::error::{AppError, AppResult};
use crate::users::SipLogin;

/// At most this many users per request: a selection from the users list, not an import.
pub const MAX_SELECTION: usize = 1_000;

/// What to do with each selected user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkAction {
    /// U-5: a new invitation; earlier links stop working.
    ResetPasswords,
    /// U-4/L-8: new desk-phone login details, shown once in the outcome.
    NewDevicePasswords,
    /// L-4 (L-3: administrators delete active or deactivated users only).
    Delete,
}

impl BulkAction {
    pub const CHOICES: &'static str = "reset_passwords, new_device_passwords, delete";

    pub fn parse(value: &str) -> Option<Self> {
        Some(match value {
            "reset_passwords" => Self::ResetPasswords,
            "new_device_passwords" => Self::NewDevicePasswords,
            "delete" => Self::Delete,
            _ => return None,
        })
    }
}

/// How one selected user fared.
#[derive(Debug)]
pub struct BulkOutcome {
    pub user_id: String,
    /// The refusal, when the action was not done for this user.
    pub refusal: Option<AppError>,
    /// New desk-phone login details (new device passwords only), shown this once.
    pub sip_login: Option<SipLogin>,
}

pub struct Selection<'a>(pub(crate) &'a App);

impl Selection<'_> {
    /// Runs `action` for every user of `user_ids`, each on their own, and says how each fared.
    pub async fn act(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        action: Option<String>,
        user_ids: Option<Vec<String>>,
    ) -> AppResult<Vec<BulkOutcome>> {
        actor.require_staff(enterprise, "act on users")?;
        actor.require_admin("act on a selection of users")?;
        let mut v = switchboard_domain::Violations::new();
        let action = v.require("action", action).and_then(|a| {
            let parsed = BulkAction::parse(&a);
            if parsed.is_none() {
                v.push(switchboard_domain::FieldError::new(
                    "action",
                    "invalid-choice",
                    format!("'{a}' is not one of: {}.", BulkAction::CHOICES),
                ));
            }
            parsed
        });
        let ids = v.require("user_ids", user_ids).unwrap_or_default();
        if ids.len() > MAX_SELECTION {
            v.push(switchboard_domain::FieldError::new(
                "user_ids",
                "too-many",
                format!("At most {MAX_SELECTION} users at once."),
            ));
        }
        v.finish()?;
        let action = action.expect("checked");
        let mut outcomes = Vec::with_capacity(ids.len());
        for raw in ids {
            let result = match raw.parse::<UserId>() {
                Ok(id) => self.one(actor, enterprise, action, id).await,
                Err(_) => Err(AppError::NotFound("user")),
            };
            outcomes.push(match result {
                Ok(sip_login) => BulkOutcome {
                    user_id: raw,
                    refusal: None,
                    sip_login,
                },
                Err(e) => {
                    if !e.is_refusal() {
                        tracing::error!(error = ?e, user = %raw, "bulk action failed");
                    }
                    BulkOutcome {
                        user_id: raw,
                        refusal: Some(e),
                        sip_login: None,
                    }
                }
            });
        }
        Ok(outcomes)
    }

    async fn one(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        action: BulkAction,
        id: UserId,
    ) -> AppResult<Option<SipLogin>> {
        // a user of another enterprise is "not found", whoever asks.
        if self.0.users().get(actor, id).await?.enterprise_id != enterprise {
            return Err(AppError::NotFound("user"));
        }
        match action {
            BulkAction::ResetPasswords => {
                self.0.accounts().invite(actor, id).await?;
                Ok(None)
            }
            BulkAction::NewDevicePasswords => Ok(self
                .0
                .users()
                .renew_sip_credentials(actor, id)
                .await?
                .sip_login),
            BulkAction::Delete => {
                self.0.users().delete(actor, id).await?;
                Ok(None)
            }
        }
    }
}
