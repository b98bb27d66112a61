//! End-to-end tests of the `eventum-rs` binary on the hand-written
//! `web-access` generator (independent of the proc macro).

use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_eventum-rs"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("eventum-rs runs")
}

/// The events of one-per-line output (empty lines are not events).
fn event_lines(stdout: &[u8]) -> Vec<&[u8]> {
    stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .collect()
}

/// Runs `eventum-rs args`, which must succeed.
fn run_ok(args: &[&str]) -> Output {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Runs `eventum-rs args`, which must end with exit code `code`, write no
/// event and not panic; its stderr.
fn run_err(args: &[&str], code: i32) -> String {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?} wrote to stdout");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{stderr}"
    );
    stderr
}

/// A scratch directory under the system's temporary directory, removed when
/// dropped, also when the test fails (tests write tens of MiB of events).
struct TempDir(PathBuf);

impl Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_dir(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("eventum-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    TempDir(dir)
}

#[test]
fn hundred_thousand_valid_json_events_reproducible_and_parallel() {
    let a = run_ok(&["generate", "web-access", "--count", "100000", "--seed", "7"]);
    let lines = event_lines(&a.stdout);
    assert_eq!(lines.len(), 100_000);
    for line in &lines {
        let v: serde_json::Value =
            serde_json::from_slice(line).expect("every event is one JSON document");
        assert!(v["@timestamp"].is_string());
    }
    // Same seed and arguments: the same bytes.
    let b = run(&["generate", "web-access", "--count", "100000", "--seed", "7"]);
    assert_eq!(a.stdout, b.stdout);
    // Another seed: other bytes.
    let c = run(&["generate", "web-access", "--count", "1000", "--seed", "8"]);
    assert_ne!(&a.stdout[..c.stdout.len()], &c.stdout[..]);
    // Two workers: every event still written, and reproducible too.
    let w1 = run_ok(&[
        "generate",
        "web-access",
        "--count",
        "100000",
        "--seed",
        "7",
        "--workers",
        "2",
    ]);
    let w2 = run(&[
        "generate",
        "web-access",
        "--count",
        "100000",
        "--seed",
        "7",
        "--workers",
        "2",
    ]);
    assert_eq!(event_lines(&w1.stdout).len(), 100_000);
    assert_eq!(w1.stdout, w2.stdout);
}

/// The README's set-up command (`generate linux-auditd --count 100000 --seed
/// 7`, there with `--release`), and the same events written to a file: the
/// bytes are the same whether an output copies events or writes the
/// workers' buffers as they are.
#[test]
fn readme_command_and_file_output_write_the_same_events() {
    let args = [
        "generate",
        "linux-auditd",
        "--count",
        "100000",
        "--seed",
        "7",
    ];
    let out = run_ok(&args);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(text.lines().count(), 100_000);
    assert!(text.ends_with('\n'));
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON document");
        assert_eq!(v["data_stream"]["dataset"], "auditd_manager.auditd");
    }

    // 20 000 events are 70 MB: many 1 MiB parts.
    let args = [
        "generate",
        "linux-auditd",
        "--count",
        "20000",
        "--seed",
        "7",
    ];
    let dir = temp_dir("readme");
    for workers in ["1", "2"] {
        let path = dir.join(format!("events-{workers}.jsonl"));
        run_ok(
            &[
                &args[..],
                &["--workers", workers, "--output", path.to_str().unwrap()],
            ]
            .concat(),
        );
        let stdout = run(&[&args[..], &["--workers", workers]].concat());
        assert_eq!(
            std::fs::read(&path).unwrap(),
            stdout.stdout,
            "{workers} worker(s)"
        );
    }
}

