//! `datetime.strftime` as `CPython` on glibc in the C locale renders it:
//! Python's own `%f`, `%z`, `%:z` and `%Z`, plus glibc's directives and
//! padding flags (`%e`, `%s`, `%k`, `%-d`, `%_H`, ...).

use super::civil::{Civil, days_from_civil};
use super::timestamp::Timestamp;
use std::fmt;

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A format string that cannot be rendered (only a lone trailing `%`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrftimeError {
    /// The offending format.
    pub format: String,
}

impl fmt::Display for StrftimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid strftime format `{}`: stray `%` at the end",
            self.format
        )
    }
}

impl std::error::Error for StrftimeError {}

/// The last rendering of each of a few formats, per thread.
struct CacheEntry {
    second: i64,
    offset: i32,
    format: Box<str>,
    text: String,
}

/// Formats remembered per thread.
const CACHE_FORMATS: usize = 4;

thread_local! {
    static CACHE: std::cell::RefCell<Vec<CacheEntry>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[derive(Clone, Copy, PartialEq)]
enum Pad {
    Zero,
    Space,
    None,
}

fn num(out: &mut String, v: i64, width: usize, pad: Pad) {
    let mut digits = itoa::Buffer::new();
    let s = digits.format(v.unsigned_abs());
    if v < 0 {
        out.push('-');
    }
    if pad != Pad::None {
        for _ in s.len()..width {
            out.push(if pad == Pad::Zero { '0' } else { ' ' });
        }
    }
    out.push_str(s);
}

/// ISO 8601 week-based year and week number.
fn iso_week(c: &Civil) -> (i32, u32) {
    let wday = i64::from(c.weekday); // Monday = 0
    let yday = i64::from(c.yday) - 1; // 0-based
    // Thursday of the current week decides the ISO year.
    let thursday = yday - wday + 3;
    let days_in = |y: i32| if super::civil::is_leap(y) { 366 } else { 365 };
    if thursday < 0 {
        let prev = c.year - 1;
        let t = thursday + days_in(prev);
        (prev, (t / 7 + 1) as u32)
    } else if thursday >= days_in(c.year) {
        (c.year + 1, 1)
    } else {
        (c.year, (thursday / 7 + 1) as u32)
    }
}

impl Timestamp {
    /// `datetime.strftime(format)`.
    ///
    /// Unknown directives are copied through as glibc does. The only error is a
    /// lone `%` at the very end, which Python rejects.
    pub fn strftime(self, format: &str) -> Result<String, StrftimeError> {
        // Generators format the same second in the same few formats event
        // after event; only `%f` looks below the second.
        let cacheable = !format.contains("%f");
        let second = self.utc_micros().div_euclid(1_000_000);
        let offset = self.offset_seconds();
        if cacheable {
            let hit = CACHE.with_borrow(|cache| {
                cache
                    .iter()
                    .find(|e| e.second == second && e.offset == offset && *e.format == *format)
                    .map(|e| e.text.clone())
            });
            if let Some(text) = hit {
                return Ok(text);
            }
        }
        let mut out = String::with_capacity(format.len() + 16);
        self.write_strftime(format, &mut out)?;
        if cacheable {
            CACHE.with_borrow_mut(|cache| {
                let entry = CacheEntry {
                    second,
                    offset,
                    format: format.into(),
                    text: out.clone(),
                };
                if let Some(i) = cache.iter().position(|e| *e.format == *format) {
                    cache[i] = entry;
                } else if cache.len() < CACHE_FORMATS {
                    cache.push(entry);
                } else {
                    cache[0] = entry;
                }
            });
        }
        Ok(out)
    }

    /// `timestamp.strftime(format)` as an event body uses it: the string
    /// itself. A template raises on the one invalid format (a lone trailing
    /// `%`), which becomes a produce error; this panics the same way.
    ///
    /// # Panics
    ///
    /// `timestamp.strftime: invalid strftime format ...` on a lone trailing `%`.
    pub fn strftime_or_panic(self, format: &str) -> String {
        match self.strftime(format) {
            Ok(s) => s,
            Err(e) => panic!("timestamp.strftime: {e}"),
        }
    }

    /// Appends `strftime(format)` to `out`.
    pub fn write_strftime(self, format: &str, out: &mut String) -> Result<(), StrftimeError> {
        let c = self.civil();
        let mut chars = format.chars().peekable();
        while let Some(ch) = chars.next() {
            if ch != '%' {
                out.push(ch);
                continue;
            }
            let mut pad_override = None;
            let mut upper = false;
            loop {
                match chars.peek() {
                    Some('-') => pad_override = Some(Pad::None),
                    Some('_') => pad_override = Some(Pad::Space),
                    Some('0') => pad_override = Some(Pad::Zero),
                    Some('^') => upper = true,
                    Some('#') => {}
                    _ => break,
                }
                chars.next();
            }
            let Some(d) = chars.next() else {
                return Err(StrftimeError {
                    format: format.to_owned(),
                });
            };
            let p = |default: Pad| pad_override.unwrap_or(default);
            let start = out.len();
            match d {
                'a' => out.push_str(&DAYS[c.weekday as usize][..3]),
                'A' => out.push_str(DAYS[c.weekday as usize]),
                'b' | 'h' => out.push_str(&MONTHS[c.month as usize - 1][..3]),
                'B' => out.push_str(MONTHS[c.month as usize - 1]),
                'c' => {
                    out.push_str(&DAYS[c.weekday as usize][..3]);
                    out.push(' ');
                    out.push_str(&MONTHS[c.month as usize - 1][..3]);
                    out.push(' ');
                    num(out, i64::from(c.day), 2, Pad::Space);
                    out.push(' ');
                    self.write_strftime("%H:%M:%S %Y", out)?;
                }
                'C' => num(out, i64::from(c.year.div_euclid(100)), 2, p(Pad::Zero)),
                'd' => num(out, i64::from(c.day), 2, p(Pad::Zero)),
                'D' => self.write_strftime("%m/%d/%y", out)?,
                'e' => num(out, i64::from(c.day), 2, p(Pad::Space)),
                'f' => num(out, i64::from(c.micro), 6, Pad::Zero),
                'F' => self.write_strftime("%Y-%m-%d", out)?,
                'g' => num(
                    out,
                    i64::from(iso_week(&c).0.rem_euclid(100)),
                    2,
                    p(Pad::Zero),
                ),
                'G' => num(out, i64::from(iso_week(&c).0), 1, p(Pad::None)),
                'H' => num(out, i64::from(c.hour), 2, p(Pad::Zero)),
                'I' => num(out, i64::from((c.hour + 11) % 12 + 1), 2, p(Pad::Zero)),
                'j' => num(out, i64::from(c.yday), 3, p(Pad::Zero)),
                'k' => num(out, i64::from(c.hour), 2, p(Pad::Space)),
                'l' => num(out, i64::from((c.hour + 11) % 12 + 1), 2, p(Pad::Space)),
                'm' => num(out, i64::from(c.month), 2, p(Pad::Zero)),
                'M' => num(out, i64::from(c.minute), 2, p(Pad::Zero)),
                'n' => out.push('\n'),
                'p' => out.push_str(if c.hour < 12 { "AM" } else { "PM" }),
                'P' => out.push_str(if c.hour < 12 { "am" } else { "pm" }),
                'r' => self.write_strftime("%I:%M:%S %p", out)?,
                'R' => self.write_strftime("%H:%M", out)?,
                // glibc's %s runs mktime() on the wall-clock fields, i.e. it
                // reads them in the host's zone; generators run with the host
                // in UTC, so this is the wall clock read as UTC.
                's' => num(out, self.local_micros().div_euclid(1_000_000), 1, Pad::None),
                'S' => num(out, i64::from(c.second), 2, p(Pad::Zero)),
                't' => out.push('\t'),
                'T' => self.write_strftime("%H:%M:%S", out)?,
                'u' => num(out, i64::from(c.weekday) + 1, 1, Pad::None),
                'U' => {
                    let sunday_based = (i64::from(c.weekday) + 1) % 7;
                    num(
                        out,
                        (i64::from(c.yday) - 1 + 7 - sunday_based) / 7,
                        2,
                        p(Pad::Zero),
                    );
                }
                'V' => num(out, i64::from(iso_week(&c).1), 2, p(Pad::Zero)),
                'w' => num(out, (i64::from(c.weekday) + 1) % 7, 1, Pad::None),
                'W' => num(
                    out,
                    (i64::from(c.yday) - 1 + 7 - i64::from(c.weekday)) / 7,
                    2,
                    p(Pad::Zero),
                ),
                'x' => self.write_strftime("%m/%d/%y", out)?,
                'X' => self.write_strftime("%H:%M:%S", out)?,
                'y' => num(out, i64::from(c.year.rem_euclid(100)), 2, p(Pad::Zero)),
                'Y' => num(out, i64::from(c.year), 1, Pad::None),
                'z' => {
                    let mut b = Vec::with_capacity(8);
                    self.write_offset(&mut b, false);
                    out.push_str(std::str::from_utf8(&b).unwrap_or_default());
                }
                ':' if chars.peek() == Some(&'z') => {
                    chars.next();
                    let mut b = Vec::with_capacity(9);
                    self.write_offset(&mut b, true);
                    out.push_str(std::str::from_utf8(&b).unwrap_or_default());
                }
                'Z' => {
                    if self.offset_seconds() == 0 {
                        out.push_str("UTC");
                    } else {
                        let mut b = Vec::with_capacity(9);
                        self.write_offset(&mut b, true);
                        out.push_str("UTC");
                        out.push_str(std::str::from_utf8(&b).unwrap_or_default());
                    }
                }
                '%' => out.push('%'),
                other => {
                    out.push('%');
                    out.push(other);
                }
            }
            if upper {
                let tail = out[start..].to_uppercase();
                out.truncate(start);
                out.push_str(&tail);
            }
        }
        Ok(())
    }
}

/// Days since the epoch of January 1st of `year` (used by tests).
#[allow(dead_code)]
fn jan1(year: i32) -> i64 {
    days_from_civil(year, 1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::TimeDelta;

    fn t(s: i64) -> Timestamp {
        Timestamp::from_utc_micros(s * 1_000_000)
    }

    #[test]
    fn remembered_renderings_match_fresh_ones() {
        let base = t(1_767_604_023);
        let formats = [
            "%Y-%m-%dT%H:%M:%S",
            "%s",
            "%H:%M:%S.%f",
            "%z %Z",
            "%j",
            "%a %p",
            "x",
        ];
        for step in 0..40 {
            // Quarter seconds: several timestamps in the same second.
            let ts = base + TimeDelta::from_micros(step * 250_000);
            for (i, f) in formats.iter().enumerate() {
                let ts = if i % 2 == 0 { ts } else { ts.with_offset(3600) };
                let mut fresh = String::new();
                ts.write_strftime(f, &mut fresh).unwrap();
                assert_eq!(ts.strftime(f).unwrap(), fresh, "{f} at step {step}");
            }
        }
    }

    #[test]
    fn common_content_pack_patterns() {
        // 2026-01-05T09:07:03Z, a Monday.
        let ts = t(1_767_604_023) + TimeDelta::from_micros(42_000);
        assert_eq!(
            ts.strftime("%Y-%m-%dT%H:%M:%S.%f").unwrap(),
            "2026-01-05T09:07:03.042000"
        );
        assert_eq!(
            ts.strftime("%Y-%m-%dT%H:%M:%SZ").unwrap(),
            "2026-01-05T09:07:03Z"
        );
        assert_eq!(
            ts.strftime("%b %d %Y %H:%M:%S").unwrap(),
            "Jan 05 2026 09:07:03"
        );
        assert_eq!(
            ts.strftime("%m/%d/%Y:%H:%M:%S").unwrap(),
            "01/05/2026:09:07:03"
        );
        assert_eq!(ts.strftime("%b %e %H:%M:%S").unwrap(), "Jan  5 09:07:03");
        assert_eq!(ts.strftime("%s").unwrap(), "1767604023");
        assert_eq!(
            ts.strftime("%a %A %B %j %p %I %u %w").unwrap(),
            "Mon Monday January 005 AM 09 1 1"
        );
        assert_eq!(ts.strftime("%z %:z %Z %%").unwrap(), "+0000 +00:00 UTC %");
        assert_eq!(ts.strftime("%-d/%-m %_H %^a").unwrap(), "5/1  9 MON");
        assert_eq!(ts.strftime("%c").unwrap(), "Mon Jan  5 09:07:03 2026");
        assert_eq!(
            ts.strftime("%D %T %F %R").unwrap(),
            "01/05/26 09:07:03 2026-01-05 09:07"
        );
        assert_eq!(ts.strftime("%Q").unwrap(), "%Q");
        assert!(ts.strftime("abc%").is_err());
        assert_eq!(ts.strftime_or_panic("%s"), "1767604023");
        let err = std::panic::catch_unwind(|| ts.strftime_or_panic("abc%")).unwrap_err();
        assert!(
            err.downcast_ref::<String>()
                .is_some_and(|m| m.starts_with("timestamp.strftime: "))
        );
    }

    #[test]
    fn offsets_and_week_numbers() {
        let ts = t(1_767_604_023).with_offset(3 * 3600 + 30 * 60);
        assert_eq!(ts.strftime("%H:%M %z %Z").unwrap(), "12:37 +0330 UTC+03:30");
        // 2021-01-01 is a Friday: ISO week 53 of 2020; %U/%W week 00.
        let d = t(1_609_459_200);
        assert_eq!(d.strftime("%G-W%V %U %W").unwrap(), "2020-W53 00 00");
        // 2026-12-31 is a Thursday: ISO week 53 of 2026.
        let e = t((jan1(2026) + 364) * 86_400);
        assert_eq!(e.strftime("%Y-%m-%d %G %V").unwrap(), "2026-12-31 2026 53");
    }
}
