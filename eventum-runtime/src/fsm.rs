//! Eventum's FSM condition operators (`transitions[].when`), as functions the
//! generated condition code calls, and [`Observe`], the Python-like view of a
//! state value those operators compare.
//!
//! Eventum looks a state value up with `state.get(key)` and compares it with
//! the condition's target using Python's operators. The rules reproduced here:
//! a missing value or `None` makes every comparison false; a comparison that
//! raises `TypeError` in Python (`'a' > 1`, `len(5)`, `1 in 'abc'`) is false;
//! `bool`, `int` and `float` compare as numbers (`True == 1`, `1 == 1.0`,
//! exactly, as Python compares an `int` with a `float`).
//!
//! Targets are written as [`Observed`] values, which can be constants:
//! `Observed::Seq(&[Observed::Str("a"), Observed::Int(1)])` is the YAML list
//! `[a, 1]`, `Observed::Map(&[(Observed::Str("k"), Observed::Int(1))])` the
//! mapping `{k: 1}`.

use crate::time::Timestamp;
use regex::Regex;
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::fmt;
use std::hash::BuildHasher;
use std::rc::Rc;
use std::sync::Arc;

/// A value as Python (and so an FSM condition) sees it.
#[derive(Clone, Copy)]
pub enum Observed<'a> {
    /// The state has no such key (`state.get(key)` gives `None`, but
    /// `defined` is false).
    Missing,
    /// `None`.
    Null,
    /// `bool` (a number in comparisons, as in Python).
    Bool(bool),
    /// `int`.
    Int(i64),
    /// `float`.
    Float(f64),
    /// `str`.
    Str(&'a str),
    /// A `list` (or any sequence: tuples compare like lists here).
    Seq(&'a dyn Elements),
    /// A `dict`.
    Map(&'a dyn Entries),
    /// Any other object (a `datetime`, say): equal to nothing, ordered with
    /// nothing, without a length.
    Opaque,
}

/// Python's `repr`, roughly: `None`, `True`, `'text'`, `[1, 'a']`, `{'k': 1}`.
impl fmt::Debug for Observed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Missing => f.write_str("<missing>"),
            Self::Null => f.write_str("None"),
            Self::Bool(true) => f.write_str("True"),
            Self::Bool(false) => f.write_str("False"),
            Self::Int(i) => write!(f, "{i}"),
            Self::Float(x) => write!(f, "{x:?}"),
            Self::Str(s) => write!(f, "'{s}'"),
            Self::Seq(e) => {
                f.write_str("[")?;
                for i in 0..e.len() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{:?}", e.at(i))?;
                }
                f.write_str("]")
            }
            Self::Map(m) => {
                f.write_str("{")?;
                let mut first = true;
                let mut result = Ok(());
                m.all(&mut |k, v| {
                    let sep = if first { "" } else { ", " };
                    first = false;
                    result = write!(f, "{sep}{k:?}: {v:?}");
                    result.is_ok()
                });
                result?;
                f.write_str("}")
            }
            Self::Opaque => f.write_str("<object>"),
        }
    }
}

/// A value FSM conditions can look at. Implemented for the state containers
/// of [`crate::state`], for plain Rust values (`i64`, `f64`, `String`,
/// `bool`, `Vec<T>`, maps, `Option<T>`, …) and for JSON values.
///
/// `Option<T>`: `None` is [`Observed::Missing`], the state a `#[shared]`
/// field starts in, so `defined` is false for it. Use
/// `state::Value<Option<T>>` to tell "set to null" from "never set".
/// Plain values (`i64`, `String`, …) are always defined.
pub trait Observe {
    /// The value, as Python sees it.
    fn observe(&self) -> Observed<'_>;
}

