//! Identifiers. UUIDv7, so that keys sort by creation time and insert at the end of an index.

use std::fmt;
use std::str::FromStr;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub uuid::Uuid);

        impl $name {
            pub fn new() -> Self {
                Self(uuid::Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                uuid::Uuid::parse_str(s).map(Self)
            }
        }
    )*};
}

id_type!(
    /// A customer company: the tenant boundary.
    EnterpriseId,
    /// One location of an enterprise.
    SiteId,
    /// A person of an enterprise.
    UserId,
    /// An entry of the licence catalogue (N-1).
    LicenceTypeId,
    /// An entry of the device-type catalogue (U-3).
    DeviceTypeId,
    /// A department of an enterprise (G-4).
    DepartmentId,
    /// A team of an enterprise (G-4).
    TeamId,
    /// An API bearer token (K-2).
    TokenId,
    /// A background job.
    JobId,
    /// An audit log entry.
    AuditId,
    /// A recorded licence purchase (N-3).
    PurchaseId,
    /// A member of the provider's staff who signs in to the portal.
    OperatorId,
    /// A message in the mail outbox (U-5).
    MailId,
    /// A bulk import of users (B-1).
    ImportId,
    /// A hunt group, call centre, call pickup or call park group (G-1, G-2, G-3).
    GroupId,
    /// A message of a user's portal inbox (L-4, G-5).
    MessageId,
    /// A broadcast message to teams (G-5).
    BroadcastId,
    /// A call centre's campaign (G-2).
    CampaignId,
    /// An uploaded greeting (S-1, G-6).
    GreetingId,
    /// A voicemail message (S-1).
    VoicemailId,
);
