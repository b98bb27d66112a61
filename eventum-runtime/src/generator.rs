//! What a compiled generator is to the engine: the [`Generator`] trait, the
//! static [`GeneratorSpec`] that describes it (for `list`, docs and the
//! exporter), and the [`EventBatch`] it writes into.

use crate::time::Timestamp;
use std::fmt;
use std::sync::Arc;

/// The tags of the input plugin that produced a timestamp.
pub type Tags = Arc<[Arc<str>]>;

/// What an event body reports back: an event was written, or a dispatch
/// signal (Eventum's `dispatch.drop()`, `dispatch.next()`, `dispatch.exhaust()`).
#[must_use = "an event body must return the Event it produced"]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Event(pub(crate) Outcome);

/// The kinds of [`Event`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// One event was written to the buffer.
    Written,
    /// Abort this timestamp: no events, the dropped counter increases.
    Drop,
    /// Discard this output and pick again for the same timestamp.
    Next {
        /// The limit on repicks for this timestamp (the latest call's value counts).
        max_repicks: u32,
    },
    /// Stop generating, gracefully.
    Exhaust,
}

impl Event {
    /// An event was written (what `ecs!` evaluates to).
    pub const WRITTEN: Self = Self(Outcome::Written);

    /// The outcome.
    pub const fn outcome(self) -> Outcome {
        self.0
    }
}

/// `dispatch`: the signals an event body can raise, as return values.
///
/// ```text
/// if pool.is_empty() { return cx.dispatch.next(); }
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Dispatch;

impl Dispatch {
    /// `dispatch.drop()`.
    pub const fn drop(&self) -> Event {
        Event(Outcome::Drop)
    }
    /// `dispatch.next()` with Eventum's default of 64 repicks.
    pub const fn next(&self) -> Event {
        Event(Outcome::Next { max_repicks: 64 })
    }
    /// `dispatch.next(max_repicks=n)`.
    pub const fn next_with(&self, max_repicks: u32) -> Event {
        Event(Outcome::Next { max_repicks })
    }
    /// `dispatch.exhaust()`.
    pub const fn exhaust(&self) -> Event {
        Event(Outcome::Exhaust)
    }
}

/// The result of producing the events of one timestamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Produced {
    /// Zero or more events were appended.
    Events,
    /// `dispatch.drop()`: nothing was appended.
    Dropped,
    /// `dispatch.exhaust()`: nothing was appended for this timestamp and the
    /// generator wants to stop.
    Exhausted,
    /// A produce error (Eventum logs it and goes on): nothing was appended.
    Failed(String),
}

/// Events of one batch, stored back to back in one buffer.
///
/// A batch may carry a separator written after every event (see
/// [`EventBatch::set_separator`]): the engine's `plain` path lays events out
/// exactly as a text output writes them, so a part is written in one call
/// without being copied. Events read through [`EventBatch::get`] and
/// [`EventBatch::iter`] never include it.
#[derive(Debug, Default, Clone)]
pub struct EventBatch {
    buf: Vec<u8>,
    ends: Vec<usize>,
    separator: Vec<u8>,
}

impl EventBatch {
    /// An empty batch.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty batch with room for `bytes` bytes.
    pub fn with_capacity(bytes: usize, events: usize) -> Self {
        Self {
            buf: Vec::with_capacity(bytes),
            ends: Vec::with_capacity(events),
            separator: Vec::new(),
        }
    }

    /// Writes `separator` after every event committed from now on (none by
    /// default). Only allowed on an empty batch.
    ///
    /// # Panics
    /// If the batch holds events.
    pub fn set_separator(&mut self, separator: &[u8]) {
        assert!(self.is_empty(), "set_separator on a batch with events");
        self.buf.clear();
        self.separator.clear();
        self.separator.extend_from_slice(separator);
    }

    /// The bytes written after every event (empty: none).
    pub fn separator(&self) -> &[u8] {
        &self.separator
    }

