//! Cutting the merged timestamp stream into batches (spec §5.10, Eventum's
//! `TimestampsBatcher`).
//!
//! * `size` only: batches of exactly `size` (the last may be partial).
//! * `delay` given: the delay is measured in **timestamp time**. A batch
//!   starts at its first timestamp `t0` and holds the timestamps
//!   `< t0 + delay`, capped at `size` if one is set; the rest starts the next
//!   batch. Cron at 1 s with `count: 5` and the default delay 1.0 gives
//!   batches of 5 (one tick each).
//!
//! The batcher pulls chunks from its source (a [`crate::input::Merger`],
//! whose chunks have `size` timestamps, or 10 000 when only a delay is set)
//! and follows Eventum's chunk-by-chunk algorithm exactly, including one
//! detail: a timestamp equal to `t0 + delay` joins the batch when it ends
//! the chunk it came in (Eventum only searches for the cut when the chunk
//! goes past `t0 + delay`).
//!
//! **Lax mode** (the interactive `http` group) does not wait for more
//! chunks: every chunk the source delivers (one request's worth for http) is
//! cut by the size and delay rules and all of it is released at once, so
//! timestamps never sit in the batcher while the source blocks.

use serde::Deserialize;
use std::collections::VecDeque;
use std::fmt;

/// The `batch` generation parameters.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchConfig {
    /// Maximum timestamps per batch (≥ 1).
    #[serde(default)]
    pub size: Option<usize>,
    /// Maximum span of a batch in seconds of timestamp time (≥ 0.1).
    #[serde(default)]
    pub delay: Option<f64>,
}

impl Default for BatchConfig {
    /// Eventum's defaults: size 10 000 and delay 1.0.
    fn default() -> Self {
        Self {
            size: Some(10_000),
            delay: Some(1.0),
        }
    }
}

/// An invalid `batch` setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchError(pub String);

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BatchError {}

impl BatchConfig {
    /// Applies Eventum's default rule (neither given: size 10 000 and delay
    /// 1.0; only one given: the other stays unset) and checks the ranges.
    pub fn resolve(self) -> Result<Self, BatchError> {
        let resolved = if self.size.is_none() && self.delay.is_none() {
            Self::default()
        } else {
            self
        };
        if resolved.size == Some(0) {
            return Err(BatchError(
                "batch.size: must be at least 1 (got 0)".to_owned(),
            ));
        }
        if let Some(delay) = resolved.delay
            && !(delay >= 0.1 && delay.is_finite())
        {
            return Err(BatchError(format!(
                "batch.delay: must be at least 0.1 (got {delay})"
            )));
        }
        Ok(resolved)
    }

    /// The chunk size the source is pulled with: `size`, or 10 000.
    pub fn pull_size(&self) -> usize {
        self.size.unwrap_or(10_000)
    }
}

/// Batches of `(timestamp, plugin id)` cut from a stream of chunks.
#[derive(Debug)]
pub struct Batcher<I> {
    source: I,
    size: Option<usize>,
    delay: Option<i64>,
    lax: bool,
    /// The batch being accumulated.
    batch: Vec<(i64, u16)>,
    /// End (exclusive, in timestamp time) of the current delay window.
    latest: Option<i64>,
    /// The unconsumed part of the last chunk (delay mode).
    carry: Option<(Vec<(i64, u16)>, usize)>,
    /// Finished batches not yet returned.
    ready: VecDeque<Vec<(i64, u16)>>,
    exhausted: bool,
}

impl<I: Iterator<Item = Vec<(i64, u16)>>> Batcher<I> {
    /// A batcher over `source` with a resolved `config` (see
    /// [`BatchConfig::resolve`]); `lax` for the interactive group.
    pub fn new(source: I, config: BatchConfig, lax: bool) -> Self {
        Self {
            source,
            size: config.size.map(|s| s.max(1)),
            // Python's timedelta(seconds=x) rounds to the microsecond.
            delay: config.delay.map(|d| (d * 1e6).round_ties_even() as i64),
            lax,
            batch: Vec::new(),
            latest: None,
            carry: None,
            ready: VecDeque::new(),
            exhausted: false,
        }
    }

    /// Size-only batching of one more chunk.
    fn push_without_delay(&mut self, chunk: Vec<(i64, u16)>, size: usize) {
        self.batch.extend(chunk);
        if self.batch.len() >= size || self.lax {
            let mut rest = std::mem::take(&mut self.batch);
            let keep_partial = !rest.len().is_multiple_of(size) && !self.lax;
            let tail = if keep_partial {
                rest.split_off(rest.len() - rest.len() % size)
            } else {
                Vec::new()
            };
            let mut it = rest.into_iter().peekable();
            while it.peek().is_some() {
                self.ready.push_back(it.by_ref().take(size).collect());
            }
            self.batch = tail;
        }
    }

