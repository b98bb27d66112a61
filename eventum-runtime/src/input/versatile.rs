//! Versatile datetimes (spec §5.1): the `start`/`end` values of cron,
//! linspace, timer and time-pattern oscillators, resolved to UTC microseconds.
//!
//! Forms, tried in Eventum's order (pydantic `union_mode='left_to_right'`):
//!
//! 1. a datetime: an ISO 8601 string (`2024-01-01T10:00:00Z`, `2024-01-01
//!    10:00:00+03:00`, date-only `2024-01-01` = midnight), or an int/float
//!    (or numeric string) taken as a Unix epoch in seconds, in milliseconds
//!    when its magnitude exceeds 2e10 (pydantic's rule);
//! 2. a time `14:30[:00[.ffffff]]`: that time on the relative base's date,
//!    in the generator zone;
//! 3. the keywords `now` and `never` (9999-12-31T23:59:59.999998 in the zone);
//! 4. a relative offset `^[+-]?(\d+d)?(\d+h)?(\d+m)?(\d+s)?$` added in wall
//!    time to the relative base (`+` alone is a zero offset, as in Eventum);
//! 5. a small subset of what `dateparser` reads: `today`, `yesterday`,
//!    `tomorrow` (keeping the base's time of day, or at a given time as in
//!    `yesterday 3pm`), a bare time (`3pm`, `15:45`), `3 days ago`,
//!    `in 2 hours`, and dates like `1st August 2025` or `Aug 1, 2025 10:00`.
//!
//! The relative base is "now" for `start` and the resolved start for `end`.
//!
//! **Naive datetimes** are host-local in Eventum (`datetime.astimezone`).
//! Here the host zone is taken to be **UTC**, so `2024-01-01T10:00:00` means
//! 10:00 UTC whatever the machine's zone; write an offset to be explicit.

use super::MICROS;
use crate::time::{Civil, Zone, days_from_civil, days_in_month};
use regex::Regex;
use serde::de::{self, Deserialize, Deserializer, Visitor};
use std::fmt;
use std::sync::LazyLock;

const DAY_US: i64 = 86_400 * MICROS;

/// A `start`/`end` value as written in the config: a string, or a number
/// (a Unix epoch). `null` is modelled by `Option<VersatileDatetime>`.
#[derive(Debug, Clone, PartialEq)]
pub enum VersatileDatetime {
    /// An integer epoch.
    Int(i64),
    /// A float epoch.
    Float(f64),
    /// Any other form, as text.
    Text(String),
}

impl<'de> Deserialize<'de> for VersatileDatetime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = VersatileDatetime;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date/time string or a Unix epoch number")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(VersatileDatetime::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(
                    i64::try_from(v).map_or(VersatileDatetime::Float(v as f64), |v| {
                        VersatileDatetime::Int(v)
                    }),
                )
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(VersatileDatetime::Float(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(VersatileDatetime::Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(VersatileDatetime::Text(v))
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl fmt::Display for VersatileDatetime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Int(v) => write!(f, "{v}"),
            Self::Float(v) => write!(f, "{v}"),
            Self::Text(s) => f.write_str(s),
        }
    }
}

impl From<&str> for VersatileDatetime {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}

/// A value that cannot be read or resolved as a date/time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatetimeError(pub String);

impl fmt::Display for DatetimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DatetimeError {}

fn unparsable(text: &str) -> DatetimeError {
    DatetimeError(format!(
        "cannot parse `{text}` as a date/time; use ISO 8601 (`2024-01-01T10:00:00Z`, \
         `2024-01-01`), a time of day (`14:30:00`), `now`, `never`, a relative offset \
         (`+1d2h`, `-30m`), an epoch number, or a phrase such as `yesterday 3pm`, \
         `3 days ago`, `in 2 hours`, `1st August 2025`"
    ))
}

/// What `start` means when it is null.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoneStart {
    /// The current time (runtime behaviour of every plugin).
    Now,
    /// 0001-01-01T00:00:00 in the zone (used by config validation).
    Min,
}

