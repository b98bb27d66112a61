//! `items` samples: a YAML list in `generator.yml`.

use crate::{DataError, Table};
use serde_json::Value;

/// Loads an `items` sample (Eventum `type: items`, `source: [...]`).
///
/// Scalar items become one-column rows `(item,)`. If the first item is a
/// list, every item is a row as is, and all rows must have the same length.
/// An empty list is an error (Eventum's config requires at least one item).
/// Columns are `_0`, `_1`, … (no header).
///
/// Deviations: Eventum turns a mapping first item into the list of its keys,
/// and a string item after a list item into its characters; both are errors
/// here.
pub fn load_items(items: &[Value]) -> Result<Table, DataError> {
    let Some(first) = items.first() else {
        return Err(DataError::new("items sample must have at least one item"));
    };
    match first {
        Value::Object(_) => Err(DataError::new(
            "items sample item 0 is a mapping; Eventum would keep only its keys. \
             Use lists for rows with several values, or a json sample",
        )),
        Value::Array(first_row) => {
            let width = first_row.len();
            let mut rows = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let Value::Array(row) = item else {
                    return Err(DataError::new(format!(
                        "items sample item {i} is not a list, but item 0 is"
                    )));
                };
                if row.len() != width {
                    return Err(DataError::new(format!(
                        "items sample rows have inconsistent lengths: item {i} has {} values, \
                         item 0 has {width}",
                        row.len()
                    )));
                }
                rows.push(row.clone());
            }
            Ok(Table::positional(width, rows))
        }
        _ => Ok(Table::positional(
            1,
            items.iter().map(|item| vec![item.clone()]).collect(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn scalars_become_one_column_rows() {
        let t = load_items(&[json!(200), json!("x"), json!(null), json!([1, 2])]).unwrap();
        assert_eq!(t.columns, ["_0"]);
        assert!(!t.has_header);
        assert_eq!(
            t.rows,
            [
                vec![json!(200)],
                vec![json!("x")],
                vec![Value::Null],
                // Only the first item decides; later lists are single values.
                vec![json!([1, 2])]
            ]
        );
    }

    #[test]
    fn lists_are_rows() {
        let t = load_items(&[json!(["web", 80]), json!(["db", 5432])]).unwrap();
        assert_eq!(t.columns, ["_0", "_1"]);
        assert_eq!(t.rows[1], [json!("db"), json!(5432)]);
        let e = load_items(&[json!(["a", 1]), json!(["b"])]).unwrap_err();
        assert!(
            e.message.contains("item 1 has 1 values, item 0 has 2"),
            "{e}"
        );
        let e = load_items(&[json!(["a"]), json!("b")]).unwrap_err();
        assert!(e.message.contains("item 1 is not a list"), "{e}");
    }

    #[test]
    fn empty_and_mappings_are_rejected() {
        assert!(load_items(&[]).is_err());
        assert!(load_items(&[json!({"a": 1})]).is_err());
    }
}
