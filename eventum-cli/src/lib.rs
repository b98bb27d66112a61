//! The generators bundled into `eventum-rs`, for the binary and for
//! `cargo xtask` (export, conformance, benchmarks).

mod web_access;

use eventum_runtime::GeneratorEntry;

/// Every bundled generator, in the order `eventum-rs list` shows them.
pub fn bundled() -> &'static [&'static GeneratorEntry] {
    static ALL: &[&GeneratorEntry] = &[
        &linux_auditd::linux_auditd::GENERATOR,
        &web_access::GENERATOR,
        // new generators: registered here by `cargo xtask new-generator`
    ];
    ALL
}

/// The source directory of a bundled generator's crate (samples, fields).
pub fn crate_dir(name: &str) -> Option<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent()?;
    let dir = root.join("generators").join(name);
    dir.is_dir().then_some(dir)
}
