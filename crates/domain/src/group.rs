//! Groups users belong to (G-1, G-2, G-3): hunt groups, call centres, call pickup groups and call
//! park groups, the settings each kind has, and a call centre's campaigns.

use crate::names::Name;
use crate::user::vocabulary;
use crate::violations::FieldError;

vocabulary!(
    /// What a group is for.
    GroupKind {
        /// G-1: a virtual user with an extension; calls to it ring its members.
        Hunt = "hunt",
        /// G-2: a virtual user with an extension and a queue; calls wait for its agents (the
        /// members), watched by supervisors.
        CallCentre = "call_centre",
        /// G-6: a virtual user with an extension that answers with a greeting and sends the
        /// caller on by the key they press; it has no members.
        AutoAttendant = "auto_attendant",
        /// G-3: members answer each other's ringing phones; a user is in at most one.
        Pickup = "pickup",
        /// G-3: members park calls for each other; a parked call rings back after a while.
        Park = "park",
    }
);

vocabulary!(
    /// G-1: how a hunt group offers a call to its members.
    RingPolicy {
        /// Every member at once.
        Simultaneous = "simultaneous",
        /// One after the other, always from the first.
        Sequential = "sequential",
        /// One after the other, from the one after who answered last.
        Circular = "circular",
        /// The member who has been idle longest.
        Uniform = "uniform",
        /// At random, by each member's weight.
        Weighted = "weighted",
    }
);

vocabulary!(
    /// G-5: how a broadcast (or any inbox message) is to be read.
    Category {
        Information = "information",
        Warning = "warning",
        Urgent = "urgent",
    }
);

/// G-5: a broadcast's subject, 1–120 characters.
pub type Subject = Name<120>;

/// G-5: a broadcast's text: 1–4,000 characters (line breaks kept).
pub fn message_body(input: &str) -> Result<String, FieldError> {
    let value = input.trim();
    let length = value.chars().count();
    if length == 0 {
        return Err(FieldError::new(
            "body",
            "required",
            "This field must not be empty.",
        ));
    }
    if length > 4_000 {
        return Err(FieldError::new(
            "body",
            "too-long",
            format!("At most 4000 characters are allowed; this has {length}."),
        ));
    }
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(FieldError::new(
            "body",
            "invalid-text",
            "This text has control characters.",
        ));
    }
    Ok(value.replace("\r\n", "\n"))
}

vocabulary!(
    /// G-2: whether a campaign's agents take calls or make them.
    CampaignDirection {
        Inbound = "inbound",
        Outbound = "outbound",
    }
);

impl GroupKind {
    /// L-2: hunt group members and call centre agents must be active; pickup and park groups
    /// take anyone.
    pub fn needs_active_members(self) -> bool {
        matches!(self, Self::Hunt | Self::CallCentre)
    }

    /// Hunt groups, call centres and auto attendants are virtual users: reached by an
    /// extension.
    pub fn is_virtual_user(self) -> bool {
        matches!(self, Self::Hunt | Self::CallCentre | Self::AutoAttendant)
    }

    /// Hunt groups and call centres ring their members by a policy and send on what nobody
    /// answers.
    pub fn rings_members(self) -> bool {
        matches!(self, Self::Hunt | Self::CallCentre)
    }

    /// Every kind but the auto attendant has members.
    pub fn has_members(self) -> bool {
        self != Self::AutoAttendant
    }
}

/// G-2: a campaign's name: 1–60 characters, unique in its call centre.
pub type CampaignName = Name<60>;

/// A group's name: 1–60 characters.
pub type GroupName = Name<60>;

/// Seconds, within bounds, as an administrator types them.
fn seconds(field: &str, value: i64, min: i64, max: i64) -> Result<i64, FieldError> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(FieldError::new(
            field,
            "out-of-range",
            format!("Between {min} and {max} seconds."),
        ))
    }
}

/// G-1: how long a hunt group rings before its no-answer destination takes the call.
pub fn no_answer_seconds(value: i64) -> Result<i64, FieldError> {
    seconds("no_answer_seconds", value, 5, 180)
}

