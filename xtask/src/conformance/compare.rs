//! Comparing the events of one event type, native against Eventum: their
//! field paths with the JSON types at each, and the values of enumerated
//! string fields.
//!
//! Both sides are random samples, so a rare feature can be missing from
//! one side by chance. A feature seen on one side only counts as a
//! difference when that absence is significant: Fisher's exact p-value
//! ([`one_sided_p`]) below [`ALPHA`]. Other one-sided features are listed
//! as notes.

use super::shape::{JsonType, PathStats, Profile, ROOT, flatten};
use super::stats::one_sided_p;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap, HashSet};

/// The significance level of every test of the suite.
pub(crate) const ALPHA: f64 = 0.001;
/// A string path is enumerated when the native side shows at most this
/// many distinct values.
const ENUM_MAX_DISTINCT: usize = 30;
/// A value is frequent on a side when it makes up at least this share of
/// the path's strings there...
const FREQUENT_SHARE: f64 = 0.02;
/// ...and occurs at least this often.
const FREQUENT_COUNT: u64 = 5;

/// The two sides, for messages.
const SIDES: [&str; 2] = ["native", "Eventum"];

/// What comparing one event type found.
#[derive(Debug, Default, Clone)]
pub(crate) struct Comparison {
    /// Field paths seen on either side.
    pub(crate) paths: usize,
    /// Enumerated string paths whose values were compared.
    pub(crate) enumerated: usize,
    /// Significant differences.
    pub(crate) differences: Vec<String>,
    /// Features seen on one side only whose absence on the other is not
    /// significant (sampling).
    pub(crate) one_sided: Vec<String>,
}

fn show(path: &str) -> &str {
    if path.is_empty() { ROOT } else { path }
}

/// Native runs in the reference for enumerated values: the compared run
/// and this many more minus one.
pub(crate) const REFERENCE_RUNS: u64 = 9;
/// The one-sided 0.999 quantile of Student's t distribution with
/// `REFERENCE_RUNS - 1` degrees of freedom (computed with mpmath).
const T_CRITICAL: f64 = 4.500_790_933_723_724;
const _: () = assert!(
    REFERENCE_RUNS == 9,
    "T_CRITICAL is for 8 degrees of freedom"
);

/// Whether `count` of `total` values makes a value frequent.
fn is_frequent(count: u64, total: u64) -> bool {
    count >= FREQUENT_COUNT && count as f64 >= FREQUENT_SHARE * total as f64
}

/// Whether the values of a string field are compared: at most
/// [`ENUM_MAX_DISTINCT`] distinct native values, strings on both sides.
fn enumerated(native: &PathStats, eventum: &PathStats) -> bool {
    let distinct = native.strings.len();
    distinct > 0 && distinct <= ENUM_MAX_DISTINCT && eventum.string_total > 0
}

/// Frequent values of one side (`side`: 0 native, 1 Eventum) missing on
/// the other, in one enumerated field, sorted.
fn missing(stats: [&PathStats; 2], side: usize) -> Vec<(&String, u64)> {
    let mut out: Vec<(&String, u64)> = stats[side]
        .strings
        .iter()
        .map(|(v, &c)| (v, c))
        .filter(|&(v, c)| {
            is_frequent(c, stats[side].string_total) && !stats[1 - side].strings.contains_key(v)
        })
        .collect();
    out.sort();
    out
}

