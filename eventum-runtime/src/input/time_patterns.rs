//! The `time_patterns` input (spec §5.7): traffic shaped by YAML pattern
//! files, each an oscillator (period and range), a multiplier (events per
//! period), a randomizer (per-period factors) and a spreader (where the
//! events fall inside a period).
//!
//! Per pattern: a pool of `sampling` factors is drawn once, uniform in
//! `[1 − dev, 1]`, `[1, 1 + dev]` or `[1 − dev, 1 + dev]`; the pool is read
//! in order and reshuffled after each pass. For each period starting at `p`
//! (from `start`, while `p < end`), `n = int(ratio · factor)` values are
//! drawn from the spreader's distribution on [0, 1], sorted, and emitted as
//! `p + trunc(value · period)`; points after `end` are dropped. With
//! skip-past, `start` moves to the last period boundary at or before now and
//! the first period keeps only points after now. Several files are merged
//! like several input plugins.
//!
//! Periods are added in UTC (Eventum adds them in wall time; the two differ
//! only across a daylight-saving change). Randomness comes from the run's
//! seed, so a seeded run is reproducible; numpy's streams are not.

use super::config::{SpreaderConfig, TimePatternConfig, TimePatternsConfig};
use super::merge::Merger;
use super::versatile::{self, NoneStart};
use super::{InputContext, InputError, TimestampSource};
use crate::rng::FastRng;
use rand_distr::{Beta, Distribution, Triangular};
use serde_json::{Map, Value};
use std::path::Path;

/// Seeds the randomizer pools and spreaders.
const TIME_PATTERNS_SEED: u64 = 0x7135_9A77_E245_0002;

/// The spreader's distribution on [0, 1].
#[derive(Debug, Clone, Copy)]
enum Spread {
    Uniform { low: f64, high: f64 },
    Triangular(Triangular<f64>),
    Beta(Beta<f64>),
}

impl Spread {
    fn sample(&self, rng: &FastRng) -> f64 {
        match self {
            Self::Uniform { low, high } => low + (high - low) * rng.next_f64(),
            Self::Triangular(d) => d.sample(&mut &*rng),
            Self::Beta(d) => d.sample(&mut &*rng),
        }
    }
}

/// The timestamps of one pattern file.
#[derive(Debug)]
pub struct PatternSource {
    rng: FastRng,
    spread: Spread,
    ratio: f64,
    factors: Vec<f64>,
    next_factor: usize,
    period: i64,
    /// Start of the next period.
    cursor: i64,
    end: i64,
    /// With skip-past: the first period keeps only points after this.
    first_after: Option<i64>,
    /// Points of the current period not yet handed out.
    buffer: Vec<i64>,
    taken: usize,
}

impl PatternSource {
    /// The source for one validated pattern, drawing from `rng`.
    pub fn new(
        config: &TimePatternConfig,
        rng: FastRng,
        ctx: &InputContext,
    ) -> Result<Self, InputError> {
        let osc = &config.oscillator;
        let (mut start, end) = versatile::resolve_range(
            Some(&osc.start),
            Some(&osc.end),
            &ctx.zone,
            ctx.now,
            NoneStart::Now,
        )
        .map_err(|e| InputError::new(format!("time_patterns[{}]: {e}", config.label)))?;
        let period = osc.period_micros();
        if period < 1 {
            return Err(InputError::field(
                &format!("time_patterns[{}]", config.label),
                "oscillator.period",
                "is shorter than one microsecond",
            ));
        }
        let spread = match &config.spreader {
            SpreaderConfig::Uniform(u) => Spread::Uniform {
                low: u.low,
                high: u.high,
            },
            SpreaderConfig::Triangular(t) => {
                Spread::Triangular(Triangular::new(t.left, t.right, t.mode).map_err(|e| {
                    InputError::new(format!("time_patterns[{}].spreader: {e}", config.label))
                })?)
            }
            SpreaderConfig::Beta(b) => Spread::Beta(Beta::new(b.a, b.b).map_err(|e| {
                InputError::new(format!("time_patterns[{}].spreader: {e}", config.label))
            })?),
        };
        let (low, high) = config.randomizer.factor_range();
        let sampling = usize::try_from(config.randomizer.sampling)
            .unwrap_or(1024)
            .max(1);
        let factors = (0..sampling)
            .map(|_| low + (high - low) * rng.next_f64())
            .collect();
        let mut first_after = None;
        if ctx.skip_past {
            if ctx.now > start {
                start += (ctx.now - start) / period * period;
            }
            first_after = Some(ctx.now);
        }
        Ok(Self {
            rng,
            spread,
            ratio: config.multiplier.ratio as f64,
            factors,
            next_factor: 0,
            period,
            cursor: start,
            end,
            first_after,
            buffer: Vec::new(),
            taken: 0,
        })
    }

