//! G-6: an auto attendant's menus — business hours and out of hours, each a map of keys (0–9,
//! `*`, `#`) to destinations and a destination when the caller presses nothing — and the
//! weekly business hours that choose between them. Destinations are checked against the
//! enterprise by the service; here they are only parsed.

use serde::{Deserialize, Serialize};

use crate::phone::E164Number;
use crate::violations::{FieldError, Violations};

/// Where a key sends the caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Destination {
    /// A user, hunt group, call centre or another auto attendant, by its extension.
    Extension(String),
    /// A user's voicemail, by the user's extension.
    Voicemail(String),
    /// A number outside, in E.164 form.
    Number(String),
}

impl Destination {
    /// As an administrator types it: `602`, `voicemail 602` (or `vm 602`), `+493012345678`.
    pub fn parse(field: &str, input: &str) -> Result<Self, FieldError> {
        let value = input.trim();
        let invalid = || {
            FieldError::new(
                field,
                "invalid-menu-destination",
                "An extension (602), a user's voicemail (voicemail 602) or a number in international form (+493012345678).",
            )
        };
        if value.starts_with('+') {
            return E164Number::parse(value)
                .map(|n| Destination::Number(n.to_string()))
                .map_err(|_| invalid());
        }
        let lower = value.to_ascii_lowercase();
        let (voicemail, digits) = match lower
            .strip_prefix("voicemail")
            .or_else(|| lower.strip_prefix("vm"))
        {
            Some(rest) => (true, rest.trim_start_matches([' ', ':']).trim()),
            None => (false, value),
        };
        if digits.is_empty() || digits.len() > 10 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        Ok(if voicemail {
            Destination::Voicemail(digits.to_owned())
        } else {
            Destination::Extension(digits.to_owned())
        })
    }

    /// As the portal shows it, and as [`Destination::parse`] reads it back.
    pub fn typed(&self) -> String {
        match self {
            Destination::Extension(x) => x.clone(),
            Destination::Voicemail(x) => format!("voicemail {x}"),
            Destination::Number(n) => n.clone(),
        }
    }

    /// The extension this destination dials inside the enterprise, if any.
    pub fn extension(&self) -> Option<&str> {
        match self {
            Destination::Extension(x) | Destination::Voicemail(x) => Some(x),
            Destination::Number(_) => None,
        }
    }
}

/// The keys a caller can press.
pub const KEYS: [&str; 12] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#"];

/// One menu: what each key does, and where a caller who presses nothing goes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Menu {
    /// (key, destination), in the order of [`KEYS`].
    pub keys: Vec<(String, Destination)>,
    pub no_input: Option<Destination>,
}

/// Weekly business hours in the site's local time: the days (1 = Monday … 7 = Sunday) and one
/// span of the day, `HH:MM` to `HH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessHours {
    pub days: Vec<u8>,
    pub opens: String,
    pub closes: String,
}

impl Default for BusinessHours {
    fn default() -> Self {
        Self {
            days: vec![1, 2, 3, 4, 5],
            opens: "08:00".into(),
            closes: "18:00".into(),
        }
    }
}

/// An auto attendant's whole configuration.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AutoAttendantMenus {
    pub hours: BusinessHours,
    pub business: Menu,
    pub after_hours: Menu,
}

impl AutoAttendantMenus {
    /// Every destination with the field it was typed in, for the service's checks.
    pub fn destinations(&self) -> Vec<(String, &Destination)> {
        let mut all = Vec::new();
        for (name, menu) in [
            ("business", &self.business),
            ("after_hours", &self.after_hours),
        ] {
            for (key, to) in &menu.keys {
                all.push((format!("{name}.keys.{key}"), to));
            }
            if let Some(to) = &menu.no_input {
                all.push((format!("{name}.no_input"), to));
            }
        }
        all
    }
}

/// `HH:MM`, 00:00–23:59.
fn time_of_day(field: &str, input: &str) -> Result<String, FieldError> {
    let value = input.trim();
    let parsed = value
        .split_once(':')
        .filter(|(h, m)| h.len() == 2 && m.len() == 2)
        .and_then(|(h, m)| Some((h.parse::<u8>().ok()?, m.parse::<u8>().ok()?)))
        .filter(|(h, m)| *h < 24 && *m < 60);
    match parsed {
        Some((h, m)) => Ok(format!("{h:02}:{m:02}")),
        None => Err(FieldError::new(
            field,
            "invalid-time",
            "A time of day as HH:MM, 00:00 to 23:59.",
        )),
    }
}