    /// One step of Eventum's `_iterate_with_delay`; false once the source
    /// is exhausted.
    fn step_with_delay(&mut self, delay: i64) -> bool {
        let (chunk, start) = match self.carry.take() {
            Some(c) => c,
            None => match self.source.next() {
                Some(c) if c.is_empty() => return true,
                Some(c) => (c, 0),
                None => return false,
            },
        };
        let rest = &chunk[start..];
        let latest = *self.latest.get_or_insert(rest[0].0 + delay);
        let last = rest[rest.len() - 1].0;
        let by_delay = if latest < last {
            rest.partition_point(|&(t, _)| t < latest)
        } else {
            rest.len()
        };
        let by_size = match self.size {
            Some(size) if self.batch.len() + rest.len() >= size => size - self.batch.len(),
            _ => rest.len(),
        };
        let cut = by_delay.min(by_size);
        if cut >= rest.len() && !self.lax {
            self.batch.extend_from_slice(rest);
        } else {
            self.batch.extend_from_slice(&rest[..cut]);
            if cut < rest.len() {
                self.carry = Some((chunk, start + cut));
            }
            self.ready.push_back(std::mem::take(&mut self.batch));
            self.latest = None;
        }
        true
    }
}

impl<I: Iterator<Item = Vec<(i64, u16)>>> Iterator for Batcher<I> {
    type Item = Vec<(i64, u16)>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(batch) = self.ready.pop_front() {
                return Some(batch);
            }
            if self.exhausted {
                return None;
            }
            let more = match self.delay {
                Some(delay) => self.step_with_delay(delay),
                None => match self.source.next() {
                    Some(chunk) => {
                        self.push_without_delay(chunk, self.size.unwrap_or(10_000));
                        true
                    }
                    None => false,
                },
            };
            if !more {
                self.exhausted = true;
                if !self.batch.is_empty() {
                    self.ready.push_back(std::mem::take(&mut self.batch));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::cron::CronSource;
    use crate::input::{Merger, TimestampSource};

    const S: i64 = 1_000_000;

    fn ids(v: &[i64]) -> Vec<(i64, u16)> {
        v.iter().map(|&t| (t, 1)).collect()
    }

    fn sizes(batches: &[Vec<(i64, u16)>]) -> Vec<usize> {
        batches.iter().map(Vec::len).collect()
    }

    fn run(
        chunks: Vec<Vec<i64>>,
        size: Option<usize>,
        delay: Option<f64>,
        lax: bool,
    ) -> Vec<Vec<(i64, u16)>> {
        let config = BatchConfig { size, delay }.resolve().unwrap();
        Batcher::new(chunks.into_iter().map(|c| ids(&c)), config, lax).collect()
    }

    #[test]
    fn resolve_rules() {
        let both = BatchConfig {
            size: None,
            delay: None,
        }
        .resolve()
        .unwrap();
        assert_eq!(
            both,
            BatchConfig {
                size: Some(10_000),
                delay: Some(1.0)
            }
        );
        let size = BatchConfig {
            size: Some(5),
            delay: None,
        }
        .resolve()
        .unwrap();
        assert_eq!(
            size,
            BatchConfig {
                size: Some(5),
                delay: None
            }
        );
        assert_eq!(size.pull_size(), 5);
        let delay = BatchConfig {
            size: None,
            delay: Some(0.5),
        }
        .resolve()
        .unwrap();
        assert_eq!(delay.pull_size(), 10_000);
        assert_eq!(
            BatchConfig {
                size: Some(0),
                delay: None
            }
            .resolve()
            .unwrap_err()
            .0,
            "batch.size: must be at least 1 (got 0)"
        );
        assert_eq!(
            BatchConfig {
                size: None,
                delay: Some(0.05)
            }
            .resolve()
            .unwrap_err()
            .0,
            "batch.delay: must be at least 0.1 (got 0.05)"
        );
        let from_json: BatchConfig =
            serde_json::from_value(serde_json::json!({"size": 3})).unwrap();
        assert_eq!(
            from_json.resolve().unwrap(),
            BatchConfig {
                size: Some(3),
                delay: None
            }
        );
    }

    #[test]
    fn size_only_exact_chunks() {
        let b = run(
            vec![(0..7).collect(), (7..12).collect()],
            Some(5),
            None,
            false,
        );
        assert_eq!(sizes(&b), [5, 5, 2]);
        let ts: Vec<i64> = b.concat().iter().map(|p| p.0).collect();
        assert_eq!(ts, (0..12).collect::<Vec<_>>());
    }

    fn cron_batches(end: Option<&str>, batch: BatchConfig, take: usize) -> Vec<Vec<(i64, u16)>> {
        let config: crate::input::config::CronConfig = serde_json::from_value(serde_json::json!({
            "expression": "* * * * * *", "count": 5, "start": "2026-01-01T00:00:00Z", "end": end
        }))
        .unwrap();
        let source = CronSource::new(&config, 1, &crate::input::test_util::ctx(0)).unwrap();
        let batch = batch.resolve().unwrap();
        let merger = Merger::new(
            vec![(1, Box::new(source) as Box<dyn TimestampSource>)],
            batch.pull_size(),
        );
        Batcher::new(merger, batch, false).take(take).collect()
    }

    #[test]
    fn delay_only_cron_count_5_gives_one_tick_per_batch() {
        // Spec §5.10: cron at 1 s with count 5 and delay 1.0 -> batches of 5.
        let delay = BatchConfig {
            size: None,
            delay: Some(1.0),
        };
        let batches = cron_batches(None, delay, 300);
        assert_eq!(sizes(&batches), [5; 300]);
        for (k, b) in batches.iter().enumerate() {
            let t = crate::input::test_util::at("2026-01-01T00:00:00Z") + k as i64 * S;
            assert!(b.iter().all(|&p| p == (t, 1)));
        }
        // The defaults (size 10000, delay 1.0) give the same.
        let defaults = BatchConfig {
            size: None,
            delay: None,
        };
        assert_eq!(sizes(&cron_batches(None, defaults, 300)), [5; 300]);
        // Eventum's chunk-end detail: the source is pulled 10000 at a time,
        // and a tick exactly one delay after a batch's start that ends a
        // chunk joins that batch. Ticks 1998 and 1999 close the first chunk.
        let around = cron_batches(None, delay, 2001);
        assert_eq!(sizes(&around[1996..]), [5, 5, 10, 5, 5]);
        // The same happens to the last two ticks of a finite range.
        let finite = cron_batches(Some("2026-01-01T00:00:09Z"), delay, 100);
        assert_eq!(sizes(&finite), [5, 5, 5, 5, 5, 5, 5, 5, 10]);
    }

    #[test]
    fn delay_windows_in_timestamp_time() {
        // Timestamps at 0, 0.4, 0.9, 1.0, 1.2, 2.5 s; delay 1 s.
        let ts = vec![0, 4 * S / 10, 9 * S / 10, S, 12 * S / 10, 25 * S / 10];
        let b = run(vec![ts], None, Some(1.0), false);
        let secs: Vec<Vec<i64>> = b.iter().map(|x| x.iter().map(|p| p.0).collect()).collect();
        assert_eq!(
            secs,
            vec![
                vec![0, 4 * S / 10, 9 * S / 10],
                vec![S, 12 * S / 10],
                vec![25 * S / 10]
            ]
        );
    }

    #[test]
    fn delay_and_size() {
        // The second batch starts at its own first timestamp (3 µs), so it
        // reaches past `S`.
        let b = run(
            vec![vec![0, 1, 2, 3, 4, S, S + 1]],
            Some(3),
            Some(1.0),
            false,
        );
        assert_eq!(sizes(&b), [3, 3, 1]);
    }

    #[test]
    fn delay_across_chunks() {
        // The window spans chunk boundaries; accumulated parts join the batch.
        let b = run(
            vec![vec![0, 1], vec![2, S / 2], vec![S, S + 1]],
            None,
            Some(1.0),
            false,
        );
        assert_eq!(sizes(&b), [4, 2]);
        // Eventum's detail: t0 + delay itself joins when it ends its chunk...
        let b = run(vec![vec![0, S], vec![2 * S]], None, Some(1.0), false);
        assert_eq!(sizes(&b), [2, 1]);
        // ...but not when the chunk goes on past it.
        let b = run(vec![vec![0, S, 2 * S, 3 * S]], None, Some(1.0), false);
        assert_eq!(sizes(&b), [1, 1, 2]);
    }

    #[test]
    fn lax_releases_every_chunk() {
        let b = run(
            vec![vec![0, 1], vec![2], vec![3, 4, 5]],
            Some(2),
            None,
            true,
        );
        assert_eq!(sizes(&b), [2, 1, 2, 1]);
        let b = run(
            vec![vec![0, 1], vec![2], vec![3, 2 * S]],
            None,
            Some(1.0),
            true,
        );
        assert_eq!(sizes(&b), [2, 1, 1, 1]);
        let b = run(vec![vec![0, 1], vec![2]], Some(10), Some(1.0), false);
        assert_eq!(sizes(&b), [3]);
    }
}