/// The elements of a sequence, for [`Observed::Seq`].
pub trait Elements {
    /// Number of elements.
    fn len(&self) -> usize;
    /// Element `index` (`index < len()`).
    fn at(&self, index: usize) -> Observed<'_>;
    /// Whether there are no elements.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The entries of a mapping, for [`Observed::Map`]. Keys are matched with
/// Python's `==`, so `1`, `1.0` and `True` find the same entry.
pub trait Entries {
    /// Number of entries.
    fn len(&self) -> usize;
    /// The value under `key`.
    fn get(&self, key: Observed<'_>) -> Option<Observed<'_>>;
    /// Whether `f(key, value)` holds for every entry (stops at the first
    /// false).
    fn all(&self, f: &mut dyn FnMut(Observed<'_>, Observed<'_>) -> bool) -> bool;
    /// Whether there are no entries.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

// ---------------------------------------------------------------------------
// Python's comparison rules.

#[derive(Clone, Copy)]
enum Num {
    Int(i64),
    Float(f64),
}

fn number(o: Observed<'_>) -> Option<Num> {
    match o {
        Observed::Bool(b) => Some(Num::Int(i64::from(b))),
        Observed::Int(i) => Some(Num::Int(i)),
        Observed::Float(x) => Some(Num::Float(x)),
        _ => None,
    }
}

/// `int` against `float`, exactly (Python does not round the `int`).
/// `None` for NaN.
fn cmp_int_float(i: i64, x: f64) -> Option<Ordering> {
    const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;
    if x.is_nan() {
        return None;
    }
    if x >= TWO_POW_63 {
        return Some(Ordering::Less);
    }
    if x < -TWO_POW_63 {
        return Some(Ordering::Greater);
    }
    let whole = x.trunc();
    // Exact: |whole| < 2^63.
    match i.cmp(&(whole as i64)) {
        Ordering::Equal => (0.0).partial_cmp(&(x - whole)),
        other => Some(other),
    }
}

fn cmp_numbers(a: Num, b: Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(&y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(&y),
        (Num::Int(x), Num::Float(y)) => cmp_int_float(x, y),
        (Num::Float(x), Num::Int(y)) => cmp_int_float(y, x).map(Ordering::reverse),
    }
}

/// Python's `a == b`. A missing value counts as `None`.
pub fn py_eq(a: Observed<'_>, b: Observed<'_>) -> bool {
    use Observed::{Map, Missing, Null, Seq, Str};
    match (a, b) {
        (Missing | Null, Missing | Null) => true,
        (Str(x), Str(y)) => x == y,
        (Seq(x), Seq(y)) => x.len() == y.len() && (0..x.len()).all(|i| py_eq(x.at(i), y.at(i))),
        (Map(x), Map(y)) => {
            x.len() == y.len() && x.all(&mut |k, v| y.get(k).is_some_and(|w| py_eq(v, w)))
        }
        _ => match (number(a), number(b)) {
            (Some(x), Some(y)) => cmp_numbers(x, y) == Some(Ordering::Equal),
            _ => false,
        },
    }
}

/// Python's ordering of `a` and `b`: numbers, strings (by code point) and
/// sequences (lexicographically). `None` where Python raises `TypeError`
/// (`'a' < 1`, `None < 1`, dicts) or the values are unordered (NaN).
pub fn py_cmp(a: Observed<'_>, b: Observed<'_>) -> Option<Ordering> {
    match (a, b) {
        // UTF-8 byte order is code point order.
        (Observed::Str(x), Observed::Str(y)) => Some(x.cmp(y)),
        (Observed::Seq(left), Observed::Seq(right)) => {
            for i in 0..left.len().min(right.len()) {
                let (l, r) = (left.at(i), right.at(i));
                if !py_eq(l, r) {
                    return py_cmp(l, r);
                }
            }
            Some(left.len().cmp(&right.len()))
        }
        _ => cmp_numbers(number(a)?, number(b)?),
    }
}

/// Python's `item in container`: a substring of a `str`, an element of a
/// sequence, a key of a `dict`. `false` where Python raises `TypeError`
/// (`1 in 'abc'`, `x in 5`, an unhashable key in a `dict`).
pub fn py_contains(container: Observed<'_>, item: Observed<'_>) -> bool {
    match container {
        Observed::Str(s) => matches!(item, Observed::Str(sub) if s.contains(sub)),
        Observed::Seq(e) => (0..e.len()).any(|i| py_eq(e.at(i), item)),
        Observed::Map(m) => {
            !matches!(item, Observed::Seq(_) | Observed::Map(_)) && m.get(item).is_some()
        }
        _ => false,
    }
}

/// Python's `len(value)` (characters for a `str`); `None` where Python
/// raises `TypeError` (numbers, `None`).
pub fn py_len(value: Observed<'_>) -> Option<usize> {
    match value {
        Observed::Str(s) => Some(s.chars().count()),
        Observed::Seq(e) => Some(e.len()),
        Observed::Map(m) => Some(m.len()),
        _ => None,
    }
}

/// The value, unless it is missing or `None` (then every comparison is false).
fn present<V: Observe + ?Sized>(value: &V) -> Option<Observed<'_>> {
    match value.observe() {
        Observed::Missing | Observed::Null => None,
        o => Some(o),
    }
}

// ---------------------------------------------------------------------------
// The operators.

/// `eq: {shared.key: <any>}`: `value == target`.
pub fn eq<V: Observe + ?Sized>(value: &V, target: Observed<'_>) -> bool {
    present(value).is_some_and(|v| py_eq(v, target))
}

fn ordered<V: Observe + ?Sized>(
    value: &V,
    target: Observed<'_>,
    want: fn(Ordering) -> bool,
) -> bool {
    present(value)
        .and_then(|v| py_cmp(v, target))
        .is_some_and(want)
}

/// `gt: {shared.key: <number>}`: `value > target`.
pub fn gt<V: Observe + ?Sized>(value: &V, target: Observed<'_>) -> bool {
    ordered(value, target, Ordering::is_gt)
}

/// `ge: {shared.key: <number>}`: `value >= target`.
pub fn ge<V: Observe + ?Sized>(value: &V, target: Observed<'_>) -> bool {
    ordered(value, target, Ordering::is_ge)
}

/// `lt: {shared.key: <number>}`: `value < target`.
pub fn lt<V: Observe + ?Sized>(value: &V, target: Observed<'_>) -> bool {
    ordered(value, target, Ordering::is_lt)
}

/// `le: {shared.key: <number>}`: `value <= target`.
pub fn le<V: Observe + ?Sized>(value: &V, target: Observed<'_>) -> bool {
    ordered(value, target, Ordering::is_le)
}

fn length<V: Observe + ?Sized>(value: &V, n: i64, want: fn(Ordering) -> bool) -> bool {
    present(value)
        .and_then(py_len)
        .is_some_and(|len| want(i128::from(len as u64).cmp(&i128::from(n))))
}

/// `len_eq: {shared.key: <int>}`: `len(value) == n`.
pub fn len_eq<V: Observe + ?Sized>(value: &V, n: i64) -> bool {
    length(value, n, Ordering::is_eq)
}

/// `len_gt: {shared.key: <int>}`: `len(value) > n`.
pub fn len_gt<V: Observe + ?Sized>(value: &V, n: i64) -> bool {
    length(value, n, Ordering::is_gt)
}

/// `len_ge: {shared.key: <int>}`: `len(value) >= n`.
pub fn len_ge<V: Observe + ?Sized>(value: &V, n: i64) -> bool {
    length(value, n, Ordering::is_ge)
}

/// `len_lt: {shared.key: <int>}`: `len(value) < n`.
pub fn len_lt<V: Observe + ?Sized>(value: &V, n: i64) -> bool {
    length(value, n, Ordering::is_lt)
}

/// `len_le: {shared.key: <int>}`: `len(value) <= n`.
pub fn len_le<V: Observe + ?Sized>(value: &V, n: i64) -> bool {
    length(value, n, Ordering::is_le)
}

/// `contains: {shared.key: <any>}`: `target in value` (a substring of a
/// string value, an element of a list, a key of a mapping).
pub fn contains<V: Observe + ?Sized>(value: &V, target: Observed<'_>) -> bool {
    present(value).is_some_and(|v| py_contains(v, target))
}

/// `in: {shared.key: <list or str>}`: `value in target`.
pub fn in_<V: Observe + ?Sized>(value: &V, target: Observed<'_>) -> bool {
    present(value).is_some_and(|v| py_contains(target, v))
}

/// `matches: {shared.key: <regex>}`: the value is a string and
/// `re.match(regex, value)` matches, i.e. a match starts at the beginning
/// (the end is not anchored). Compile the pattern once with
/// [`match_regex`]; any regex works, an anchored one is faster on misses.
pub fn matches<V: Observe + ?Sized>(value: &V, regex: &Regex) -> bool {
    match value.observe() {
        Observed::Str(s) => regex.find(s).is_some_and(|m| m.start() == 0),
        _ => false,
    }
}

/// Compiles a `matches` pattern anchored at the start (`\A(?:pattern)`), as
/// `re.match` uses it. Python and Rust regex syntax agree on the common
/// constructs; look-around and back-references are errors here.
pub fn match_regex(pattern: &str) -> Result<Regex, String> {
    Regex::new(&format!(r"\A(?:{pattern})"))
        .map_err(|e| format!("matches: invalid regular expression {pattern:?}: {e}"))
}

/// `defined: shared.key`: the key exists in the state, even if its value is
/// `None` ([`Observed::Missing`] is the only undefined value; a plain field
/// is always defined, an `Option` field is defined when `Some`).
pub fn defined<V: Observe + ?Sized>(value: &V) -> bool {
    !matches!(value.observe(), Observed::Missing)
}

/// `has_tags: <tag>` or `has_tags: [<tag>, ...]`: every required tag is
/// among the event's tags (a subset test).
pub fn has_tags(tags: &[Arc<str>], required: &[&str]) -> bool {
    required.iter().all(|r| tags.iter().any(|t| **t == **r))
}

/// `always:`: true.
pub const fn always() -> bool {
    true
}

/// `never:`: false.
pub const fn never() -> bool {
    false
}

/// `before: {hour: 17, ...}`: `ts < ts.replace(**components)`, comparing
/// wall-clock times in the timestamp's offset. A replacement that is not a
/// valid date (day 31 in a 30-day month, year 0) gives false; Eventum raises
/// `ValueError` there, which fails the whole pick.
pub fn before(ts: Timestamp, components: &Components) -> bool {
    components.apply(ts).is_some_and(|target| ts < target)
}

/// `after: {hour: 9, ...}`: `ts >= ts.replace(**components)`. With
/// `{hour: 9}`, 10:15 is after (10:15 ≥ 09:15) and 08:59 is not
/// (08:59 < 09:59). An invalid replacement gives false, as for [`before`].
pub fn after(ts: Timestamp, components: &Components) -> bool {
    components.apply(ts).is_some_and(|target| ts >= target)
}

/// The timestamp components of `before`/`after`; the given ones replace the
/// timestamp's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Components {
    /// `year`, 0..=10000.
    pub year: Option<i64>,
    /// `month`, 1..=12.
    pub month: Option<i64>,
    /// `day`, 1..=31.
    pub day: Option<i64>,
    /// `hour`, 0..=23.
    pub hour: Option<i64>,
    /// `minute`, 0..=59.
    pub minute: Option<i64>,
    /// `second`, 0..=59.
    pub second: Option<i64>,
    /// `microsecond`, `0..=999_999`.
    pub microsecond: Option<i64>,
}

impl Components {
    /// No component given (not valid by itself: see [`Components::validate`]).
    pub const NONE: Self = Self {
        year: None,
        month: None,
        day: None,
        hour: None,
        minute: None,
        second: None,
        microsecond: None,
    };

