//! [`Timestamp`], the twin of the aware `datetime` that Eventum hands to
//! templates as `timestamp`.

use super::civil::{Civil, days_in_month};
use super::delta::TimeDelta;
use super::zone::Zone;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Add, Sub};

/// An instant with the UTC offset of the generator's time zone at that
/// instant. Microsecond resolution, like Eventum's `datetime64[us]`.
///
/// Arithmetic with a [`TimeDelta`] keeps the offset, which is exact for UTC
/// and fixed-offset zones; call [`Timestamp::in_zone`] to re-resolve the
/// offset of a named zone after crossing a daylight-saving change.
#[derive(Clone, Copy)]
pub struct Timestamp {
    utc_micros: i64,
    offset: i32,
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({})", self.isoformat())
    }
}

/// Python's `str(datetime)`: `2026-01-01 12:00:00+00:00`.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = Vec::with_capacity(32);
        self.write_iso(&mut buf, b' ');
        f.write_str(std::str::from_utf8(&buf).unwrap_or_default())
    }
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.utc_micros == other.utc_micros
    }
}

impl Eq for Timestamp {}

impl Hash for Timestamp {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.utc_micros.hash(state);
    }
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        self.utc_micros.cmp(&other.utc_micros)
    }
}

#[inline]
fn push2(out: &mut Vec<u8>, v: u32) {
    out.push(b'0' + (v / 10 % 10) as u8);
    out.push(b'0' + (v % 10) as u8);
}

#[inline]
fn push_year(out: &mut Vec<u8>, year: i32) {
    if (0..10_000).contains(&year) {
        let y = year as u32;
        push2(out, y / 100);
        push2(out, y % 100);
    } else {
        out.extend_from_slice(year.to_string().as_bytes());
    }
}

impl Timestamp {
    /// The instant `utc_micros` microseconds after the Unix epoch, in UTC.
    pub const fn from_utc_micros(utc_micros: i64) -> Self {
        Self {
            utc_micros,
            offset: 0,
        }
    }

    /// The same instant displayed with a UTC offset of `offset_seconds`.
    #[must_use]
    pub const fn with_offset(self, offset_seconds: i32) -> Self {
        Self {
            utc_micros: self.utc_micros,
            offset: offset_seconds,
        }
    }

    /// The same instant in `zone` (its offset resolved at this instant).
    #[must_use]
    pub fn in_zone(self, zone: &Zone) -> Self {
        self.with_offset(zone.offset_at(self.utc_micros))
    }

    /// The current time, in UTC.
    pub fn now() -> Self {
        let micros = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_micros() as i64);
        Self::from_utc_micros(micros)
    }

    /// Microseconds since the Unix epoch.
    pub const fn utc_micros(self) -> i64 {
        self.utc_micros
    }

    /// The UTC offset in seconds.
    pub const fn offset_seconds(self) -> i32 {
        self.offset
    }

    /// Wall-clock microseconds: the instant shifted by its offset.
    pub const fn local_micros(self) -> i64 {
        self.utc_micros + self.offset as i64 * 1_000_000
    }

    /// The wall-clock fields.
    pub const fn civil(self) -> Civil {
        Civil::from_local_micros(self.local_micros())
    }

    /// `datetime.year`.
    pub const fn year(self) -> i32 {
        self.civil().year
    }
    /// `datetime.month` (1..=12).
    pub const fn month(self) -> u32 {
        self.civil().month as u32
    }
    /// `datetime.day` (1..=31).
    pub const fn day(self) -> u32 {
        self.civil().day as u32
    }
    /// `datetime.hour`.
    pub const fn hour(self) -> u32 {
        self.civil().hour as u32
    }
    /// `datetime.minute`.
    pub const fn minute(self) -> u32 {
        self.civil().minute as u32
    }
    /// `datetime.second`.
    pub const fn second(self) -> u32 {
        self.civil().second as u32
    }
    /// `datetime.microsecond`.
    pub const fn microsecond(self) -> u32 {
        self.local_micros().rem_euclid(1_000_000) as u32
    }
    /// `datetime.weekday()`: Monday = 0 .. Sunday = 6.
    pub const fn weekday(self) -> u32 {
        self.civil().weekday as u32
    }
    /// `datetime.isoweekday()`: Monday = 1 .. Sunday = 7.
    pub const fn isoweekday(self) -> u32 {
        self.civil().weekday as u32 + 1
    }

    /// `datetime.timestamp()`: seconds since the epoch as a float.
    pub fn timestamp(self) -> f64 {
        self.utc_micros as f64 / 1e6
    }

    /// `datetime.isoformat()`: `2026-01-01T12:00:00+00:00`, with `.ffffff`
    /// only when the microsecond is not zero (Python's exact rule).
    pub fn isoformat(self) -> String {
        let mut buf = Vec::with_capacity(32);
        self.write_isoformat(&mut buf);
        String::from_utf8(buf).unwrap_or_default()
    }

    /// Appends `isoformat()` to a byte buffer without allocating.
    #[inline]
    pub fn write_isoformat(self, out: &mut Vec<u8>) {
        self.write_iso(out, b'T');
    }

    fn write_iso(self, out: &mut Vec<u8>, sep: u8) {
        let c = self.civil();
        push_year(out, c.year);
        out.push(b'-');
        push2(out, u32::from(c.month));
        out.push(b'-');
        push2(out, u32::from(c.day));
        out.push(sep);
        push2(out, u32::from(c.hour));
        out.push(b':');
        push2(out, u32::from(c.minute));
        out.push(b':');
        push2(out, u32::from(c.second));
        if c.micro != 0 {
            out.push(b'.');
            let m = c.micro;
            push2(out, m / 10_000);
            push2(out, m / 100 % 100);
            push2(out, m % 100);
        }
        self.write_offset(out, true);
    }

    /// `+HH:MM` (with `:SS` when the offset has seconds), or `+HHMM` without colons.
    pub(super) fn write_offset(self, out: &mut Vec<u8>, colon: bool) {
        let off = self.offset;
        out.push(if off < 0 { b'-' } else { b'+' });
        let a = off.unsigned_abs();
        push2(out, a / 3600);
        if colon {
            out.push(b':');
        }
        push2(out, a / 60 % 60);
        if !a.is_multiple_of(60) {
            if colon {
                out.push(b':');
            }
            push2(out, a % 60);
        }
    }

    /// `datetime.replace(...)`: the same wall-clock time with some fields
    /// replaced, in the same offset. `None` when the result is not a valid
    /// date (Python raises `ValueError`).
    #[allow(clippy::too_many_arguments)]
    pub fn replace(
        self,
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
        hour: Option<u32>,
        minute: Option<u32>,
        second: Option<u32>,
        microsecond: Option<u32>,
    ) -> Option<Self> {
        let mut c = self.civil();
        if let Some(y) = year {
            if !(1..=9999).contains(&y) {
                return None;
            }
            c.year = y;
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return None;
            }
            c.month = m as u8;
        }
        if let Some(d) = day {
            c.day = d as u8;
        }
        if u32::from(c.day) < 1 || u32::from(c.day) > days_in_month(c.year, u32::from(c.month)) {
            return None;
        }
        if let Some(h) = hour {
            if h > 23 {
                return None;
            }
            c.hour = h as u8;
        }
        if let Some(m) = minute {
            if m > 59 {
                return None;
            }
            c.minute = m as u8;
        }
        if let Some(s) = second {
            if s > 59 {
                return None;
            }
            c.second = s as u8;
        }
        if let Some(us) = microsecond {
            if us > 999_999 {
                return None;
            }
            c.micro = us;
        }
        let local = c.to_local_micros();
        Some(Self {
            utc_micros: local - i64::from(self.offset) * 1_000_000,
            offset: self.offset,
        })
    }
}

