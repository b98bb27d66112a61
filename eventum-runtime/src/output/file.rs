//! The `file` output: a [`LineWriter`] over a file that is closed when idle,
//! reopened on demand, and reopened if it was deleted.

use super::config::{FileConfig, WriteMode, octal_file_mode, seconds};
use super::{LineWriter, Output, OutputError};
use crate::format::Formatted;
use std::fs::{self, File, OpenOptions};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The `file` plugin.
#[derive(Debug)]
pub struct FileOutput {
    path: PathBuf,
    target: String,
    mode: u32,
    write_mode: WriteMode,
    flush_interval: Duration,
    cleanup_interval: Duration,
    encoding: super::Encoding,
    separator: String,
    file: Option<LineWriter<File>>,
    open: bool,
    last_write: Instant,
}

impl FileOutput {
    /// Checks the config; a relative `path` resolves against `base_dir`.
    /// Nothing is touched on disk until [`Output::open`].
    pub fn new(config: &FileConfig, base_dir: &Path) -> Result<Self, OutputError> {
        let error = |e: String| OutputError::Config(format!("file: {e}"));
        let path = base_dir.join(&config.path);
        let output = Self {
            target: path.display().to_string(),
            path,
            mode: octal_file_mode(config.file_mode).map_err(error)?,
            write_mode: config.write_mode,
            flush_interval: seconds("flush_interval", config.flush_interval, 0.0).map_err(error)?,
            cleanup_interval: seconds("cleanup_interval", config.cleanup_interval, 1.0)
                .map_err(error)?,
            encoding: config.encoding,
            separator: config.separator.clone(),
            file: None,
            open: false,
            last_write: Instant::now(),
        };
        // Fails early on a separator the encoding cannot represent.
        output
            .encoding
            .encode_into(output.separator.as_bytes(), &mut Vec::new())
            .map_err(|e| error(format!("`separator`: {e}")))?;
        Ok(output)
    }

    /// The resolved path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file is open now (it is closed after `cleanup_interval`
    /// without writes).
    pub fn is_open(&self) -> bool {
        self.file.is_some()
    }

    fn open_file(&self, write_mode: WriteMode) -> Result<LineWriter<File>, OutputError> {
        let error = |source| OutputError::Open {
            target: self.target.clone(),
            source,
        };
        if let Some(parent) = self.path.parent() {
            fs::create_dir_all(parent).map_err(error)?;
        }
        let mut options = OpenOptions::new();
        options.create(true).mode(self.mode);
        match write_mode {
            WriteMode::Append => options.append(true),
            WriteMode::Overwrite => options.write(true).truncate(true),
        };
        let file = options.open(&self.path).map_err(error)?;
        LineWriter::new(
            file,
            self.target.clone(),
            self.encoding,
            &self.separator,
            self.flush_interval,
        )
    }

    /// Whether the open file still has a name (Eventum checks `st_nlink`).
    fn is_deleted(writer: &LineWriter<File>) -> bool {
        writer.get_ref().metadata().map_or(true, |m| m.nlink() == 0)
    }
}

impl Output for FileOutput {
    fn open(&mut self) -> Result<(), OutputError> {
        self.file = Some(self.open_file(self.write_mode)?);
        self.open = true;
        self.last_write = Instant::now();
        Ok(())
    }

    fn write(&mut self, batch: &Formatted) -> Result<usize, OutputError> {
        if !self.open {
            return Err(OutputError::NotOpen {
                target: self.target.clone(),
            });
        }
        if batch.is_empty() {
            return Ok(0);
        }
        if self.file.as_ref().is_none_or(Self::is_deleted) {
            // What was still buffered for a deleted file is lost, as in Eventum.
            self.file = None;
            self.file = Some(self.open_file(WriteMode::Append)?);
        }
        let now = Instant::now();
        self.last_write = now;
        let writer = self.file.as_mut().expect("opened above");
        writer.write_batch(batch, now)?;
        Ok(batch.event_count())
    }

    fn tick(&mut self, now: Instant) -> Result<(), OutputError> {
        let Some(writer) = self.file.as_mut() else {
            return Ok(());
        };
        if now.saturating_duration_since(self.last_write) >= self.cleanup_interval {
            let result = writer.flush();
            self.file = None;
            result
        } else {
            writer.tick(now)
        }
    }

    fn close(&mut self) -> Result<(), OutputError> {
        self.open = false;
        match self.file.take() {
            Some(mut writer) => writer.flush(),
            None => Ok(()),
        }
    }

