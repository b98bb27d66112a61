//! The exported pack of `eventum_tests::constructs` (a generator using every
//! construct the Jinja exporter translates) under the real Python Eventum:
//! it must load and render without a single error, and every event type
//! must produce the same JSON field paths, with the same JSON types, as the
//! native generator.
//!
//! The first run installs Eventum into `.eventum-cache` (see
//! `eventum_runs.rs`); later runs find the install.

// The runner lives in the xtask binary; compile its module into this test.
#[path = "../src"]
mod src {
    pub(crate) mod eventum;
}

use eventum_runtime::generator::{Init, ParamValues};
use eventum_runtime::{EventBatch, Produced, Timestamp};
use eventum_tests::constructs::constructs;
use serde_json::Value;
use src::eventum::{ensure_eventum, run_pack};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Timestamps per run: about 80 renders of each event type, enough for
/// every optional field to be present and absent in both engines (the
/// rarest, at 20-50 %, is missing from all renders with a chance below
/// 1e-7).
const COUNT: usize = 640;

/// Field path -> JSON types seen there, per event type.
type Shapes = BTreeMap<String, BTreeMap<String, BTreeSet<&'static str>>>;

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Every leaf path of `v` (array elements under `path[]`) with its type.
fn leaves(path: &str, v: &Value, out: &mut BTreeMap<String, BTreeSet<&'static str>>) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                leaves(&p, x, out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for x in items {
                leaves(&format!("{path}[]"), x, out);
            }
        }
        other => {
            out.entry(path.to_owned())
                .or_default()
                .insert(json_type(other));
        }
    }
}

fn shapes<'a>(events: impl Iterator<Item = &'a str>) -> Shapes {
    let mut out = Shapes::new();
    for line in events {
        let event: Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
        let construct = event["construct"]
            .as_str()
            .unwrap_or_else(|| panic!("no `construct` field: {line}"))
            .to_owned();
        leaves("", &event, out.entry(construct).or_default());
    }
    out
}

