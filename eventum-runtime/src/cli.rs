//! The `eventum-rs` command line: `list`, `generate`, `render`.
//!
//! Bad arguments, bad YAML and bad sample files end with a clear message
//! naming the option or the file position, and exit code 2. A run that lost
//! events (not produced, not formatted, not written) ends with exit code 1;
//! an interrupted one with 130. Nothing panics on user input.

// A command-line tool prints.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use crate::batcher::BatchConfig;
use crate::config::load_generator_file;
use crate::engine::{self, EngineConfig, RunStats};
use crate::format::{FormatterConfig, TemplateSource};
use crate::generator::{EventBatch, GeneratorEntry, Init, ParamValues, Produced};
use crate::input::versatile::VersatileDatetime;
use crate::input::{
    InputConfig,
    config::{CronConfig, LinspaceConfig},
};
use crate::output::{FileConfig, OutputConfig, StdoutConfig, WriteMode};
use crate::params::parse_override;
use crate::time::{Timestamp, Zone};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Exit code for bad usage or configuration.
const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "eventum-rs",
    version,
    about = "Compiled Eventum generators: realistic, correlated, reproducible security events.",
    long_about = "Runs the bundled generators natively with Eventum's pipeline semantics \
                  (inputs, batcher, formatters, outputs). `eventum-rs list` shows them; \
                  `eventum-rs generate <name>` writes events; `eventum-rs render <name> <event>` shows one event."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the bundled generators and their event types.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Generate events.
    Generate(Box<GenerateArgs>),
    /// Render one event of one event type, pretty-printed (for authors).
    Render(RenderArgs),
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    /// Events as generated: one compact JSON document per line.
    Plain,
    /// Eventum's `json` formatter (spaces after `:` and `,`; `--indent` for pretty).
    Json,
    /// Eventum's `json-batch` formatter: one JSON array per batch.
    JsonBatch,
    /// Eventum's `template` formatter: `--template` rendered per event (`event`).
    Template,
    /// Eventum's `template-batch` formatter: `--template` rendered per batch (`events`).
    TemplateBatch,
    /// Eventum's `eventum-http-input` formatter: `{"count": N}` per batch.
    EventumHttpInput,
}

// Each bool is one independent command-line flag.
#[allow(clippy::struct_excessive_bools)]
#[derive(Args)]
struct GenerateArgs {
    /// The generator (see `eventum-rs list`).
    name: String,

    /// Number of timestamps to generate (one event each in most modes), then stop.
    /// Implies sample mode unless `--live` is given.
    #[arg(short = 'n', long, value_name = "N")]
    count: Option<u64>,

    /// With `--count`: timestamps per second (spaced evenly from `--start`).
    #[arg(long, value_name = "PER_SECOND", default_value_t = 5.0)]
    rate: f64,

    /// With `--count`: the first timestamp (ISO 8601, `now`, or relative like `-1d`).
    #[arg(long, value_name = "DATETIME")]
    start: Option<String>,

    /// Eventum-style inputs as YAML or JSON, e.g.
    /// '[{cron: {expression: "* * * * * *", count: 5}}]'.
    #[arg(long, value_name = "YAML", conflicts_with_all = ["count"])]
    input: Option<String>,

    /// Read the `input`, `output` and `event.template.params` sections of an Eventum generator.yml.
    #[arg(long, value_name = "FILE")]
    path: Option<PathBuf>,

    /// Seed of every random stream: the same seed and arguments give the same bytes.
    /// In sample mode it also fixes the clock (see `--now`).
    #[arg(long, value_name = "U64")]
    seed: Option<u64>,

    /// Worker threads, each with its own random stream and state.
    #[arg(short = 'w', long, value_name = "N", default_value_t = 1)]
    workers: usize,

    /// Live mode: release events when their timestamps come.
    #[arg(long, conflicts_with = "sample")]
    live: bool,

    /// Sample mode: generate as fast as possible.
    #[arg(long)]
    sample: bool,

    /// Skip timestamps already in the past (live mode).
    #[arg(long, value_name = "BOOL", default_value = "true")]
    skip_past: BoolArg,

