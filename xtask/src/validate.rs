//! `cargo xtask validate <name>`: what a generator author checks before
//! sharing: the export builds and references only files it contains, native
//! events are valid JSON and valid ECS (paths, types, categorization values)
//! against the declared ECS version and the generator's field files, and a
//! short live-mode run paces correctly (never early, about the expected rate).

use crate::util::project_root;
use anyhow::{Context, Result, bail};
use eventum_runtime::GeneratorEntry;
use eventum_runtime::generator::{EventBatch, Init, ParamValues};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// ECS fields (and the generator's own) with their types and allowed values.
pub(crate) struct Fields {
    types: HashMap<String, String>,
    allowed: HashMap<String, Vec<String>>,
}

impl Fields {
    /// The embedded ECS table of `version` plus `files` (relative to `crate_dir`).
    pub(crate) fn load(version: &str, crate_dir: &std::path::Path, files: &[&str]) -> Result<Self> {
        let table = project_root().join(format!("eventum-codegen/src/ecs/data/ecs-{version}.tsv"));
        let text = std::fs::read_to_string(&table)
            .with_context(|| format!("no ECS table for {version} ({})", table.display()))?;
        let mut types = HashMap::new();
        let mut allowed: HashMap<String, Vec<String>> = HashMap::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols[0] == "!allowed" && cols.len() >= 3 {
                allowed
                    .entry(cols[1].to_owned())
                    .or_default()
                    .push(cols[2].to_owned());
            } else if cols.len() >= 2 {
                types.insert(cols[0].to_owned(), cols[1].to_owned());
            }
        }
        for f in files {
            let path = crate_dir.join(f);
            let yaml = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            let entries: Vec<Value> = serde_saphyr::from_str(&yaml)
                .with_context(|| format!("parsing {}", path.display()))?;
            flatten_fields("", &entries, &mut types);
        }
        Ok(Self { types, allowed })
    }

    /// The type a path resolves to (`None`: unknown). Open objects give `object`.
    fn resolve(&self, path: &str) -> Option<&str> {
        if let Some(t) = self.types.get(path) {
            return Some(t);
        }
        let mut end = path.len();
        while let Some(dot) = path[..end].rfind('.') {
            if let Some(t) = self.types.get(&path[..dot])
                && matches!(t.as_str(), "object" | "flattened" | "nested")
            {
                return Some("object");
            }
            end = dot;
        }
        None
    }
}

fn flatten_fields(prefix: &str, entries: &[Value], out: &mut HashMap<String, String>) {
    for e in entries {
        let Some(name) = e.get("name").and_then(Value::as_str) else {
            continue;
        };
        let path = if prefix.is_empty() {
            name.to_owned()
        } else {
            format!("{prefix}.{name}")
        };
        if e.get("external").is_some() {
            continue; // defined by ECS, already in the table
        }
        let ty = e.get("type").and_then(Value::as_str).unwrap_or("keyword");
        if ty == "group" {
            if let Some(Value::Array(fields)) = e.get("fields") {
                flatten_fields(&path, fields, out);
            }
            continue;
        }
        out.insert(path, ty.to_owned());
    }
}

fn type_ok(es: &str, v: &Value) -> bool {
    match v {
        Value::Array(items) => items.iter().all(|i| type_ok(es, i)),
        Value::Null => true,
        _ => match es {
            "keyword" | "constant_keyword" | "wildcard" | "text" | "match_only_text" => {
                v.is_string()
            }
            "long" | "integer" | "short" | "byte" | "unsigned_long" => v.is_i64() || v.is_u64(),
            "float" | "double" | "scaled_float" | "half_float" => v.is_number(),
            "boolean" => v.is_boolean(),
            "ip" => v
                .as_str()
                .is_some_and(|s| s.parse::<std::net::IpAddr>().is_ok()),
            "date" => v.is_string() || v.is_number(),
            _ => true,
        },
    }
}

