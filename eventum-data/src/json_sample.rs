//! JSON samples, as tablib loads them for Eventum (`Dataset.dict = json.load(f)`).
//!
//! The file is read with a streaming visitor rather than into a
//! `serde_json::Value`, because `Value`'s maps sort their keys (unless the
//! workspace-wide `preserve_order` feature is on) and the column order is
//! the first object's key order.

use crate::{DataError, Table};
use serde_core::de::{self, DeserializeSeed, Deserializer as _, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::fmt;

/// Loads a JSON sample (Eventum `type: json`).
///
/// The content must be an array of objects (the columns are the first
/// object's keys, in file order) or an array of arrays (no header; columns
/// `_0`, `_1`, …). Values keep their JSON types. An empty array is an empty
/// sample. Anything else (a scalar, an object, an array of scalars, a mix of
/// objects and arrays) is an error, as is a row of a different width.
///
/// Eventum takes an object's values by position, so an object whose keys
/// differ from the first object's (in name or order) is silently misaligned
/// there; here it is an error naming the object and the key. A key repeated
/// inside one object keeps its first position and its last value, as
/// Python's `json` does.
pub fn load_json(text: &str) -> Result<Table, DataError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let table = (&mut de)
        .deserialize_any(TableVisitor)
        .map_err(json_error)?;
    de.end().map_err(json_error)?;
    Ok(table)
}

fn json_error(e: serde_json::Error) -> DataError {
    let mut message = e.to_string();
    if e.line() == 0 {
        return DataError::new(message);
    }
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    if message.ends_with(&suffix) {
        message.truncate(message.len() - suffix.len());
    }
    DataError::at(message, e.line(), Some(e.column()))
}

/// What the first item made the sample.
enum Shape {
    Unknown,
    /// Objects; the header is the first object's keys.
    Objects(Vec<String>),
    /// Arrays of this width.
    Arrays(usize),
}

struct TableVisitor;

impl<'de> Visitor<'de> for TableVisitor {
    type Value = Table;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON array of objects or of arrays")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Table, A::Error> {
        let mut shape = Shape::Unknown;
        let mut rows = Vec::new();
        let mut index = 0;
        while let Some(row) = seq.next_element_seed(RowSeed {
            shape: &mut shape,
            index,
        })? {
            rows.push(row);
            index += 1;
        }
        Ok(match shape {
            Shape::Unknown => Table::default(),
            Shape::Arrays(width) => Table::positional(width, rows),
            // `{}` first: tablib sets no header (an empty list is falsy).
            Shape::Objects(columns) if columns.is_empty() => Table::positional(0, rows),
            Shape::Objects(columns) => Table {
                columns,
                rows,
                has_header: true,
            },
        })
    }
}

/// Reads one item of the top-level array as a row.
struct RowSeed<'a> {
    shape: &'a mut Shape,
    index: usize,
}

impl<'de> DeserializeSeed<'de> for RowSeed<'_> {
    type Value = Vec<Value>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Vec<Value>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RowSeed<'_> {
    type Value = Vec<Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object or an array as sample item {}", self.index)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Value>, A::Error> {
        let index = self.index;
        if let Shape::Objects(_) = self.shape {
            return Err(de::Error::custom(format!(
                "JSON sample item {index} is an array, but item 0 is an object"
            )));
        }
        let mut row = Vec::new();
        while let Some(v) = seq.next_element::<Value>()? {
            row.push(v);
        }
        match *self.shape {
            Shape::Unknown => *self.shape = Shape::Arrays(row.len()),
            Shape::Arrays(width) if width != row.len() => {
                return Err(de::Error::custom(format!(
                    "JSON sample rows have inconsistent lengths: item {index} has {} values, \
                     item 0 has {width}",
                    row.len()
                )));
            }
            _ => {}
        }
        Ok(row)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<Value>, A::Error> {
        let index = self.index;
        if let Shape::Arrays(_) = self.shape {
            return Err(de::Error::custom(format!(
                "JSON sample item {index} is an object, but item 0 is an array"
            )));
        }
        let mut keys: Vec<String> = Vec::new();
        let mut row: Vec<Value> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value::<Value>()?;
            if let Some(i) = keys.iter().position(|k| *k == key) {
                row[i] = value;
            } else {
                keys.push(key);
                row.push(value);
            }
        }
        match self.shape {
            Shape::Unknown => *self.shape = Shape::Objects(keys),
            Shape::Objects(header) => {
                check_keys(header, &keys, index).map_err(de::Error::custom)?;
            }
            Shape::Arrays(_) => unreachable!("checked above"),
        }
        Ok(row)
    }
}

