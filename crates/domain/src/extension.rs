//! Extensions (U-2): digits only, unique within an enterprise, of the enterprise's allowed length.

use std::fmt;

use crate::phone::E164Number;
use crate::violations::FieldError;

/// The lengths an enterprise allows for its extensions; 2–4 digits unless configured otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct ExtensionPolicy {
    pub min_len: u8,
    pub max_len: u8,
}

impl Default for ExtensionPolicy {
    fn default() -> Self {
        Self {
            min_len: 2,
            max_len: 4,
        }
    }
}

impl ExtensionPolicy {
    /// Extensions of 1 to 10 digits can be configured; `min_len` must not exceed `max_len`.
    pub fn new(min_len: i64, max_len: i64) -> Result<Self, FieldError> {
        if !(1..=10).contains(&min_len) || !(1..=10).contains(&max_len) || min_len > max_len {
            return Err(FieldError::new(
                "extension_length",
                "invalid-extension-length",
                "Extension lengths must be between 1 and 10 digits, the minimum not above the maximum.",
            ));
        }
        Ok(Self {
            min_len: min_len as u8,
            max_len: max_len as u8,
        })
    }

    /// An extension typed by an administrator.
    pub fn parse(&self, input: &str) -> Result<Extension, FieldError> {
        let value = input.trim();
        if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
            return Err(FieldError::new(
                "extension",
                "invalid-extension",
                "An extension has digits only.",
            ));
        }
        if !(self.min_len as usize..=self.max_len as usize).contains(&value.len()) {
            return Err(FieldError::new(
                "extension",
                "invalid-extension",
                format!(
                    "Extensions of this enterprise have {} to {} digits.",
                    self.min_len, self.max_len
                ),
            ));
        }
        Ok(Extension(value.to_owned()))
    }

    /// U-2: the last four digits of the primary number, or fewer if the maximum is lower.
    pub fn default_for(&self, number: &E164Number) -> Extension {
        Extension(number.last_digits(self.max_len.min(4) as usize).to_owned())
    }
}

/// A valid extension of some enterprise.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Extension(String);

impl Extension {
    pub fn from_trusted(value: String) -> Self {
        Self(value)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Extension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn u2_extension_is_digits_of_the_allowed_length() {
        let policy = ExtensionPolicy::default();
        assert_eq!(policy.parse("5600").unwrap().as_str(), "5600");
        assert_eq!(policy.parse("12").unwrap().as_str(), "12");
        for bad in ["1", "12345", "12a", "", "+123", "١٢٣"] {
            assert!(policy.parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn u2_default_extension_is_last_four_digits_or_fewer() {
        let number = E164Number::parse("+493012345678").unwrap();
        assert_eq!(
            ExtensionPolicy::default().default_for(&number).as_str(),
            "5678"
        );
        assert_eq!(
            ExtensionPolicy::new(2, 3)
                .unwrap()
                .default_for(&number)
                .as_str(),
            "678"
        );
        assert_eq!(
            ExtensionPolicy::new(3, 6)
                .unwrap()
                .default_for(&number)
                .as_str(),
            "5678"
        );
    }

    #[test]
    fn u2_policy_bounds_are_checked() {
        assert!(ExtensionPolicy::new(0, 4).is_err());
        assert!(ExtensionPolicy::new(5, 4).is_err());
        assert!(ExtensionPolicy::new(3, 11).is_err());
    }

    proptest! {
        #[test]
        fn u2_every_accepted_extension_fits_the_policy(input in "\\PC{0,8}", min in 1i64..6, extra in 0i64..4) {
            let policy = ExtensionPolicy::new(min, min + extra).unwrap();
            if let Ok(ext) = policy.parse(&input) {
                prop_assert!(ext.as_str().bytes().all(|b| b.is_ascii_digit()));
                prop_assert!((min as usize..=(min + extra) as usize).contains(&ext.as_str().len()));
            }
        }
    }
}
