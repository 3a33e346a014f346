//! The provisioner interface (T-3): how Switchboard tells the telephony side about users.
//! `simulated` is the default on the embedded setup; [`kamailio`] keeps a real SIP server in step.

pub mod kamailio;

use async_trait::async_trait;
use switchboard_domain::{GroupId, UserId};

/// What the telephony side needs to know of a user: their line, state, intercept, digests and
/// call services.
pub use switchboard_store::users::Provisioning as ProvisionedUser;

/// What the telephony side needs to know of a group callers reach: its extension and number,
/// how it rings, and its members.
pub use switchboard_store::groups::Routing as ProvisionedGroup;

/// A deleted user, as the telephony side knew them (the row is gone when the job runs).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct RemovedUser {
    pub user_id: UserId,
    pub sip_domain: String,
    pub sip_username: Option<String>,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum ProvisionError {
    /// The other side said no; retrying will not help (the user's activation fails, L-1).
    #[error("{0}")]
    Rejected(String),
    /// The other side could not be reached or failed; the job is retried with back-off.
    #[error("{0}")]
    Unavailable(String),
}

#[async_trait]
pub trait Provisioner: Send + Sync + 'static {
    fn name(&self) -> &'static str;

    /// How long after creation activation may run (the simulated carrier's delay), in ms.
    fn activation_delay_ms(&self) -> i64 {
        0
    }

    /// L-1: activate the user's number; Ok moves them to active.
    async fn activate(&self, user: &ProvisionedUser) -> Result<(), ProvisionError>;

    /// Bring the telephony side in step with a changed user (state, intercept, credentials, number).
    async fn update(&self, user: &ProvisionedUser) -> Result<(), ProvisionError>;

    /// L-4: the user is gone; their credentials must stop working.
    async fn remove(&self, user: &RemovedUser) -> Result<(), ProvisionError>;

    /// G-1, G-2, G-6: bring the telephony side in step with a group callers reach, or make it
    /// forget the group (`None`: deleted).
    async fn update_group(
        &self,
        _group: GroupId,
        _routing: Option<&ProvisionedGroup>,
    ) -> Result<(), ProvisionError> {
        Ok(())
    }

    /// Brings the telephony side in step with `users` and `groups` (every one there is) and
    /// says what it changed. The simulated side holds nothing that could drift.
    async fn resync(
        &self,
        users: &[ProvisionedUser],
        groups: &[ProvisionedGroup],
    ) -> Result<ResyncReport, ProvisionError> {
        Ok(ResyncReport {
            unchanged: users.len() + groups.len(),
            ..ResyncReport::default()
        })
    }
}

/// What a resync changed, each line named `user@domain`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ResyncReport {
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub removed: Vec<String>,
    pub unchanged: usize,
}

impl ResyncReport {
    pub fn changed(&self) -> usize {
        self.added.len() + self.updated.len() + self.removed.len()
    }
}

/// A stand-in carrier: activates after a delay, refuses numbers that match a pattern, so that
/// every path of the lifecycle can be shown without a real network.
#[derive(Debug, Clone)]
pub struct SimulatedProvisioner {
    pub activation_delay_ms: i64,
    pub fail_numbers: Option<NumberPattern>,
}

#[async_trait]
impl Provisioner for SimulatedProvisioner {
    fn name(&self) -> &'static str {
        "simulated"
    }

    fn activation_delay_ms(&self) -> i64 {
        self.activation_delay_ms
    }

    async fn activate(&self, user: &ProvisionedUser) -> Result<(), ProvisionError> {
        match (&self.fail_numbers, &user.primary_number) {
            (Some(pattern), Some(number)) if pattern.matches(number.as_str()) => {
                Err(ProvisionError::Rejected(format!(
                    "The carrier refused to activate {number} (simulated rule: numbers matching '{}' fail).",
                    pattern.0
                )))
            }
            _ => Ok(()),
        }
    }

    async fn update(&self, _user: &ProvisionedUser) -> Result<(), ProvisionError> {
        Ok(())
    }

    async fn remove(&self, _user: &RemovedUser) -> Result<(), ProvisionError> {
        Ok(())
    }
}

/// A number pattern: `*` any run of characters, `?` any one character, the rest literal.
/// `+*666` matches every number ending in 666.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberPattern(pub String);

impl NumberPattern {
    pub fn matches(&self, number: &str) -> bool {
        fn go(p: &[u8], s: &[u8]) -> bool {
            match (p.first(), s.first()) {
                (None, None) => true,
                (Some(b'*'), _) => go(&p[1..], s) || (!s.is_empty() && go(p, &s[1..])),
                (Some(b'?'), Some(_)) => go(&p[1..], &s[1..]),
                (Some(a), Some(b)) if a == b => go(&p[1..], &s[1..]),
                _ => false,
            }
        }
        go(self.0.as_bytes(), number.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t3_simulated_failure_rule_matches_by_pattern() {
        let p = NumberPattern("+*666".into());
        assert!(p.matches("+493012345666"));
        assert!(!p.matches("+493012345667"));
        assert!(NumberPattern("+4930?????99".into()).matches("+49301234599"));
        assert!(NumberPattern("*".into()).matches("+33123456789"));
    }
}
