//! Formatters: how an output plugin turns a batch of events into the strings
//! it writes (Eventum's `formatter` key, spec §8.1).
//!
//! [`Formatter::format`] reads an [`EventBatch`] and fills a reused
//! [`Formatted`] buffer; it takes `&self`, so one formatter serves every
//! worker thread. Events that fail to format are dropped and counted.

pub mod config;
pub mod json;
pub mod template;

pub use config::{FormatterConfig, TemplateSource};
pub use json::{JsonError, JsonStyle};
pub use template::FormatterTemplate;

use crate::generator::EventBatch;
use std::fmt;
use std::path::Path;

/// Formatted strings of one batch, stored as an [`EventBatch`] of strings,
/// and the number of input events they stand for.
///
/// Strings taken from an [`EventBatch`] keep its separator (the bytes after
/// every string, see [`EventBatch::set_separator`]); an output whose own
/// separator is the same writes [`Formatted::bytes`] as they are.
#[derive(Debug, Default, Clone)]
pub struct Formatted {
    strings: EventBatch,
    events: usize,
}

impl Formatted {
    /// An empty set of strings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Removes every string, keeping the allocation.
    pub fn clear(&mut self) {
        self.strings.clear();
        self.events = 0;
    }

    /// Number of strings.
    pub fn len(&self) -> usize {
        self.strings.len()
    }

    /// Whether there are no strings.
    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }

    /// Number of input events the strings stand for (Eventum's
    /// `formatted_count`): one per string for per-event formats, the whole
    /// batch for `json-batch`, `template-batch` and `eventum-http-input`.
    /// An output that wrote everything reports this many events written.
    pub fn event_count(&self) -> usize {
        self.events
    }

    /// Sets [`Formatted::event_count`].
    pub fn set_event_count(&mut self, events: usize) {
        self.events = events;
    }

    /// Appends a whole string standing for one event.
    pub fn push(&mut self, string: &[u8]) {
        self.strings.push(string);
        self.events += 1;
    }

    /// The buffer the next string is written into (after the last string);
    /// end it with [`Formatted::commit`] or drop it with [`Formatted::rollback`].
    pub fn buffer(&mut self) -> &mut Vec<u8> {
        self.strings.buffer()
    }

    /// Ends the string written since the previous one; it stands for one event.
    pub fn commit(&mut self) {
        self.strings.commit();
        self.events += 1;
    }

    /// Removes the bytes written since the last committed string.
    pub fn rollback(&mut self) {
        self.strings.discard_uncommitted();
    }

    /// The `i`-th string.
    pub fn get(&self, i: usize) -> Option<&[u8]> {
        self.strings.get(i)
    }

    /// The strings in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[u8]> + '_ {
        self.strings.iter()
    }

    /// All string bytes back to back, each followed by the separator.
    pub fn bytes(&self) -> &[u8] {
        self.strings.bytes()
    }

    /// The bytes after every string (empty: none).
    pub fn separator(&self) -> &[u8] {
        self.strings.separator()
    }

    /// The events of a batch as they are, one string each: what the
    /// `plain` formatter gives, without copying the bytes (the batch's
    /// separator included).
    pub fn from_event_batch(events: EventBatch) -> Self {
        Self {
            events: events.len(),
            strings: events,
        }
    }

    /// The string bytes and the end offset of each string (to reuse the
    /// allocations).
    pub fn into_parts(self) -> (Vec<u8>, Vec<usize>) {
        let (buf, ends, _) = self.strings.into_parts();
        (buf, ends)
    }

    /// Appends every string of `other` (and its event count).
    pub fn extend_from(&mut self, other: &Self) {
        self.strings.extend_from(&other.strings);
        self.events += other.events;
    }
}

/// The outcome of formatting one batch.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FormatStats {
    /// Input events that were formatted (Eventum's `formatted_count`).
    pub formatted: usize,
    /// Input events dropped because they could not be formatted.
    pub format_failed: usize,
}

/// One formatting failure, for logging.
#[derive(Clone, Copy)]
pub struct FormatFailure<'a> {
    /// The event that failed, or `None` when a whole batch failed
    /// (`template-batch`).
    pub event: Option<&'a [u8]>,
    /// Why.
    pub reason: &'a dyn fmt::Display,
}

