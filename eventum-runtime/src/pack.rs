//! The exported Eventum pack: `generator.yml`, the templates the macro
//! lowered the event bodies to, the samples, and a README, all rendered from
//! the compiled generator's spec (the way `clap_mangen` renders man pages from
//! a command's model). Pure functions; `cargo xtask build-generator` writes
//! or checks the files.

use crate::format::{JsonStyle, json::reformat};
use crate::generator::{
    EventBatch, GeneratorEntry, GeneratorSpec, Init, Mode, ParamValues, Produced,
    first_paragraph_line,
};
use crate::time::Timestamp;
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

/// A pack that cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackError(pub String);

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PackError {}

/// One file of a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackFile {
    /// Path relative to the pack directory.
    pub path: PathBuf,
    /// Contents.
    pub contents: Vec<u8>,
}

/// Where a sample file goes in the pack.
pub fn sample_target(source: &str) -> String {
    let p = Path::new(source);
    if p.starts_with("samples") {
        source.replace('\\', "/")
    } else {
        format!(
            "samples/{}",
            p.file_name().and_then(|f| f.to_str()).unwrap_or(source)
        )
    }
}

fn check_text(what: &str, s: &str) -> Result<(), PackError> {
    // generator.yml is rendered through Jinja by Eventum before YAML parsing.
    for bad in ["{%", "{#", "${"] {
        if s.contains(bad) {
            return Err(PackError(format!(
                "{what} contains `{bad}`, which Eventum would interpret while loading generator.yml"
            )));
        }
    }
    Ok(())
}

/// JSON is YAML: values are written in JSON spelling.
fn yaml_value(json: &str) -> String {
    json.to_owned()
}

