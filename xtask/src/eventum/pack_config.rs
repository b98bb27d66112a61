//! Rewriting a pack's `generator.yml` for a finite, comparable run: its
//! `input` becomes `count` evenly spread timestamps and its `output` one
//! JSON-lines file; `event` stays byte for byte as written.
//!
//! Only the two top-level blocks are replaced, as text: Eventum reads the
//! file with `PyYAML` (YAML 1.1: `yes`, `on`, `0640`, `14:30:00` and dates
//! mean other things than in YAML 1.2), so re-serializing the event section
//! could change what Eventum sees. The replacements are one-line JSON
//! (valid YAML for both), and the result is parsed again to check that the
//! event section came through unchanged.
//!
//! Eventum renders generator.yml as a Jinja template with `${`/`}` variable
//! delimiters and live `{% %}`/`{# #}` blocks and comments, so the written
//! text must contain none of `${`, `{%`, `{#`.

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};
use std::path::Path;

/// The first timestamp of a run (UTC).
pub(super) const LINSPACE_START: &str = "2026-01-01T00:00:00+00:00";
/// The end of a run's time span, excluded (`endpoint: false`).
pub(super) const LINSPACE_END: &str = "2026-01-01T01:00:00+00:00";

/// Sequences Eventum's Jinja pass over generator.yml would act on.
const JINJA_OPENERS: [&str; 3] = ["${", "{%", "{#"];

/// Returns `original` with its `input` replaced by a `linspace` of `count`
/// timestamps over [`LINSPACE_START`, `LINSPACE_END`) and its `output` by a
/// `file` output writing JSON lines to `out_file` (an absolute path).
pub(super) fn rewrite(original: &str, count: usize, out_file: &Path) -> Result<String> {
    let parsed: Value = parse(original).context("generator.yml is not YAML this tool can read")?;
    let Some(top) = parsed.as_object() else {
        bail!("generator.yml must be a mapping with `input`, `event` and `output`");
    };
    for key in ["input", "event", "output"] {
        if !top.contains_key(key) {
            bail!("generator.yml has no top-level `{key}`");
        }
    }
    if let Some(dotted) = top.keys().find(|k| k.contains('.')) {
        bail!(
            "top-level dotted key `{dotted}` is not supported here; spell it as a nested mapping"
        );
    }

    let Some(out_path) = out_file.to_str() else {
        bail!("output path {} is not valid UTF-8", out_file.display());
    };
    if !out_file.is_absolute() {
        bail!("output path {out_path} must be absolute");
    }
    let input = json!([{ "linspace": linspace(count, common_tags(&top["input"])?) }]);
    // Keys in sorted order, so the text is the same with or without
    // serde_json's `preserve_order`.
    let output = json!([{ "file": {
        "formatter": { "format": "json" },
        "path": out_path,
        "write_mode": "overwrite",
    } }]);
    let input_text = to_flow_json(&input);
    let output_text = to_flow_json(&output);
    for text in [&input_text, &output_text] {
        if let Some(bad) = JINJA_OPENERS.iter().find(|s| text.contains(**s)) {
            bail!(
                "the replacement config would contain `{bad}`, which Eventum's Jinja pass over generator.yml would interpret: {text}"
            );
        }
    }

    let rewritten = replace_top_level_block(original, "input", &format!("input: {input_text}"))?;
    let rewritten =
        replace_top_level_block(&rewritten, "output", &format!("output: {output_text}"))?;

    let check: Value = parse(&rewritten).context("the rewritten generator.yml does not parse")?;
    let intact = check.as_object().is_some_and(|m| {
        m.len() == top.len()
            && m.get("event") == top.get("event")
            && m.get("input") == Some(&input)
            && m.get("output") == Some(&output)
    });
    if !intact {
        bail!(
            "generator.yml has a layout this rewrite does not handle (the rewritten file parses differently); write `input`, `event` and `output` as plain block mappings at column 0"
        );
    }
    Ok(rewritten)
}

fn parse(text: &str) -> Result<Value> {
    serde_saphyr::from_str(text).map_err(|e| anyhow::anyhow!("{e}"))
}

