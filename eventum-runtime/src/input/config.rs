//! Configuration of the input plugins, as written under `input:` in
//! generator.yml (spec §5), and of time-pattern files (§5.7).
//!
//! Plain serde (no YAML-specific types), so the same structs deserialize from
//! serde-saphyr and `serde_json`. Every struct rejects unknown keys, like
//! Eventum's models; the range rules live in the `validate` methods, whose
//! errors name the plugin, the field and the value.

use super::InputError;
use super::versatile::{self, VersatileDatetime};
use crate::rng::FastRng;
use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use std::fmt;
use std::path::PathBuf;

/// One entry of the `input:` list: `{<plugin name>: {<params>}}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputConfig {
    /// `cron`: ticks of a cron expression.
    Cron(CronConfig),
    /// `http`: timestamps on request (interactive).
    Http(HttpConfig),
    /// `linspace`: evenly spaced timestamps.
    Linspace(LinspaceConfig),
    /// `static`: `count` timestamps at start-up time.
    Static(StaticConfig),
    /// `time_patterns`: randomized traffic patterns from YAML files.
    TimePatterns(TimePatternsConfig),
    /// `timer`: ticks every `seconds`.
    Timer(TimerConfig),
    /// `timestamps`: an explicit list or file of timestamps.
    Timestamps(TimestampsConfig),
}

impl InputConfig {
    /// The plugin name as written in the config.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Cron(_) => "cron",
            Self::Http(_) => "http",
            Self::Linspace(_) => "linspace",
            Self::Static(_) => "static",
            Self::TimePatterns(_) => "time_patterns",
            Self::Timer(_) => "timer",
            Self::Timestamps(_) => "timestamps",
        }
    }

    /// The plugin's `tags`.
    pub fn tags(&self) -> &[String] {
        match self {
            Self::Cron(c) => &c.tags,
            Self::Http(c) => &c.tags,
            Self::Linspace(c) => &c.tags,
            Self::Static(c) => &c.tags,
            Self::TimePatterns(c) => &c.tags,
            Self::Timer(c) => &c.tags,
            Self::Timestamps(c) => &c.tags,
        }
    }

    /// Whether the plugin is interactive (only `http`).
    pub fn is_interactive(&self) -> bool {
        matches!(self, Self::Http(_))
    }

    /// Checks every range rule Eventum checks when it loads the config.
    pub fn validate(&self) -> Result<(), InputError> {
        match self {
            Self::Cron(c) => c.validate(),
            Self::Http(c) => c.validate(),
            Self::Linspace(c) => c.validate(),
            Self::Static(c) => c.validate(),
            Self::TimePatterns(c) => c.validate(),
            Self::Timer(c) => c.validate(),
            Self::Timestamps(c) => c.validate(),
        }
    }
}

fn check_datetime(
    plugin: &str,
    field: &str,
    value: Option<&VersatileDatetime>,
) -> Result<(), InputError> {
    match value {
        Some(v) => v.check().map_err(|e| InputError::field(plugin, field, e)),
        None => Ok(()),
    }
}

fn check_range(
    plugin: &str,
    start: Option<&VersatileDatetime>,
    end: Option<&VersatileDatetime>,
) -> Result<(), InputError> {
    check_datetime(plugin, "start", start)?;
    check_datetime(plugin, "end", end)?;
    versatile::validate_range(start, end).map_err(|e| InputError::new(format!("{plugin}: {e}")))
}

fn positive(plugin: &str, field: &str, v: i64) -> Result<(), InputError> {
    if v > 0 {
        Ok(())
    } else {
        Err(InputError::field(
            plugin,
            field,
            format!("must be greater than 0 (got {v})"),
        ))
    }
}

fn at_least(plugin: &str, field: &str, v: i64, min: i64) -> Result<(), InputError> {
    if v >= min {
        Ok(())
    } else {
        Err(InputError::field(
            plugin,
            field,
            format!("must be at least {min} (got {v})"),
        ))
    }
}

