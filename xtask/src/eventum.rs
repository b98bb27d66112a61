//! The real Python Eventum, for the conformance suite: install it into a
//! cache folder the project ignores, and run a pack on a finite input.
//!
//! Eventum 2.8.0 needs Python 3.14, which Debian 12 lacks. The install
//! (see [`ensure_eventum`] and `install.rs`) takes the interpreter from
//! Debian sid's packages, unpacked into a private root, and puts Eventum in
//! a venv on top of it. [`run_pack`] copies a pack, swaps its input for
//! `count` timestamps and its output for one JSON-lines file, runs
//! `eventum generate` and sorts what it logged into load and produce errors.

mod command;
mod files;
mod install;
mod pack_config;
mod stderr_log;

use anyhow::{Context, Result, bail};
use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

pub(crate) use install::ensure_eventum;

/// The Eventum version the project conforms to.
pub(crate) const EVENTUM_VERSION: &str = "2.8.0";

/// Where an installed Eventum lives.
#[derive(Debug, Clone)]
pub(crate) struct EventumInstall {
    /// The `eventum` command of the venv.
    pub(crate) eventum: PathBuf,
    /// The venv's Python 3.14.
    pub(crate) python: PathBuf,
    /// The cache folder holding the install, downloads and run scratch.
    pub(crate) cache_dir: PathBuf,
}

/// What one `eventum generate` run left behind.
#[derive(Debug, Clone)]
pub(crate) struct RunResult {
    /// The lines of the output file: one JSON document per event.
    pub(crate) events: Vec<String>,
    /// Everything Eventum logged (ANSI colours removed).
    pub(crate) stderr: String,
    /// The process exit code (`128 + signal` when a signal ended it).
    pub(crate) exit_code: i32,
    /// Errors before the generator started: config, plugin and template
    /// loading. Eventum exits with code 1 after them.
    pub(crate) load_errors: Vec<String>,
    /// Per-event errors: render failures (the timestamp yields nothing) and
    /// events the `json` formatter rejected (dropped).
    pub(crate) produce_errors: Vec<String>,
    /// Other errors during the run (output writes, timeouts, fatal stage
    /// errors): each one means lost events.
    pub(crate) other_errors: Vec<String>,
    /// Warnings, and any stderr text that is not a log record.
    pub(crate) warnings: Vec<String>,
}

impl RunResult {
    /// Everything about the run but its events, for failure messages.
    // Used by the integration tests that compile this module.
    #[allow(dead_code)]
    pub(crate) fn describe(&self) -> String {
        format!(
            "exit code {}\nload errors: {:#?}\nproduce errors: {:#?}\nother errors: {:#?}\nwarnings: {:#?}\nstderr:\n{}",
            self.exit_code,
            self.load_errors,
            self.produce_errors,
            self.other_errors,
            self.warnings,
            self.stderr
        )
    }
}

/// The generator id given to every run.
const RUN_ID: &str = "conformance";

/// A run that takes longer than this is killed: a finite input always ends,
/// so this only catches a hung process.
const RUN_TIMEOUT: Duration = Duration::from_hours(2);

/// Runs `pack_dir` (a folder with a `generator.yml`) under real Eventum on
/// exactly `count` timestamps, spread over one hour from
/// [`pack_config::LINSPACE_START`] (endpoint excluded), and collects the
/// events Eventum writes to `out_file` (created or truncated).
///
/// The pack is copied into a scratch folder in the cache; the copy's
/// `input` and `output` are replaced (see `pack_config.rs`), the rest of the
/// pack runs unchanged. Errors are returned for problems around the run
/// (no `generator.yml`, a layout that cannot be rewritten, a process that
/// cannot start); what Eventum itself reports lands in the [`RunResult`].
pub(crate) fn run_pack(
    install: &EventumInstall,
    pack_dir: &Path,
    count: usize,
    out_file: &Path,
) -> Result<RunResult> {
    run_pack_under(install, pack_dir, count, out_file, &[])
}