    /// Removes every event, keeping the allocation and the separator.
    pub fn clear(&mut self) {
        self.buf.clear();
        self.ends.clear();
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no events.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Total bytes of all events (and their separators).
    pub fn byte_len(&self) -> usize {
        self.buf.len()
    }

    /// The buffer the next event is written into (after the last event).
    pub fn buffer(&mut self) -> &mut Vec<u8> {
        &mut self.buf
    }

    /// Marks the current end, to roll back to with [`EventBatch::rollback`].
    pub fn mark(&self) -> Mark {
        Mark {
            bytes: self.buf.len(),
            events: self.ends.len(),
        }
    }

    /// Removes everything written after `mark`.
    pub fn rollback(&mut self, mark: Mark) {
        self.buf.truncate(mark.bytes);
        self.ends.truncate(mark.events);
    }

    /// Removes the bytes written since the last committed event.
    pub fn discard_uncommitted(&mut self) {
        let kept = self.ends.last().map_or(0, |end| end + self.separator.len());
        self.buf.truncate(kept);
    }

    /// Ends the event whose bytes were written since the previous one.
    #[inline]
    pub fn commit(&mut self) {
        self.ends.push(self.buf.len());
        if !self.separator.is_empty() {
            self.buf.extend_from_slice(&self.separator);
        }
    }

    /// Where event `i` starts.
    fn start(&self, i: usize) -> usize {
        if i == 0 {
            0
        } else {
            self.ends[i - 1] + self.separator.len()
        }
    }

    /// Appends a whole event.
    pub fn push(&mut self, event: &[u8]) {
        self.buf.extend_from_slice(event);
        self.commit();
    }

    /// The `i`-th event.
    pub fn get(&self, i: usize) -> Option<&[u8]> {
        let end = *self.ends.get(i)?;
        Some(&self.buf[self.start(i)..end])
    }

    /// The events in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[u8]> + '_ {
        (0..self.ends.len()).map(move |i| &self.buf[self.start(i)..self.ends[i]])
    }

    /// All event bytes back to back, each followed by the separator.
    pub fn bytes(&self) -> &[u8] {
        &self.buf
    }

    /// Appends every event of `other` (followed by this batch's separator).
    pub fn extend_from(&mut self, other: &Self) {
        if self.separator == other.separator {
            let base = self.buf.len();
            self.buf.extend_from_slice(&other.buf);
            self.ends.extend(other.ends.iter().map(|e| e + base));
        } else {
            for event in other.iter() {
                self.push(event);
            }
        }
    }

    /// The bytes (events and separators), the end offset of each event, and
    /// the separator.
    pub fn into_parts(self) -> (Vec<u8>, Vec<usize>, Vec<u8>) {
        (self.buf, self.ends, self.separator)
    }

    /// An empty batch over buffers from [`EventBatch::into_parts`] (or any
    /// buffers: they are cleared first, keeping their capacity), with no
    /// separator.
    pub fn from_parts(mut buf: Vec<u8>, mut ends: Vec<usize>) -> Self {
        buf.clear();
        ends.clear();
        Self {
            buf,
            ends,
            separator: Vec::new(),
        }
    }
}

/// A position in an [`EventBatch`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    bytes: usize,
    events: usize,
}

/// A compiled generator instance: one per worker, owning its random streams
/// and its state.
pub trait Generator: Send {
    /// Produces the events of one timestamp, appending them to `out`.
    fn produce(&mut self, timestamp: Timestamp, tags: &Tags, out: &mut EventBatch) -> Produced;

    /// Renders one event of the named event type, bypassing the picker (for
    /// `eventum-rs render`). `None` when no event type has that name.
    fn render(
        &mut self,
        event: &str,
        timestamp: Timestamp,
        tags: &Tags,
        out: &mut EventBatch,
    ) -> Option<Produced>;

    /// The event types (indexes into the spec's events) the last `produce`
    /// rendered, in order: what conformance and statistics tests count.
    fn last_picked(&self) -> &[usize] {
        &[]
    }
}

/// Parameter values given at run time (CLI `--param`, generator.yml
/// `event.template.params`), by name.
pub type ParamValues = serde_json::Map<String, serde_json::Value>;

/// What a generator needs to start.
#[derive(Debug, Clone)]
pub struct Init<'a> {
    /// Parameter overrides; every other parameter takes its default.
    pub params: &'a ParamValues,
    /// The seed of this instance's random streams.
    pub seed: u64,
    /// Which worker this instance runs on (0-based).
    pub worker: usize,
}

/// A generator that could not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitError(pub String);