impl Add<TimeDelta> for Timestamp {
    type Output = Self;
    fn add(self, rhs: TimeDelta) -> Self {
        Self {
            utc_micros: self.utc_micros.saturating_add(rhs.as_micros()),
            offset: self.offset,
        }
    }
}

impl Sub<TimeDelta> for Timestamp {
    type Output = Self;
    fn sub(self, rhs: TimeDelta) -> Self {
        Self {
            utc_micros: self.utc_micros.saturating_sub(rhs.as_micros()),
            offset: self.offset,
        }
    }
}

impl Sub for Timestamp {
    type Output = TimeDelta;
    fn sub(self, rhs: Self) -> TimeDelta {
        TimeDelta::from_micros(self.utc_micros - rhs.utc_micros)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOON_2026: i64 = 1_767_268_800_000_000;

    #[test]
    fn isoformat_follows_pythons_rule() {
        let t = Timestamp::from_utc_micros(NOON_2026);
        assert_eq!(t.isoformat(), "2026-01-01T12:00:00+00:00");
        assert_eq!(
            (t + TimeDelta::from_micros(123_456)).isoformat(),
            "2026-01-01T12:00:00.123456+00:00"
        );
        assert_eq!(
            (t + TimeDelta::from_micros(1)).isoformat(),
            "2026-01-01T12:00:00.000001+00:00"
        );
        assert_eq!(
            t.with_offset(3 * 3600).isoformat(),
            "2026-01-01T15:00:00+03:00"
        );
        assert_eq!(
            t.with_offset(-(5 * 3600 + 30 * 60)).isoformat(),
            "2026-01-01T06:30:00-05:30"
        );
        assert_eq!(
            t.with_offset(3600 + 1).isoformat(),
            "2026-01-01T13:00:01+01:00:01"
        );
        assert_eq!(t.to_string(), "2026-01-01 12:00:00+00:00");
    }

    #[test]
    fn fields_and_epoch() {
        let t = Timestamp::from_utc_micros(NOON_2026 + 7);
        assert_eq!((t.year(), t.month(), t.day(), t.hour()), (2026, 1, 1, 12));
        assert_eq!(t.microsecond(), 7);
        assert_eq!(t.weekday(), 3);
        assert_eq!(t.isoweekday(), 4);
        assert!((Timestamp::from_utc_micros(NOON_2026).timestamp() - 1_767_268_800.0).abs() < 1e-9);
    }

    #[test]
    fn arithmetic_and_replace() {
        let t = Timestamp::from_utc_micros(NOON_2026);
        let earlier = t - TimeDelta::hours(36.0);
        assert_eq!(earlier.isoformat(), "2025-12-31T00:00:00+00:00");
        assert_eq!((t - earlier).as_micros(), 129_600_000_000);
        let nine = t
            .replace(None, None, None, Some(9), None, None, None)
            .unwrap();
        assert_eq!(nine.isoformat(), "2026-01-01T09:00:00+00:00");
        assert!(
            t.replace(None, Some(2), Some(30), None, None, None, None)
                .is_none()
        );
        let shifted = t.with_offset(3 * 3600);
        let r = shifted
            .replace(None, None, None, Some(9), None, None, None)
            .unwrap();
        assert_eq!(r.isoformat(), "2026-01-01T09:00:00+03:00");
    }
}