/// The linspace input's parameters.
fn linspace(count: usize, tags: Vec<Value>) -> Value {
    let mut params = json!({
        "count": count,
        "end": LINSPACE_END,
        "endpoint": false,
        "start": LINSPACE_START,
    });
    if !tags.is_empty() {
        params["tags"] = Value::Array(tags);
    }
    params
}

/// The `tags` every input plugin of the pack carries, so templates reading
/// `tags` see the same thing. Inputs with different tags cannot be kept
/// apart in one finite input.
fn common_tags(inputs: &Value) -> Result<Vec<Value>> {
    let Some(list) = inputs.as_array() else {
        bail!("`input` must be a list of plugin mappings");
    };
    let mut tags: Option<&Value> = None;
    for entry in list {
        let plugin = entry
            .as_object()
            .and_then(|m| m.values().next())
            .context("each `input` item must be a single-key mapping")?;
        let these = plugin.get("tags").unwrap_or(&Value::Null);
        let these = if these.as_array().is_some_and(Vec::is_empty) {
            &Value::Null
        } else {
            these
        };
        match tags {
            None => tags = Some(these),
            Some(seen) if seen != these => {
                bail!(
                    "the input plugins carry different tags ({seen} and {these}); a single finite input cannot reproduce them"
                )
            }
            Some(_) => {}
        }
    }
    Ok(tags.and_then(Value::as_array).cloned().unwrap_or_default())
}

/// One-line JSON with `", "` and `": "` separators: valid YAML 1.1 and 1.2
/// (`PyYAML` wants a space after `:` in flow mappings).
fn to_flow_json(value: &Value) -> String {
    let mut out = String::new();
    write_flow_json(value, &mut out);
    out
}

fn write_flow_json(value: &Value, out: &mut String) {
    match value {
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_flow_json(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push_str(": ");
                write_flow_json(item, out);
            }
            out.push('}');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// Replaces the block of the top-level key `key` (its line and every line
/// up to the next top-level key or document marker) with `replacement`.
fn replace_top_level_block(text: &str, key: &str, replacement: &str) -> Result<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| top_level_key(lines[i]).is_some() || is_document_marker(lines[i]))
        .collect();
    let mut found = starts
        .iter()
        .enumerate()
        .filter(|&(_, &i)| top_level_key(lines[i]) == Some(key));
    let Some((pos, &first)) = found.next() else {
        bail!("no line `{key}:` at column 0 in generator.yml");
    };
    if found.next().is_some() {
        bail!("`{key}:` appears more than once at column 0 in generator.yml");
    }
    let end = starts.get(pos + 1).copied().unwrap_or(lines.len());
    let mut out = String::with_capacity(text.len());
    lines[..first].iter().for_each(|l| out.push_str(l));
    out.push_str(replacement);
    out.push('\n');
    lines[end..].iter().for_each(|l| out.push_str(l));
    Ok(out)
}

/// The key of a `key:` line at column 0 (plain or quoted), if it is one.
fn top_level_key(line: &str) -> Option<&str> {
    let first = line.chars().next()?;
    if first.is_whitespace() || matches!(first, '#' | '-' | '[' | '{' | ']' | '}' | '.') {
        return None;
    }
    let line = line.trim_end();
    let (key, rest) = if let Some(quote @ ('"' | '\'')) = line.chars().next() {
        let close = line[1..].find(quote)? + 1;
        (&line[1..close], &line[close + 1..])
    } else {
        let colon = line
            .find(": ")
            .or_else(|| line.ends_with(':').then(|| line.len() - 1))?;
        (line[..colon].trim_end(), &line[colon..])
    };
    let rest = rest.trim_start();
    (rest.starts_with(": ") || rest == ":" || rest.starts_with(":\t")).then_some(key)
}