impl fmt::Display for InitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InitError {}

/// A bundled generator: its description and how to start an instance.
#[derive(Clone, Copy)]
pub struct GeneratorEntry {
    /// The static description.
    pub spec: &'static GeneratorSpec,
    /// Starts one instance.
    pub create: fn(&Init<'_>) -> Result<Box<dyn Generator>, InitError>,
}

impl fmt::Debug for GeneratorEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GeneratorEntry")
            .field("name", &self.spec.name)
            .finish_non_exhaustive()
    }
}

/// Eventum's picking modes (`event.template.mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Every event type, in declaration order, per timestamp.
    All,
    /// One event type, uniformly.
    Any,
    /// One event type, with probability proportional to its weight.
    Chance,
    /// One event type, round-robin in declaration order.
    Spin,
    /// One event type, cycling through the `chain` list.
    Chain,
    /// One event type: the current state of a finite-state machine.
    Fsm,
}

impl Mode {
    /// The name Eventum uses in `generator.yml`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Any => "any",
            Self::Chance => "chance",
            Self::Spin => "spin",
            Self::Chain => "chain",
            Self::Fsm => "fsm",
        }
    }
}

/// The static description of a generator.
#[derive(Debug)]
pub struct GeneratorSpec {
    /// `<category>-<source>`, e.g. `linux-auditd`.
    pub name: &'static str,
    /// A human title.
    pub title: &'static str,
    /// What the generator emits (Markdown).
    pub description: &'static str,
    /// The picking mode.
    pub mode: Mode,
    /// The ECS version the events declare and are checked against.
    pub ecs_version: &'static str,
    /// The source's own field definition files (relative to the crate).
    pub field_files: &'static [&'static str],
    /// The event types (template aliases), in declaration order.
    pub events: &'static [EventSpec],
    /// The `chain` (aliases, by name) in chain mode.
    pub chain: &'static [&'static str],
    /// The parameters.
    pub params: &'static [ParamSpec],
    /// The samples.
    pub samples: &'static [SampleSpec],
    /// The state fields (`shared`, `locals`, `globals`).
    pub state: &'static [StateSpec],
    /// The generator lowered to Eventum templates (`None`: native only).
    pub export: Option<&'static ExportSpec>,
}

/// The Eventum pack of a generator: the Jinja templates its event bodies
/// were lowered to by the macro.
#[derive(Debug)]
pub struct ExportSpec {
    /// `templates/<file>`, one per event function.
    pub templates: &'static [TemplateFile],
    /// `templates/_base.json.jinja` (macros of the helpers), or `""`.
    pub base: &'static str,
    /// Per event type, in declaration order: its template and the extra
    /// `vars` it needs.
    pub aliases: &'static [AliasExport],
}

/// One template file.
#[derive(Debug)]
pub struct TemplateFile {
    /// File name under `templates/`.
    pub file: &'static str,
    /// Jinja text.
    pub text: &'static str,
}

/// How one event type is exported.
#[derive(Debug)]
pub struct AliasExport {
    /// Its template file.
    pub template: &'static str,
    /// Extra `vars` (name, JSON value), e.g. per-alias `event.*` metadata.
    pub vars: &'static [(&'static str, &'static str)],
}

impl GeneratorSpec {
    /// The event type called `name`.
    pub fn event(&self, name: &str) -> Option<&'static EventSpec> {
        self.events.iter().find(|e| e.name == name)
    }

    /// Each event type's share of the events, in percent, as the mode
    /// implies (weights in `chance`, equal shares in `any`/`spin`/`all`,
    /// occurrences in `chain`; `fsm` depends on the walk and gives `None`).
    pub fn frequencies(&self) -> Option<Vec<f64>> {
        let n = self.events.len();
        match self.mode {
            Mode::Chance => {
                let total: f64 = self.events.iter().map(|e| e.weight).sum();
                Some(
                    self.events
                        .iter()
                        .map(|e| 100.0 * e.weight / total)
                        .collect(),
                )
            }
            Mode::Any | Mode::Spin | Mode::All => Some(vec![100.0 / n as f64; n]),
            Mode::Chain => {
                let len = self.chain.len() as f64;
                Some(
                    self.events
                        .iter()
                        .map(|e| {
                            100.0 * self.chain.iter().filter(|c| **c == e.name).count() as f64 / len
                        })
                        .collect(),
                )
            }
            Mode::Fsm => None,
        }
    }
}

