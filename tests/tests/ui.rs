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
    install_fixtures();
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/fail/**/*.rs");
    t.pass("tests/ui/pass/*.rs");
}

/// The directory trybuild builds the cases in: `<target>/tests/trybuild/<crate>`.
/// The macro resolves sample and field-file paths against the building
/// crate's `CARGO_MANIFEST_DIR`, which for a ui case is that directory, so
/// the fixtures the cases name are copied there first (askama's approach).
fn install_fixtures() {
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
