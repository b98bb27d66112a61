//! The engine: Eventum's pipeline with three kinds of threads.
//!
//! ```text
//! input thread ──units──▶ worker 1..N ──formatted units──▶ output loop (calling thread)
//!  (merge, batch,          (one generator each:            (reorders units by index,
//!   live scheduling)        own RNG streams and state)       writes every output)
//! ```
//!
//! Batches of timestamps are grouped into *units* (a single batch in live
//! mode or when a formatter works per batch; several batches otherwise) and
//! dealt to workers round-robin, so the assignment, and with it the output,
//! is the same on every run with the same seed. The output loop writes units
//! strictly in order; bounded channels give backpressure, so memory stays
//! flat however many events are requested. Every produced event is written:
//! nothing is dropped on timeouts the way Eventum can.

mod panic_capture;
mod worker;

use crate::batcher::{BatchConfig, Batcher};
use crate::format::{Formatted, FormatterConfig};
use crate::generator::{GeneratorEntry, Init, ParamValues, Tags};
use crate::input::{InputConfig, InputContext, InputGroups, build_groups};
use crate::output::{Output, OutputConfig, OutputStats};
use crate::rng::splitmix64;
use crate::time::Zone;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, SyncSender};
use std::thread;
use std::time::{Duration, Instant};
use worker::{BufferPool, OffsetCache, Worker};

/// Timestamps of one batch with the id of the plugin that produced each.
pub type TimestampBatch = Vec<(i64, u16)>;

/// Receives the number of events written so far.
pub type ProgressFn = Box<dyn FnMut(u64) + Send>;

/// Receives notices (produce errors, output errors).
pub type LogFn = Box<dyn FnMut(&str) + Send>;

/// Everything a run needs.
pub struct EngineConfig {
    /// The generator.
    pub entry: GeneratorEntry,
    /// Parameter overrides.
    pub params: ParamValues,
    /// The seed of every random stream.
    pub seed: u64,
    /// Worker threads (each with its own generator instance).
    pub workers: usize,
    /// Live mode: release each batch when the wall clock reaches its last timestamp.
    pub live_mode: bool,
    /// Skip timestamps in the past (live mode only).
    pub skip_past: bool,
    /// The generator's time zone.
    pub zone: Zone,
    /// "Now" in UTC microseconds: the reference of relative times.
    pub now: i64,
    /// Batching rules.
    pub batch: BatchConfig,
    /// Input plugins.
    pub inputs: Vec<InputConfig>,
    /// Output plugins.
    pub outputs: Vec<OutputConfig>,
    /// The directory relative paths resolve against.
    pub base_dir: PathBuf,
    /// Reports progress (events written) as the run goes.
    pub progress: Option<ProgressFn>,
    /// Reports produce errors and other notices.
    pub log: Option<LogFn>,
    /// Set to stop the run gracefully (Ctrl-C).
    pub stop: Arc<AtomicBool>,
}

impl fmt::Debug for EngineConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EngineConfig")
            .field("generator", &self.entry.spec.name)
            .field("workers", &self.workers)
            .field("live_mode", &self.live_mode)
            .finish_non_exhaustive()
    }
}

/// What a run did.
#[derive(Debug, Default, Clone)]
pub struct RunStats {
    /// Timestamps processed.
    pub timestamps: u64,
    /// Events produced.
    pub events: u64,
    /// Timestamps dropped by `dispatch.drop()`.
    pub dropped: u64,
    /// Produce errors (panics in event bodies, exceeded repicks).
    pub produce_errors: u64,
    /// Per output.
    pub outputs: Vec<OutputStats>,
    /// The generator called `dispatch.exhaust()`.
    pub exhausted: bool,
    /// Every output's reader went away (broken pipe).
    pub consumers_gone: bool,
    /// The run was stopped from outside.
    pub stopped: bool,
}

/// A run that could not start, or an output that failed to open.
#[derive(Debug)]
pub struct EngineError(pub String);

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EngineError {}

