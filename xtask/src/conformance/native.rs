//! The native side: the compiled generator on the timestamps Eventum's
//! finite input produces.

use eventum_runtime::generator::{Init, ParamValues};
use eventum_runtime::{EventBatch, GeneratorEntry, Produced, Tags, Timestamp};
use std::sync::Arc;

/// 2026-01-01T00:00:00Z in microseconds since the Unix epoch: the start of
/// the runner's linspace input (`eventum/pack_config.rs`).
const START_MICROS: i64 = 1_767_225_600_000_000;
/// The span of the linspace input: one hour, in microseconds.
const SPAN_MICROS: f64 = 3_600_000_000.0;

/// The `count` timestamps of Eventum's `linspace` input over one hour from
/// 2026-01-01T00:00:00Z, endpoint excluded, to the microsecond:
/// `numpy.linspace(0, 1, count, endpoint=False)` is `i * (1 / count)` in
/// floating point, times the span in microseconds, truncated. (The float
/// product lands just below some whole seconds: with 240 timestamps the
/// 32nd is 00:07:44.999999.)
pub(crate) fn linspace_micros(count: usize) -> Vec<i64> {
    let step = 1.0 / count as f64;
    (0..count)
        .map(|i| START_MICROS + (SPAN_MICROS * (i as f64 * step)) as i64)
        .collect()
}

/// What the native generator produced.
#[derive(Debug, Default)]
pub(crate) struct NativeRun {
    /// Each event: its event type (an index into the spec's events) and
    /// its text.
    pub(crate) events: Vec<(usize, String)>,
    /// Timestamps whose events a `dispatch.drop()` discarded.
    pub(crate) dropped: usize,
    /// Produce errors, with the timestamp's index.
    pub(crate) failed: Vec<(usize, String)>,
    /// The index of the timestamp at which `dispatch.exhaust()` stopped the
    /// run, if one did.
    pub(crate) exhausted_at: Option<usize>,
}

/// Runs `entry` with its default parameters and `seed` on worker 0 over
/// [`linspace_micros`]`(count)`.
pub(crate) fn run(entry: &GeneratorEntry, count: usize, seed: u64) -> anyhow::Result<NativeRun> {
    let params = ParamValues::new();
    let mut generator = (entry.create)(&Init {
        params: &params,
        seed,
        worker: 0,
    })
    .map_err(|e| anyhow::anyhow!("starting the native generator: {e}"))?;
    let tags: Tags = Arc::from(Vec::<Arc<str>>::new());
    let mut run = NativeRun::default();
    let mut batch = EventBatch::new();
    for (i, micros) in linspace_micros(count).into_iter().enumerate() {
        batch.clear();
        match generator.produce(Timestamp::from_utc_micros(micros), &tags, &mut batch) {
            Produced::Events => {
                let picked = generator.last_picked();
                if picked.len() != batch.len() {
                    anyhow::bail!(
                        "timestamp {i}: the generator wrote {} events but reports {} event types picked",
                        batch.len(),
                        picked.len()
                    );
                }
                for (&alias, bytes) in picked.iter().zip(batch.iter()) {
                    run.events
                        .push((alias, String::from_utf8_lossy(bytes).into_owned()));
                }
            }
            Produced::Dropped => run.dropped += 1,
            Produced::Failed(e) => run.failed.push((i, e)),
            Produced::Exhausted => {
                run.exhausted_at = Some(i);
                break;
            }
        }
    }
    Ok(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linspace_matches_numpy_truncation() {
        let t = linspace_micros(240);
        assert_eq!(t.len(), 240);
        assert_eq!(t[0], START_MICROS);
        assert_eq!(t[1] - START_MICROS, 15_000_000);
        // 31 * (1/240) * 3.6e9 = 464999999.99999994 in floating point.
        assert_eq!(t[31] - START_MICROS, 464_999_999);
        assert_eq!(t[239] - START_MICROS, 3_585_000_000);
        let t = linspace_micros(3);
        assert_eq!(
            t.iter().map(|m| m - START_MICROS).collect::<Vec<_>>(),
            [0, 1_200_000_000, 2_400_000_000]
        );
    }
}