/// A parsed versatile datetime, independent of zone and "now".
#[derive(Debug, Clone, Copy, PartialEq)]
enum Form {
    /// An instant: aware datetime, epoch, or naive datetime (read as UTC).
    Instant(i64),
    /// Microseconds since midnight, on the relative base's date.
    TimeOfDay(i64),
    Now,
    Never,
    /// A wall-clock offset from the relative base, in microseconds.
    Relative(i64),
    Human(Human),
}

/// The `dateparser` subset.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Human {
    /// `today`/`yesterday`/`tomorrow`/`now` (a day shift), optionally at a time of day.
    Day { shift: i64, time: Option<i64> },
    /// `N units ago` (negative) / `in N units`.
    Shift { amount: i64, unit: Unit },
    /// A calendar date, at midnight or at a time of day (zone-local wall time).
    Date {
        year: i32,
        month: u32,
        day: u32,
        time: Option<i64>,
    },
    /// An ISO string read by the fallback (naive = zone-local, like dateparser).
    Iso { local: i64, offset: Option<i32> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl VersatileDatetime {
    /// Whether this is the keyword `never`.
    pub fn is_never(&self) -> bool {
        matches!(self, Self::Text(s) if s == "never")
    }

    /// Checks that the value is readable (without resolving it).
    pub fn check(&self) -> Result<(), DatetimeError> {
        self.form().map(|_| ())
    }

    /// Checks that the value is a plain datetime (form 1 only: ISO string or
    /// epoch), as the `timestamps` list requires.
    pub fn check_absolute(&self) -> Result<(), DatetimeError> {
        self.absolute().map(|_| ())
    }

    /// The instant of a plain datetime (form 1), naive values read as UTC.
    pub fn absolute(&self) -> Result<i64, DatetimeError> {
        match self.form()? {
            Form::Instant(t) => Ok(t),
            _ => Err(DatetimeError(format!(
                "`{self}` is not a datetime; use ISO 8601 (`2024-01-01T10:00:00Z`) or an epoch number"
            ))),
        }
    }

    /// Resolves the value to UTC microseconds in `zone`, with `now` the
    /// current time and `base` the relative base.
    pub fn resolve(&self, zone: &Zone, now: i64, base: i64) -> Result<i64, DatetimeError> {
        Ok(match self.form()? {
            Form::Instant(t) => t,
            Form::Now => now,
            Form::Never => never(zone),
            Form::TimeOfDay(tod) => {
                let day = local_of(zone, base).div_euclid(DAY_US);
                utc_of_local(zone, day * DAY_US + tod)
            }
            Form::Relative(delta) => {
                let local = checked_add(local_of(zone, base), delta, self)?;
                utc_of_local(zone, local)
            }
            Form::Human(h) => resolve_human(h, zone, base, self)?,
        })
    }

    fn form(&self) -> Result<Form, DatetimeError> {
        match self {
            Self::Int(v) => epoch_int(*v)
                .map(Form::Instant)
                .ok_or_else(|| out_of_range(self)),
            Self::Float(v) => epoch_float(*v)
                .map(Form::Instant)
                .ok_or_else(|| out_of_range(self)),
            Self::Text(s) => parse_text(s),
        }
    }
}

fn out_of_range(v: &VersatileDatetime) -> DatetimeError {
    DatetimeError(format!("`{v}` is out of the supported date range"))
}

fn checked_add(a: i64, b: i64, v: &VersatileDatetime) -> Result<i64, DatetimeError> {
    a.checked_add(b)
        .filter(|t| (MIN_LOCAL..=MAX_LOCAL).contains(t))
        .ok_or_else(|| out_of_range(v))
}

/// The last instant jiff can place in every zone (9999-12-30T00:00:00Z);
/// offsets beyond it are taken from it.
const ZONE_SAFE_MAX: i64 = 253_402_128_000 * MICROS;

/// The UTC offset of `zone` at `utc`, in seconds.
pub(crate) fn offset_at(zone: &Zone, utc: i64) -> i64 {
    i64::from(zone.offset_at(utc.min(ZONE_SAFE_MAX)))
}

/// Wall-clock microseconds of `utc` in `zone`.
pub(crate) fn local_of(zone: &Zone, utc: i64) -> i64 {
    utc + offset_at(zone, utc) * MICROS
}

/// The UTC instant of the wall-clock time `local` in `zone` (earlier
/// instant of an ambiguous time, gaps shifted forward). Near the end of
/// year 9999, beyond what the zone database handles, the offset of
/// 9999-12-30 is used.
pub(crate) fn utc_of_local(zone: &Zone, local: i64) -> i64 {
    if local >= ZONE_SAFE_MAX {
        return local - offset_at(zone, ZONE_SAFE_MAX) * MICROS;
    }
    zone.utc_micros_of_local(local)
}

/// Local 0001-01-01T00:00:00.
const MIN_LOCAL: i64 = -62_135_596_800 * MICROS;
/// Local 9999-12-31T23:59:59.999999 (Python's `datetime.max`).
const MAX_LOCAL: i64 = 253_402_300_799 * MICROS + 999_999;

/// `never` (and a null `end`): 9999-12-31T23:59:59.999998 in `zone`.
pub fn never(zone: &Zone) -> i64 {
    utc_of_local(zone, MAX_LOCAL - 1)
}

/// Python's `datetime.max` in `zone`: where endless timers overflow.
pub(crate) fn datetime_max(zone: &Zone) -> i64 {
    utc_of_local(zone, MAX_LOCAL)
}

/// 0001-01-01T00:00:00 in `zone` (a null `start` during validation).
pub fn min_datetime(zone: &Zone) -> i64 {
    utc_of_local(zone, MIN_LOCAL)
}

/// Resolves a `start`/`end` pair like Eventum's `normalize_versatile_daterange`:
/// `start` may not be `never`; a null start is `none_start`, a null end is
/// [`never`]; `end` is relative to the resolved start; start > end is an error.
pub fn resolve_range(
    start: Option<&VersatileDatetime>,
    end: Option<&VersatileDatetime>,
    zone: &Zone,
    now: i64,
    none_start: NoneStart,
) -> Result<(i64, i64), DatetimeError> {
    if start.is_some_and(VersatileDatetime::is_never) {
        return Err(DatetimeError("start cannot be `never`".to_owned()));
    }
    let start_at = match start {
        Some(v) => v
            .resolve(zone, now, now)
            .map_err(|e| DatetimeError(format!("cannot parse start time: {e}")))?,
        None => match none_start {
            NoneStart::Now => now,
            NoneStart::Min => min_datetime(zone),
        },
    };
    let end_at = match end {
        Some(v) => v
            .resolve(zone, now, start_at)
            .map_err(|e| DatetimeError(format!("cannot parse end time: {e}")))?,
        None => never(zone),
    };
    if start_at > end_at {
        return Err(DatetimeError(format!(
            "end time cannot be earlier than start time (start {}, end {})",
            iso(zone, start_at),
            iso(zone, end_at)
        )));
    }
    Ok((start_at, end_at))
}

/// Eventum's config-time check (`DaterangeValidatorMixin`): the range must
/// resolve, with a null start at the minimum, in both extreme zones
/// (`Etc/GMT-14` and `Etc/GMT+12`), against the current clock.
pub fn validate_range(
    start: Option<&VersatileDatetime>,
    end: Option<&VersatileDatetime>,
) -> Result<(), DatetimeError> {
    let now = crate::time::Timestamp::now().utc_micros();
    for name in ["Etc/GMT-14", "Etc/GMT+12"] {
        let zone = Zone::named(name).map_err(|e| DatetimeError(e.to_string()))?;
        resolve_range(start, end, &zone, now, NoneStart::Min)?;
    }
    Ok(())
}

fn iso(zone: &Zone, utc: i64) -> String {
    crate::time::Timestamp::from_utc_micros(utc)
        .in_zone(zone)
        .isoformat()
}

fn epoch_int(v: i64) -> Option<i64> {
    // pydantic: magnitudes above 2e10 are milliseconds.
    let micros = if v.unsigned_abs() > 20_000_000_000 {
        v.checked_mul(1000)?
    } else {
        v.checked_mul(MICROS)?
    };
    (MIN_LOCAL..=MAX_LOCAL).contains(&micros).then_some(micros)
}

fn epoch_float(v: f64) -> Option<i64> {
    if !v.is_finite() {
        return None;
    }
    let micros = if v.abs() > 2e10 { v * 1e3 } else { v * 1e6 }.round();
    (MIN_LOCAL as f64..=MAX_LOCAL as f64)
        .contains(&micros)
        .then_some(micros as i64)
}

fn parse_text(s: &str) -> Result<Form, DatetimeError> {
    // 1. datetime (numeric strings are epochs, as in pydantic).
    if is_number(s) {
        return s
            .parse::<i64>()
            .ok()
            .and_then(epoch_int)
            .or_else(|| s.parse::<f64>().ok().and_then(epoch_float))
            .map(Form::Instant)
            .ok_or_else(|| out_of_range(&VersatileDatetime::from(s)));
    }
    if let Some((local, offset)) = parse_iso(s) {
        // Naive: host-local, taken to be UTC (see the module docs).
        return Ok(Form::Instant(
            local - i64::from(offset.unwrap_or(0)) * MICROS,
        ));
    }
    // 2. time of day.
    if let Some(tod) = parse_time_with_offset(s) {
        return Ok(Form::TimeOfDay(tod));
    }
    // 3. keywords.
    match s {
        "now" => return Ok(Form::Now),
        "never" => return Ok(Form::Never),
        _ => {}
    }
    // 4. relative offset.
    if let Some(delta) = parse_relative(s) {
        return Ok(Form::Relative(delta));
    }
    // 5. dateparser subset.
    parse_human(s).map(Form::Human).ok_or_else(|| unparsable(s))
}

fn is_number(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// Parses an ISO 8601 date or datetime (`YYYY-MM-DD`, optionally followed by
/// `T`/`t`/space/`_` and `HH:MM[:SS[.fraction]]`, optionally followed by `Z`
/// or `±HH[:MM]`). Returns the wall-clock microseconds and the UTC offset in
/// seconds when one is given. Fractions beyond microseconds are truncated.
pub(crate) fn parse_iso(s: &str) -> Option<(i64, Option<i32>)> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = digits(&b[0..4])? as i32;
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) || year == 0 {
        return None;
    }
    let date = days_from_civil(year, month, day) * DAY_US;
    if b.len() == 10 {
        return Some((date, None));
    }
    if !matches!(b[10], b'T' | b't' | b' ' | b'_') {
        return None;
    }
    let rest = &s[11..];
    let tz_at = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let time = parse_time(&rest[..tz_at])?;
    let offset = match &rest[tz_at..] {
        "" => None,
        tz => Some(parse_offset(tz)?),
    };
    Some((date + time, offset))
}

