//! Parameter values: defaults written in `#[param(default = ...)]` and
//! overrides given at run time (CLI `--param k=v`, generator.yml params).

use crate::generator::{InitError, ParamValues};
use serde_json::Value;

/// A type a `#[params]` field may have.
pub trait ParamType: Sized {
    /// Converts a run-time value. CLI values arrive as JSON when they parse
    /// as JSON and as strings otherwise, so numbers are accepted from
    /// strings too.
    fn from_param(value: &Value) -> Result<Self, InitError>;

    /// Converts the default written in the attribute.
    fn from_default<D: Into<Self>>(d: D) -> Self {
        d.into()
    }
}

fn type_error(value: &Value, expected: &str) -> InitError {
    InitError(format!("expected {expected}, got {value}"))
}

impl ParamType for String {
    fn from_param(value: &Value) -> Result<Self, InitError> {
        match value {
            Value::String(s) => Ok(s.clone()),
            Value::Number(n) => Ok(n.to_string()),
            Value::Bool(b) => Ok(b.to_string()),
            other => Err(type_error(other, "a string")),
        }
    }
}

macro_rules! int_param {
    ($($t:ty)*) => {$(
        impl ParamType for $t {
            fn from_param(value: &Value) -> Result<Self, InitError> {
                let parsed = match value {
                    Value::Number(n) => n.as_i64().and_then(|i| <$t>::try_from(i).ok())
                        .or_else(|| n.as_u64().and_then(|u| <$t>::try_from(u).ok())),
                    Value::String(s) => s.trim().parse::<$t>().ok(),
                    _ => None,
                };
                parsed.ok_or_else(|| type_error(value, concat!("an integer (", stringify!($t), ")")))
            }
        }
    )*};
}
int_param!(i8 i16 i32 i64 isize u8 u16 u32 u64 usize);

impl ParamType for f64 {
    fn from_param(value: &Value) -> Result<Self, InitError> {
        let parsed = match value {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        };
        parsed
            .filter(|f| f.is_finite())
            .ok_or_else(|| type_error(value, "a number"))
    }
}

impl ParamType for f32 {
    fn from_param(value: &Value) -> Result<Self, InitError> {
        f64::from_param(value).map(|f| f as f32)
    }
}

impl ParamType for bool {
    fn from_param(value: &Value) -> Result<Self, InitError> {
        match value {
            Value::Bool(b) => Ok(*b),
            Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" | "on" => Ok(true),
                "false" | "0" | "no" | "off" => Ok(false),
                _ => Err(type_error(value, "a bool")),
            },
            other => Err(type_error(other, "a bool")),
        }
    }
}

impl<T: ParamType> ParamType for Option<T> {
    fn from_param(value: &Value) -> Result<Self, InitError> {
        match value {
            Value::Null => Ok(None),
            other => T::from_param(other).map(Some),
        }
    }
}

impl<T: ParamType> ParamType for Vec<T> {
    fn from_param(value: &Value) -> Result<Self, InitError> {
        match value {
            Value::Array(items) => items.iter().map(T::from_param).collect(),
            Value::String(s) => {
                // `--param hosts=a,b,c` or a JSON list in a string.
                if let Ok(Value::Array(items)) = serde_json::from_str::<Value>(s) {
                    return items.iter().map(T::from_param).collect();
                }
                s.split(',')
                    .map(|p| T::from_param(&Value::String(p.trim().to_owned())))
                    .collect()
            }
            other => Err(type_error(other, "a list")),
        }
    }

    fn from_default<D: Into<Self>>(d: D) -> Self {
        d.into()
    }
}

/// Applies overrides: unknown names are errors listing the known ones;
/// `set` converts and stores one value.
pub fn apply_params(
    values: &ParamValues,
    known: &[&str],
    mut set: impl FnMut(&str, &Value) -> Result<(), InitError>,
) -> Result<(), InitError> {
    for (name, value) in values {
        if !known.contains(&name.as_str()) {
            let list = if known.is_empty() {
                "(none)".to_owned()
            } else {
                known.join(", ")
            };
            return Err(InitError(format!(
                "unknown parameter `{name}`; this generator's parameters: {list}"
            )));
        }
        set(name, value).map_err(|e| InitError(format!("{PARAM_ERROR}{name}`: {e}")))?;
    }
    Ok(())
}

/// How [`apply_params`] starts the error of a parameter's bad value.
const PARAM_ERROR: &str = "parameter `";

/// The parameter a generator's start-up error is about, if it is about the
/// value of one (so the CLI can point at where the value was set).
#[must_use]
pub fn param_of_error(message: &str) -> Option<&str> {
    let rest = &message[message.find(PARAM_ERROR)? + PARAM_ERROR.len()..];
    rest.split_once("`: ").map(|(name, _)| name)
}