/// One event type (one Eventum template alias).
#[derive(Debug)]
pub struct EventSpec {
    /// The alias.
    pub name: &'static str,
    /// The Rust function that renders it.
    pub function: &'static str,
    /// Doc comment of the function.
    pub doc: &'static str,
    /// Relative weight (chance mode).
    pub weight: f64,
    /// `event.kind`.
    pub kind: Option<&'static str>,
    /// `event.category`.
    pub category: &'static [&'static str],
    /// `event.type`.
    pub types: &'static [&'static str],
    /// `event.action`.
    pub action: Option<&'static str>,
    /// Whether this is the initial FSM state.
    pub initial: bool,
    /// FSM transitions out of this state.
    pub transitions: &'static [TransitionSpec],
    /// The alias's `vars`, as `(name, JSON value)`.
    pub vars: &'static [(&'static str, &'static str)],
    /// The field paths the event writes, with their ECS types.
    pub fields: &'static [FieldSpec],
}

/// One FSM transition.
#[derive(Debug)]
pub struct TransitionSpec {
    /// Target state (alias).
    pub to: &'static str,
    /// The condition as Rust source, for docs.
    pub when_rust: &'static str,
    /// The condition as Eventum's YAML condition (flow style).
    pub when_eventum: &'static str,
}

/// One parameter.
#[derive(Debug)]
pub struct ParamSpec {
    /// Name (as in `params.<name>`).
    pub name: &'static str,
    /// Rust type.
    pub ty: &'static str,
    /// Default value as JSON.
    pub default_json: &'static str,
    /// Doc comment.
    pub doc: &'static str,
    /// Lowest value accepted (`#[param(min = ...)]`), as JSON.
    pub min: Option<&'static str>,
    /// Highest value accepted (`#[param(max = ...)]`), as JSON.
    pub max: Option<&'static str>,
}

impl ParamSpec {
    /// The accepted values in words (`from 1 to 99`, `at least 0`), if the
    /// parameter is bounded.
    #[must_use]
    pub fn bounds_text(&self) -> Option<String> {
        match (self.min, self.max) {
            (Some(lo), Some(hi)) => Some(format!("from {lo} to {hi}")),
            (Some(lo), None) => Some(format!("at least {lo}")),
            (None, Some(hi)) => Some(format!("at most {hi}")),
            (None, None) => None,
        }
    }

    /// The first paragraph of the doc on one line, with the accepted values:
    /// `Percentage of audited syscalls that fail (from 0 to 100).`
    #[must_use]
    pub fn summary(&self) -> String {
        let doc = first_paragraph_line(self.doc);
        match self.bounds_text() {
            None => doc,
            Some(b) if doc.is_empty() => format!("Accepted: {b}."),
            Some(b) => match doc.strip_suffix('.') {
                Some(d) => format!("{d} ({b})."),
                None => format!("{doc} ({b})"),
            },
        }
    }
}

/// The first paragraph of a doc comment on one line (line breaks and runs
/// of white space become one space).
pub(crate) fn first_paragraph_line(doc: &str) -> String {
    let para = doc.split("\n\n").next().unwrap_or("");
    para.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One sample.
#[derive(Debug)]
pub struct SampleSpec {
    /// Name (as in `samples.<name>`).
    pub name: &'static str,
    /// `csv`, `json` or `items`.
    pub kind: &'static str,
    /// Source path relative to the generator crate (empty for items).
    pub source: &'static str,
    /// Columns.
    pub columns: &'static [&'static str],
    /// Weight column, if weighted picks use one.
    pub weight: Option<&'static str>,
    /// Number of rows.
    pub rows: usize,
    /// Doc comment.
    pub doc: &'static str,
    /// CSV: whether the first line is a header.
    pub header: bool,
    /// CSV: the delimiter.
    pub delimiter: &'static str,
    /// CSV: the quote character.
    pub quotechar: &'static str,
    /// Items: the items as a JSON array (empty for file samples).
    pub items_json: &'static str,
}