/// `HH:MM[:SS[.fraction]]` → microseconds since midnight.
fn parse_time(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 5 || b[2] != b':' {
        return None;
    }
    let hour = digits(&b[0..2])?;
    let minute = digits(&b[3..5])?;
    let (second, micro) = match b.len() {
        5 => (0, 0),
        n if n >= 8 && b[5] == b':' => {
            let second = digits(&b[6..8])?;
            let micro = match &b[8..] {
                [] => 0,
                [b'.' | b',', frac @ ..] if !frac.is_empty() && frac.len() <= 9 => {
                    let mut v = digits(frac)?;
                    for _ in frac.len()..6 {
                        v *= 10;
                    }
                    for _ in 6..frac.len() {
                        v /= 10;
                    }
                    v
                }
                _ => return None,
            };
            (second, micro)
        }
        _ => return None,
    };
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    Some(
        (i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second)) * MICROS
            + i64::from(micro),
    )
}

/// A pydantic `time`: `HH:MM[:SS[.f]]` with an optional offset, which
/// Eventum ignores (it only takes the fields).
fn parse_time_with_offset(s: &str) -> Option<i64> {
    let tz_at = s.find(['Z', 'z', '+', '-']).unwrap_or(s.len());
    if tz_at < s.len() {
        parse_offset(&s[tz_at..])?;
    }
    parse_time(&s[..tz_at])
}