/// G-3: how long a parked call waits before it rings back whoever parked it.
pub fn recall_seconds(value: i64) -> Result<i64, FieldError> {
    seconds("recall_seconds", value, 30, 600)
}

/// G-2: how many calls wait in a call centre's queue before the next one overflows.
pub fn queue_length(value: i64) -> Result<i64, FieldError> {
    if (1..=50).contains(&value) {
        Ok(value)
    } else {
        Err(FieldError::new(
            "queue_length",
            "out-of-range",
            "Between 1 and 50 calls.",
        ))
    }
}

/// G-1: a member's share of calls under the weighted ring policy, relative to the others'.
pub fn member_weight(field: &str, value: i64) -> Result<i64, FieldError> {
    if (1..=MAX_WEIGHT).contains(&value) {
        Ok(value)
    } else {
        Err(FieldError::new(
            field,
            "out-of-range",
            format!("A weight is between 1 and {MAX_WEIGHT}."),
        ))
    }
}

/// A member without a weight of their own has this one.
pub const DEFAULT_WEIGHT: i64 = 1;
pub const MAX_WEIGHT: i64 = 100;

/// Defaults of a new group, as common hosted PBXs have them.
pub const DEFAULT_NO_ANSWER_SECONDS: i64 = 20;
pub const DEFAULT_RECALL_SECONDS: i64 = 45;
pub const DEFAULT_QUEUE_LENGTH: i64 = 10;
/// A group has at most this many members (a list an administrator can still read).
pub const MAX_MEMBERS: usize = 200;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g1_ring_policies_and_kinds_parse_from_their_names_only() {
        assert_eq!(RingPolicy::parse("circular"), Some(RingPolicy::Circular));
        assert_eq!(RingPolicy::parse("Circular"), None);
        assert_eq!(GroupKind::parse("park"), Some(GroupKind::Park));
        assert!(GroupKind::Hunt.needs_active_members());
        assert!(!GroupKind::Pickup.needs_active_members());
        assert!(!GroupKind::Park.needs_active_members());
    }

    #[test]
    fn g2_call_centres_take_active_agents_and_queue_one_to_fifty_calls() {
        assert_eq!(GroupKind::parse("call_centre"), Some(GroupKind::CallCentre));
        assert!(GroupKind::CallCentre.needs_active_members());
        assert!(GroupKind::CallCentre.is_virtual_user());
        assert!(!GroupKind::Pickup.is_virtual_user());
        assert!(GroupKind::AutoAttendant.is_virtual_user());
        assert!(!GroupKind::AutoAttendant.rings_members());
        assert!(!GroupKind::AutoAttendant.has_members());
        assert_eq!(queue_length(1), Ok(1));
        assert_eq!(queue_length(50), Ok(50));
        assert_eq!(queue_length(0).unwrap_err().code, "out-of-range");
        assert!(queue_length(51).is_err());
        assert_eq!(
            CampaignDirection::parse("outbound"),
            Some(CampaignDirection::Outbound)
        );
        assert!(CampaignName::parse("").is_err());
    }

    #[test]
    fn g1_a_weight_is_one_to_a_hundred() {
        assert_eq!(member_weight("weights.x", 1), Ok(1));
        assert_eq!(member_weight("weights.x", 100), Ok(100));
        for wrong in [0, -3, 101] {
            let e = member_weight("weights.x", wrong).unwrap_err();
            assert_eq!((e.field.as_str(), e.code), ("weights.x", "out-of-range"));
        }
    }

    #[test]
    fn g1_g3_timers_are_bounded() {
        assert_eq!(no_answer_seconds(20), Ok(20));
        assert!(no_answer_seconds(4).is_err());
        assert!(no_answer_seconds(181).is_err());
        assert_eq!(recall_seconds(600), Ok(600));
        assert_eq!(recall_seconds(29).unwrap_err().code, "out-of-range");
        assert!(GroupName::parse(&"x".repeat(61)).is_err());
        assert!(GroupName::parse("  Hotline  ").is_ok());
    }
}
