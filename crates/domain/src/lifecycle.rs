//! The user lifecycle of PRODUCT.md §4 (L-1…L-7) as a state machine.

use std::fmt;

/// Where a user is in their lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UserState {
    /// Created; can make calls but not receive them until activation succeeds (L-1).
    Pending,
    /// Activated by the provisioner; receives calls.
    Active,
    /// Activation failed; an operator can retry (L-1).
    Failed,
    /// Left or away: the number is kept, callers are intercepted (L-5).
    Deactivated,
}

/// A lifecycle step that the current state does not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a {from} user cannot be {step}")]
pub struct TransitionRefused {
    pub from: UserState,
    pub step: &'static str,
}

impl UserState {
    pub const ALL: [UserState; 4] = [Self::Pending, Self::Active, Self::Failed, Self::Deactivated];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Active => "active",
            Self::Failed => "failed",
            Self::Deactivated => "deactivated",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|state| state.as_str() == value)
    }

    fn step(
        self,
        allowed_from: UserState,
        to: UserState,
        step: &'static str,
    ) -> Result<Self, TransitionRefused> {
        if self == allowed_from {
            Ok(to)
        } else {
            Err(TransitionRefused { from: self, step })
        }
    }

    /// L-1: the provisioner activated the number.
    pub fn activation_succeeded(self) -> Result<Self, TransitionRefused> {
        self.step(Self::Pending, Self::Active, "activated")
    }

    /// L-1: the provisioner refused.
    pub fn activation_failed(self) -> Result<Self, TransitionRefused> {
        self.step(Self::Pending, Self::Failed, "marked as failed")
    }

    /// L-1: an operator retries a failed activation.
    pub fn retry_activation(self) -> Result<Self, TransitionRefused> {
        self.step(Self::Failed, Self::Pending, "retried")
    }

    /// L-5: only an active user is deactivated.
    pub fn deactivate(self) -> Result<Self, TransitionRefused> {
        self.step(Self::Active, Self::Deactivated, "deactivated")
    }

    /// L-6: back to active, intercept cleared.
    pub fn reactivate(self) -> Result<Self, TransitionRefused> {
        self.step(Self::Deactivated, Self::Active, "reactivated")
    }

    /// L-3/L-7: number, extension, device, licences, mobile and contract change only while active.
    pub fn allows_configuration_change(self) -> bool {
        self == Self::Active
    }

    /// L-3: administrators may delete active and deactivated users; operators any (checked by the caller).
    pub fn allows_deletion_by_admin(self) -> bool {
        matches!(self, Self::Active | Self::Deactivated)
    }

    /// L-2: only active users join hunt groups and call centres, or receive intercepted calls (L-5).
    pub fn can_receive_calls(self) -> bool {
        self == Self::Active
    }
}

impl fmt::Display for UserState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a deactivated user's callers experience (L-5, "Abfangaktion").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterceptAction {
    /// A message announces the new number, then the call goes there.
    AnnounceNewNumber,
    /// A message plays; pressing 0 transfers the caller.
    TransferOnZero,
}

impl InterceptAction {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AnnounceNewNumber => "announce_new_number",
            Self::TransferOnZero => "transfer_on_zero",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [Self::AnnounceNewNumber, Self::TransferOnZero]
            .into_iter()
            .find(|a| a.as_str() == value)
    }
}

/// Where a deactivated user's callers are sent (L-5): an active colleague of the same site, or
/// a call-centre queue of the same site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum InterceptDestination {
    User(crate::UserId),
    Queue(crate::GroupId),
}

#[cfg(test)]
mod tests {
    use super::UserState::*;
    use super::*;

    #[test]
    fn l1_new_user_is_activated_or_fails_and_failed_can_be_retried() {
        assert_eq!(Pending.activation_succeeded(), Ok(Active));
        assert_eq!(Pending.activation_failed(), Ok(Failed));
        assert_eq!(Failed.retry_activation(), Ok(Pending));
        assert!(Active.activation_succeeded().is_err());
        assert!(Active.retry_activation().is_err());
        assert!(Deactivated.activation_failed().is_err());
    }

    #[test]
    fn l3_only_active_users_change_configuration() {
        assert!(Active.allows_configuration_change());
        for state in [Pending, Failed, Deactivated] {
            assert!(!state.allows_configuration_change(), "{state}");
        }
        assert!(!Pending.allows_deletion_by_admin());
        assert!(!Failed.allows_deletion_by_admin());
        assert!(Active.allows_deletion_by_admin());
        assert!(Deactivated.allows_deletion_by_admin());
    }

    #[test]
    fn l5_l6_deactivation_round_trip() {
        assert_eq!(Active.deactivate(), Ok(Deactivated));
        assert_eq!(Deactivated.reactivate(), Ok(Active));
        for state in [Pending, Failed, Deactivated] {
            assert!(state.deactivate().is_err(), "{state}");
        }
        assert!(Active.reactivate().is_err());
    }

    #[test]
    fn l2_only_active_users_receive_calls() {
        assert!(Active.can_receive_calls());
        assert!(!Pending.can_receive_calls());
        assert!(!Failed.can_receive_calls());
    }

    #[test]
    fn states_round_trip_through_their_names() {
        for state in UserState::ALL {
            assert_eq!(UserState::parse(state.as_str()), Some(state));
        }
        assert_eq!(
            InterceptAction::parse("transfer_on_zero"),
            Some(InterceptAction::TransferOnZero)
        );
    }
}