/// `Z` or `±HH[:MM]` / `±HHMM` → seconds east of UTC.
fn parse_offset(s: &str) -> Option<i32> {
    if s == "Z" || s == "z" {
        return Some(0);
    }
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let b = &s.as_bytes()[1..];
    let (h, m) = match b.len() {
        2 => (digits(b)?, 0),
        4 => (digits(&b[0..2])?, digits(&b[2..4])?),
        5 if b[2] == b':' => (digits(&b[0..2])?, digits(&b[3..5])?),
        _ => return None,
    };
    if h > 23 || m > 59 {
        return None;
    }
    Some(sign * (h * 3600 + m * 60) as i32)
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    b.iter().try_fold(0u32, |acc, &d| {
        acc.checked_mul(10)?.checked_add(u32::from(d - b'0'))
    })
}

/// Eventum's `parse_relative_time`: `[+-]` then optional `Nd`, `Nh`, `Nm`,
/// `Ns` in that order (surrounding whitespace ignored; an empty string is
/// invalid, a lone sign is a zero offset).
fn parse_relative(s: &str) -> Option<i64> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^([-+])?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$").expect("valid regex")
    });
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let caps = RE.captures(s)?;
    let mut secs: i64 = 0;
    for (group, unit) in [(2, 86_400), (3, 3600), (4, 60), (5, 1)] {
        if let Some(m) = caps.get(group) {
            let n: i64 = m.as_str().parse().ok()?;
            secs = secs.checked_add(n.checked_mul(unit)?)?;
        }
    }
    let micros = secs.checked_mul(MICROS)?;
    Some(if caps.get(1).is_some_and(|m| m.as_str() == "-") {
        -micros
    } else {
        micros
    })
}

