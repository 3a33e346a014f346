//! Phone numbers in E.164 form (N-4): `+` and 8–15 digits, checked against real numbering plans.

use std::fmt;

use crate::violations::FieldError;

/// A valid international number, kept in E.164 form (`+493012345600`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct E164Number(String);

impl E164Number {
    /// Accepts what people type (`+49 30 1234-5600`, `+33 (1) 23 45 67 89`), stores E.164.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let compact: String = input
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.' | '/'))
            .collect();
        let invalid = |why: &str| {
            FieldError::new(
                "number",
                "invalid-e164",
                format!("'{input}' is not a valid E.164 number: {why}."),
            )
        };
        let Some(digits) = compact.strip_prefix('+') else {
            return Err(invalid("it must start with + and the country code"));
        };
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid("only digits may follow the +"));
        }
        if !(8..=15).contains(&digits.len()) {
            return Err(invalid("it must have 8 to 15 digits"));
        }
        let parsed =
            phonenumber::parse(None, &compact).map_err(|_| invalid("unknown country code"))?;
        if !phonenumber::is_valid(&parsed) {
            return Err(invalid(
                "no such number exists in that country's numbering plan",
            ));
        }
        Ok(Self(
            parsed.format().mode(phonenumber::Mode::E164).to_string(),
        ))
    }

    /// For values read back from our own storage, which only ever holds parsed numbers.
    pub fn from_trusted(value: String) -> Self {
        Self(value)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country calling code's digits (`49` for `+4930…`): S-2's national class lets a
    /// user call the numbers that start with it.
    pub fn country_code(&self) -> Option<String> {
        phonenumber::parse(None, &self.0)
            .ok()
            .map(|parsed| parsed.code().value().to_string())
    }

    /// The national significant digits' tail: the default extension is taken from here (U-2).
    pub fn last_digits(&self, count: usize) -> &str {
        let digits = &self.0[1..];
        &digits[digits.len().saturating_sub(count)..]
    }
}

impl fmt::Display for E164Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A contiguous block of numbers loaded into a pool in one go (N-4), at most [`NumberRange::MAX_LEN`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberRange {
    first: E164Number,
    count: u64,
}

impl NumberRange {
    pub const MAX_LEN: u64 = 10_000;

    pub fn new(first: E164Number, last: E164Number) -> Result<Self, FieldError> {
        if first.0.len() != last.0.len() {
            return Err(FieldError::new(
                "last",
                "range-invalid",
                "The first and last number must have the same length.",
            ));
        }
        let value = |n: &E164Number| n.0[1..].parse::<u64>().expect("E.164 digits fit in u64");
        let (from, to) = (value(&first), value(&last));
        if to < from {
            return Err(FieldError::new(
                "last",
                "range-invalid",
                "The last number must not be below the first.",
            ));
        }
        let count = to - from + 1;
        if count > Self::MAX_LEN {
            return Err(FieldError::new(
                "last",
                "range-too-large",
                format!(
                    "A range may hold at most {} numbers; this one holds {count}.",
                    Self::MAX_LEN
                ),
            ));
        }
        Ok(Self { first, count })
    }

    pub fn len(&self) -> u64 {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Every number of the range, each checked against the numbering plan.
    pub fn numbers(&self) -> Result<Vec<E164Number>, FieldError> {
        let width = self.first.0.len() - 1;
        let start: u64 = self.first.0[1..].parse().expect("E.164 digits fit in u64");
        (0..self.count)
            .map(|offset| {
                E164Number::parse(&format!("+{:0width$}", start + offset))
                    .map_err(|e| e.at("first"))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s2_the_country_code_of_a_number_decides_what_is_national() {
        let berlin = E164Number::parse("+49 30 1234 5600").unwrap();
        assert_eq!(berlin.country_code().as_deref(), Some("49"));
        let lyon = E164Number::parse("+33 4 78 00 00 01").unwrap();
        assert_eq!(lyon.country_code().as_deref(), Some("33"));
    }

    #[test]
    fn n4_accepts_typed_numbers_and_stores_e164() {
        let n = E164Number::parse("+49 30 1234-5600").unwrap();
        assert_eq!(n.as_str(), "+493012345600");
        assert_eq!(
            E164Number::parse("+33 1 23 45 67 89").unwrap().as_str(),
            "+33123456789"
        );
        assert_eq!(
            E164Number::parse("+44 20 7946 0958").unwrap().as_str(),
            "+442079460958"
        );
    }

    #[test]
    fn n4_rejects_numbers_that_are_not_e164() {
        for bad in [
            "",
            "4930123456",
            "+49abc",
            "+1234567",
            "+1234567890123456",
            "+999123456789",
            "+49 0",
        ] {
            let err = E164Number::parse(bad).unwrap_err();
            assert_eq!(err.code, "invalid-e164", "{bad}");
        }
    }

    #[test]
    fn u2_default_extension_comes_from_the_last_digits() {
        let n = E164Number::parse("+493012345678").unwrap();
        assert_eq!(n.last_digits(4), "5678");
        assert_eq!(n.last_digits(3), "678");
    }

    #[test]
    fn n4_range_lists_every_number_and_is_bounded() {
        let first = E164Number::parse("+493012345600").unwrap();
        let last = E164Number::parse("+493012345609").unwrap();
        let range = NumberRange::new(first.clone(), last.clone()).unwrap();
        let numbers = range.numbers().unwrap();
        assert_eq!(numbers.len(), 10);
        assert_eq!(numbers[9], last);
        assert!(NumberRange::new(last, first.clone()).is_err());
        let far = E164Number::parse("+493012445600").unwrap();
        assert_eq!(
            NumberRange::new(first, far).unwrap_err().code,
            "range-too-large"
        );
    }
}