/// Object `index` must have the first object's keys, in the same order.
fn check_keys(header: &[String], keys: &[String], index: usize) -> Result<(), String> {
    if let Some((i, (want, got))) = header
        .iter()
        .zip(keys)
        .enumerate()
        .find(|(_, (want, got))| want != got)
    {
        return Err(format!(
            "JSON sample objects have inconsistent keys: object {index} has key `{got}` \
             at position {i} where object 0 has `{want}` (Eventum would take the values \
             by position and misalign them)"
        ));
    }
    if keys.len() > header.len() {
        return Err(format!(
            "JSON sample objects have inconsistent keys: object {index} has the extra key `{}` \
             (object 0 has {} keys)",
            keys[header.len()],
            header.len()
        ));
    }
    if keys.len() < header.len() {
        return Err(format!(
            "JSON sample objects have inconsistent keys: object {index} lacks the key `{}` \
             (object 0 has {} keys)",
            header[keys.len()],
            header.len()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn objects_keep_the_first_objects_key_order() {
        let t = load_json(
            r#"[{"z": 1, "a": "x", "m": [1, 2]}, {"z": 2.5, "a": null, "m": {"k": true}}]"#,
        )
        .unwrap();
        assert_eq!(t.columns, ["z", "a", "m"]);
        assert!(t.has_header);
        // Values keep their JSON types.
        assert_eq!(t.rows[0], [json!(1), json!("x"), json!([1, 2])]);
        assert_eq!(t.rows[1], [json!(2.5), Value::Null, json!({"k": true})]);
    }

    #[test]
    fn repeated_key_keeps_first_position_last_value() {
        let t = load_json(r#"[{"a": 1, "b": 2, "a": 3}, {"a": 4, "b": 5}]"#).unwrap();
        assert_eq!(t.columns, ["a", "b"]);
        assert_eq!(t.rows, [[json!(3), json!(2)], [json!(4), json!(5)]]);
    }

    #[test]
    fn arrays_have_no_header() {
        let t = load_json(r#"[["web", 80], ["db", 5432]]"#).unwrap();
        assert_eq!(t.columns, ["_0", "_1"]);
        assert!(!t.has_header);
        assert_eq!(t.rows[1], [json!("db"), json!(5432)]);
    }

    #[test]
    fn empty_array_is_an_empty_sample() {
        let t = load_json(" [ ] ").unwrap();
        assert!(t.is_empty());
        assert!(t.columns.is_empty());
    }

    #[test]
    fn scalars_objects_and_invalid_json_are_rejected() {
        let e = load_json("[1, 2]").unwrap_err();
        assert!(
            e.message
                .contains("expected an object or an array as sample item 0"),
            "{e}"
        );
        assert_eq!((e.line, e.column), (Some(1), Some(2)));
        let e = load_json(r#"{"a": [1]}"#).unwrap_err();
        assert!(
            e.message
                .contains("expected a JSON array of objects or of arrays"),
            "{e}"
        );
        assert!(load_json("{}").is_err());
        assert!(load_json("\"text\"").is_err());
        assert!(load_json("null").is_err());
        let e = load_json("[{\"a\": 1},\n {\"a\": }]").unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        assert!(load_json("").is_err());
        assert!(load_json("[] []").is_err());
        let e = load_json(r#"[{"a": 1}, [1]]"#).unwrap_err();
        assert!(
            e.message
                .contains("item 1 is an array, but item 0 is an object"),
            "{e}"
        );
        let e = load_json(r#"[[1], {"a": 1}]"#).unwrap_err();
        assert!(
            e.message
                .contains("item 1 is an object, but item 0 is an array"),
            "{e}"
        );
    }

    #[test]
    fn inconsistent_widths_are_rejected() {
        let e = load_json("[[1, 2],\n [3]]").unwrap_err();
        assert!(
            e.message.contains("item 1 has 1 values, item 0 has 2"),
            "{e}"
        );
        assert_eq!(e.line, Some(2));
        let e = load_json(r#"[{"a": 1, "b": 2}, {"a": 1}]"#).unwrap_err();
        assert!(e.message.contains("object 1 lacks the key `b`"), "{e}");
        let e = load_json(r#"[{"a": 1}, {"a": 1}, {"a": 1, "c": 2}]"#).unwrap_err();
        assert!(e.message.contains("object 2 has the extra key `c`"), "{e}");
    }

    #[test]
    fn mismatched_key_names_are_rejected() {
        // Eventum would silently put b's value under a and a's under b.
        let e = load_json(r#"[{"a": 1, "b": 2}, {"b": 2, "a": 1}]"#).unwrap_err();
        assert!(
            e.message
                .contains("object 1 has key `b` at position 0 where object 0 has `a`"),
            "{e}"
        );
        let e = load_json("[{\"a\": 1, \"b\": 2},\n{\"a\": 1, \"c\": 2}]").unwrap_err();
        assert!(e.message.contains("object 1 has key `c`"), "{e}");
        assert_eq!(e.line, Some(2));
    }
}
