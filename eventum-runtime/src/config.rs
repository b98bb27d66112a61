//! Reading an Eventum `generator.yml` for the native engine: its `input`
//! and `output` sections, and the `event.template.params` (which override the
//! compiled generator's parameter defaults). Eventum's loading steps are
//! followed (spec §2.2): `${params.x}` / `${secrets.x}` substitution with the
//! "used tokens must be provided" check (whole-line comments excluded), then
//! YAML 1.1 parsing, then dotted-key expansion. Errors name the file, line
//! and column.

use crate::generator::ParamValues;
use crate::input::InputConfig;
use crate::output::OutputConfig;
use serde::Deserialize;
use serde_json::Value;
use std::fmt;
use std::path::{Path, PathBuf};

/// A `generator.yml` that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

/// What the native engine takes from a `generator.yml`.
#[derive(Debug, Clone)]
pub struct GeneratorFile {
    /// The file.
    pub path: PathBuf,
    /// The directory relative paths resolve against (the file's directory).
    pub base_dir: PathBuf,
    /// Input plugins, in order (ids 1..).
    pub inputs: Vec<InputConfig>,
    /// Output plugins, in order.
    pub outputs: Vec<OutputConfig>,
    /// `event.template.params`, if the event plugin is `template`.
    pub params: ParamValues,
    /// The names of the `${params.*}` tokens the file uses.
    pub substituted: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Top {
    input: Vec<InputConfig>,
    event: Value,
    output: Vec<OutputConfig>,
}

/// Python's `str()` of a parameter value, as Eventum's substitution prints it.
fn python_str(v: &Value) -> String {
    match v {
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(python_repr).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(m) => format!(
            "{{{}}}",
            m.iter()
                .map(|(k, v)| format!("'{k}': {}", python_repr(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn python_repr(v: &Value) -> String {
    match v {
        Value::String(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        other => python_str(other),
    }
}

fn secret_env_name(name: &str) -> String {
    let mut s = String::from("EVENTUM_SECRET_");
    s.extend(name.chars().map(|c| {
        if c.is_ascii_alphanumeric() {
            c.to_ascii_uppercase()
        } else {
            '_'
        }
    }));
    s
}

/// Substitutes `${params.name}` and `${secrets.name}` tokens. Secrets come
/// from environment variables `EVENTUM_SECRET_<NAME>` (Eventum reads a
/// keyring, which has no equivalent here).
pub fn substitute(text: &str, params: &ParamValues, path: &Path) -> Result<String, ConfigError> {
    substitute_listing(text, params, path).map(|(text, _)| text)
}

/// [`substitute`], also returning the names of the params used.
fn substitute_listing(
    text: &str,
    params: &ParamValues,
    path: &Path,
) -> Result<(String, Vec<String>), ConfigError> {
    let mut used = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut missing_params = Vec::new();
    let mut missing_secrets = Vec::new();
    for (lineno, line) in text.split_inclusive('\n').enumerate() {
        let comment = line.trim_start().starts_with('#');
        let mut rest = line;
        let mut col = 1;
        loop {
            if !comment && let Some(i) = rest.find("{%").or_else(|| rest.find("{#")) {
                let next_token = rest.find("${").unwrap_or(usize::MAX);
                if i < next_token {
                    return Err(ConfigError(format!(
                        "{}:{}:{}: Jinja block syntax `{}` in generator.yml is not supported by eventum-rs \
                         (Eventum would execute it at load time); remove it or use a template file",
                        path.display(),
                        lineno + 1,
                        col + i,
                        &rest[i..i + 2]
                    )));
                }
            }
            let Some(start) = rest.find("${") else {
                out.push_str(rest);
                break;
            };
            let Some(len) = rest[start..].find('}') else {
                out.push_str(rest);
                break;
            };
            out.push_str(&rest[..start]);
            let token = rest[start + 2..start + len].trim();
            let at = format!("{}:{}:{}", path.display(), lineno + 1, col + start);
            if let Some(name) = token.strip_prefix("params.") {
                if !comment && !used.iter().any(|u| u == name) {
                    used.push(name.to_owned());
                }
                match params.get(name) {
                    Some(v) => out.push_str(&python_str(v)),
                    None if comment => {}
                    None => missing_params.push(format!("`{name}` ({at})")),
                }
            } else if let Some(name) = token.strip_prefix("secrets.") {
                match std::env::var(secret_env_name(name)) {
                    Ok(v) => out.push_str(&v),
                    Err(_) if comment => {}
                    Err(_) => missing_secrets
                        .push(format!("`{name}` ({at}; set {})", secret_env_name(name))),
                }
            }
            col += start + len + 1;
            rest = &rest[start + len + 1..];
        }
    }
    if !missing_params.is_empty() {
        return Err(ConfigError(format!(
            "{}: parameters are missing: {} (pass them with --param name=value)",
            path.display(),
            missing_params.join(", ")
        )));
    }
    if !missing_secrets.is_empty() {
        return Err(ConfigError(format!(
            "{}: secrets are missing: {}",
            path.display(),
            missing_secrets.join(", ")
        )));
    }
    Ok((out, used))
}

/// Expands dotted keys at every depth (`{"a.b": 1}` -> `{"a": {"b": 1}}`).
pub fn expand_dotted(v: Value) -> Result<Value, String> {
    match v {
        Value::Object(map) => {
            let mut out = serde_json::Map::new();
            for (k, v) in map {
                let v = expand_dotted(v)?;
                let parts: Vec<&str> = k.split('.').collect();
                if parts.len() == 1 || parts.iter().any(|p| p.is_empty()) {
                    merge_into(&mut out, &k, v)?;
                    continue;
                }
                let mut nested = v;
                for p in parts[1..].iter().rev() {
                    let mut m = serde_json::Map::new();
                    m.insert((*p).to_owned(), nested);
                    nested = Value::Object(m);
                }
                merge_into(&mut out, parts[0], nested)?;
            }
            Ok(Value::Object(out))
        }
        Value::Array(items) => items
            .into_iter()
            .map(expand_dotted)
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
        other => Ok(other),
    }
}

fn merge_into(
    map: &mut serde_json::Map<String, Value>,
    key: &str,
    value: Value,
) -> Result<(), String> {
    match (map.get_mut(key), value) {
        (None, v) => {
            map.insert(key.to_owned(), v);
            Ok(())
        }
        (Some(Value::Object(existing)), Value::Object(new)) => {
            for (k, v) in new {
                merge_into(existing, &k, v)?;
            }
            Ok(())
        }
        (Some(_), _) => Err(format!(
            "key `{key}` is set twice (dotted and nested spellings collide)"
        )),
    }
}

fn has_dotted_keys(v: &Value) -> bool {
    match v {
        Value::Object(m) => m.iter().any(|(k, v)| {
            (k.contains('.') && !k.starts_with('.') && !k.ends_with('.')) || has_dotted_keys(v)
        }),
        Value::Array(a) => a.iter().any(has_dotted_keys),
        _ => false,
    }
}

fn yaml_error(path: &Path, e: &serde_saphyr::Error) -> ConfigError {
    let shown = e
        .to_string()
        .replace("<input>", &path.display().to_string());
    match e.location() {
        Some(l) => ConfigError(format!(
            "{}:{}:{}: invalid generator.yml\n{shown}",
            path.display(),
            l.line(),
            l.column()
        )),
        None => ConfigError(format!(
            "{}: invalid generator.yml\n{shown}",
            path.display()
        )),
    }
}

/// Where `event.template.params.<name>` is set in a generator.yml's text:
/// the 1-based line and column of the key, for errors about its value.
/// Block-style files (as Eventum's packs are written) only.
#[must_use]
pub fn param_position(text: &str, name: &str) -> Option<(usize, usize)> {
    let mut in_params: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let body = line.trim_start();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let indent = line.len() - body.len();
        let key = body.split_once(':').map(|(k, _)| k.trim_end());
        match in_params {
            Some(outer) if indent <= outer => in_params = None,
            Some(_) if key == Some(name) => return Some((i + 1, indent + 1)),
            _ => {}
        }
        if in_params.is_none() && key == Some("params") {
            in_params = Some(indent);
        }
    }
    None
}

/// Loads a `generator.yml`; `params` are the values for `${params.*}`.
pub fn load_generator_file(
    path: &Path,
    params: &ParamValues,
) -> Result<GeneratorFile, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError(format!("cannot read {}: {e}", path.display())))?;
    let (text, substituted) = substitute_listing(&text, params, path)?;
    let generic: Value = serde_saphyr::from_str(&text).map_err(|e| yaml_error(path, &e))?;
    let top: Top = if has_dotted_keys(&generic) {
        let expanded =
            expand_dotted(generic).map_err(|e| ConfigError(format!("{}: {e}", path.display())))?;
        serde_json::from_value(expanded)
            .map_err(|e| ConfigError(format!("{}: invalid generator.yml: {e}", path.display())))?
    } else {
        serde_saphyr::from_str(&text).map_err(|e| yaml_error(path, &e))?
    };
    if top.input.is_empty() {
        return Err(ConfigError(format!(
            "{}: `input` needs at least one plugin",
            path.display()
        )));
    }
    if top.output.is_empty() {
        return Err(ConfigError(format!(
            "{}: `output` needs at least one plugin",
            path.display()
        )));
    }
    let mut event_params = ParamValues::new();
    if let Value::Object(event) = &top.event {
        if event.len() != 1 {
            return Err(ConfigError(format!(
                "{}: `event` must have exactly one plugin",
                path.display()
            )));
        }
        if let Some(Value::Object(template)) = event.get("template")
            && let Some(Value::Object(p)) = template.get("params")
        {
            event_params.clone_from(p);
        }
    } else {
        return Err(ConfigError(format!(
            "{}: `event` must be a mapping with one plugin",
            path.display()
        )));
    }
    let base_dir = path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    Ok(GeneratorFile {
        path: path.to_path_buf(),
        base_dir,
        inputs: top.input,
        outputs: top.output,
        params: event_params,
        substituted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_params_key_is_found_under_params_only() {
        let text = "input:\n  - cron:\n      count: 5\nevent:\n  template:\n    mode: chance\n    params:\n      # count: 1\n      domain: x\n      count: 4\n    samples:\n      hosts: {}\n";
        assert_eq!(param_position(text, "count"), Some((10, 7)));
        assert_eq!(param_position(text, "domain"), Some((9, 7)));
        assert_eq!(param_position(text, "hosts"), None);
        assert_eq!(param_position(text, "mode"), None);
    }

    fn params(pairs: &[(&str, Value)]) -> ParamValues {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect()
    }

    #[test]
    fn substitution_follows_eventum() {
        let p = params(&[
            ("host", json!("db01")),
            ("port", json!(9200)),
            ("on", json!(true)),
            ("l", json!(["a", 1])),
        ]);
        let path = Path::new("g.yml");
        let out = substitute(
            "a: ${params.host}:${ params.port }\nb: ${params.on}\nc: ${params.l}\n",
            &p,
            path,
        )
        .unwrap();
        assert_eq!(out, "a: db01:9200\nb: True\nc: ['a', 1]\n");
        // A missing param in a comment renders as empty; elsewhere it is an error.
        assert_eq!(substitute("# ${params.nope}\n", &p, path).unwrap(), "# \n");
        let err = substitute("x: 1\ny: ${params.nope}\n", &p, path).unwrap_err();
        assert!(err.0.contains("`nope` (g.yml:2:4)"), "{err}");
        let err = substitute("x: {% if a %}\n", &p, path).unwrap_err();
        assert!(err.0.contains("g.yml:1:4"), "{err}");
    }

    #[test]
    fn dotted_keys_expand_and_collide() {
        let v = expand_dotted(json!({"a.b": 1, "a": {"c": 2}, "x.": 3})).unwrap();
        assert_eq!(v, json!({"a": {"b": 1, "c": 2}, "x.": 3}));
        assert!(expand_dotted(json!({"a.b": 1, "a": {"b": 2}})).is_err());
    }

    #[test]
    fn loads_inputs_outputs_and_params_with_located_errors() {
        let dir = std::env::temp_dir().join(format!("eventum-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let good = dir.join("generator.yml");
        std::fs::write(
            &good,
            "input:\n  - cron:\n      expression: \"* * * * * *\"\n      count: 5\nevent:\n  template:\n    mode: chance\n    params:\n      fqdn: example.org\n    templates: []\noutput:\n  - stdout:\n      formatter:\n        format: json\n",
        )
        .unwrap();
        let g = load_generator_file(&good, &ParamValues::new()).unwrap();
        assert_eq!(g.inputs.len(), 1);
        assert_eq!(g.outputs.len(), 1);
        assert_eq!(g.params.get("fqdn"), Some(&json!("example.org")));
        assert_eq!(g.base_dir, dir);
        let bad = dir.join("bad.yml");
        std::fs::write(
            &bad,
            "input:\n  - cronn:\n      count: 5\nevent: {template: {}}\noutput:\n  - stdout: {}\n",
        )
        .unwrap();
        let err = load_generator_file(&bad, &ParamValues::new()).unwrap_err();
        assert!(
            err.0.starts_with(&format!("{}:2:5:", bad.display())),
            "{err}"
        );
        assert!(err.0.contains("cronn"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
