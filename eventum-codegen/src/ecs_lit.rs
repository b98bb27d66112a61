//! The `ecs! { ... }` event literal: its grammar and its normalized tree.
//!
//! ```text
//! ecs! {
//!     "@timestamp": cx.timestamp,
//!     "event": { "outcome": outcome, "sequence": seq },
//!     "user.name": user.name,          // dotted keys nest
//!     "source.ip"?: maybe_ip,          // omitted when None
//!     "process.args": [exe, arg],      // arrays
//!     ..host_fields(host),             // a helper's object fragment
//! }
//! ```

use crate::ctxt::Ctxt;
use proc_macro2::{Span, TokenStream};
use syn::parse::{Parse, ParseStream};
use syn::{Expr, LitStr, Token, braced, bracketed};

/// A value as written.
#[derive(Debug, Clone)]
pub(crate) enum Value {
    Object(Object),
    Array(Vec<Value>),
    Expr(Expr),
}

/// An object as written.
#[derive(Debug, Clone)]
pub(crate) struct Object {
    pub(crate) entries: Vec<Entry>,
    pub(crate) span: Span,
}

/// An entry as written.
#[derive(Debug, Clone)]
pub(crate) enum Entry {
    Field {
        key: LitStr,
        optional: bool,
        value: Value,
    },
    Spread(Expr),
}

impl Parse for Value {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(syn::token::Brace) {
            let content;
            let brace = braced!(content in input);
            let mut obj: Object = content.parse()?;
            obj.span = brace.span.join();
            Ok(Self::Object(obj))
        } else if input.peek(syn::token::Bracket) {
            let content;
            bracketed!(content in input);
            let items = content.parse_terminated(Value::parse, Token![,])?;
            Ok(Self::Array(items.into_iter().collect()))
        } else {
            Ok(Self::Expr(input.parse()?))
        }
    }
}

impl Parse for Object {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut entries = Vec::new();
        while !input.is_empty() {
            if input.peek(Token![..]) {
                input.parse::<Token![..]>()?;
                entries.push(Entry::Spread(input.parse()?));
            } else {
                let key: LitStr = input.parse().map_err(|e| {
                    syn::Error::new(
                        e.span(),
                        "expected a field name in quotes, e.g. \"user.name\": value",
                    )
                })?;
                let optional = input.parse::<Option<Token![?]>>()?.is_some();
                input.parse::<Token![:]>()?;
                let value: Value = input.parse()?;
                entries.push(Entry::Field {
                    key,
                    optional,
                    value,
                });
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(Self {
            entries,
            span: input.span(),
        })
    }
}

/// Parses the tokens inside `ecs! { ... }`.
pub(crate) fn parse_ecs(tokens: TokenStream, span: Span) -> syn::Result<Object> {
    let mut obj: Object = syn::parse2(tokens)?;
    obj.span = span;
    Ok(obj)
}

/// A normalized node: dotted keys split and merged, in first-written order.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub(crate) key: String,
    pub(crate) key_span: Span,
    pub(crate) optional: bool,
    pub(crate) kind: NodeKind,
}

/// What a node holds.
#[derive(Debug, Clone)]
pub(crate) enum NodeKind {
    Object(Tree),
    Array(Vec<Item>),
    Leaf(Leaf),
}

/// A value expression with its position in source order (evaluation order).
#[derive(Debug, Clone)]
pub(crate) struct Leaf {
    pub(crate) expr: Expr,
    pub(crate) order: usize,
}

/// An element of an array.
#[derive(Debug, Clone)]
pub(crate) enum Item {
    Object(Tree),
    Array(Vec<Item>),
    Leaf(Leaf),
}

/// The members of a normalized object.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tree {
    pub(crate) members: Vec<Member>,
}

/// A member: a field or a spread fragment.
#[derive(Debug, Clone)]
pub(crate) enum Member {
    Node(Node),
    Spread(Leaf),
}

impl Tree {
    pub(crate) fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.members.iter().filter_map(|m| match m {
            Member::Node(n) => Some(n),
            Member::Spread(_) => None,
        })
    }

    fn find_mut(&mut self, key: &str) -> Option<&mut Node> {
        self.members.iter_mut().find_map(|m| match m {
            Member::Node(n) if n.key == key => Some(n),
            _ => None,
        })
    }

    /// Visits every leaf (and array) with its full dotted path.
    pub(crate) fn walk<'a>(&'a self, prefix: &str, f: &mut dyn FnMut(&str, &'a Node)) {
        for n in self.nodes() {
            let path = if prefix.is_empty() {
                n.key.clone()
            } else {
                format!("{prefix}.{}", n.key)
            };
            f(&path, n);
            match &n.kind {
                NodeKind::Object(t) => t.walk(&path, f),
                NodeKind::Array(items) => walk_items(items, &path, f),
                NodeKind::Leaf(_) => {}
            }
        }
    }
}

fn walk_items<'a>(items: &'a [Item], path: &str, f: &mut dyn FnMut(&str, &'a Node)) {
    for item in items {
        match item {
            Item::Object(t) => t.walk(path, f),
            Item::Array(inner) => walk_items(inner, path, f),
            Item::Leaf(_) => {}
        }
    }
}

/// Normalizes a written object: dotted keys become nested objects merged
/// with the objects written elsewhere under the same name. Value
/// expressions are numbered in source order.
pub(crate) fn normalize(cx: &Ctxt, obj: &Object) -> Tree {
    let mut tree = Tree::default();
    let mut order = 0;
    insert_object(cx, &mut tree, obj, "", &mut order);
    tree
}

