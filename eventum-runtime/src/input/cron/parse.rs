//! Parsing croniter 6.0 expressions into per-field bitsets.
//!
//! Field order is croniter's: `minute hour day-of-month month day-of-week
//! [second [year]]` (seconds are the **6th** field). The rules follow
//! croniter's `_expand` closely, quirks included:
//!
//! * `@midnight`/`@daily`, `@hourly`, `@weekly`, `@monthly`,
//!   `@yearly`/`@annually` stand for 5-field expressions;
//! * names `jan`..`dec` and `sun`..`sat` (any case); `?` is `*` in the day
//!   fields; `*/n`, `a-b/n`, `a/n` (= `a-max/n`); a reversed range wraps
//!   around (`fri-mon`, `22-2`), and `a-a` means the whole field (croniter's
//!   "Jan-Jan is the whole cycle");
//! * `L` in the day of month is its last day (`L` as a range end is 31);
//!   `w#n` (n = 1..5) is the n-th weekday `w` of the month, `Lw` the last;
//!   mixing `#`/`L` with plain weekdays is invalid;
//! * `R`, `R(a-b)`, `R/n`, `R(a-b)/n` take random values, drawn once when
//!   the expression is parsed (from the run's seeded generator); `H` needs
//!   a hash id, which Eventum never passes, so it is invalid;
//! * aliases depend on the field count, as in croniter: with 5 fields a
//!   weekday `7` is Sunday; with 6 fields a day of month `0` is the 1st and
//!   a weekday `7` is out of range; with 7 fields neither alias applies;
//! * a day field that lists every value counts as `*` only when the other
//!   day field contains a `*` character (this decides croniter's
//!   day-of-month OR day-of-week rule, see [`CronExpr`]).

use crate::rng::FastRng;
use regex::Regex;
use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::fmt;
use std::sync::LazyLock;

pub(crate) const MINUTE: usize = 0;
pub(crate) const HOUR: usize = 1;
pub(crate) const DOM: usize = 2;
pub(crate) const MONTH: usize = 3;
pub(crate) const DOW: usize = 4;
pub(crate) const SECOND: usize = 5;
pub(crate) const YEAR: usize = 6;

/// Smallest and largest value of each field.
const RANGES: [(u32, u32); 7] = [
    (0, 59),
    (0, 23),
    (1, 31),
    (1, 12),
    (0, 6),
    (0, 59),
    (1970, 2099),
];
/// Number of values that make a field "all of them".
const LEN_MEANS_ALL: [usize; 7] = [60, 24, 31, 12, 7, 60, 130];
const FIELD_NAMES: [&str; 7] = [
    "minute",
    "hour",
    "day of month",
    "month",
    "day of week",
    "second",
    "year",
];

/// An invalid cron expression (croniter's `is_valid` is false).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CronError {
    /// The expression as written.
    pub expression: String,
    /// Why it is invalid.
    pub reason: String,
}

impl fmt::Display for CronError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid cron expression `{}`: {}",
            self.expression, self.reason
        )
    }
}

impl std::error::Error for CronError {}

/// A set of small integers (up to 191), e.g. the allowed minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Bits([u64; 3]);

impl Bits {
    fn insert(&mut self, v: u32) {
        self.0[(v / 64) as usize] |= 1 << (v % 64);
    }

    #[cfg(test)]
    pub(crate) fn contains(&self, v: u32) -> bool {
        v < 192 && self.0[(v / 64) as usize] & (1 << (v % 64)) != 0
    }

    /// The smallest member ≥ `v`.
    pub(crate) fn next_at_or_after(&self, v: u32) -> Option<u32> {
        let mut word = (v / 64) as usize;
        if word >= 3 {
            return None;
        }
        let mut bits = self.0[word] & (u64::MAX << (v % 64));
        loop {
            if bits != 0 {
                return Some(word as u32 * 64 + bits.trailing_zeros());
            }
            word += 1;
            if word == 3 {
                return None;
            }
            bits = self.0[word];
        }
    }

    /// The smallest member.
    pub(crate) fn first(&self) -> Option<u32> {
        self.next_at_or_after(0)
    }
}