/// Problems found in one event (path and what is wrong).
pub(crate) fn check_event(fields: &Fields, event: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    walk("", event, &mut |path, v| match fields.resolve(path) {
        None => problems.push(format!("`{path}` is not defined in ECS or the field files")),
        Some("object") => {}
        Some(t) => {
            if !type_ok(t, v) {
                problems.push(format!("`{path}` is `{t}` but holds {v}"));
            }
            if let Some(allowed) = fields.allowed.get(path) {
                let values: Vec<&Value> = match v {
                    Value::Array(a) => a.iter().collect(),
                    other => vec![other],
                };
                for x in values {
                    if let Some(s) = x.as_str()
                        && !allowed.iter().any(|a| a == s)
                    {
                        problems.push(format!("`{path}` = `{s}` is not an ECS allowed value"));
                    }
                }
            }
        }
    });
    problems
}

fn walk(prefix: &str, v: &Value, f: &mut dyn FnMut(&str, &Value)) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                match x {
                    Value::Object(_) => walk(&path, x, f),
                    Value::Array(items) if items.iter().any(Value::is_object) => {
                        for i in items {
                            walk(&path, i, f);
                        }
                    }
                    _ => f(&path, x),
                }
            }
        }
        other => f(prefix, other),
    }
}

fn check_export(entry: &GeneratorEntry) -> Result<usize> {
    let name = entry.spec.name;
    let dir =
        eventum_cli::crate_dir(name).with_context(|| format!("no crate generators/{name}"))?;
    let files = eventum_runtime::pack::pack_files(entry, &dir)
        .map_err(|e| anyhow::anyhow!("export: {e}"))?;
    let names: Vec<String> = files.iter().map(|f| f.path.display().to_string()).collect();
    let yml = files
        .iter()
        .find(|f| f.path.ends_with("generator.yml"))
        .context("export has no generator.yml")?;
    let config: Value = serde_saphyr::from_str(std::str::from_utf8(&yml.contents)?)
        .context("generator.yml is not valid YAML")?;
    let templates = config["event"]["template"]["templates"]
        .as_array()
        .context("generator.yml has no templates")?;
    for t in templates {
        for (alias, entry) in t.as_object().into_iter().flatten() {
            let path = entry["template"].as_str().unwrap_or_default();
            if !names.iter().any(|n| n == path) {
                bail!("template `{path}` of `{alias}` is not in the export");
            }
        }
    }
    for s in config["event"]["template"]["samples"]
        .as_object()
        .into_iter()
        .flatten()
    {
        if let Some(src) = s.1["source"].as_str()
            && !names.iter().any(|n| n == src)
        {
            bail!("sample `{}` source `{src}` is not in the export", s.0);
        }
    }
    Ok(files.len())
}

fn check_native(entry: &GeneratorEntry, count: usize) -> Result<(usize, BTreeMap<String, usize>)> {
    let dir = eventum_cli::crate_dir(entry.spec.name).unwrap_or_else(project_root);
    let fields = Fields::load(entry.spec.ecs_version, &dir, entry.spec.field_files)?;
    let params = ParamValues::new();
    let mut g = (entry.create)(&Init {
        params: &params,
        seed: 1,
        worker: 0,
    })
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let tags = eventum_runtime::__private::empty_tags();
    let mut problems: BTreeMap<String, usize> = BTreeMap::new();
    let mut events = 0;
    let mut batch = EventBatch::new();
    for i in 0..count {
        batch.clear();
        let ts =
            eventum_runtime::Timestamp::from_utc_micros(1_767_225_600_000_000 + i as i64 * 200_000);
        g.produce(ts, &tags, &mut batch);
        for e in batch.iter() {
            events += 1;
            let v: Value = serde_json::from_slice(e).with_context(|| {
                format!(
                    "event {events} is not valid JSON: {}",
                    String::from_utf8_lossy(e)
                )
            })?;
            for p in check_event(&fields, &v) {
                *problems.entry(p).or_default() += 1;
            }
        }
    }
    Ok((events, problems))
}

fn cli_binary() -> Result<std::path::PathBuf> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(&cargo)
        .args(["build", "-q", "-p", "eventum-cli"])
        .current_dir(project_root())
        .status()
        .context("running cargo build")?;
    if !status.success() {
        bail!("cargo build -p eventum-cli failed");
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| project_root().join("target"), std::path::PathBuf::from);
    Ok(target.join("debug/eventum-rs"))
}

