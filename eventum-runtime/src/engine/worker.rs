//! A worker: one generator instance with its own random streams and state,
//! turning units of timestamps into formatted output for every output.

use super::panic_capture;
use super::{EngineEvent, Unit, UnitResult};
use crate::format::{Formatted, Formatter};
use crate::generator::{EventBatch, Generator, Produced, Tags};
use crate::time::{Timestamp, Zone};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Caches the UTC offset of the generator's zone per 15-minute bucket
/// (offsets only change on quarter hours).
pub(crate) struct OffsetCache {
    zone: Zone,
    bucket: i64,
    offset: i32,
}

const BUCKET: i64 = 15 * 60 * 1_000_000;

impl OffsetCache {
    pub(crate) fn new(zone: Zone) -> Self {
        Self {
            zone,
            bucket: i64::MIN,
            offset: 0,
        }
    }

    #[inline]
    pub(crate) fn timestamp(&mut self, utc_micros: i64) -> Timestamp {
        if self.zone.is_utc() {
            return Timestamp::from_utc_micros(utc_micros);
        }
        let b = utc_micros.div_euclid(BUCKET);
        if b != self.bucket {
            self.bucket = b;
            self.offset = self.zone.offset_at(utc_micros);
        }
        Timestamp::from_utc_micros(utc_micros).with_offset(self.offset)
    }
}

/// Per-worker state.
pub(crate) struct Worker {
    pub(crate) generator: Box<dyn Generator>,
    pub(crate) formatters: Vec<Formatter>,
    pub(crate) tags: Vec<Tags>,
    pub(crate) offsets: OffsetCache,
    pub(crate) events: EventBatch,
}

impl Worker {
    fn tags_of(&self, id: u16) -> &Tags {
        let i = usize::from(id).saturating_sub(1);
        &self.tags[i.min(self.tags.len() - 1)]
    }

    /// Produces and formats one unit.
    pub(crate) fn run_unit(
        &mut self,
        unit: &Unit,
        report: &mut dyn FnMut(EngineEvent),
    ) -> UnitResult {
        let mut result = UnitResult {
            index: unit.index,
            formatted: Vec::with_capacity(self.formatters.len()),
            timestamps: 0,
            events: 0,
            dropped: 0,
            errors: 0,
            format_failed: vec![0; self.formatters.len()],
            exhausted: false,
        };
        let mut per_output: Vec<Formatted> = (0..self.formatters.len())
            .map(|_| Formatted::new())
            .collect();
        let mut scratch = Formatted::new();
        for batch in &unit.batches {
            self.events.clear();
            for &(micros, id) in batch {
                let ts = self.offsets.timestamp(micros);
                let tags = self.tags_of(id).clone();
                let mark = self.events.mark();
                result.timestamps += 1;
                let produced = catch_unwind(AssertUnwindSafe(|| {
                    self.generator.produce(ts, &tags, &mut self.events)
                }));
                match produced {
                    Ok(Produced::Events) => {}
                    Ok(Produced::Dropped) => result.dropped += 1,
                    Ok(Produced::Exhausted) => {
                        result.exhausted = true;
                        break;
                    }
                    Ok(Produced::Failed(message)) => {
                        result.errors += 1;
                        report(EngineEvent::ProduceError(message));
                    }
                    Err(_) => {
                        self.events.rollback(mark);
                        result.errors += 1;
                        report(EngineEvent::ProduceError(panic_capture::take_last()));
                    }
                }
            }
            result.events += self.events.len() as u64;
            for (i, f) in self.formatters.iter().enumerate() {
                if per_output.len() == 1 && unit.batches.len() == 1 {
                    let stats = f.format(&self.events, &mut per_output[i]);
                    result.format_failed[i] += stats.format_failed as u64;
                } else {
                    let stats = f.format(&self.events, &mut scratch);
                    result.format_failed[i] += stats.format_failed as u64;
                    per_output[i].extend_from(&scratch);
                }
            }
            if result.exhausted {
                break;
            }
        }
        result.formatted = per_output;
        result
    }
}
