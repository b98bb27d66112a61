//! Labelling Eventum's events with their event type.
//!
//! Events do not carry the alias that rendered them, so the suite runs a
//! copy of the pack in which every alias renders a wrapper template,
//! `templates/_conformance_<alias>.json.jinja`:
//!
//! ```text
//! {"alias": "<alias>", "event": {% include '<original template>' %}}
//! ```
//!
//! Jinja's `include` passes the whole render context on (`vars`,
//! `timestamp`, `tags`, `locals`, the globals), the included template does
//! its own macro imports, and `dispatch` signals propagate through it, so
//! the event inside is the one the original template renders. (Eventum's
//! loader resolves template names against the pack directory, so the
//! include names the template as `generator.yml` does.) The `json`
//! formatter keeps tokens as written, so the event's text comes out
//! unchanged inside the wrapper.
//!
//! `generator.yml` is rewritten as text, only the `template:` line of each
//! alias entry (see `eventum/pack_config.rs` for why not by re-serializing);
//! the result is parsed again to check that nothing else changed.

use anyhow::{Context, Result, bail};
use serde_json::Value;
use std::path::Path;

/// One wrapper template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Wrapper {
    /// The alias it renders for.
    pub(crate) alias: String,
    /// Its path relative to the pack directory.
    pub(crate) path: String,
    /// Its text.
    pub(crate) text: String,
}

/// A `generator.yml` whose aliases render wrappers, and the wrappers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rewrite {
    /// The new `generator.yml`.
    pub(crate) config: String,
    /// One wrapper per alias, in declaration order.
    pub(crate) wrappers: Vec<Wrapper>,
}

/// Rewrites the pack in `dir` (a copy: it is changed in place) so that each
/// alias renders its wrapper, and returns the aliases in declaration order.
pub(crate) fn wrap_pack(dir: &Path) -> Result<Vec<String>> {
    let config_path = dir.join("generator.yml");
    let text = std::fs::read_to_string(&config_path)
        .with_context(|| format!("reading {}", config_path.display()))?;
    let rewrite = rewrite_config(&text)
        .with_context(|| format!("wrapping the templates of {}", config_path.display()))?;
    for w in &rewrite.wrappers {
        let path = dir.join(&w.path);
        if path.exists() {
            bail!(
                "{} exists already; the pack must not use that name",
                path.display()
            );
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&path, &w.text).with_context(|| format!("writing {}", path.display()))?;
    }
    std::fs::write(&config_path, &rewrite.config)
        .with_context(|| format!("writing {}", config_path.display()))?;
    Ok(rewrite.wrappers.into_iter().map(|w| w.alias).collect())
}

/// The wrapper of `alias` around `template` (a template name as
/// `generator.yml` gives it).
pub(crate) fn wrapper(alias: &str, template: &str) -> Wrapper {
    let alias_json = serde_json::to_string(alias).unwrap_or_default();
    Wrapper {
        alias: alias.to_owned(),
        path: format!("templates/_conformance_{alias}.json.jinja"),
        // No trailing newline: the event is the whole rendered text.
        text: format!("{{\"alias\": {alias_json}, \"event\": {{% include '{template}' %}}}}"),
    }
}

/// The alias entries of `generator.yml`: `(alias, template)` in order.
fn alias_templates(config: &Value) -> Result<Vec<(String, String)>> {
    let list = config
        .pointer("/event/template/templates")
        .and_then(Value::as_array)
        .context("generator.yml has no `event.template.templates` list")?;
    let mut out = Vec::new();
    for item in list {
        let entry = item
            .as_object()
            .filter(|m| m.len() == 1)
            .context("each item of `templates` must be a single-key mapping")?;
        let (alias, body) = entry.iter().next().expect("one key");
        let template = body
            .get("template")
            .and_then(Value::as_str)
            .with_context(|| format!("alias `{alias}` has no `template`"))?;
        if !alias
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        {
            bail!("alias `{alias}`: only letters, digits, `_`, `-` and `.` are supported");
        }
        if template.contains(['\'', '\\']) || template.contains("%}") {
            bail!("template name `{template}` of `{alias}` cannot be quoted in an include");
        }
        out.push((alias.clone(), template.to_owned()));
    }
    Ok(out)
}

/// `text` without one level of YAML quotes.
fn unquote(text: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = text.strip_prefix(q).and_then(|t| t.strip_suffix(q)) {
            return inner;
        }
    }
    text
}

fn parse(text: &str) -> Result<Value> {
    serde_saphyr::from_str(text).map_err(|e| anyhow::anyhow!("{e}"))
}