impl fmt::Debug for FormatFailure<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FormatFailure")
            .field("event", &self.event.map(String::from_utf8_lossy))
            .field("reason", &self.reason.to_string())
            .finish()
    }
}

/// A formatter that cannot be built (bad template, unreadable template file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatterError(pub String);

impl fmt::Display for FormatterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FormatterError {}

#[derive(Debug, Clone)]
enum Kind {
    Plain,
    Json(JsonStyle),
    JsonBatch(JsonStyle),
    Template(FormatterTemplate),
    TemplateBatch(FormatterTemplate),
    EventumHttpInput,
}

/// A built formatter.
#[derive(Debug, Clone)]
pub struct Formatter {
    kind: Kind,
}

impl Formatter {
    /// Builds a formatter; `template_path` is resolved against `base_dir`.
    pub fn new(config: &FormatterConfig, base_dir: &Path) -> Result<Self, FormatterError> {
        let kind = match config {
            FormatterConfig::Plain => Kind::Plain,
            FormatterConfig::Json { indent } => Kind::Json(JsonStyle::from_indent(*indent)),
            FormatterConfig::JsonBatch { indent } => {
                Kind::JsonBatch(JsonStyle::from_indent(*indent))
            }
            FormatterConfig::Template { source } => {
                Kind::Template(FormatterTemplate::new(source, base_dir)?)
            }
            FormatterConfig::TemplateBatch { source } => {
                Kind::TemplateBatch(FormatterTemplate::new(source, base_dir)?)
            }
            FormatterConfig::EventumHttpInput => Kind::EventumHttpInput,
        };
        Ok(Self { kind })
    }

    /// The `plain` formatter.
    pub const fn plain() -> Self {
        Self { kind: Kind::Plain }
    }

    /// Whether this is the `plain` formatter (events written as they are).
    pub const fn is_plain(&self) -> bool {
        matches!(self.kind, Kind::Plain)
    }

    /// Formats `events` into `out` (cleared first). An empty batch gives no
    /// strings with every format (Eventum skips writing empty batches).
    pub fn format(&self, events: &EventBatch, out: &mut Formatted) -> FormatStats {
        self.format_reporting(events, out, &mut |_| {})
    }

