//! File-system helpers: scratch folders, copying a pack, sizes.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A fresh folder that is removed (with its contents) when dropped.
pub(super) struct ScratchDir {
    path: PathBuf,
}

impl ScratchDir {
    /// Creates a new, uniquely named folder under `parent`.
    pub(super) fn create(parent: &Path) -> Result<Self> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let name = format!(
            "run-{}-{nanos}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let path = parent.join(name);
        std::fs::create_dir_all(&path).with_context(|| format!("creating {}", path.display()))?;
        Ok(Self { path })
    }

    /// The folder.
    pub(super) fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Copies the folder `from` to `to` (created), following symbolic links.
/// Anything at `skip` (the cache folder, should a pack contain it) is left
/// out.
pub(super) fn copy_dir(from: &Path, to: &Path, skip: &Path) -> Result<()> {
    let skip = skip.canonicalize().ok();
    copy_dir_inner(from, to, skip.as_deref())
}

fn copy_dir_inner(from: &Path, to: &Path, skip: Option<&Path>) -> Result<()> {
    std::fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    let entries = std::fs::read_dir(from).with_context(|| format!("listing {}", from.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("listing {}", from.display()))?;
        let source = entry.path();
        if skip.is_some() && source.canonicalize().ok().as_deref() == skip {
            continue;
        }
        let target = to.join(entry.file_name());
        let meta =
            std::fs::metadata(&source).with_context(|| format!("reading {}", source.display()))?;
        if meta.is_dir() {
            copy_dir_inner(&source, &target, skip)?;
        } else if meta.is_file() {
            std::fs::copy(&source, &target)
                .with_context(|| format!("copying {}", source.display()))?;
        }
    }
    Ok(())
}

/// The total size in bytes of the files under `path` (links not followed).
pub(super) fn dir_size(path: &Path) -> u64 {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return 0;
    };
    if !meta.is_dir() {
        return meta.len();
    }
    std::fs::read_dir(path).map_or(0, |entries| {
        entries.flatten().map(|e| dir_size(&e.path())).sum()
    })
}

/// Removes the folder `path` if it exists.
pub(super) fn remove_dir(path: &Path) -> Result<()> {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(e).with_context(|| format!("removing {}", path.display()))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_a_tree_and_skips_the_cache_and_cleans_up() {
        let scratch = ScratchDir::create(&std::env::temp_dir().join("xtask-files-test")).unwrap();
        let kept = scratch.path().to_path_buf();
        let src = kept.join("src");
        std::fs::create_dir_all(src.join("templates")).unwrap();
        std::fs::create_dir_all(src.join("cache/big")).unwrap();
        std::fs::write(src.join("generator.yml"), "a").unwrap();
        std::fs::write(src.join("templates/t.jinja"), "bc").unwrap();
        std::fs::write(src.join("cache/big/x"), "zzz").unwrap();

        let dst = kept.join("dst");
        copy_dir(&src, &dst, &src.join("cache")).unwrap();
        assert_eq!(
            std::fs::read_to_string(dst.join("templates/t.jinja")).unwrap(),
            "bc"
        );
        assert!(!dst.join("cache").exists());
        assert_eq!(dir_size(&dst), 3);
        assert_eq!(dir_size(&src), 6);

        drop(scratch);
        assert!(!kept.exists());
    }
}
