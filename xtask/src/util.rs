//! Helpers shared by tasks.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};

/// The workspace root.
pub(crate) fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// Makes `path` hold `contents`. With `check`, a difference is an error
/// (nothing is written); otherwise the file is (re)written when it differs.
pub(crate) fn ensure_file_contents(
    path: &Path,
    contents: &str,
    check: bool,
    task: &str,
) -> Result<()> {
    let normalized = contents.replace("\r\n", "\n");
    if let Ok(old) = std::fs::read_to_string(path)
        && old.replace("\r\n", "\n") == normalized
    {
        return Ok(());
    }
    let shown = path.strip_prefix(project_root()).unwrap_or(path).display();
    if check {
        bail!("{shown} is not up to date; run `cargo xtask {task}` and commit the result");
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    std::fs::write(path, normalized).with_context(|| format!("writing {shown}"))?;
    eprintln!("updated {shown}");
    Ok(())
}
