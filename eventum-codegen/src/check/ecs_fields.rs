//! Checks of the fields an `ecs!` literal writes: the path must exist in
//! the declared ECS version or the generator's field files, literal values
//! must have the field's JSON type, and categorization literals must be
//! among ECS's allowed values.

use crate::ctxt::Ctxt;
use crate::ecs::{JsonKind, Resolved, Schema};
use crate::expand::serialize::{LitKind, literal_json};
use proc_macro2::Span;
use syn::Expr;

/// What the expansion must check at run time for a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldCheck {
    /// Nothing (open objects, or an error was already reported).
    None,
    /// The value must have this JSON kind.
    Kind(JsonKind),
}

fn where_defined(schema: &Schema, files: &[String]) -> String {
    if files.is_empty() {
        format!("ECS {}", schema.version)
    } else {
        let files: Vec<String> = files.iter().map(|f| format!("`{f}`")).collect();
        format!("ECS {} or {}", schema.version, files.join(", "))
    }
}

/// Resolves the path of a written value; unknown paths and values written
/// at object paths are reported on the key.
pub(crate) fn resolve(
    cx: &Ctxt,
    schema: &Schema,
    files: &[String],
    path: &str,
    key_span: Span,
) -> FieldCheck {
    match schema.resolve(path) {
        Resolved::Field(def) => FieldCheck::Kind(JsonKind::of(&def.ty)),
        Resolved::Open(_) => FieldCheck::None,
        Resolved::Object => {
            let example = schema
                .fields
                .keys()
                .filter(|k| k.starts_with(&format!("{path}.")))
                .min()
                .cloned()
                .unwrap_or_default();
            cx.error_at(
                key_span,
                format!(
                    "`{path}` is an object in {}: write its fields instead, e.g. `{example}`",
                    where_defined(schema, files)
                ),
            );
            FieldCheck::None
        }
        Resolved::Unknown => {
            let hints = schema.suggestions(path);
            let hint = match hints.as_slice() {
                [] => String::new(),
                [one] => format!("; did you mean `{one}`?"),
                many => format!(
                    "; did you mean one of {}?",
                    many.iter()
                        .map(|h| format!("`{h}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            cx.error_at(
                key_span,
                format!(
                    "unknown field `{path}`: it is not defined in {}{hint}",
                    where_defined(schema, files)
                ),
            );
            FieldCheck::None
        }
    }
}

/// Checks a literal value against its field: JSON type and allowed values.
pub(crate) fn check_literal(
    cx: &Ctxt,
    schema: &Schema,
    path: &str,
    check: FieldCheck,
    expr: &Expr,
) {
    let Some((_, lit)) = literal_json(expr) else {
        return;
    };
    if let FieldCheck::Kind(kind) = check {
        let ok = matches!(
            (&lit, kind),
            (
                LitKind::Str(_),
                JsonKind::String | JsonKind::Date | JsonKind::Ip
            ) | (LitKind::Int, JsonKind::Integer | JsonKind::Number)
                | (LitKind::Float, JsonKind::Number)
                | (LitKind::Bool, JsonKind::Bool)
                | (_, JsonKind::Any)
        );
        if !ok {
            let found = match lit {
                LitKind::Str(_) => "a string",
                LitKind::Int => "an integer",
                LitKind::Float => "a float",
                LitKind::Bool => "a boolean",
            };
            let ty = schema.fields.get(path).map_or("", |d| d.ty.as_str());
            cx.error_spanned_by(
                expr,
                format!(
                    "`{path}` is a `{ty}` field: expected {}, found {found}",
                    kind.describe()
                ),
            );
            return;
        }
        if kind == JsonKind::Ip
            && let LitKind::Str(s) = &lit
            && s.parse::<std::net::IpAddr>().is_err()
        {
            cx.error_spanned_by(
                expr,
                format!("`{path}` is an `ip` field: `{s}` is not an IP address"),
            );
        }
    }
    if let LitKind::Str(s) = &lit {
        check_allowed(cx, schema, path, s, expr);
    }
}

/// Categorization fields take only ECS's allowed values.
pub(crate) fn check_allowed<T: quote::ToTokens>(
    cx: &Ctxt,
    schema: &Schema,
    path: &str,
    value: &str,
    span_of: T,
) {
    if let Some(allowed) = schema.allowed(path)
        && !allowed.iter().any(|a| a.value == value)
    {
        let names: Vec<&str> = allowed.iter().map(|a| a.value.as_str()).collect();
        cx.error_spanned_by(
            span_of,
            format!(
                "`{value}` is not an allowed value of `{path}` in ECS {}{}",
                schema.version,
                crate::suggest::did_you_mean_among(value, &names, "allowed")
            ),
        );
    }
}

/// `event.type` values ECS expects with the event's `event.category`
/// values: a type is accepted when at least one of the categories expects
/// it. Returns the problems (span of the type, message) for the caller to
/// report, so that several aliases sharing one literal report it once.
pub(crate) fn category_type_problems(
    schema: &Schema,
    categories: &[(String, Span)],
    types: &[(String, Span)],
) -> Vec<(Span, String)> {
    let Some(allowed) = schema.allowed("event.category") else {
        return Vec::new();
    };
    let known: Vec<&crate::ecs::Allowed> = categories
        .iter()
        .filter_map(|(cat, _)| allowed.iter().find(|a| a.value == *cat))
        .collect();
    if known.is_empty() {
        return Vec::new();
    }
    let mut expected: Vec<&str> = Vec::new();
    for a in &known {
        for t in &a.expected_types {
            if !expected.contains(&t.as_str()) {
                expected.push(t);
            }
        }
    }
    let cats = known
        .iter()
        .map(|a| format!("`{}`", a.value))
        .collect::<Vec<_>>()
        .join(" or ");
    types
        .iter()
        .filter(|(ty, _)| {
            !expected.contains(&ty.as_str())
                && schema
                    .allowed("event.type")
                    .is_some_and(|t| t.iter().any(|x| x.value == *ty))
        })
        .map(|(ty, span)| {
            (
                *span,
                format!(
                    "ECS {} does not expect event.type `{ty}` with event.category {cats} (expected: {})",
                    schema.version,
                    expected.join(", ")
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(values: &[&str]) -> Vec<(String, Span)> {
        values
            .iter()
            .map(|v| ((*v).to_owned(), Span::call_site()))
            .collect()
    }

    #[test]
    fn a_type_needs_one_category_that_expects_it() {
        let ecs = crate::ecs::ecs("8.11.0").unwrap();
        // `connection` is expected with network, not with session.
        let ok = category_type_problems(
            ecs,
            &at(&["network", "session"]),
            &at(&["connection", "start"]),
        );
        assert!(
            ok.is_empty(),
            "{:?}",
            ok.iter().map(|p| &p.1).collect::<Vec<_>>()
        );
        let bad = category_type_problems(ecs, &at(&["authentication"]), &at(&["creation"]));
        assert_eq!(bad.len(), 1);
        assert!(
            bad[0].1.contains("`creation`") && bad[0].1.contains("start, end, info"),
            "{}",
            bad[0].1
        );
        // Unknown values are reported by the allowed-value check, not here.
        assert!(category_type_problems(ecs, &at(&["nope"]), &at(&["creation"])).is_empty());
        assert!(category_type_problems(ecs, &at(&["process"]), &at(&["nope"])).is_empty());
    }
}
