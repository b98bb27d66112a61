//! A seed's output is a promise: the same seed and arguments give the same
//! bytes, also across versions of eventum-rs, so that a detection test built
//! on `--seed 7` keeps seeing the same events. This test pins the bytes of
//! each bundled generator's seeded output (a digest of 2 000 events, and the
//! first three in full for a readable diff).
//!
//! A change that alters them must be deliberate: run
//! `EVENTUM_UPDATE_STABLE=1 cargo test -p eventum-cli --test stable`, review
//! the diff of `tests/stable/`, and say in the commit why the output changed.

use std::path::PathBuf;
use std::process::Command;

const COUNT: &str = "2000";
const SEED: &str = "7";
const SHOWN: usize = 3;

/// FNV-1a, 64 bits: a digest whose value no library version can change.
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn snapshot(name: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_eventum-rs"))
        .args(["generate", name, "--count", COUNT, "--seed", SEED])
        .output()
        .expect("eventum-rs runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8 events");
    let mut s = format!(
        "# eventum-rs generate {name} --count {COUNT} --seed {SEED}: FNV-1a 64 of the output, then its first {SHOWN} events\n{:016x}\n",
        fnv1a64(text.as_bytes())
    );
    for line in text.lines().take(SHOWN) {
        s.push_str(line);
        s.push('\n');
    }
    s
}

fn check(name: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/stable")
        .join(format!("{name}.txt"));
    let now = snapshot(name);
    if std::env::var_os("EVENTUM_UPDATE_STABLE").is_some() {
        std::fs::write(&path, &now).unwrap();
        return;
    }
    let pinned = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; create it with EVENTUM_UPDATE_STABLE=1",
            path.display()
        )
    });
    assert!(
        pinned == now,
        "the seeded output of `{name}` changed (pinned in {}).\n\
         If that is intended, run EVENTUM_UPDATE_STABLE=1 cargo test -p eventum-cli --test stable \
         and say why in the commit.\n--- pinned\n{pinned}\n--- now\n{now}",
        path.display()
    );
}

#[test]
fn linux_auditd_seeded_output_is_stable() {
    check("linux-auditd");
}

#[test]
fn web_access_seeded_output_is_stable() {
    check("web-access");
}