fn is_document_marker(line: &str) -> bool {
    let line = line.trim_end();
    line == "---" || line == "..." || line.starts_with("--- ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUT: &str = "/cache/runs/out.jsonl";

    fn rewritten(original: &str) -> String {
        rewrite(original, 5, Path::new(OUT)).unwrap()
    }

    const INPUT_LINE: &str = r#"input: [{"linspace": {"count": 5, "end": "2026-01-01T01:00:00+00:00", "endpoint": false, "start": "2026-01-01T00:00:00+00:00"}}]"#;
    const OUTPUT_LINE: &str = r#"output: [{"file": {"formatter": {"format": "json"}, "path": "/cache/runs/out.jsonl", "write_mode": "overwrite"}}]"#;

    #[test]
    fn replaces_input_and_output_and_keeps_the_event_text() {
        let original = "# comment\ninput:\n  - cron:\n      expression: \"* * * * * *\"\n      count: 5\n\nevent:\n  template:\n    mode: all\n    params: {flag: yes, mode: 0640}\n    templates:\n      - a: {template: templates/a.jinja}\n\noutput:\n  - stdout:\n      formatter:\n        format: json\n";
        let expected = format!(
            "# comment\n{INPUT_LINE}\nevent:\n  template:\n    mode: all\n    params: {{flag: yes, mode: 0640}}\n    templates:\n      - a: {{template: templates/a.jinja}}\n\n{OUTPUT_LINE}\n"
        );
        assert_eq!(rewritten(original), expected);
    }

    #[test]
    fn compact_sequences_quoted_keys_and_a_last_block_without_newline() {
        let original = "output:\n- stdout: {}\n- file: {path: x.log}\n\"event\":\n  template: {mode: any, templates: [{a: {template: a.jinja}}]}\ninput:\n- static: {count: 3}";
        let expected = format!(
            "{OUTPUT_LINE}\n\"event\":\n  template: {{mode: any, templates: [{{a: {{template: a.jinja}}}}]}}\n{INPUT_LINE}\n"
        );
        assert_eq!(rewritten(original), expected);
    }

    #[test]
    fn shared_input_tags_are_kept() {
        let original = "input:\n  - cron: {expression: '* * * * * *', count: 1, tags: [auth, linux]}\n  - timer: {seconds: 1, count: 1, tags: [auth, linux]}\nevent:\n  template: {mode: any, templates: [{a: {template: a.jinja}}]}\noutput:\n  - stdout: {}\n";
        assert!(rewritten(original).starts_with(
            r#"input: [{"linspace": {"count": 5, "end": "2026-01-01T01:00:00+00:00", "endpoint": false, "start": "2026-01-01T00:00:00+00:00", "tags": ["auth", "linux"]}}]"#
        ));
    }

    #[test]
    fn different_input_tags_are_refused() {
        let original = "input:\n  - cron: {expression: '* * * * * *', count: 1, tags: [a]}\n  - cron: {expression: '* * * * * *', count: 1}\nevent: {template: {}}\noutput: []\n";
        let err = rewrite(original, 5, Path::new(OUT))
            .unwrap_err()
            .to_string();
        assert!(err.contains("different tags"), "{err}");
    }

    #[test]
    fn jinja_openers_in_the_written_text_are_refused() {
        let original = "input: []\nevent: {template: {}}\noutput: []\n";
        for path in ["/tmp/${x}/out", "/tmp/{%x/out", "/tmp/{#x/out"] {
            let err = rewrite(original, 5, Path::new(path))
                .unwrap_err()
                .to_string();
            assert!(err.contains("Jinja"), "{err}");
        }
    }

    #[test]
    fn missing_sections_and_odd_layouts_are_reported() {
        let err = rewrite("input: []\noutput: []\n", 5, Path::new(OUT))
            .unwrap_err()
            .to_string();
        assert_eq!(err, "generator.yml has no top-level `event`");
        let flow = "{input: [], event: {template: {}}, output: []}\n";
        let err = rewrite(flow, 5, Path::new(OUT)).unwrap_err().to_string();
        assert_eq!(err, "no line `input:` at column 0 in generator.yml");
        let err = rewrite(
            "input: []\nevent: {}\noutput: []\n",
            5,
            Path::new("out.jsonl"),
        )
        .unwrap_err()
        .to_string();
        assert_eq!(err, "output path out.jsonl must be absolute");
    }

    #[test]
    fn top_level_keys() {
        assert_eq!(top_level_key("input:\n"), Some("input"));
        assert_eq!(top_level_key("input: [a]\n"), Some("input"));
        assert_eq!(top_level_key("'output' : []"), Some("output"));
        assert_eq!(top_level_key("  input:\n"), None);
        assert_eq!(top_level_key("- input:\n"), None);
        assert_eq!(top_level_key("# input:\n"), None);
        assert_eq!(top_level_key("http://x\n"), None);
    }
}