fn float_in(plugin: &str, field: &str, v: f64, ok: bool, rule: &str) -> Result<(), InputError> {
    if ok && v.is_finite() {
        Ok(())
    } else {
        Err(InputError::field(
            plugin,
            field,
            format!("must be {rule} (got {v})"),
        ))
    }
}

/// `cron` (§5.2).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CronConfig {
    /// A croniter expression: 5 fields, or 6 with **seconds last**, or 7
    /// with a year after the seconds; names, `L`, `#`, `R` and `@hourly`-style
    /// keywords allowed.
    pub expression: String,
    /// Timestamps per tick (> 0).
    pub count: i64,
    /// Start of the range (null: now).
    #[serde(default)]
    pub start: Option<VersatileDatetime>,
    /// End of the range, inclusive (null: never).
    #[serde(default)]
    pub end: Option<VersatileDatetime>,
    /// Tags attached to this plugin's timestamps.
    #[serde(default)]
    pub tags: Vec<String>,
}

impl CronConfig {
    /// Checks `count`, the expression and the date range.
    pub fn validate(&self) -> Result<(), InputError> {
        positive("cron", "count", self.count)?;
        super::cron::parse(&self.expression, &FastRng::from_seed(0))
            .map_err(|e| InputError::field("cron", "expression", e))?;
        check_range("cron", self.start.as_ref(), self.end.as_ref())
    }
}

/// `timer` (§5.3).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimerConfig {
    /// Start of the countdown (null: now).
    #[serde(default)]
    pub start: Option<VersatileDatetime>,
    /// Interval in seconds (≥ 0.1).
    pub seconds: f64,
    /// Timestamps per tick (≥ 1).
    pub count: i64,
    /// Number of ticks (≥ 1; null: endless).
    #[serde(default)]
    pub repeat: Option<i64>,
    /// Tags attached to this plugin's timestamps.
    #[serde(default)]
    pub tags: Vec<String>,
}

impl TimerConfig {
    /// Checks `seconds`, `count`, `repeat` and `start`.
    pub fn validate(&self) -> Result<(), InputError> {
        float_in(
            "timer",
            "seconds",
            self.seconds,
            self.seconds >= 0.1,
            "at least 0.1",
        )?;
        at_least("timer", "count", self.count, 1)?;
        if let Some(repeat) = self.repeat {
            at_least("timer", "repeat", repeat, 1)?;
        }
        check_datetime("timer", "start", self.start.as_ref())
    }
}

/// `linspace` (§5.4).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinspaceConfig {
    /// Start of the range.
    pub start: VersatileDatetime,
    /// End of the range (not `never`).
    pub end: VersatileDatetime,
    /// Number of timestamps (≥ 1).
    pub count: i64,
    /// Whether `end` itself is included.
    #[serde(default = "default_true")]
    pub endpoint: bool,
    /// Tags attached to this plugin's timestamps.
    #[serde(default)]
    pub tags: Vec<String>,
}

fn default_true() -> bool {
    true
}

impl LinspaceConfig {
    /// Checks `count`, `end` and the date range.
    pub fn validate(&self) -> Result<(), InputError> {
        at_least("linspace", "count", self.count, 1)?;
        if self.end.is_never() {
            return Err(InputError::field(
                "linspace",
                "end",
                "value `never` is not allowed here",
            ));
        }
        check_range("linspace", Some(&self.start), Some(&self.end))
    }
}

/// `static` (§5.5).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaticConfig {
    /// Number of timestamps (> 0).
    pub count: i64,
    /// Tags attached to this plugin's timestamps.
    #[serde(default)]
    pub tags: Vec<String>,
}

impl StaticConfig {
    /// Checks `count`.
    pub fn validate(&self) -> Result<(), InputError> {
        positive("static", "count", self.count)
    }
}

