//! Instants, stored as UTC milliseconds (portable across both databases), shown as RFC 3339.

use std::fmt;

/// A UTC instant with millisecond precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    pub fn from_millis(millis: i64) -> Self {
        Self(millis)
    }

    pub fn millis(self) -> i64 {
        self.0
    }

    pub fn plus_millis(self, millis: i64) -> Self {
        Self(self.0.saturating_add(millis))
    }

    /// An instant as typed: RFC 3339 (`2026-12-24T09:00:00+01:00`), or a form's local date and
    /// time without offset (`2026-12-24T09:00`), read as UTC.
    pub fn parse(input: &str) -> Option<Self> {
        use ::time::format_description::well_known::Rfc3339;
        let input = input.trim();
        let at = ::time::OffsetDateTime::parse(input, &Rfc3339)
            .ok()
            .or_else(|| {
                let format =
                    ::time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]");
                ::time::PrimitiveDateTime::parse(input, &format)
                    .ok()
                    .map(|t| t.assume_utc())
            })?;
        i64::try_from(at.unix_timestamp_nanos() / 1_000_000)
            .ok()
            .map(Self)
    }

    pub fn to_rfc3339(self) -> String {
        let nanos = i128::from(self.0) * 1_000_000;
        ::time::OffsetDateTime::from_unix_timestamp_nanos(nanos)
            .ok()
            .and_then(|t| {
                t.format(&::time::format_description::well_known::Rfc3339)
                    .ok()
            })
            .unwrap_or_else(|| self.0.to_string())
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_rfc3339())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_render_as_rfc3339_utc() {
        assert_eq!(
            Timestamp::from_millis(0).to_rfc3339(),
            "1970-01-01T00:00:00Z"
        );
        assert_eq!(
            Timestamp::from_millis(1_795_000_000_123).to_rfc3339(),
            "2026-11-18T11:06:40.123Z"
        );
    }

    #[test]
    fn g5_send_times_are_read_with_or_without_an_offset() {
        let with = Timestamp::parse("2026-12-24T09:00:00+01:00").unwrap();
        let without = Timestamp::parse("2026-12-24T08:00").unwrap();
        assert_eq!(with, without);
        assert_eq!(with.to_rfc3339(), "2026-12-24T08:00:00Z");
        assert!(Timestamp::parse("tomorrow").is_none());
    }
}
