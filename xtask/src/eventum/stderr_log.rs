//! Sorting what `eventum generate -vvvv` logs to stderr.
//!
//! Eventum logs through structlog's console renderer, one record per line:
//! `2026-11-29T13:17:42.033447Z [error    ] Failed to render template      [eventum.core.stages.event_stage] reason=... template_alias=logout`
//! (an ISO UTC timestamp, the level padded in brackets, the message padded
//! to 30 columns, the logger name in brackets, then `key=value` pairs).
//! `logger.exception` adds the traceback on the following lines.
//!
//! The messages matched here come from Eventum 2.8.0:
//! - `core/generator.py` `Generator._start` logs every failure to load the
//!   config, initialize the plugins (bad plugin config, template not found
//!   or bad syntax, sample errors: `PluginConfigurationError`) or build the
//!   executor at `error` level, and `Initialization completed` at `info`
//!   once all succeeded; `cli/commands/eventum.py` `generate` then logs
//!   `Failed to start generator` and exits with 1.
//! - `core/stages/event_stage.py` `EventStage._produce_batch` logs each
//!   `PluginProduceError` at `error` level under its own message (`Failed to
//!   render template`, `Max repicks limit exceeded` from the template plugin;
//!   the script and replay plugins have their own) and any other exception
//!   as `Unexpected error during event plugin execution`. Its
//!   `Fatal error in event stage` ends the stage instead.
//! - `plugins/output/base/plugin.py` `OutputPlugin._format_events` logs
//!   `Failed to format event` for each event a formatter rejects (for
//!   `json`: not exactly one JSON value, `msgspec.DecodeError`).
//! - `core/stages/output_stage.py` warns `Write operations timed out, their
//!   events are counted as failed` and `Write operation discarded`.
//! - A shutdown race in `core/stages/output_stage.py`: `execute` gathers
//!   the last write tasks and clears its task set, and the done callback
//!   `_handle_write_result` then fails on `self._tasks.remove(task)`.
//!   asyncio logs `Exception in callback OutputStage._handle_write_result()`
//!   with a `KeyError` naming the finished task (in about one run of four
//!   here). The write itself has completed (a failed write is logged on
//!   its own before), so this counts as a warning.

/// Records sorted by what they mean for a run.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Classified {
    /// Errors logged before initialization completed.
    pub(super) load_errors: Vec<String>,
    /// Render failures and formatter rejections, one per lost event.
    pub(super) produce_errors: Vec<String>,
    /// Other errors after initialization, and write timeouts.
    pub(super) other_errors: Vec<String>,
    /// Warnings, and stderr text that is not a log record.
    pub(super) warnings: Vec<String>,
}

/// The info record that ends initialization.
const INIT_COMPLETED: &str = "Initialization completed";
/// The logger of the event stage, which logs produce errors.
const EVENT_STAGE_LOGGER: &str = "[eventum.core.stages.event_stage]";
/// The event stage's own failure, which is not about one event.
const EVENT_STAGE_FATAL: &str = "Fatal error in event stage";
/// A formatter rejected an event (it is dropped).
const FORMAT_FAILED: &str = "Failed to format event";
/// The asyncio report of the shutdown race (see the module notes).
const SHUTDOWN_RACE: &str = "Exception in callback OutputStage._handle_write_result()";
/// The error the race raises: the task is no longer in the set.
const SHUTDOWN_RACE_ERROR: &str = "KeyError: <Task finished";
/// Warnings that mean events were lost.
const LOST_EVENTS_WARNINGS: [&str; 2] = ["Write operations timed out", "Write operation discarded"];

/// One log record: its level and its text after the level.
struct Record {
    level: String,
    /// The message, logger and fields, plus any following lines.
    body: String,
}

/// Removes ANSI escape sequences (structlog colours even when stderr is a
/// pipe).
pub(super) fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        if chars.peek() == Some(&'[') {
            chars.next();
            // CSI: parameters and intermediates, then one final byte.
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        }
    }
    out
}