/// `timestamps` (§5.6).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimestampsConfig {
    /// The timestamps, or a file holding them.
    pub source: TimestampsSourceConfig,
    /// Tags attached to this plugin's timestamps.
    #[serde(default)]
    pub tags: Vec<String>,
}

impl TimestampsConfig {
    /// Checks that a list is non-empty and holds plain datetimes.
    pub fn validate(&self) -> Result<(), InputError> {
        if let TimestampsSourceConfig::List(items) = &self.source {
            if items.is_empty() {
                return Err(InputError::field(
                    "timestamps",
                    "source",
                    "the list of timestamps is empty",
                ));
            }
            for (i, item) in items.iter().enumerate() {
                item.check_absolute()
                    .map_err(|e| InputError::field("timestamps", &format!("source[{i}]"), e))?;
            }
        }
        Ok(())
    }
}

/// `timestamps.source`: a YAML list of datetimes, or a path (a string) to a
/// file with one ISO 8601 timestamp per line.
#[derive(Debug, Clone, PartialEq)]
pub enum TimestampsSourceConfig {
    /// Inline datetimes (ISO strings or epochs).
    List(Vec<VersatileDatetime>),
    /// A text file, relative to the generator directory.
    File(PathBuf),
}

impl<'de> Deserialize<'de> for TimestampsSourceConfig {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TimestampsSourceConfig;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of datetimes or a path to a file of timestamps")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(TimestampsSourceConfig::File(PathBuf::from(v)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(TimestampsSourceConfig::List(items))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// `time_patterns` (§5.7): the plugin entry in generator.yml.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimePatternsConfig {
    /// Pattern files (at least one), relative to the generator directory.
    pub patterns: Vec<PathBuf>,
    /// Tags attached to this plugin's timestamps.
    #[serde(default)]
    pub tags: Vec<String>,
}

impl TimePatternsConfig {
    /// Checks that at least one pattern is listed.
    pub fn validate(&self) -> Result<(), InputError> {
        if self.patterns.is_empty() {
            return Err(InputError::field(
                "time_patterns",
                "patterns",
                "at least one pattern file is required",
            ));
        }
        Ok(())
    }
}

/// One time-pattern file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimePatternConfig {
    /// A description (non-empty).
    pub label: String,
    /// Period and date range.
    pub oscillator: OscillatorConfig,
    /// Events per period.
    pub multiplier: MultiplierConfig,
    /// Random variation of the events per period.
    pub randomizer: RandomizerConfig,
    /// Distribution of the events inside a period.
    pub spreader: SpreaderConfig,
    /// Accepted and ignored, as in Eventum.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// Time unit of an oscillator period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// 7 days.
    Weeks,
    /// 24 hours.
    Days,
    /// 3600 seconds.
    Hours,
    /// 60 seconds.
    Minutes,
    /// Seconds.
    Seconds,
    /// 1/1000 s.
    Milliseconds,
    /// 1/1 000 000 s.
    Microseconds,
}

impl TimeUnit {
    /// Microseconds in one unit.
    pub fn micros(self) -> f64 {
        match self {
            Self::Weeks => 604_800e6,
            Self::Days => 86_400e6,
            Self::Hours => 3_600e6,
            Self::Minutes => 60e6,
            Self::Seconds => 1e6,
            Self::Milliseconds => 1e3,
            Self::Microseconds => 1.0,
        }
    }
}

/// `oscillator`: the period and the range it repeats over.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OscillatorConfig {
    /// Length of a period in `unit`s (> 0).
    pub period: f64,
    /// Unit of `period`.
    pub unit: TimeUnit,
    /// Start of the first period (not null).
    pub start: VersatileDatetime,
    /// End of the range (not null; relative to `start`).
    pub end: VersatileDatetime,
}

impl OscillatorConfig {
    /// The period in microseconds, rounded like Python's `timedelta`.
    pub fn period_micros(&self) -> i64 {
        (self.period * self.unit.micros()).round_ties_even() as i64
    }
}