/// Points every alias entry of the `generator.yml` in `text` at its
/// wrapper.
pub(crate) fn rewrite_config(text: &str) -> Result<Rewrite> {
    let original = parse(text).context("generator.yml is not YAML this tool can read")?;
    let entries = alias_templates(&original)?;
    let wrappers: Vec<Wrapper> = entries.iter().map(|(a, t)| wrapper(a, t)).collect();

    let mut out = String::with_capacity(text.len() + 64 * entries.len());
    let mut next = 0; // the next alias entry to find
    let mut open: Option<usize> = None; // the entry whose `template:` comes next
    let mut replaced = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_start();
        let indent = &body[..body.len() - trimmed.len()];
        if let Some(key) = trimmed
            .strip_prefix("- ")
            .and_then(|rest| rest.trim_end().strip_suffix(':'))
            && next < entries.len()
            && unquote(key.trim()) == entries[next].0
        {
            open = Some(next);
            next += 1;
        } else if let Some(i) = open
            && let Some(value) = trimmed.strip_prefix("template:")
            && unquote(value.trim()) == entries[i].1
        {
            out.push_str(indent);
            out.push_str("template: ");
            out.push_str(&wrappers[i].path);
            out.push_str(&line[body.len()..]);
            open = None;
            replaced += 1;
            continue;
        }
        out.push_str(line);
    }
    if replaced != entries.len() {
        bail!(
            "found the `template:` line of {replaced} of {} aliases; write each alias entry as `- <alias>:` with `template: <file>` on a line of its own",
            entries.len()
        );
    }

    // Only the template names may differ.
    let mut expected = original;
    let list = expected
        .pointer_mut("/event/template/templates")
        .and_then(Value::as_array_mut)
        .expect("checked above");
    for (item, w) in list.iter_mut().zip(&wrappers) {
        item[&w.alias]["template"] = Value::String(w.path.clone());
    }
    let check = parse(&out).context("the rewritten generator.yml does not parse")?;
    if check != expected {
        bail!("the rewritten generator.yml differs in more than the alias templates");
    }
    Ok(Rewrite {
        config: out,
        wrappers,
    })
}

/// Splits a wrapped event line into its alias and the event.
pub(crate) fn unwrap_event(line: &str) -> Result<(String, Value), String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not JSON ({e})"))?;
    let Value::Object(mut members) = value else {
        return Err("not a JSON object".to_owned());
    };
    if members.len() != 2 {
        return Err(format!(
            "the wrapper has {} members instead of `alias` and `event`",
            members.len()
        ));
    }
    let Some(Value::String(alias)) = members.remove("alias") else {
        return Err("the wrapper has no string `alias`".to_owned());
    };
    let event = members
        .remove("event")
        .ok_or_else(|| "the wrapper has no `event`".to_owned())?;
    Ok((alias, event))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = "\
# A pack.
input:
  - cron:
      expression: \"* * * * * *\"
      count: 5

event:
  template:
    mode: chance
    params:
      template: templates/a.json.jinja
    templates:
      - login:
          template: templates/auth.json.jinja
          chance: 70.0
          vars:
            template: x
      - \"logout\":
          chance: 30.0
          template: 'templates/auth.json.jinja'
      - audit.rule-1:
          template: templates/rule.json.jinja

output:
  - stdout:
      formatter:
        format: json
";

    #[test]
    fn each_alias_gets_its_own_wrapper() {
        let r = rewrite_config(CONFIG).unwrap();
        let paths: Vec<&str> = r.wrappers.iter().map(|w| w.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "templates/_conformance_login.json.jinja",
                "templates/_conformance_logout.json.jinja",
                "templates/_conformance_audit.rule-1.json.jinja",
            ]
        );
        assert_eq!(
            r.wrappers[1].text,
            "{\"alias\": \"logout\", \"event\": {% include 'templates/auth.json.jinja' %}}"
        );
        let expected = CONFIG
            .replace(
                "          template: templates/auth.json.jinja\n          chance: 70.0",
                "          template: templates/_conformance_login.json.jinja\n          chance: 70.0",
            )
            .replace(
                "          template: 'templates/auth.json.jinja'",
                "          template: templates/_conformance_logout.json.jinja",
            )
            .replace(
                "templates/rule.json.jinja",
                "templates/_conformance_audit.rule-1.json.jinja",
            );
        assert_eq!(r.config, expected);
    }

    #[test]
    fn layouts_it_cannot_rewrite_are_errors() {
        let flow = "input: []\noutput: []\nevent:\n  template:\n    mode: any\n    templates:\n      - a: {template: templates/a.json.jinja}\n";
        let e = rewrite_config(flow).unwrap_err();
        assert!(
            format!("{e:#}").contains("found the `template:` line of 0 of 1"),
            "{e:#}"
        );
        let quoted = CONFIG.replace("templates/rule.json.jinja", "templates/it's.json.jinja");
        assert!(rewrite_config(&quoted).is_err());
        assert!(rewrite_config("event: {}\n").is_err());
    }

    #[test]
    fn unwrap_splits_alias_and_event() {
        let (alias, event) =
            unwrap_event(r#"{"alias": "login", "event": {"a": [1, 2.5]}}"#).unwrap();
        assert_eq!(alias, "login");
        assert_eq!(event, serde_json::json!({"a": [1, 2.5]}));
        assert!(unwrap_event("{\"alias\": \"x\"}").is_err());
        assert!(unwrap_event("{\"alias\": 1, \"event\": {}}").is_err());
        assert!(unwrap_event("{\"alias\": \"x\", \"event\": {}, \"z\": 0}").is_err());
        assert!(unwrap_event("{\"alias\": \"x\", \"event\": ").is_err());
    }
}