/// Sorts ANSI-free stderr text into load errors, produce errors, other
/// errors and warnings.
pub(super) fn classify(stderr: &str) -> Classified {
    let mut out = Classified::default();
    let mut initialized = false;
    let (records, stray) = split_records(stderr);
    out.warnings.extend(stray);
    for record in records {
        let body = record.body.trim_end().to_owned();
        match record.level.as_str() {
            "error" | "critical" | "exception" | "fatal" => {
                if body.starts_with(SHUTDOWN_RACE) && body.contains(SHUTDOWN_RACE_ERROR) {
                    out.warnings.push(body);
                } else if !initialized {
                    out.load_errors.push(body);
                } else if is_produce_error(&body) {
                    out.produce_errors.push(body);
                } else {
                    out.other_errors.push(body);
                }
            }
            "warning" | "warn" => {
                if LOST_EVENTS_WARNINGS.iter().any(|m| body.starts_with(m)) {
                    out.other_errors.push(body);
                } else {
                    out.warnings.push(body);
                }
            }
            _ => {
                if body.starts_with(INIT_COMPLETED) {
                    initialized = true;
                }
                // Extra lines under an info or debug record are not from
                // the logger: keep them.
                if let Some((_, extra)) = body.split_once('\n')
                    && !extra.trim().is_empty()
                {
                    out.warnings.push(extra.trim_end().to_owned());
                }
            }
        }
    }
    out
}

fn is_produce_error(body: &str) -> bool {
    let first_line = body.lines().next().unwrap_or("");
    body.starts_with(FORMAT_FAILED)
        || (first_line.contains(EVENT_STAGE_LOGGER) && !body.starts_with(EVENT_STAGE_FATAL))
}

/// Splits stderr into records (a record line plus the lines after it up to
/// the next record line) and the text before the first record.
fn split_records(stderr: &str) -> (Vec<Record>, Vec<String>) {
    let mut records: Vec<Record> = Vec::new();
    let mut stray = String::new();
    for line in stderr.lines() {
        if let Some((level, body)) = parse_record_line(line) {
            records.push(Record {
                level,
                body: body.to_owned(),
            });
        } else if let Some(last) = records.last_mut() {
            last.body.push('\n');
            last.body.push_str(line);
        } else if !line.trim().is_empty() {
            stray.push_str(line);
            stray.push('\n');
        }
    }
    let stray = if stray.is_empty() {
        Vec::new()
    } else {
        vec![stray.trim_end().to_owned()]
    };
    (records, stray)
}

