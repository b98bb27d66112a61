//! The macro's compile-time checks, as trybuild ui cases: every case under
//! `ui/fail/` must fail to compile with exactly its `.stderr` snapshot, and
//! every case under `ui/pass/` must compile and run.
//!
//! The snapshots depend on rustc's diagnostic format; they are made with the
//! workspace's pinned toolchain (`rust-version` in the root `Cargo.toml`).
//! Regenerate them with `TRYBUILD=overwrite cargo test -p eventum-tests --test ui`
//! and read every changed file before committing it.

use std::path::{Path, PathBuf};
use std::process::Command;

#[test]
fn ui() {
    let project = install_fixtures();
    let scaffold = install_scaffold(&project);
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/fail/**/*.rs");
    t.pass("tests/ui/pass/*.rs");
    t.pass(scaffold);
}

include!("../../xtask/templates/new-generator/files.rs");

/// A scaffolded generator passes the workspace's `cargo fmt --check` as it
/// is written (CI checks formatting before anything else).
#[test]
fn scaffold_is_formatted() {
    use std::io::Write as _;
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for (name, source) in [
        ("web-demo-app", "demo-app"),
        ("network-cisco-asa", "cisco-asa"),
    ] {
        let (_, lib) = generator_files(name, source)
            .into_iter()
            .find(|(rel, _)| rel == "src/lib.rs")
            .expect("the scaffold has a src/lib.rs");
        // `--check` reading stdin exits 0 even when it prints a diff, so the
        // formatted text is compared instead.
        let mut rustfmt = Command::new("rustfmt")
            .args(["--edition", "2024", "--emit", "stdout", "--config-path"])
            .arg(workspace.join("rustfmt.toml"))
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("this test needs rustfmt (rustup component add rustfmt)");
        rustfmt
            .stdin
            .take()
            .unwrap()
            .write_all(lib.as_bytes())
            .unwrap();
        let out = rustfmt.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "rustfmt failed on the scaffold of {name}"
        );
        let formatted = String::from_utf8(out.stdout).unwrap();
        if let Some((n, (a, b))) = lib
            .lines()
            .zip(formatted.lines())
            .enumerate()
            .find(|(_, (a, b))| a != b)
        {
            panic!(
                "the scaffold of {name} is not formatted; line {}:\n  written:   {a}\n  formatted: {b}",
                n + 1
            );
        }
        assert_eq!(lib, formatted, "the scaffold of {name} is not formatted");
    }
}

/// Runs the scaffold's generator: every timestamp gives one valid JSON event,
/// and both event types occur.
const SCAFFOLD_MAIN: &str = r#"
fn main() {
    use eventum_runtime::generator::{Init, ParamValues};
    use eventum_runtime::{EventBatch, Produced, Timestamp};
    let mut g = (web_demo_app::GENERATOR.create)(&Init {
        params: &ParamValues::new(),
        seed: 1,
        worker: 0,
    })
    .unwrap();
    let tags = eventum_runtime::__private::empty_tags();
    let mut out = EventBatch::new();
    for i in 0..200_i64 {
        let ts = Timestamp::from_utc_micros(1_767_268_800_000_000 + i * 1_000_000);
        assert_eq!(g.produce(ts, &tags, &mut out), Produced::Events);
    }
    let actions: std::collections::BTreeSet<String> = out
        .iter()
        .map(|e| {
            let v: serde_json::Value = serde_json::from_slice(e).unwrap();
            assert!(v["host"]["name"].as_str().unwrap().ends_with(".example.com"));
            v["event"]["action"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(out.len(), 200);
    assert_eq!(actions.len(), 2, "{actions:?}");
}
"#;

/// What `cargo xtask new-generator web-demo-app` writes, as a pass case: its
/// module with a `main` that runs it, and its sample and fields files where
/// the macro looks for them (the trybuild project).
fn install_scaffold(project: &Path) -> PathBuf {
    let mut case = None;
    for (rel, text) in generator_files("web-demo-app", "demo-app") {
        let (path, text) = if rel == "src/lib.rs" {
            let path = project.join("scaffold/web-demo-app.rs");
            case = Some(path.clone());
            (path, text + SCAFFOLD_MAIN)
        } else {
            (project.join(rel), text)
        };
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
    case.expect("the scaffold has a src/lib.rs")
}

/// The directory trybuild builds the cases in: `<target>/tests/trybuild/<crate>`.
/// The macro resolves sample and field-file paths against the building
/// crate's `CARGO_MANIFEST_DIR`, which for a ui case is that directory, so
/// the fixtures the cases name are copied there first (askama's approach).
fn install_fixtures() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let project = target_dir(manifest_dir)
        .join("tests")
        .join("trybuild")
        .join(env!("CARGO_PKG_NAME"));
    let dest = project.join("fixtures");
    // Start clean so a fixture deleted from the source tree is gone here too.
    if dest.exists() {
        std::fs::remove_dir_all(&dest)
            .unwrap_or_else(|e| panic!("cannot clear {}: {e}", dest.display()));
    }
    copy_dir(&manifest_dir.join("tests/ui/fixtures"), &dest);
    project
}

/// The target directory as trybuild finds it: `cargo metadata`'s
/// `target_directory`, which honours `CARGO_TARGET_DIR`, `build.target-dir`
/// and the workspace layout.
fn target_dir(manifest_dir: &Path) -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args(["metadata", "--no-deps", "--format-version=1"])
        .current_dir(manifest_dir)
        .output()
        .expect("cannot run `cargo metadata`");
    assert!(
        output.status.success(),
        "`cargo metadata` failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("`cargo metadata` printed invalid JSON");
    let dir = metadata["target_directory"]
        .as_str()
        .expect("`cargo metadata` gave no target_directory");
    PathBuf::from(dir)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("cannot create {}: {e}", to.display()));
    let entries =
        std::fs::read_dir(from).unwrap_or_else(|e| panic!("cannot read {}: {e}", from.display()));
    for entry in entries {
        let entry = entry.expect("cannot read a fixtures entry");
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap_or_else(|e| {
                panic!(
                    "cannot copy {} to {}: {e}",
                    path.display(),
                    target.display()
                )
            });
        }
    }
}