/// What the native generator writes into enumerated string fields over
/// several runs (the compared run and more seeds): the yardstick for
/// values one side has and the other lacks.
///
/// One run is not enough: fields such as user names follow sessions that
/// last for many events, so a value can make up a good share of an event
/// type in one run and be absent from the next. (Comparing two native runs
/// of linux-auditd at 5000 events, user names present in one and absent
/// from the other with an exact-test p < 1e-10 showed up in most pairs.)
/// So a native value missing on the Eventum side is judged against the
/// spread of its share over the native runs, not against one run.
#[derive(Debug, Default)]
pub(crate) struct Reference {
    runs: u64,
    /// Events of the extra run that only looks for values Eventum writes
    /// (0 until [`Reference::add_existence_run`]).
    existence_events: usize,
    /// `(path, value)` pairs Eventum writes frequently and the compared
    /// native run lacks in that event type: whether any native run writes
    /// them at that path (in any event type).
    written: HashMap<(String, String), bool>,
    /// `(event type, path, value)` triples frequent natively and missing
    /// on the Eventum side: their share of the field's strings per run.
    shares: HashMap<(usize, String, String), Vec<f64>>,
    /// The keys of `written` by path, for [`Reference::add_events`].
    written_index: HashMap<String, HashSet<String>>,
    /// The keys of `shares` by path and event type.
    shares_index: HashMap<String, HashMap<usize, HashSet<String>>>,
}

impl Reference {
    /// A reference for the values that the event types of the two sides
    /// (native, Eventum; indexed alike) disagree on; feed it the runs with
    /// [`Reference::add_run`], the compared native run included.
    pub(crate) fn new(native: &[Profile], eventum: &[Profile]) -> Self {
        let mut r = Self::default();
        let empty = PathStats::default();
        for (alias, (n, e)) in native.iter().zip(eventum).enumerate() {
            if n.events == 0 || e.events == 0 {
                continue;
            }
            for (path, ns) in &n.paths {
                let es = e.paths.get(path).unwrap_or(&empty);
                if !enumerated(ns, es) {
                    continue;
                }
                for (value, _) in missing([ns, es], 0) {
                    r.shares
                        .insert((alias, path.clone(), value.clone()), Vec::new());
                    r.shares_index
                        .entry(path.clone())
                        .or_default()
                        .entry(alias)
                        .or_default()
                        .insert(value.clone());
                }
                for (value, _) in missing([ns, es], 1) {
                    r.written.insert((path.clone(), value.clone()), false);
                    r.written_index
                        .entry(path.clone())
                        .or_default()
                        .insert(value.clone());
                }
            }
        }
        r
    }

    /// Adds one native run (its profiles per event type).
    pub(crate) fn add_run(&mut self, profiles: &[Profile]) {
        self.runs += 1;
        for ((path, value), written) in &mut self.written {
            *written = *written
                || profiles.iter().any(|p| {
                    p.paths
                        .get(path)
                        .is_some_and(|s| s.strings.contains_key(value))
                });
        }
        for ((alias, path, value), shares) in &mut self.shares {
            let share = profiles[*alias].paths.get(path).map_or(0.0, |s| {
                let c = s.strings.get(value).copied().unwrap_or(0);
                if s.string_total == 0 {
                    0.0
                } else {
                    c as f64 / s.string_total as f64
                }
            });
            shares.push(share);
        }
    }