/// Values an event type computes from other values of the same event,
/// recomputed here with Rust's semantics: integer division and remainder,
/// wrapping and saturating casts, rounding, format specs, typed CSV
/// columns, positional item columns, vars. Returns what does not hold.
fn check_values(events: &[String]) -> Vec<String> {
    let mut wrong = Vec::new();
    let mut totals = Vec::new();
    let users = [
        ("alice", 1000, true),
        ("bob", 1001, false),
        ("carol", 1002, false),
    ];
    let ports = [(22, "ssh"), (80, "http"), (443, "https")];
    for line in events {
        let e: Value = serde_json::from_str(line).expect("JSON");
        let mut expect = |what: &str, found: &Value, want: Value| {
            let same = match (found.as_f64(), want.as_f64()) {
                (Some(a), Some(b)) if found.is_f64() || want.is_f64() => {
                    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
                }
                _ => *found == want,
            };
            if !same {
                wrong.push(format!("{what}: {found} instead of {want} in {line}"));
            }
        };
        match e["construct"].as_str().unwrap_or_default() {
            "bindings" => {
                let code = e["in"]["code"].as_i64().expect("in.code");
                let x = e["in"]["x"].as_f64().expect("in.x");
                let proto = e["b"][0].as_str().expect("b[0]");
                let level = match code {
                    ..100 => "debug",
                    100..200 => "info",
                    _ => "error",
                };
                expect("level", &e["b"][1], level.into());
                let outcome = if code % 2 == 0 { "success" } else { "failure" };
                expect("outcome", &e["b"][2], outcome.into());
                let grade = match code {
                    ..10 => "a",
                    10..300 => "b",
                    _ => "c",
                };
                expect("grade", &e["b"][3], grade.into());
                let class = match code {
                    0 => "none",
                    1..=3 => "low",
                    100..200 => "info",
                    200..=299 => "ok",
                    500.. => "server",
                    // A guard with a random draw: either arm.
                    451..500 if e["b"][4] == "maybe" => "maybe",
                    _ => "other",
                };
                expect("class", &e["b"][4], class.into());
                let specs = format!(
                    "{code:04}|{code:x}|{code:X}|{code:08x}|{x:.2}|{proto:6}|{code:5}|{x:.0}"
                );
                expect("format specs", &e["g"][4], specs.into());
                expect("UTF-8 length", &e["len"][0], 6.into());
                // Floats print as Python's repr in both engines (`3.0`);
                // serde_json parses floats to within an ulp, so the other is
                // compared as a number.
                let took = e["g"][3].as_str().expect("g[3]");
                let shown = took
                    .split_once(" took 3.0 of ")
                    .map(|(_, v)| v.parse::<f64>());
                if !matches!(shown, Some(Ok(v)) if (v - x).abs() <= 1e-9 * x.abs().max(1.0)) {
                    wrong.push(format!("float Display: {took:?} for 3.0 and {x}"));
                }
            }
            "arithmetic" => {
                let a = e["in"]["a"].as_i64().expect("in.a");
                let x = e["in"]["x"].as_f64().expect("in.x");
                // Python's floor division and modulo (positive divisors).
                let q = a.div_euclid(7);
                let r = a.rem_euclid(7);
                let total = (((a * 7 + 1 - q) + 5 - r) * 2).div_euclid(3);
                let ints = [
                    q,
                    r,
                    total,
                    -a,
                    i64::from((a * 1000) as u8),
                    i64::from((a * 1000) as i8),
                    i64::from((x * 100.0) as u8),
                    x as i64,
                    a.abs(),
                    a.min(3),
                    (-a).max(-50),
                ];
                for (i, want) in ints.into_iter().enumerate() {
                    expect(&format!("int[{i}]"), &e["int"][i], want.into());
                }
                let floats = [
                    x / 2.0,
                    a as f64 / 3.0,
                    x.powi(2) + (a.pow(2) as f64),
                    x.round(),
                    x.floor(),
                    x.ceil(),
                    x.abs(),
                ];
                for (i, want) in floats.into_iter().enumerate() {
                    expect(&format!("float[{i}]"), &e["float"][i], want.into());
                }
            }
            "api" => {
                let user = &e["samples"]["user"];
                let name = user["name"].as_str().expect("user.name");
                let (_, uid, admin) = users
                    .iter()
                    .find(|u| u.0 == name)
                    .unwrap_or_else(|| panic!("unknown user {name}"));
                expect("user.uid", &user["uid"], (*uid).into());
                expect("user.next", &user["next"], (uid + 1).into());
                expect("user.admin", &user["admin"], (*admin).into());
                let port = &e["samples"]["port"];
                let number = port["number"].as_i64().expect("port.number");
                let service = ports.iter().find(|p| p.0 == number).map(|p| p.1);
                expect("port.service", &port["service"], service.into());
                let level = if e["vars"]["flavour"] == "a" { 2 } else { 3 };
                expect("vars.level + 1", &e["vars"]["level"], level.into());
            }
            "skeleton" => {
                // Each alias writes its own `event.*` metadata.
                let ev = &e["event"];
                let (action, types, kind) =
                    if ev["category"] == serde_json::json!(["authentication"]) {
                        (
                            Value::from("logged-in"),
                            serde_json::json!(["start"]),
                            Value::Null,
                        )
                    } else {
                        (Value::Null, Value::Null, Value::from("event"))
                    };
                expect("event.action", &ev["action"], action);
                expect("event.type", &ev["type"], types);
                expect("event.kind", &ev["kind"], kind);
            }
            "state" => {
                let c = &e["counter"];
                let total = c["total"].as_i64().expect("counter.total");
                totals.push(total);
                expect("counter.value", &c["value"], total.into());
                expect("counter.next", &c["next"], (total + 1).into());
                expect("counter.last", &c["last"], c["seq"].clone());
                let o = &e["order"];
                expect("locals counter", &o["renders"], total.into());
                expect("order.popped", &o["popped"], true.into());
                let popped = 1;
                let before = o["before"].as_i64().expect("order.before");
                expect(
                    "state read before a pop",
                    &o["after"],
                    (before - popped).into(),
                );
                let upcoming = c["seq"].as_i64().map(|s| if s == 999 { 1 } else { s + 1 });
                expect("counter.upcoming", &c["upcoming"], upcoming.into());
            }
            _ => {}
        }
    }
    if totals != (1..=totals.len() as i64).collect::<Vec<_>>() {
        wrong.push(format!(
            "the unkeyed counter did not count 1, 2, ...: {totals:?}"
        ));
    }
    wrong
}

