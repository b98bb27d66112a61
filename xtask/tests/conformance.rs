//! The conformance suite end to end: the alias wrapper leaves events as
//! they were under real Eventum, and linux-auditd's exported pack conforms
//! to the native generator (`cargo xtask conformance linux-auditd`).
//!
//! Eventum is installed into `.eventum-cache` (or `EVENTUM_CACHE_DIR`) when
//! it is missing; see `eventum_runs.rs`.

// The wrapper and the runner live in the xtask binary; compile their
// modules into this test.
#[path = "../src"]
mod src {
    pub(crate) mod conformance {
        pub(crate) mod wrap;
    }
    pub(crate) mod eventum;
}

use src::conformance::wrap::{unwrap_event, wrap_pack};
use src::eventum::{RunResult, ensure_eventum, run_pack};
use std::path::{Path, PathBuf};
use std::process::Command;

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("conformance")
        .join(name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).unwrap();
    }
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

fn assert_clean(result: &RunResult) {
    let context = result.describe();
    assert_eq!(result.exit_code, 0, "{context}");
    assert!(result.load_errors.is_empty(), "{context}");
    assert!(result.produce_errors.is_empty(), "{context}");
    assert!(result.other_errors.is_empty(), "{context}");
}

#[test]
fn the_alias_wrapper_leaves_events_unchanged_on_real_eventum() {
    const COUNT: usize = 60;
    let install = ensure_eventum().unwrap_or_else(|e| panic!("installing Eventum failed: {e:#}"));
    let dir = scratch("wrapper");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wrapper-pack");
    let wrapped_pack = dir.join("wrapped");
    copy_dir(&fixture, &wrapped_pack);
    let aliases = wrap_pack(&wrapped_pack).unwrap();
    assert_eq!(aliases, ["counter", "stamp", "skip", "again"]);

    let plain = run_pack(&install, &fixture, COUNT, &dir.join("plain.jsonl")).unwrap();
    let wrapped = run_pack(&install, &wrapped_pack, COUNT, &dir.join("wrapped.jsonl")).unwrap();
    assert_clean(&plain);
    assert_clean(&wrapped);
    assert_eq!(plain.events.len(), COUNT);
    assert_eq!(wrapped.events.len(), COUNT);

    let mut seen = std::collections::BTreeSet::new();
    for (i, (plain, wrapped)) in plain.events.iter().zip(&wrapped.events).enumerate() {
        let (alias, event) = unwrap_event(wrapped).unwrap_or_else(|e| panic!("{e}: {wrapped}"));
        // Byte for byte: the json formatter keeps the included template's
        // tokens (`1.50`, `1E5`, `\/`) inside the wrapper.
        assert_eq!(
            *wrapped,
            format!("{{\"alias\": \"{alias}\", \"event\": {plain}}}"),
            "event {i}"
        );
        let parsed: serde_json::Value = serde_json::from_str(plain).unwrap();
        assert_eq!(event, parsed, "event {i}");
        seen.insert(alias);
    }
    assert_eq!(
        seen.into_iter().collect::<Vec<_>>(),
        ["again", "counter", "skip", "stamp"]
    );
    // The state and context reached the included templates: per-alias
    // counters, vars, macros, timestamps.
    let events: Vec<serde_json::Value> = plain
        .events
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let first = events.iter().find(|e| e["label"] == "first").unwrap();
    assert_eq!(first["service"], "wrapper-pack");
    assert_eq!(first["weight"], 2.5);
    assert_eq!(first["mine"], 1);
    let seconds: Vec<&serde_json::Value> =
        events.iter().filter(|e| e["label"] == "second").collect();
    assert!(seconds.len() > 1 && seconds[1]["mine"] == 2, "{seconds:?}");
    assert!(
        events
            .iter()
            .any(|e| e["at"] == "2026-01-01T00:01:00.000000")
    );
}

#[test]
fn linux_auditd_conforms_on_5000_events() {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["conformance", "linux-auditd", "--count", "5000"])
        .output()
        .expect("running cargo xtask conformance");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let context = format!("stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(output.status.success(), "{context}");
    assert!(
        stdout.contains("\nPASS linux-auditd: 0 differences"),
        "{context}"
    );
    assert!(
        stdout.contains("Eventum: exit code 0, 5000 events, 0 load / 0 produce / 0 other errors"),
        "{context}"
    );
    assert!(stdout.contains("native: 5000 events"), "{context}");
}