    /// Adds one more native run, given as its events with their event
    /// types (only the values asked about are counted).
    pub(crate) fn add_events<'a>(&mut self, events: impl IntoIterator<Item = (usize, &'a Value)>) {
        // Per path and event type: the strings in all, and the counts of
        // the values asked about.
        type Counts<'s> = HashMap<&'s str, HashMap<usize, (u64, HashMap<&'s str, u64>)>>;
        self.runs += 1;
        let mut counts: Counts<'_> = HashMap::new();
        let mut written: HashSet<(String, String)> = HashSet::new();
        for (alias, event) in events {
            flatten(event, &mut |path, _, string| {
                let Some(string) = string else { return };
                if self
                    .written_index
                    .get(path)
                    .is_some_and(|values| values.contains(string))
                {
                    written.insert((path.to_owned(), string.to_owned()));
                }
                if let Some((key, by_alias)) = self.shares_index.get_key_value(path)
                    && let Some(values) = by_alias.get(&alias)
                {
                    let entry = counts
                        .entry(key.as_str())
                        .or_default()
                        .entry(alias)
                        .or_default();
                    entry.0 += 1;
                    if let Some(value) = values.get(string) {
                        *entry.1.entry(value.as_str()).or_default() += 1;
                    }
                }
            });
        }
        for (key, found) in &mut self.written {
            *found = *found || written.contains(key);
        }
        for ((alias, path, value), shares) in &mut self.shares {
            let share = counts
                .get(path.as_str())
                .and_then(|by_alias| by_alias.get(alias))
                .map_or(0.0, |(total, values)| {
                    values.get(value.as_str()).copied().unwrap_or(0) as f64 / *total as f64
                });
            shares.push(share);
        }
    }

    /// Whether some value Eventum writes has not been seen natively yet.
    pub(crate) fn has_unwritten(&self) -> bool {
        self.written.values().any(|found| !found)
    }

    /// Adds a (longer) native run that only answers whether native writes
    /// the values Eventum writes; shares stay per equal-sized run.
    ///
    /// Values that follow sessions come in clusters: one long session can
    /// put a rare command into a dozen Eventum events while a few short
    /// native runs never start that session. Whether native can write a
    /// value at all is a question about its support, which a larger sample
    /// answers without loosening the share test.
    pub(crate) fn add_existence_run<'a>(&mut self, events: impl IntoIterator<Item = &'a Value>) {
        let mut count = 0;
        let mut written: HashSet<(String, String)> = HashSet::new();
        for event in events {
            count += 1;
            flatten(event, &mut |path, _, string| {
                if let Some(string) = string
                    && self
                        .written_index
                        .get(path)
                        .is_some_and(|values| values.contains(string))
                {
                    written.insert((path.to_owned(), string.to_owned()));
                }
            });
        }
        self.existence_events = count;
        for (key, found) in &mut self.written {
            *found = *found || written.contains(key);
        }
    }

    /// Where the reference looked, for messages: `9 runs` and the events
    /// of the existence run when there was one.
    fn looked_in(&self) -> String {
        if self.existence_events == 0 {
            format!("{} runs", self.runs)
        } else {
            format!(
                "{} runs and one of {} events",
                self.runs, self.existence_events
            )
        }
    }

    /// Whether there is nothing to look up (so more runs are not needed).
    pub(crate) fn is_empty(&self) -> bool {
        self.written.is_empty() && self.shares.is_empty()
    }
}

/// Compares the profiles of event type number `alias`; `reference` holds
/// the native values over several runs.
pub(crate) fn compare(
    alias: usize,
    native: &Profile,
    eventum: &Profile,
    reference: &Reference,
) -> Comparison {
    let mut out = Comparison::default();
    let paths: BTreeSet<&String> = native.paths.keys().chain(eventum.paths.keys()).collect();
    out.paths = paths.len();
    if native.events == 0 || eventum.events == 0 {
        // Nothing to compare the shapes with; the frequency test judges
        // the missing side.
        return out;
    }
    let empty = PathStats::default();
    let counts = [native.events, eventum.events];
    for path in paths {
        let stats = [
            native.paths.get(path).unwrap_or(&empty),
            eventum.paths.get(path).unwrap_or(&empty),
        ];
        compare_types(path, stats, counts, &mut out);
        compare_values(alias, path, stats, reference, &mut out);
    }
    out
}

