//! Input plugins: the sources of timestamps (spec §5).
//!
//! Every plugin becomes a [`TimestampSource`] through [`build`]. Timestamps
//! are `i64` UTC microseconds; wall-clock work (cron fields, times of day,
//! relative expressions) happens in the generator's [`Zone`]. Sources of one
//! group are merged by [`Merger`] (plugin ids break ties) and cut into batches
//! by [`crate::batcher::Batcher`].

pub mod config;
pub mod cron;
pub mod http;
pub mod linspace;
pub mod merge;
pub mod static_input;
pub mod time_patterns;
pub mod timer;
pub mod timestamps;
pub mod versatile;

use crate::generator::Tags;
use crate::time::Zone;
use std::fmt;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, PoisonError};

pub use config::InputConfig;
pub use merge::Merger;
pub use versatile::VersatileDatetime;

/// Everything inputs need from the run.
#[derive(Debug, Clone)]
pub struct InputContext {
    /// The generator's time zone (`timezone` parameter).
    pub zone: Zone,
    /// "Now" in UTC microseconds, fixed when generation starts.
    pub now: i64,
    /// Live mode (`live_mode`).
    pub live_mode: bool,
    /// Skip timestamps in the past; the caller has already combined it with
    /// `live_mode` (Eventum forces it off in sample mode).
    pub skip_past: bool,
    /// Seed of every random choice an input makes (cron `R`, time patterns).
    pub seed: u64,
    /// The batcher's pull size: `batch.size`, or 10 000 when only a delay is set.
    pub batch_size: usize,
}

/// A source of non-decreasing timestamps.
///
/// Non-interactive sources append exactly `max` timestamps per call until
/// they run out, so chunk boundaries fall where Eventum's do (the batcher's
/// delay rule depends on them).
pub trait TimestampSource: Send {
    /// Appends up to `max` next timestamps to `out`; returns false once
    /// exhausted (possibly after appending a last partial chunk).
    fn fill(&mut self, max: usize, out: &mut Vec<i64>) -> bool;

    /// `true` if this source never ends on its own (cron without end, timer
    /// without repeat, time patterns ending `never`, http).
    fn is_unbounded(&self) -> bool;

    /// Whether the source produces timestamps in response to outside events
    /// (only `http`); such sources are merged and batched apart, in lax mode.
    fn is_interactive(&self) -> bool {
        false
    }

    /// Whether [`TimestampSource::fill`] would return without blocking
    /// (timestamps are pending, or the source has ended). Always true for
    /// non-interactive sources.
    fn poll_ready(&mut self) -> bool {
        true
    }

    /// Registers the [`Wakeup`] an interactive source signals whenever it
    /// becomes ready, so a merger can sleep instead of polling.
    fn set_wakeup(&mut self, wakeup: Wakeup) {
        let _ = wakeup;
    }

    /// A handle that ends an interactive source from another thread (for a
    /// graceful stop on a signal); `None` for sources that end by themselves.
    fn stop_handle(&self) -> Option<StopHandle> {
        None
    }
}

/// A notification channel from interactive sources to the merger waiting on
/// them: a counter that only grows, and a condition variable.
#[derive(Debug, Clone, Default)]
pub struct Wakeup {
    inner: Arc<(Mutex<u64>, Condvar)>,
}

impl Wakeup {
    /// Signals every waiter.
    pub fn notify(&self) {
        let (lock, cvar) = &*self.inner;
        let mut generation = lock.lock().unwrap_or_else(PoisonError::into_inner);
        *generation += 1;
        cvar.notify_all();
    }