/// Batches grouped for one worker.
pub(crate) struct Unit {
    pub(crate) index: u64,
    pub(crate) batches: Vec<TimestampBatch>,
}

/// A worker's answer for one unit, or for one part of it: the `plain` fast
/// path sends a unit in parts of about [`PART_BYTES`], so memory does not
/// grow with the size of the events.
pub(crate) struct UnitResult {
    pub(crate) index: u64,
    /// The part's number within the unit (0, 1, ...).
    pub(crate) part: u32,
    /// Whether this is the unit's last part.
    pub(crate) last: bool,
    pub(crate) formatted: Vec<Formatted>,
    pub(crate) timestamps: u64,
    pub(crate) events: u64,
    pub(crate) dropped: u64,
    pub(crate) errors: u64,
    pub(crate) format_failed: Vec<u64>,
    pub(crate) exhausted: bool,
}

/// Notices from workers.
pub(crate) enum EngineEvent<'a> {
    ProduceError(String),
    /// Output `output` (0-based) dropped an event or a batch it could not
    /// format (the reason is only put into words while notices are shown).
    FormatError {
        output: usize,
        reason: &'a dyn fmt::Display,
    },
}

/// Timestamps per unit when units may hold several batches.
const UNIT_TIMESTAMPS: usize = 2048;

/// Event bytes after which a worker sends what it has of a unit (`plain`
/// outputs only).
pub(crate) const PART_BYTES: usize = 1 << 20;

/// Parts a worker may have waiting for the output loop: a whole unit of
/// events up to about 4 KB each.
const PARTS_AHEAD: usize = 8;

/// The seed of worker `i`'s generator instance.
pub fn worker_seed(seed: u64, worker: usize) -> u64 {
    let mut x = seed ^ (worker as u64).wrapping_mul(0xA076_1D64_78BD_642F);
    splitmix64(&mut x)
}

/// Whether a formatter's output depends on batch boundaries.
fn per_batch(f: &FormatterConfig) -> bool {
    matches!(
        f,
        FormatterConfig::JsonBatch { .. }
            | FormatterConfig::TemplateBatch { .. }
            | FormatterConfig::EventumHttpInput
    )
}

