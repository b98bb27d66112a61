//! `web-access`: a small web access-log generator written directly against
//! the runtime traits, without the `#[generator]` macro. It shows what the
//! macro generates for you (a spec, a picker, a `Render` implementation and
//! a `Generator`), and it keeps the CLI end-to-end tests independent of the
//! macro.

use eventum_runtime::__private::{AliasTable, Picker, Render, empty_tags, produce};
use eventum_runtime::generator::{EventSpec, Init, InitError, Tags};
use eventum_runtime::json::{write_int, write_str};
use eventum_runtime::{
    Event, EventBatch, FastRng, Generator, GeneratorEntry, GeneratorSpec, Mode, Produced, Rand,
    Timestamp,
};

const METHODS: [&str; 4] = ["GET", "POST", "PUT", "DELETE"];
const PATHS: [&str; 6] = [
    "/",
    "/login",
    "/api/v1/items",
    "/static/app.js",
    "/health",
    "/search",
];
const AGENTS: [&str; 3] = [
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
    "curl/8.5.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
];

/// The description `eventum-rs list` shows.
pub(crate) static SPEC: GeneratorSpec = GeneratorSpec {
    name: "web-access",
    title: "Web access log (hand-written)",
    description: "HTTP access events written directly against the runtime traits.",
    mode: Mode::Chance,
    ecs_version: "8.11.0",
    field_files: &[],
    events: &[
        event("access_ok", 85.0, "success"),
        event("access_client_error", 12.0, "failure"),
        event("access_server_error", 3.0, "failure"),
    ],
    chain: &[],
    params: &[],
    samples: &[],
    state: &[],
    export: None,
};

const fn event(name: &'static str, weight: f64, _outcome: &'static str) -> EventSpec {
    EventSpec {
        name,
        function: "access",
        doc: "One HTTP request.",
        weight,
        kind: Some("event"),
        category: &["web"],
        types: &["access"],
        action: None,
        initial: false,
        transitions: &[],
        vars: &[],
        fields: &[],
    }
}

/// The entry the CLI bundles.
pub(crate) static GENERATOR: GeneratorEntry = GeneratorEntry {
    spec: &SPEC,
    create,
};

struct State {
    rand: Rand,
    timestamp: Timestamp,
    /// Per-instance request counter (`http.request.id`).
    requests: u64,
}

impl Render for State {
    fn render(&mut self, index: usize, out: &mut Vec<u8>) -> Event {
        self.requests += 1;
        let r = &self.rand;
        let status: i64 = match index {
            0 => r.weighted_choice([200, 201, 204, 301, 304], [80, 5, 5, 5, 5]),
            1 => r.weighted_choice([400, 401, 403, 404, 429], [10, 15, 10, 60, 5]),
            _ => r.weighted_choice([500, 502, 503, 504], [40, 20, 30, 10]),
        };
        let bytes = r.number.clamp(r.number.lognormal(8.0, 1.2), 0.0, 5e7) as i64;
        out.extend_from_slice(b"{\"@timestamp\":\"");
        self.timestamp.write_isoformat(out);
        out.extend_from_slice(b"\",\"event\":{\"kind\":\"event\",\"category\":[\"web\"],\"type\":[\"access\"],\"outcome\":");
        write_str(out, if status < 400 { "success" } else { "failure" });
        out.extend_from_slice(b"},\"http\":{\"request\":{\"id\":");
        write_str(out, &self.requests.to_string());
        out.extend_from_slice(b",\"method\":");
        write_str(out, r.choice(METHODS));
        out.extend_from_slice(b"},\"response\":{\"status_code\":");
        write_int(out, status);
        out.extend_from_slice(b",\"body\":{\"bytes\":");
        write_int(out, bytes);
        out.extend_from_slice(b"}}},\"url\":{\"path\":");
        write_str(out, r.choice(PATHS));
        out.extend_from_slice(b"},\"source\":{\"ip\":\"");
        out.extend_from_slice(r.network.ip_v4_public().to_string().as_bytes());
        out.extend_from_slice(b"\"},\"user_agent\":{\"original\":");
        write_str(out, r.choice(AGENTS));
        out.extend_from_slice(b"}}");
        Event::WRITTEN
    }
}

struct WebAccess {
    picker: Picker,
    state: State,
    picked: Vec<usize>,
}

impl Generator for WebAccess {
    fn produce(&mut self, timestamp: Timestamp, _tags: &Tags, out: &mut EventBatch) -> Produced {
        self.state.timestamp = timestamp;
        produce(&mut self.picker, &mut self.state, out, &mut self.picked)
    }

    fn render(
        &mut self,
        event: &str,
        timestamp: Timestamp,
        _tags: &Tags,
        out: &mut EventBatch,
    ) -> Option<Produced> {
        let index = SPEC.events.iter().position(|e| e.name == event)?;
        self.state.timestamp = timestamp;
        Some(eventum_runtime::__private::render_one(
            &mut self.state,
            index,
            out,
        ))
    }

    fn last_picked(&self) -> &[usize] {
        &self.picked
    }
}

fn create(init: &Init<'_>) -> Result<Box<dyn Generator>, InitError> {
    if let Some(name) = init.params.keys().next() {
        return Err(InitError(format!(
            "unknown parameter `{name}`; web-access has no parameters"
        )));
    }
    let master = FastRng::from_seed(init.seed);
    let weights: Vec<f64> = SPEC.events.iter().map(|e| e.weight).collect();
    let table = AliasTable::new(&weights).ok_or_else(|| InitError("bad weights".to_owned()))?;
    let _ = empty_tags();
    Ok(Box::new(WebAccess {
        picker: Picker::chance(table, master.fork(1)),
        state: State {
            rand: Rand::new(&master.fork(2)),
            timestamp: Timestamp::from_utc_micros(0),
            requests: 0,
        },
        picked: Vec::with_capacity(1),
    }))
}
