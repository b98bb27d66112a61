//! Output plugins (spec §8.2): where formatted events go.
//!
//! # Design, and how network outputs fit
//!
//! An output is a [`Formatter`] plus an [`Output`]. The two are split
//! because they run in different places:
//!
//! - **Formatting runs on the worker threads.** The engine calls
//!   [`Formatter::format`] (which takes `&self`) right after a batch is
//!   produced, into a [`Formatted`] buffer, once per output. Eventum formats in
//!   a worker thread too; only writing stays on the output side.
//! - **Writing runs on one output thread per output.** Formatted batches reach
//!   it through a bounded channel, so a slow output blocks the producers
//!   instead of growing memory (backpressure, Eventum's bounded queues).
//!   The thread calls [`Output::write`] batch by batch and [`Output::tick`]
//!   about every 100 ms, so time-based work (flush intervals, closing idle
//!   files, a kafka `linger_ms`, an HTTP keep-alive) happens even when no batch
//!   arrives.
//!
//! A network output (`http`, `opensearch`, `kafka`, `tcp`, `udp`, `clickhouse`)
//! is one more [`Output`] implementation, with nothing else changing:
//! it connects in [`Output::open`] and keeps its connection (reconnecting
//! when it breaks); [`Output::write`] sends one request or frame per
//! formatted string (`http`, `kafka`) or one per batch (`opensearch` bulk,
//! `tcp`, `clickhouse`), retrying with backoff inside the call, which also
//! holds back the channel while it waits; it returns how many events were
//! written (fewer than [`Formatted::event_count`] when a bulk response
//! reports per-item failures), or an error for the batch. [`Output::tick`]
//! flushes batches an output accumulates itself, and [`Output::close`] flushes
//! and disconnects. The engine keeps the [`OutputStats`] from the format and
//! write results, exactly as for stdout and file.

pub mod config;
pub mod file;
pub mod line_writer;
pub mod stdout;

pub use config::{Encoding, FileConfig, OutputConfig, StdoutConfig, Stream, WriteMode};
pub use file::FileOutput;
pub use line_writer::LineWriter;
pub use stdout::StdoutOutput;

use crate::format::{FormatStats, Formatted, Formatter};
use std::fmt;
use std::io;
use std::path::Path;
use std::time::Instant;

/// An output plugin. Opened once, then written batch by batch from the
/// output thread.
pub trait Output: Send {
    /// Prepares for writing (opens the file, connects).
    fn open(&mut self) -> Result<(), OutputError>;

    /// Writes one formatted batch; returns the number of events written.
    /// An empty batch writes nothing and returns 0.
    fn write(&mut self, batch: &Formatted) -> Result<usize, OutputError>;

    /// Called periodically (about every 100 ms) and at the end, so
    /// time-based flushing/closing works even when no batch arrives.
    fn tick(&mut self, now: Instant) -> Result<(), OutputError>;

    /// Flushes and releases everything.
    fn close(&mut self) -> Result<(), OutputError>;

    /// The plugin name (`stdout`, `file`).
    fn name(&self) -> &str;
}

/// What went wrong in an output.
#[derive(Debug)]
pub enum OutputError {
    /// Bad configuration (the message names the field).
    Config(String),
    /// The target could not be opened (or reopened).
    Open {
        /// The path or stream.
        target: String,
        /// The cause.
        source: io::Error,
    },
    /// Writing or flushing failed.
    Write {
        /// The path or stream.
        target: String,
        /// The cause.
        source: io::Error,
    },
    /// An event cannot be represented in the configured encoding; the batch
    /// was not written.
    Encode {
        /// The path or stream.
        target: String,
        /// The cause.
        message: String,
    },
    /// The reader went away (a broken pipe, e.g. `eventum-rs ... | head`).
    /// Not a failure of the generator: the engine stops writing to this
    /// output, quietly.
    ConsumerGone {
        /// The stream.
        target: String,
    },
    /// [`Output::write`] before [`Output::open`].
    NotOpen {
        /// The plugin.
        target: String,
    },
}

impl OutputError {
    /// Whether the reader went away ([`OutputError::ConsumerGone`]).
    pub const fn is_consumer_gone(&self) -> bool {
        matches!(self, Self::ConsumerGone { .. })
    }
}