/// Checks a numeric parameter's value against its `#[param(min, max)]`
/// bounds (inclusive).
pub fn check_bounds<T: PartialOrd + std::fmt::Display>(
    v: &T,
    min: Option<T>,
    max: Option<T>,
) -> Result<(), InitError> {
    let below = min.as_ref().is_some_and(|lo| v < lo);
    let above = max.as_ref().is_some_and(|hi| v > hi);
    if !below && !above {
        return Ok(());
    }
    let allowed = match (&min, &max) {
        (Some(lo), Some(hi)) => format!("between {lo} and {hi}"),
        (Some(lo), None) => format!("at least {lo}"),
        (None, Some(hi)) => format!("at most {hi}"),
        (None, None) => return Ok(()),
    };
    Err(InitError(format!("must be {allowed}, got {v}")))
}

/// Parses a `name=value` override as the CLI gives it: the value is JSON
/// when it parses as JSON, a string otherwise.
pub fn parse_override(arg: &str) -> Result<(String, Value), String> {
    let (name, raw) = arg
        .split_once('=')
        .ok_or_else(|| format!("`{arg}` is not of the form name=value"))?;
    let name = name.trim();
    if name.is_empty() {
        return Err(format!("`{arg}` has an empty parameter name"));
    }
    let value =
        serde_json::from_str::<Value>(raw).unwrap_or_else(|_| Value::String(raw.to_owned()));
    Ok((name.to_owned(), value))
}

/// Converts a count-like parameter to `usize` (negative values give 0).
pub fn as_usize<T: TryInto<usize>>(v: T) -> usize {
    v.try_into().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_parameter_of_an_error_is_found_in_its_message() {
        let mut values = ParamValues::new();
        values.insert("hosts".to_owned(), json!("x"));
        let err =
            apply_params(&values, &["hosts"], |_, v| i64::from_param(v).map(drop)).unwrap_err();
        let message = format!("generator g: {err}");
        assert_eq!(param_of_error(&message), Some("hosts"));
        assert_eq!(
            param_of_error("generator g: unknown parameter `x`; ..."),
            None
        );
    }

    #[test]
    fn bounds_are_inclusive_and_named_in_the_error() {
        assert!(check_bounds(&1_i64, Some(1), Some(99)).is_ok());
        assert!(check_bounds(&99_i64, Some(1), Some(99)).is_ok());
        assert_eq!(
            check_bounds(&0_i64, Some(1), Some(99)).unwrap_err().0,
            "must be between 1 and 99, got 0"
        );
        assert_eq!(
            check_bounds(&100_i64, Some(1), Some(99)).unwrap_err().0,
            "must be between 1 and 99, got 100"
        );
        assert_eq!(
            check_bounds(&-0.5_f64, Some(0.0), None).unwrap_err().0,
            "must be at least 0, got -0.5"
        );
        assert_eq!(
            check_bounds(&100.5_f64, None, Some(100.0)).unwrap_err().0,
            "must be at most 100, got 100.5"
        );
        assert!(check_bounds(&5_u32, None, None).is_ok());
    }

    #[test]
    fn conversions() {
        assert_eq!(String::from_param(&json!("x")).unwrap(), "x");
        assert_eq!(String::from_param(&json!(5)).unwrap(), "5");
        assert_eq!(i64::from_param(&json!(5)).unwrap(), 5);
        assert_eq!(i64::from_param(&json!("7")).unwrap(), 7);
        assert!(u8::from_param(&json!(300)).is_err());
        assert!(i64::from_param(&json!("x")).is_err());
        assert!((f64::from_param(&json!("2.5")).unwrap() - 2.5).abs() < 1e-12);
        assert!(bool::from_param(&json!("yes")).unwrap());
        assert_eq!(Option::<i64>::from_param(&json!(null)).unwrap(), None);
        assert_eq!(
            Vec::<String>::from_param(&json!("a, b")).unwrap(),
            ["a", "b"]
        );
        assert_eq!(Vec::<i64>::from_param(&json!([1, 2])).unwrap(), [1, 2]);
    }

    #[test]
    fn overrides() {
        assert_eq!(parse_override("n=5").unwrap(), ("n".to_owned(), json!(5)));
        assert_eq!(
            parse_override("d=example.com").unwrap(),
            ("d".to_owned(), json!("example.com"))
        );
        assert!(parse_override("nothing").is_err());
        let mut values = ParamValues::new();
        values.insert("nope".to_owned(), json!(1));
        let err = apply_params(&values, &["a", "b"], |_, _| Ok(())).unwrap_err();
        assert!(err.0.contains("unknown parameter `nope`"), "{err}");
        assert!(err.0.contains("a, b"));
    }
}