    /// The reference "now" (ISO 8601). Defaults to the wall clock, or to
    /// 2026-01-01T00:00:00Z in sample mode with `--seed`, so seeded runs repeat exactly.
    #[arg(long, value_name = "DATETIME")]
    now: Option<String>,

    /// Output format.
    #[arg(short = 'f', long, value_enum, default_value = "plain")]
    format: Format,

    /// Indentation for `--format json`/`json-batch` (0: one line) [default: 0].
    #[arg(long)]
    indent: Option<usize>,

    /// The Jinja template of `--format template`/`template-batch`.
    #[arg(long, value_name = "JINJA", conflicts_with = "template_path")]
    template: Option<String>,

    /// A file holding the Jinja template of `--format template`/`template-batch`.
    #[arg(long, value_name = "FILE")]
    template_path: Option<PathBuf>,

    /// Write to this file instead of stdout.
    #[arg(short = 'o', long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Append to `--output` instead of overwriting it.
    #[arg(long, requires = "output")]
    append: bool,

    /// Set a generator parameter (repeatable): `--param domain=corp.example`. `eventum-rs list` shows each generator's parameters.
    #[arg(short = 'p', long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,

    /// Time zone of the timestamps (IANA name).
    #[arg(long, default_value = "UTC")]
    timezone: String,

    /// Batch size (timestamps).
    #[arg(long, value_name = "N")]
    batch_size: Option<usize>,

    /// Batch delay in seconds of timestamp time.
    #[arg(long, value_name = "SECONDS")]
    batch_delay: Option<f64>,

    /// Show progress on stderr (default: on for sample-mode runs on a terminal).
    #[arg(long, conflicts_with = "no_progress")]
    progress: bool,

    /// Never show progress.
    #[arg(long)]
    no_progress: bool,

    /// Print a summary and every notice on stderr.
    #[arg(short, long)]
    verbose: bool,
}

#[derive(Clone, Copy)]
struct BoolArg(bool);

impl std::str::FromStr for BoolArg {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "y" | "on" | "t" => Ok(Self(true)),
            "false" | "0" | "no" | "n" | "off" | "f" => Ok(Self(false)),
            _ => Err(format!("`{s}` is not a boolean (true/false)")),
        }
    }
}

#[derive(Args)]
struct RenderArgs {
    /// The generator.
    name: String,
    /// The event type (see `eventum-rs list`).
    event: String,
    /// Seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The event's timestamp (ISO 8601; default: now).
    #[arg(long, value_name = "DATETIME")]
    at: Option<String>,
    /// Set a generator parameter (repeatable).
    #[arg(short = 'p', long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
    /// Print compact JSON instead of pretty.
    #[arg(long)]
    compact: bool,
}

/// A usage or configuration error (exit code 2).
struct UsageError(String);

impl<T: std::fmt::Display> From<T> for UsageError {
    fn from(e: T) -> Self {
        Self(e.to_string())
    }
}

