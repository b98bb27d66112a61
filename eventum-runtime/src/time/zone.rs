//! Time zones by IANA name, as the generator's `timezone` option takes them.

use jiff::tz::TimeZone;
use std::fmt;

/// A named time zone (IANA database), or UTC.
#[derive(Clone)]
pub struct Zone {
    name: String,
    tz: TimeZone,
}

/// A time zone name that the database does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeZoneError {
    /// The name that was asked for.
    pub name: String,
}

impl fmt::Display for TimeZoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown time zone `{}` (expected an IANA name such as `UTC` or `Europe/Moscow`)",
            self.name
        )
    }
}

impl std::error::Error for TimeZoneError {}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Zone({})", self.name)
    }
}

impl Default for Zone {
    fn default() -> Self {
        Self::utc()
    }
}

impl Zone {
    /// Coordinated Universal Time, Eventum's default.
    pub fn utc() -> Self {
        Self {
            name: "UTC".to_owned(),
            tz: TimeZone::UTC,
        }
    }

    /// The zone called `name` (Eventum requires at least 3 characters).
    pub fn named(name: &str) -> Result<Self, TimeZoneError> {
        if name.len() < 3 {
            return Err(TimeZoneError {
                name: name.to_owned(),
            });
        }
        if name == "UTC" {
            return Ok(Self::utc());
        }
        let tz = TimeZone::get(name).map_err(|_| TimeZoneError {
            name: name.to_owned(),
        })?;
        Ok(Self {
            name: name.to_owned(),
            tz,
        })
    }

    /// The IANA name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether this is UTC (no offset lookups needed).
    pub fn is_utc(&self) -> bool {
        self.name == "UTC"
    }

    /// The offset from UTC in seconds at the instant `utc_micros`.
    pub fn offset_at(&self, utc_micros: i64) -> i32 {
        if self.is_utc() {
            return 0;
        }
        match jiff::Timestamp::from_microsecond(utc_micros) {
            Ok(ts) => self.tz.to_offset(ts).seconds(),
            Err(_) => 0,
        }
    }

    /// The UTC instant of a wall-clock time in this zone. Ambiguous times
    /// (a DST fold) take the earlier instant, as Python's `fold=0` does; times
    /// in a gap are shifted forward.
    pub fn utc_micros_of_local(&self, local_micros: i64) -> i64 {
        if self.is_utc() {
            return local_micros;
        }
        let secs = local_micros.div_euclid(1_000_000);
        let sub = local_micros.rem_euclid(1_000_000);
        let Ok(ts) = jiff::Timestamp::from_second(secs) else {
            return local_micros;
        };
        let civil = ts.to_zoned(TimeZone::UTC).datetime();
        match self.tz.to_ambiguous_timestamp(civil).compatible() {
            Ok(t) => t.as_second() * 1_000_000 + sub,
            Err(_) => local_micros,
        }
    }

    /// The zone's abbreviation at an instant (`UTC`, `MSK`, `EST`...), for `%Z`.
    pub fn abbreviation_at(&self, utc_micros: i64) -> String {
        if self.is_utc() {
            return "UTC".to_owned();
        }
        match jiff::Timestamp::from_microsecond(utc_micros) {
            Ok(ts) => self.tz.to_offset_info(ts).abbreviation().to_owned(),
            Err(_) => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_and_named_zones() {
        let utc = Zone::utc();
        assert_eq!(utc.offset_at(0), 0);
        let msk = Zone::named("Europe/Moscow").unwrap();
        // 2026-01-01T00:00:00Z: Moscow is UTC+3 all year.
        assert_eq!(msk.offset_at(1_767_225_600_000_000), 3 * 3600);
        let ny = Zone::named("America/New_York").unwrap();
        assert_eq!(ny.offset_at(1_767_225_600_000_000), -5 * 3600);
        // July: daylight time.
        assert_eq!(ny.offset_at(1_783_000_000_000_000), -4 * 3600);
        assert_eq!(ny.abbreviation_at(1_767_225_600_000_000), "EST");
        assert!(Zone::named("Mars/Olympus").is_err());
        assert!(Zone::named("UT").is_err());
    }

    #[test]
    fn local_to_utc() {
        let msk = Zone::named("Europe/Moscow").unwrap();
        let local = 1_767_225_600_000_000 + 3 * 3_600_000_000;
        assert_eq!(msk.utc_micros_of_local(local), 1_767_225_600_000_000);
    }
}