    /// The next randomizer factor: the pool in order, reshuffled after each pass.
    fn factor(&mut self) -> f64 {
        if self.next_factor == self.factors.len() {
            for i in (1..self.factors.len()).rev() {
                let j = self.rng.index(i + 1);
                self.factors.swap(i, j);
            }
            self.next_factor = 0;
        }
        self.next_factor += 1;
        self.factors[self.next_factor - 1]
    }

    /// Fills the buffer with the next period's points; false when the
    /// range is over.
    fn next_period(&mut self) -> bool {
        if self.cursor >= self.end {
            return false;
        }
        let n = (self.ratio * self.factor()) as usize;
        let mut values: Vec<f64> = (0..n).map(|_| self.spread.sample(&self.rng)).collect();
        values.sort_by(f64::total_cmp);
        let period = self.period as f64;
        let after = self.first_after.take().unwrap_or(i64::MIN);
        self.buffer.clear();
        self.taken = 0;
        self.buffer.extend(
            values
                .into_iter()
                .map(|v| self.cursor + (v * period) as i64)
                .filter(|&t| t > after)
                .take_while(|&t| t <= self.end),
        );
        self.cursor = self.cursor.saturating_add(self.period);
        true
    }
}

impl TimestampSource for PatternSource {
    fn fill(&mut self, max: usize, out: &mut Vec<i64>) -> bool {
        let mut room = max;
        while room > 0 {
            if self.taken == self.buffer.len() && !self.next_period() {
                return false;
            }
            let end = self.buffer.len().min(self.taken + room);
            out.extend_from_slice(&self.buffer[self.taken..end]);
            room -= end - self.taken;
            self.taken = end;
        }
        true
    }

    fn is_unbounded(&self) -> bool {
        false
    }
}

/// The `time_patterns` plugin: its pattern files merged.
#[derive(Debug)]
pub struct TimePatternsSource {
    /// The patterns, until the first `fill` fixes the chunk size.
    patterns: Vec<PatternSource>,
    merger: Option<Merger>,
    /// Leftover of the last merged chunk.
    buffer: Vec<i64>,
    taken: usize,
    unbounded: bool,
}

impl TimePatternsSource {
    /// Loads and validates every pattern file (relative to `base_dir`) of
    /// plugin `id`.
    pub fn new(
        config: &TimePatternsConfig,
        id: u16,
        base_dir: &Path,
        ctx: &InputContext,
    ) -> Result<Self, InputError> {
        config.validate()?;
        let base_rng = FastRng::from_seed(ctx.seed ^ TIME_PATTERNS_SEED);
        let mut patterns = Vec::with_capacity(config.patterns.len());
        let mut unbounded = false;
        for (i, path) in config.patterns.iter().enumerate() {
            let pattern = load_pattern(&base_dir.join(path))?;
            pattern.validate(&path.display().to_string())?;
            unbounded |= pattern.oscillator.end.is_never();
            let rng = base_rng.fork((u64::from(id) << 32) | i as u64);
            patterns.push(PatternSource::new(&pattern, rng, ctx)?);
        }
        Ok(Self {
            patterns,
            merger: None,
            buffer: Vec::new(),
            taken: 0,
            unbounded,
        })
    }
}

impl TimestampSource for TimePatternsSource {
    fn fill(&mut self, max: usize, out: &mut Vec<i64>) -> bool {
        if self.merger.is_none() && self.patterns.len() == 1 {
            return self.patterns[0].fill(max, out);
        }
        let merger = self.merger.get_or_insert_with(|| {
            let sources = std::mem::take(&mut self.patterns)
                .into_iter()
                .enumerate()
                .map(|(i, p)| ((i + 1) as u16, Box::new(p) as Box<dyn TimestampSource>))
                .collect();
            Merger::new(sources, max)
        });
        let mut room = max;
        while room > 0 {
            if self.taken == self.buffer.len() {
                let Some(chunk) = merger.next() else {
                    return false;
                };
                self.buffer.clear();
                self.buffer.extend(chunk.into_iter().map(|(t, _)| t));
                self.taken = 0;
            }
            let end = self.buffer.len().min(self.taken + room);
            out.extend_from_slice(&self.buffer[self.taken..end]);
            room -= end - self.taken;
            self.taken = end;
        }
        true
    }

