//! Reads an integration's `fields/*.yml` (Elastic package field definitions):
//! a YAML list of `{name, type, fields, external}` entries where `group`
//! entries nest and `external: ecs` refers to the ECS definition.

use super::{FieldDef, Schema};
use serde::Deserialize;

#[derive(Deserialize)]
struct Entry {
    name: String,
    #[serde(rename = "type", default)]
    ty: Option<String>,
    #[serde(default)]
    external: Option<String>,
    #[serde(default)]
    fields: Vec<Entry>,
}

/// Parses a fields file; `ecs` resolves `external: ecs` entries. Returns
/// the flat definitions, or an error message with the YAML location.
pub(crate) fn load_fields_file(
    text: &str,
    origin: &str,
    ecs: &Schema,
) -> Result<Vec<(String, FieldDef)>, String> {
    // The snippet the error can render points into `<input>`; the message
    // alone, with its line and column, reads better inside a compile error.
    let entries: Vec<Entry> =
        serde_saphyr::from_str(text).map_err(|e| e.without_snippet().to_string())?;
    let mut out = Vec::new();
    flatten("", &entries, origin, ecs, &mut out)?;
    Ok(out)
}

fn flatten(
    prefix: &str,
    entries: &[Entry],
    origin: &str,
    ecs: &Schema,
    out: &mut Vec<(String, FieldDef)>,
) -> Result<(), String> {
    for e in entries {
        let path = if prefix.is_empty() {
            e.name.clone()
        } else {
            format!("{prefix}.{}", e.name)
        };
        if e.external.as_deref() == Some("ecs") {
            match ecs.fields.get(&path) {
                Some(def) => out.push((path, def.clone())),
                None => {
                    return Err(format!(
                        "`{path}` is declared `external: ecs` but ECS {} has no such field",
                        ecs.version
                    ));
                }
            }
            continue;
        }
        let ty = e.ty.clone().unwrap_or_else(|| "keyword".to_owned());
        if ty == "group" {
            flatten(&path, &e.fields, origin, ecs, out)?;
            continue;
        }
        out.push((
            path,
            FieldDef {
                ty,
                array: false,
                origin: origin.to_owned(),
            },
        ));
        if !e.fields.is_empty() {
            let p = out.last().map(|(p, _)| p.clone()).unwrap_or_default();
            flatten(&p, &e.fields, origin, ecs, out)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_externals() {
        let ecs = super::super::ecs("8.11.0").unwrap();
        let text = "- name: auditd\n  type: group\n  fields:\n    - name: data\n      type: flattened\n    - name: session\n- name: process.pid\n  external: ecs\n";
        let defs = load_fields_file(text, "f.yml", ecs).unwrap();
        let names: Vec<&str> = defs.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(names, ["auditd.data", "auditd.session", "process.pid"]);
        assert_eq!(defs[1].1.ty, "keyword");
        assert_eq!(defs[2].1.ty, "long");
        assert!(load_fields_file("- name: nope.nope\n  external: ecs\n", "f.yml", ecs).is_err());
        assert!(load_fields_file("not: [a list", "f.yml", ecs).is_err());
    }
}
