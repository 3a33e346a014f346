//! Switchboard's domain: the values an administrator types in, validated on construction, and the
//! rules of `PRODUCT.md` that need no storage. Nothing here does I/O.

pub mod audio;
pub mod contact;
pub mod extension;
pub mod group;
pub mod ids;
pub mod licence;
pub mod lifecycle;
pub mod menu;
pub mod names;
pub mod phone;
pub mod picture;
pub mod place;
pub mod services;
pub mod time;
pub mod user;
pub mod violations;

pub use contact::{ContractNumber, Email, LoginName};
pub use extension::{Extension, ExtensionPolicy};
pub use group::{
    CampaignDirection, CampaignName, Category, GroupKind, GroupName, RingPolicy, Subject,
};
pub use ids::*;
pub use licence::{LicenceCode, LicenceKind};
pub use lifecycle::{InterceptAction, InterceptDestination, UserState};
pub use names::{FirstName, LastName, Name};
pub use phone::{E164Number, NumberRange};
pub use place::{Country, LocalTime, TimeZone};
pub use time::Timestamp;
pub use user::{DeviceKind, Language, PortalRole};
pub use violations::{FieldError, Violations};
