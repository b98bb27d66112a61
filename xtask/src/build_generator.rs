//! `cargo xtask build-generator <name>|--all [--out DIR] [--check]`: writes
//! (or checks) the exported Eventum pack of bundled generators, rendered by
//! `eventum_runtime::pack` from the compiled spec and the lowered templates.

use crate::util::{ensure_file_contents, project_root};
use anyhow::{Context, Result, bail};
use eventum_runtime::GeneratorEntry;
use std::path::{Path, PathBuf};

/// The bundled generators that export a pack.
pub(crate) fn exportable() -> Vec<&'static GeneratorEntry> {
    eventum_cli::bundled()
        .iter()
        .copied()
        .filter(|g| g.spec.export.is_some())
        .collect()
}

/// Finds a bundled generator by name.
pub(crate) fn find(name: &str) -> Result<&'static GeneratorEntry> {
    let all = eventum_cli::bundled();
    match all.iter().find(|g| g.spec.name == name) {
        Some(g) if g.spec.export.is_some() => Ok(g),
        Some(_) => {
            bail!("generator `{name}` is native-only (`export = false`): it has no Eventum pack")
        }
        None => bail!(
            "unknown generator `{name}`; bundled: {}",
            all.iter()
                .map(|g| g.spec.name)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The default pack directory of a generator: `dist/<name>`.
pub(crate) fn default_dir(name: &str) -> PathBuf {
    project_root().join("dist").join(name)
}

/// Writes (or, with `check`, verifies) one generator's pack in `out`.
pub(crate) fn build(entry: &GeneratorEntry, out: &Path, check: bool) -> Result<()> {
    let name = entry.spec.name;
    let crate_dir = eventum_cli::crate_dir(name)
        .with_context(|| format!("no crate directory generators/{name}"))?;
    let files = eventum_runtime::pack::pack_files(entry, &crate_dir)
        .map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    for f in &files {
        let path = out.join(&f.path);
        let text = String::from_utf8(f.contents.clone())
            .with_context(|| format!("{} is not UTF-8", path.display()))?;
        ensure_file_contents(&path, &text, check, &format!("build-generator {name}"))?;
    }
    // Files left over from an earlier export are stale too.
    if out.is_dir() {
        let expected: Vec<PathBuf> = files.iter().map(|f| out.join(&f.path)).collect();
        for found in walk(out)? {
            if !expected.contains(&found) {
                if check {
                    bail!(
                        "{} is not part of the export any more; run `cargo xtask build-generator {name}` and commit",
                        found.display()
                    );
                }
                std::fs::remove_file(&found)
                    .with_context(|| format!("removing {}", found.display()))?;
                eprintln!("removed {}", found.display());
            }
        }
    }
    Ok(())
}

fn walk(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            out.extend(walk(&path)?);
        } else {
            out.push(path);
        }
    }
    Ok(out)
}

/// The task.
pub(crate) fn run(name: Option<&str>, all: bool, out: Option<PathBuf>, check: bool) -> Result<()> {
    let targets: Vec<&GeneratorEntry> = match (name, all) {
        (Some(n), false) => vec![find(n)?],
        (None, true) => exportable(),
        _ => bail!("give a generator name or --all"),
    };
    if out.is_some() && targets.len() > 1 {
        bail!("--out takes one generator");
    }
    for g in targets {
        let dir = out.clone().unwrap_or_else(|| default_dir(g.spec.name));
        build(g, &dir, check)?;
        if !check {
            eprintln!("exported {} to {}", g.spec.name, dir.display());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    /// The committed packs under `dist/` match the generators.
    #[test]
    fn exports_are_fresh() {
        super::run(None, true, None, true).unwrap();
    }
}
