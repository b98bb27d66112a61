//! The `timer` input (spec §5.3): ticks `t0 + k·seconds` for k = 1, 2, …
//! (the first tick one interval after `t0`), each repeated `count` times.
//!
//! Without skip-past, `t0 = start` and `k` runs to `repeat` (or forever).
//! With skip-past, `t0` is the first boundary `start + j·seconds` at or
//! after now (`start` itself if it is still ahead), `j` periods count as
//! skipped and `k` runs to `repeat − j`; Eventum's quirk is kept: the first
//! tick after a skip is one period after that future boundary.
//!
//! Intervals are added in UTC. (Eventum adds them to zone-aware datetimes,
//! i.e. in wall time, which differs only across a daylight-saving change.)

use super::config::TimerConfig;
use super::versatile;
use super::{InputContext, InputError, MICROS, Repeated, TimestampSource};

/// Ticks of a timer.
#[derive(Debug, Clone)]
pub struct TimerSource {
    t0: i64,
    interval: i64,
    /// Next value of `k`.
    k: u64,
    /// Last value of `k`, or `None` for an endless timer.
    last_k: Option<u64>,
    /// Python's `datetime.max`: an endless timer stops when it overflows.
    cap: i64,
    repeated: Repeated,
}

impl TimerSource {
    /// The source for `config`, with `start` resolved against `ctx.now`.
    pub fn new(config: &TimerConfig, ctx: &InputContext) -> Result<Self, InputError> {
        let start = match &config.start {
            Some(v) => v
                .resolve(&ctx.zone, ctx.now, ctx.now)
                .map_err(|e| InputError::field("timer", "start", e))?,
            None => ctx.now,
        };
        // Python's timedelta(seconds=x) rounds to the microsecond, half to even.
        let interval = (config.seconds * MICROS as f64).round_ties_even() as i64;
        if interval <= 0 || !config.seconds.is_finite() {
            return Err(InputError::field(
                "timer",
                "seconds",
                format!("must be at least 0.1 (got {})", config.seconds),
            ));
        }
        let count = usize::try_from(config.count)
            .ok()
            .filter(|&c| c > 0)
            .ok_or_else(|| {
                InputError::field(
                    "timer",
                    "count",
                    format!("must be at least 1 (got {})", config.count),
                )
            })?;
        let repeat = match config.repeat {
            Some(r) if r < 1 => {
                return Err(InputError::field(
                    "timer",
                    "repeat",
                    format!("must be at least 1 (got {r})"),
                ));
            }
            r => r.map(|r| r as u64),
        };
        let (t0, skipped) = if ctx.skip_past && ctx.now > start {
            let elapsed = ctx.now - start;
            let j = elapsed / interval + i64::from(elapsed % interval != 0);
            (start.saturating_add(j.saturating_mul(interval)), j as u64)
        } else {
            (start, 0)
        };
        let last_k = repeat.map(|r| r.saturating_sub(skipped));
        let cap = versatile::datetime_max(&ctx.zone);
        Ok(Self {
            t0,
            interval,
            k: 1,
            last_k,
            cap,
            repeated: Repeated::new(count),
        })
    }
}

/// Tick `k` of a timer started at `t0` (then `k` moves on), or `None` past
/// the last `k` or the cap.
fn next_tick(t0: i64, interval: i64, k: &mut u64, last_k: Option<u64>, cap: i64) -> Option<i64> {
    if last_k.is_some_and(|last| *k > last) {
        return None;
    }
    let tick = i64::try_from(*k)
        .ok()
        .and_then(|k| k.checked_mul(interval))
        .and_then(|d| t0.checked_add(d))
        .filter(|&t| t <= cap)?;
    *k += 1;
    Some(tick)
}

impl TimestampSource for TimerSource {
    fn fill(&mut self, max: usize, out: &mut Vec<i64>) -> bool {
        let Self {
            t0,
            interval,
            k,
            last_k,
            cap,
            repeated,
        } = self;
        repeated.fill(max, out, || next_tick(*t0, *interval, k, *last_k, *cap))
    }

    fn is_unbounded(&self) -> bool {
        self.last_k.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::test_util::{at, ctx, drain};

    fn config(start: &str, seconds: f64, count: i64, repeat: Option<i64>) -> TimerConfig {
        TimerConfig {
            start: Some(start.into()),
            seconds,
            count,
            repeat,
            tags: vec![],
        }
    }

    #[test]
    fn first_tick_is_one_interval_after_start() {
        let c = config("2026-01-01T00:00:00Z", 1.5, 2, Some(3));
        let mut s = TimerSource::new(&c, &ctx(0)).unwrap();
        assert!(!s.is_unbounded());
        let t0 = at("2026-01-01T00:00:00Z");
        let ticks = [1_500_000, 3_000_000, 4_500_000].map(|d| t0 + d);
        assert_eq!(
            drain(&mut s),
            vec![ticks[0], ticks[0], ticks[1], ticks[1], ticks[2], ticks[2]]
        );
    }

    #[test]
    fn endless_without_repeat() {
        let now = at("2026-01-01T00:00:00Z");
        let c = TimerConfig {
            start: None,
            seconds: 0.1,
            count: 1,
            repeat: None,
            tags: vec![],
        };
        let mut s = TimerSource::new(&c, &ctx(now)).unwrap();
        assert!(s.is_unbounded());
        let mut out = Vec::new();
        assert!(s.fill(3, &mut out));
        assert_eq!(out, vec![now + 100_000, now + 200_000, now + 300_000]);
    }

    #[test]
    fn skip_past_quirk() {
        // start 00:00:00, every 10 s, 5 repeats, now = 00:00:25.
        let mut live = ctx(at("2026-01-01T00:00:25Z"));
        live.live_mode = true;
        live.skip_past = true;
        let c = config("2026-01-01T00:00:00Z", 10.0, 1, Some(5));
        // First future boundary 00:00:30 (3 periods skipped); 5 - 3 = 2 ticks,
        // the first one period after that boundary.
        assert_eq!(
            drain(&mut TimerSource::new(&c, &live).unwrap()),
            vec![at("2026-01-01T00:00:40Z"), at("2026-01-01T00:00:50Z")]
        );
        // Exactly on a boundary: 00:00:20 is not skipped past (2 periods).
        let mut on = live.clone();
        on.now = at("2026-01-01T00:00:20Z");
        assert_eq!(
            drain(&mut TimerSource::new(&c, &on).unwrap()),
            vec![
                at("2026-01-01T00:00:30Z"),
                at("2026-01-01T00:00:40Z"),
                at("2026-01-01T00:00:50Z")
            ]
        );
        // Everything in the past: nothing.
        let mut late = live.clone();
        late.now = at("2026-01-01T00:01:00Z");
        assert!(drain(&mut TimerSource::new(&c, &late).unwrap()).is_empty());
        // A start in the future is not moved.
        let c = config("2026-01-01T00:01:00Z", 10.0, 1, Some(1));
        assert_eq!(
            drain(&mut TimerSource::new(&c, &live).unwrap()),
            vec![at("2026-01-01T00:01:10Z")]
        );
    }

    #[test]
    fn intervals_round_to_microseconds() {
        let c = config("1970-01-01T00:00:00Z", 0.100_000_5, 1, Some(2));
        // 100000.5 µs rounds half to even: 100000.
        assert_eq!(
            drain(&mut TimerSource::new(&c, &ctx(0)).unwrap()),
            vec![100_000, 200_000]
        );
    }
}