    /// The number of notifications so far; pass it to [`Wakeup::wait_past`].
    pub fn generation(&self) -> u64 {
        *self.inner.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Blocks until a notification arrives after `seen` was read.
    pub fn wait_past(&self, seen: u64) {
        let (lock, cvar) = &*self.inner;
        let mut generation = lock.lock().unwrap_or_else(PoisonError::into_inner);
        while *generation == seen {
            generation = cvar
                .wait(generation)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// Ends an interactive source from any thread (Eventum's `stop_interacting`).
#[derive(Clone)]
pub struct StopHandle {
    stop: Arc<dyn Fn() + Send + Sync>,
}

impl StopHandle {
    /// A handle that runs `stop` when asked.
    pub fn new(stop: impl Fn() + Send + Sync + 'static) -> Self {
        Self {
            stop: Arc::new(stop),
        }
    }

    /// Asks the source to stop: it refuses new requests and ends once the
    /// queued ones are consumed.
    pub fn stop(&self) {
        (self.stop)();
    }
}

impl fmt::Debug for StopHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StopHandle")
    }
}

/// A configuration or start-up error of an input plugin. The message names
/// the plugin and field, e.g. ``cron.count: must be greater than 0 (got 0)``.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The full, human-readable message.
    pub message: String,
}

impl InputError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }

    /// An error about `field` of `plugin`.
    pub fn field(plugin: &str, field: &str, message: impl fmt::Display) -> Self {
        Self::new(format!("{plugin}.{field}: {message}"))
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for InputError {}

/// Builds the source of plugin number `id` (1-based, list order). Relative
/// paths in the config resolve against `base_dir`, the generator directory.
/// The config is validated first.
pub fn build(
    config: &InputConfig,
    id: u16,
    base_dir: &Path,
    ctx: &InputContext,
) -> Result<Box<dyn TimestampSource>, InputError> {
    config.validate()?;
    Ok(match config {
        InputConfig::Cron(c) => Box::new(cron::CronSource::new(c, id, ctx)?),
        InputConfig::Http(c) => Box::new(http::HttpInput::bind(c)?),
        InputConfig::Linspace(c) => Box::new(linspace::LinspaceSource::new(c, ctx)?),
        InputConfig::Static(c) => Box::new(static_input::StaticSource::new(c, ctx)),
        InputConfig::TimePatterns(c) => Box::new(time_patterns::TimePatternsSource::new(
            c, id, base_dir, ctx,
        )?),
        InputConfig::Timer(c) => Box::new(timer::TimerSource::new(c, ctx)?),
        InputConfig::Timestamps(c) => {
            Box::new(timestamps::TimestampsSource::new(c, base_dir, ctx)?)
        }
    })
}

/// The tags of every input plugin, looked up by plugin id for each
/// timestamp (Eventum's `tags_of(plugin_id)`).
#[derive(Debug, Clone, Default)]
pub struct InputTags {
    by_id: Vec<Tags>,
}

impl InputTags {
    /// The tags of `configs`, numbered 1.. in list order.
    pub fn new(configs: &[InputConfig]) -> Self {
        Self {
            by_id: configs
                .iter()
                .map(|c| c.tags().iter().map(|t| Arc::from(t.as_str())).collect())
                .collect(),
        }
    }

    /// The tags of plugin `id`; empty for an unknown id.
    pub fn of(&self, id: u16) -> Tags {
        usize::from(id)
            .checked_sub(1)
            .and_then(|i| self.by_id.get(i))
            .cloned()
            .unwrap_or_else(|| Arc::from(Vec::<Arc<str>>::new()))
    }

    /// Number of plugins.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether there are no plugins.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

/// The input plugins of a generator split the way Eventum runs them: the
/// non-interactive ones merged together, the interactive (`http`) ones merged
/// apart (each group gets its own batcher; the interactive one in lax mode).
pub struct InputGroups {
    /// Merged non-interactive sources, if any.
    pub scheduled: Option<Merger>,
    /// Merged interactive sources, if any.
    pub interactive: Option<Merger>,
    /// Tags by plugin id.
    pub tags: InputTags,
    /// Stop handles of the interactive sources.
    pub stop_handles: Vec<StopHandle>,
    /// Whether some source never ends by itself.
    pub unbounded: bool,
}

impl fmt::Debug for InputGroups {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InputGroups")
            .field("scheduled", &self.scheduled.is_some())
            .field("interactive", &self.interactive.is_some())
            .field("tags", &self.tags)
            .field("unbounded", &self.unbounded)
            .finish_non_exhaustive()
    }
}

/// Builds every plugin of `configs` (ids 1.. in list order) and merges
/// them into the two groups, each pulled in chunks of `ctx.batch_size`.
pub fn build_groups(
    configs: &[InputConfig],
    base_dir: &Path,
    ctx: &InputContext,
) -> Result<InputGroups, InputError> {
    if configs.len() > usize::from(u16::MAX) {
        return Err(InputError::new(format!(
            "input: too many plugins ({}, at most {})",
            configs.len(),
            u16::MAX
        )));
    }
    let mut scheduled = Vec::new();
    let mut interactive = Vec::new();
    let mut stop_handles = Vec::new();
    let mut unbounded = false;
    for (i, config) in configs.iter().enumerate() {
        let id = (i + 1) as u16;
        let source = build(config, id, base_dir, ctx)
            .map_err(|e| InputError::new(format!("input #{id}: {e}")))?;
        unbounded |= source.is_unbounded();
        if source.is_interactive() {
            stop_handles.extend(source.stop_handle());
            interactive.push((id, source));
        } else {
            scheduled.push((id, source));
        }
    }
    let size = ctx.batch_size.max(1);
    let group = |sources: Vec<(u16, Box<dyn TimestampSource>)>| {
        (!sources.is_empty()).then(|| Merger::new(sources, size))
    };
    Ok(InputGroups {
        scheduled: group(scheduled),
        interactive: group(interactive),
        tags: InputTags::new(configs),
        stop_handles,
        unbounded,
    })
}

/// Microseconds in a second.
pub(crate) const MICROS: i64 = 1_000_000;

/// Pushes `value` `n` times.
pub(crate) fn push_repeated(out: &mut Vec<i64>, value: i64, n: usize) {
    out.resize(out.len() + n, value);
}

/// Ticks written `count` times each, resumable across `fill` calls (a tick
/// whose copies do not fit is finished in the next call).
#[derive(Debug, Clone)]
pub(crate) struct Repeated {
    count: usize,
    current: i64,
    owed: usize,
}

impl Repeated {
    /// Each tick `count` times.
    pub(crate) const fn new(count: usize) -> Self {
        Self {
            count,
            current: 0,
            owed: 0,
        }
    }

    /// Pushes up to `max` timestamps, taking ticks from `next_tick`; false
    /// once it has no more.
    pub(crate) fn fill(
        &mut self,
        max: usize,
        out: &mut Vec<i64>,
        mut next_tick: impl FnMut() -> Option<i64>,
    ) -> bool {
        let mut room = max;
        while room > 0 {
            if self.owed == 0 {
                let Some(tick) = next_tick() else {
                    return false;
                };
                self.current = tick;
                self.owed = self.count;
            }
            let n = self.owed.min(room);
            push_repeated(out, self.current, n);
            self.owed -= n;
            room -= n;
        }
        true
    }
}

#[cfg(test)]
pub(crate) mod test_util {
    use super::{InputContext, TimestampSource};
    use crate::time::Zone;

    /// 2026-01-01T00:00:00Z.
    pub(crate) const NEW_YEAR_2026: i64 = 1_767_225_600_000_000;

    /// A sample-mode context in UTC with a fixed "now".
    pub(crate) fn ctx(now: i64) -> InputContext {
        InputContext {
            zone: Zone::utc(),
            now,
            live_mode: false,
            skip_past: false,
            seed: 42,
            batch_size: 10_000,
        }
    }

    /// Drains a source with chunks of `max`, returning the chunks.
    pub(crate) fn chunks(source: &mut dyn TimestampSource, max: usize) -> Vec<Vec<i64>> {
        let mut all = Vec::new();
        loop {
            let mut chunk = Vec::new();
            let more = source.fill(max, &mut chunk);
            if !chunk.is_empty() {
                all.push(chunk);
            }
            if !more {
                return all;
            }
        }
    }

    /// Drains a source completely.
    pub(crate) fn drain(source: &mut dyn TimestampSource) -> Vec<i64> {
        chunks(source, 1000).concat()
    }

    /// UTC micros of an RFC 3339 string.
    pub(crate) fn at(s: &str) -> i64 {
        let (local, offset) = super::versatile::parse_iso(s).expect("test timestamp");
        local - i64::from(offset.unwrap_or(0)) * super::MICROS
    }
}

#[cfg(test)]
mod tests {
    use super::test_util::{NEW_YEAR_2026, ctx, drain};
    use super::*;

    #[test]
    fn tags_by_plugin_id() {
        let configs: Vec<InputConfig> = serde_json::from_value(serde_json::json!([
            {"static": {"count": 1, "tags": ["a", "b"]}},
            {"static": {"count": 2}},
        ]))
        .unwrap();
        let tags = InputTags::new(&configs);
        assert_eq!(tags.len(), 2);
        assert_eq!(&*tags.of(1), &[Arc::from("a"), Arc::from("b")]);
        assert!(tags.of(2).is_empty());
        assert!(tags.of(0).is_empty());
        assert!(tags.of(3).is_empty());
    }

    #[test]
    fn groups_merge_by_id() {
        let configs: Vec<InputConfig> = serde_json::from_value(serde_json::json!([
            {"static": {"count": 2}},
            {"static": {"count": 1}},
        ]))
        .unwrap();
        let groups = build_groups(&configs, Path::new("."), &ctx(NEW_YEAR_2026)).unwrap();
        assert!(groups.interactive.is_none());
        assert!(!groups.unbounded);
        let all: Vec<(i64, u16)> = groups.scheduled.unwrap().flatten().collect();
        assert_eq!(
            all,
            vec![(NEW_YEAR_2026, 1), (NEW_YEAR_2026, 1), (NEW_YEAR_2026, 2)]
        );
    }

    #[test]
    fn build_validates_first() {
        let config: InputConfig =
            serde_json::from_value(serde_json::json!({"static": {"count": 0}})).unwrap();
        let err = build(&config, 1, Path::new("."), &ctx(0)).err().unwrap();
        assert_eq!(err.message, "static.count: must be greater than 0 (got 0)");
        let config: InputConfig =
            serde_json::from_value(serde_json::json!({"static": {"count": 3}})).unwrap();
        let mut source = build(&config, 1, Path::new("."), &ctx(5)).unwrap();
        assert_eq!(drain(source.as_mut()), vec![5, 5, 5]);
    }

    #[test]
    fn wakeup_counts_notifications() {
        let w = Wakeup::default();
        let seen = w.generation();
        let w2 = w.clone();
        let t = std::thread::spawn(move || w2.notify());
        w.wait_past(seen);
        t.join().unwrap();
        assert_eq!(w.generation(), seen + 1);
    }
}