    fn is_unbounded(&self) -> bool {
        self.unbounded
    }
}

/// Reads a pattern file: YAML, dotted keys expanded, then the model.
pub fn load_pattern(path: &Path) -> Result<TimePatternConfig, InputError> {
    let shown = path.display();
    let text = std::fs::read_to_string(path)
        .map_err(|e| InputError::new(format!("time_patterns: cannot read `{shown}`: {e}")))?;
    let value: Value = serde_saphyr::from_str(&text)
        .map_err(|e| InputError::new(format!("time_patterns: cannot parse `{shown}`: {e}")))?;
    let value = expand_dotted_keys(value)
        .map_err(|e| InputError::new(format!("time_patterns: `{shown}`: {e}")))?;
    serde_json::from_value(value)
        .map_err(|e| InputError::new(format!("time_patterns: bad pattern in `{shown}`: {e}")))
}

/// Eventum's dotted-key expansion (spec §2.2 step 8): `{"a.b": 1}` becomes
/// `{"a": {"b": 1}}` at every depth; both spellings deep-merge; setting a
/// leaf twice or writing into a non-mapping is an error; a key with an empty
/// segment (`a.`, `.b`) stays as it is.
fn expand_dotted_keys(value: Value) -> Result<Value, String> {
    match value {
        Value::Object(map) => {
            let mut out = Map::new();
            for (key, v) in map {
                let v = expand_dotted_keys(v)?;
                let parts: Vec<&str> = key.split('.').collect();
                let path = if parts.len() > 1 && parts.iter().all(|p| !p.is_empty()) {
                    parts
                } else {
                    vec![key.as_str()]
                };
                insert_path(&mut out, &path, v, &key)?;
            }
            Ok(Value::Object(out))
        }
        Value::Array(items) => items
            .into_iter()
            .map(expand_dotted_keys)
            .collect::<Result<_, _>>()
            .map(Value::Array),
        other => Ok(other),
    }
}

fn insert_path(
    map: &mut Map<String, Value>,
    path: &[&str],
    value: Value,
    key: &str,
) -> Result<(), String> {
    let (head, rest) = path.split_first().expect("non-empty path");
    if rest.is_empty() {
        return match map.get_mut(*head) {
            None => {
                map.insert((*head).to_owned(), value);
                Ok(())
            }
            Some(Value::Object(existing)) => match value {
                Value::Object(new) => merge_maps(existing, new, key),
                _ => Err(format!("key `{key}` is set twice")),
            },
            Some(_) => Err(format!("key `{key}` is set twice")),
        };
    }
    match map
        .entry((*head).to_owned())
        .or_insert_with(|| Value::Object(Map::new()))
    {
        Value::Object(inner) => insert_path(inner, rest, value, key),
        _ => Err(format!("cannot set `{key}`: `{head}` is not a mapping")),
    }
}