/// Runs the generator live for `seconds` at five events a second; checks
/// that no event is early and that the rate is right.
fn check_live(name: &str, seconds: u64) -> Result<String> {
    let bin = cli_binary()?;
    let mut child = Command::new(&bin)
        .args([
            "generate",
            name,
            "--live",
            "--seed",
            "1",
            "--input",
            "[{cron: {expression: \"* * * * * *\", count: 5}}]",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {}", bin.display()))?;
    let stdout = child.stdout.take().context("no stdout")?;
    let started = Instant::now();
    let reader = std::thread::spawn(move || {
        let mut seen: Vec<(i64, i64)> = Vec::new();
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let arrived = eventum_runtime::Timestamp::now().utc_micros();
            let ts = serde_json::from_str::<Value>(&line)
                .ok()
                .and_then(|v| v["@timestamp"].as_str().map(str::to_owned))
                .and_then(|s| {
                    eventum_runtime::input::versatile::VersatileDatetime::Text(s)
                        .resolve(&eventum_runtime::Zone::utc(), 0, 0)
                        .ok()
                });
            if let Some(ts) = ts {
                seen.push((ts, arrived));
            }
        }
        seen
    });
    while started.elapsed() < Duration::from_secs(seconds) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    let seen = reader
        .join()
        .map_err(|_| anyhow::anyhow!("reader thread failed"))?;
    if seen.is_empty() {
        bail!("live mode produced no events in {seconds} s");
    }
    let early: Vec<&(i64, i64)> = seen.iter().filter(|(ts, arrived)| arrived < ts).collect();
    if let Some((ts, arrived)) = early.first() {
        bail!(
            "{} of {} events arrived before their timestamp (first: {} µs early)",
            early.len(),
            seen.len(),
            ts - arrived
        );
    }
    let late = seen
        .iter()
        .map(|(ts, arrived)| arrived - ts)
        .max()
        .unwrap_or(0);
    if late > 1_500_000 {
        bail!(
            "an event arrived {} ms after its timestamp (more than a batch)",
            late / 1000
        );
    }
    let mut per_second: BTreeMap<i64, usize> = BTreeMap::new();
    for (ts, _) in &seen {
        *per_second.entry(ts.div_euclid(1_000_000)).or_default() += 1;
    }
    if per_second.values().any(|n| *n != 5) {
        bail!("expected 5 events per second, got {per_second:?}");
    }
    Ok(format!(
        "{} events in {} seconds, none early, at most {} ms late",
        seen.len(),
        per_second.len(),
        late / 1000
    ))
}

/// The task.
pub(crate) fn run(name: &str, count: usize, live_seconds: u64) -> Result<()> {
    let entry = crate::build_generator::find(name)?;
    let files = check_export(entry)?;
    eprintln!("export: {files} files, every template and sample present");
    let (events, problems) = check_native(entry, count)?;
    if !problems.is_empty() {
        for (p, n) in &problems {
            eprintln!("  {n:>6} x {p}");
        }
        bail!(
            "{} kinds of ECS problems in {events} native events",
            problems.len()
        );
    }
    eprintln!(
        "native: {events} events from {count} timestamps, all valid JSON and valid ECS {}",
        entry.spec.ecs_version
    );
    if live_seconds > 0 {
        eprintln!("live: {}", check_live(name, live_seconds)?);
    }
    eprintln!("{name}: OK");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ecs_checks_catch_bad_events() {
        let fields = Fields::load("8.11.0", &project_root(), &[]).unwrap();
        let good: Value = serde_json::json!({"process": {"pid": 5, "name": "x"}, "event": {"kind": "event", "category": ["process"]}, "labels": {"any": "thing"}});
        assert!(
            check_event(&fields, &good).is_empty(),
            "{:?}",
            check_event(&fields, &good)
        );
        let bad: Value = serde_json::json!({"process": {"pid": "5", "pdi": 1}, "event": {"kind": "evnt"}, "source": {"ip": "not-an-ip"}});
        let problems = check_event(&fields, &bad).join("\n");
        assert!(
            problems.contains("`process.pid` is `long` but holds \"5\""),
            "{problems}"
        );
        assert!(
            problems.contains("`process.pdi` is not defined"),
            "{problems}"
        );
        assert!(
            problems.contains("`event.kind` = `evnt` is not an ECS allowed value"),
            "{problems}"
        );
        assert!(problems.contains("`source.ip` is `ip`"), "{problems}");
    }

    /// The bundled generator passes every check, live pacing included.
    #[test]
    fn linux_auditd_validates() {
        run("linux-auditd", 1000, 3).unwrap();
    }
}