/// [`run_pack`] with `eventum` started through `prefix`, a program and its
/// first arguments (e.g. `/usr/bin/time -o FILE`); an empty prefix starts
/// `eventum` itself.
pub(crate) fn run_pack_under(
    install: &EventumInstall,
    pack_dir: &Path,
    count: usize,
    out_file: &Path,
    prefix: &[OsString],
) -> Result<RunResult> {
    if count == 0 {
        bail!("count must be at least 1 (Eventum's linspace input needs count >= 1)");
    }
    let config_path = pack_dir.join("generator.yml");
    let original = std::fs::read_to_string(&config_path)
        .with_context(|| format!("reading {}", config_path.display()))?;
    let out_file = std::path::absolute(out_file)
        .with_context(|| format!("resolving {}", out_file.display()))?;
    let rewritten = pack_config::rewrite(&original, count, &out_file)
        .with_context(|| format!("rewriting {} for a finite run", config_path.display()))?;

    let scratch = files::ScratchDir::create(&install.cache_dir.join("runs"))?;
    let pack_copy = scratch.path().join("pack");
    files::copy_dir(pack_dir, &pack_copy, &install.cache_dir)
        .with_context(|| format!("copying {}", pack_dir.display()))?;
    let config_copy = pack_copy.join("generator.yml");
    std::fs::write(&config_copy, rewritten)
        .with_context(|| format!("writing {}", config_copy.display()))?;

    if let Some(parent) = out_file.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    // A run that fails before opening its output must not leave a former
    // run's events behind.
    match std::fs::remove_file(&out_file) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(e).with_context(|| format!("removing {}", out_file.display()));
        }
        _ => {}
    }

    let (exit_code, stderr) = run_eventum(install, &config_copy, prefix)?;
    let events = match std::fs::read_to_string(&out_file) {
        Ok(text) => text.lines().map(str::to_owned).collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(e).with_context(|| format!("reading {}", out_file.display())),
    };

    let stderr = stderr_log::strip_ansi(&stderr);
    let mut found = stderr_log::classify(&stderr);
    if exit_code != 0 && found.load_errors.is_empty() {
        found.load_errors.push(format!(
            "eventum exited with code {exit_code}: {}",
            command::tail(&stderr, 20)
        ));
    }
    Ok(RunResult {
        events,
        stderr,
        exit_code,
        load_errors: found.load_errors,
        produce_errors: found.produce_errors,
        other_errors: found.other_errors,
        warnings: found.warnings,
    })
}

/// Runs `eventum generate` on `config` and returns its exit code and stderr.
///
/// stdin, stdout and stderr are all pipes (stdin closed at once): Eventum's
/// shutdown loses events when they are redirected to files or /dev/null.
/// Logging is at info level (`-vvvv`) so the "Initialization completed"
/// record separates load errors from run errors.
fn run_eventum(
    install: &EventumInstall,
    config: &Path,
    prefix: &[OsString],
) -> Result<(i32, String)> {
    let mut cmd = match prefix.split_first() {
        Some((program, args)) => {
            let mut cmd = install::python_command(Path::new(program));
            cmd.args(args).arg(&install.eventum);
            cmd
        }
        None => install::python_command(&install.eventum),
    };
    cmd.arg("generate")
        .arg("--path")
        .arg(config)
        .args([
            "--id",
            RUN_ID,
            "--live-mode",
            "false",
            "--write-timeout",
            "3600",
            "-vvvv",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .with_context(|| format!("starting {}", install.eventum.display()))?;
    drop(child.stdin.take());
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());

    let status = wait_with_deadline(&mut child, RUN_TIMEOUT)?;
    // Nothing should reach stdout (the only output is a file); reading it
    // just keeps the pipe from filling up.
    let _ = stdout.join();
    let stderr = stderr.join().unwrap_or_default();
    Ok((command::exit_code(status), stderr))
}

/// Reads a pipe to its end on a thread.
fn drain(pipe: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Waits for `child`, killing it after `limit`.
fn wait_with_deadline(child: &mut Child, limit: Duration) -> Result<std::process::ExitStatus> {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().context("waiting for eventum")? {
            return Ok(status);
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            bail!(
                "eventum did not finish within {} s and was killed",
                limit.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