/// Runs a generator until its inputs are exhausted, it exhausts itself,
/// every reader goes away, or `stop` is set.
pub fn run(mut config: EngineConfig) -> Result<RunStats, EngineError> {
    panic_capture::install();
    let workers = config.workers.max(1);

    // Build everything that can fail before any thread starts.
    let mut formatters = Vec::new();
    let mut outputs: Vec<Box<dyn Output>> = Vec::new();
    let mut coalesce = !config.live_mode;
    for o in &config.outputs {
        let (f, out) = crate::output::build(o, &config.base_dir)
            // The error names the plugin.
            .map_err(|e| EngineError(format!("output {e}")))?;
        coalesce &= !per_batch(&o.formatter());
        formatters.push(f);
        outputs.push(out);
    }
    let batch_size = config.batch.size.unwrap_or(10_000);
    let ctx = InputContext {
        zone: config.zone.clone(),
        now: config.now,
        live_mode: config.live_mode,
        skip_past: config.live_mode && config.skip_past,
        seed: config.seed,
        batch_size,
    };
    let groups = build_groups(&config.inputs, &config.base_dir, &ctx)
        .map_err(|e| EngineError(e.to_string()))?;
    let tags: Vec<Tags> = (1..=config.inputs.len().max(1))
        .map(|id| groups.tags.of(id as u16))
        .collect();
    let stop_handles = groups.stop_handles.clone();
    let mut generators = Vec::new();
    for w in 0..workers {
        let init = Init {
            params: &config.params,
            seed: worker_seed(config.seed, w),
            worker: w,
        };
        generators.push(
            (config.entry.create)(&init)
                .map_err(|e| EngineError(format!("generator {}: {e}", config.entry.spec.name)))?,
        );
    }
    let names: Vec<&'static str> = config
        .outputs
        .iter()
        .map(OutputConfig::plugin_name)
        .collect();
    for (o, name) in outputs.iter_mut().zip(&names) {
        o.open()
            .map_err(|e| EngineError(format!("output {name}: {e}")))?;
    }

    let stop = config.stop.clone();
    let finished = Arc::new(AtomicBool::new(false));
    // One result channel per worker: units are dealt round-robin, so the
    // output loop reads the channel of the worker that holds the next unit
    // and the others wait (no reorder queue, memory bounded by the channels).
    // A `plain` unit comes in parts; a worker must be able to finish its
    // unit while the output loop still reads the previous worker's, or the
    // workers would take turns.
    let plain = formatters.iter().all(crate::format::Formatter::is_plain);
    // When every output writes UTF-8 with the same separator, `plain`
    // workers write it after each event, so an output writes a part as it is.
    let mut separators = config.outputs.iter().map(OutputConfig::utf8_separator);
    let separator: Vec<u8> = match separators.next() {
        Some(Some(first)) if plain && separators.all(|s| s == Some(first)) => first.to_vec(),
        _ => Vec::new(),
    };
    let ahead = if plain { PARTS_AHEAD } else { 2 };
    let (to_output, from_workers): (Vec<_>, Vec<_>) = (0..workers)
        .map(|_| mpsc::sync_channel::<Box<UnitResult>>(ahead))
        .unzip();
    let (to_log, from_log) = mpsc::channel::<String>();
    let mut stats = RunStats {
        outputs: vec![OutputStats::default(); outputs.len()],
        ..RunStats::default()
    };

    // With only `plain` outputs, workers hand their event buffers to the
    // output loop, which hands them back once written. Every buffer in
    // flight can come back: those in the channels, one being filled per
    // worker, one being written.
    let pool = Arc::new(BufferPool::new(if plain {
        workers * (ahead + 2) + 2
    } else {
        0
    }));

    thread::scope(|scope| {
        let mut to_workers: Vec<SyncSender<Unit>> = Vec::new();
        for (generator, to_output) in generators.into_iter().zip(to_output) {
            let (tx, rx) = mpsc::sync_channel::<Unit>(2);
            to_workers.push(tx);
            let to_log = to_log.clone();
            let mut events = crate::generator::EventBatch::with_capacity(PART_BYTES * 5 / 4, 4096);
            events.set_separator(&separator);
            let mut worker = Worker {
                generator,
                formatters: formatters.clone(),
                tags: tags.clone(),
                offsets: OffsetCache::new(config.zone.clone()),
                events,
                pool: pool.clone(),
            };
            let finished = finished.clone();
            scope.spawn(move || {
                panic_capture::capture_on_this_thread();
                let mut reported = 0u32;
                while let Ok(unit) = rx.recv() {
                    if finished.load(Ordering::Relaxed) {
                        break;
                    }
                    let mut report = |e: EngineEvent<'_>| {
                        reported += 1;
                        if reported > MAX_NOTICES {
                            return;
                        }
                        let notice = match e {
                            EngineEvent::ProduceError(m) => format!("produce error: {m}"),
                            EngineEvent::FormatError { output, reason } => {
                                format!("output #{}: event dropped: {reason}", output + 1)
                            }
                        };
                        let _ = to_log.send(notice);
                    };
                    let mut emit = |result: UnitResult| to_output.send(Box::new(result)).is_ok();
                    if !worker.run_unit(&unit, &mut report, &mut emit) {
                        break;
                    }
                }
            });
        }
        drop(to_log);

        // Input.
        let live = config.live_mode;
        let batch = config.batch;
        let stop_in = stop.clone();
        let finished_in = finished.clone();
        scope.spawn(move || {
            feed(
                groups,
                &batch,
                live,
                coalesce,
                &to_workers,
                &stop_in,
                &finished_in,
            );
        });

        // Output loop, on this thread.
        write_loop(
            &mut outputs,
            &pool,
            &from_workers,
            &from_log,
            &mut stats,
            &mut config,
            &finished,
            &stop_handles,
        );
        finished.store(true, Ordering::Relaxed);
        for h in &stop_handles {
            h.stop();
        }
        // Drain so no worker blocks while the scope joins.
        for rx in &from_workers {
            while rx.recv().is_ok() {}
        }
    });

    for (i, (o, name)) in outputs.iter_mut().zip(&names).enumerate() {
        if let Err(e) = o.close()
            && !e.is_consumer_gone()
        {
            stats.outputs[i].io_errors += 1;
            log(&mut config, &format!("output {name}: {e}"));
        }
    }
    stats.stopped = stop.load(Ordering::Relaxed);
    Ok(stats)
}

