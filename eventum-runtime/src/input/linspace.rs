//! The `linspace` input (spec §5.4): `numpy.linspace(0, 1, count, endpoint)`
//! scaled to `end − start` microseconds and added to `start`, truncating
//! fractions of a microsecond as numpy's `timedelta64 × float` does.
//! Everything is computed up front, as in Eventum. With skip-past only the
//! timestamps strictly after now are kept.

use super::config::LinspaceConfig;
use super::versatile::{self, NoneStart};
use super::{InputContext, InputError, TimestampSource};

/// Evenly spaced timestamps.
#[derive(Debug, Clone)]
pub struct LinspaceSource {
    values: Vec<i64>,
    pos: usize,
}

impl LinspaceSource {
    /// The source for `config`, with its range resolved against `ctx.now`.
    pub fn new(config: &LinspaceConfig, ctx: &InputContext) -> Result<Self, InputError> {
        let (start, end) = versatile::resolve_range(
            Some(&config.start),
            Some(&config.end),
            &ctx.zone,
            ctx.now,
            NoneStart::Now,
        )
        .map_err(|e| InputError::new(format!("linspace: {e}")))?;
        let count = usize::try_from(config.count)
            .ok()
            .filter(|&c| c > 0)
            .ok_or_else(|| {
                InputError::field(
                    "linspace",
                    "count",
                    format!("must be at least 1 (got {})", config.count),
                )
            })?;
        let mut values = linspace(start, end, count, config.endpoint);
        if ctx.skip_past {
            let first_future = values.partition_point(|&t| t <= ctx.now);
            values.drain(..first_future);
        }
        Ok(Self { values, pos: 0 })
    }
}

/// `start + trunc((end − start) · linspace(0, 1, count, endpoint)[k])`.
pub fn linspace(start: i64, end: i64, count: usize, endpoint: bool) -> Vec<i64> {
    let span = (end - start) as f64;
    let div = if endpoint { count - 1 } else { count };
    if div == 0 {
        // numpy: a single point with endpoint=True is the start.
        return vec![start; count.min(1)];
    }
    let step = 1.0 / div as f64;
    (0..count)
        .map(|k| {
            let fraction = if endpoint && k == count - 1 {
                1.0
            } else {
                k as f64 * step
            };
            start + (span * fraction) as i64
        })
        .collect()
}

impl TimestampSource for LinspaceSource {
    fn fill(&mut self, max: usize, out: &mut Vec<i64>) -> bool {
        let end = self.values.len().min(self.pos + max);
        out.extend_from_slice(&self.values[self.pos..end]);
        self.pos = end;
        self.pos < self.values.len()
    }

    fn is_unbounded(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::test_util::{at, ctx, drain};

    fn config(start: &str, end: &str, count: i64, endpoint: bool) -> LinspaceConfig {
        LinspaceConfig {
            start: start.into(),
            end: end.into(),
            count,
            endpoint,
            tags: vec![],
        }
    }

    #[test]
    fn endpoint_true_and_false() {
        let t0 = at("2026-01-01T00:00:00Z");
        let c = config("2026-01-01T00:00:00Z", "2026-01-01T00:00:10Z", 3, true);
        assert_eq!(
            drain(&mut LinspaceSource::new(&c, &ctx(0)).unwrap()),
            vec![t0, t0 + 5_000_000, t0 + 10_000_000]
        );
        let c = config("2026-01-01T00:00:00Z", "2026-01-01T00:00:10Z", 4, false);
        assert_eq!(
            drain(&mut LinspaceSource::new(&c, &ctx(0)).unwrap()),
            vec![t0, t0 + 2_500_000, t0 + 5_000_000, t0 + 7_500_000]
        );
        let c = config("2026-01-01T00:00:00Z", "2026-01-01T00:00:10Z", 1, true);
        assert_eq!(
            drain(&mut LinspaceSource::new(&c, &ctx(0)).unwrap()),
            vec![t0]
        );
    }

    #[test]
    fn truncates_to_microseconds() {
        // 1 s in thirds: 333333.33 → 333333, 666666.67 → 666666.
        assert_eq!(
            linspace(0, 1_000_000, 4, true),
            vec![0, 333_333, 666_666, 1_000_000]
        );
        assert_eq!(linspace(0, 1_000_000, 3, false), vec![0, 333_333, 666_666]);
        // Truncation is toward zero for negative spans (start > end cannot be
        // configured, but the arithmetic matches numpy's C cast).
        assert_eq!(
            linspace(0, -1_000_000, 4, true),
            vec![0, -333_333, -666_666, -1_000_000]
        );
    }

    #[test]
    fn skip_past_keeps_strictly_future() {
        let mut live = ctx(at("2026-01-01T00:00:05Z"));
        live.live_mode = true;
        live.skip_past = true;
        let c = config("2026-01-01T00:00:00Z", "2026-01-01T00:00:10Z", 3, true);
        assert_eq!(
            drain(&mut LinspaceSource::new(&c, &live).unwrap()),
            vec![at("2026-01-01T00:00:10Z")]
        );
    }

    #[test]
    fn relative_range() {
        let now = at("2026-01-01T12:00:00Z");
        let c = config("now", "+1h", 2, true);
        assert_eq!(
            drain(&mut LinspaceSource::new(&c, &ctx(now)).unwrap()),
            vec![now, now + 3_600_000_000]
        );
    }
}