    fn fields(&self) -> [(&'static str, Option<i64>, i64, i64); 7] {
        [
            ("year", self.year, 0, 10_000),
            ("month", self.month, 1, 12),
            ("day", self.day, 1, 31),
            ("hour", self.hour, 0, 23),
            ("minute", self.minute, 0, 59),
            ("second", self.second, 0, 59),
            ("microsecond", self.microsecond, 0, 999_999),
        ]
    }

    /// Eventum's checks: each given component in its range, and at least
    /// one of them truthy (given and not 0), so `{hour: 0}` and
    /// `{hour: 0, minute: 0}` are rejected.
    pub fn validate(&self) -> Result<(), String> {
        for (name, value, lo, hi) in self.fields() {
            if let Some(v) = value
                && !(lo..=hi).contains(&v)
            {
                return Err(format!("{name}: {v} is out of range ({lo} to {hi})"));
            }
        }
        if self.fields().iter().all(|f| f.1.unwrap_or(0) == 0) {
            return Err("At least one component must be specified (and not 0): \
                 year, month, day, hour, minute, second or microsecond"
                .to_owned());
        }
        Ok(())
    }

    /// `ts.replace(**components)`, or `None` if that is not a valid time.
    fn apply(&self, ts: Timestamp) -> Option<Timestamp> {
        fn small(v: Option<i64>) -> Result<Option<u32>, std::num::TryFromIntError> {
            v.map(u32::try_from).transpose()
        }
        let year = self.year.map(i32::try_from).transpose().ok()?;
        ts.replace(
            year,
            small(self.month).ok()?,
            small(self.day).ok()?,
            small(self.hour).ok()?,
            small(self.minute).ok()?,
            small(self.second).ok()?,
            small(self.microsecond).ok()?,
        )
    }
}

// ---------------------------------------------------------------------------
// Observe for plain values.

impl Observe for Observed<'_> {
    fn observe(&self) -> Observed<'_> {
        *self
    }
}