/// One expanded field: `*`, or a set of values (the day of month may also
/// hold `L`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Field {
    /// Matches every value (the field was `*`, `?`, contained `*`, or listed
    /// every value).
    pub(crate) star: bool,
    /// The values (for the year field: `year - 1970`).
    pub(crate) values: Bits,
    /// Day of month only: `L`, the last day.
    pub(crate) last: bool,
}

impl Field {
    pub(crate) const STAR: Self = Self {
        star: true,
        values: Bits([0; 3]),
        last: false,
    };
}

/// A parsed expression. Day matching follows croniter: when **both** day
/// fields are restricted (neither counts as `*`), a day matches if it
/// matches the day of month **or** the day of week; otherwise both must
/// match. `#`/`L` weekday rules replace the plain weekday test (and, as in
/// croniter, also constrain the day-of-month branch of the OR).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CronExpr {
    pub(crate) fields: [Field; 7],
    /// 5, 6 or 7.
    pub(crate) n_fields: usize,
    /// Per weekday (Sunday = 0): bit `n` for `#n` (1..=5), bit 6 for `L`.
    pub(crate) nth: [u8; 7],
}

/// The bit of `nth` that stands for "last".
pub(crate) const NTH_LAST: u8 = 1 << 6;

impl CronExpr {
    /// Whether any `#`/`L` weekday rule is present.
    pub(crate) fn has_nth(&self) -> bool {
        self.nth.iter().any(|&b| b != 0)
    }

    /// Whether the day-of-month/day-of-week OR rule applies.
    pub(crate) fn day_or(&self) -> bool {
        !self.fields[DOM].star && !self.fields[DOW].star
    }

    /// Whether the expression has a seconds field.
    pub(crate) fn has_seconds(&self) -> bool {
        self.n_fields > 5
    }
}

/// Parses `expression`; `rng` supplies the values of `R` fields.
pub fn parse(expression: &str, rng: &FastRng) -> Result<CronExpr, CronError> {
    let fail = |reason: String| CronError {
        expression: expression.to_owned(),
        reason,
    };
    let lower = expression.to_lowercase();
    let text = match lower.as_str() {
        "@midnight" | "@daily" => "0 0 * * *",
        "@hourly" => "0 * * * *",
        "@weekly" => "0 0 * * 0",
        "@monthly" => "0 0 1 * *",
        "@yearly" | "@annually" => "0 0 1 1 *",
        other => other,
    };
    let raw: Vec<&str> = text.split_whitespace().collect();
    if !(5..=7).contains(&raw.len()) {
        return Err(fail(format!(
            "expected 5, 6 or 7 fields (minute hour day-of-month month day-of-week [second [year]]), got {}",
            raw.len()
        )));
    }
    let mut fields = [Field::STAR; 7];
    // 5 fields: seconds are always 0.
    fields[SECOND] = Field {
        star: false,
        values: {
            let mut b = Bits::default();
            b.insert(0);
            b
        },
        last: false,
    };
    let mut nth = [0u8; 7];
    let mut dow_values: Vec<Value> = Vec::new();
    for (idx, field_text) in raw.iter().enumerate() {
        let (field, values) =
            expand_field(idx, field_text, &raw, rng, &mut nth).map_err(|reason| {
                fail(format!(
                    "{} field `{field_text}`: {reason}",
                    FIELD_NAMES[idx]
                ))
            })?;
        fields[idx] = field;
        if idx == DOW {
            dow_values = values;
        }
    }
    if nth.iter().any(|&b| b != 0) {
        let plain = dow_values.iter().any(|v| match v {
            Value::Int(d) => nth[*d as usize] == 0,
            _ => false,
        });
        if plain && dow_values.len() != LEN_MEANS_ALL[DOW] {
            return Err(fail(
                "the day-of-week field cannot mix plain weekdays with `#` or `L` weekdays"
                    .to_owned(),
            ));
        }
    }
    Ok(CronExpr {
        fields,
        n_fields: raw.len(),
        nth,
    })
}

/// A value of an expanded field, ordered as croniter sorts them (`*`, then
/// numbers, then `l`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Value {
    Star,
    Int(u32),
    Last,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Nth {
    N(u8),
    Last,
}