/// `generator.yml`: the content packs' skeleton (cron `* * * * * *` count 5,
/// the `template` event plugin, a `stdout` json output, and an `OpenSearch`
/// backend ready to enable).
pub fn generator_yml(spec: &GeneratorSpec) -> Result<String, PackError> {
    let export = spec.export.ok_or_else(|| {
        PackError(format!(
            "generator `{}` is native-only (export = false)",
            spec.name
        ))
    })?;
    let mut y = String::new();
    let title = if spec.title.is_empty() {
        spec.name
    } else {
        spec.title
    };
    let _ = writeln!(y, "# {title}");
    let _ = writeln!(y, "#");
    for line in first_paragraph(spec.description).lines() {
        let _ = writeln!(y, "# {line}");
    }
    let _ = writeln!(y, "#");
    let _ = writeln!(
        y,
        "# Exported by eventum-rs from its compiled `{}` generator:",
        spec.name
    );
    let _ = writeln!(
        y,
        "# regenerate with `cargo xtask build-generator {}` instead of editing.",
        spec.name
    );
    let _ = writeln!(y, "#");
    let _ = writeln!(y, "# Usage:");
    let _ = writeln!(
        y,
        "#   eventum generate --path generator.yml --id {} --live-mode true",
        spec.name
    );
    y.push('\n');
    y.push_str("input:\n  - cron:\n      expression: \"* * * * * *\"\n      count: 5\n\n");
    y.push_str("event:\n  template:\n");
    let _ = writeln!(y, "    mode: {}", spec.mode.as_str());
    if !spec.params.is_empty() {
        y.push_str("\n    # Environment parameters: edit for your setup.\n    params:\n");
        for p in spec.params {
            check_text(
                &format!("the default of param `{}`", p.name),
                p.default_json,
            )?;
            let doc = p.summary();
            if !doc.is_empty() {
                let _ = writeln!(y, "      # {doc}");
            }
            let _ = writeln!(y, "      {}: {}", p.name, yaml_value(p.default_json));
        }
    }
    if !spec.samples.is_empty() {
        y.push_str("\n    samples:\n");
        for s in spec.samples {
            let _ = writeln!(y, "      {}:", s.name);
            let _ = writeln!(y, "        type: {}", s.kind);
            match s.kind {
                "items" => {
                    check_text(&format!("sample `{}`", s.name), s.items_json)?;
                    let _ = writeln!(y, "        source: {}", s.items_json);
                }
                "csv" => {
                    let _ = writeln!(y, "        source: {}", sample_target(s.source));
                    let _ = writeln!(y, "        header: {}", s.header);
                    if s.delimiter != "," {
                        let _ = writeln!(y, "        delimiter: {}", json_str(s.delimiter));
                    }
                    if s.quotechar != "\"" {
                        let _ = writeln!(y, "        quotechar: {}", json_str(s.quotechar));
                    }
                }
                _ => {
                    let _ = writeln!(y, "        source: {}", sample_target(s.source));
                }
            }
        }
    }
    y.push_str("\n    templates:\n");
    for (i, e) in spec.events.iter().enumerate() {
        let alias = &export.aliases[i];
        let _ = writeln!(y, "      - {}:", e.name);
        let _ = writeln!(y, "          template: templates/{}", alias.template);
        if spec.mode == Mode::Chance {
            let _ = writeln!(
                y,
                "          chance: {}",
                crate::json::py_float_repr(e.weight)
            );
        }
        let vars: Vec<(&str, &str)> = e.vars.iter().chain(alias.vars.iter()).copied().collect();
        if !vars.is_empty() {
            y.push_str("          vars:\n");
            for (k, v) in vars {
                check_text(&format!("var `{k}` of `{}`", e.name), v)?;
                let _ = writeln!(y, "            {k}: {v}");
            }
        }
        if spec.mode == Mode::Fsm {
            if e.initial {
                y.push_str("          initial: true\n");
            }
            if !e.transitions.is_empty() {
                y.push_str("          transitions:\n");
                for t in e.transitions {
                    check_text(&format!("a transition of `{}`", e.name), t.when_eventum)?;
                    let _ = writeln!(y, "            - to: {}", t.to);
                    let _ = writeln!(y, "              when: {}", t.when_eventum);
                }
            }
        }
    }
    if spec.mode == Mode::Chain {
        let _ = writeln!(y, "\n    chain: [{}]", spec.chain.join(", "));
    }
    y.push_str(
        "\noutput:\n  # Console output for testing.\n  - stdout:\n      formatter:\n        format: json\n\n  \
         # OpenSearch: uncomment, then pass the connection params and store the password secret\n  \
         # (see the README's \"Output\" section).\n  \
         # - opensearch:\n  #     hosts:\n  #       - ${params.opensearch_host}\n  \
         #     username: ${params.opensearch_user}\n  #     password: ${secrets.opensearch_password}\n  \
         #     index: ${params.opensearch_index}\n  #     verify: false\n  #     formatter:\n  #       format: json\n",
    );
    Ok(y)
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// The first sentence of a doc comment, on one line.
fn summary(doc: &str) -> String {
    let para = first_paragraph_line(doc);
    match para.find(". ").or_else(|| para.find(": ")) {
        Some(i) => para[..=i].trim_end_matches(':').to_owned(),
        None => para,
    }
}

fn first_paragraph(s: &str) -> String {
    s.split("\n\n").next().unwrap_or("").trim().to_owned()
}

/// One event of the first event type, pretty-printed, for the README.
pub fn sample_event(entry: &GeneratorEntry) -> Result<String, PackError> {
    let params = ParamValues::new();
    let mut generator = (entry.create)(&Init {
        params: &params,
        seed: 1,
        worker: 0,
    })
    .map_err(|e| PackError(e.to_string()))?;
    let tags = crate::__private::empty_tags();
    let ts = Timestamp::from_utc_micros(1_767_268_800_000_000);
    for e in entry.spec.events {
        let mut out = EventBatch::new();
        if generator.render(e.name, ts, &tags, &mut out) == Some(Produced::Events)
            && let Some(event) = out.get(0)
        {
            let mut text = Vec::new();
            reformat(event, JsonStyle::Pretty(2), &mut text)
                .map_err(|e| PackError(e.to_string()))?;
            return Ok(String::from_utf8_lossy(&text).into_owned());
        }
    }
    Err(PackError(format!(
        "no event type of `{}` renders on its own",
        entry.spec.name
    )))
}

fn techniques(spec: &GeneratorSpec, templates: &str) -> Vec<String> {
    let mut t = Vec::new();
    let has = |s: &str| templates.contains(s);
    match spec.mode {
        Mode::Chance => t.push("Event types picked by weight (`chance` mode), so frequencies follow the table above.".to_owned()),
        Mode::Fsm => t.push("A finite-state machine (`fsm` mode) walks event types the way sessions unfold.".to_owned()),
        Mode::Chain => t.push("A fixed sequence of event types (`chain` mode).".to_owned()),
        Mode::All => t.push("Every event type per timestamp (`all` mode), as sources that write several records per occurrence do.".to_owned()),
        Mode::Any | Mode::Spin => t.push(format!("Event types in `{}` mode.", spec.mode.as_str())),
    }
    if has("weighted_pick(") {
        t.push("Weighted sample picks: common hosts, users and processes appear more often than rare ones.".to_owned());
    }
    if has("weighted_choice(") {
        t.push("Weighted choices for enumerated values (outcomes, codes, flags) in realistic proportions.".to_owned());
    }
    if has("lognormal(") || has("exponential(") || has("pareto(") {
        t.push("Skewed distributions (lognormal, exponential, Pareto) for sizes, durations and counts.".to_owned());
    }
    if has("shared.") {
        t.push("Correlation through shared state: counters (sequence numbers), pools of open sessions reused by later events.".to_owned());
    }
    if has("module.faker") {
        t.push("Faker for realistic names, e-mail addresses and user agents.".to_owned());
    }
    t
}

/// The pack's README.
pub fn readme(spec: &GeneratorSpec, sample: &str, files: &[String]) -> Result<String, PackError> {
    let export = spec
        .export
        .ok_or_else(|| PackError(format!("generator `{}` is native-only", spec.name)))?;
    let mut r = String::new();
    let title = if spec.title.is_empty() {
        spec.name
    } else {
        spec.title
    };
    let _ = writeln!(r, "# {title}\n");
    let _ = writeln!(
        r,
        "An [Eventum](https://github.com/eventum-generator/eventum) pack exported from the compiled `{}` generator of \
         eventum-rs. The same events come, much faster and reproducibly, from `eventum-rs generate {}`.\n",
        spec.name, spec.name
    );
    if !spec.description.is_empty() {
        let _ = writeln!(r, "{}\n", spec.description.trim());
    }
    let _ = writeln!(r, "## Event types\n");
    let freq = spec.frequencies();
    r.push_str("| event type | description | frequency | event.category | event.type | event.action |\n|---|---|---|---|---|---|\n");
    for (i, e) in spec.events.iter().enumerate() {
        let f = freq
            .as_ref()
            .map_or_else(|| "(FSM walk)".to_owned(), |f| format!("{:.1} %", f[i]));
        let _ = writeln!(
            r,
            "| `{}` | {} | {f} | {} | {} | {} |",
            e.name,
            summary(e.doc).replace('|', "\\|"),
            e.category.join(", "),
            e.types.join(", "),
            e.action.unwrap_or("")
        );
    }
    if spec.mode == Mode::Fsm {
        r.push_str("\nTransitions:\n\n");
        for e in spec.events {
            for t in e.transitions {
                let _ = writeln!(r, "- `{}` -> `{}` when `{}`", e.name, t.to, t.when_eventum);
            }
        }
    }
    let all_templates: String = export
        .templates
        .iter()
        .map(|t| t.text)
        .chain(std::iter::once(export.base))
        .collect();
    let _ = writeln!(r, "\n## Realism\n");
    for t in techniques(spec, &all_templates) {
        let _ = writeln!(r, "- {t}");
    }
    if !spec.params.is_empty() {
        r.push_str("\n## Parameters\n\nSet in `generator.yml` under `event.template.params`.\n\n| param | default | accepted | meaning |\n|---|---|---|---|\n");
        for p in spec.params {
            let _ = writeln!(
                r,
                "| `{}` | `{}` | {} | {} |",
                p.name,
                p.default_json,
                p.bounds_text().unwrap_or_else(|| "any".to_owned()),
                first_paragraph_line(p.doc).replace('|', "\\|")
            );
        }
    }
    if !spec.samples.is_empty() {
        r.push_str(
            "\n## Samples\n\n| sample | source | rows | weight column |\n|---|---|---|---|\n",
        );
        for s in spec.samples {
            let src = if s.kind == "items" {
                "inline items".to_owned()
            } else {
                format!("`{}`", sample_target(s.source))
            };
            let _ = writeln!(
                r,
                "| `{}` | {src} | {} | {} |",
                s.name,
                s.rows,
                s.weight.map_or_else(String::new, |w| format!("`{w}`"))
            );
        }
    }
    let _ = writeln!(
        r,
        "\n## Output\n\nEvents go to stdout as JSON (`formatter: json`). To index them in OpenSearch, uncomment the \
         `opensearch` output in `generator.yml` and provide:\n\n| param | meaning |\n|---|---|\n| `opensearch_host` | \
         URL, e.g. `https://localhost:9200` |\n| `opensearch_user` | user name |\n| `opensearch_index` | target index |\n\n\
         and the secret `opensearch_password` (`eventum secrets set opensearch_password`)."
    );
    let _ = writeln!(
        r,
        "\n## Usage\n\n```sh\neventum generate --path generator.yml --id {name} --live-mode true\n```\n\nIn `startup.yml`:\n\n\
         ```yaml\n- id: {name}\n  path: {name}/generator.yml\n  live_mode: true\n  params:\n    opensearch_host: https://localhost:9200\n    \
         opensearch_user: admin\n    opensearch_index: {name}\n```",
        name = spec.name
    );
    let _ = writeln!(
        r,
        "\n## Sample event\n\n```json\n{}\n```",
        sample.trim_end()
    );
    r.push_str("\n## Files\n\n```text\n");
    for f in files {
        let _ = writeln!(r, "{f}");
    }
    r.push_str("```\n");
    Ok(r)
}

/// Every file of the pack of `entry`, whose crate lives in `crate_dir`
/// (sample files are read from there).
pub fn pack_files(entry: &GeneratorEntry, crate_dir: &Path) -> Result<Vec<PackFile>, PackError> {
    let spec = entry.spec;
    let export = spec.export.ok_or_else(|| {
        PackError(format!(
            "generator `{}` is native-only (export = false)",
            spec.name
        ))
    })?;
    let mut files = vec![PackFile {
        path: PathBuf::from("generator.yml"),
        contents: generator_yml(spec)?.into_bytes(),
    }];
    for t in export.templates {
        files.push(PackFile {
            path: PathBuf::from("templates").join(t.file),
            contents: t.text.as_bytes().to_vec(),
        });
    }
    if !export.base.is_empty() {
        files.push(PackFile {
            path: PathBuf::from("templates/_base.json.jinja"),
            contents: export.base.as_bytes().to_vec(),
        });
    }
    for s in spec.samples {
        if s.kind == "items" {
            continue;
        }
        let from = crate_dir.join(s.source);
        let contents = std::fs::read(&from)
            .map_err(|e| PackError(format!("cannot read sample {}: {e}", from.display())))?;
        files.push(PackFile {
            path: PathBuf::from(sample_target(s.source)),
            contents,
        });
    }
    let mut names: Vec<String> = files
        .iter()
        .map(|f| f.path.display().to_string().replace('\\', "/"))
        .collect();
    names.push("README.md".to_owned());
    names.sort();
    let sample = sample_event(entry)?;
    files.push(PackFile {
        path: PathBuf::from("README.md"),
        contents: readme(spec, &sample, &names)?.into_bytes(),
    });
    Ok(files)
}