impl Observe for bool {
    fn observe(&self) -> Observed<'_> {
        Observed::Bool(*self)
    }
}

macro_rules! observe_int {
    ($($t:ty),*) => {$(
        impl Observe for $t {
            fn observe(&self) -> Observed<'_> {
                Observed::Int(i64::from(*self))
            }
        }
    )*};
}
observe_int!(i8, i16, i32, i64, u8, u16, u32);

macro_rules! observe_wide_int {
    ($($t:ty),*) => {$(
        /// Values beyond `i64` (never seen in practice) become floats.
        impl Observe for $t {
            fn observe(&self) -> Observed<'_> {
                i64::try_from(*self).map_or(Observed::Float(*self as f64), Observed::Int)
            }
        }
    )*};
}
observe_wide_int!(u64, usize, isize);

impl Observe for f64 {
    fn observe(&self) -> Observed<'_> {
        Observed::Float(*self)
    }
}

impl Observe for f32 {
    fn observe(&self) -> Observed<'_> {
        Observed::Float(f64::from(*self))
    }
}

impl Observe for str {
    fn observe(&self) -> Observed<'_> {
        Observed::Str(self)
    }
}

impl Observe for String {
    fn observe(&self) -> Observed<'_> {
        Observed::Str(self)
    }
}

impl Observe for Cow<'_, str> {
    fn observe(&self) -> Observed<'_> {
        Observed::Str(self)
    }
}