impl fmt::Display for OutputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Config(message) => f.write_str(message),
            Self::Open { target, source } => write!(f, "failed to open {target}: {source}"),
            Self::Write { target, source } => write!(f, "failed to write to {target}: {source}"),
            Self::Encode { target, message } => {
                write!(f, "cannot encode events for {target}: {message}")
            }
            Self::ConsumerGone { target } => {
                write!(f, "the reader of {target} went away (broken pipe)")
            }
            Self::NotOpen { target } => write!(f, "{target} is not open for writing"),
        }
    }
}

impl std::error::Error for OutputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Open { source, .. } | Self::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Eventum's per-output counters.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct OutputStats {
    /// Events written.
    pub written: u64,
    /// Events dropped by the formatter.
    pub format_failed: u64,
    /// Formatted events whose write failed.
    pub write_failed: u64,
    /// Write, flush and close errors (not a reader going away). Events an
    /// output had buffered when a flush failed are lost without being
    /// counted in `write_failed`, so any error here means lost output.
    pub io_errors: u64,
}

impl OutputStats {
    /// Counts the events a formatter dropped.
    pub fn record_format(&mut self, stats: FormatStats) {
        self.format_failed += stats.format_failed as u64;
    }

    /// Counts the outcome of writing `batch`: the events written, or on
    /// error every event of the batch as failed.
    pub fn record_write(&mut self, batch: &Formatted, result: &Result<usize, OutputError>) {
        match result {
            Ok(written) => self.written += *written as u64,
            Err(_) => self.write_failed += batch.event_count() as u64,
        }
    }
}

/// Builds the formatter and the output of one `output:` entry; relative
/// paths (file `path`, formatter `template_path`) resolve against `base_dir`.
pub fn build(
    config: &OutputConfig,
    base_dir: &Path,
) -> Result<(Formatter, Box<dyn Output>), OutputError> {
    let formatter = Formatter::new(&config.formatter(), base_dir)
        .map_err(|e| OutputError::Config(format!("{}: {e}", config.plugin_name())))?;
    let output: Box<dyn Output> = match config {
        OutputConfig::Stdout(c) => Box::new(StdoutOutput::new(c)?),
        OutputConfig::File(c) => Box::new(FileOutput::new(c, base_dir)?),
    };
    Ok((formatter, output))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generator::EventBatch;

    #[test]
    fn build_uses_the_default_formatter() {
        let config: OutputConfig = serde_saphyr::from_str("stdout: {}").unwrap();
        let (formatter, output) = build(&config, Path::new("/")).unwrap();
        assert_eq!(output.name(), "stdout");
        let mut batch = EventBatch::new();
        batch.push(b"not json");
        let mut out = Formatted::new();
        formatter.format(&batch, &mut out);
        assert_eq!(out.get(0), Some(&b"not json"[..]), "plain");
    }

    #[test]
    fn build_reports_formatter_errors() {
        let config: OutputConfig = serde_saphyr::from_str(
            "file:\n  path: x.log\n  formatter:\n    format: template\n    template_path: missing.jinja",
        )
        .unwrap();
        let error = build(&config, Path::new("/nonexistent")).err().unwrap();
        assert!(matches!(error, OutputError::Config(_)));
        assert!(
            error
                .to_string()
                .starts_with("file: formatter: cannot read template"),
            "{error}"
        );
    }

    #[test]
    fn stats_count_format_and_write_outcomes() {
        let mut stats = OutputStats::default();
        stats.record_format(FormatStats {
            formatted: 3,
            format_failed: 2,
        });
        let mut batch = Formatted::new();
        batch.push(b"[1, 2, 3]");
        batch.set_event_count(3);
        stats.record_write(&batch, &Ok(3));
        stats.record_write(
            &batch,
            &Err(OutputError::ConsumerGone {
                target: "stdout".into(),
            }),
        );
        assert_eq!(
            stats,
            OutputStats {
                written: 3,
                format_failed: 2,
                write_failed: 3,
                io_errors: 0,
            }
        );
    }

    #[test]
    fn outputs_are_send() {
        fn assert_send<T: Send>() {}
        assert_send::<Box<dyn Output>>();
        assert_send::<StdoutOutput>();
        assert_send::<FileOutput>();
    }
}
