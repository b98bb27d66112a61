//! The `linspace` input (spec §5.4): `numpy.linspace(0, 1, count, endpoint)`
//! scaled to `end − start` microseconds and added to `start`, truncating
//! fractions of a microsecond as numpy's `timedelta64 × float` does.
//! The values are computed as they are read (a run of ten million
//! timestamps would otherwise hold them all); they are the ones Eventum
//! computes up front. With skip-past only the timestamps strictly after now
//! are kept.

use super::config::LinspaceConfig;
use super::versatile::{self, NoneStart};
use super::{InputContext, InputError, TimestampSource};

/// Evenly spaced timestamps.
#[derive(Debug, Clone)]
pub struct LinspaceSource {
    points: Linspace,
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
        let points = Linspace::new(start, end, count, config.endpoint);
        let mut pos = 0;
        if ctx.skip_past {
            // The points never decrease (the range is checked: start <= end).
            let (mut lo, mut hi) = (0, points.len());
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if points.get(mid) <= ctx.now {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            pos = lo;
        }
        Ok(Self { points, pos })
    }
}

/// `numpy.linspace` over microseconds, point by point.
#[derive(Debug, Clone, Copy)]
struct Linspace {
    start: i64,
    span: f64,
    step: f64,
    count: usize,
    endpoint: bool,
}

impl Linspace {
    fn new(start: i64, end: i64, count: usize, endpoint: bool) -> Self {
        let div = if endpoint { count - 1 } else { count };
        Self {
            start,
            span: (end - start) as f64,
            // numpy: a single point with endpoint=True is the start.
            step: if div == 0 { 0.0 } else { 1.0 / div as f64 },
            count,
            endpoint,
        }
    }

    fn len(&self) -> usize {
        self.count
    }

    /// `start + trunc((end − start) · linspace(0, 1, count, endpoint)[k])`.
    fn get(&self, k: usize) -> i64 {
        let fraction = if self.endpoint && k == self.count - 1 && self.count > 1 {
            1.0
        } else {
            k as f64 * self.step
        };
        self.start + (self.span * fraction) as i64
    }
}

/// All the points of `numpy.linspace` over microseconds (see [`LinspaceSource`]).
pub fn linspace(start: i64, end: i64, count: usize, endpoint: bool) -> Vec<i64> {
    let points = Linspace::new(start, end, count, endpoint);
    (0..count).map(|k| points.get(k)).collect()
}

impl TimestampSource for LinspaceSource {
    fn fill(&mut self, max: usize, out: &mut Vec<i64>) -> bool {
        let end = self.points.len().min(self.pos + max);
        out.extend((self.pos..end).map(|k| self.points.get(k)));
        self.pos = end;
        self.pos < self.points.len()
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
    fn points_read_in_chunks_are_the_whole_linspace() {
        for (count, endpoint) in [
            (1, true),
            (1, false),
            (7, true),
            (1000, false),
            (1001, true),
        ] {
            let all = linspace(0, 1_000_000_007, count, endpoint);
            let mut source = LinspaceSource {
                points: Linspace::new(0, 1_000_000_007, count, endpoint),
                pos: 0,
            };
            let mut read = Vec::new();
            while source.fill(97, &mut read) {}
            assert_eq!(read, all, "{count} {endpoint}");
        }
        // Ten million points take no memory up front.
        let c = config(
            "2026-01-01T00:00:00Z",
            "2026-01-24T03:33:20Z",
            10_000_000,
            false,
        );
        let source = LinspaceSource::new(&c, &ctx(0)).unwrap();
        assert_eq!(source.points.get(9_999_999), at("2026-01-24T03:33:19.800Z"));
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