impl<const N: usize> Observe for crate::InlineStr<N> {
    fn observe(&self) -> Observed<'_> {
        Observed::Str(self)
    }
}

/// A `datetime`: compares with nothing a condition can name.
impl Observe for Timestamp {
    fn observe(&self) -> Observed<'_> {
        Observed::Opaque
    }
}

impl<T: Observe + ?Sized> Observe for &T {
    fn observe(&self) -> Observed<'_> {
        (**self).observe()
    }
}

impl<T: Observe + ?Sized> Observe for Box<T> {
    fn observe(&self) -> Observed<'_> {
        (**self).observe()
    }
}

impl<T: Observe + ?Sized> Observe for Arc<T> {
    fn observe(&self) -> Observed<'_> {
        (**self).observe()
    }
}

impl<T: Observe + ?Sized> Observe for Rc<T> {
    fn observe(&self) -> Observed<'_> {
        (**self).observe()
    }
}

/// `None` is a missing key (see [`Observe`]).
impl<T: Observe> Observe for Option<T> {
    fn observe(&self) -> Observed<'_> {
        self.as_ref().map_or(Observed::Missing, Observe::observe)
    }
}

impl<T: Observe> Elements for Vec<T> {
    fn len(&self) -> usize {
        self.as_slice().len()
    }
    fn at(&self, index: usize) -> Observed<'_> {
        self[index].observe()
    }
}

impl<T: Observe> Observe for Vec<T> {
    fn observe(&self) -> Observed<'_> {
        Observed::Seq(self)
    }
}

impl<T: Observe> Elements for VecDeque<T> {
    fn len(&self) -> usize {
        VecDeque::len(self)
    }
    fn at(&self, index: usize) -> Observed<'_> {
        self[index].observe()
    }
}

impl<T: Observe> Observe for VecDeque<T> {
    fn observe(&self) -> Observed<'_> {
        Observed::Seq(self)
    }
}

impl<T: Observe, const N: usize> Elements for [T; N] {
    fn len(&self) -> usize {
        N
    }
    fn at(&self, index: usize) -> Observed<'_> {
        self[index].observe()
    }
}

impl<T: Observe, const N: usize> Observe for [T; N] {
    fn observe(&self) -> Observed<'_> {
        Observed::Seq(self)
    }
}

impl<T: Observe> Elements for &[T] {
    fn len(&self) -> usize {
        <[T]>::len(self)
    }
    fn at(&self, index: usize) -> Observed<'_> {
        self[index].observe()
    }
}

/// Slices (the `&'static [T]` columns of embedded samples).
impl<T: Observe> Observe for &[T] {
    fn observe(&self) -> Observed<'_> {
        Observed::Seq(self)
    }
}

/// Looks `key` up by Python equality, scanning the entries.
fn find_entry<'m, K: Observe + 'm, V: Observe + 'm>(
    mut entries: impl Iterator<Item = (&'m K, &'m V)>,
    key: Observed<'_>,
) -> Option<Observed<'m>> {
    entries
        .find(|(k, _)| py_eq(k.observe(), key))
        .map(|(_, v)| v.observe())
}

impl<K: Observe, V: Observe, S: BuildHasher> Entries for HashMap<K, V, S> {
    fn len(&self) -> usize {
        HashMap::len(self)
    }
    fn get(&self, key: Observed<'_>) -> Option<Observed<'_>> {
        find_entry(self.iter(), key)
    }
    fn all(&self, f: &mut dyn FnMut(Observed<'_>, Observed<'_>) -> bool) -> bool {
        self.iter().all(|(k, v)| f(k.observe(), v.observe()))
    }
}

impl<K: Observe, V: Observe, S: BuildHasher> Observe for HashMap<K, V, S> {
    fn observe(&self) -> Observed<'_> {
        Observed::Map(self)
    }
}

impl<K: Observe, V: Observe> Entries for BTreeMap<K, V> {
    fn len(&self) -> usize {
        BTreeMap::len(self)
    }
    fn get(&self, key: Observed<'_>) -> Option<Observed<'_>> {
        find_entry(self.iter(), key)
    }
    fn all(&self, f: &mut dyn FnMut(Observed<'_>, Observed<'_>) -> bool) -> bool {
        self.iter().all(|(k, v)| f(k.observe(), v.observe()))
    }
}

impl<K: Observe, V: Observe> Observe for BTreeMap<K, V> {
    fn observe(&self) -> Observed<'_> {
        Observed::Map(self)
    }
}

