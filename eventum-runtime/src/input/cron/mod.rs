//! The `cron` input (spec §5.2): `croniter_range(start, end, expression)`
//! with both ends inclusive, each tick repeated `count` times.
//!
//! The cron engine is our own: no crate has croniter's field order (seconds
//! are the 6th field, the year the 7th) and rules. [`parse`] expands an
//! expression into per-field bitsets; [`CronSchedule`] finds the next tick.

mod parse;
mod schedule;

pub use parse::{CronError, CronExpr, parse};
pub use schedule::{CronSchedule, CronTicks};

use super::config::CronConfig;
use super::versatile::{self, NoneStart};
use super::{InputContext, InputError, Repeated, TimestampSource};
use crate::rng::FastRng;
use crate::time::Zone;

/// Seeds the random (`R`) values of cron expressions.
const CRON_SEED: u64 = 0xC207_5EED_0000_0001;

/// Ticks of a cron expression between two instants.
#[derive(Debug)]
pub struct CronSource {
    /// `None` once the range is over.
    ticks: Option<CronTicks>,
    end: i64,
    repeated: Repeated,
    unbounded: bool,
}

impl CronSource {
    /// The source of plugin `id`, with `start`/`end` resolved against
    /// `ctx.now` and skip-past applied (if the whole range is past, nothing;
    /// otherwise the range starts no earlier than now).
    pub fn new(config: &CronConfig, id: u16, ctx: &InputContext) -> Result<Self, InputError> {
        let rng = FastRng::from_seed(ctx.seed ^ CRON_SEED).fork(u64::from(id));
        let expr = parse(&config.expression, &rng)
            .map_err(|e| InputError::field("cron", "expression", e))?;
        let (mut start, end) = versatile::resolve_range(
            config.start.as_ref(),
            config.end.as_ref(),
            &ctx.zone,
            ctx.now,
            NoneStart::Now,
        )
        .map_err(|e| InputError::new(format!("cron: {e}")))?;
        let mut empty = false;
        if ctx.skip_past {
            if end < ctx.now {
                empty = true;
            }
            start = start.max(ctx.now);
        }
        let count = usize::try_from(config.count)
            .ok()
            .filter(|&c| c > 0)
            .ok_or_else(|| {
                InputError::field(
                    "cron",
                    "count",
                    format!("must be greater than 0 (got {})", config.count),
                )
            })?;
        let mut source = Self::with_range(expr, ctx.zone.clone(), start, end, count);
        source.unbounded = config
            .end
            .as_ref()
            .is_none_or(versatile::VersatileDatetime::is_never);
        if empty {
            source.ticks = None;
        }
        Ok(source)
    }

    /// Ticks of `expr` in `zone` from `start` to `end` (UTC microseconds,
    /// both inclusive), each repeated `count` times.
    pub fn with_range(expr: CronExpr, zone: Zone, start: i64, end: i64, count: usize) -> Self {
        Self {
            ticks: (start <= end).then(|| CronSchedule::new(expr, zone).ticks(start, end)),
            end,
            repeated: Repeated::new(count),
            unbounded: false,
        }
    }
}

impl TimestampSource for CronSource {
    fn fill(&mut self, max: usize, out: &mut Vec<i64>) -> bool {
        let (ticks, end) = (&mut self.ticks, self.end);
        self.repeated.fill(max, out, || {
            let tick = ticks.as_mut()?.next().filter(|&t| t <= end);
            if tick.is_none() {
                *ticks = None;
            }
            tick
        })
    }