/// The native generator's events for `count` timestamps.
fn native_events(count: usize) -> Vec<String> {
    let params = ParamValues::new();
    let mut g = (constructs::GENERATOR.create)(&Init {
        params: &params,
        seed: 7,
        worker: 0,
    })
    .expect("the native generator starts");
    let tags = eventum_runtime::__private::empty_tags();
    let mut out = EventBatch::new();
    for i in 0..count {
        let ts = Timestamp::from_utc_micros(1_767_225_600_000_000 + i as i64 * 5_000_000);
        let produced = g.produce(ts, &tags, &mut out);
        assert!(
            matches!(produced, Produced::Events | Produced::Dropped),
            "timestamp {i}: {produced:?}"
        );
    }
    out.iter()
        .map(|e| String::from_utf8(e.to_vec()).expect("UTF-8 event"))
        .collect()
}

#[test]
fn the_constructs_pack_runs_cleanly_and_matches_the_native_shapes() {
    let tests_crate = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
    let files = eventum_runtime::pack::pack_files(&constructs::GENERATOR, &tests_crate)
        .expect("the pack renders");
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("constructs_pack");
    let pack = scratch.join("pack");
    if pack.exists() {
        std::fs::remove_dir_all(&pack).expect("clearing the former pack");
    }
    for f in &files {
        let path = pack.join(&f.path);
        std::fs::create_dir_all(path.parent().expect("a file in a folder")).unwrap();
        std::fs::write(&path, &f.contents).unwrap();
    }

    let install = ensure_eventum().unwrap_or_else(|e| panic!("installing Eventum failed: {e:#}"));
    let result =
        run_pack(&install, &pack, COUNT, &scratch.join("events.jsonl")).expect("running the pack");
    let context = format!("pack in {}\n{}", pack.display(), result.describe());
    assert_eq!(result.exit_code, 0, "{context}");
    assert!(result.load_errors.is_empty(), "{context}");
    assert!(result.produce_errors.is_empty(), "{context}");
    assert!(result.other_errors.is_empty(), "{context}");

    let native = native_events(COUNT);
    // The checks hold for the native events (which tests the checks) and
    // for Eventum's.
    let wrong = check_values(&native);
    assert!(wrong.is_empty(), "native:\n{}", wrong.join("\n"));
    let wrong = check_values(&result.events);
    assert!(
        wrong.is_empty(),
        "Eventum:\n{}\n{context}",
        wrong.join("\n")
    );

    let exported = shapes(result.events.iter().map(String::as_str));
    let native = shapes(native.iter().map(String::as_str));
    let names: BTreeSet<&String> = native.keys().chain(exported.keys()).collect();
    assert_eq!(
        names.iter().map(|n| n.as_str()).collect::<Vec<_>>(),
        [
            "api",
            "arithmetic",
            "bindings",
            "dispatching",
            "flow",
            "skeleton",
            "state"
        ],
        "event types seen"
    );
    let mut differences = Vec::new();
    for name in names {
        let (n, e) = (&native.get(name), &exported.get(name));
        if n != e {
            let empty = BTreeMap::new();
            let (n, e) = (n.unwrap_or(&empty), e.unwrap_or(&empty));
            for path in n.keys().chain(e.keys()).collect::<BTreeSet<_>>() {
                if n.get(path) != e.get(path) {
                    differences.push(format!(
                        "{name}: {path}: native {:?}, Eventum {:?}",
                        n.get(path),
                        e.get(path)
                    ));
                }
            }
        }
    }
    assert!(
        differences.is_empty(),
        "field paths or JSON types differ:\n{}\n{context}",
        differences.join("\n")
    );
}