/// Produce- and format-error messages shown per worker; the rest are only
/// counted (the summary gives the totals).
const MAX_NOTICES: u32 = 10;

fn log(config: &mut EngineConfig, msg: &str) {
    if let Some(l) = config.log.as_mut() {
        l(msg);
    }
}

/// Deals units to workers: the next index, round-robin. Both input groups
/// deal through it, so indexes stay dense and each worker gets its units in
/// index order.
struct Dealer<'a> {
    next: std::sync::Mutex<u64>,
    to_workers: &'a [SyncSender<Unit>],
}

impl Dealer<'_> {
    fn send(&self, batches: Vec<TimestampBatch>) -> bool {
        let mut next = self
            .next
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let index = *next;
        *next += 1;
        let w = (index % self.to_workers.len() as u64) as usize;
        // Sent under the lock, so a worker never receives a later index first.
        self.to_workers[w].send(Unit { index, batches }).is_ok()
    }
}

/// The input side: the scheduled group (merged, batched, released on time
/// in live mode) and the interactive group (`http`, lax batching) run on
/// threads of their own, as in Eventum, and deal units to the workers.
fn feed(
    groups: InputGroups,
    batch: &BatchConfig,
    live: bool,
    coalesce: bool,
    to_workers: &[SyncSender<Unit>],
    stop: &AtomicBool,
    finished: &AtomicBool,
) {
    let InputGroups {
        scheduled,
        interactive,
        ..
    } = groups;
    let dealer = Dealer {
        next: std::sync::Mutex::new(0),
        to_workers,
    };
    thread::scope(|scope| {
        if let Some(m) = scheduled {
            let dealer = &dealer;
            scope.spawn(move || {
                feed_group(
                    Batcher::new(m, *batch, false),
                    live,
                    coalesce,
                    dealer,
                    stop,
                    finished,
                );
            });
        }
        if let Some(m) = interactive {
            let dealer = &dealer;
            scope.spawn(move || {
                feed_group(
                    Batcher::new(m, *batch, true),
                    live,
                    false,
                    dealer,
                    stop,
                    finished,
                );
            });
        }
    });
}

/// One input group: batches grouped into units and dealt.
fn feed_group(
    batches: Batcher<crate::input::Merger>,
    live: bool,
    coalesce: bool,
    dealer: &Dealer<'_>,
    stop: &AtomicBool,
    finished: &AtomicBool,
) {
    let halted = || stop.load(Ordering::Relaxed) || finished.load(Ordering::Relaxed);
    let mut pending: Vec<TimestampBatch> = Vec::new();
    let mut in_unit = 0usize;
    for next in batches {
        if halted() {
            return;
        }
        if next.is_empty() {
            continue;
        }
        if live && !wait_until(next[next.len() - 1].0, stop, finished) {
            return;
        }
        in_unit += next.len();
        pending.push(next);
        if !coalesce || in_unit >= UNIT_TIMESTAMPS {
            if !dealer.send(std::mem::take(&mut pending)) {
                return;
            }
            in_unit = 0;
        }
    }
    if !pending.is_empty() && !halted() {
        dealer.send(pending);
    }
}

