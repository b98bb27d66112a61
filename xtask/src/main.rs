//! Project automation, run as `cargo xtask <task>` (the cargo-xtask
//! convention: a workspace binary behind an alias in `.cargo/config.toml`).
//!
//! Generated files are checked by tests (`cargo test -p xtask`), so the
//! suite fails when someone forgets to regenerate them.

// xtask is a command-line tool: printing is its job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod bench;
mod build_generator;
mod codegen;
mod conformance;
mod eventum;
mod new_generator;
mod util;
mod validate;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Project automation for eventum-rs")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Regenerate the ECS tables the proc macro embeds (from reference/ecs).
    Codegen {
        /// Fail instead of writing when a generated file is out of date.
        #[arg(long)]
        check: bool,
    },
    /// Export bundled generators as Eventum packs (`dist/<name>/`).
    BuildGenerator {
        /// The generator (see `eventum-rs list`).
        name: Option<String>,
        /// Every exportable bundled generator.
        #[arg(long, conflicts_with = "name")]
        all: bool,
        /// Write the pack here instead of `dist/<name>/`.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Fail if the committed pack is out of date instead of writing it.
        #[arg(long)]
        check: bool,
    },
    /// Measure the native generator against the real Eventum (release build;
    /// takes minutes). Prints the table; `--write` updates BENCHMARKS.md.
    Bench {
        /// Events of each native throughput run.
        #[arg(long, default_value_t = 1_000_000)]
        events: u64,
        /// Events of the Eventum run.
        #[arg(long, default_value_t = 50_000)]
        eventum_events: usize,
        /// Events of the native run that measures peak RSS.
        #[arg(long, default_value_t = 10_000_000)]
        rss_events: u64,
        /// Runs of each native throughput scenario; the fastest is kept.
        #[arg(long, default_value_t = 3)]
        repeat: usize,
        /// Replace the generated table in BENCHMARKS.md.
        #[arg(long)]
        write: bool,
    },
    /// Scaffold a generator crate `generators/<category>-<source>` and
    /// register it in eventum-rs.
    NewGenerator {
        /// `<category>-<source>`, e.g. `network-cisco-asa`.
        name: String,
    },
    /// Check a generator before sharing it: export, ECS validity, live pacing.
    Validate {
        /// The generator.
        name: String,
        /// Native timestamps to check.
        #[arg(long, default_value_t = 2000)]
        count: usize,
        /// Seconds of live-mode run (0 skips it).
        #[arg(long, default_value_t = 4)]
        live_seconds: u64,
    },
    /// Compare exported packs under the real Eventum with the native
    /// generators: errors, event shapes and frequencies (installs Eventum
    /// first when it is missing).
    Conformance {
        /// The generator (see `eventum-rs list`).
        name: Option<String>,
        /// Every exportable bundled generator.
        #[arg(long, conflicts_with = "name")]
        all: bool,
        /// Number of timestamps for both runs.
        #[arg(long, default_value_t = 5000)]
        count: usize,
        /// Seed of the native generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Keep the temporary pack and both outputs, and print their paths.
        #[arg(long)]
        keep: bool,
        /// Also list the values seen on one side only that are not
        /// differences (clustered or not significant).
        #[arg(long, short)]
        verbose: bool,
    },
    /// Install or run the real Python Eventum, the conformance reference.
    Eventum {
        #[command(subcommand)]
        action: EventumAction,
    },
}

#[derive(Subcommand)]
enum EventumAction {
    /// Install Eventum into .eventum-cache (the first time takes minutes and
    /// needs Debian's archive and the Python Package Index; later calls
    /// return at once).
    Install,
    /// Run a pack on a finite input: the events go to stdout, a summary to
    /// stderr.
    Run {
        /// The pack folder (the one holding generator.yml).
        pack_dir: PathBuf,
        /// Number of timestamps (spread over one hour from 2026-01-01T00:00:00Z).
        #[arg(long, default_value_t = 1000)]
        count: usize,
        /// The file Eventum writes the events to [default:
        /// .eventum-cache/runs/last-run.jsonl].
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.task {
        Task::Codegen { check } => codegen::run(check),
        Task::NewGenerator { name } => new_generator::run(&name),
        Task::Validate {
            name,
            count,
            live_seconds,
        } => validate::run(&name, count, live_seconds),
        Task::BuildGenerator {
            name,
            all,
            out,
            check,
        } => build_generator::run(name.as_deref(), all, out, check),
        Task::Bench {
            events,
            eventum_events,
            rss_events,
            repeat,
            write,
        } => bench::run(&bench::Options {
            events,
            eventum_events,
            rss_events,
            repeat,
            write,
        }),
        Task::Conformance {
            name,
            all,
            count,
            seed,
            keep,
            verbose,
        } => conformance::run(
            name.as_deref(),
            all,
            &conformance::Options {
                count,
                seed,
                keep,
                verbose,
            },
        ),
        Task::Eventum {
            action: EventumAction::Install,
        } => eventum_install(),
        Task::Eventum {
            action:
                EventumAction::Run {
                    pack_dir,
                    count,
                    out,
                },
        } => eventum_run(&pack_dir, count, out),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn eventum_install() -> anyhow::Result<()> {
    let install = eventum::ensure_eventum()?;
    eprintln!("eventum: {}", install.eventum.display());
    eprintln!("python:  {}", install.python.display());
    Ok(())
}

fn eventum_run(
    pack_dir: &std::path::Path,
    count: usize,
    out: Option<PathBuf>,
) -> anyhow::Result<()> {
    use std::io::Write;

    let install = eventum::ensure_eventum()?;
    let out = out.unwrap_or_else(|| install.cache_dir.join("runs/last-run.jsonl"));
    let started = std::time::Instant::now();
    let result = eventum::run_pack(&install, pack_dir, count, &out)?;
    let elapsed = started.elapsed().as_secs_f64();

    let mut stdout = std::io::stdout().lock();
    for event in &result.events {
        writeln!(stdout, "{event}")?;
    }
    stdout.flush()?;

    let log = out.with_extension("stderr.log");
    std::fs::write(&log, &result.stderr)?;
    eprintln!(
        "eventum run: exit code {}, {} events for {count} timestamps in {elapsed:.1} s",
        result.exit_code,
        result.events.len(),
    );
    eprintln!(
        "  events in {}, Eventum's log in {}",
        out.display(),
        log.display()
    );
    let groups = [
        ("load errors", &result.load_errors),
        ("produce errors", &result.produce_errors),
        ("other errors", &result.other_errors),
        ("warnings", &result.warnings),
    ];
    for (name, items) in groups {
        eprintln!("  {name}: {}", items.len());
        for item in items.iter().take(5) {
            eprintln!("    {item}");
        }
        if items.len() > 5 {
            eprintln!("    ... and {} more", items.len() - 5);
        }
    }
    if result.exit_code != 0 || !result.load_errors.is_empty() {
        anyhow::bail!(
            "Eventum did not run the pack (exit code {})",
            result.exit_code
        );
    }
    Ok(())
}