const TIME_RE: &str = r"(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?|noon|midnight";
const MONTH_RE: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

fn parse_human(s: &str) -> Option<Human> {
    static DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(today|yesterday|tomorrow|now)(?:,?\s+(?:at\s+)?({TIME_RE}))?$"
        ))
        .expect("valid regex")
    });
    static TIME_ONLY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"^(?:at\s+)?({TIME_RE})$")).expect("valid regex"));
    static AGO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d+|an?)\s+(second|sec|minute|min|hour|hr|day|week|month|year)s?\s+ago$")
            .expect("valid regex")
    });
    static IN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^in\s+(\d+|an?)\s+(second|sec|minute|min|hour|hr|day|week|month|year)s?$")
            .expect("valid regex")
    });
    static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}\.?,?\s+(\d{{4}})(?:,?\s+(?:at\s+)?({TIME_RE}))?$"
        ))
        .expect("valid regex")
    });
    static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^{MONTH_RE}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?:,?\s+(?:at\s+)?({TIME_RE}))?$"
        ))
        .expect("valid regex")
    });

    let text = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if text.is_empty() {
        return None;
    }
    if let Some((local, offset)) = parse_iso(&text) {
        return Some(Human::Iso { local, offset });
    }
    if let Some(c) = DAY.captures(&text) {
        let shift = match &c[1] {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        let time = match c.get(2) {
            Some(m) => Some(time_of_day(m.as_str())?),
            None => None,
        };
        return Some(Human::Day { shift, time });
    }
    if let Some(c) = TIME_ONLY.captures(&text) {
        return Some(Human::Day {
            shift: 0,
            time: Some(time_of_day(&c[1])?),
        });
    }
    for (re, sign) in [(&AGO, -1), (&IN, 1)] {
        if let Some(c) = re.captures(&text) {
            let amount: i64 = match &c[1] {
                "a" | "an" => 1,
                n => n.parse().ok()?,
            };
            let unit = match &c[2] {
                "second" | "sec" => Unit::Second,
                "minute" | "min" => Unit::Minute,
                "hour" | "hr" => Unit::Hour,
                "day" => Unit::Day,
                "week" => Unit::Week,
                "month" => Unit::Month,
                _ => Unit::Year,
            };
            return Some(Human::Shift {
                amount: sign * amount,
                unit,
            });
        }
    }
    let (day, month, year, time) = if let Some(c) = DAY_MONTH.captures(&text) {
        (
            c[1].parse().ok()?,
            month_number(&c[2])?,
            c[3].parse().ok()?,
            c.get(4),
        )
    } else if let Some(c) = MONTH_DAY.captures(&text) {
        (
            c[2].parse().ok()?,
            month_number(&c[1])?,
            c[3].parse().ok()?,
            c.get(4),
        )
    } else {
        return None;
    };
    if year == 0 || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let time = match time {
        Some(m) => Some(time_of_day(m.as_str())?),
        None => None,
    };
    Some(Human::Date {
        year,
        month,
        day,
        time,
    })
}

