//! The core shared by the stdout and file outputs: every formatted string
//! followed by the separator, encoded, through a buffer that is flushed
//! after every batch or on a timer.

use super::OutputError;
use super::config::Encoding;
use crate::format::Formatted;
use std::io::{self, BufWriter, Write};
use std::time::{Duration, Instant};

/// Buffer size of the writer.
const BUFFER: usize = 64 * 1024;

/// Writes `event + separator` for each formatted string into `W`.
///
/// Time is passed in (`now`), so the flush policy is testable with made-up
/// instants: with a zero interval every batch is flushed at once, otherwise
/// [`LineWriter::tick`] flushes data that has waited at least the interval.
#[derive(Debug)]
pub struct LineWriter<W: Write> {
    inner: BufWriter<W>,
    target: String,
    encoding: Encoding,
    separator: Vec<u8>,
    flush_interval: Duration,
    unflushed_since: Option<Instant>,
    gone: bool,
    scratch: Vec<u8>,
}

impl<W: Write> LineWriter<W> {
    /// A writer into `inner`; `target` names it in errors (`stdout`, a path).
    pub fn new(
        inner: W,
        target: impl Into<String>,
        encoding: Encoding,
        separator: &str,
        flush_interval: Duration,
    ) -> Result<Self, OutputError> {
        let target = target.into();
        let mut encoded = Vec::new();
        encoding
            .encode_into(separator.as_bytes(), &mut encoded)
            .map_err(|e| OutputError::Config(format!("{target}: `separator`: {e}")))?;
        Ok(Self {
            inner: BufWriter::with_capacity(BUFFER, inner),
            target,
            encoding,
            separator: encoded,
            flush_interval,
            unflushed_since: None,
            gone: false,
            scratch: Vec::new(),
        })
    }

    /// Writes every string of `batch`, each followed by the separator.
    ///
    /// A batch is encoded as a whole before anything is written, so an
    /// encoding error writes nothing.
    pub fn write_batch(&mut self, batch: &Formatted, now: Instant) -> Result<(), OutputError> {
        if self.gone {
            return Err(self.consumer_gone());
        }
        if batch.is_empty() {
            return Ok(());
        }
        let result = if self.encoding == Encoding::Utf8 {
            if !batch.separator().is_empty() && batch.separator() == self.separator {
                // Laid out as this output writes it: written from where it
                // is, without a copy through the buffer, in writes of the
                // buffer's size (1 MiB writes into a file cost the kernel
                // twice the system time).
                let bytes = batch.bytes();
                if bytes.len() < BUFFER {
                    self.inner.write_all(bytes)
                } else {
                    self.inner.flush().and_then(|()| {
                        let target = self.inner.get_mut();
                        bytes.chunks(BUFFER).try_for_each(|c| target.write_all(c))
                    })
                }
            } else {
                batch.iter().try_for_each(|event| {
                    self.inner.write_all(event)?;
                    self.inner.write_all(&self.separator)
                })
            }
        } else {
            self.scratch.clear();
            for event in batch.iter() {
                self.encoding
                    .encode_into(event, &mut self.scratch)
                    .map_err(|e| OutputError::Encode {
                        target: self.target.clone(),
                        message: e.to_string(),
                    })?;
                self.scratch.extend_from_slice(&self.separator);
            }
            self.inner.write_all(&self.scratch)
        };
        result.map_err(|e| self.io_error(e))?;
        if self.flush_interval.is_zero() {
            self.flush()
        } else {
            self.unflushed_since.get_or_insert(now);
            Ok(())
        }
    }

    /// Flushes buffered data that has waited at least the flush interval.
    pub fn tick(&mut self, now: Instant) -> Result<(), OutputError> {
        match self.unflushed_since {
            Some(since) if now.saturating_duration_since(since) >= self.flush_interval => {
                self.flush()
            }
            _ => Ok(()),
        }
    }

    /// Writes out everything buffered.
    pub fn flush(&mut self) -> Result<(), OutputError> {
        if self.gone {
            return Err(self.consumer_gone());
        }
        self.unflushed_since = None;
        self.inner.flush().map_err(|e| self.io_error(e))
    }

    /// Whether data waits in the buffer.
    pub fn has_pending(&self) -> bool {
        !self.inner.buffer().is_empty()
    }