/// Sleeps until the wall clock reaches `micros` (UTC); false if stopped.
fn wait_until(micros: i64, stop: &AtomicBool, finished: &AtomicBool) -> bool {
    loop {
        if stop.load(Ordering::Relaxed) || finished.load(Ordering::Relaxed) {
            return false;
        }
        let now = crate::time::Timestamp::now().utc_micros();
        if now >= micros {
            return true;
        }
        thread::sleep(Duration::from_micros((micros - now).min(100_000) as u64));
    }
}

/// The output loop: writes units in index order and ticks outputs.
#[allow(clippy::too_many_arguments)] // one caller; the arguments are the run's parts
fn write_loop(
    outputs: &mut [Box<dyn Output>],
    pool: &BufferPool,
    rxs: &[mpsc::Receiver<Box<UnitResult>>],
    logs: &mpsc::Receiver<String>,
    stats: &mut RunStats,
    config: &mut EngineConfig,
    finished: &AtomicBool,
    stop_handles: &[crate::input::StopHandle],
) {
    let mut next: (u64, u32) = (0, 0);
    let mut arrived: Option<Box<UnitResult>> = None;
    let mut gone = vec![false; outputs.len()];
    let mut last_tick = Instant::now();
    let mut written_total: u64 = 0;
    let mut stopping = false;
    loop {
        let rx = &rxs[(next.0 % rxs.len() as u64) as usize];
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(u) => {
                debug_assert_eq!((u.index, u.part), next, "results arrive in order");
                arrived = Some(u);
            }
            Err(RecvTimeoutError::Timeout) => {}
            // The worker holding the next unit is done: so is the input.
            Err(RecvTimeoutError::Disconnected) => break,
        }
        while let Ok(m) = logs.try_recv() {
            log(config, &m);
        }
        if !stopping && config.stop.load(Ordering::Relaxed) {
            // Ctrl-C: stop taking timestamps; what is already produced is written.
            stopping = true;
            for h in stop_handles {
                h.stop();
            }
        }
        if let Some(u) = arrived.take() {
            next = if u.last {
                (next.0 + 1, 0)
            } else {
                (next.0, next.1 + 1)
            };
            stats.timestamps += u.timestamps;
            stats.events += u.events;
            stats.dropped += u.dropped;
            stats.produce_errors += u.errors;
            for (i, f) in u.formatted.iter().enumerate() {
                stats.outputs[i].format_failed += u.format_failed[i];
                if gone[i] {
                    continue;
                }
                match outputs[i].write(f) {
                    Ok(n) => {
                        stats.outputs[i].written += n as u64;
                        written_total += n as u64;
                    }
                    Err(e) if e.is_consumer_gone() => gone[i] = true,
                    Err(e) => {
                        stats.outputs[i].write_failed += f.event_count() as u64;
                        stats.outputs[i].io_errors += 1;
                        log(config, &format!("output {}: {e}", outputs[i].name()));
                    }
                }
            }
            if let Some(p) = config.progress.as_mut() {
                p(written_total);
            }
            let exhausted = u.exhausted;
            for f in u.formatted {
                pool.give(f);
            }
            if exhausted {
                stats.exhausted = true;
                finished.store(true, Ordering::Relaxed);
            }
            if !gone.is_empty() && gone.iter().all(|g| *g) {
                stats.consumers_gone = true;
                finished.store(true, Ordering::Relaxed);
            }
            if finished.load(Ordering::Relaxed) {
                while let Ok(m) = logs.try_recv() {
                    log(config, &m);
                }
                return;
            }
        }
        if last_tick.elapsed() >= Duration::from_millis(100) {
            let now = Instant::now();
            for (i, o) in outputs.iter_mut().enumerate() {
                if gone[i] {
                    continue;
                }
                if let Err(e) = o.tick(now) {
                    if e.is_consumer_gone() {
                        gone[i] = true;
                    } else {
                        stats.outputs[i].io_errors += 1;
                        log(config, &format!("output {}: {e}", o.name()));
                    }
                }
            }
            last_tick = now;
        }
    }
    while let Ok(m) = logs.try_recv() {
        log(config, &m);
    }
}
#[cfg(test)]
mod tests;
