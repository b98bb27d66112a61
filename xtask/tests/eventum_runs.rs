//! Runs hand-written packs under the real Python Eventum through the xtask
//! runner, checking the runner itself: the finite input that replaces the
//! pack's, the JSON-lines output, and the sorting of Eventum's log into
//! load and produce errors.
//!
//! The first run installs Eventum into `.eventum-cache` (about a minute on a
//! fast network; it needs Debian's archive and the Python Package Index).
//! Later runs find the install and start at once.

// The runner lives in the xtask binary; compile its module into this test.
#[path = "../src"]
mod src {
    pub(crate) mod eventum;
}

use serde_json::Value;
use src::eventum::{EventumInstall, RunResult, ensure_eventum, run_pack};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn install() -> &'static EventumInstall {
    static INSTALL: OnceLock<Result<EventumInstall, String>> = OnceLock::new();
    let install = INSTALL
        .get_or_init(|| ensure_eventum().map_err(|e| format!("{e:#}")))
        .as_ref()
        .unwrap_or_else(|e| panic!("installing Eventum failed: {e}"));
    assert!(
        install.python.exists(),
        "{} is missing",
        install.python.display()
    );
    install
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn run(pack: &str, count: usize) -> RunResult {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("eventum_runs/{pack}.jsonl"));
    run_pack(install(), &fixture(pack), count, &out).expect("running the pack")
}

/// The linspace timestamps of a run, as the spec (§5.4) describes them:
/// `numpy.linspace(0, 1, count, endpoint=False)` (that is `i * (1/count)`)
/// times the one-hour span in microseconds, truncated to whole
/// microseconds, from 2026-01-01T00:00:00Z; rendered by `isoformat()`,
/// which adds `.ffffff` only when the microseconds are not zero. The float
/// product lands just below some whole seconds: with 240 timestamps the
/// 32nd is 00:07:44.999999, not 00:07:45.
fn expected_timestamps(count: usize) -> Vec<String> {
    let step = 1.0 / count as f64;
    (0..count)
        .map(|i| {
            let micros = (3_600_000_000.0 * (i as f64 * step)) as u64;
            let (seconds, fraction) = (micros / 1_000_000, micros % 1_000_000);
            let time = format!("2026-01-01T00:{:02}:{:02}", seconds / 60, seconds % 60);
            if fraction == 0 {
                format!("{time}+00:00")
            } else {
                format!("{time}.{fraction:06}+00:00")
            }
        })
        .collect()
}

#[test]
fn the_minimal_pack_runs_cleanly_on_exactly_the_requested_timestamps() {
    // 240 timestamps over an hour: about one every 15 s.
    const COUNT: usize = 240;
    let result = run("minimal-pack", COUNT);
    let context = result.describe();
    assert_eq!(result.exit_code, 0, "{context}");
    assert!(result.load_errors.is_empty(), "{context}");
    assert!(result.produce_errors.is_empty(), "{context}");
    assert!(result.other_errors.is_empty(), "{context}");
    assert_eq!(result.events.len(), COUNT, "{context}");

    let events: Vec<Value> = result
        .events
        .iter()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();

    let mut timestamps: Vec<String> = events
        .iter()
        .map(|e| e["@timestamp"].as_str().unwrap().to_owned())
        .collect();
    timestamps.sort();
    assert_eq!(timestamps, expected_timestamps(COUNT));
    assert!(timestamps.contains(&"2026-01-01T00:07:44.999999+00:00".to_owned()));

    // `shared` state is one counter across both templates.
    let mut sequence: Vec<u64> = events
        .iter()
        .map(|e| e["sequence"].as_u64().unwrap())
        .collect();
    sequence.sort_unstable();
    assert_eq!(sequence, (1..=COUNT as u64).collect::<Vec<_>>());

    let users = ["alice", "bob", "carol", "dave"];
    let mut aliases = std::collections::BTreeMap::<&str, usize>::new();
    for event in &events {
        let alias = event["alias"].as_str().unwrap();
        *aliases.entry(alias).or_default() += 1;
        assert_eq!(event["service"], "minimal-pack");
        let user = event["user"]["name"].as_str().unwrap();
        match alias {
            "login" => {
                assert!(users.contains(&user), "{event}");
                let port = event["source"]["port"].as_u64().unwrap();
                assert!((1024..=65535).contains(&port), "{event}");
            }
            "logout" => {
                assert!(users.contains(&user) || user == "nobody", "{event}");
                let seconds = event["session"]["seconds"].as_u64().unwrap();
                assert!((1..=3600).contains(&seconds), "{event}");
            }
            other => panic!("unexpected alias {other}"),
        }
    }
    // Chances 70:30 over 240 picks: each alias shows up (the chance that
    // one is missing is below 1e-37).
    assert_eq!(
        aliases.keys().copied().collect::<Vec<_>>(),
        ["login", "logout"],
        "{aliases:?}"
    );
}

#[test]
fn render_failures_and_rejected_events_are_produce_errors() {
    // Spin over good, broken, not_json: three rounds.
    let result = run("produce-errors-pack", 9);
    let context = result.describe();
    assert_eq!(result.exit_code, 0, "{context}");
    assert!(result.load_errors.is_empty(), "{context}");
    assert!(result.other_errors.is_empty(), "{context}");
    assert_eq!(result.events.len(), 3, "{context}");
    for line in &result.events {
        let event: Value = serde_json::from_str(line).unwrap();
        assert_eq!(event["alias"], "good");
    }
    assert_eq!(result.produce_errors.len(), 6, "{context}");
    let render = result
        .produce_errors
        .iter()
        .filter(|e| {
            e.starts_with("Failed to render template") && e.contains("template_alias=broken")
        })
        .count();
    let format = result
        .produce_errors
        .iter()
        .filter(|e| e.starts_with("Failed to format event") && e.contains("alias=not_json"))
        .count();
    assert_eq!((render, format), (3, 3), "{context}");
}

#[test]
fn a_template_that_does_not_compile_is_a_load_error() {
    let result = run("load-error-pack", 5);
    let context = result.describe();
    assert_eq!(result.exit_code, 1, "{context}");
    assert!(result.events.is_empty(), "{context}");
    assert!(result.produce_errors.is_empty(), "{context}");
    assert!(
        result
            .load_errors
            .iter()
            .any(|e| e.starts_with("Failed to load template")
                && e.contains("templates/unclosed.json.jinja")),
        "{context}"
    );
}
