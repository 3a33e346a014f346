//! Where a site is (I-6): its time zone, by which times are shown and broadcasts are sent, and
//! its country, by which numbers typed in national form are read. The time zone database is the
//! IANA one bundled into the binary (jiff's), so every machine converts alike, daylight saving
//! included.

use std::fmt;
use std::sync::OnceLock;

use crate::Timestamp;

/// The zones of the bundled database, by name; loaded once.
fn zones() -> &'static [(String, jiff::tz::TimeZone)] {
    static ZONES: OnceLock<Vec<(String, jiff::tz::TimeZone)>> = OnceLock::new();
    ZONES.get_or_init(|| {
        let db = jiff::tz::db();
        let mut zones: Vec<(String, jiff::tz::TimeZone)> = db
            .available()
            .filter_map(|name| {
                let name = name.as_str().to_owned();
                db.get(&name).ok().map(|tz| (name, tz))
            })
            .collect();
        zones.sort_by(|a, b| a.0.cmp(&b.0));
        zones
    })
}

/// An IANA time zone (`Europe/Berlin`), valid by construction; `Copy`, so that a page can carry
/// its reader's zone as cheaply as their language.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeZone(u16);

impl TimeZone {
    /// A zone by its IANA name (case as in the database, or any case).
    pub fn parse(name: &str) -> Option<Self> {
        let name = name.trim();
        let zones = zones();
        let index = zones
            .binary_search_by(|(n, _)| n.as_str().cmp(name))
            .ok()
            .or_else(|| zones.iter().position(|(n, _)| n.eq_ignore_ascii_case(name)))?;
        u16::try_from(index).ok().map(Self)
    }

    pub fn utc() -> Self {
        Self::parse("UTC").expect("the database has UTC")
    }

    /// Every zone people live in (`Area/City`), for a choice.
    pub fn choices() -> impl Iterator<Item = Self> {
        zones()
            .iter()
            .enumerate()
            .filter(|(_, (name, _))| {
                let area = name.split('/').next().unwrap_or("");
                name.contains('/')
                    && matches!(
                        area,
                        "Africa"
                            | "America"
                            | "Antarctica"
                            | "Asia"
                            | "Atlantic"
                            | "Australia"
                            | "Europe"
                            | "Indian"
                            | "Pacific"
                    )
            })
            .filter_map(|(i, _)| u16::try_from(i).ok().map(Self))
            .chain(std::iter::once(Self::utc()))
    }

    pub fn name(self) -> &'static str {
        &zones()[usize::from(self.0)].0
    }

    fn tz(self) -> &'static jiff::tz::TimeZone {
        &zones()[usize::from(self.0)].1
    }

    /// The wall-clock time of an instant in this zone.
    pub fn local(self, at: Timestamp) -> LocalTime {
        let instant =
            jiff::Timestamp::from_millisecond(at.millis()).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let info = self.tz().to_offset_info(instant);
        let dt = info.offset().to_datetime(instant);
        LocalTime {
            year: dt.year(),
            month: dt.month() as u8,
            day: dt.day() as u8,
            hour: dt.hour() as u8,
            minute: dt.minute() as u8,
            zone: info.abbreviation().to_owned(),
        }
    }

    /// The instant of a wall-clock time in this zone (`2026-12-24T09:00`). A time that a
    /// daylight-saving change skips is moved forward by the gap; one it repeats is the first.
    pub fn instant_of(
        self,
        year: i16,
        month: i8,
        day: i8,
        hour: i8,
        minute: i8,
    ) -> Option<Timestamp> {
        let dt = jiff::civil::DateTime::new(year, month, day, hour, minute, 0, 0).ok()?;
        let zoned = self.tz().to_ambiguous_zoned(dt).compatible().ok()?;
        Some(Timestamp::from_millis(zoned.timestamp().as_millisecond()))
    }
}

impl TimeZone {
    /// An instant as typed: RFC 3339 with its offset (`2026-12-24T09:00:00+01:00`), or a form's
    /// wall-clock time without one (`2026-12-24T09:00`), read in this zone.
    pub fn parse_instant(self, input: &str) -> Option<Timestamp> {
        let input = input.trim();
        if let Ok(at) = input.parse::<jiff::Timestamp>() {
            return Some(Timestamp::from_millis(at.as_millisecond()));
        }
        let dt: jiff::civil::DateTime = input.parse().ok()?;
        self.instant_of(dt.year(), dt.month(), dt.day(), dt.hour(), dt.minute())
    }
}