/// `string 12, integer 3`, or `absent`.
fn types_summary(stats: &PathStats) -> String {
    if stats.types.is_empty() {
        return "absent".to_owned();
    }
    stats
        .types
        .iter()
        .map(|(t, c)| format!("{t} {c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn compare_types(path: &str, stats: [&PathStats; 2], events: [u64; 2], out: &mut Comparison) {
    let types: BTreeSet<JsonType> = stats[0]
        .types
        .keys()
        .chain(stats[1].types.keys())
        .copied()
        .collect();
    let mut significant = Vec::new();
    for ty in types {
        let c = [
            stats[0].types.get(&ty).copied().unwrap_or(0),
            stats[1].types.get(&ty).copied().unwrap_or(0),
        ];
        for s in 0..2 {
            let z = 1 - s;
            if c[s] == 0 || c[z] > 0 {
                continue;
            }
            let p = one_sided_p(c[s], events[s], events[z]);
            let finding = format!(
                "{ty} in {} of {} {} events, in none of {} {} events (p = {p:.1e})",
                c[s], events[s], SIDES[s], events[z], SIDES[z]
            );
            if p < ALPHA {
                significant.push(finding);
            } else {
                out.one_sided.push(format!("`{}`: {finding}", show(path)));
            }
        }
    }
    if !significant.is_empty() {
        out.differences.push(format!(
            "field `{}`: {} [native: {}; Eventum: {}]",
            show(path),
            significant.join("; "),
            types_summary(stats[0]),
            types_summary(stats[1]),
        ));
    }
}

/// The values of an enumerated string field.
///
/// A value frequent on the Eventum side must be one the native generator
/// writes at that field (in some event type of some reference run). A
/// value frequent on the native side and missing on the Eventum side is a
/// difference when its absence is significant both against this native
/// run (exact test) and against the spread of its share over the reference
/// runs: the mean share `m`, their standard deviation `s` over `n` runs,
/// and `m / (s √(1 + 1/n))` above the 0.999 quantile of Student's t with
/// `n - 1` degrees of freedom (a prediction interval for one more run).
fn compare_values(
    alias: usize,
    path: &str,
    stats: [&PathStats; 2],
    reference: &Reference,
    out: &mut Comparison,
) {
    if !enumerated(stats[0], stats[1]) {
        return;
    }
    out.enumerated += 1;
    let totals = [stats[0].string_total, stats[1].string_total];
    for s in 0..2 {
        let z = 1 - s;
        for (value, c) in missing(stats, s) {
            let p = one_sided_p(c, totals[s], totals[z]);
            let finding = format!(
                "value {} of `{}`: {c} of {} {} values ({:.1} %), none of {} {} values (p = {p:.1e})",
                serde_json::to_string(value).unwrap_or_default(),
                show(path),
                totals[s],
                SIDES[s],
                100.0 * c as f64 / totals[s] as f64,
                totals[z],
                SIDES[z],
            );
            let key = (path.to_owned(), value.clone());
            let (differs, why) = if s == 1 {
                if reference.written.get(&key).copied().unwrap_or(false) {
                    (
                        false,
                        format!(
                            "native writes it there elsewhere ({})",
                            reference.looked_in()
                        ),
                    )
                } else {
                    (
                        true,
                        format!(
                            "native never writes it there ({}, all event types)",
                            reference.looked_in()
                        ),
                    )
                }
            } else {
                let shares = reference
                    .shares
                    .get(&(alias, key.0, key.1))
                    .map_or(&[][..], Vec::as_slice);
                let (m, sd, t) = spread(shares);
                let why = format!(
                    "share over {} native runs {:.1} ± {:.1} %, t = {t:.1}",
                    shares.len(),
                    100.0 * m,
                    100.0 * sd
                );
                (p < ALPHA && t > T_CRITICAL, why)
            };
            let finding = format!("{finding}; {why}");
            if differs {
                let mut other: Vec<(&String, &u64)> = stats[z].strings.iter().collect();
                other.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
                let shown: Vec<String> = other
                    .iter()
                    .take(8)
                    .map(|(v, c)| format!("{} ×{c}", serde_json::to_string(v).unwrap_or_default()))
                    .collect();
                let more = other.len().saturating_sub(shown.len());
                let tail = if more > 0 {
                    format!(", … {more} more")
                } else {
                    String::new()
                };
                out.differences.push(format!(
                    "{finding} [{} has: {}{tail}]",
                    SIDES[z],
                    shown.join(", ")
                ));
            } else {
                out.one_sided.push(finding);
            }
        }
    }
}

/// The mean and standard deviation of `shares`, and the t statistic of a
/// new observation of 0 (`m / (s √(1 + 1/n))`; infinite when every share is
/// the same positive number, 0 with fewer than two shares).
fn spread(shares: &[f64]) -> (f64, f64, f64) {
    let n = shares.len() as f64;
    if shares.len() < 2 {
        return (shares.first().copied().unwrap_or(0.0), 0.0, 0.0);
    }
    let m = shares.iter().sum::<f64>() / n;
    let var = shares.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - 1.0);
    let sd = var.sqrt();
    // Equal shares can leave a rounding residue in `sd`.
    let t = if sd > 1e-12 {
        m / (sd * (1.0 + 1.0 / n).sqrt())
    } else if m > 0.0 {
        f64::INFINITY
    } else {
        0.0
    };
    (m, sd, t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn profile(events: impl IntoIterator<Item = Value>) -> Profile {
        let mut p = Profile::default();
        for e in events {
            p.add(&e);
        }
        p
    }

    /// Compares one event type, with `more` extra native runs as the
    /// reference besides `native` itself.
    fn run(native: &Profile, eventum: &Profile, more: &[Vec<Value>]) -> Comparison {
        let (n, e) = (std::slice::from_ref(native), std::slice::from_ref(eventum));
        let mut reference = Reference::new(n, e);
        reference.add_run(n);
        for events in more {
            reference.add_events(events.iter().map(|e| (0, e)));
        }
        compare(0, native, eventum, &reference)
    }

    #[test]
    fn equal_shapes_have_no_differences() {
        let events =
            || (0..200).map(|i| json!({"a": i, "o": (["x", "y", "z"][i % 3]), "t": ["k"]}));
        let c = run(&profile(events()), &profile(events()), &[]);
        assert!(c.differences.is_empty(), "{:?}", c.differences);
        assert!(c.one_sided.is_empty(), "{:?}", c.one_sided);
        assert_eq!(c.paths, 4);
        assert_eq!(c.enumerated, 2);
    }

    #[test]
    fn a_missing_common_field_and_a_changed_type_are_differences() {
        let native = profile((0..100).map(|i| json!({"a": i, "b": "x", "c": 1})));
        let eventum = profile((0..100).map(|i| json!({"a": i.to_string(), "c": 1})));
        let c = run(&native, &eventum, &[]);
        assert_eq!(c.differences.len(), 2, "{:?}", c.differences);
        assert!(
            c.differences[0].starts_with(
                "field `a`: string in 100 of 100 Eventum events, in none of 100 native events"
            ),
            "{}",
            c.differences[0]
        );
        assert!(
            c.differences[0]
                .contains("; integer in 100 of 100 native events, in none of 100 Eventum events")
        );
        assert!(c.differences[1].starts_with("field `b`:"));
        assert!(c.differences[1].ends_with("[native: string 100; Eventum: absent]"));
    }

    #[test]
    fn a_rare_field_missing_on_one_side_is_only_a_note() {
        // 3 of 100 native events have `rare`; missing from 100 Eventum
        // events that happens by chance (p about 1/8).
        let some = |n: usize| {
            profile((0..100).map(move |i| if i < n { json!({"rare": 1}) } else { json!({}) }))
        };
        let eventum = some(0);
        let c = run(&some(3), &eventum, &[]);
        assert!(c.differences.is_empty(), "{:?}", c.differences);
        assert_eq!(c.one_sided.len(), 1, "{:?}", c.one_sided);
        // 20 of 100: significant.
        assert_eq!(run(&some(20), &eventum, &[]).differences.len(), 1);
    }

    /// `n` events whose field `o` cycles through `values`.
    fn cycle(values: &[&str], n: usize) -> Vec<Value> {
        (0..n)
            .map(|i| json!({"o": values[i % values.len()]}))
            .collect()
    }

    #[test]
    fn eventum_values_native_never_writes_are_differences() {
        let native = profile(cycle(&["success", "failure"], 300));
        // Eventum misspells one value.
        let eventum = profile(cycle(&["success", "Failure"], 300));
        let more = vec![cycle(&["success", "failure"], 300); 8];
        let c = run(&native, &eventum, &more);
        assert_eq!(c.differences.len(), 2, "{:?}", c.differences);
        assert!(
            c.differences[1].starts_with("value \"Failure\" of `o`: 150 of 300 Eventum values"),
            "{}",
            c.differences[1]
        );
        assert!(c.differences[1].contains("native never writes it there (9 runs"));
        assert!(c.differences[1].ends_with("[native has: \"failure\" ×150, \"success\" ×150]"));
        // A value some other native run writes is not one.
        let mut more = more;
        more[3] = cycle(&["success", "failure", "Failure"], 300);
        let c = run(&native, &eventum, &more);
        assert_eq!(c.differences.len(), 1, "{:?}", c.differences);
        assert!(
            c.one_sided
                .iter()
                .any(|n| n.contains("native writes it there elsewhere"))
        );
    }

    #[test]
    fn native_values_missing_on_eventum_count_when_they_are_stable() {
        // 10 % "failure" natively in every run; Eventum never fails.
        let tenth = |n: usize| -> Vec<Value> {
            (0..n)
                .map(|i| json!({"o": if i % 10 == 0 { "failure" } else { "success" }}))
                .collect()
        };
        let native = profile(tenth(300));
        let eventum = profile(cycle(&["success"], 300));
        let steady: Vec<Vec<Value>> = (0..8).map(|i| tenth(280 + 5 * i)).collect();
        let c = run(&native, &eventum, &steady);
        assert_eq!(c.differences.len(), 1, "{:?}", c.differences);
        assert!(
            c.differences[0].contains("share over 9 native runs"),
            "{}",
            c.differences[0]
        );
        // A value that comes and goes between native runs (a session's
        // user) is not evidence.
        let clustered: Vec<Vec<Value>> = (0..8)
            .map(|i| {
                if i % 2 == 0 {
                    tenth(300)
                } else {
                    cycle(&["success"], 300)
                }
            })
            .collect();
        let c = run(&native, &eventum, &clustered);
        assert!(c.differences.is_empty(), "{:?}", c.differences);
        assert!(
            c.one_sided[0].contains("share over 9 native runs"),
            "{:?}",
            c.one_sided
        );
    }

    #[test]
    fn many_distinct_native_values_are_not_enumerated() {
        let native = profile((0..300).map(|i| json!({"o": format!("v{i}")})));
        let eventum = profile(cycle(&["x"], 300));
        let c = run(&native, &eventum, &[]);
        assert_eq!(c.enumerated, 0);
        assert!(c.differences.is_empty());
    }

    #[test]
    fn spread_gives_mean_deviation_and_t() {
        let (m, sd, t) = spread(&[0.1, 0.1, 0.1]);
        assert!((m - 0.1).abs() < 1e-12 && sd.abs() < 1e-12 && t.is_infinite());
        let (m, sd, t) = spread(&[0.0, 0.2]);
        assert!((m - 0.1).abs() < 1e-12);
        assert!((sd - 0.02_f64.sqrt()).abs() < 1e-12);
        assert!((t - 0.1 / (0.02_f64.sqrt() * 1.5_f64.sqrt())).abs() < 1e-12);
        assert!(spread(&[0.3]).2.abs() < f64::EPSILON);
    }

    #[test]
    fn an_event_type_missing_on_one_side_is_left_to_the_frequency_test() {
        let native = profile((0..10).map(|_| json!({"a": 1})));
        let c = run(&native, &Profile::default(), &[]);
        assert!(c.differences.is_empty() && c.one_sided.is_empty());
        assert_eq!(c.paths, 2);
    }
}