fn merge_maps(
    dst: &mut Map<String, Value>,
    src: Map<String, Value>,
    key: &str,
) -> Result<(), String> {
    for (k, v) in src {
        match (dst.get_mut(&k), v) {
            (None, v) => {
                dst.insert(k, v);
            }
            (Some(Value::Object(d)), Value::Object(s)) => merge_maps(d, s, key)?,
            _ => return Err(format!("key `{key}.{k}` is set twice")),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::test_util::{at, chunks, ctx, drain};
    use serde_json::json;

    const HOUR: i64 = 3_600_000_000;

    fn pattern(
        spreader: Value,
        deviation: f64,
        direction: &str,
        ratio: i64,
        end: &str,
    ) -> TimePatternConfig {
        serde_json::from_value(json!({
            "label": "test",
            "oscillator": {"period": 1, "unit": "hours", "start": "2026-01-01T00:00:00Z", "end": end},
            "multiplier": {"ratio": ratio},
            "randomizer": {"deviation": deviation, "direction": direction, "sampling": 16},
            "spreader": spreader,
        }))
        .unwrap()
    }

    fn beta() -> Value {
        json!({"distribution": "beta", "parameters": {"a": 5, "b": 5}})
    }

    fn source(p: &TimePatternConfig, seed: u64) -> PatternSource {
        p.validate("test").unwrap();
        PatternSource::new(p, FastRng::from_seed(seed), &ctx(0)).unwrap()
    }

    /// Timestamps per hour since 2026-01-01, and the offsets inside the hour.
    fn per_period(ts: &[i64]) -> Vec<Vec<i64>> {
        let t0 = at("2026-01-01T00:00:00Z");
        let mut out: Vec<Vec<i64>> = Vec::new();
        for &t in ts {
            let k = ((t - t0) / HOUR) as usize;
            if out.len() <= k {
                out.resize(k + 1, Vec::new());
            }
            out[k].push((t - t0) % HOUR);
        }
        out
    }

    #[test]
    fn no_deviation_gives_exactly_ratio_per_period() {
        let p = pattern(beta(), 0.0, "mixed", 300, "+24h");
        let ts = drain(&mut source(&p, 1));
        assert_eq!(ts.len(), 24 * 300);
        assert!(ts.is_sorted());
        let periods = per_period(&ts);
        assert_eq!(periods.len(), 24);
        assert!(periods.iter().all(|p| p.len() == 300));
    }

    #[test]
    fn decrease_stays_within_bounds() {
        let p = pattern(beta(), 0.2, "decrease", 1000, "+48h");
        let periods = per_period(&drain(&mut source(&p, 2)));
        assert_eq!(periods.len(), 48);
        for c in periods.iter().map(Vec::len) {
            assert!((800..=1000).contains(&c), "{c}");
        }
        let distinct: std::collections::BTreeSet<usize> = periods.iter().map(Vec::len).collect();
        assert!(distinct.len() > 10);
        // Increase: counts in [ratio, 1.2·ratio].
        let p = pattern(beta(), 0.2, "increase", 1000, "+48h");
        for c in per_period(&drain(&mut source(&p, 3))).iter().map(Vec::len) {
            assert!((1000..=1200).contains(&c), "{c}");
        }
    }

    #[test]
    fn factor_pool_is_cycled_and_reshuffled() {
        // sampling = 16: every pass over the pool has the same multiset of counts.
        let p = pattern(beta(), 0.9, "mixed", 1000, "+48h");
        let counts: Vec<usize> = per_period(&drain(&mut source(&p, 4)))
            .iter()
            .map(Vec::len)
            .collect();
        let mut a = counts[0..16].to_vec();
        let mut b = counts[16..32].to_vec();
        assert_ne!(a, b, "the pool should be reshuffled");
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b);
    }

    #[test]
    fn points_sorted_and_inside_their_period() {
        let p = pattern(beta(), 0.5, "mixed", 500, "+12h");
        let ts = drain(&mut source(&p, 5));
        assert!(ts.is_sorted());
        for offsets in per_period(&ts) {
            assert!(offsets.iter().all(|&o| (0..HOUR).contains(&o)));
        }
    }

    fn mean_offset(spreader: Value, seed: u64) -> (f64, f64, f64) {
        let p = pattern(spreader, 0.0, "mixed", 20_000, "+1h");
        let ts = drain(&mut source(&p, seed));
        let fr: Vec<f64> = per_period(&ts)[0]
            .iter()
            .map(|&o| o as f64 / HOUR as f64)
            .collect();
        let mean = fr.iter().sum::<f64>() / fr.len() as f64;
        let min = fr.iter().copied().fold(f64::INFINITY, f64::min);
        let max = fr.iter().copied().fold(0.0, f64::max);
        (mean, min, max)
    }

    #[test]
    fn distribution_shapes() {
        let (mean, min, max) = mean_offset(
            json!({"distribution": "uniform", "parameters": {"low": 0.25, "high": 0.75}}),
            6,
        );
        assert!((mean - 0.5).abs() < 0.01, "{mean}");
        assert!(
            min >= 0.25 && max < 0.75 && min < 0.26 && max > 0.74,
            "{min} {max}"
        );
        let (mean, _, _) = mean_offset(
            json!({"distribution": "triangular", "parameters": {"left": 0, "mode": 0, "right": 1}}),
            7,
        );
        assert!((mean - 1.0 / 3.0).abs() < 0.01, "{mean}");
        let (mean, _, max) = mean_offset(
            json!({"distribution": "triangular", "parameters": {"left": 0.2, "mode": 0.5, "right": 0.6}}),
            8,
        );
        assert!((mean - 1.3 / 3.0).abs() < 0.01 && max <= 0.6, "{mean}");
        let (mean, _, _) = mean_offset(
            json!({"distribution": "beta", "parameters": {"a": 2, "b": 5}}),
            9,
        );
        assert!((mean - 2.0 / 7.0).abs() < 0.01, "{mean}");
    }

    #[test]
    fn points_after_end_are_dropped() {
        let p = pattern(
            json!({"distribution": "uniform", "parameters": {"low": 0, "high": 1}}),
            0.0,
            "mixed",
            1000,
            "+1h30m",
        );
        let ts = drain(&mut source(&p, 10));
        let end = at("2026-01-01T01:30:00Z");
        assert!(ts.iter().all(|&t| t <= end));
        let periods = per_period(&ts);
        assert_eq!(periods.len(), 2);
        assert_eq!(periods[0].len(), 1000);
        // About half of the second period survives.
        assert!(
            (400..600).contains(&periods[1].len()),
            "{}",
            periods[1].len()
        );
    }

    #[test]
    fn skip_past_moves_to_the_current_period() {
        let p = pattern(
            json!({"distribution": "uniform", "parameters": {"low": 0, "high": 1}}),
            0.0,
            "mixed",
            1000,
            "+3h",
        );
        let mut live = ctx(at("2026-01-01T01:15:00Z"));
        live.live_mode = true;
        live.skip_past = true;
        let ts = drain(&mut PatternSource::new(&p, FastRng::from_seed(11), &live).unwrap());
        let periods = per_period(&ts);
        assert!(periods[0].is_empty());
        // The current period (01:00-02:00) keeps only points after 01:15.
        assert!(
            (650..850).contains(&periods[1].len()),
            "{}",
            periods[1].len()
        );
        assert!(ts[0] > at("2026-01-01T01:15:00Z"));
        assert_eq!(periods[2].len(), 1000);
        assert_eq!(periods.len(), 3);
    }

    fn temp_dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("eventum-tp-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn plugin_merges_pattern_files() {
        let dir = temp_dir("merge");
        let file = |ratio: i64, dist: &str| {
            format!(
                "label: p\noscillator.period: 1\noscillator.unit: hours\noscillator:\n  start: '2026-01-01T00:00:00Z'\n  end: +2h\nmultiplier: {{ratio: {ratio}}}\nrandomizer: {{deviation: 0, direction: mixed}}\nspreader:\n  distribution: {dist}\n"
            )
        };
        std::fs::write(
            dir.join("a.yml"),
            file(100, "uniform\n  parameters: {low: 0, high: 1}"),
        )
        .unwrap();
        std::fs::write(
            dir.join("b.yml"),
            file(50, "beta\n  parameters: {a: 2, b: 2}"),
        )
        .unwrap();
        let config = TimePatternsConfig {
            patterns: vec!["a.yml".into(), "b.yml".into()],
            tags: vec![],
        };
        let mut s = TimePatternsSource::new(&config, 1, &dir, &ctx(0)).unwrap();
        assert!(!s.is_unbounded());
        let parts = chunks(&mut s, 64);
        let sizes: Vec<usize> = parts.iter().map(Vec::len).collect();
        assert_eq!(sizes, [64, 64, 64, 64, 44]);
        let ts = parts.concat();
        assert_eq!(ts.len(), 300);
        assert!(ts.is_sorted());
        // Same seed, same output.
        let again = drain(&mut TimePatternsSource::new(&config, 1, &dir, &ctx(0)).unwrap());
        assert_eq!(again, ts);

        // Errors name the file.
        std::fs::write(
            dir.join("bad.yml"),
            "label: p\noscillator: 5\noscillator.period: 1\n",
        )
        .unwrap();
        let config = TimePatternsConfig {
            patterns: vec!["bad.yml".into()],
            tags: vec![],
        };
        let err = TimePatternsSource::new(&config, 1, &dir, &ctx(0)).unwrap_err();
        assert!(err.message.contains("bad.yml"), "{err}");
        assert!(err.message.contains("not a mapping"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn dotted_keys() {
        let v = expand_dotted_keys(json!({"a.b": 1, "a": {"c": 2}, "x.": 3, "l": [{"p.q": 4}]}))
            .unwrap();
        assert_eq!(
            v,
            json!({"a": {"b": 1, "c": 2}, "x.": 3, "l": [{"p": {"q": 4}}]})
        );
        assert!(expand_dotted_keys(json!({"a.b": 1, "a": {"b": 2}})).is_err());
        assert!(expand_dotted_keys(json!({"a": 1, "a.b": 2})).is_err());
    }
}