impl fmt::Debug for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TimeZone({})", self.name())
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl serde::Serialize for TimeZone {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// An instant as a clock on the wall shows it, with the zone's abbreviation (`CET`, `CEST`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalTime {
    pub year: i16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub zone: String,
}

/// An ISO 3166 country (`DE`), one that has telephone numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Country(phonenumber::country::Id);

impl Country {
    pub fn parse(code: &str) -> Option<Self> {
        code.trim()
            .to_ascii_uppercase()
            .parse::<phonenumber::country::Id>()
            .ok()
            .map(Self)
    }

    pub fn code(self) -> String {
        format!("{:?}", self.0)
    }

    pub fn id(self) -> phonenumber::country::Id {
        self.0
    }
}

impl serde::Serialize for Country {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc_millis(y: i16, mo: i8, d: i8, h: i8, mi: i8) -> Timestamp {
        TimeZone::utc().instant_of(y, mo, d, h, mi).unwrap()
    }

    #[test]
    fn i6_a_zone_is_known_by_its_iana_name_only() {
        assert_eq!(
            TimeZone::parse("Europe/Berlin").unwrap().name(),
            "Europe/Berlin"
        );
        assert_eq!(
            TimeZone::parse("europe/paris").unwrap().name(),
            "Europe/Paris"
        );
        assert!(TimeZone::parse("Europe/Atlantis").is_none());
        assert!(TimeZone::choices().any(|z| z.name() == "America/New_York"));
        assert!(TimeZone::choices().all(|z| z.name() != "EST5EDT"));
    }

    #[test]
    fn i6_berlin_wall_clock_follows_daylight_saving() {
        let berlin = TimeZone::parse("Europe/Berlin").unwrap();
        let winter = berlin.local(utc_millis(2026, 12, 8, 13, 5));
        assert_eq!(
            (winter.hour, winter.minute, winter.zone.as_str()),
            (14, 5, "CET")
        );
        let summer = berlin.local(utc_millis(2026, 7, 1, 13, 5));
        assert_eq!((summer.hour, summer.zone.as_str()), (15, "CEST"));
    }

    #[test]
    fn i6_a_local_time_across_the_spring_change_is_the_right_instant() {
        let berlin = TimeZone::parse("Europe/Berlin").unwrap();
        // 09:00 on the day before and the day after the change of 29 March 2026.
        assert_eq!(
            berlin.instant_of(2026, 3, 28, 9, 0),
            Some(utc_millis(2026, 3, 28, 8, 0))
        );
        assert_eq!(
            berlin.instant_of(2026, 3, 30, 9, 0),
            Some(utc_millis(2026, 3, 30, 7, 0))
        );
        // 02:30 does not exist that night: it is read as 03:30 summer time.
        assert_eq!(
            berlin.instant_of(2026, 3, 29, 2, 30),
            Some(utc_millis(2026, 3, 29, 1, 30))
        );
        assert_eq!(berlin.instant_of(2026, 2, 30, 9, 0), None);
    }

    #[test]
    fn i6_a_typed_time_without_offset_is_read_in_the_zone() {
        let berlin = TimeZone::parse("Europe/Berlin").unwrap();
        assert_eq!(
            berlin.parse_instant("2026-12-24T09:00"),
            Some(utc_millis(2026, 12, 24, 8, 0))
        );
        assert_eq!(
            berlin.parse_instant("2026-07-01T09:00"),
            Some(utc_millis(2026, 7, 1, 7, 0))
        );
        assert_eq!(
            berlin.parse_instant("2026-12-24T09:00:00-05:00"),
            Some(utc_millis(2026, 12, 24, 14, 0))
        );
        assert_eq!(berlin.parse_instant("Christmas morning"), None);
    }

    #[test]
    fn i6_countries_are_iso_codes_with_telephone_numbers() {
        assert_eq!(Country::parse("de").unwrap().code(), "DE");
        assert_eq!(Country::parse("FR").unwrap().code(), "FR");
        assert!(Country::parse("XX").is_none());
    }
}