fn month_number(name: &str) -> Option<u32> {
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| name.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// `3pm`, `3:30 pm`, `15:45`, `15:45:10`, `noon`, `midnight` → microseconds
/// since midnight. A bare number without `am`/`pm` is not a time.
fn time_of_day(s: &str) -> Option<i64> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$")
            .expect("valid regex")
    });
    match s {
        "noon" => return Some(12 * 3600 * MICROS),
        "midnight" => return Some(0),
        _ => {}
    }
    let c = RE.captures(s)?;
    let mut hour: i64 = c[1].parse().ok()?;
    let minute: i64 = c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?;
    let second: i64 = c.get(3).map_or(Some(0), |m| m.as_str().parse().ok())?;
    match c.get(4).map(|m| m.as_str().starts_with('p')) {
        Some(pm) => {
            if !(1..=12).contains(&hour) {
                return None;
            }
            hour = hour % 12 + if pm { 12 } else { 0 };
        }
        None if c.get(2).is_none() => return None,
        None => {}
    }
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    Some((hour * 3600 + minute * 60 + second) * MICROS)
}

/// `relativedelta(months=n)`: calendar months, the day clamped to the month.
fn add_months(local: i64, months: i64) -> Option<i64> {
    let c = Civil::from_local_micros(local);
    let total = i64::from(c.year) * 12 + i64::from(c.month) - 1 + months;
    let year = i32::try_from(total.div_euclid(12)).ok()?;
    let month = total.rem_euclid(12) as u32 + 1;
    let day = u32::from(c.day).min(days_in_month(year, month));
    Some(days_from_civil(year, month, day) * DAY_US + local.rem_euclid(DAY_US))
}

