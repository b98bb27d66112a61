//! The weight column of `Sample.weighted_pick`.

use crate::{DataError, Table};
use serde_json::Value;

/// The weights of `column`, one per row, checked as Eventum's
/// `weighted_pick` checks them.
///
/// - the sample must have a header naming `column` ("Weight column not
///   found in sample"; samples without a header never have one, even though
///   their columns are called `_0`, `_1`, …);
/// - each value converts with Python's `float()` (numbers, booleans and
///   numeric strings such as `" 2.5 "` or `"1_000"`); otherwise "Weight
///   column contains non-numeric value";
/// - no value is negative ("Weight column contains negative value");
/// - the total is finite (Python's `random.choices` rejects `inf` and `nan`)
///   and, for a non-empty sample, not zero ("All weights are zero").
///
/// Errors name the row (0-based, as Eventum's error context does).
pub fn weights(table: &Table, column: &str) -> Result<Vec<f64>, DataError> {
    let index = table
        .column_index(column)
        .filter(|_| table.has_header)
        .ok_or_else(|| {
            let available = if table.has_header {
                table.columns.join(", ")
            } else {
                "none, the sample has no header".to_owned()
            };
            DataError::new(format!(
                "Weight column not found in sample: `{column}` (available: {available})"
            ))
        })?;
    let mut weights = Vec::with_capacity(table.rows.len());
    let mut total = 0.0;
    for (row, cells) in table.rows.iter().enumerate() {
        let value = cells.get(index).unwrap_or(&Value::Null);
        let Some(w) = python_float(value) else {
            return Err(DataError::new(format!(
                "Weight column `{column}` contains non-numeric value {} (row {row})",
                python_repr(value)
            )));
        };
        if w < 0.0 {
            return Err(DataError::new(format!(
                "Weight column `{column}` contains negative value {} (row {row})",
                python_repr(value)
            )));
        }
        if !w.is_finite() {
            return Err(DataError::new(format!(
                "Weight column `{column}` contains non-finite value {} (row {row})",
                python_repr(value)
            )));
        }
        total += w;
        weights.push(w);
    }
    if !total.is_finite() {
        return Err(DataError::new(format!(
            "Total of weights in column `{column}` must be finite"
        )));
    }
    if !weights.is_empty() && total == 0.0 {
        return Err(DataError::new(format!(
            "All weights are zero (column `{column}`)"
        )));
    }
    Ok(weights)
}

/// Python's `float(value)` for a sample cell: numbers, booleans (`True` is
/// 1.0) and strings in Python's float syntax; `None` for anything else
/// (`None`, lists, objects, malformed strings), where Python raises.
pub fn python_float(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::String(s) => parse_python_float(s),
        _ => None,
    }
}

/// Python's `float(text)`: surrounding whitespace is ignored, underscores
/// may separate digits, and `inf`, `infinity` and `nan` (any case,
/// optionally signed) are accepted. `None` where Python raises `ValueError`.
pub fn parse_python_float(s: &str) -> Option<f64> {
    let s = s.trim();
    if !s.contains('_') {
        return s.parse().ok();
    }
    let bytes = s.as_bytes();
    let mut cleaned = String::with_capacity(s.len());
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
            let digit_after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(digit_before && digit_after) {
                return None;
            }
        } else {
            cleaned.push(char::from(b));
        }
    }
    // Only ASCII survives here: a non-ASCII byte would not parse anyway.
    if !s.is_ascii() {
        return None;
    }
    cleaned.parse().ok()
}

/// A short Python-like repr for messages.
fn python_repr(value: &Value) -> String {
    match value {
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::String(s) => format!("'{s}'"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{load_csv, load_json};
    use serde_json::json;

    #[test]
    fn strings_are_parsed_like_python_float() {
        let t = load_csv(
            "name,w\na,1\nb, 2.5 \nc,1_000\nd,1e1\ne,.5\n",
            true,
            ",",
            '"',
        )
        .unwrap();
        assert_eq!(weights(&t, "w").unwrap(), [1.0, 2.5, 1000.0, 10.0, 0.5]);
        for ok in ["+3", "3.", "-0", "1E2", " 7\t"] {
            assert!(parse_python_float(ok).is_some(), "{ok}");
        }
        for bad in ["", "abc", "1_", "_1", "1__0", "1._5", "0x10", "1,5"] {
            assert_eq!(parse_python_float(bad), None, "{bad}");
        }
        assert!(parse_python_float("NaN").unwrap().is_nan());
        assert_eq!(parse_python_float("-Infinity"), Some(f64::NEG_INFINITY));
    }

    #[test]
    fn json_numbers_and_booleans() {
        let t = load_json(r#"[{"w": 2}, {"w": 0.5}, {"w": true}, {"w": "3"}]"#).unwrap();
        assert_eq!(weights(&t, "w").unwrap(), [2.0, 0.5, 1.0, 3.0]);
    }

    #[test]
    fn bad_weights_name_the_row() {
        let t = load_csv("n,w\na,1\nb,-2\n", true, ",", '"').unwrap();
        let e = weights(&t, "w").unwrap_err();
        assert_eq!(
            e.message,
            "Weight column `w` contains negative value '-2' (row 1)"
        );
        let t = load_csv("n,w\na,1\nb,lots\n", true, ",", '"').unwrap();
        let e = weights(&t, "w").unwrap_err();
        assert_eq!(
            e.message,
            "Weight column `w` contains non-numeric value 'lots' (row 1)"
        );
        // A padded (empty) cell is not a number either.
        let t = load_csv("n,w\na\n", true, ",", '"').unwrap();
        assert!(
            weights(&t, "w")
                .unwrap_err()
                .message
                .contains("non-numeric value '' (row 0)")
        );
        let t = load_json(r#"[{"w": null}]"#).unwrap();
        assert!(
            weights(&t, "w")
                .unwrap_err()
                .message
                .contains("None (row 0)")
        );
        let t = load_csv("n,w\na,0\nb,0.0\n", true, ",", '"').unwrap();
        assert_eq!(
            weights(&t, "w").unwrap_err().message,
            "All weights are zero (column `w`)"
        );
        let t = load_csv("n,w\na,nan\n", true, ",", '"').unwrap();
        assert!(weights(&t, "w").unwrap_err().message.contains("non-finite"));
        let t = load_json("[[1e308], [1e308]]").unwrap();
        let t = Table {
            has_header: true,
            ..t
        };
        assert!(
            weights(&t, "_0")
                .unwrap_err()
                .message
                .contains("must be finite")
        );
    }

    #[test]
    fn weight_column_needs_a_header() {
        let t = load_csv("a,1\nb,2\n", false, ",", '"').unwrap();
        let e = weights(&t, "_1").unwrap_err();
        assert!(
            e.message.starts_with("Weight column not found in sample"),
            "{e}"
        );
        let t = load_csv("n,w\na,1\n", true, ",", '"').unwrap();
        let e = weights(&t, "weight").unwrap_err();
        assert_eq!(
            e.message,
            "Weight column not found in sample: `weight` (available: n, w)"
        );
        // An empty sample with the column is fine: picking reports emptiness.
        let t = load_csv("n,w\n", true, ",", '"').unwrap();
        assert_eq!(weights(&t, "w").unwrap(), Vec::<f64>::new());
        let _ = json!(null);
    }
}