/// `multiplier`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MultiplierConfig {
    /// Events per period before the randomizer (≥ 1).
    pub ratio: i64,
}

/// Direction of the randomizer's deviation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RandomizerDirection {
    /// Factors in [1 − deviation, 1].
    Decrease,
    /// Factors in [1, 1 + deviation].
    Increase,
    /// Factors in [1 − deviation, 1 + deviation].
    Mixed,
}

/// `randomizer`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RandomizerConfig {
    /// Relative deviation, 0..=1.
    pub deviation: f64,
    /// Which way counts deviate.
    pub direction: RandomizerDirection,
    /// Size of the pool of factors (≥ 16).
    #[serde(default = "default_sampling")]
    pub sampling: i64,
}

fn default_sampling() -> i64 {
    1024
}

impl RandomizerConfig {
    /// The interval the factors are drawn from.
    pub fn factor_range(&self) -> (f64, f64) {
        let d = self.deviation;
        match self.direction {
            RandomizerDirection::Decrease => (1.0 - d, 1.0),
            RandomizerDirection::Increase => (1.0, 1.0 + d),
            RandomizerDirection::Mixed => (1.0 - d, 1.0 + d),
        }
    }
}

/// `spreader`: `{distribution: <name>, parameters: {...}}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(
    tag = "distribution",
    content = "parameters",
    rename_all = "snake_case",
    deny_unknown_fields
)]
pub enum SpreaderConfig {
    /// numpy `uniform(low, high)`.
    Uniform(UniformParams),
    /// numpy `triangular(left, mode, right)`.
    Triangular(TriangularParams),
    /// numpy `beta(a, b)`.
    Beta(BetaParams),
}

/// Parameters of the uniform spreader.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UniformParams {
    /// Lower edge, [0, 1).
    pub low: f64,
    /// Upper edge, (0, 1], above `low`.
    pub high: f64,
}

/// Parameters of the triangular spreader.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriangularParams {
    /// Left edge, [0, 1).
    pub left: f64,
    /// Peak, [0, 1].
    pub mode: f64,
    /// Right edge, (0, 1].
    pub right: f64,
}

/// Parameters of the beta spreader.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BetaParams {
    /// Alpha (> 0).
    pub a: f64,
    /// Beta (> 0).
    pub b: f64,
}