    /// [`Formatter::format`], calling `on_failure` for every event (or
    /// batch) that is dropped.
    pub fn format_reporting(
        &self,
        events: &EventBatch,
        out: &mut Formatted,
        on_failure: &mut dyn FnMut(FormatFailure<'_>),
    ) -> FormatStats {
        out.clear();
        if events.is_empty() {
            return FormatStats::default();
        }
        let mut stats = FormatStats::default();
        match &self.kind {
            Kind::Plain => {
                for event in events.iter() {
                    out.push(event);
                }
                stats.formatted = events.len();
            }
            Kind::Json(style) => {
                for event in events.iter() {
                    match json::reformat(event, *style, out.buffer()) {
                        Ok(()) => {
                            out.commit();
                            stats.formatted += 1;
                        }
                        Err(e) => {
                            stats.format_failed += 1;
                            on_failure(FormatFailure {
                                event: Some(event),
                                reason: &e,
                            });
                        }
                    }
                }
            }
            Kind::JsonBatch(style) => {
                stats = json_batch(events, *style, out, on_failure);
            }
            Kind::Template(template) => {
                for event in events.iter() {
                    match template.render_event(event, out.buffer()) {
                        Ok(()) => {
                            out.commit();
                            stats.formatted += 1;
                        }
                        Err(e) => {
                            out.rollback();
                            stats.format_failed += 1;
                            on_failure(FormatFailure {
                                event: Some(event),
                                reason: &RenderFailure(&e),
                            });
                        }
                    }
                }
            }
            Kind::TemplateBatch(template) => {
                match template.render_batch(events.iter(), out.buffer()) {
                    Ok(()) => {
                        out.commit();
                        out.set_event_count(events.len());
                        stats.formatted = events.len();
                    }
                    Err(e) => {
                        out.clear();
                        stats.format_failed = events.len();
                        on_failure(FormatFailure {
                            event: None,
                            reason: &RenderFailure(&e),
                        });
                    }
                }
            }
            Kind::EventumHttpInput => {
                let buf = out.buffer();
                buf.extend_from_slice(b"{\"count\": ");
                buf.extend_from_slice(itoa::Buffer::new().format(events.len()).as_bytes());
                buf.push(b'}');
                out.commit();
                out.set_event_count(events.len());
                stats.formatted = events.len();
            }
        }
        stats
    }
}

/// `json-batch`: `[e1, e2, ...]` of the valid events, laid out as if the
/// compacted array were re-formatted as a whole (which is what Eventum does).
fn json_batch(
    events: &EventBatch,
    style: JsonStyle,
    out: &mut Formatted,
    on_failure: &mut dyn FnMut(FormatFailure<'_>),
) -> FormatStats {
    let mut stats = FormatStats::default();
    let buf = out.buffer();
    buf.push(b'[');
    for event in events.iter() {
        let mark = buf.len();
        if stats.formatted == 0 {
            style.after_open(buf, 1);
        } else {
            buf.push(b',');
            style.after_comma(buf, 1);
        }
        match json::reformat_at(event, style, 1, buf) {
            Ok(()) => stats.formatted += 1,
            Err(e) => {
                buf.truncate(mark);
                stats.format_failed += 1;
                on_failure(FormatFailure {
                    event: Some(event),
                    reason: &e,
                });
            }
        }
    }
    if stats.formatted == 0 {
        out.clear();
    } else {
        style.before_close(buf, 0);
        buf.push(b']');
        out.commit();
        out.set_event_count(stats.formatted);
    }
    stats
}

/// Eventum's wording for a failed render.
struct RenderFailure<'a>(&'a minijinja::Error);

impl fmt::Display for RenderFailure<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Failed to render template: {}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(events: &[&str]) -> EventBatch {
        let mut b = EventBatch::new();
        for e in events {
            b.push(e.as_bytes());
        }
        b
    }

    fn build(yaml: &str) -> Formatter {
        let config: FormatterConfig = serde_saphyr::from_str(yaml).unwrap();
        Formatter::new(&config, Path::new("/nonexistent")).unwrap()
    }

    fn run(formatter: &Formatter, events: &[&str]) -> (Vec<String>, FormatStats, usize) {
        let mut out = Formatted::new();
        let stats = formatter.format(&batch(events), &mut out);
        let strings = out
            .iter()
            .map(|s| String::from_utf8(s.to_vec()).unwrap())
            .collect();
        (strings, stats, out.event_count())
    }

    const fn stats(formatted: usize, format_failed: usize) -> FormatStats {
        FormatStats {
            formatted,
            format_failed,
        }
    }

    #[test]
    fn formatted_holds_strings_back_to_back() {
        let mut f = Formatted::new();
        f.push(b"ab");
        f.buffer().extend_from_slice(b"cd");
        f.commit();
        f.buffer().extend_from_slice(b"partial");
        f.rollback();
        f.push(b"");
        assert_eq!(f.len(), 3);
        assert_eq!(f.iter().collect::<Vec<_>>(), [&b"ab"[..], b"cd", b""]);
        assert_eq!(f.get(1), Some(&b"cd"[..]));
        assert_eq!(f.get(3), None);
        assert_eq!(f.bytes(), b"abcd");
        assert_eq!(f.event_count(), 3);
        f.set_event_count(10);
        assert_eq!(f.event_count(), 10);
        f.clear();
        assert!(f.is_empty());
        assert_eq!(f.event_count(), 0);
    }

    #[test]
    fn plain_keeps_events_unchanged() {
        let f = build("format: plain");
        let events = ["a", "{\n  \"x\": 1\n}", "", "not json"];
        assert_eq!(
            run(&f, &events),
            (events.map(String::from).to_vec(), stats(4, 0), 4)
        );
    }