fn leaf(e: &Expr, order: &mut usize) -> Leaf {
    *order += 1;
    Leaf {
        expr: e.clone(),
        order: *order - 1,
    }
}

fn insert_object(cx: &Ctxt, tree: &mut Tree, obj: &Object, prefix: &str, order: &mut usize) {
    for entry in &obj.entries {
        match entry {
            Entry::Spread(e) => tree.members.push(Member::Spread(leaf(e, order))),
            Entry::Field {
                key,
                optional,
                value,
            } => {
                let name = key.value();
                if name.is_empty() || name.split('.').any(str::is_empty) {
                    cx.error_spanned_by(
                        key,
                        "a field name needs non-empty segments, e.g. \"user.name\"",
                    );
                    continue;
                }
                let segments: Vec<&str> = name.split('.').collect();
                insert_path(cx, tree, &segments, key, *optional, value, prefix, order);
            }
        }
    }
}

#[allow(clippy::too_many_arguments)] // a recursive walker threading its context
fn insert_path(
    cx: &Ctxt,
    tree: &mut Tree,
    segments: &[&str],
    key: &LitStr,
    optional: bool,
    value: &Value,
    prefix: &str,
    order: &mut usize,
) {
    let head = segments[0];
    let path = if prefix.is_empty() {
        head.to_owned()
    } else {
        format!("{prefix}.{head}")
    };
    if segments.len() > 1 {
        let existing = tree.find_mut(head);
        let sub = match existing {
            Some(Node {
                kind: NodeKind::Object(t),
                ..
            }) => t,
            Some(_) => {
                cx.error_spanned_by(
                    key,
                    format!("`{path}` is written both as a value and as an object"),
                );
                return;
            }
            None => {
                tree.members.push(Member::Node(Node {
                    key: head.to_owned(),
                    key_span: key.span(),
                    optional: false,
                    kind: NodeKind::Object(Tree::default()),
                }));
                match tree.members.last_mut() {
                    Some(Member::Node(Node {
                        kind: NodeKind::Object(t),
                        ..
                    })) => t,
                    _ => return,
                }
            }
        };
        insert_path(cx, sub, &segments[1..], key, optional, value, &path, order);
        return;
    }
    match value {
        Value::Object(obj) => {
            if optional {
                cx.error_spanned_by(key, "`?` applies to single values, not to objects");
            }
            match tree.find_mut(head) {
                Some(Node {
                    kind: NodeKind::Object(t),
                    ..
                }) => insert_object(cx, t, obj, &path, order),
                Some(_) => cx.error_spanned_by(key, format!("`{path}` is written twice")),
                None => {
                    let mut t = Tree::default();
                    insert_object(cx, &mut t, obj, &path, order);
                    tree.members.push(Member::Node(Node {
                        key: head.to_owned(),
                        key_span: key.span(),
                        optional: false,
                        kind: NodeKind::Object(t),
                    }));
                }
            }
        }
        other => {
            if tree.find_mut(head).is_some() {
                cx.error_spanned_by(key, format!("`{path}` is written twice"));
                return;
            }
            let kind = match other {
                Value::Array(items) => {
                    NodeKind::Array(items.iter().map(|v| to_item(cx, v, order)).collect())
                }
                Value::Expr(e) => NodeKind::Leaf(leaf(e, order)),
                Value::Object(_) => unreachable!("handled above"),
            };
            tree.members.push(Member::Node(Node {
                key: head.to_owned(),
                key_span: key.span(),
                optional,
                kind,
            }));
        }
    }
}

fn to_item(cx: &Ctxt, v: &Value, order: &mut usize) -> Item {
    match v {
        Value::Object(o) => {
            let mut t = Tree::default();
            insert_object(cx, &mut t, o, "", order);
            Item::Object(t)
        }
        Value::Array(items) => Item::Array(items.iter().map(|i| to_item(cx, i, order)).collect()),
        Value::Expr(e) => Item::Leaf(leaf(e, order)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn keys(t: &Tree) -> Vec<String> {
        let mut out = Vec::new();
        t.walk("", &mut |p, _| out.push(p.to_owned()));
        out
    }

    #[test]
    fn dotted_keys_merge_in_written_order() {
        let obj = parse_ecs(
            quote!("@timestamp": ts, "user.name": a, "event": { "outcome": o }, "user": { "id": b }, "event.sequence"?: s,),
            Span::call_site(),
        )
        .unwrap();
        let cx = Ctxt::new();
        let t = normalize(&cx, &obj);
        cx.check().unwrap();
        assert_eq!(
            keys(&t),
            [
                "@timestamp",
                "user",
                "user.name",
                "user.id",
                "event",
                "event.outcome",
                "event.sequence"
            ]
        );
    }

    #[test]
    fn duplicates_and_conflicts_are_errors() {
        let obj = parse_ecs(
            quote!("a.b": 1, "a": { "b": 2 }, "c": 1, "c.d": 2),
            Span::call_site(),
        )
        .unwrap();
        let cx = Ctxt::new();
        let _ = normalize(&cx, &obj);
        let err = cx.check().unwrap_err().to_string();
        assert!(err.contains("`a.b` is written twice"), "{err}");
    }

    #[test]
    fn arrays_spreads_and_bad_keys() {
        let obj = parse_ecs(quote!("a": [1, {"b": x}], ..frag(h)), Span::call_site()).unwrap();
        assert_eq!(obj.entries.len(), 2);
        assert!(parse_ecs(quote!(a: 1), Span::call_site()).is_err());
    }
}