    /// Whether the reader went away (a broken pipe); nothing more is written.
    pub fn is_gone(&self) -> bool {
        self.gone
    }

    /// The underlying writer (what has been flushed so far).
    pub fn get_ref(&self) -> &W {
        self.inner.get_ref()
    }

    fn consumer_gone(&self) -> OutputError {
        OutputError::ConsumerGone {
            target: self.target.clone(),
        }
    }

    fn io_error(&mut self, error: io::Error) -> OutputError {
        if error.kind() == io::ErrorKind::BrokenPipe {
            self.gone = true;
            self.consumer_gone()
        } else {
            OutputError::Write {
                target: self.target.clone(),
                source: error,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn formatted(events: &[&str]) -> Formatted {
        let mut f = Formatted::new();
        for e in events {
            f.push(e.as_bytes());
        }
        f
    }

    fn writer(interval: f64, encoding: Encoding, separator: &str) -> LineWriter<Vec<u8>> {
        LineWriter::new(
            Vec::new(),
            "test",
            encoding,
            separator,
            Duration::from_secs_f64(interval),
        )
        .unwrap()
    }

    #[test]
    fn writes_event_then_separator() {
        let t0 = Instant::now();
        let mut w = writer(0.0, Encoding::Utf8, "\n");
        w.write_batch(&formatted(&["a", "b"]), t0).unwrap();
        w.write_batch(&formatted(&[]), t0).unwrap();
        w.write_batch(&formatted(&["{\n  \"c\": 1\n}"]), t0)
            .unwrap();
        assert_eq!(w.get_ref(), b"a\nb\n{\n  \"c\": 1\n}\n");

        let mut w = writer(0.0, Encoding::Utf8, "");
        w.write_batch(&formatted(&["a", "b"]), t0).unwrap();
        assert_eq!(w.get_ref(), b"ab", "Eventum's separator='' test");

        let mut w = writer(0.0, Encoding::Utf8, " | ");
        w.write_batch(&formatted(&["a", "b"]), t0).unwrap();
        assert_eq!(w.get_ref(), b"a | b | ");
    }

    /// Records the size of every write.
    #[derive(Default)]
    struct Recorder {
        data: Vec<u8>,
        writes: Vec<usize>,
    }

    impl Write for Recorder {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.data.extend_from_slice(buf);
            self.writes.push(buf.len());
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn separated(events: &[&[u8]], separator: &[u8]) -> Formatted {
        let mut batch = crate::generator::EventBatch::new();
        batch.set_separator(separator);
        for e in events {
            batch.push(e);
        }
        Formatted::from_event_batch(batch)
    }

    #[test]
    fn batches_laid_out_with_the_separator_are_written_as_they_are() {
        let t0 = Instant::now();
        let big = vec![b'x'; BUFFER + 10];
        let mut w = LineWriter::new(
            Recorder::default(),
            "t",
            Encoding::Utf8,
            "\n",
            Duration::from_secs(9),
        )
        .unwrap();
        w.write_batch(&formatted(&["a"]), t0).unwrap();
        w.write_batch(&separated(&[b"b", b"c"], b"\n"), t0).unwrap();
        assert!(w.get_ref().data.is_empty(), "small batches stay buffered");
        w.write_batch(&separated(&[b"d", &big, b"e"], b"\n"), t0)
            .unwrap();
        // A different separator in the batch: the output's own is written.
        w.write_batch(&separated(&[b"f", b"g"], b"|"), t0).unwrap();
        w.flush().unwrap();
        let mut expected = b"a\nb\nc\nd\n".to_vec();
        expected.extend_from_slice(&big);
        expected.extend_from_slice(b"\ne\nf\ng\n");
        assert_eq!(w.get_ref().data, expected);
        assert!(
            w.get_ref().writes.iter().all(|&n| n <= BUFFER),
            "{:?}",
            w.get_ref().writes
        );
    }

    #[test]
    fn zero_interval_flushes_every_batch() {
        let t0 = Instant::now();
        let mut w = writer(0.0, Encoding::Utf8, "\n");
        w.write_batch(&formatted(&["a"]), t0).unwrap();
        assert_eq!(w.get_ref(), b"a\n");
        assert!(!w.has_pending());
    }

    #[test]
    fn interval_flushes_on_tick_once_data_is_old_enough() {
        let t0 = Instant::now();
        let s = Duration::from_secs;
        let mut w = writer(1.0, Encoding::Utf8, "\n");
        w.tick(t0).unwrap();
        w.write_batch(&formatted(&["a"]), t0).unwrap();
        assert_eq!(w.get_ref(), b"", "buffered");
        w.write_batch(&formatted(&["b"]), t0 + s(1) / 2).unwrap();
        w.tick(t0 + s(1) / 2).unwrap();
        assert_eq!(w.get_ref(), b"", "the oldest data is 0.5 s old");
        w.tick(t0 + s(1)).unwrap();
        assert_eq!(w.get_ref(), b"a\nb\n");
        assert!(!w.has_pending());

        w.write_batch(&formatted(&["c"]), t0 + s(5)).unwrap();
        w.tick(t0 + s(5) + s(1) / 2).unwrap();
        assert_eq!(w.get_ref(), b"a\nb\n", "the clock restarts with new data");
        w.tick(t0 + s(7)).unwrap();
        assert_eq!(w.get_ref(), b"a\nb\nc\n");
    }

    #[test]
    fn explicit_flush_writes_everything() {
        let mut w = writer(10.0, Encoding::Utf8, "\n");
        w.write_batch(&formatted(&["a"]), Instant::now()).unwrap();
        assert!(w.has_pending());
        w.flush().unwrap();
        assert_eq!(w.get_ref(), b"a\n");
    }

    #[test]
    fn encoding_errors_fail_the_whole_batch() {
        let t0 = Instant::now();
        let mut w = writer(0.0, Encoding::Latin1, "\n");
        w.write_batch(&formatted(&["caf\u{e9}"]), t0).unwrap();
        let error = w
            .write_batch(&formatted(&["ok", "\u{20ac}"]), t0)
            .unwrap_err();
        assert!(matches!(error, OutputError::Encode { .. }), "{error}");
        assert_eq!(
            error.to_string(),
            "cannot encode events for test: 'latin_1' codec can't encode character '€' (U+20AC)"
        );
        assert_eq!(w.get_ref(), b"caf\xe9\n", "nothing of the failed batch");
    }

    #[test]
    fn unencodable_separator_is_a_config_error() {
        let error = LineWriter::new(
            Vec::new(),
            "stdout",
            Encoding::Ascii,
            "\u{b6}",
            Duration::ZERO,
        )
        .unwrap_err();
        assert!(matches!(error, OutputError::Config(_)), "{error}");
    }

    /// A reader that went away after `limit` bytes.
    struct ClosedPipe {
        written: Vec<u8>,
        limit: usize,
    }

    impl Write for ClosedPipe {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.written.len() >= self.limit {
                return Err(io::ErrorKind::BrokenPipe.into());
            }
            let n = buf.len().min(self.limit - self.written.len());
            self.written.extend_from_slice(&buf[..n]);
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn broken_pipe_is_consumer_gone_and_stops_writing() {
        let t0 = Instant::now();
        let pipe = ClosedPipe {
            written: Vec::new(),
            limit: 4,
        };
        let mut w = LineWriter::new(pipe, "stdout", Encoding::Utf8, "\n", Duration::ZERO).unwrap();
        w.write_batch(&formatted(&["a"]), t0).unwrap();
        let error = w.write_batch(&formatted(&["bbbb"]), t0).unwrap_err();
        assert!(matches!(error, OutputError::ConsumerGone { .. }), "{error}");
        assert!(w.is_gone());
        assert!(matches!(
            w.write_batch(&formatted(&["c"]), t0),
            Err(OutputError::ConsumerGone { .. })
        ));
        assert_eq!(w.get_ref().written, b"a\nbb");
    }

    #[test]
    fn other_io_errors_name_the_target() {
        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::other("disk full"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut w =
            LineWriter::new(Full, "/x/y.log", Encoding::Utf8, "\n", Duration::ZERO).unwrap();
        let error = w
            .write_batch(&formatted(&["a"]), Instant::now())
            .unwrap_err();
        assert_eq!(error.to_string(), "failed to write to /x/y.log: disk full");
        assert!(!w.is_gone());
    }
}
