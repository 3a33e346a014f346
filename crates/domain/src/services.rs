//! Call services (S-1): where calls are forwarded, who rings along, voicemail. The values an
//! administrator or the user types, checked on construction.

use crate::extension::ExtensionPolicy;
use crate::phone::E164Number;
use crate::user::vocabulary;
use crate::violations::FieldError;

/// Where a call can be sent: an extension of the enterprise or a number in international form.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Destination(String);

impl Destination {
    pub fn parse(
        field: &str,
        input: &str,
        policy: &ExtensionPolicy,
    ) -> Result<Destination, FieldError> {
        let value = input.trim();
        if value.starts_with('+') {
            return E164Number::parse(value)
                .map(|n| Destination(n.to_string()))
                .map_err(|e| FieldError::new(field, e.code, e.message));
        }
        policy
            .parse(value)
            .map(|e| Destination(e.to_string()))
            .map_err(|_| {
                FieldError::new(
                    field,
                    "invalid-forward-destination",
                    "An extension of this enterprise, or a number in international form (+…).",
                )
            })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

vocabulary!(
    /// S-2: which calls a user may make, from the platform's list of network classes of
    /// service (an administrator's choice).
    NetworkClass {
        /// Extensions of the enterprise and emergency numbers only.
        InternalOnly = "internal_only",
        /// Also numbers of the country.
        National = "national",
        /// Also numbers abroad (premium-rate numbers excluded).
        International = "international",
        /// Everything, premium-rate numbers included.
        Unrestricted = "unrestricted",
    }
);

/// S-2: a user's class until an administrator chooses another.
pub const DEFAULT_NETWORK_CLASS: NetworkClass = NetworkClass::International;

/// S-2: a user has at most this many other users' lines on their phone.
pub const MAX_SHARED_LINES: usize = 10;

/// S-1: rings before an unanswered call is forwarded (no-answer forwarding), 1–20.
pub fn forward_rings(value: i64) -> Result<i64, FieldError> {
    if (1..=20).contains(&value) {
        Ok(value)
    } else {
        Err(FieldError::new(
            "forward_no_answer_rings",
            "out-of-range",
            "Between 1 and 20 rings.",
        ))
    }
}

/// S-1: rings before voicemail answers, 2–10 (4 unless chosen).
pub fn voicemail_rings(value: i64) -> Result<i64, FieldError> {
    if (2..=10).contains(&value) {
        Ok(value)
    } else {
        Err(FieldError::new(
            "voicemail_rings",
            "out-of-range",
            "Between 2 and 10 rings.",
        ))
    }
}

pub const DEFAULT_VOICEMAIL_RINGS: i64 = 4;
pub const DEFAULT_FORWARD_RINGS: i64 = 4;
/// One ring cycle (one second of ringing, four of silence, as in most of Europe): how rings
/// become seconds for the SIP server's no-answer timer.
pub const RING_SECONDS: i64 = 5;
/// S-1: simultaneous ring rings at most this many destinations along.
pub const MAX_SIMULTANEOUS: usize = 10;

/// S-1: a voicemail PIN: 4–8 digits, and not one a caller would guess first — one digit
/// repeated (0000), a run up or down (1234, 9876), or the user's own extension.
pub fn voicemail_pin(input: &str, extension: &str) -> Result<String, FieldError> {
    let pin = input.trim();
    let bad = |message: &str| Err(FieldError::new("voicemail_pin", "weak-pin", message));
    if !(4..=8).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FieldError::new(
            "voicemail_pin",
            "invalid-pin",
            "A PIN has 4 to 8 digits.",
        ));
    }
    let digits: Vec<i32> = pin.bytes().map(|b| i32::from(b - b'0')).collect();
    if digits.iter().all(|d| *d == digits[0]) {
        return bad("A PIN of one digit repeated is the first a caller tries.");
    }
    let steps: Vec<i32> = digits.windows(2).map(|w| w[1] - w[0]).collect();
    if steps.iter().all(|s| *s == 1) || steps.iter().all(|s| *s == -1) {
        return bad("A run of digits (1234, 9876) is the first a caller tries.");
    }
    if pin == extension {
        return bad("The PIN must not be the extension.");
    }
    Ok(pin.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s1_trivial_pins_are_refused() {
        for pin in ["0000", "1234", "9876", "12345678", "4711"] {
            let result = voicemail_pin(pin, "4711");
            assert!(result.is_err(), "{pin}");
        }
        assert_eq!(voicemail_pin(" 2580 ", "4711"), Ok("2580".into()));
        assert_eq!(voicemail_pin("123", "1").unwrap_err().code, "invalid-pin");
        assert_eq!(voicemail_pin("12a4", "1").unwrap_err().code, "invalid-pin");
        assert_eq!(
            voicemail_pin("123456789", "1").unwrap_err().code,
            "invalid-pin"
        );
    }

    #[test]
    fn s1_destinations_are_extensions_or_international_numbers() {
        let policy = ExtensionPolicy::default();
        assert_eq!(
            Destination::parse("to", "4711", &policy).unwrap().as_str(),
            "4711"
        );
        assert_eq!(
            Destination::parse("to", "+493012345678", &policy)
                .unwrap()
                .as_str(),
            "+493012345678"
        );
        assert_eq!(
            Destination::parse("to", "+4930", &policy)
                .unwrap_err()
                .field,
            "to"
        );
        assert_eq!(
            Destination::parse("to", "somewhere", &policy)
                .unwrap_err()
                .code,
            "invalid-forward-destination"
        );
        assert!(voicemail_rings(1).is_err() && voicemail_rings(11).is_err());
        assert_eq!(voicemail_rings(10), Ok(10));
        assert!(forward_rings(0).is_err());
    }
}