impl BusinessHours {
    /// Days 1–7, each once; opening before closing.
    pub fn parse(days: &[u8], opens: &str, closes: &str, v: &mut Violations) -> Option<Self> {
        let mut sorted = days.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        if sorted.len() != days.len() || sorted.iter().any(|d| !(1..=7).contains(d)) {
            v.push(FieldError::new(
                "hours.days",
                "invalid-days",
                "Days are 1 (Monday) to 7 (Sunday), each once.",
            ));
        }
        let opens = v.check("hours.opens", time_of_day("hours.opens", opens));
        let closes = v.check("hours.closes", time_of_day("hours.closes", closes));
        let (opens, closes) = (opens?, closes?);
        if opens >= closes {
            v.push(FieldError::new(
                "hours.closes",
                "closes-before-opening",
                "Business hours close after they open.",
            ));
            return None;
        }
        Some(Self {
            days: sorted,
            opens,
            closes,
        })
    }
}

impl Menu {
    /// A menu from (key, typed destination) pairs — empty destinations left out — and the
    /// no-input destination; `name` prefixes each field (`business.keys.1`).
    pub fn parse(
        name: &str,
        keys: &[(String, String)],
        no_input: Option<&str>,
        v: &mut Violations,
    ) -> Menu {
        let mut menu = Menu::default();
        let mut seen = Vec::new();
        for (key, to) in keys {
            let key = key.trim();
            let field = format!("{name}.keys.{key}");
            if !KEYS.contains(&key) {
                v.push(FieldError::new(
                    &field,
                    "invalid-key",
                    "Keys are 0 to 9, * and #.",
                ));
                continue;
            }
            if seen.contains(&key) {
                v.push(FieldError::new(
                    &field,
                    "duplicate",
                    "This key is given twice.",
                ));
                continue;
            }
            seen.push(key);
            if to.trim().is_empty() {
                continue;
            }
            if let Some(d) = v.check(&field, Destination::parse(&field, to)) {
                menu.keys.push((key.to_owned(), d));
            }
        }
        menu.keys
            .sort_by_key(|(k, _)| KEYS.iter().position(|x| x == k));
        if let Some(to) = no_input.map(str::trim).filter(|t| !t.is_empty()) {
            let field = format!("{name}.no_input");
            menu.no_input = v.check(&field, Destination::parse(&field, to));
        }
        menu
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g6_destinations_are_extensions_voicemail_or_e164_numbers() {
        assert_eq!(
            Destination::parse("to", "602"),
            Ok(Destination::Extension("602".into()))
        );
        assert_eq!(
            Destination::parse("to", "Voicemail 602"),
            Ok(Destination::Voicemail("602".into()))
        );
        assert_eq!(
            Destination::parse("to", "vm:602"),
            Ok(Destination::Voicemail("602".into()))
        );
        assert_eq!(
            Destination::parse("to", "+493012345678"),
            Ok(Destination::Number("+493012345678".into()))
        );
        assert_eq!(
            Destination::parse("to", "reception").unwrap_err().code,
            "invalid-menu-destination"
        );
        assert!(Destination::parse("to", "+12").is_err());
        assert_eq!(
            Destination::Voicemail("602".into()).typed(),
            "voicemail 602"
        );
    }

    #[test]
    fn g6_a_menu_takes_each_key_once_and_names_the_bad_ones() {
        let mut v = Violations::new();
        let menu = Menu::parse(
            "business",
            &[
                ("#".into(), "+493012345678".into()),
                ("1".into(), "700".into()),
                ("2".into(), String::new()),
                ("A".into(), "700".into()),
                ("1".into(), "701".into()),
            ],
            Some("602"),
            &mut v,
        );
        assert_eq!(
            menu.keys,
            [
                ("1".into(), Destination::Extension("700".into())),
                ("#".into(), Destination::Number("+493012345678".into()))
            ]
        );
        assert_eq!(menu.no_input, Some(Destination::Extension("602".into())));
        let fields: Vec<String> = v
            .finish()
            .unwrap_err()
            .errors()
            .iter()
            .map(|e| e.field.clone())
            .collect();
        assert_eq!(fields, ["business.keys.A", "business.keys.1"]);
    }

    #[test]
    fn g6_business_hours_are_days_and_a_span_that_closes_after_it_opens() {
        let mut v = Violations::new();
        let hours = BusinessHours::parse(&[5, 1, 2], "8:00", "18:30", &mut v);
        assert!(hours.is_none());
        let mut v = Violations::new();
        let hours = BusinessHours::parse(&[5, 1, 2], "08:00", "18:30", &mut v).unwrap();
        assert_eq!(hours.days, [1, 2, 5]);
        assert!(v.finish().is_ok());
        let mut v = Violations::new();
        assert!(BusinessHours::parse(&[8], "18:00", "08:00", &mut v).is_none());
        let codes: Vec<&str> = v
            .finish()
            .unwrap_err()
            .errors()
            .iter()
            .map(|e| e.code)
            .collect();
        assert_eq!(codes, ["invalid-days", "closes-before-opening"]);
    }
}