/// Parses `<timestamp>Z [<level> ] <body>`; `None` for any other line.
fn parse_record_line(line: &str) -> Option<(String, &str)> {
    let (stamp, rest) = line.split_once(' ')?;
    let bytes = stamp.as_bytes();
    let looks_like_stamp = bytes.len() >= 20
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && bytes[4] == b'-'
        && bytes[10] == b'T'
        && stamp.ends_with('Z');
    if !looks_like_stamp {
        return None;
    }
    let rest = rest.strip_prefix('[')?;
    let (level, body) = rest.split_once(']')?;
    let level = level.trim();
    if level.is_empty() || !level.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Some((level.to_ascii_lowercase(), body.trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Lines as Eventum 2.8.0 printed them (ANSI codes removed).
    const STARTED: &str = "2026-11-29T13:17:35.586703Z [info     ] Initializing plugins          [eventum.core.generator] generator_id=conformance";
    const COMPLETED: &str = "2026-11-29T13:17:35.732766Z [info     ] Initialization completed      [eventum.core.generator] generator_id=conformance seconds=0.151";
    const LOAD: &str = "2026-11-29T13:17:46.813499Z [error    ] Failed to load template        [eventum.core.generator] file_name=templates/logout.json.jinja generator_id=conformance reason=\"Bad syntax in template: unexpected 'end of template' (line 1)\"";
    const NOT_STARTED: &str = "2026-11-29T13:17:46.826557Z [error    ] Failed to start generator      [eventum.cli.commands.eventum]";
    const RENDER: &str = "2026-11-29T13:17:42.033447Z [error    ] Failed to render template      [eventum.core.stages.event_stage] reason=\"'undefined_thing' is undefined\" template_alias=logout traceback='  File \"p2/templates/logout.json.jinja\", line 1'";
    const FORMAT: &str = "2026-11-29T13:17:42.038522Z [error    ] Failed to format event         [eventum.plugins.output.plugins.file.plugin] format=json original_event='not json' plugin_id=1 plugin_name=file plugin_type=output reason='JSON is malformed: invalid character (byte 1)'";

    #[test]
    fn errors_before_initialization_completed_are_load_errors() {
        let text = [STARTED, LOAD, NOT_STARTED].join("\n");
        let found = classify(&text);
        assert_eq!(found.load_errors.len(), 2);
        assert!(found.load_errors[0].starts_with("Failed to load template "));
        assert!(found.load_errors[1].starts_with("Failed to start generator "));
        assert!(found.produce_errors.is_empty() && found.other_errors.is_empty());
    }

    #[test]
    fn render_and_format_failures_after_initialization_are_produce_errors() {
        let write = "2026-11-29T13:17:42.04Z [error    ] Failed to write events         [eventum.plugins.output.plugins.file.plugin] reason=disk";
        let text = [STARTED, COMPLETED, RENDER, FORMAT, write].join("\n");
        let found = classify(&text);
        assert!(found.load_errors.is_empty());
        assert_eq!(found.produce_errors.len(), 2);
        assert!(found.produce_errors[0].contains("template_alias=logout"));
        assert!(found.produce_errors[1].starts_with(FORMAT_FAILED));
        assert_eq!(found.other_errors.len(), 1);
    }

    #[test]
    fn tracebacks_stay_with_their_record_and_fatal_stage_errors_are_not_per_event() {
        let fatal = "2026-11-29T13:17:42.04Z [error    ] Fatal error in event stage     [eventum.core.stages.event_stage] reason=boom\nTraceback (most recent call last):\n  File \"x.py\", line 1\nRuntimeError: boom";
        let text = [COMPLETED, fatal].join("\n");
        let found = classify(&text);
        assert!(found.produce_errors.is_empty());
        assert_eq!(found.other_errors.len(), 1);
        assert!(found.other_errors[0].ends_with("RuntimeError: boom"));
    }

    #[test]
    fn the_shutdown_race_of_the_output_stage_is_a_warning() {
        let race = r#"2026-11-29T13:25:57.873988Z [error    ] Exception in callback OutputStage._handle_write_result()
handle: <Handle OutputStage._handle_write_result()> [asyncio]
Traceback (most recent call last):
  File "/c/root/usr/lib/python3.14/asyncio/events.py", line 94, in _run
    self._context.run(self._callback, *self._args)
    ~~~~~~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/c/venv/lib/python3.14/site-packages/eventum/core/stages/output_stage.py", line 256, in _handle_write_result
    self._tasks.remove(task)
    ~~~~~~~~~~~~~~~~~~^^^^^^
KeyError: <Task finished name='Writing with <file output plugin [1]>' coro=<wait_for() done, defined at /c/root/usr/lib/python3.14/asyncio/tasks.py:440> result=5>
2026-11-29T13:25:57.878959Z [info     ] Ending execution               [eventum.core.generator] generator_id=conformance"#;
        let found = classify(&[COMPLETED, race].join("\n"));
        assert!(found.other_errors.is_empty(), "{found:?}");
        assert_eq!(found.warnings.len(), 1);
        assert!(found.warnings[0].ends_with("result=5>"));
    }

    #[test]
    fn write_timeouts_are_errors_and_stray_text_is_a_warning() {
        let timeout = "2026-11-29T13:17:42.04Z [warning  ] Write operations timed out, their events are counted as failed [eventum.core.stages.output_stage] count=1";
        let other = "2026-11-29T13:17:42.05Z [warning  ] Events queue is full           [eventum.core.stages.event_stage]";
        let text = [
            "Usage: eventum generate [OPTIONS]",
            COMPLETED,
            timeout,
            other,
        ]
        .join("\n");
        let found = classify(&text);
        assert_eq!(found.other_errors.len(), 1);
        assert_eq!(found.warnings.len(), 2);
        assert_eq!(found.warnings[0], "Usage: eventum generate [OPTIONS]");
    }

    #[test]
    fn lines_that_only_look_like_records_are_not_records() {
        assert!(parse_record_line("2026-11-29 [error] x").is_none());
        assert!(parse_record_line("2026-11-29T13:17:42Z error x").is_none());
        assert!(parse_record_line("2026-11-29T13:17:42Z [a b] x").is_none());
        assert_eq!(
            parse_record_line("2026-11-29T13:17:42Z [ERROR] x [y] k=v"),
            Some(("error".to_owned(), "x [y] k=v"))
        );
    }

    #[test]
    fn ansi_colours_are_removed() {
        let coloured = "\u{1b}[2m2026-11-29T13:17:35.580534Z\u{1b}[0m [\u{1b}[32m\u{1b}[1minfo     \u{1b}[0m] \u{1b}[1mStarting generator\u{1b}[0m";
        assert_eq!(
            strip_ansi(coloured),
            "2026-11-29T13:17:35.580534Z [info     ] Starting generator"
        );
    }
}