impl TimePatternConfig {
    /// Checks every rule of Eventum's pattern model; `name` (the file)
    /// prefixes the messages.
    pub fn validate(&self, name: &str) -> Result<(), InputError> {
        let p = format!("time_patterns[{name}]");
        let p = p.as_str();
        if self.label.is_empty() {
            return Err(InputError::field(p, "label", "must not be empty"));
        }
        let osc = &self.oscillator;
        float_in(
            p,
            "oscillator.period",
            osc.period,
            osc.period > 0.0,
            "greater than 0",
        )?;
        if osc.period_micros() < 1 {
            // Eventum would loop forever on a zero-length period.
            return Err(InputError::field(
                p,
                "oscillator.period",
                format!(
                    "{} {:?} is shorter than one microsecond",
                    osc.period, osc.unit
                ),
            ));
        }
        for (field, v) in [
            ("oscillator.start", &osc.start),
            ("oscillator.end", &osc.end),
        ] {
            v.check().map_err(|e| InputError::field(p, field, e))?;
        }
        versatile::validate_range(Some(&osc.start), Some(&osc.end))
            .map_err(|e| InputError::new(format!("{p}.oscillator: {e}")))?;
        at_least(p, "multiplier.ratio", self.multiplier.ratio, 1)?;
        let r = &self.randomizer;
        float_in(
            p,
            "randomizer.deviation",
            r.deviation,
            (0.0..=1.0).contains(&r.deviation),
            "between 0 and 1",
        )?;
        at_least(p, "randomizer.sampling", r.sampling, 16)?;
        match &self.spreader {
            SpreaderConfig::Uniform(u) => {
                let f = "spreader.parameters";
                float_in(
                    p,
                    &format!("{f}.low"),
                    u.low,
                    (0.0..1.0).contains(&u.low),
                    "in [0, 1)",
                )?;
                float_in(
                    p,
                    &format!("{f}.high"),
                    u.high,
                    u.high > 0.0 && u.high <= 1.0,
                    "in (0, 1]",
                )?;
                if u.low >= u.high {
                    return Err(InputError::field(
                        p,
                        f,
                        format!("`low` must be below `high` (got {} and {})", u.low, u.high),
                    ));
                }
            }
            SpreaderConfig::Triangular(t) => {
                let f = "spreader.parameters";
                float_in(
                    p,
                    &format!("{f}.left"),
                    t.left,
                    (0.0..1.0).contains(&t.left),
                    "in [0, 1)",
                )?;
                float_in(
                    p,
                    &format!("{f}.mode"),
                    t.mode,
                    (0.0..=1.0).contains(&t.mode),
                    "in [0, 1]",
                )?;
                float_in(
                    p,
                    &format!("{f}.right"),
                    t.right,
                    t.right > 0.0 && t.right <= 1.0,
                    "in (0, 1]",
                )?;
                let ordered = t.left <= t.mode && t.mode <= t.right;
                // `left < right` with the order above means "not all equal".
                if !ordered || t.left >= t.right {
                    return Err(InputError::field(
                        p,
                        f,
                        format!(
                            "values do not comply with `left <= mode <= right` (not all equal); got {}, {}, {}",
                            t.left, t.mode, t.right
                        ),
                    ));
                }
            }
            SpreaderConfig::Beta(b) => {
                // Eventum accepts 0 here, then numpy's beta() fails at run
                // time; reject it up front.
                let f = "spreader.parameters";
                float_in(p, &format!("{f}.a"), b.a, b.a > 0.0, "greater than 0")?;
                float_in(p, &format!("{f}.b"), b.b, b.b > 0.0, "greater than 0")?;
            }
        }
        Ok(())
    }
}

/// `http` (§5.8).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpConfig {
    /// Bind address.
    #[serde(default = "default_host")]
    pub host: String,
    /// Bind port, 1..=65535.
    pub port: i64,
    /// Capacity of the request queue (≥ 1); requests beyond it get 429.
    #[serde(default = "default_max_pending")]
    pub max_pending_requests: i64,
    /// Tags attached to this plugin's timestamps.
    #[serde(default)]
    pub tags: Vec<String>,
}

fn default_host() -> String {
    "0.0.0.0".to_owned()
}

fn default_max_pending() -> i64 {
    100
}