/// One state field.
#[derive(Debug)]
pub struct StateSpec {
    /// `shared`, `locals` or `globals`.
    pub scope: &'static str,
    /// Field name (the state key).
    pub name: &'static str,
    /// Rust type.
    pub ty: &'static str,
    /// Doc comment.
    pub doc: &'static str,
}

/// One field path an event writes.
#[derive(Debug)]
pub struct FieldSpec {
    /// Dotted path.
    pub path: &'static str,
    /// ECS (Elasticsearch) type, or `""` when the path is not in ECS.
    pub ecs_type: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn param(doc: &'static str, min: Option<&'static str>, max: Option<&'static str>) -> ParamSpec {
        ParamSpec {
            name: "p",
            ty: "f64",
            default_json: "1.0",
            doc,
            min,
            max,
        }
    }

    #[test]
    fn a_parameter_summary_is_its_first_paragraph_and_its_bounds() {
        let cases = [
            (
                param("Percentage\nthat fails.", Some("0"), Some("100")),
                "Percentage that fails (from 0 to 100).",
            ),
            (param("Pool cap", Some("1"), None), "Pool cap (at least 1)"),
            (
                param("Rate.\n\nMore detail.", None, Some("5")),
                "Rate (at most 5).",
            ),
            (param("", Some("0"), None), "Accepted: at least 0."),
            (param("Domain.", None, None), "Domain."),
            (param("", None, None), ""),
        ];
        for (p, want) in cases {
            assert_eq!(p.summary(), want);
        }
    }

    #[test]
    fn batch_rollback_and_iteration() {
        let mut b = EventBatch::new();
        b.push(b"{\"a\":1}");
        let m = b.mark();
        b.buffer().extend_from_slice(b"{\"b\":2}");
        b.commit();
        assert_eq!(b.len(), 2);
        b.rollback(m);
        assert_eq!(b.len(), 1);
        b.push(b"{}");
        let all: Vec<&[u8]> = b.iter().collect();
        assert_eq!(all, vec![&b"{\"a\":1}"[..], &b"{}"[..]]);
        assert_eq!(b.get(1), Some(&b"{}"[..]));
        let mut c = EventBatch::new();
        c.push(b"x");
        c.extend_from(&b);
        assert_eq!(
            c.iter().collect::<Vec<_>>(),
            vec![&b"x"[..], &b"{\"a\":1}"[..], &b"{}"[..]]
        );
    }

    #[test]
    fn separator_follows_every_event_but_is_not_part_of_it() {
        let mut b = EventBatch::new();
        b.set_separator(b"\r\n");
        b.push(b"a");
        let m = b.mark();
        b.buffer().extend_from_slice(b"dropped");
        b.rollback(m);
        b.buffer().extend_from_slice(b"bc");
        b.commit();
        b.push(b"");
        assert_eq!(b.bytes(), b"a\r\nbc\r\n\r\n");
        assert_eq!(b.iter().collect::<Vec<_>>(), [&b"a"[..], b"bc", b""]);
        assert_eq!(b.get(1), Some(&b"bc"[..]));
        assert_eq!(b.get(2), Some(&b""[..]));
        let m = b.mark();
        b.push(b"z");
        b.rollback(m);
        assert_eq!(
            b.bytes(),
            b"a\r\nbc\r\n\r\n",
            "rollback keeps earlier separators"
        );

        let mut plain = EventBatch::new();
        plain.push(b"x");
        plain.extend_from(&b);
        assert_eq!(
            plain.bytes(),
            b"xabc",
            "events keep, separators follow the target"
        );
        let mut sep = EventBatch::new();
        sep.set_separator(b"\n");
        sep.extend_from(&plain);
        assert_eq!(sep.bytes(), b"x\na\nbc\n\n");
        sep.clear();
        sep.push(b"y");
        assert_eq!(sep.bytes(), b"y\n", "clear keeps the separator");
    }

    #[test]
    fn dispatch_signals() {
        let d = Dispatch;
        assert_eq!(d.drop().outcome(), Outcome::Drop);
        assert_eq!(d.next().outcome(), Outcome::Next { max_repicks: 64 });
        assert_eq!(d.next_with(3).outcome(), Outcome::Next { max_repicks: 3 });
        assert_eq!(d.exhaust().outcome(), Outcome::Exhaust);
    }
}
