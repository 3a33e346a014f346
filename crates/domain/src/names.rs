//! Person names (U-1): limits count characters, not bytes (`Müller` is 6).

use std::fmt;

use crate::violations::FieldError;

/// A trimmed, non-empty text of at most `MAX` characters with no control characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Name<const MAX: usize>(String);

/// First name: 1–23 characters (U-1).
pub type FirstName = Name<23>;
/// Last name: 1–30 characters (U-1).
pub type LastName = Name<30>;

impl<const MAX: usize> Name<MAX> {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let value = input.trim();
        let length = value.chars().count();
        if length == 0 {
            return Err(FieldError::new(
                "name",
                "required",
                "This field must not be empty.",
            ));
        }
        if length > MAX {
            return Err(FieldError::new(
                "name",
                "too-long",
                format!("At most {MAX} characters are allowed; this has {length}."),
            ));
        }
        if value.chars().any(char::is_control) {
            return Err(FieldError::new(
                "name",
                "invalid-characters",
                "Control characters are not allowed.",
            ));
        }
        Ok(Self(value.to_owned()))
    }

    pub fn from_trusted(value: String) -> Self {
        Self(value)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<const MAX: usize> fmt::Display for Name<MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn u1_names_count_characters_not_bytes() {
        assert!(FirstName::parse("Émilie-Éléonore-Ørsted").is_ok());
        assert!(LastName::parse(&"ü".repeat(30)).is_ok());
        assert_eq!(
            LastName::parse(&"ü".repeat(31)).unwrap_err().code,
            "too-long"
        );
        assert_eq!(
            FirstName::parse(&"a".repeat(24)).unwrap_err().code,
            "too-long"
        );
        assert_eq!(FirstName::parse("  Müller ").unwrap().as_str(), "Müller");
    }

    #[test]
    fn u1_names_must_not_be_blank_or_hold_control_characters() {
        assert_eq!(FirstName::parse("   ").unwrap_err().code, "required");
        assert_eq!(
            FirstName::parse("a\u{0}b").unwrap_err().code,
            "invalid-characters"
        );
    }

    proptest! {
        #[test]
        fn u1_any_name_within_the_limit_is_accepted(name in "[\\p{L}][\\p{L} '-]{0,21}[\\p{L}]") {
            prop_assert!(FirstName::parse(&name).is_ok());
        }

        #[test]
        fn u1_no_accepted_name_is_longer_than_its_limit(name in "\\PC{0,40}") {
            if let Ok(parsed) = LastName::parse(&name) {
                prop_assert!(parsed.as_str().chars().count() <= 30);
            }
        }
    }
}
