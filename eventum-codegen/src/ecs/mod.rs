//! ECS field definitions as the macro checks them: the embedded tables for
//! each supported ECS version (made by `cargo xtask codegen`) plus the
//! generator's own field files (an integration's `fields/*.yml`).

mod fields_file;
pub(crate) mod json_type;

pub(crate) use fields_file::load_fields_file;
pub(crate) use json_type::JsonKind;

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// ECS versions with an embedded table.
pub(crate) const VERSIONS: &[(&str, &str)] = &[
    ("8.11.0", include_str!("data/ecs-8.11.0.tsv")),
    ("9.4.0", include_str!("data/ecs-9.4.0.tsv")),
];

/// One field definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldDef {
    /// The Elasticsearch type (`keyword`, `long`, `date`, `object`, ...).
    pub(crate) ty: String,
    /// ECS expects an array.
    pub(crate) array: bool,
    /// Where the definition comes from (`ECS 8.11.0` or a file path).
    pub(crate) origin: String,
}

/// An allowed value of a categorization field.
#[derive(Debug, Clone)]
pub(crate) struct Allowed {
    pub(crate) value: String,
    /// For `event.category`: the `event.type` values ECS expects with it.
    pub(crate) expected_types: Vec<String>,
}

/// The fields a generator may write.
#[derive(Debug, Clone, Default)]
pub(crate) struct Schema {
    pub(crate) version: String,
    pub(crate) fields: HashMap<String, FieldDef>,
    pub(crate) allowed: BTreeMap<String, Vec<Allowed>>,
}

fn parse_table(version: &str, text: &str) -> Schema {
    let mut schema = Schema {
        version: version.to_owned(),
        ..Schema::default()
    };
    let origin = format!("ECS {version}");
    for line in text.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols[0] == "!allowed" && cols.len() >= 4 {
            schema
                .allowed
                .entry(cols[1].to_owned())
                .or_default()
                .push(Allowed {
                    value: cols[2].to_owned(),
                    expected_types: cols[3]
                        .split(',')
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect(),
                });
        } else if cols.len() >= 2 {
            schema.fields.insert(
                cols[0].to_owned(),
                FieldDef {
                    ty: cols[1].to_owned(),
                    array: cols.get(2).is_some_and(|f| *f == "array"),
                    origin: origin.clone(),
                },
            );
        }
    }
    schema
}

/// The embedded ECS schema of `version`, parsed once per process.
pub(crate) fn ecs(version: &str) -> Option<&'static Schema> {
    static CACHE: OnceLock<Vec<Schema>> = OnceLock::new();
    let all = CACHE.get_or_init(|| VERSIONS.iter().map(|(v, t)| parse_table(v, t)).collect());
    all.iter().find(|s| s.version == version)
}

/// Supported version names, for messages.
pub(crate) fn version_names() -> Vec<&'static str> {
    VERSIONS.iter().map(|(v, _)| *v).collect()
}

/// How a path resolves against a schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Resolved<'a> {
    /// A defined leaf field.
    Field(&'a FieldDef),
    /// Under an `object`, `flattened` or `nested` field: anything goes.
    Open(&'a str),
    /// A prefix of defined fields (an intermediate object).
    Object,
    /// Not defined.
    Unknown,
}

impl Schema {
    /// Adds definitions (the generator's field files override ECS).
    pub(crate) fn extend(&mut self, defs: impl IntoIterator<Item = (String, FieldDef)>) {
        self.fields.extend(defs);
    }

    /// Resolves a dotted path.
    pub(crate) fn resolve(&self, path: &str) -> Resolved<'_> {
        if let Some(def) = self.fields.get(path) {
            return match def.ty.as_str() {
                "object" | "flattened" | "nested" | "group" => Resolved::Open(self.key_of(path)),
                _ => Resolved::Field(def),
            };
        }
        let mut end = path.len();
        while let Some(dot) = path[..end].rfind('.') {
            let prefix = &path[..dot];
            if let Some(def) = self.fields.get(prefix)
                && matches!(def.ty.as_str(), "object" | "flattened" | "nested")
            {
                return Resolved::Open(self.key_of(prefix));
            }
            end = dot;
        }
        let with_dot = format!("{path}.");
        if self.fields.keys().any(|k| k.starts_with(&with_dot)) {
            return Resolved::Object;
        }
        Resolved::Unknown
    }

    fn key_of<'a>(&'a self, path: &str) -> &'a str {
        self.fields
            .get_key_value(path)
            .map_or("", |(k, _)| k.as_str())
    }

    /// Defined paths close to `path`, for "did you mean" hints.
    pub(crate) fn suggestions(&self, path: &str) -> Vec<&str> {
        // Compare against fields sharing the first segment first, then all.
        let head = path.split('.').next().unwrap_or(path);
        let same_head: Vec<&str> = self
            .fields
            .keys()
            .map(String::as_str)
            .filter(|k| k.split('.').next() == Some(head))
            .collect();
        let mut found = crate::suggest::closest(path, same_head.iter().copied(), 3);
        if found.is_empty() {
            found = crate::suggest::closest(path, self.fields.keys().map(String::as_str), 3);
        }
        found
    }

    /// The allowed values of a categorization field, if it has any.
    pub(crate) fn allowed(&self, field: &str) -> Option<&[Allowed]> {
        self.allowed.get(field).map(Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_resolve_paths() {
        let s = ecs("8.11.0").unwrap();
        assert!(matches!(s.resolve("process.pid"), Resolved::Field(d) if d.ty == "long"));
        assert!(matches!(s.resolve("event.category"), Resolved::Field(d) if d.array));
        assert_eq!(s.resolve("process"), Resolved::Object);
        assert_eq!(s.resolve("process.pdi"), Resolved::Unknown);
        assert!(matches!(s.resolve("labels.anything"), Resolved::Open(_)));
        assert_eq!(s.suggestions("process.pdi"), vec!["process.pid"]);
        assert!(
            s.allowed("event.kind")
                .unwrap()
                .iter()
                .any(|a| a.value == "event")
        );
        assert!(ecs("9.4.0").is_some());
        assert!(ecs("1.0.0").is_none());
    }
}