static SPECIAL_DOW: LazyLock<Regex> = LazyLock::new(|| {
    let wd = "sun|mon|tue|wed|thu|fri|sat";
    let mo = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";
    Regex::new(&format!(
        r"^(?P<pre>((?P<he>(({wd})(-({wd}))?)|(({mo})(-({mo}))?)|\w+)#)|l)(?P<last>\d+)$"
    ))
    .expect("valid regex")
});
static STEP_SEARCH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([^-]+)-([^-/]+)(/(\d+))?$").expect("valid regex"));
static STAR_STEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\*(/.+)$").expect("valid regex"));
static START_STEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.+)/(.+)$").expect("valid regex"));
static RANDOM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<kind>h|r)(\((?P<begin>\d+)-(?P<end>\d+)\))?(/(?P<div>\d+))?$")
        .expect("valid regex")
});

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn number(s: &str) -> Result<u32, String> {
    s.parse::<u32>()
        .map_err(|_| format!("`{s}` is out of range"))
}

/// croniter's `ALPHACONV`: month and weekday names, and `l` in the day of
/// month.
fn alias(idx: usize, name: &str) -> Result<Value, String> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    const DAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    let found = match idx {
        DOM if name == "l" => Some(Value::Last),
        MONTH => MONTHS
            .iter()
            .position(|m| *m == name)
            .map(|i| Value::Int(i as u32 + 1)),
        DOW => DAYS
            .iter()
            .position(|d| *d == name)
            .map(|i| Value::Int(i as u32)),
        _ => None,
    };
    found.ok_or_else(|| format!("`{name}` is not acceptable"))
}

/// croniter's `value_alias`: day 0 → 1, month 0 → 1, weekday 7 → 0, each
/// only for some field counts.
fn value_alias(v: u32, idx: usize, n_fields: usize) -> u32 {
    let blocked = match n_fields {
        5 => matches!(idx, DOM | MONTH),
        6 => matches!(idx, MONTH | DOW),
        _ => matches!(idx, DOM | MONTH | DOW),
    };
    match (idx, v) {
        (DOM | MONTH, 0) if !blocked => 1,
        (DOW, 7) if !blocked => 0,
        _ => v,
    }
}

/// croniter's hash/random expander on a whole field.
fn expand_random(idx: usize, text: &str, rng: &FastRng) -> Result<String, String> {
    let Some(c) = RANDOM.captures(text) else {
        return Ok(text.to_owned());
    };
    if &c["kind"] == "h" {
        return Err("`H` (hashed) values need a hash id, which Eventum does not give".to_owned());
    }
    let (min, max) = RANGES[idx];
    let draw = |lo: u64, hi: u64| -> u64 {
        let lo = lo.min(i64::MAX as u64) as i64;
        let hi = hi.min(i64::MAX as u64) as i64;
        rng.int_inclusive(lo, hi) as u64
    };
    let num = |name: &str| -> Result<Option<u64>, String> {
        c.name(name)
            .map(|m| {
                m.as_str()
                    .parse::<u64>()
                    .map_err(|_| format!("`{}` is out of range", m.as_str()))
            })
            .transpose()
    };
    let (begin, end, div) = (num("begin")?, num("end")?, num("div")?);
    if let (Some(b), Some(e)) = (begin, end)
        && b >= e
    {
        return Err("range end must be greater than range begin".to_owned());
    }
    if div == Some(0) {
        return Err(format!("bad expression `{text}`"));
    }
    Ok(match (begin, end, div) {
        (Some(b), Some(e), Some(d)) => format!("{}-{e}/{d}", draw(b, d - 1 + b)),
        (Some(b), Some(e), None) => draw(b, e).to_string(),
        (_, _, Some(d)) => {
            let min = u64::from(min);
            format!("{}-{max}/{d}", draw(min, d - 1 + min))
        }
        _ => draw(u64::from(min), u64::from(max)).to_string(),
    })
}

