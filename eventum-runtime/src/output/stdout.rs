//! The `stdout` output: a [`LineWriter`] over the process's stdout or stderr.

use super::config::{StdoutConfig, Stream, seconds};
use super::{LineWriter, Output, OutputError};
use crate::format::Formatted;
use std::io::{self, Write};
use std::time::Instant;

/// Standard output or standard error.
#[derive(Debug)]
pub enum StdStream {
    /// Standard output.
    Stdout(io::Stdout),
    /// Standard error.
    Stderr(io::Stderr),
}

impl Write for StdStream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Self::Stdout(s) => s.write(buf),
            Self::Stderr(s) => s.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Self::Stdout(s) => s.write_all(buf),
            Self::Stderr(s) => s.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Self::Stdout(s) => s.flush(),
            Self::Stderr(s) => s.flush(),
        }
    }
}

/// The `stdout` plugin.
#[derive(Debug)]
pub struct StdoutOutput {
    writer: LineWriter<StdStream>,
    open: bool,
}

impl StdoutOutput {
    /// Checks the config and prepares the writer (nothing is written yet).
    pub fn new(config: &StdoutConfig) -> Result<Self, OutputError> {
        let interval = seconds("flush_interval", config.flush_interval, 0.0)
            .map_err(|e| OutputError::Config(format!("stdout: {e}")))?;
        let (stream, target) = match config.stream {
            Stream::Stdout => (StdStream::Stdout(io::stdout()), "stdout"),
            Stream::Stderr => (StdStream::Stderr(io::stderr()), "stderr"),
        };
        let writer = LineWriter::new(stream, target, config.encoding, &config.separator, interval)?;
        Ok(Self {
            writer,
            open: false,
        })
    }
}

impl Output for StdoutOutput {
    fn open(&mut self) -> Result<(), OutputError> {
        self.open = true;
        Ok(())
    }

    fn write(&mut self, batch: &Formatted) -> Result<usize, OutputError> {
        if !self.open {
            return Err(OutputError::NotOpen {
                target: "stdout".into(),
            });
        }
        if batch.is_empty() {
            return Ok(0);
        }
        self.writer.write_batch(batch, Instant::now())?;
        Ok(batch.event_count())
    }

    fn tick(&mut self, now: Instant) -> Result<(), OutputError> {
        if self.writer.is_gone() {
            return Ok(());
        }
        self.writer.tick(now)
    }

    fn close(&mut self) -> Result<(), OutputError> {
        self.open = false;
        if self.writer.is_gone() {
            return Ok(());
        }
        self.writer.flush()
    }

    fn name(&self) -> &'static str {
        "stdout"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes to stderr, but only empty events without a separator, so
    /// nothing shows up in the test output.
    fn silent_output() -> StdoutOutput {
        StdoutOutput::new(&StdoutConfig {
            stream: Stream::Stderr,
            separator: String::new(),
            ..StdoutConfig::default()
        })
        .unwrap()
    }

    #[test]
    fn writes_require_open_and_skip_empty_batches() {
        let mut output = silent_output();
        let mut batch = Formatted::new();
        batch.push(b"");
        assert!(matches!(
            output.write(&batch),
            Err(OutputError::NotOpen { .. })
        ));
        output.open().unwrap();
        assert_eq!(output.write(&Formatted::new()).unwrap(), 0);
        assert_eq!(output.write(&batch).unwrap(), 1);
        output.tick(Instant::now()).unwrap();
        output.close().unwrap();
    }

    #[test]
    fn aggregated_batches_count_every_event() {
        let mut output = silent_output();
        output.open().unwrap();
        let mut batch = Formatted::new();
        batch.push(b"");
        batch.set_event_count(5);
        assert_eq!(output.write(&batch).unwrap(), 5);
        output.close().unwrap();
    }

    #[test]
    fn bad_config_is_an_error() {
        let error = StdoutOutput::new(&StdoutConfig {
            flush_interval: -1.0,
            ..StdoutConfig::default()
        })
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "stdout: `flush_interval` must be a number >= 0, got -1"
        );
    }
}
