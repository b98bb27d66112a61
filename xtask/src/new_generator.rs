//! `cargo xtask new-generator <category>-<source>`: scaffolds a generator
//! crate (module skeleton, `samples/`, `fields/`) and registers it in the
//! `eventum-rs` binary.

use anyhow::{Context, Result, bail};
use std::path::Path;

/// Categories the content packs use for generator names.
pub(crate) const CATEGORIES: &[&str] = &[
    "windows", "linux", "network", "web", "cloud", "security", "email", "vpn", "proxy", "database",
    "identity",
];

/// Checks the naming convention: lowercase `<category>-<source>`.
pub(crate) fn check_name(name: &str) -> Result<(&str, &str)> {
    let Some((category, source)) = name.split_once('-') else {
        bail!("`{name}` is not `<category>-<source>` (e.g. linux-auditd)");
    };
    if !CATEGORIES.contains(&category) {
        bail!(
            "unknown category `{category}`; use one of: {}",
            CATEGORIES.join(", ")
        );
    }
    let ok = !source.is_empty()
        && source.split('-').all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
        && source.starts_with(|c: char| c.is_ascii_lowercase());
    if !ok {
        bail!("source `{source}` must be lowercase letters and digits, words joined by `-`");
    }
    Ok((category, source))
}

include!("../templates/new-generator/files.rs");

/// Creates the crate under `root/generators/<name>` and registers it in
/// `root/eventum-cli`.
pub(crate) fn scaffold(root: &Path, name: &str) -> Result<()> {
    let (_, source) = check_name(name)?;
    let module = name.replace('-', "_");
    let dir = root.join("generators").join(name);
    if dir.exists() {
        bail!("{} already exists", dir.display());
    }
    let mut files: Vec<(String, String)> = vec![(
        "Cargo.toml".to_owned(),
        format!(
            "[package]\nname = \"{name}\"\ndescription = \"The {name} event generator.\"\nversion.workspace = true\n\
                 edition.workspace = true\nrust-version.workspace = true\nlicense.workspace = true\npublish.workspace = true\n\n\
                 [dependencies]\neventum-runtime.workspace = true\n\n[lints]\nworkspace = true\n"
        ),
    )];
    files.extend(generator_files(name, source));
    for (rel, contents) in &files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap_or(&dir))
            .with_context(|| format!("creating {}", path.display()))?;
        std::fs::write(&path, contents).with_context(|| format!("writing {}", path.display()))?;
    }
    register(root, name, &module)?;
    Ok(())
}

fn register(root: &Path, name: &str, module: &str) -> Result<()> {
    let cargo = root.join("eventum-cli/Cargo.toml");
    let text =
        std::fs::read_to_string(&cargo).with_context(|| format!("reading {}", cargo.display()))?;
    let dep = format!("{name} = {{ path = \"../generators/{name}\" }}\n");
    let Some(at) = text.find("[dependencies]\n") else {
        bail!("{} has no [dependencies] section", cargo.display());
    };
    let insert_at = at + "[dependencies]\n".len();
    let text = format!("{}{dep}{}", &text[..insert_at], &text[insert_at..]);
    std::fs::write(&cargo, text).with_context(|| format!("writing {}", cargo.display()))?;

    let lib = root.join("eventum-cli/src/lib.rs");
    let text =
        std::fs::read_to_string(&lib).with_context(|| format!("reading {}", lib.display()))?;
    let marker = "        // new generators: registered here by `cargo xtask new-generator`";
    let Some(at) = text.find(marker) else {
        bail!("{} lacks the registration marker line", lib.display());
    };
    let crate_ident = name.replace('-', "_");
    let entry = format!("        &{crate_ident}::{module}::GENERATOR,\n");
    let text = format!("{}{entry}{}", &text[..at], &text[at..]);
    std::fs::write(&lib, text).with_context(|| format!("writing {}", lib.display()))?;
    Ok(())
}

/// The task.
pub(crate) fn run(name: &str) -> Result<()> {
    let root = crate::util::project_root();
    scaffold(&root, name)?;
    eprintln!(
        "created generators/{name} and registered it in eventum-rs; next:\n  \
         cargo run -p eventum-cli -- render {name} info\n  cargo xtask validate {name}\n  cargo xtask build-generator {name}"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_convention() {
        assert!(check_name("linux-auditd").is_ok());
        assert!(check_name("network-cisco-asa").is_ok());
        assert!(
            check_name("auditd")
                .unwrap_err()
                .to_string()
                .contains("<category>-<source>")
        );
        assert!(
            check_name("os-auditd")
                .unwrap_err()
                .to_string()
                .contains("unknown category `os`")
        );
        assert!(check_name("linux-Auditd").is_err());
        assert!(check_name("linux-").is_err());
        assert!(check_name("linux-a--b").is_err());
    }

    #[test]
    fn scaffolds_and_registers() {
        let root = std::env::temp_dir().join(format!("xtask-newgen-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("eventum-cli/src")).unwrap();
        let real = crate::util::project_root();
        std::fs::copy(
            real.join("eventum-cli/Cargo.toml"),
            root.join("eventum-cli/Cargo.toml"),
        )
        .unwrap();
        std::fs::copy(
            real.join("eventum-cli/src/lib.rs"),
            root.join("eventum-cli/src/lib.rs"),
        )
        .unwrap();
        scaffold(&root, "web-demo-app").unwrap();
        let dir = root.join("generators/web-demo-app");
        for f in [
            "Cargo.toml",
            "src/lib.rs",
            "samples/hosts.csv",
            "fields/demo-app.yml",
        ] {
            assert!(dir.join(f).is_file(), "{f}");
        }
        let lib = std::fs::read_to_string(dir.join("src/lib.rs")).unwrap();
        assert!(lib.contains("name = \"web-demo-app\"") && lib.contains("pub mod web_demo_app"));
        let cli = std::fs::read_to_string(root.join("eventum-cli/src/lib.rs")).unwrap();
        assert!(cli.contains("&web_demo_app::web_demo_app::GENERATOR,"));
        let cargo = std::fs::read_to_string(root.join("eventum-cli/Cargo.toml")).unwrap();
        assert!(cargo.contains("web-demo-app = { path = \"../generators/web-demo-app\" }"));
        assert!(
            scaffold(&root, "web-demo-app")
                .unwrap_err()
                .to_string()
                .contains("already exists")
        );
        let _ = std::fs::remove_dir_all(&root);
    }
}
