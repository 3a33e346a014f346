//! The licence catalogue's vocabulary (N-1).

use std::fmt;

use crate::violations::FieldError;

/// A package (exactly one per telephony user) or an add-on (any number per user).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LicenceKind {
    Package,
    Addon,
}

impl LicenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Package => "package",
            Self::Addon => "addon",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "package" => Some(Self::Package),
            "addon" => Some(Self::Addon),
            _ => None,
        }
    }
}

/// A catalogue code such as `voice-basic` or `additional-number`: lower-case letters, digits, dashes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct LicenceCode(String);

impl LicenceCode {
    /// N-5: each alternative number consumes one licence of this add-on.
    pub const ADDITIONAL_NUMBER: &'static str = "additional-number";

    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let value = input.trim();
        let ok = (2..=40).contains(&value.len())
            && value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !value.starts_with('-');
        if !ok {
            return Err(FieldError::new(
                "code",
                "invalid-code",
                "A code has 2 to 40 lower-case letters, digits or dashes.",
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

impl fmt::Display for LicenceCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn n1_catalogue_codes_are_slugs() {
        assert!(LicenceCode::parse("voice-premium").is_ok());
        assert!(LicenceCode::parse("Voice Premium").is_err());
        assert!(LicenceCode::parse("-x").is_err());
        assert_eq!(LicenceKind::parse("addon"), Some(LicenceKind::Addon));
    }
}
