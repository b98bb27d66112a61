//! `cargo xtask conformance <name>|--all`: runs the exported pack of a
//! bundled generator under the real Eventum and the compiled generator
//! natively on the same finite input, and compares what they produce.
//!
//! Steps, per generator:
//! 1. render the pack fresh from the compiled generator (not `dist/`) into
//!    a temporary folder, and wrap every alias's template so Eventum's
//!    events say which event type they are (`wrap.rs`);
//! 2. run it under Eventum on `count` linspace timestamps (`eventum.rs`)
//!    and read the errors Eventum logged;
//! 3. run the native generator on the same timestamps, labelling each event
//!    with `Generator::last_picked`;
//! 4. compare: no Eventum errors, every line one JSON document, the event
//!    count; the frequencies of event types (chi-square test of
//!    homogeneity); per event type the field paths with their JSON types,
//!    and the values of enumerated string fields (`compare.rs`).
//!
//! Any difference or error fails the task.

mod compare;
mod native;
mod shape;
mod stats;
mod wrap;

use crate::build_generator::{exportable, find};
use crate::eventum::{self, EventumInstall, RunResult};
use anyhow::{Context, Result, bail};
use compare::{ALPHA, Comparison};
use eventum_runtime::{GeneratorEntry, Mode};
use shape::Profile;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Options of the task.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// Number of timestamps.
    pub(crate) count: usize,
    /// Seed of the native generator.
    pub(crate) seed: u64,
    /// Keep the temporary pack and outputs.
    pub(crate) keep: bool,
    /// List every one-sided value that is not a difference, not only the
    /// field ones.
    pub(crate) verbose: bool,
}

/// The task.
pub(crate) fn run(name: Option<&str>, all: bool, options: &Options) -> Result<()> {
    let targets: Vec<&GeneratorEntry> = match (name, all) {
        (Some(n), false) => vec![find(n)?],
        (None, true) => exportable(),
        _ => bail!("give a generator name or --all"),
    };
    if targets.is_empty() {
        bail!("no bundled generator exports an Eventum pack");
    }
    if options.count == 0 {
        bail!("--count must be at least 1");
    }
    let install = eventum::ensure_eventum()
        .context("conformance needs the real Eventum, and installing it failed")?;
    let mut failed = Vec::new();
    for entry in targets {
        let name = entry.spec.name;
        match check(entry, &install, options) {
            Ok(true) => {}
            Ok(false) => failed.push(name),
            Err(e) => {
                println!("FAIL {name}: {e:#}");
                failed.push(name);
            }
        }
    }
    if !failed.is_empty() {
        bail!("conformance failed for {}", failed.join(", "));
    }
    Ok(())
}

/// A folder removed when dropped, unless kept.
struct WorkDir {
    path: PathBuf,
    keep: bool,
}