/// Constant mappings for targets: `Observed::Map(&[(key, value), ...])`.
impl<K: Observe, V: Observe, const N: usize> Entries for [(K, V); N] {
    fn len(&self) -> usize {
        N
    }
    fn get(&self, key: Observed<'_>) -> Option<Observed<'_>> {
        find_entry(self.iter().map(|(k, v)| (k, v)), key)
    }
    fn all(&self, f: &mut dyn FnMut(Observed<'_>, Observed<'_>) -> bool) -> bool {
        self.iter().all(|(k, v)| f(k.observe(), v.observe()))
    }
}

impl Entries for serde_json::Map<String, serde_json::Value> {
    fn len(&self) -> usize {
        serde_json::Map::len(self)
    }
    fn get(&self, key: Observed<'_>) -> Option<Observed<'_>> {
        match key {
            Observed::Str(k) => serde_json::Map::get(self, k).map(Observe::observe),
            _ => None,
        }
    }
    fn all(&self, f: &mut dyn FnMut(Observed<'_>, Observed<'_>) -> bool) -> bool {
        self.iter().all(|(k, v)| f(Observed::Str(k), v.observe()))
    }
}

/// JSON values (sample cells, parameters) as Python's `json` module loads them.
impl Observe for serde_json::Value {
    fn observe(&self) -> Observed<'_> {
        use serde_json::Value;
        match self {
            Value::Null => Observed::Null,
            Value::Bool(b) => Observed::Bool(*b),
            Value::Number(n) => n.as_i64().map_or_else(
                || Observed::Float(n.as_f64().unwrap_or(f64::NAN)),
                Observed::Int,
            ),
            Value::String(s) => Observed::Str(s),
            Value::Array(items) => Observed::Seq(items),
            Value::Object(map) => Observed::Map(map),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Value;
    use Observed::{Float, Int, Null, Str};
    use serde_json::json;

    const LIST: Observed<'static> = Observed::Seq(&[Str("a"), Int(1), Null]);
    const MAP: Observed<'static> = Observed::Map(&[(Str("k"), Int(1)), (Int(2), Str("v"))]);

    fn missing() -> Value<i64> {
        Value::default()
    }

    #[test]
    fn eq_truth_table() {
        // present values
        assert!(eq(&5_i64, Int(5)));
        assert!(!eq(&5_i64, Int(6)));
        assert!(eq(&"x".to_owned(), Str("x")));
        assert!(!eq(&"x", Str("X")));
        // int vs float, bool vs int: numeric, like Python.
        assert!(eq(&1_i64, Float(1.0)));
        assert!(eq(&1.0_f64, Int(1)));
        assert!(!eq(&1.5_f64, Int(1)));
        assert!(eq(&true, Int(1)));
        assert!(eq(&false, Float(0.0)));
        assert!(eq(&1_i64, Observed::Bool(true)));
        // exact int/float comparison: 2**53 + 1 != 2.0**53 in Python.
        assert!(!eq(
            &9_007_199_254_740_993_i64,
            Float(9_007_199_254_740_992.0)
        ));
        assert!(!eq(&f64::NAN, Float(f64::NAN)));
        // type mismatch: `==` is simply false.
        assert!(!eq(&"1", Int(1)));
        assert!(!eq(&1_i64, Str("1")));
        assert!(!eq(&vec![1_i64], Int(1)));
        // collections compare element-wise.
        assert!(eq(&vec![json!("a"), json!(1), json!(null)], LIST));
        assert!(!eq(&vec!["a"], LIST));
        assert!(eq(
            &json!({"k": 1, "2": "v"}),
            Observed::Map(&[(Str("k"), Int(1)), (Str("2"), Str("v"))])
        ));
        assert!(!eq(&json!({"k": 1}), MAP));
        // missing or null: always false, even against null.
        assert!(!eq(&missing(), Int(0)));
        assert!(!eq(&missing(), Null));
        assert!(!eq(&None::<i64>, Null));
        assert!(!eq(&json!(null), Null));
        assert!(!eq(&Null, Null));
    }

    #[test]
    fn ordering_truth_table() {
        // (value, target) -> [gt, ge, lt, le]
        let table: Vec<(Observed<'_>, Observed<'_>, [bool; 4])> = vec![
            (Int(5), Int(3), [true, true, false, false]),
            (Int(3), Int(3), [false, true, false, true]),
            (Int(2), Float(2.5), [false, false, true, true]),
            (Float(2.5), Int(2), [true, true, false, false]),
            (Float(3.0), Int(3), [false, true, false, true]),
            (Observed::Bool(true), Int(0), [true, true, false, false]),
            (Int(i64::MAX), Float(9.3e18), [false, false, true, true]),
            // TypeError in Python: all false.
            (Str("5"), Int(3), [false; 4]),
            (LIST, Int(3), [false; 4]),
            (MAP, Int(3), [false; 4]),
            (Observed::Opaque, Int(3), [false; 4]),
            // NaN is unordered.
            (Float(f64::NAN), Int(3), [false; 4]),
            // missing and null.
            (Observed::Missing, Int(3), [false; 4]),
            (Null, Int(3), [false; 4]),
            // strings and lists order like Python's.
            (Str("b"), Str("a"), [true, true, false, false]),
            (
                Observed::Seq(&[Int(1), Int(2)]),
                Observed::Seq(&[Int(1), Int(3)]),
                [false, false, true, true],
            ),
            (
                Observed::Seq(&[Int(1)]),
                Observed::Seq(&[Int(1), Int(0)]),
                [false, false, true, true],
            ),
            (
                Observed::Seq(&[Int(1)]),
                Observed::Seq(&[Str("a")]),
                [false; 4],
            ),
        ];
        for (value, target, want) in table {
            let got = [
                gt(&value, target),
                ge(&value, target),
                lt(&value, target),
                le(&value, target),
            ];
            assert_eq!(got, want, "{value:?} vs {target:?}");
        }
    }

    #[test]
    fn len_truth_table() {
        let three = vec![1_i64, 2, 3];
        // len_eq, len_gt, len_ge, len_lt, len_le against 2, 3 and 4
        let all = |n| {
            [
                len_eq(&three, n),
                len_gt(&three, n),
                len_ge(&three, n),
                len_lt(&three, n),
                len_le(&three, n),
            ]
        };
        assert_eq!(all(2), [false, true, true, false, false]);
        assert_eq!(all(3), [true, false, true, false, true]);
        assert_eq!(all(4), [false, false, false, true, true]);
        // characters, not bytes
        assert!(len_eq(&"héé", 3));
        assert!(len_gt(&"abcd", 3));
        assert!(len_lt(&"", 1));
        assert!(len_eq(&json!({"a": 1, "b": 2}), 2));
        assert!(len_ge(&three, -1));
        // numbers have no len (TypeError): false; missing/null: false.
        for n in [0, 1, 3] {
            assert!(!len_eq(&5_i64, n) && !len_ge(&5_i64, n) && !len_le(&2.5_f64, n));
            assert!(!len_le(&missing(), n) && !len_ge(&None::<String>, n));
            assert!(!len_le(&json!(null), n));
        }
    }

    #[test]
    fn contains_and_in_truth_table() {
        let list = vec!["a".to_owned(), "b".to_owned()];
        // contains: target in value
        assert!(contains(&list, Str("a")));
        assert!(!contains(&list, Str("c")));
        assert!(!contains(&list, Int(1)));
        assert!(contains(&"hello", Str("ell")));
        assert!(contains(&"hello", Str("")));
        assert!(!contains(&"hello", Int(1))); // TypeError
        assert!(!contains(&5_i64, Int(5))); // TypeError
        assert!(contains(&vec![1_i64, 2], Float(2.0)));
        assert!(contains(&vec![json!(null)], Null));
        assert!(contains(&json!({"k": 1}), Str("k")));
        assert!(!contains(&json!({"k": 1}), Int(1)));
        assert!(!contains(&json!({"k": 1}), LIST)); // unhashable
        assert!(!contains(&missing(), Int(1)));
        assert!(!contains(&json!(null), Null));
        // in: value in target
        assert!(in_(&"a", LIST));
        assert!(in_(&1_i64, LIST));
        assert!(in_(&true, LIST)); // True == 1
        assert!(!in_(&"z", LIST));
        assert!(in_(&"ell", Str("hello")));
        assert!(!in_(&1_i64, Str("1"))); // TypeError
        assert!(in_(&"k", MAP));
        assert!(in_(&2.0_f64, MAP));
        assert!(!in_(&"v", MAP));
        assert!(!in_(&1_i64, Int(1))); // TypeError
        assert!(!in_(&missing(), LIST));
        assert!(!in_(&None::<&str>, Observed::Seq(&[Null])));
    }

    #[test]
    fn matches_is_anchored_at_the_start_only() {
        let re = match_regex(r"err\d+").unwrap();
        assert!(matches(&"err42 and more", &re));
        assert!(!matches(&"an err42", &re));
        assert!(!matches(&"err", &re));
        // An unanchored regex behaves the same.
        let loose = Regex::new(r"err\d+").unwrap();
        assert!(matches(&"err42 and more", &loose));
        assert!(!matches(&"an err42", &loose));
        // Alternation stays inside the anchor.
        let alt = match_regex("a|b").unwrap();
        assert!(matches(&"b..", &alt) && !matches(&"cb", &alt));
        // Only strings match.
        assert!(!matches(&42_i64, &match_regex("42").unwrap()));
        assert!(!matches(&missing(), &re));
        assert!(!matches(&json!(null), &re));
        assert!(match_regex("(").is_err());
    }

    #[test]
    fn defined_truth_table() {
        let mut v: Value<Option<i64>> = Value::default();
        assert!(!defined(&v));
        v.set(None); // set to null: defined
        assert!(defined(&v));
        assert!(defined(&0_i64));
        assert!(defined(&json!(null)));
        assert!(!defined(&None::<i64>));
        assert!(defined(&Some(0_i64)));
    }

    #[test]
    fn has_tags_is_a_subset_test() {
        let tags: Vec<Arc<str>> = vec!["web".into(), "prod".into()];
        assert!(has_tags(&tags, &["web"]));
        assert!(has_tags(&tags, &["prod", "web"]));
        assert!(!has_tags(&tags, &["web", "dev"]));
        assert!(!has_tags(&[], &["web"]));
        assert!(has_tags(&tags, &[]));
        assert!(always() && !never());
    }

    fn at(h: i64, m: i64) -> Timestamp {
        // 2026-04-30 (a 30-day month), UTC+02:00.
        Timestamp::from_utc_micros((1_777_507_200 + (h - 2) * 3600 + m * 60) * 1_000_000)
            .with_offset(7200)
    }

    #[test]
    fn before_and_after() {
        let nine = Components {
            hour: Some(9),
            ..Components::NONE
        };
        assert_eq!(at(10, 15).to_string(), "2026-04-30 10:15:00+02:00");
        // The spec's examples: 10:15 >= 09:15, 08:59 < 09:59.
        assert!(after(at(10, 15), &nine));
        assert!(!after(at(8, 59), &nine));
        assert!(after(at(9, 0), &nine)); // equal counts as after
        assert!(!before(at(9, 0), &nine));
        assert!(before(at(8, 59), &nine));
        let half_past = Components {
            hour: Some(9),
            minute: Some(30),
            ..Components::NONE
        };
        assert!(before(at(9, 29), &half_past));
        assert!(after(at(9, 30), &half_past));
        // An invalid replacement (April 31st, year 0) is false both ways.
        let day31 = Components {
            day: Some(31),
            ..Components::NONE
        };
        assert!(!before(at(1, 0), &day31) && !after(at(1, 0), &day31));
        let year0 = Components {
            year: Some(0),
            ..Components::NONE
        };
        assert!(!before(at(1, 0), &year0) && !after(at(1, 0), &year0));
        let may = Components {
            month: Some(5),
            ..Components::NONE
        };
        assert!(before(at(1, 0), &may));
    }

    #[test]
    fn components_validation() {
        let c = |hour, minute| Components {
            hour,
            minute,
            ..Components::NONE
        };
        assert!(c(Some(9), None).validate().is_ok());
        assert!(c(Some(0), Some(30)).validate().is_ok());
        // All-zero sets are rejected: {hour: 0}, {hour: 0, minute: 0}, {}.
        assert!(c(Some(0), None).validate().is_err());
        assert!(c(Some(0), Some(0)).validate().is_err());
        assert!(Components::NONE.validate().is_err());
        // Ranges.
        assert_eq!(
            c(Some(24), None).validate().unwrap_err(),
            "hour: 24 is out of range (0 to 23)"
        );
        for bad in [
            Components {
                month: Some(0),
                ..Components::NONE
            },
            Components {
                month: Some(13),
                ..Components::NONE
            },
            Components {
                day: Some(32),
                ..Components::NONE
            },
            Components {
                year: Some(10_001),
                ..Components::NONE
            },
            Components {
                year: Some(-1),
                ..Components::NONE
            },
            Components {
                minute: Some(60),
                ..Components::NONE
            },
            Components {
                second: Some(60),
                ..Components::NONE
            },
            Components {
                microsecond: Some(1_000_000),
                ..Components::NONE
            },
        ] {
            assert!(bad.validate().is_err(), "{bad:?}");
        }
        assert!(
            Components {
                year: Some(10_000),
                ..Components::NONE
            }
            .validate()
            .is_ok()
        );
        assert!(
            Components {
                microsecond: Some(1),
                ..Components::NONE
            }
            .validate()
            .is_ok()
        );
    }

    #[test]
    fn debug_is_python_like() {
        assert_eq!(format!("{LIST:?}"), "['a', 1, None]");
        assert_eq!(format!("{MAP:?}"), "{'k': 1, 2: 'v'}");
        assert_eq!(format!("{:?}", Observed::Bool(true)), "True");
    }
}
