//! The shape of events: their field paths, the JSON types seen at each,
//! and the string values, gathered per event type.

use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// The JSON type of a value (numbers split into integers and floats, as
/// Elasticsearch maps them differently).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum JsonType {
    String,
    Integer,
    Float,
    Bool,
    Null,
    Array,
    Object,
}

impl JsonType {
    /// The type of `value`.
    pub(crate) fn of(value: &Value) -> Self {
        match value {
            Value::String(_) => Self::String,
            Value::Number(n) if n.is_f64() => Self::Float,
            Value::Number(_) => Self::Integer,
            Value::Bool(_) => Self::Bool,
            Value::Null => Self::Null,
            Value::Array(_) => Self::Array,
            Value::Object(_) => Self::Object,
        }
    }

    const fn name(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Integer => "integer",
            Self::Float => "float",
            Self::Bool => "bool",
            Self::Null => "null",
            Self::Array => "array",
            Self::Object => "object",
        }
    }
}

impl fmt::Display for JsonType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The name shown for the root path (the empty string).
pub(crate) const ROOT: &str = "(root)";

/// Calls `visit(path, type, string)` for every value in `value`: the root
/// at path `""`, object members at dotted paths (`a.b`), and array elements
/// at the array's own path (so `{"a": [{"b": 1}]}` gives `a` as an array
/// and an object, and `a.b` as an integer).
pub(crate) fn flatten(value: &Value, visit: &mut impl FnMut(&str, JsonType, Option<&str>)) {
    let mut path = String::new();
    walk(value, &mut path, visit);
}

fn walk(value: &Value, path: &mut String, visit: &mut impl FnMut(&str, JsonType, Option<&str>)) {
    visit(path, JsonType::of(value), value.as_str());
    match value {
        Value::Object(members) => {
            let len = path.len();
            for (key, member) in members {
                if len > 0 {
                    path.push('.');
                }
                path.push_str(key);
                walk(member, path, visit);
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for item in items {
                walk(item, path, visit);
            }
        }
        _ => {}
    }
}

/// What the events of one event type on one side looked like.
#[derive(Debug, Default, Clone)]
pub(crate) struct Profile {
    /// Number of events.
    pub(crate) events: u64,
    /// Per field path.
    pub(crate) paths: BTreeMap<String, PathStats>,
}

/// What one field path held.
#[derive(Debug, Default, Clone)]
pub(crate) struct PathStats {
    /// Per JSON type: the number of events in which the path held it.
    pub(crate) types: BTreeMap<JsonType, u64>,
    /// Each string value with the number of times it occurred (elements
    /// of arrays count one by one).
    pub(crate) strings: HashMap<String, u64>,
    /// The sum of `strings`.
    pub(crate) string_total: u64,
    /// Per JSON type, the number (from 1) of the last event that counted
    /// it, so an event counts each type once.
    last_event: [u64; 7],
}

impl Profile {
    /// Adds one event.
    pub(crate) fn add(&mut self, event: &Value) {
        self.events += 1;
        let number = self.events;
        flatten(event, &mut |path, ty, string| {
            let stats = match self.paths.get_mut(path) {
                Some(stats) => stats,
                None => self.paths.entry(path.to_owned()).or_default(),
            };
            let last = &mut stats.last_event[ty as usize];
            if *last != number {
                *last = number;
                *stats.types.entry(ty).or_default() += 1;
            }
            if let Some(s) = string {
                match stats.strings.get_mut(s) {
                    Some(c) => *c += 1,
                    None => {
                        stats.strings.insert(s.to_owned(), 1);
                    }
                }
                stats.string_total += 1;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn flat(value: &Value) -> Vec<(String, JsonType, Option<String>)> {
        let mut out = Vec::new();
        flatten(value, &mut |p, t, s| {
            out.push((p.to_owned(), t, s.map(str::to_owned)));
        });
        out
    }

    #[test]
    fn flatten_gives_dotted_paths_and_types() {
        let event = json!({
            "a": {"b": 1, "c": 1.5, "d": "x"},
            "e": true,
            "f": null,
            "g": {}
        });
        let got: Vec<(String, JsonType)> =
            flat(&event).into_iter().map(|(p, t, _)| (p, t)).collect();
        let want = [
            ("", JsonType::Object),
            ("a", JsonType::Object),
            ("a.b", JsonType::Integer),
            ("a.c", JsonType::Float),
            ("a.d", JsonType::String),
            ("e", JsonType::Bool),
            ("f", JsonType::Null),
            ("g", JsonType::Object),
        ];
        assert_eq!(got, want.map(|(p, t)| (p.to_owned(), t)).to_vec());
    }

    #[test]
    fn array_elements_share_the_array_path() {
        let event = json!({"tags": ["x", "y"], "l": [{"k": 1}, {"k": "v"}, [2]], "empty": []});
        let got = flat(&event);
        let at = |path: &str| -> Vec<JsonType> {
            got.iter()
                .filter(|(p, _, _)| p == path)
                .map(|(_, t, _)| *t)
                .collect()
        };
        assert_eq!(
            at("tags"),
            [JsonType::Array, JsonType::String, JsonType::String]
        );
        assert_eq!(
            at("l"),
            [
                JsonType::Array,
                JsonType::Object,
                JsonType::Object,
                JsonType::Array,
                JsonType::Integer
            ]
        );
        assert_eq!(at("l.k"), [JsonType::Integer, JsonType::String]);
        assert_eq!(at("empty"), [JsonType::Array]);
        let strings: Vec<&str> = got.iter().filter_map(|(_, _, s)| s.as_deref()).collect();
        // Members in key order (serde_json's map is sorted).
        assert_eq!(strings, ["v", "x", "y"]);
    }

    #[test]
    fn integers_and_floats_differ_by_spelling() {
        let event: Value =
            serde_json::from_str(r#"{"a": 1, "b": 1.0, "c": 1e3, "d": -3}"#).unwrap();
        let got: Vec<JsonType> = flat(&event)
            .into_iter()
            .skip(1)
            .map(|(_, t, _)| t)
            .collect();
        assert_eq!(
            got,
            [
                JsonType::Integer,
                JsonType::Float,
                JsonType::Float,
                JsonType::Integer
            ]
        );
    }

    #[test]
    fn profiles_count_events_per_path_and_type_and_string_occurrences() {
        let mut p = Profile::default();
        p.add(&json!({"a": ["x", "x", 1], "b": "y"}));
        p.add(&json!({"a": "x"}));
        assert_eq!(p.events, 2);
        let a = &p.paths["a"];
        assert_eq!(a.types[&JsonType::Array], 1);
        assert_eq!(a.types[&JsonType::String], 2);
        assert_eq!(a.types[&JsonType::Integer], 1);
        assert_eq!(a.strings["x"], 3);
        assert_eq!(a.string_total, 3);
        assert_eq!(p.paths["b"].types[&JsonType::String], 1);
        assert_eq!(p.paths[""].types[&JsonType::Object], 2);
    }
}