    fn is_unbounded(&self) -> bool {
        self.unbounded
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::MICROS;
    use crate::input::test_util::{at, chunks, ctx, drain};

    fn config(expression: &str, count: i64, start: Option<&str>, end: Option<&str>) -> CronConfig {
        CronConfig {
            expression: expression.to_owned(),
            count,
            start: start.map(Into::into),
            end: end.map(Into::into),
            tags: vec![],
        }
    }

    #[test]
    fn inclusive_range_and_count() {
        let c = config(
            "* * * * * *",
            2,
            Some("2026-01-01T00:00:00Z"),
            Some("2026-01-01T00:00:02Z"),
        );
        let mut s = CronSource::new(&c, 1, &ctx(0)).unwrap();
        assert!(!s.is_unbounded());
        let t0 = at("2026-01-01T00:00:00Z");
        assert_eq!(
            drain(&mut s),
            vec![
                t0,
                t0,
                t0 + MICROS,
                t0 + MICROS,
                t0 + 2 * MICROS,
                t0 + 2 * MICROS
            ]
        );
    }

    #[test]
    fn seconds_15_and_45() {
        let c = config(
            "* * * * * 15,45",
            1,
            Some("2026-01-01T00:00:00Z"),
            Some("2026-01-01T00:02:00Z"),
        );
        let mut s = CronSource::new(&c, 1, &ctx(0)).unwrap();
        let t0 = at("2026-01-01T00:00:00Z");
        assert_eq!(
            drain(&mut s),
            [15, 45, 75, 105].map(|x| t0 + x * MICROS).to_vec()
        );
    }

    #[test]
    fn chunks_are_exact_until_the_last() {
        // 5 ticks x 3 copies = 15 timestamps in chunks of 4: 4, 4, 4, 3.
        let c = config(
            "* * * * * *",
            3,
            Some("2026-01-01T00:00:00Z"),
            Some("2026-01-01T00:00:04Z"),
        );
        let mut s = CronSource::new(&c, 1, &ctx(0)).unwrap();
        let sizes: Vec<usize> = chunks(&mut s, 4).iter().map(Vec::len).collect();
        assert_eq!(sizes, [4, 4, 4, 3]);
    }

    #[test]
    fn unbounded_without_end() {
        let now = at("2026-01-01T00:00:00.25Z");
        let c = config("* * * * * *", 1, None, None);
        let mut s = CronSource::new(&c, 1, &ctx(now)).unwrap();
        assert!(s.is_unbounded());
        let mut out = Vec::new();
        assert!(s.fill(3, &mut out));
        // Start = now (with a fraction): the first tick is the next whole second.
        let t1 = at("2026-01-01T00:00:01Z");
        assert_eq!(out, vec![t1, t1 + MICROS, t1 + 2 * MICROS]);
    }

    #[test]
    fn skip_past() {
        let now = at("2026-01-01T00:00:10.5Z");
        let mut live = ctx(now);
        live.live_mode = true;
        live.skip_past = true;
        // End in the past: nothing.
        let c = config(
            "* * * * * *",
            1,
            Some("2026-01-01T00:00:00Z"),
            Some("2026-01-01T00:00:05Z"),
        );
        assert!(drain(&mut CronSource::new(&c, 1, &live).unwrap()).is_empty());
        // Otherwise the range starts at now.
        let c = config(
            "* * * * * *",
            1,
            Some("2026-01-01T00:00:00Z"),
            Some("2026-01-01T00:00:12Z"),
        );
        assert_eq!(
            drain(&mut CronSource::new(&c, 1, &live).unwrap()),
            vec![at("2026-01-01T00:00:11Z"), at("2026-01-01T00:00:12Z")]
        );
        // Without skip_past the whole range is produced.
        let all = drain(&mut CronSource::new(&c, 1, &ctx(now)).unwrap());
        assert_eq!(all.len(), 13);
    }

    #[test]
    fn year_field() {
        let c = config(
            "0 0 1 1 * 0 2027-2029",
            1,
            Some("2026-01-01T00:00:00Z"),
            None,
        );
        let mut s = CronSource::new(&c, 1, &ctx(0)).unwrap();
        assert_eq!(
            drain(&mut s),
            vec![
                at("2027-01-01T00:00:00Z"),
                at("2028-01-01T00:00:00Z"),
                at("2029-01-01T00:00:00Z")
            ]
        );
    }

    #[test]
    fn random_fields_depend_on_seed_and_plugin() {
        let c = config(
            "R * * * * R",
            1,
            Some("2026-01-01T00:00:00Z"),
            Some("2026-01-02T00:00:00Z"),
        );
        let first = |seed: u64, id: u16| {
            let mut x = ctx(0);
            x.seed = seed;
            let mut out = Vec::new();
            CronSource::new(&c, id, &x).unwrap().fill(1, &mut out);
            out[0]
        };
        assert_eq!(first(1, 1), first(1, 1));
        let distinct: std::collections::BTreeSet<i64> = (0..20).map(|s| first(s, 1)).collect();
        assert!(distinct.len() > 5, "{distinct:?}");
    }
}