/// A reader that goes away (`eventum-rs generate ... | head`) ends the run
/// with success and nothing on stderr.
#[test]
fn reader_going_away_ends_the_run_quietly() {
    use std::io::Read;
    let mut child = bin()
        .args([
            "generate",
            "linux-auditd",
            "--count",
            "1000000",
            "--seed",
            "1",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 4096];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is closed here.
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(first.starts_with(b"{\"@timestamp\":"));
}

/// Ctrl-C (SIGINT) stops a live run: what was generated is written whole
/// (no event cut in half) and the exit code is 130.
#[test]
fn interrupt_ends_a_live_run_with_130_and_whole_events() {
    use std::io::Read;
    let mut child = bin()
        .args(["generate", "linux-auditd", "--seed", "1"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Live mode writes five events a second: wait for the first.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).unwrap();
    // The shell's own `kill`, so the test needs nothing beyond /bin/sh.
    let kill = Command::new("sh")
        .args(["-c", &format!("kill -INT {}", child.id())])
        .status()
        .expect("this test needs /bin/sh");
    assert!(kill.success());
    let mut rest = Vec::new();
    stdout.read_to_end(&mut rest).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut text = first.to_vec();
    text.extend_from_slice(&rest);
    let text = String::from_utf8(text).unwrap();
    assert!(text.ends_with('\n'), "the last event is whole");
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("whole JSON events");
        assert!(v["@timestamp"].is_string());
    }
}

#[test]
fn timestamps_follow_count_rate_and_start() {
    let out = run(&[
        "generate",
        "web-access",
        "--count",
        "3",
        "--rate",
        "2",
        "--start",
        "2026-03-01T10:00:00Z",
        "--seed",
        "1",
    ]);
    let stamps: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["@timestamp"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        stamps,
        [
            "2026-03-01T10:00:00+00:00",
            "2026-03-01T10:00:00.500000+00:00",
            "2026-03-01T10:00:01+00:00"
        ]
    );
}

#[test]
fn eventum_json_formatter_and_file_output() {
    let dir = temp_dir("file");
    let path = dir.join("out/events.json");
    let out = run_ok(&[
        "generate",
        "web-access",
        "--count",
        "10",
        "--seed",
        "3",
        "--format",
        "json",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert!(out.stdout.is_empty());
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 10);
    // Eventum's json formatter (indent 0) spaces the separators.
    assert!(text.starts_with("{\"@timestamp\": \""), "{text}");
}

#[test]
fn generator_yml_inputs_outputs_and_params() {
    let dir = temp_dir("yml");
    let yml = dir.join("generator.yml");
    std::fs::write(
        &yml,
        "input:\n  - timestamps:\n      source: [\"2026-01-01T00:00:00Z\", \"2026-01-01T00:00:01Z\"]\n      tags: [a]\n  - static:\n      count: 2\nevent:\n  template:\n    mode: chance\n    templates: []\noutput:\n  - file:\n      path: out/${params.name}.json\n      write_mode: overwrite\n      formatter:\n        format: json-batch\n",
    )
    .unwrap();
    // `--param` fills the file's `${params.name}`; the generator itself has no
    // parameter of that name and does not receive it.
    run_ok(&[
        "generate",
        "web-access",
        "--path",
        yml.to_str().unwrap(),
        "--sample",
        "--seed",
        "1",
        "--param",
        "name=events",
    ]);
    let text = std::fs::read_to_string(dir.join("out/events.json")).unwrap();
    let batches: Vec<Vec<serde_json::Value>> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(batches.iter().map(Vec::len).sum::<usize>(), 4);
    // A parameter the file uses but nobody gives is an error naming the spot.
    let stderr = run_err(
        &[
            "generate",
            "web-access",
            "--path",
            yml.to_str().unwrap(),
            "--sample",
        ],
        2,
    );
    assert!(
        stderr.contains("parameters are missing: `name`") && stderr.contains("generator.yml:13:"),
        "{stderr}"
    );
    // A parameter neither the file nor the generator knows is an error too.
    let stderr = run_err(
        &[
            "generate",
            "web-access",
            "--path",
            yml.to_str().unwrap(),
            "--sample",
            "--param",
            "name=x",
            "--param",
            "other=1",
        ],
        2,
    );
    assert!(stderr.contains("unknown parameter `other`"), "{stderr}");
}

#[test]
fn json_batch_of_a_finite_yml_input() {
    let dir = temp_dir("batch");
    let yml = dir.join("generator.yml");
    std::fs::write(
        &yml,
        "input:\n  - static:\n      count: 4\nevent:\n  template:\n    mode: chance\n    templates: []\noutput:\n  - file:\n      path: out/events.json\n      write_mode: overwrite\n      formatter:\n        format: json-batch\n",
    )
    .unwrap();
    run_ok(&[
        "generate",
        "web-access",
        "--path",
        yml.to_str().unwrap(),
        "--sample",
        "--seed",
        "1",
    ]);
    let text = std::fs::read_to_string(dir.join("out/events.json")).unwrap();
    let batch: Vec<serde_json::Value> = serde_json::from_str(text.trim()).unwrap();
    assert_eq!(batch.len(), 4);
}

#[test]
fn output_that_cannot_write_is_an_error_with_exit_code_1() {
    // /dev/full accepts the open and fails every write with ENOSPC.
    assert!(
        Path::new("/dev/full").exists(),
        "this test needs /dev/full (Linux)"
    );
    for args in [
        &[
            "generate",
            "web-access",
            "--count",
            "50",
            "--output",
            "/dev/full",
        ][..],
        &["generate", "web-access", "--count", "50", "--seed", "1"][..],
    ] {
        let mut cmd = bin();
        cmd.args(args);
        if !args.contains(&"--output") {
            cmd.stdout(std::fs::File::create("/dev/full").unwrap());
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("No space left on device"), "{stderr}");
        assert!(
            stderr.contains("error: output #1 could not write every event"),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

/// Events that fail are skipped and the run goes on (as in Eventum), but the
/// exit code tells a script that the output is short, and the summary says
/// by how much. (Produce errors: `cli::tests` in eventum-runtime, on a
/// generator that fails on purpose.)
#[test]
fn lost_events_end_the_run_with_exit_code_1() {
    // A template that fails for every event: nothing written, exit 1.
    let stderr = run_err(
        &[
            "generate",
            "web-access",
            "--count",
            "5",
            "--format",
            "template",
            "--template",
            "{{ 'a' + 1 }}",
        ],
        1,
    );
    assert!(stderr.contains("format failed 5"), "{stderr}");
    assert!(
        stderr.contains("error: events were lost: 5 could not be formatted"),
        "{stderr}"
    );
}

#[test]
fn template_formatters_from_the_command_line() {
    let per_event = run_ok(&[
        "generate",
        "web-access",
        "--count",
        "3",
        "--seed",
        "1",
        "--format",
        "template",
        "--template",
        "{{ event.startswith('{') }} {{ event | length > 10 }}",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&per_event.stdout),
        "True True\n".repeat(3)
    );

    let dir = temp_dir("template-path");
    let path = dir.join("batch.jinja");
    std::fs::write(&path, "{{ events | length }} events\n").unwrap();
    let per_batch = run_ok(&[
        "generate",
        "web-access",
        "--count",
        "5",
        "--seed",
        "1",
        "--batch-size",
        "2",
        "--format",
        "template-batch",
        "--template-path",
        path.to_str().unwrap(),
    ]);
    assert_eq!(
        String::from_utf8_lossy(&per_batch.stdout),
        "2 events\n2 events\n1 events\n",
        "one trailing newline of the template is removed, as in Jinja"
    );

    let counts = run_ok(&[
        "generate",
        "web-access",
        "--count",
        "5",
        "--batch-size",
        "2",
        "--format",
        "eventum-http-input",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&counts.stdout),
        "{\"count\": 2}\n{\"count\": 2}\n{\"count\": 1}\n"
    );
}

/// A parameter value out of bounds in a generator.yml is reported at the
/// line and column where the file sets it; a `--param` override is not.
#[test]
fn a_bad_param_in_generator_yml_is_reported_where_it_is_set() {
    let pack = Path::new(env!("CARGO_MANIFEST_DIR")).join("../dist/linux-auditd/generator.yml");
    let text = std::fs::read_to_string(&pack).expect("the exported linux-auditd pack");
    let line = 1 + text
        .lines()
        .position(|l| l.trim_start().starts_with("hosts_per_group:"))
        .expect("the pack sets hosts_per_group");
    let dir = temp_dir("bad-param");
    let yml = dir.join("generator.yml");
    std::fs::write(
        &yml,
        text.replace("hosts_per_group: 4", "hosts_per_group: 400"),
    )
    .unwrap();
    let yml_arg = yml.to_str().unwrap();
    let stderr = run_err(
        &[
            "generate",
            "linux-auditd",
            "--path",
            yml_arg,
            "--count",
            "3",
        ],
        2,
    );
    assert_eq!(
        stderr.trim_end(),
        format!(
            "error: {yml_arg}:{line}:7: generator linux-auditd: parameter `hosts_per_group`: must be between 1 and 99, got 400"
        )
    );
    // Overridden on the command line: the file's value is not used.
    let out = run_ok(&[
        "generate",
        "linux-auditd",
        "--path",
        yml_arg,
        "--count",
        "3",
        "--param",
        "hosts_per_group=5",
    ]);
    assert_eq!(event_lines(&out.stdout).len(), 3);
}

#[test]
fn bad_input_is_a_clear_error_with_exit_code_2() {
    let cases: &[(&[&str], &str)] = &[
        (&["generate", "nope"], "unknown generator `nope`"),
        (
            &[
                "generate",
                "web-access",
                "--count",
                "1",
                "--format",
                "template",
            ],
            "--format template and template-batch need --template or --template-path",
        ),
        (
            &["generate", "web-access", "--count", "1", "--indent", "2"],
            "--indent applies to --format json and json-batch only",
        ),
        (
            &["generate", "web-access", "--count", "1", "--template", "x"],
            "--template and --template-path apply to --format template and template-batch only",
        ),
        (
            &[
                "generate",
                "web-access",
                "--count",
                "1",
                "--format",
                "template",
                "--template",
                "{% if %}",
            ],
            "output stdout: formatter: cannot load template: syntax error",
        ),
        (
            &["generate", "web-access", "--count", "0"],
            "--count must be at least 1",
        ),
        (
            &[
                "generate",
                "linux-auditd",
                "--count",
                "1",
                "--param",
                "hosts_per_group=0",
            ],
            "generator linux-auditd: parameter `hosts_per_group`: must be between 1 and 99, got 0",
        ),
        (
            &[
                "generate",
                "linux-auditd",
                "--count",
                "1",
                "--param",
                "failure_rate=100.5",
            ],
            "parameter `failure_rate`: must be between 0 and 100, got 100.5",
        ),
        (
            &["generate", "web-access", "--timezone", "Mars/Base"],
            "unknown time zone `Mars/Base`",
        ),
        (
            &["generate", "web-access", "--param", "novalue"],
            "--param: `novalue` is not of the form name=value",
        ),
        (
            &[
                "generate",
                "web-access",
                "--input",
                "[{cron: {expression: 'x', count: 1}}]",
            ],
            "cron.expression",
        ),
        (
            &["generate", "web-access", "--input", "[{cronn: {}}]"],
            "unknown variant `cronn`",
        ),
        (
            &[
                "generate",
                "web-access",
                "--count",
                "1",
                "--start",
                "tuesday-ish",
            ],
            "--start",
        ),
        (
            &[
                "generate",
                "web-access",
                "--path",
                "/nonexistent/generator.yml",
            ],
            "cannot read /nonexistent/generator.yml",
        ),
        (
            &["render", "web-access", "nope"],
            "has no event type `nope`",
        ),
        (
            &["generate", "web-access", "--workers"],
            "a value is required",
        ),
    ];
    for (args, expected) in cases {
        let stderr = run_err(args, 2);
        assert!(
            stderr.contains(expected),
            "{args:?}: expected `{expected}` in:\n{stderr}"
        );
    }
}

#[test]
fn list_and_render() {
    let out = run_ok(&["list"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("web-access") && text.contains("access_server_error"),
        "{text}"
    );
    let out = run(&["list", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let web = v
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "web-access")
        .unwrap();
    assert_eq!(web["events"].as_array().unwrap().len(), 3);
    // Parameters, with their defaults and bounds, in both listings.
    let auditd = v
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "linux-auditd")
        .unwrap();
    let hosts = auditd["params"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "hosts_per_group")
        .unwrap();
    assert_eq!(
        (&hosts["default"], &hosts["min"], &hosts["max"]),
        (
            &serde_json::json!(4),
            &serde_json::json!(1),
            &serde_json::json!(99)
        )
    );
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("hosts_per_group = 4")
                && l.ends_with("(from 1 to 99).")),
        "{text}"
    );
    let out = run_ok(&[
        "render",
        "web-access",
        "access_server_error",
        "--at",
        "2026-01-01T00:00:00Z",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["http"]["response"]["status_code"].as_i64().unwrap() >= 500);
    assert!(String::from_utf8_lossy(&out.stdout).contains("\n  \"event\""));
}

#[test]
fn help_everywhere() {
    for args in [
        &["--help"][..],
        &["generate", "--help"],
        &["render", "--help"],
        &["list", "--help"],
    ] {
        let out = run_ok(args);
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage"),
            "{args:?}"
        );
    }
}
