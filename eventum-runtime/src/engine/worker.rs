//! A worker: one generator instance with its own random streams and state,
//! turning units of timestamps into formatted output for every output.

use super::panic_capture;
use super::{EngineEvent, PART_BYTES, Unit, UnitResult};
use crate::format::{FormatFailure, Formatted, Formatter};
use crate::generator::{EventBatch, Generator, Produced, Tags};
use crate::time::{Timestamp, Zone};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, PoisonError};

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

/// Event buffers handed back by the output loop once written, for workers
/// to fill again: a worker in the `plain` fast path gives its whole
/// [`EventBatch`] away with every unit, and taking a used one keeps the
/// capacity (no regrowth, no fresh pages) and bounds the memory.
#[derive(Debug)]
pub(crate) struct BufferPool {
    free: Mutex<Vec<(Vec<u8>, Vec<usize>)>>,
    keep: usize,
}

impl BufferPool {
    /// A pool that keeps at most `keep` buffers.
    pub(crate) fn new(keep: usize) -> Self {
        Self {
            free: Mutex::new(Vec::new()),
            keep,
        }
    }

    /// A used batch (emptied), or a new one with room for `bytes`.
    pub(crate) fn take(&self, bytes: usize, events: usize) -> EventBatch {
        let used = self
            .free
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        match used {
            Some((buf, ends)) => EventBatch::from_parts(buf, ends),
            None => EventBatch::with_capacity(bytes, events),
        }
    }

    /// Hands written strings back.
    pub(crate) fn give(&self, formatted: Formatted) {
        let mut free = self.free.lock().unwrap_or_else(PoisonError::into_inner);
        if free.len() < self.keep {
            free.push(formatted.into_parts());
        }
    }
}

/// Per-worker state.
pub(crate) struct Worker {
    pub(crate) generator: Box<dyn Generator>,
    pub(crate) formatters: Vec<Formatter>,
    pub(crate) tags: Vec<Tags>,
    pub(crate) offsets: OffsetCache,
    pub(crate) events: EventBatch,
    pub(crate) pool: Arc<BufferPool>,
}

impl Worker {
    /// Produces the events of one timestamp into `self.events`; false when
    /// the generator exhausted itself.
    #[inline]
    fn produce(
        &mut self,
        micros: i64,
        id: u16,
        result: &mut UnitResult,
        report: &mut dyn FnMut(EngineEvent<'_>),
    ) -> bool {
        let ts = self.offsets.timestamp(micros);
        let mark = self.events.mark();
        result.timestamps += 1;
        // Borrowed, not cloned: the tags are shared by every worker, and a
        // reference count touched by all of them per event costs more than
        // the event's picking.
        let i = usize::from(id).saturating_sub(1);
        let tags = &self.tags[i.min(self.tags.len() - 1)];
        let (generator, events) = (&mut self.generator, &mut self.events);
        let produced = catch_unwind(AssertUnwindSafe(|| generator.produce(ts, tags, events)));
        match produced {
            Ok(Produced::Events) => {}
            Ok(Produced::Dropped) => result.dropped += 1,
            Ok(Produced::Exhausted) => {
                result.exhausted = true;
                return false;
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
        true
    }

    /// A result for `unit` with nothing in it yet.
    fn empty_result(&self, unit: &Unit, part: u32) -> UnitResult {
        UnitResult {
            index: unit.index,
            part,
            last: true,
            formatted: Vec::with_capacity(self.formatters.len()),
            timestamps: 0,
            events: 0,
            dropped: 0,
            errors: 0,
            format_failed: vec![0; self.formatters.len()],
            exhausted: false,
        }
    }

    /// Produces and formats one unit, handing the result (in one or more
    /// parts) to `emit`; false when `emit` refused one (the output loop is
    /// gone).
    pub(crate) fn run_unit(
        &mut self,
        unit: &Unit,
        report: &mut dyn FnMut(EngineEvent<'_>),
        emit: &mut dyn FnMut(UnitResult) -> bool,
    ) -> bool {
        if !self.formatters.is_empty() && self.formatters.iter().all(Formatter::is_plain) {
            return self.run_plain(unit, report, emit);
        }
        let mut result = self.empty_result(unit, 0);
        let mut per_output: Vec<Formatted> = (0..self.formatters.len())
            .map(|_| Formatted::new())
            .collect();
        let mut scratch = Formatted::new();
        for batch in &unit.batches {
            self.events.clear();
            for &(micros, id) in batch {
                if !self.produce(micros, id, &mut result, report) {
                    break;
                }
            }
            result.events += self.events.len() as u64;
            for (i, f) in self.formatters.iter().enumerate() {
                let mut on_failure = |failure: FormatFailure<'_>| {
                    report(EngineEvent::FormatError {
                        output: i,
                        reason: failure.reason,
                    });
                };
                if per_output.len() == 1 && unit.batches.len() == 1 {
                    let stats =
                        f.format_reporting(&self.events, &mut per_output[i], &mut on_failure);
                    result.format_failed[i] += stats.format_failed as u64;
                } else {
                    let stats = f.format_reporting(&self.events, &mut scratch, &mut on_failure);
                    result.format_failed[i] += stats.format_failed as u64;
                    per_output[i].extend_from(&scratch);
                }
            }
            if result.exhausted {
                break;
            }
        }
        result.formatted = per_output;
        emit(result)
    }

    /// The `plain` fast path: `plain` strings are the events themselves, so
    /// the events are produced into one batch whose buffers become the
    /// output's strings (batch boundaries do not matter to `plain`), sent
    /// in parts of about [`PART_BYTES`].
    fn run_plain(
        &mut self,
        unit: &Unit,
        report: &mut dyn FnMut(EngineEvent<'_>),
        emit: &mut dyn FnMut(UnitResult) -> bool,
    ) -> bool {
        let mut part = 0;
        let mut result = self.empty_result(unit, part);
        self.events.clear();
        let mut timestamps = unit.batches.iter().flatten().peekable();
        while let Some(&(micros, id)) = timestamps.next() {
            if !self.produce(micros, id, &mut result, report) {
                break;
            }
            if self.events.byte_len() >= PART_BYTES && timestamps.peek().is_some() {
                result.last = false;
                self.take_events(&mut result);
                if !emit(result) {
                    return false;
                }
                part += 1;
                result = self.empty_result(unit, part);
            }
        }
        self.take_events(&mut result);
        emit(result)
    }

    /// Moves the produced events into `result` as every output's strings.
    fn take_events(&mut self, result: &mut UnitResult) {
        result.events = self.events.len() as u64;
        let mut fresh = self
            .pool
            .take(self.events.byte_len() * 5 / 4, self.events.len() * 5 / 4);
        fresh.set_separator(self.events.separator());
        let events = std::mem::replace(&mut self.events, fresh);
        let formatted = Formatted::from_event_batch(events);
        for _ in 1..self.formatters.len() {
            result.formatted.push(formatted.clone());
        }
        result.formatted.push(formatted);
    }
}