fn resolve_human(
    h: Human,
    zone: &Zone,
    base: i64,
    v: &VersatileDatetime,
) -> Result<i64, DatetimeError> {
    let base_local = local_of(zone, base);
    let local = match h {
        Human::Iso { local, offset } => {
            return Ok(match offset {
                Some(off) => local - i64::from(off) * MICROS,
                None => utc_of_local(zone, local),
            });
        }
        Human::Day { shift, time } => {
            let shifted = base_local + shift * DAY_US;
            match time {
                Some(tod) => shifted.div_euclid(DAY_US) * DAY_US + tod,
                None => shifted,
            }
        }
        Human::Shift { amount, unit } => {
            let span = match unit {
                Unit::Second => MICROS,
                Unit::Minute => 60 * MICROS,
                Unit::Hour => 3600 * MICROS,
                Unit::Day => DAY_US,
                Unit::Week => 7 * DAY_US,
                Unit::Month => {
                    return add_months(base_local, amount)
                        .filter(|t| (MIN_LOCAL..=MAX_LOCAL).contains(t))
                        .map(|t| utc_of_local(zone, t))
                        .ok_or_else(|| out_of_range(v));
                }
                Unit::Year => {
                    return amount
                        .checked_mul(12)
                        .and_then(|m| add_months(base_local, m))
                        .filter(|t| (MIN_LOCAL..=MAX_LOCAL).contains(t))
                        .map(|t| utc_of_local(zone, t))
                        .ok_or_else(|| out_of_range(v));
                }
            };
            let delta = amount.checked_mul(span).ok_or_else(|| out_of_range(v))?;
            checked_add(base_local, delta, v)?
        }
        Human::Date {
            year,
            month,
            day,
            time,
        } => days_from_civil(year, month, day) * DAY_US + time.unwrap_or(0),
    };
    if !(MIN_LOCAL..=MAX_LOCAL).contains(&local) {
        return Err(out_of_range(v));
    }
    Ok(utc_of_local(zone, local))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::test_util::at;

    fn vd(s: &str) -> VersatileDatetime {
        VersatileDatetime::from(s)
    }

    /// 2026-03-10T12:34:56.789Z, a Tuesday.
    fn now() -> i64 {
        at("2026-03-10T12:34:56.789Z")
    }

    fn resolve(s: &str, zone: &Zone) -> i64 {
        vd(s).resolve(zone, now(), now()).unwrap()
    }

    #[test]
    fn iso_forms() {
        let utc = Zone::utc();
        assert_eq!(
            resolve("2024-01-01T10:00:00Z", &utc),
            at("2024-01-01T10:00:00Z")
        );
        assert_eq!(
            resolve("2024-01-01 10:00:00+03:00", &utc),
            at("2024-01-01T07:00:00Z")
        );
        assert_eq!(
            resolve("2024-01-01T10:00:00.5-0130", &utc),
            at("2024-01-01T11:30:00.5Z")
        );
        assert_eq!(
            resolve("2024-01-01T10:00", &utc),
            at("2024-01-01T10:00:00Z")
        );
        // Naive values are host-local, taken to be UTC, whatever the zone.
        let msk = Zone::named("Europe/Moscow").unwrap();
        assert_eq!(
            resolve("2024-01-01T10:00:00", &msk),
            at("2024-01-01T10:00:00Z")
        );
        // Date-only is midnight.
        assert_eq!(resolve("2024-01-01", &msk), at("2024-01-01T00:00:00Z"));
        assert_eq!(
            resolve("2024-01-01T10:00:00.1234567Z", &utc),
            at("2024-01-01T10:00:00.123456Z")
        );
        assert!(vd("2024-02-30").check().is_err());
        assert!(vd("2024-01-01T24:00:00").check().is_err());
    }

    #[test]
    fn epochs() {
        let utc = Zone::utc();
        let e = |v: VersatileDatetime| v.resolve(&utc, 0, 0).unwrap();
        assert_eq!(
            e(VersatileDatetime::Int(1_700_000_000)),
            1_700_000_000 * MICROS
        );
        assert_eq!(e(VersatileDatetime::Float(1.5)), 1_500_000);
        // Above 2e10 the number is in milliseconds (pydantic).
        assert_eq!(
            e(VersatileDatetime::Int(1_700_000_000_123)),
            1_700_000_000_123_000
        );
        assert_eq!(e(vd("1700000000")), 1_700_000_000 * MICROS);
        assert_eq!(e(vd("-1.25")), -1_250_000);
    }

    #[test]
    fn time_of_day_in_the_zone() {
        let utc = Zone::utc();
        assert_eq!(resolve("14:30:00", &utc), at("2026-03-10T14:30:00Z"));
        assert_eq!(resolve("08:05", &utc), at("2026-03-10T08:05:00Z"));
        let msk = Zone::named("Europe/Moscow").unwrap();
        // 14:30 Moscow time on the base's Moscow date.
        assert_eq!(resolve("14:30:00", &msk), at("2026-03-10T11:30:00Z"));
        // Relative to a base late in the UTC day, the Moscow date is the next day.
        let base = at("2026-03-10T22:00:00Z");
        assert_eq!(
            vd("01:00").resolve(&msk, now(), base).unwrap(),
            at("2026-03-10T22:00:00Z")
        );
    }

    #[test]
    fn keywords() {
        let utc = Zone::utc();
        assert_eq!(resolve("now", &utc), now());
        assert_eq!(resolve("never", &utc), at("9999-12-31T23:59:59.999998Z"));
        let msk = Zone::named("Europe/Moscow").unwrap();
        assert_eq!(resolve("never", &msk), at("9999-12-31T20:59:59.999998Z"));
        assert!(vd("never").is_never());
        assert!(!vd("Never").is_never());
    }

    #[test]
    fn relative_offsets_use_the_relative_base() {
        let utc = Zone::utc();
        assert_eq!(resolve("+1d12h", &utc), now() + 36 * 3600 * MICROS);
        assert_eq!(resolve("-30m", &utc), now() - 30 * 60 * MICROS);
        assert_eq!(resolve("1h30m10s", &utc), now() + 5410 * MICROS);
        assert_eq!(resolve("+", &utc), now());
        assert!(vd("").check().is_err());
        assert!(vd("1h1d").check().is_err());
        // End is relative to the resolved start, start to now.
        let (s, e) = resolve_range(
            Some(&vd("+1h")),
            Some(&vd("+24h")),
            &utc,
            now(),
            NoneStart::Now,
        )
        .unwrap();
        assert_eq!(s, now() + 3600 * MICROS);
        assert_eq!(e, now() + 25 * 3600 * MICROS);
        let (s, e) = resolve_range(
            Some(&vd("2024-01-01T00:00:00Z")),
            Some(&vd("14:30:00")),
            &utc,
            now(),
            NoneStart::Now,
        )
        .unwrap();
        assert_eq!(s, at("2024-01-01T00:00:00Z"));
        assert_eq!(e, at("2024-01-01T14:30:00Z"));
    }

    #[test]
    fn dateparser_subset() {
        let utc = Zone::utc();
        assert_eq!(resolve("today", &utc), now());
        assert_eq!(resolve("yesterday", &utc), now() - DAY_US);
        assert_eq!(resolve("yesterday 3pm", &utc), at("2026-03-09T15:00:00Z"));
        assert_eq!(
            resolve("Tomorrow at 9:30 am", &utc),
            at("2026-03-11T09:30:00Z")
        );
        assert_eq!(resolve("3pm", &utc), at("2026-03-10T15:00:00Z"));
        assert_eq!(resolve("3 days ago", &utc), now() - 3 * DAY_US);
        assert_eq!(resolve("an hour ago", &utc), now() - 3600 * MICROS);
        assert_eq!(resolve("in 2 hours", &utc), now() + 7200 * MICROS);
        assert_eq!(resolve("1 month ago", &utc), at("2026-02-10T12:34:56.789Z"));
        assert_eq!(resolve("1st August 2025", &utc), at("2025-08-01T00:00:00Z"));
        assert_eq!(
            resolve("Aug 1, 2025 10:00", &utc),
            at("2025-08-01T10:00:00Z")
        );
        // A zone-local wall time.
        let msk = Zone::named("Europe/Moscow").unwrap();
        assert_eq!(resolve("1st August 2025", &msk), at("2025-07-31T21:00:00Z"));
    }

    #[test]
    fn errors_are_clear() {
        let err = vd("next blue moon").check().unwrap_err();
        assert!(
            err.0
                .starts_with("cannot parse `next blue moon` as a date/time; use ISO 8601"),
            "{err}"
        );
        assert!(vd("31st February 2025").check().is_err());
        assert!(vd("25pm").check().is_err());
    }

    #[test]
    fn range_rules() {
        let utc = Zone::utc();
        let err = resolve_range(Some(&vd("never")), None, &utc, now(), NoneStart::Now).unwrap_err();
        assert_eq!(err.0, "start cannot be `never`");
        let err = resolve_range(
            Some(&vd("2024-01-02")),
            Some(&vd("2024-01-01")),
            &utc,
            now(),
            NoneStart::Now,
        )
        .unwrap_err();
        assert!(
            err.0
                .starts_with("end time cannot be earlier than start time"),
            "{err}"
        );
        let (s, e) = resolve_range(None, None, &utc, now(), NoneStart::Now).unwrap();
        assert_eq!((s, e), (now(), never(&utc)));
        let (s, _) = resolve_range(None, None, &utc, now(), NoneStart::Min).unwrap();
        assert_eq!(s, at("0001-01-01T00:00:00Z"));
        assert!(validate_range(None, Some(&vd("+1h"))).is_ok());
        assert!(validate_range(Some(&vd("+2h")), Some(&vd("-1h"))).is_err());
        assert!(validate_range(Some(&vd("never")), None).is_err());
    }
}