    fn name(&self) -> &'static str {
        "file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    /// A fresh directory under the system temp dir, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> Self {
            let dir =
                std::env::temp_dir().join(format!("eventum-output-{name}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).unwrap();
            Self(dir)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn batch(events: &[&str]) -> Formatted {
        let mut f = Formatted::new();
        for e in events {
            f.push(e.as_bytes());
        }
        f
    }

    fn config(yaml: &str) -> FileConfig {
        let super::super::OutputConfig::File(c) = serde_saphyr::from_str(yaml).unwrap() else {
            panic!("not a file config: {yaml}")
        };
        c
    }

    fn read(path: &Path) -> String {
        fs::read_to_string(path).unwrap()
    }

    #[test]
    fn creates_parent_directories_and_writes_lines() {
        let dir = TempDir::new("dirs");
        let mut out = FileOutput::new(
            &config("file:\n  path: a/b/events.log\n  flush_interval: 0"),
            &dir.0,
        )
        .unwrap();
        out.open().unwrap();
        assert_eq!(
            out.write(&batch(&["event1", "event2", "event3"])).unwrap(),
            3
        );
        let path = dir.0.join("a/b/events.log");
        assert_eq!(out.path(), path);
        assert_eq!(read(&path), "event1\nevent2\nevent3\n");
        out.close().unwrap();
    }

    #[test]
    fn absolute_paths_are_kept() {
        let dir = TempDir::new("abs");
        let path = dir.0.join("abs.log");
        let out = FileOutput::new(&FileConfig::new(&path), Path::new("/elsewhere")).unwrap();
        assert_eq!(out.path(), path);
    }

    #[test]
    fn separator_and_close_flush() {
        let dir = TempDir::new("sep");
        let mut out =
            FileOutput::new(&config("file:\n  path: s.log\n  separator: ''"), &dir.0).unwrap();
        out.open().unwrap();
        out.write(&batch(&["event1", "event2", "event3"])).unwrap();
        out.close().unwrap();
        assert_eq!(read(&dir.0.join("s.log")), "event1event2event3");
    }

    #[test]
    fn append_and_overwrite() {
        // Eventum's tests: overwrite then overwrite keeps only the second
        // write; overwrite then append keeps both.
        let dir = TempDir::new("modes");
        let run = |yaml: &str, event: &str| {
            let mut out = FileOutput::new(&config(yaml), &dir.0).unwrap();
            out.open().unwrap();
            out.write(&batch(&[event])).unwrap();
            out.close().unwrap();
        };
        let path = dir.0.join("m.log");
        run("file:\n  path: m.log\n  write_mode: overwrite", "a");
        run("file:\n  path: m.log\n  write_mode: overwrite", "b");
        assert_eq!(read(&path), "b\n");
        run("file:\n  path: m.log\n  write_mode: append", "c");
        assert_eq!(read(&path), "b\nc\n");
        run("file:\n  path: m.log", "d");
        assert_eq!(read(&path), "b\nc\nd\n");
    }

    #[test]
    fn overwrite_truncates_only_once() {
        let dir = TempDir::new("once");
        let path = dir.0.join("o.log");
        fs::write(&path, "old\n").unwrap();
        let mut out = FileOutput::new(
            &config("file:\n  path: o.log\n  write_mode: overwrite\n  flush_interval: 0"),
            &dir.0,
        )
        .unwrap();
        out.open().unwrap();
        assert_eq!(read(&path), "", "truncated at open");
        out.write(&batch(&["a"])).unwrap();
        out.tick(Instant::now() + Duration::from_secs(11)).unwrap();
        assert!(!out.is_open());
        out.write(&batch(&["b"])).unwrap();
        assert_eq!(read(&path), "a\nb\n", "reopened in append mode");
        out.close().unwrap();
    }

    #[test]
    fn file_mode_is_read_as_octal_digits() {
        let dir = TempDir::new("mode");
        for (digits, mode) in [(600, 0o600), (640, 0o640)] {
            let name = format!("{digits}.log");
            let mut out = FileOutput::new(
                &config(&format!("file:\n  path: {name}\n  file_mode: {digits}")),
                &dir.0,
            )
            .unwrap();
            out.open().unwrap();
            out.close().unwrap();
            let permissions = fs::metadata(dir.0.join(&name)).unwrap().permissions();
            assert_eq!(permissions.mode() & 0o7777, mode, "file_mode {digits}");
        }
        // The mode applies on creation only.
        let path = dir.0.join("600.log");
        let mut out =
            FileOutput::new(&config("file:\n  path: 600.log\n  file_mode: 644"), &dir.0).unwrap();
        out.open().unwrap();
        out.close().unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o7777,
            0o600
        );
    }

    #[test]
    fn reopens_a_deleted_file() {
        let dir = TempDir::new("deleted");
        let path = dir.0.join("sub/d.log");
        let mut out = FileOutput::new(
            &config("file:\n  path: sub/d.log\n  flush_interval: 0"),
            &dir.0,
        )
        .unwrap();
        out.open().unwrap();
        out.write(&batch(&["a"])).unwrap();
        fs::remove_dir_all(dir.0.join("sub")).unwrap();
        out.write(&batch(&["b"])).unwrap();
        assert_eq!(read(&path), "b\n", "recreated with its directory");
        out.write(&batch(&["c"])).unwrap();
        assert_eq!(read(&path), "b\nc\n");
        out.close().unwrap();
    }

    #[test]
    fn flush_interval_and_idle_close_follow_tick() {
        let dir = TempDir::new("tick");
        let path = dir.0.join("t.log");
        let mut out = FileOutput::new(
            &config("file:\n  path: t.log\n  flush_interval: 100\n  cleanup_interval: 1000"),
            &dir.0,
        )
        .unwrap();
        out.open().unwrap();
        out.write(&batch(&["a"])).unwrap();
        let t = Instant::now();
        let s = Duration::from_secs;
        out.tick(t + s(1)).unwrap();
        assert_eq!(read(&path), "", "still buffered");
        out.tick(t + s(100)).unwrap();
        assert_eq!(read(&path), "a\n", "flushed after flush_interval");
        out.write(&batch(&["b"])).unwrap();
        let t = Instant::now();
        out.tick(t + s(500)).unwrap();
        assert!(out.is_open());
        out.tick(t + s(1000)).unwrap();
        assert!(!out.is_open(), "closed after cleanup_interval idle");
        assert_eq!(read(&path), "a\nb\n");
        out.tick(t + s(2000)).unwrap();
        out.write(&batch(&["c"])).unwrap();
        assert!(out.is_open(), "reopened on write");
        out.close().unwrap();
        assert_eq!(read(&path), "a\nb\nc\n");
    }

    #[test]
    fn empty_batches_do_not_touch_the_file() {
        let dir = TempDir::new("empty");
        let mut out = FileOutput::new(&config("file:\n  path: e.log"), &dir.0).unwrap();
        out.open().unwrap();
        out.tick(Instant::now() + Duration::from_secs(11)).unwrap();
        assert!(!out.is_open());
        assert_eq!(out.write(&Formatted::new()).unwrap(), 0);
        assert!(!out.is_open());
        out.close().unwrap();
    }

    #[test]
    fn errors_name_the_path() {
        let dir = TempDir::new("errors");
        fs::write(dir.0.join("plain-file"), "").unwrap();
        let mut out = FileOutput::new(&config("file:\n  path: plain-file/x.log"), &dir.0).unwrap();
        let error = out.open().unwrap_err();
        assert!(matches!(error, OutputError::Open { .. }));
        assert!(error.to_string().contains("plain-file/x.log"), "{error}");

        let mut out = FileOutput::new(&config("file:\n  path: n.log"), &dir.0).unwrap();
        let error = out.write(&batch(&["a"])).unwrap_err();
        assert!(matches!(error, OutputError::NotOpen { .. }), "{error}");
    }

    #[test]
    fn encoding_applies_to_the_file() {
        let dir = TempDir::new("enc");
        let mut out = FileOutput::new(
            &config("file:\n  path: l.log\n  encoding: latin_1\n  flush_interval: 0"),
            &dir.0,
        )
        .unwrap();
        out.open().unwrap();
        out.write(&batch(&["caf\u{e9}"])).unwrap();
        assert!(matches!(
            out.write(&batch(&["\u{20ac}"])),
            Err(OutputError::Encode { .. })
        ));
        out.close().unwrap();
        assert_eq!(fs::read(dir.0.join("l.log")).unwrap(), b"caf\xe9\n");

        let error = FileOutput::new(
            &config("file:\n  path: x\n  encoding: ascii\n  separator: \"\u{b6}\""),
            &dir.0,
        )
        .unwrap_err();
        assert!(matches!(error, OutputError::Config(_)), "{error}");
    }
}