/// Runs the command line over the bundled generators.
pub fn main(generators: &[&'static GeneratorEntry]) -> ExitCode {
    main_with_args(generators, std::env::args_os())
}

/// Runs the command line `args` (the program's name first) over the
/// bundled generators.
pub fn main_with_args<I, T>(generators: &[&'static GeneratorEntry], args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { 0 });
        }
    };
    let result = match cli.command {
        Command::List { json } => Ok(list(generators, json)),
        Command::Generate(args) => generate(generators, *args),
        Command::Render(args) => render(generators, &args),
    };
    match result {
        Ok(code) => code,
        Err(UsageError(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn find(
    generators: &[&'static GeneratorEntry],
    name: &str,
) -> Result<&'static GeneratorEntry, UsageError> {
    generators
        .iter()
        .copied()
        .find(|g| g.spec.name == name)
        .ok_or_else(|| {
            let names: Vec<&str> = generators.iter().map(|g| g.spec.name).collect();
            UsageError(format!(
                "unknown generator `{name}`; bundled generators: {}",
                names.join(", ")
            ))
        })
}

fn list(generators: &[&'static GeneratorEntry], json: bool) -> ExitCode {
    let mut out = std::io::stdout().lock();
    if json {
        let list: Vec<serde_json::Value> = generators
            .iter()
            .map(|g| {
                let freq = g.spec.frequencies();
                serde_json::json!({
                    "name": g.spec.name,
                    "title": g.spec.title,
                    "mode": g.spec.mode.as_str(),
                    "ecs_version": g.spec.ecs_version,
                    "events": g.spec.events.iter().enumerate().map(|(i, e)| serde_json::json!({
                        "name": e.name,
                        "weight": e.weight,
                        "percent": freq.as_ref().map(|f| f[i]),
                        "kind": e.kind,
                        "category": e.category,
                        "type": e.types,
                        "action": e.action,
                    })).collect::<Vec<_>>(),
                    "params": g.spec.params.iter().map(|p| {
                        let json = |t: Option<&str>| t.and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok()).unwrap_or(serde_json::Value::Null);
                        serde_json::json!({"name": p.name, "type": p.ty, "default": json(Some(p.default_json)), "min": json(p.min), "max": json(p.max), "doc": p.doc})
                    }).collect::<Vec<_>>(),
                })
            })
            .collect();
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        );
        return ExitCode::SUCCESS;
    }
    for g in generators {
        let s = g.spec;
        let _ = writeln!(
            out,
            "{}  ({} mode, {} event types, ECS {})",
            s.name,
            s.mode.as_str(),
            s.events.len(),
            s.ecs_version
        );
        if !s.title.is_empty() && s.title != s.name {
            let _ = writeln!(out, "  {}", s.title);
        }
        let freq = s.frequencies();
        for (i, e) in s.events.iter().enumerate() {
            let pct = freq
                .as_ref()
                .map_or_else(|| "    -".to_owned(), |f| format!("{:5.1}%", f[i]));
            let cat = if e.category.is_empty() {
                String::new()
            } else {
                e.category.join(",")
            };
            let _ = writeln!(
                out,
                "  {pct}  {:<28} {:<22} {}",
                e.name,
                cat,
                e.action.unwrap_or("")
            );
        }
        if !s.params.is_empty() {
            let _ = writeln!(out, "  parameters (--param name=value):");
            for p in s.params {
                let setting = format!("{} = {}", p.name, p.default_json);
                let _ = writeln!(out, "    {setting:<36} {}", p.summary());
            }
        }
    }
    ExitCode::SUCCESS
}

fn params_of(args: &[String]) -> Result<ParamValues, UsageError> {
    let mut values = ParamValues::new();
    for a in args {
        let (k, v) = parse_override(a).map_err(|e| UsageError(format!("--param: {e}")))?;
        values.insert(k, v);
    }
    Ok(values)
}

fn parse_instant(s: &str, what: &str, zone: &Zone, now: i64) -> Result<i64, UsageError> {
    VersatileDatetime::Text(s.to_owned())
        .resolve(zone, now, now)
        .map_err(|e| UsageError(format!("{what}: {e}")))
}

/// 2026-01-01T00:00:00Z: the clock of seeded sample-mode runs.
const SEEDED_NOW: i64 = 1_767_225_600_000_000;

fn iso(micros: i64) -> String {
    Timestamp::from_utc_micros(micros).isoformat()
}

fn generate(
    generators: &[&'static GeneratorEntry],
    args: GenerateArgs,
) -> Result<ExitCode, UsageError> {
    let entry = find(generators, &args.name)?;
    let zone = Zone::named(&args.timezone).map_err(|e| UsageError(format!("--timezone: {e}")))?;
    if args.workers == 0 {
        return Err(UsageError("--workers must be at least 1".to_owned()));
    }
    if !(args.rate > 0.0 && args.rate.is_finite()) {
        return Err(UsageError("--rate must be a positive number".to_owned()));
    }
    let cli_params = params_of(&args.params)?;
    let sample = args.sample || (args.count.is_some() && !args.live);
    let live = !sample;
    let wall_now = Timestamp::now().utc_micros();
    let now = match &args.now {
        Some(n) => parse_instant(n, "--now", &zone, wall_now)?,
        None if sample && args.seed.is_some() => SEEDED_NOW,
        None => wall_now,
    };
    let seed = args
        .seed
        .unwrap_or_else(|| crate::FastRng::from_entropy().next_u64());

    // Inputs, outputs and params: CLI options win over generator.yml.
    let mut params = ParamValues::new();
    let mut inputs: Vec<InputConfig> = Vec::new();
    let mut outputs: Vec<OutputConfig> = Vec::new();
    let mut base_dir = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let mut substituted = Vec::new();
    // The generator.yml and the params it sets, to point at a bad value.
    let mut file_params: Option<(PathBuf, Vec<String>)> = None;
    if let Some(path) = &args.path {
        let file = load_generator_file(path, &cli_params)?;
        let names = file
            .params
            .keys()
            .filter(|k| !cli_params.contains_key(*k))
            .cloned();
        file_params = Some((path.clone(), names.collect()));
        params = file.params;
        inputs = file.inputs;
        outputs = file.outputs;
        base_dir = file.base_dir;
        substituted = file.substituted;
    }
    // `--param` values serve the file's `${params.*}` tokens (Eventum's
    // `--params`) and the generator's own parameters; a value only the file
    // uses is not passed to the generator.
    let own: Vec<&str> = entry.spec.params.iter().map(|p| p.name).collect();
    params.extend(
        cli_params
            .into_iter()
            .filter(|(k, _)| own.contains(&k.as_str()) || !substituted.contains(k)),
    );
    if let Some(text) = &args.input {
        inputs = serde_saphyr::from_str(text).map_err(|e| UsageError(format!("--input: {e}")))?;
        if inputs.is_empty() {
            return Err(UsageError(
                "--input: give at least one input plugin".to_owned(),
            ));
        }
    }
    let mut total: Option<u64> = None;
    if let Some(count) = args.count {
        if count == 0 {
            return Err(UsageError("--count must be at least 1".to_owned()));
        }
        let start = match &args.start {
            Some(s) => parse_instant(s, "--start", &zone, now)?,
            None => now,
        };
        let span = (count as f64 / args.rate * 1e6).round() as i64;
        inputs = vec![InputConfig::Linspace(LinspaceConfig {
            start: VersatileDatetime::Text(iso(start)),
            end: VersatileDatetime::Text(iso(start + span)),
            count: i64::try_from(count)
                .map_err(|_| UsageError("--count is too large".to_owned()))?,
            endpoint: false,
            tags: Vec::new(),
        })];
        total = Some(count);
    }
    if inputs.is_empty() {
        // The content packs' input: five events every second.
        inputs = vec![InputConfig::Cron(CronConfig {
            expression: "* * * * * *".to_owned(),
            count: 5,
            start: None,
            end: None,
            tags: Vec::new(),
        })];
    }
    let formatter = formatter_config(&args)?;
    let explicit_format = args.format != Format::Plain;
    if let Some(out) = &args.output {
        let mut f = FileConfig::new(out.clone());
        f.write_mode = if args.append {
            WriteMode::Append
        } else {
            WriteMode::Overwrite
        };
        f.formatter = Some(formatter);
        outputs = vec![OutputConfig::File(f)];
    } else if outputs.is_empty() || explicit_format {
        outputs = vec![OutputConfig::Stdout(StdoutConfig {
            formatter: Some(formatter),
            ..StdoutConfig::default()
        })];
    }
    let batch = BatchConfig {
        size: args.batch_size,
        delay: args.batch_delay,
    }
    .resolve()
    .map_err(|e| UsageError(format!("batch: {e}")))?;

    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        let _ = ctrlc::set_handler(move || {
            if stop.swap(true, Ordering::SeqCst) {
                // A second signal: leave at once.
                std::process::exit(130);
            }
        });
    }
    let stdout_free = args.output.is_some() || !std::io::stdout().is_terminal();
    let show_progress = !args.no_progress
        && (args.progress || (sample && std::io::stderr().is_terminal() && stdout_free));
    let progress = show_progress.then(|| progress_reporter(total));
    let verbose = args.verbose;
    let config = EngineConfig {
        entry: *entry,
        params,
        seed,
        workers: args.workers,
        live_mode: live,
        skip_past: args.skip_past.0,
        zone,
        now,
        batch,
        inputs,
        outputs,
        base_dir,
        progress: progress.map(|p| Box::new(p) as Box<dyn FnMut(u64) + Send>),
        log: Some(Box::new(move |m: &str| eprintln!("eventum-rs: {m}"))),
        stop: stop.clone(),
    };
    let started = std::time::Instant::now();
    let stats = engine::run(config).map_err(|e| match &file_params {
        Some((path, names)) => UsageError(at_file_param(path, names, e.0)),
        None => UsageError(e.0),
    })?;
    let lost = lost_events(&stats);
    // Outputs that hit an I/O error, as `#1, #3`.
    let failed: Vec<String> = stats
        .outputs
        .iter()
        .enumerate()
        .filter(|(_, o)| o.io_errors > 0)
        .map(|(i, _)| format!("#{}", i + 1))
        .collect();
    if verbose || lost.is_some() || !failed.is_empty() {
        summary(&stats, started.elapsed());
    }
    if stop.load(Ordering::SeqCst) {
        return Ok(ExitCode::from(130));
    }
    if !failed.is_empty() {
        eprintln!(
            "error: output {} could not write every event (see the errors above)",
            failed.join(", ")
        );
        return Ok(ExitCode::FAILURE);
    }
    // Like Eventum, a run goes on past an event that fails; unlike its exit
    // status, ours tells a script that events are missing from the output.
    if let Some(lost) = lost {
        eprintln!("error: {lost} (see the errors above)");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// A start-up error about a parameter that generator.yml sets (and
/// `--param` does not), prefixed with where the file sets it.
fn at_file_param(path: &Path, names: &[String], message: String) -> String {
    let Some(name) = crate::params::param_of_error(&message) else {
        return message;
    };
    if !names.iter().any(|n| n == name) {
        return message;
    }
    let position = std::fs::read_to_string(path)
        .ok()
        .and_then(|text| crate::config::param_position(&text, name));
    match position {
        Some((line, column)) => format!("{}:{line}:{column}: {message}", path.display()),
        None => format!("{}: {message}", path.display()),
    }
}

/// What a run lost, in words (`events were lost: 12 could not be produced,
/// 3 could not be formatted`), if it lost any event.
fn lost_events(stats: &RunStats) -> Option<String> {
    let formats: u64 = stats.outputs.iter().map(|o| o.format_failed).sum();
    let writes: u64 = stats.outputs.iter().map(|o| o.write_failed).sum();
    let mut parts = Vec::new();
    if stats.produce_errors > 0 {
        parts.push(format!("{} could not be produced", stats.produce_errors));
    }
    if formats > 0 {
        parts.push(format!("{formats} could not be formatted"));
    }
    if writes > 0 {
        parts.push(format!("{writes} could not be written"));
    }
    (!parts.is_empty()).then(|| format!("events were lost: {}", parts.join(", ")))
}

/// The formatter `--format`, `--indent` and `--template[-path]` describe.
fn formatter_config(args: &GenerateArgs) -> Result<FormatterConfig, UsageError> {
    let templated = matches!(args.format, Format::Template | Format::TemplateBatch);
    if args.indent.is_some() && !matches!(args.format, Format::Json | Format::JsonBatch) {
        return Err(UsageError(
            "--indent applies to --format json and json-batch only".to_owned(),
        ));
    }
    if !templated && (args.template.is_some() || args.template_path.is_some()) {
        return Err(UsageError(
            "--template and --template-path apply to --format template and template-batch only"
                .to_owned(),
        ));
    }
    let template = || -> Result<TemplateSource, UsageError> {
        match (&args.template, &args.template_path) {
            (Some(text), _) if text.is_empty() => {
                Err(UsageError("--template: the template is empty".to_owned()))
            }
            (Some(text), _) => Ok(TemplateSource::Inline(text.clone())),
            (None, Some(path)) => std::fs::read_to_string(path)
                .map(TemplateSource::Inline)
                .map_err(|e| UsageError(format!("--template-path {}: {e}", path.display()))),
            (None, None) => Err(UsageError(
                "--format template and template-batch need --template or --template-path"
                    .to_owned(),
            )),
        }
    };
    let indent = args.indent.unwrap_or(0);
    Ok(match args.format {
        Format::Plain => FormatterConfig::Plain,
        Format::Json => FormatterConfig::Json { indent },
        Format::JsonBatch => FormatterConfig::JsonBatch { indent },
        Format::Template => FormatterConfig::Template {
            source: template()?,
        },
        Format::TemplateBatch => FormatterConfig::TemplateBatch {
            source: template()?,
        },
        Format::EventumHttpInput => FormatterConfig::EventumHttpInput,
    })
}

fn progress_reporter(total: Option<u64>) -> impl FnMut(u64) + Send {
    let bar = match total {
        Some(t) => indicatif::ProgressBar::new(t),
        None => indicatif::ProgressBar::new_spinner(),
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {pos}/{len} events [{elapsed_precise}] {per_sec}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    move |written| {
        bar.set_position(written);
        if total.is_some_and(|t| written >= t) {
            bar.finish_and_clear();
        }
    }
}

fn summary(stats: &RunStats, elapsed: std::time::Duration) {
    let secs = elapsed.as_secs_f64().max(1e-9);
    eprintln!(
        "eventum-rs: {} timestamps, {} events in {:.2}s ({:.0} events/s); dropped {}, produce errors {}{}",
        stats.timestamps,
        stats.events,
        secs,
        stats.events as f64 / secs,
        stats.dropped,
        stats.produce_errors,
        if stats.exhausted { "; exhausted" } else { "" }
    );
    for (i, o) in stats.outputs.iter().enumerate() {
        eprintln!(
            "eventum-rs: output #{}: written {}, format failed {}, write failed {}, I/O errors {}",
            i + 1,
            o.written,
            o.format_failed,
            o.write_failed,
            o.io_errors
        );
    }
}

fn render(
    generators: &[&'static GeneratorEntry],
    args: &RenderArgs,
) -> Result<ExitCode, UsageError> {
    let entry = find(generators, &args.name)?;
    if entry.spec.event(&args.event).is_none() {
        let names: Vec<&str> = entry.spec.events.iter().map(|e| e.name).collect();
        return Err(UsageError(format!(
            "generator `{}` has no event type `{}`; its event types: {}",
            args.name,
            args.event,
            names.join(", ")
        )));
    }
    let params = params_of(&args.params)?;
    let zone = Zone::utc();
    let now = Timestamp::now().utc_micros();
    let at = match &args.at {
        Some(a) => parse_instant(a, "--at", &zone, now)?,
        None => now,
    };
    let mut generator = (entry.create)(&Init {
        params: &params,
        seed: args.seed,
        worker: 0,
    })?;
    let mut out = EventBatch::new();
    let tags = crate::__private::empty_tags();
    match generator.render(&args.event, Timestamp::from_utc_micros(at), &tags, &mut out) {
        Some(Produced::Events) => {}
        Some(Produced::Dropped) => {
            return Err(UsageError(format!(
                "`{}` called dispatch.drop()",
                args.event
            )));
        }
        Some(Produced::Exhausted) => {
            return Err(UsageError(format!(
                "`{}` called dispatch.exhaust()",
                args.event
            )));
        }
        Some(Produced::Failed(m)) => {
            return Err(UsageError(format!("`{}` failed: {m}", args.event)));
        }
        None => return Err(UsageError(format!("no event type `{}`", args.event))),
    }
    let event = out.get(0).unwrap_or_default();
    let mut text = Vec::new();
    let style = if args.compact {
        crate::format::JsonStyle::Compact
    } else {
        crate::format::JsonStyle::Pretty(2)
    };
    crate::format::json::reformat(event, style, &mut text)
        .map_err(|e| UsageError(format!("the event is not valid JSON: {e}")))?;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(&text);
    let _ = stdout.write_all(b"\n");
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_generator::NUMBERED;

    #[test]
    fn a_run_that_lost_events_exits_with_1_after_writing_the_others() {
        let path =
            std::env::temp_dir().join(format!("eventum-cli-lost-{}.json", std::process::id()));
        let code = main_with_args(
            &[&NUMBERED],
            [
                "eventum-rs",
                "generate",
                "test-numbered",
                "--count",
                "30",
                "--output",
            ]
            .map(std::ffi::OsString::from)
            .into_iter()
            .chain([path.clone().into_os_string()]),
        );
        let text = std::fs::read_to_string(&path).unwrap();
        let _ = std::fs::remove_file(&path);
        assert_eq!(code, ExitCode::FAILURE);
        // Events 10, 20 and 30 failed; the others were written.
        assert_eq!(text.lines().count(), 27, "{text}");
        assert!(!text.contains("\"n\": 10}"));
    }
}