    #[test]
    fn json_reformats_each_event_and_drops_invalid_ones() {
        let f = build("format: json");
        let (out, s, n) = run(
            &f,
            &[
                r#"{"a":1,"b":[1,2]}"#,
                "not json",
                "{\n  \"c\": 1.50\n}\n",
                "1 2",
            ],
        );
        assert_eq!(out, [r#"{"a": 1, "b": [1, 2]}"#, r#"{"c": 1.50}"#]);
        assert_eq!((s, n), (stats(2, 2), 2));

        let f = build("format: json\nindent: 2");
        let (out, _, _) = run(&f, &[r#"{"a":{},"b":[1]}"#]);
        assert_eq!(out, ["{\n  \"a\": {},\n  \"b\": [\n    1\n  ]\n}"]);
    }

    #[test]
    fn json_reports_each_failure() {
        let f = build("format: json");
        let mut out = Formatted::new();
        let mut failures = Vec::new();
        f.format_reporting(&batch(&["[1,]", "1", "x"]), &mut out, &mut |fail| {
            failures.push((fail.event.unwrap().to_vec(), fail.reason.to_string()));
        });
        assert_eq!(
            failures,
            [
                (
                    b"[1,]".to_vec(),
                    "JSON is malformed: invalid character (byte 3)".into()
                ),
                (
                    b"x".to_vec(),
                    "JSON is malformed: invalid character (byte 0)".into()
                ),
            ]
        );
    }

    #[test]
    fn json_batch_is_one_spaced_array() {
        // Spec §8.1: indent 0 gives `[{"a": 1}, {"b": 2}]`.
        let f = build("format: json-batch");
        let (out, s, n) = run(&f, &["{\"a\":1}", "oops", " {\"b\" :\n 2} "]);
        assert_eq!(out, [r#"[{"a": 1}, {"b": 2}]"#]);
        assert_eq!((s, n), (stats(2, 1), 2));

        let (out, s, _) = run(&f, &["oops", "{\"a\":1}"]);
        assert_eq!(
            out,
            [r#"[{"a": 1}]"#],
            "a dropped first event leaves no comma"
        );
        assert_eq!(s, stats(1, 1));
    }

    #[test]
    fn json_batch_pretty_matches_reformatting_the_whole_array() {
        let f = build("format: json-batch\nindent: 2");
        let (out, _, _) = run(&f, &[r#"{"a":[1,{}]}"#, "[]", "2"]);
        // msgspec.json.format('[{"a":[1,{}]},[],2]', indent=2)
        assert_eq!(
            out,
            ["[\n  {\n    \"a\": [\n      1,\n      {}\n    ]\n  },\n  [],\n  2\n]"]
        );
    }

    #[test]
    fn json_batch_without_valid_events_gives_nothing() {
        let f = build("format: json-batch");
        assert_eq!(run(&f, &["x", "[1,]"]), (vec![], stats(0, 2), 0));
        assert_eq!(run(&f, &[]), (vec![], stats(0, 0), 0));
    }

    #[test]
    fn template_renders_each_event() {
        let f = build("format: template\ntemplate: '<{{ event }}|{{ event | upper }}>'");
        let (out, s, n) = run(&f, &["a", "<b&c>"]);
        assert_eq!(out, ["<a|A>", "<<b&c>|<B&C>>"], "no autoescaping");
        assert_eq!((s, n), (stats(2, 0), 2));
    }

    #[test]
    fn template_can_call_python_string_methods() {
        // Jinja2 templates see Python `str` objects and call their methods.
        let f = build(
            "format: template\ntemplate: \"{{ event.split(':')[0].upper() }} {{ event.startswith('ab') }} {{ event.replace('b', 'B').strip() }}\"",
        );
        let (out, s, _) = run(&f, &["ab:c ", "x:y"]);
        assert_eq!(
            out,
            ["AB True aB:c", "X False x:y"],
            "booleans print as in Python"
        );
        assert_eq!(s, stats(2, 0));
    }

    #[test]
    fn template_drops_events_whose_render_fails() {
        // `event.missing.x` fails on an undefined attribute, like Jinja.
        let f = build(
            "format: template\ntemplate: '{% if event == \"bad\" %}{{ event.missing.x }}{% endif %}<{{ event }}>'",
        );
        let mut out = Formatted::new();
        let mut reasons = Vec::new();
        let s = f.format_reporting(&batch(&["a", "bad", "c"]), &mut out, &mut |fail| {
            assert_eq!(fail.event, Some(&b"bad"[..]));
            reasons.push(fail.reason.to_string());
        });
        assert_eq!(out.iter().collect::<Vec<_>>(), [&b"<a>"[..], b"<c>"]);
        assert_eq!(s, stats(2, 1));
        assert_eq!(reasons.len(), 1);
        assert!(
            reasons[0].starts_with("Failed to render template: "),
            "{reasons:?}"
        );
    }

    #[test]
    fn template_environment_is_plain_jinja() {
        // No `fromjson` filter and no `do` tag in Eventum's formatter env.
        let f = build("format: template\ntemplate: '{{ event | fromjson }}'");
        assert_eq!(run(&f, &["{}"]).1, stats(0, 1));
        let config: FormatterConfig =
            serde_saphyr::from_str("format: template\ntemplate: '{% do x %}'").unwrap();
        let error = Formatter::new(&config, Path::new("/")).unwrap_err();
        assert!(
            error.0.starts_with("formatter: cannot load template: "),
            "{error}"
        );
        // One trailing newline of the template is removed, as in Jinja.
        let f = build("format: template\ntemplate: \"{{ event }}\\n\"");
        assert_eq!(run(&f, &["a"]).0, ["a"]);
    }

    #[test]
    fn template_batch_renders_once_per_batch() {
        let f = build(
            "format: template-batch\ntemplate: '{{ events | length }}:{{ events | join(\",\") }}'",
        );
        let (out, s, n) = run(&f, &["a", "b", "c"]);
        assert_eq!(out, ["3:a,b,c"]);
        assert_eq!((s, n), (stats(3, 0), 3));
        assert_eq!(run(&f, &[]), (vec![], stats(0, 0), 0));
    }

    #[test]
    fn template_batch_failure_drops_the_batch() {
        let f = build("format: template-batch\ntemplate: '{{ events[0].a.b }}'");
        let mut out = Formatted::new();
        let mut failures = 0;
        let s = f.format_reporting(&batch(&["a", "b"]), &mut out, &mut |fail| {
            assert!(fail.event.is_none());
            failures += 1;
        });
        assert!(out.is_empty());
        assert_eq!((s, failures), (stats(0, 2), 1));
    }

    #[test]
    fn template_path_is_read_relative_to_the_base_dir() {
        let dir = std::env::temp_dir().join(format!("eventum-fmt-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("templates")).unwrap();
        std::fs::write(dir.join("templates/t.jinja"), "[{{ event }}]\n").unwrap();
        let config: FormatterConfig =
            serde_saphyr::from_str("format: template\ntemplate_path: templates/t.jinja").unwrap();
        let f = Formatter::new(&config, &dir).unwrap();
        assert_eq!(run(&f, &["x"]).0, ["[x]"]);

        let missing: FormatterConfig =
            serde_saphyr::from_str("format: template\ntemplate_path: nope.jinja").unwrap();
        let error = Formatter::new(&missing, &dir).unwrap_err();
        assert!(error.0.contains("nope.jinja"), "{error}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn eventum_http_input_counts_the_batch() {
        let f = build("format: eventum-http-input");
        assert_eq!(
            run(&f, &["a", "b", "c"]),
            (vec![r#"{"count": 3}"#.to_string()], stats(3, 0), 3)
        );
        assert_eq!(
            run(&f, &[]),
            (vec![], stats(0, 0), 0),
            "empty batches are skipped"
        );
    }

    #[test]
    fn format_replaces_previous_contents() {
        let f = build("format: json");
        let mut out = Formatted::new();
        f.format(&batch(&["1", "2"]), &mut out);
        f.format(&batch(&["3"]), &mut out);
        assert_eq!(out.iter().collect::<Vec<_>>(), [&b"3"[..]]);
        assert_eq!(out.event_count(), 1);
    }

    #[test]
    fn formatter_is_shareable_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Formatter>();
    }
}
