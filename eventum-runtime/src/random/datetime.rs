//! `module.rand.datetime`: random instants between two timestamps.

use crate::rng::FastRng;
use crate::time::{TimeDelta, Timestamp};

/// `module.rand.datetime`.
#[derive(Debug)]
pub struct DateTimes {
    rng: FastRng,
}

impl DateTimes {
    /// The namespace drawing from `rng`.
    pub fn new(rng: FastRng) -> Self {
        Self { rng }
    }

    /// `rand.datetime.timestamp(start, end)`:
    /// `start + timedelta(seconds=uniform(0, (end - start).total_seconds()))`,
    /// rounded to the microsecond like `timedelta`, keeping `start`'s UTC
    /// offset. An `end` before `start` gives an instant between the two.
    pub fn timestamp(&self, start: Timestamp, end: Timestamp) -> Timestamp {
        let span = (end - start).total_seconds();
        start + TimeDelta::seconds(span * self.rng.next_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::super::mean_var;
    use super::*;

    const NOON_2026: i64 = 1_767_268_800_000_000;

    fn datetimes(seed: u64) -> DateTimes {
        DateTimes::new(FastRng::from_seed(seed))
    }

    #[test]
    fn stays_between_start_and_end_uniformly() {
        let d = datetimes(1);
        let start = Timestamp::from_utc_micros(NOON_2026);
        let end = start + TimeDelta::hours(1.0);
        let offsets: Vec<f64> = (0..100_000)
            .map(|_| {
                let t = d.timestamp(start, end);
                assert!(start <= t && t <= end);
                (t - start).total_seconds()
            })
            .collect();
        let (mean, var) = mean_var(&offsets);
        assert!((mean - 1800.0).abs() < 20.0, "{mean}");
        assert!(
            (var / (3600.0f64 * 3600.0 / 12.0) - 1.0).abs() < 0.02,
            "{var}"
        );
    }

    #[test]
    fn keeps_the_start_offset_and_allows_reversed_bounds() {
        let d = datetimes(2);
        let start = Timestamp::from_utc_micros(NOON_2026).with_offset(3 * 3600);
        let end = Timestamp::from_utc_micros(NOON_2026 - 86_400_000_000);
        for _ in 0..1000 {
            let t = d.timestamp(start, end);
            assert_eq!(t.offset_seconds(), 3 * 3600);
            assert!(end <= t && t <= start);
        }
        assert_eq!(d.timestamp(start, start), start);
    }

    #[test]
    fn same_seed_same_instants() {
        let (a, b) = (datetimes(3), datetimes(3));
        let start = Timestamp::from_utc_micros(NOON_2026);
        let end = start + TimeDelta::days(30.0);
        for _ in 0..100 {
            assert_eq!(
                a.timestamp(start, end).utc_micros(),
                b.timestamp(start, end).utc_micros()
            );
        }
    }
}