impl HttpConfig {
    /// Checks `host`, `port` and `max_pending_requests`.
    pub fn validate(&self) -> Result<(), InputError> {
        if self.host.is_empty() {
            return Err(InputError::field("http", "host", "must not be empty"));
        }
        if !(1..=65_535).contains(&self.port) {
            return Err(InputError::field(
                "http",
                "port",
                format!("must be between 1 and 65535 (got {})", self.port),
            ));
        }
        at_least("http", "max_pending_requests", self.max_pending_requests, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn from_json(v: serde_json::Value) -> InputConfig {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn cron_from_json_and_yaml() {
        let c = from_json(json!({"cron": {
            "expression": "* * * * * *", "count": 5, "start": "2024-01-01T00:00:00Z",
            "end": 1_700_000_000, "tags": ["a"]
        }}));
        let InputConfig::Cron(cron) = &c else {
            panic!()
        };
        assert_eq!(cron.count, 5);
        assert_eq!(cron.end, Some(VersatileDatetime::Int(1_700_000_000)));
        assert_eq!(c.tags(), ["a"]);
        assert_eq!(c.name(), "cron");

        let yaml = "- cron:\n    expression: '* * * * * 15,45'\n    count: 1\n    start: 2024-01-01\n    end: +1h\n- static: {count: 3}\n";
        let list: Vec<InputConfig> = serde_saphyr::from_str(yaml).unwrap();
        let InputConfig::Cron(cron) = &list[0] else {
            panic!()
        };
        assert_eq!(cron.start, Some(VersatileDatetime::from("2024-01-01")));
        assert_eq!(cron.end, Some(VersatileDatetime::from("+1h")));
        assert!(cron.tags.is_empty());
        assert_eq!(
            list[1],
            InputConfig::Static(StaticConfig {
                count: 3,
                tags: vec![]
            })
        );
        for c in &list {
            c.validate().unwrap();
        }
    }

    #[test]
    fn unknown_keys_and_plugins_are_rejected() {
        let err = serde_json::from_value::<InputConfig>(json!({"static": {"count": 1, "x": 2}}))
            .unwrap_err();
        assert!(err.to_string().contains("unknown field `x`"), "{err}");
        let err = serde_json::from_value::<InputConfig>(json!({"kron": {}})).unwrap_err();
        assert!(err.to_string().contains("unknown variant `kron`"), "{err}");
        let err =
            serde_saphyr::from_str::<InputConfig>("cron: {expression: x, count: 1, extra: 1}")
                .unwrap_err();
        assert!(err.to_string().contains("unknown field `extra`"), "{err}");
    }

    #[test]
    fn validation_names_fields() {
        let msg = |v: serde_json::Value| from_json(v).validate().unwrap_err().message;
        assert_eq!(
            msg(json!({"cron": {"expression": "* * * * *", "count": 0}})),
            "cron.count: must be greater than 0 (got 0)"
        );
        assert!(
            msg(json!({"cron": {"expression": "* * *", "count": 1}}))
                .starts_with("cron.expression: ")
        );
        assert_eq!(
            msg(json!({"cron": {"expression": "* * * * *", "count": 1, "start": "never"}})),
            "cron: start cannot be `never`"
        );
        assert!(
            msg(json!({"cron": {"expression": "* * * * *", "count": 1,
                "start": "2024-01-02", "end": "2024-01-01"}}))
            .starts_with("cron: end time cannot be earlier than start time")
        );
        assert!(
            msg(json!({"cron": {"expression": "* * * * *", "count": 1, "end": "soonish"}}))
                .starts_with("cron.end: cannot parse `soonish` as a date/time")
        );
        assert_eq!(
            msg(json!({"timer": {"seconds": 0.05, "count": 1}})),
            "timer.seconds: must be at least 0.1 (got 0.05)"
        );
        assert_eq!(
            msg(json!({"timer": {"seconds": 1, "count": 1, "repeat": 0}})),
            "timer.repeat: must be at least 1 (got 0)"
        );
        assert_eq!(
            msg(json!({"linspace": {"start": "now", "end": "never", "count": 2}})),
            "linspace.end: value `never` is not allowed here"
        );
        assert_eq!(
            msg(json!({"http": {"port": 0}})),
            "http.port: must be between 1 and 65535 (got 0)"
        );
        assert_eq!(
            msg(json!({"timestamps": {"source": []}})),
            "timestamps.source: the list of timestamps is empty"
        );
        assert!(
            msg(json!({"timestamps": {"source": ["2024-01-01", "+1h"]}}))
                .starts_with("timestamps.source[1]: `+1h` is not a datetime")
        );
        assert_eq!(
            msg(json!({"time_patterns": {"patterns": []}})),
            "time_patterns.patterns: at least one pattern file is required"
        );
    }

    #[test]
    fn defaults() {
        let InputConfig::Http(h) = from_json(json!({"http": {"port": 8080}})) else {
            panic!()
        };
        assert_eq!(h.host, "0.0.0.0");
        assert_eq!(h.max_pending_requests, 100);
        let InputConfig::Linspace(l) =
            from_json(json!({"linspace": {"start": "now", "end": "+1h", "count": 3}}))
        else {
            panic!()
        };
        assert!(l.endpoint);
        let InputConfig::Timestamps(t) = from_json(json!({"timestamps": {"source": "ts.txt"}}))
        else {
            panic!()
        };
        assert_eq!(t.source, TimestampsSourceConfig::File("ts.txt".into()));
    }

    const PATTERN: &str = "
label: API traffic
oscillator:
  period: 1
  unit: hours
  start: '2024-01-01T00:00:00Z'
  end: +24h
multiplier:
  ratio: 3000
randomizer:
  deviation: 0.2
  direction: mixed
spreader:
  distribution: beta
  parameters: {a: 5, b: 5}
";

    #[test]
    fn time_pattern_file() {
        let p: TimePatternConfig = serde_saphyr::from_str(PATTERN).unwrap();
        p.validate("p.yml").unwrap();
        assert_eq!(p.oscillator.period_micros(), 3_600_000_000);
        assert_eq!(p.randomizer.sampling, 1024);
        assert_eq!(
            p.spreader,
            SpreaderConfig::Beta(BetaParams { a: 5.0, b: 5.0 })
        );
        assert_eq!(p.randomizer.factor_range(), (0.8, 1.2));

        let bad = PATTERN.replace("{a: 5, b: 5}", "{a: 0, b: 5}");
        let p: TimePatternConfig = serde_saphyr::from_str(&bad).unwrap();
        assert_eq!(
            p.validate("p.yml").unwrap_err().message,
            "time_patterns[p.yml].spreader.parameters.a: must be greater than 0 (got 0)"
        );
        let bad = PATTERN.replace(
            "distribution: beta\n  parameters: {a: 5, b: 5}",
            "distribution: triangular\n  parameters: {left: 0.5, mode: 0.2, right: 1}",
        );
        let p: TimePatternConfig = serde_saphyr::from_str(&bad).unwrap();
        assert!(
            p.validate("p.yml")
                .unwrap_err()
                .message
                .contains("left <= mode <= right")
        );
        let bad = PATTERN.replace(
            "distribution: beta\n  parameters: {a: 5, b: 5}",
            "distribution: uniform\n  parameters: {low: 0.5, high: 0.5}",
        );
        let p: TimePatternConfig = serde_saphyr::from_str(&bad).unwrap();
        assert!(
            p.validate("p.yml")
                .unwrap_err()
                .message
                .contains("`low` must be below `high`")
        );
        let bad = PATTERN
            .replace("sampling", "x")
            .replace("direction: mixed", "direction: up");
        assert!(serde_saphyr::from_str::<TimePatternConfig>(&bad).is_err());
        let bad = PATTERN.replace("deviation: 0.2", "deviation: 1.5");
        let p: TimePatternConfig = serde_saphyr::from_str(&bad).unwrap();
        assert_eq!(
            p.validate("p.yml").unwrap_err().message,
            "time_patterns[p.yml].randomizer.deviation: must be between 0 and 1 (got 1.5)"
        );
        let bad = PATTERN.replace("{a: 5, b: 5}", "{a: 5, b: 5, c: 1}");
        assert!(serde_saphyr::from_str::<TimePatternConfig>(&bad).is_err());
    }

    #[test]
    fn time_pattern_from_json() {
        let p: TimePatternConfig = serde_json::from_value(json!({
            "label": "x",
            "oscillator": {"period": 0.5, "unit": "seconds", "start": "now", "end": "+1m"},
            "multiplier": {"ratio": 1},
            "randomizer": {"deviation": 0, "direction": "decrease", "sampling": 16},
            "spreader": {"distribution": "uniform", "parameters": {"low": 0, "high": 1}}
        }))
        .unwrap();
        p.validate("x").unwrap();
        assert_eq!(p.oscillator.period_micros(), 500_000);
    }
}