impl WorkDir {
    fn create(name: &str, keep: bool) -> Result<Self> {
        let path =
            std::env::temp_dir().join(format!("xtask-conformance-{name}-{}", std::process::id()));
        if path.exists() {
            std::fs::remove_dir_all(&path)
                .with_context(|| format!("removing {}", path.display()))?;
        }
        std::fs::create_dir_all(&path).with_context(|| format!("creating {}", path.display()))?;
        Ok(Self { path, keep })
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

/// Writes the pack of `entry`, fresh from the compiled generator, into
/// `dir`, and wraps its templates; returns the aliases.
fn render_pack(entry: &GeneratorEntry, dir: &Path) -> Result<Vec<String>> {
    let name = entry.spec.name;
    let crate_dir = eventum_cli::crate_dir(name)
        .with_context(|| format!("no crate directory generators/{name}"))?;
    let files = eventum_runtime::pack::pack_files(entry, &crate_dir)
        .map_err(|e| anyhow::anyhow!("rendering the pack of {name}: {e}"))?;
    for f in &files {
        let path = dir.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&path, &f.contents)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let aliases = wrap::wrap_pack(dir)?;
    let declared: Vec<&str> = entry.spec.events.iter().map(|e| e.name).collect();
    if aliases != declared {
        bail!("the pack's aliases {aliases:?} are not the generator's event types {declared:?}");
    }
    Ok(aliases)
}

/// One side's events, sorted by event type.
struct Side {
    profiles: Vec<Profile>,
}

impl Side {
    fn new(types: usize) -> Self {
        Self {
            profiles: vec![Profile::default(); types],
        }
    }

    fn counts(&self) -> Vec<u64> {
        self.profiles.iter().map(|p| p.events).collect()
    }

    fn total(&self) -> u64 {
        self.profiles.iter().map(|p| p.events).sum()
    }
}

/// Checks one generator; prints its report and returns whether it passed.
fn check(entry: &GeneratorEntry, install: &EventumInstall, options: &Options) -> Result<bool> {
    let spec = entry.spec;
    let name = spec.name;
    let count = options.count;
    let work = WorkDir::create(name, options.keep)?;
    println!(
        "conformance {name}: {count} timestamps, {} mode, {} event types, native seed {}",
        spec.mode.as_str(),
        spec.events.len(),
        options.seed
    );

    let started = Instant::now();
    let pack = work.path.join("pack");
    let aliases = render_pack(entry, &pack).context("preparing the pack")?;
    let pack_time = started.elapsed();

    let started = Instant::now();
    let eventum_out = work.path.join("eventum.jsonl");
    let result = eventum::run_pack(install, &pack, count, &eventum_out)
        .context("running the pack under Eventum")?;
    let eventum_time = started.elapsed();
    std::fs::write(work.path.join("eventum.stderr.log"), &result.stderr)
        .context("writing Eventum's log")?;

    let started = Instant::now();
    let native_run = native::run(entry, count, options.seed)?;
    let native_time = started.elapsed();

    let started = Instant::now();
    let mut errors = eventum_errors(&result);
    let mut eventum_side = Side::new(aliases.len());
    let mut invalid = Vec::new();
    for (i, line) in result.events.iter().enumerate() {
        match wrap::unwrap_event(line) {
            Ok((alias, event)) => match aliases.iter().position(|a| *a == alias) {
                Some(index) => eventum_side.profiles[index].add(&event),
                None => invalid.push(format!("line {}: unknown alias `{alias}`", i + 1)),
            },
            Err(e) => invalid.push(format!("line {}: {e}: {}", i + 1, clip(line, 200))),
        }
    }
    push_list(
        &mut errors,
        "Eventum lines that are not one wrapped JSON event",
        &invalid,
    );

    let mut native_side = Side::new(aliases.len());
    let mut native_lines = String::new();
    let mut native_invalid = Vec::new();
    for (i, (alias, text)) in native_run.events.iter().enumerate() {
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(event) => native_side.profiles[*alias].add(&event),
            Err(e) => native_invalid.push(format!(
                "event {}: not JSON ({e}): {}",
                i + 1,
                clip(text, 200)
            )),
        }
        if options.keep {
            let _ = writeln!(
                native_lines,
                "{{\"alias\": {}, \"event\": {text}}}",
                serde_json::to_string(&aliases[*alias]).unwrap_or_default()
            );
        }
    }
    push_list(
        &mut errors,
        "native events that are not JSON",
        &native_invalid,
    );
    let failures: Vec<String> = native_run
        .failed
        .iter()
        .map(|(i, e)| format!("timestamp {i}: {e}"))
        .collect();
    push_list(&mut errors, "native produce errors", &failures);
    if let Some(i) = native_run.exhausted_at {
        println!(
            "  note: the native generator exhausted at timestamp {i}; event counts are not compared exactly"
        );
    }

    // The event count: exact when no native timestamp was dropped.
    let (native_total, eventum_total) = (native_side.total(), eventum_side.total());
    let exact = native_run.dropped == 0 && native_run.exhausted_at.is_none();
    if exact {
        let expected = if spec.mode == Mode::All {
            native_total
        } else {
            count as u64
        };
        if native_total != expected {
            errors.push(format!(
                "the native generator wrote {native_total} events for {count} timestamps, expected {expected}"
            ));
        }
        if result.events.len() as u64 != expected {
            errors.push(format!(
                "Eventum wrote {} events for {count} timestamps, expected {expected} (as native)",
                result.events.len()
            ));
        }
    }

    // Frequencies of event types; dropped timestamps are one more class
    // when the native side has any (not in `all` mode, where a timestamp
    // is several events).
    let mut native_counts = native_side.counts();
    let mut eventum_counts = eventum_side.counts();
    let mut labels: Vec<&str> = aliases.iter().map(String::as_str).collect();
    if native_run.dropped > 0 && spec.mode != Mode::All {
        native_counts.push(native_run.dropped as u64);
        eventum_counts.push((count as u64).saturating_sub(eventum_total));
        labels.push("(dropped)");
    }
    let freq = stats::homogeneity(&native_counts, &eventum_counts);
    let mut frequency_line = format!(
        "frequencies of event types: chi-square {:.2}, df {}, p = {:.4}",
        freq.chi2, freq.df, freq.p
    );
    if !freq.merged.is_empty() {
        let merged: Vec<&str> = freq.merged.iter().map(|&i| labels[i]).collect();
        let _ = write!(
            frequency_line,
            " ({} sparse classes pooled: {})",
            merged.len(),
            merged.join(", ")
        );
    }
    if freq.p <= ALPHA {
        errors.push(format!(
            "{frequency_line}: the frequencies differ (p <= {ALPHA})"
        ));
    }

    let started_reference = Instant::now();
    let reference = reference(entry, count, options.seed, &native_side, &eventum_side)?;
    let reference_time = started_reference.elapsed();
    let comparisons: Vec<Comparison> = native_side
        .profiles
        .iter()
        .zip(&eventum_side.profiles)
        .enumerate()
        .map(|(i, (n, e))| compare::compare(i, n, e, &reference))
        .collect();
    let compare_time = started.elapsed().saturating_sub(reference_time);

    print_table(&aliases, &native_counts, &eventum_counts, &comparisons);
    println!("  {frequency_line}");
    println!(
        "  Eventum: exit code {}, {} events, {} load / {} produce / {} other errors, {} warnings",
        result.exit_code,
        result.events.len(),
        result.load_errors.len(),
        result.produce_errors.len(),
        result.other_errors.len(),
        result.warnings.len()
    );
    println!(
        "  native: {native_total} events, {} dropped timestamps, {} produce errors",
        native_run.dropped,
        native_run.failed.len()
    );
    println!(
        "  time: pack {:.1} s, Eventum {:.1} s, native {:.2} s, {} more native reference runs {:.1} s, comparison {:.1} s",
        pack_time.as_secs_f64(),
        eventum_time.as_secs_f64(),
        native_time.as_secs_f64(),
        compare::REFERENCE_RUNS - 1,
        reference_time.as_secs_f64(),
        compare_time.as_secs_f64()
    );

    // Fields seen on one side only are few and worth seeing; one-sided
    // values of clustered fields are many.
    let one_sided: Vec<String> = aliases
        .iter()
        .zip(&comparisons)
        .flat_map(|(a, c)| c.one_sided.iter().map(move |n| format!("{a}: {n}")))
        .collect();
    let (fields, values): (Vec<&String>, Vec<&String>) =
        one_sided.iter().partition(|n| n.contains(": `"));
    if !one_sided.is_empty() {
        println!(
            "  seen on one side only, not a difference ({} fields, {} values){}:",
            fields.len(),
            values.len(),
            if options.verbose {
                ""
            } else {
                " (values with --verbose)"
            }
        );
        for n in fields {
            println!("    - {n}");
        }
        if options.verbose {
            for n in values {
                println!("    - {n}");
            }
        }
    }
    let differences: Vec<String> = errors
        .into_iter()
        .chain(
            aliases
                .iter()
                .zip(&comparisons)
                .flat_map(|(a, c)| c.differences.iter().map(move |d| format!("{a}: {d}"))),
        )
        .collect();
    if !differences.is_empty() {
        println!("  differences ({}):", differences.len());
        for d in &differences {
            println!("    - {d}");
        }
    }
    if options.keep {
        let native_out = work.path.join("native.jsonl");
        std::fs::write(&native_out, native_lines)
            .with_context(|| format!("writing {}", native_out.display()))?;
        println!("  kept: pack {}", pack.display());
        println!("        Eventum events {}", eventum_out.display());
        println!(
            "        Eventum log {}",
            work.path.join("eventum.stderr.log").display()
        );
        println!("        native events {}", native_out.display());
    }
    let passed = differences.is_empty();
    println!(
        "{} {name}: {} differences",
        if passed { "PASS" } else { "FAIL" },
        differences.len()
    );
    Ok(passed)
}

/// How much longer than the compared run the native run is that looks for
/// values Eventum writes and no equal-sized native run did.
const EXISTENCE_RUN_FACTOR: usize = 10;

/// The reference for enumerated values: the compared native run and more
/// runs with the seeds following `seed` (see `compare::Reference`).
fn reference(
    entry: &GeneratorEntry,
    count: usize,
    seed: u64,
    compared: &Side,
    eventum: &Side,
) -> Result<compare::Reference> {
    let mut reference = compare::Reference::new(&compared.profiles, &eventum.profiles);
    reference.add_run(&compared.profiles);
    if reference.is_empty() {
        return Ok(reference);
    }
    for i in 1..compare::REFERENCE_RUNS {
        let run = native::run(entry, count, seed.wrapping_add(i))?;
        // Events that are not JSON are reported from the compared run.
        let events: Vec<(usize, serde_json::Value)> = run
            .events
            .iter()
            .filter_map(|(alias, text)| Some((*alias, serde_json::from_str(text).ok()?)))
            .collect();
        reference.add_events(events.iter().map(|(alias, event)| (*alias, event)));
    }
    if reference.has_unwritten() {
        let run = native::run(
            entry,
            count * EXISTENCE_RUN_FACTOR,
            seed.wrapping_add(compare::REFERENCE_RUNS),
        )?;
        let events: Vec<serde_json::Value> = run
            .events
            .iter()
            .filter_map(|(_, text)| serde_json::from_str(text).ok())
            .collect();
        reference.add_existence_run(&events);
    }
    Ok(reference)
}

/// Eventum's errors, as differences.
fn eventum_errors(result: &RunResult) -> Vec<String> {
    let mut errors = Vec::new();
    if result.exit_code != 0 {
        errors.push(format!("Eventum exited with code {}", result.exit_code));
    }
    push_list(&mut errors, "Eventum load errors", &result.load_errors);
    push_list(
        &mut errors,
        "Eventum produce errors",
        &result.produce_errors,
    );
    push_list(&mut errors, "other Eventum errors", &result.other_errors);
    errors
}

/// Adds `items` under `title` (the first few in full).
fn push_list(errors: &mut Vec<String>, title: &str, items: &[String]) {
    const SHOWN: usize = 10;
    if items.is_empty() {
        return;
    }
    let mut text = format!("{} {title}", items.len());
    for item in items.iter().take(SHOWN) {
        let _ = write!(text, "\n        {}", clip(item, 400));
    }
    if items.len() > SHOWN {
        let _ = write!(text, "\n        ... and {} more", items.len() - SHOWN);
    }
    errors.push(text);
}

/// `text` cut to about `max` bytes.
fn clip(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_owned();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

fn print_table(aliases: &[String], native: &[u64], eventum: &[u64], comparisons: &[Comparison]) {
    let header = [
        "event type",
        "native",
        "Eventum",
        "paths",
        "enum",
        "one-sided, not diff.",
        "differences",
    ];
    let mut rows: Vec<[String; 7]> = aliases
        .iter()
        .zip(comparisons)
        .enumerate()
        .map(|(i, (a, c))| {
            [
                a.clone(),
                native[i].to_string(),
                eventum[i].to_string(),
                c.paths.to_string(),
                c.enumerated.to_string(),
                c.one_sided.len().to_string(),
                c.differences.len().to_string(),
            ]
        })
        .collect();
    // Extra classes (dropped timestamps).
    for i in aliases.len()..native.len() {
        rows.push([
            "(dropped)".to_owned(),
            native[i].to_string(),
            eventum[i].to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    rows.push([
        "total".to_owned(),
        native.iter().sum::<u64>().to_string(),
        eventum.iter().sum::<u64>().to_string(),
        comparisons
            .iter()
            .map(|c| c.paths)
            .sum::<usize>()
            .to_string(),
        comparisons
            .iter()
            .map(|c| c.enumerated)
            .sum::<usize>()
            .to_string(),
        comparisons
            .iter()
            .map(|c| c.one_sided.len())
            .sum::<usize>()
            .to_string(),
        comparisons
            .iter()
            .map(|c| c.differences.len())
            .sum::<usize>()
            .to_string(),
    ]);
    let mut widths = header.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[&str]| {
        let mut s = String::from(" ");
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            if i == 0 {
                let _ = write!(s, " {cell:<w$}");
            } else {
                let _ = write!(s, "  {cell:>w$}");
            }
        }
        println!("{}", s.trim_end());
    };
    line(&header);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(&rule.iter().map(String::as_str).collect::<Vec<_>>());
    for (i, row) in rows.iter().enumerate() {
        if i + 1 == rows.len() {
            line(&rule.iter().map(String::as_str).collect::<Vec<_>>());
        }
        line(&row.iter().map(String::as_str).collect::<Vec<_>>());
    }
}
