//! Email addresses, login names and carrier contract numbers.

use std::fmt;

use crate::violations::FieldError;

/// An email address: one `@`, a local part, a dotted domain, no spaces; at most 254 characters.
/// Stored as typed, compared case-insensitively through [`LoginName`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let value = input.trim();
        let invalid = || {
            FieldError::new(
                "email",
                "invalid-email",
                format!("'{value}' is not a valid email address."),
            )
        };
        if value.is_empty()
            || value.chars().count() > 254
            || value.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(invalid());
        }
        let (local, domain) = value.rsplit_once('@').ok_or_else(invalid)?;
        let domain_ok = domain.split('.').count() >= 2
            && domain.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        if local.is_empty() || local.len() > 64 || local.contains('@') || !domain_ok {
            return Err(invalid());
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

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The portal login: unique on the whole platform, case-insensitively (U-1), so kept lower-case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct LoginName(String);

impl LoginName {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let value = input.trim().to_lowercase();
        let length = value.chars().count();
        if !(3..=254).contains(&length) {
            return Err(FieldError::new(
                "login_name",
                "invalid-login-name",
                "A login name has 3 to 254 characters.",
            ));
        }
        if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(FieldError::new(
                "login_name",
                "invalid-login-name",
                "A login name must not contain spaces.",
            ));
        }
        Ok(Self(value))
    }

    /// The login name that follows an email address (U-1: "the email unless set otherwise").
    pub fn from_email(email: &Email) -> Self {
        Self(email.as_str().to_lowercase())
    }

    pub fn from_trusted(value: String) -> Self {
        Self(value)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LoginName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The carrier's contract number of a user's mobile (U-3): letters, digits and `-`, 4–32 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct ContractNumber(String);

impl ContractNumber {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let value = input.trim();
        let ok = (4..=32).contains(&value.len())
            && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !ok {
            return Err(FieldError::new(
                "contract_number",
                "invalid-contract-number",
                "A contract number has 4 to 32 letters, digits or dashes.",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn u1_email_must_look_like_an_address() {
        assert!(Email::parse("anna.mueller@example.de").is_ok());
        assert!(Email::parse("émilie@exemple.fr").is_ok());
        for bad in [
            "",
            "anna",
            "anna@",
            "@example.de",
            "anna@example",
            "an na@example.de",
            "a@b@c.de",
            "a@-x.de",
        ] {
            assert_eq!(
                Email::parse(bad).unwrap_err().code,
                "invalid-email",
                "{bad}"
            );
        }
    }

    #[test]
    fn u1_login_name_is_case_insensitive_and_follows_the_email() {
        let email = Email::parse("Anna.Mueller@Example.DE").unwrap();
        assert_eq!(
            LoginName::from_email(&email).as_str(),
            "anna.mueller@example.de"
        );
        assert_eq!(LoginName::parse("ANNA").unwrap().as_str(), "anna");
        assert!(LoginName::parse("a b c").is_err());
    }

    #[test]
    fn u3_contract_number_format() {
        assert!(ContractNumber::parse("VF-123456").is_ok());
        assert!(ContractNumber::parse("12").is_err());
        assert!(ContractNumber::parse("12 34 56").is_err());
    }
}