/// Expands one field (croniter's `_expand` loop body). Returns the field and
/// its values before the "all values means `*`" rule (needed for the `#`
/// mixing check).
fn expand_field(
    idx: usize,
    text: &str,
    raw: &[&str],
    rng: &FastRng,
    nth_map: &mut [u8; 7],
) -> Result<(Field, Vec<Value>), String> {
    let n_fields = raw.len();
    let (min, max) = RANGES[idx];
    let mut expr = expand_random(idx, text, rng)?;
    if expr.contains('?') {
        if expr != "?" {
            return Err("`?` cannot be combined with other characters".to_owned());
        }
        if idx != DOM && idx != DOW {
            return Err(
                "`?` is only allowed in the day-of-month and day-of-week fields".to_owned(),
            );
        }
        "*".clone_into(&mut expr);
    }
    let mut work: Vec<String> = expr.split(',').map(str::to_owned).collect();
    let mut res: BTreeSet<Value> = BTreeSet::new();
    while let Some(mut e) = work.pop() {
        let mut nth: Option<Nth> = None;
        if idx == DOW
            && let Some(c) = SPECIAL_DOW.captures(&e)
        {
            let last = c["last"].to_owned();
            if let Some(he) = c.name("he") {
                let n = last
                    .parse::<u8>()
                    .ok()
                    .filter(|n| (1..=5).contains(n))
                    .ok_or_else(|| format!("invalid day-of-week position `{last}`"))?;
                nth = Some(Nth::N(n));
                e = he.as_str().to_owned();
            } else {
                nth = Some(Nth::Last);
                e = last;
            }
        }
        let mut t = STAR_STEP
            .replace(&e, format!("{min}-{max}${{1}}").as_str())
            .into_owned();
        let mut caps = STEP_SEARCH.captures(&t).map(|c| {
            (
                c[1].to_owned(),
                c[2].to_owned(),
                c.get(4).map(|m| m.as_str().to_owned()),
            )
        });
        if caps.is_none() {
            t = START_STEP
                .replace(&e, format!("${{1}}-{max}/${{2}}").as_str())
                .into_owned();
            caps = STEP_SEARCH.captures(&t).map(|c| {
                (
                    c[1].to_owned(),
                    c[2].to_owned(),
                    c.get(4).map(|m| m.as_str().to_owned()),
                )
            });
        }
        if let Some((low, mut high, step)) = caps {
            if idx == DOM && high == "l" {
                "31".clone_into(&mut high);
            }
            let band = |s: &str| -> Result<u32, String> {
                let v = if is_digits(s) {
                    Value::Int(number(s)?)
                } else {
                    alias(idx, s)?
                };
                match v {
                    Value::Int(v) => Ok(value_alias(v, idx, n_fields)),
                    _ => Err(format!("range bounds `{low}-{high}` are not acceptable")),
                }
            };
            let (lo, hi) = (band(&low)?, band(&high)?);
            let step: usize = match step {
                Some(s) => s
                    .parse()
                    .map_err(|_| format!("step `{s}` is not acceptable"))?,
                None => 1,
            };
            if lo.max(hi) > max {
                return Err(format!("`{e}` is out of range ({min}-{max})"));
            }
            if step == 0 {
                return Err("a step of 0 is not acceptable".to_owned());
            }
            let mut values: Vec<u32> = Vec::new();
            match lo.cmp(&hi) {
                Ordering::Greater => {
                    // Wrap around: lo..=max, then from min skipping as croniter does.
                    values.extend((lo..=max).step_by(step));
                    let mut to_skip = 0;
                    if let Some(&last) = values.last() {
                        let already_skipped = (max - last) as usize;
                        let curpos = (last - min) as usize;
                        let len = (max - min + 1) as usize;
                        if curpos + step > len && already_skipped < step {
                            to_skip = step - already_skipped;
                        }
                    }
                    let from = u64::from(min) + to_skip as u64;
                    if from <= u64::from(hi) {
                        values.extend((from as u32..=hi).step_by(step));
                    }
                }
                // croniter: `a-a` is the whole cycle.
                Ordering::Equal => values.extend((min..=max).step_by(step)),
                Ordering::Less => values.extend((lo..=hi).step_by(step)),
            }
            for v in values {
                work.push(match nth {
                    Some(Nth::N(n)) if idx == DOW => format!("{v}#{n}"),
                    _ => v.to_string(),
                });
            }
        } else {
            if t.starts_with('-') {
                return Err("negative numbers are not allowed".to_owned());
            }
            let value = if t == "*" {
                Value::Star
            } else if is_digits(&t) {
                Value::Int(number(&t)?)
            } else {
                alias(idx, &t)?
            };
            let value = match value {
                Value::Int(v) => {
                    let v = value_alias(v, idx, n_fields);
                    if v < min || v > max {
                        return Err(format!("`{t}` is out of range ({min}-{max})"));
                    }
                    Value::Int(v)
                }
                other => other,
            };
            res.insert(value);
            if let (Some(n), Value::Int(day)) = (nth, value) {
                nth_map[day as usize] |= match n {
                    Nth::N(k) => 1 << k,
                    Nth::Last => NTH_LAST,
                };
            }
        }
    }
    let values: Vec<Value> = res.iter().copied().collect();
    let mut star = res.contains(&Value::Star);
    if res.len() == LEN_MEANS_ALL[idx] {
        let keep =
            (idx == DOM && !raw[DOW].contains('*')) || (idx == DOW && !raw[DOM].contains('*'));
        if !keep {
            star = true;
        }
    }
    let mut field = Field {
        star,
        ..Field::default()
    };
    for v in &values {
        match *v {
            Value::Int(v) => field.values.insert(if idx == YEAR { v - min } else { v }),
            Value::Last => field.last = true,
            Value::Star => {}
        }
    }
    Ok((field, values))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> CronExpr {
        parse(s, &FastRng::from_seed(1)).unwrap_or_else(|e| panic!("{e}"))
    }

    fn set(f: &Field, max: u32) -> Vec<u32> {
        (0..=max).filter(|&v| f.values.contains(v)).collect()
    }

    #[test]
    fn field_order_has_seconds_sixth() {
        let e = p("* * * * * 15,45");
        assert_eq!(e.n_fields, 6);
        assert!(e.fields[MINUTE].star);
        assert_eq!(set(&e.fields[SECOND], 59), vec![15, 45]);
        let e = p("* * * * *");
        assert_eq!(set(&e.fields[SECOND], 59), vec![0]);
        assert!(!e.fields[SECOND].star);
        assert!(p("* * * * * *").fields[SECOND].star);
    }

    #[test]
    fn ranges_steps_and_names() {
        let e = p("*/15 1-5/2 * jan-mar mon-fri");
        assert_eq!(set(&e.fields[MINUTE], 59), vec![0, 15, 30, 45]);
        assert_eq!(set(&e.fields[HOUR], 23), vec![1, 3, 5]);
        assert_eq!(set(&e.fields[MONTH], 12), vec![1, 2, 3]);
        assert_eq!(set(&e.fields[DOW], 6), vec![1, 2, 3, 4, 5]);
        // `a/n` is `a-max/n`.
        assert_eq!(
            set(&p("10/20 * * * *").fields[MINUTE], 59),
            vec![10, 30, 50]
        );
        // Reversed ranges wrap.
        assert_eq!(
            set(&p("* 22-2 * * *").fields[HOUR], 23),
            vec![0, 1, 2, 22, 23]
        );
        assert_eq!(set(&p("* * * * FRI-MON").fields[DOW], 6), vec![0, 1, 5, 6]);
        // croniter's skip after wrapping with a step: 50-10/15 gives 50 then 6.
        assert_eq!(set(&p("50-10/15 * * * *").fields[MINUTE], 59), vec![6, 50]);
        // `a-a` is the whole field (croniter).
        assert!(p("5-5 * * * *").fields[MINUTE].star);
        // 5 fields: weekday 7 is Sunday.
        assert_eq!(set(&p("* * * * 7").fields[DOW], 6), vec![0]);
        assert_eq!(set(&p("* * * * 5-7").fields[DOW], 6), vec![0, 5, 6]);
    }

    #[test]
    fn field_count_dependent_aliases() {
        // 6 fields: day 0 is the 1st, weekday 7 is out of range.
        assert_eq!(set(&p("* * 0 * * *").fields[DOM], 31), vec![1]);
        assert!(parse("* * * * 7 *", &FastRng::from_seed(1)).is_err());
        // 5 and 7 fields: day 0 is out of range.
        assert!(parse("* * 0 * *", &FastRng::from_seed(1)).is_err());
        assert!(parse("* * 0 * * * *", &FastRng::from_seed(1)).is_err());
        assert!(parse("* * * 0 *", &FastRng::from_seed(1)).is_err());
    }

    #[test]
    fn last_and_nth() {
        let e = p("0 0 L * *");
        assert!(e.fields[DOM].last);
        let e = p("0 0 1,15-L * *");
        assert!(!e.fields[DOM].last);
        assert_eq!(set(&e.fields[DOM], 31).len(), 18);
        let e = p("0 0 * * fri#3");
        assert_eq!(e.nth[5], 1 << 3);
        let e = p("0 0 * * L5");
        assert_eq!(e.nth[5], NTH_LAST);
        let e = p("0 0 * * mon-wed#2");
        assert_eq!(&e.nth[1..4], &[4, 4, 4]);
        assert!(parse("0 0 * * 1#2,3", &FastRng::from_seed(1)).is_err());
        assert!(parse("0 0 * * 1#6", &FastRng::from_seed(1)).is_err());
        assert!(parse("0 0 * * 1-5#2", &FastRng::from_seed(1)).is_err());
        assert!(parse("0 0 L * L", &FastRng::from_seed(1)).is_err());
    }

    #[test]
    fn keywords() {
        assert_eq!(p("@hourly"), p("0 * * * *"));
        assert_eq!(p("@DAILY"), p("0 0 * * *"));
        assert_eq!(p("@midnight"), p("0 0 * * *"));
        assert_eq!(p("@weekly"), p("0 0 * * 0"));
        assert_eq!(p("@monthly"), p("0 0 1 * *"));
        assert_eq!(p("@yearly"), p("0 0 1 1 *"));
        assert_eq!(p("@annually"), p("0 0 1 1 *"));
        assert!(parse("@reboot", &FastRng::from_seed(1)).is_err());
    }

    #[test]
    fn star_counting_for_the_day_rule() {
        // `?` is `*`.
        assert!(p("0 0 ? * 1").fields[DOM].star);
        // A full day-of-month list stays restricted when the weekday field has no `*`...
        assert!(!p("0 0 1-31 * 1").fields[DOM].star);
        assert!(p("0 0 1-31 * 1").day_or());
        // ...and counts as `*` when it has one.
        assert!(p("0 0 1-31 * */2").fields[DOM].star);
        assert!(p("0 0 * * 0-6").fields[DOW].star);
        assert!(!p("0 0 1 * 0-6").fields[DOW].star);
        assert!(p("0 0 *,5 * 1").fields[DOM].star);
    }

    #[test]
    fn years() {
        let e = p("0 0 1 1 * 0 2030,2035-2036");
        assert_eq!(e.n_fields, 7);
        let years: Vec<u32> = (0..130)
            .filter(|&v| e.fields[YEAR].values.contains(v))
            .collect();
        assert_eq!(years, vec![60, 65, 66]);
        assert!(p("0 0 1 1 * 0 1970-2099").fields[YEAR].star);
        assert!(parse("0 0 1 1 * 0 2100", &FastRng::from_seed(1)).is_err());
        assert!(parse("0 0 1 1 * 0 1969", &FastRng::from_seed(1)).is_err());
    }

    #[test]
    fn random_values_are_seeded() {
        let a = parse("R R(1-5) * * * R/20", &FastRng::from_seed(7)).unwrap();
        let b = parse("R R(1-5) * * * R/20", &FastRng::from_seed(7)).unwrap();
        assert_eq!(a, b);
        let hours = set(&a.fields[HOUR], 23);
        assert_eq!(hours.len(), 1);
        assert!((1..=5).contains(&hours[0]));
        assert_eq!(set(&a.fields[MINUTE], 59).len(), 1);
        let secs = set(&a.fields[SECOND], 59);
        assert_eq!(secs.len(), 3);
        assert!(secs[0] < 20 && secs[1] == secs[0] + 20);
        assert!(parse("H * * * *", &FastRng::from_seed(1)).is_err());
        assert!(parse("R(5-1) * * * *", &FastRng::from_seed(1)).is_err());
    }

    #[test]
    fn invalid_expressions() {
        for bad in [
            "",
            "* * * *",
            "* * * * * * * *",
            "60 * * * *",
            "* 24 * * *",
            "* * 32 * *",
            "* * * 13 *",
            "*/0 * * * *",
            "1,,2 * * * *",
            "-1 * * * *",
            "* * * * mon#",
            "jan * * * *",
            "* * * * * ?",
            "? * * * *",
            "*? * * * *",
            "a-b * * * *",
            "1-70 * * * *",
        ] {
            assert!(
                parse(bad, &FastRng::from_seed(1)).is_err(),
                "{bad:?} parsed"
            );
        }
        let err = parse("61 * * * *", &FastRng::from_seed(1)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid cron expression `61 * * * *`: minute field `61`: `61` is out of range (0-59)"
        );
    }
}
