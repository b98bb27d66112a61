//! `ecs! { ... }` to straight-line code: value expressions are evaluated
//! first, in the order they are written; then the event is appended to the
//! output buffer as pre-escaped key bytes (adjacent constant pieces merged)
//! and values written through `WriteJson`. Literal values are serialized at
//! compile time. Every value headed for a known ECS field passes through a
//! type check (`__private::ecs::long(&v)` and friends) spanned on the user's
//! expression, so a string written into `process.pid` fails to compile there.

use crate::check::ecs_fields::{self, FieldCheck};
use crate::ctxt::Ctxt;
use crate::ecs::JsonKind;
use crate::ecs::{Resolved, Schema};
use crate::ecs_lit::{Item, Leaf, Member, Node, NodeKind, Tree};
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens as _, format_ident, quote, quote_spanned};
use std::fmt::Write as _;
use syn::{Expr, ExprLit, Lit};

/// Event metadata from `#[event(...)]` to place in the `event` object.
#[derive(Debug, Clone)]
pub(crate) enum Meta {
    /// None of the function's aliases carries metadata.
    None,
    /// All aliases carry the same members, pre-serialized: `"kind":"event",...`.
    Static(String),
    /// Aliases differ: the members come from `cx.__meta` at run time.
    PerAlias,
}

/// Appends the JSON spelling of a string (quoted, escaped).
pub(crate) fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The compile-time JSON of a literal expression, if it is one.
pub(crate) fn literal_json(e: &Expr) -> Option<(String, LitKind)> {
    match e {
        Expr::Lit(ExprLit { lit, .. }) => match lit {
            Lit::Str(s) => {
                let mut out = String::new();
                json_string(&mut out, &s.value());
                Some((out, LitKind::Str(s.value())))
            }
            Lit::Int(i) => i
                .base10_parse::<i64>()
                .ok()
                .map(|v| (v.to_string(), LitKind::Int)),
            Lit::Float(f) => f
                .base10_parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .map(|v| (python_float(v), LitKind::Float)),
            Lit::Bool(b) => Some((b.value.to_string(), LitKind::Bool)),
            _ => None,
        },
        Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => match literal_json(expr)? {
            (j, k @ (LitKind::Int | LitKind::Float)) => Some((format!("-{j}"), k)),
            _ => None,
        },
        Expr::Group(g) => literal_json(&g.expr),
        Expr::Paren(p) => literal_json(&p.expr),
        _ => None,
    }
}

/// The kind of a literal.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum LitKind {
    Str(String),
    Int,
    Float,
    Bool,
}

/// A float as Python's repr spells it (so a literal prints like `tojson`).
fn python_float(v: f64) -> String {
    let s = format!("{v:?}");
    // Rust's Debug is shortest-roundtrip like Python's repr but spells
    // exponents differently; normalize the rare exponent forms.
    if let Some((m, e)) = s.split_once('e') {
        let exp: i32 = e.parse().unwrap_or(0);
        format!("{m}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
    } else {
        s
    }
}

/// Pieces of the generated writer, merged when adjacent literals meet.
enum Op {
    Bytes(String),
    Code(TokenStream),
}

/// Whether the next member of an object needs a comma.
#[derive(Clone)]
enum Comma {
    /// Nothing written yet (known at compile time).
    First,
    /// Something written (known at compile time).
    NotFirst,
    /// Only known at run time: the flag is true while nothing is written.
    Flag(syn::Ident),
}

/// A value expression, evaluated before anything is written:
/// `match <scrutinee> { <local> => { <rebind> ... } }`. A `match` rather
/// than a `let` because the scrutinee's temporaries live to the end of the
/// match, so the scrutinee can pass the value through a type check.
struct Binding {
    /// Position in source order (evaluation order).
    order: usize,
    local: syn::Ident,
    scrutinee: TokenStream,
    rebind: TokenStream,
}

/// The span of an expression's first token (spans cannot be joined on
/// stable Rust).
fn expr_span(expr: &Expr) -> Span {
    expr.to_token_stream()
        .into_iter()
        .next()
        .map_or_else(Span::call_site, |t| t.span())
}

/// `&expr`, spanned so that an error about it points at the user's whole
/// expression: the `&` takes the span of the expression's first token and,
/// where precedence needs parentheses, they take the span of its last one.
fn borrow_spanned(expr: &Expr) -> TokenStream {
    let tokens = expr.to_token_stream();
    let first = expr_span(expr);
    let last = tokens
        .clone()
        .into_iter()
        .last()
        .map_or(first, |t| t.span());
    let amp = quote_spanned!(first=> &);
    // Postfix and primary expressions bind tighter than a prefix `&`.
    let tight = matches!(
        expr,
        Expr::Array(_)
            | Expr::Block(_)
            | Expr::Call(_)
            | Expr::Field(_)
            | Expr::Group(_)
            | Expr::If(_)
            | Expr::Index(_)
            | Expr::Lit(_)
            | Expr::Macro(_)
            | Expr::Match(_)
            | Expr::MethodCall(_)
            | Expr::Paren(_)
            | Expr::Path(_)
            | Expr::Struct(_)
            | Expr::Try(_)
            | Expr::Tuple(_)
            | Expr::Unsafe(_)
    );
    if tight {
        quote!(#amp #tokens)
    } else {
        let mut group = proc_macro2::Group::new(proc_macro2::Delimiter::Parenthesis, tokens);
        group.set_span(last);
        quote!(#amp #group)
    }
}

struct Emitter<'a> {
    cx: &'a Ctxt,
    schema: Option<&'a Schema>,
    files: &'a [String],
    krate: &'a TokenStream,
    out: TokenStream,
    ops: Vec<Op>,
    lets: Vec<Binding>,
    flags: usize,
    meta: &'a Meta,
    meta_expr: TokenStream,
    /// Whether the top-level `event` object receives the metadata.
    inject_meta: bool,
}

impl Emitter<'_> {
    fn bytes(&mut self, s: &str) {
        if let Some(Op::Bytes(b)) = self.ops.last_mut() {
            b.push_str(s);
        } else {
            self.ops.push(Op::Bytes(s.to_owned()));
        }
    }

    fn code(&mut self, t: TokenStream) {
        self.ops.push(Op::Code(t));
    }

    /// Turns collected ops into statements.
    fn finish_ops(ops: Vec<Op>, out: &TokenStream) -> TokenStream {
        let mut stmts = TokenStream::new();
        for op in ops {
            match op {
                Op::Bytes(b) => {
                    let lit = syn::LitByteStr::new(b.as_bytes(), Span::call_site());
                    stmts.extend(quote!(#out.extend_from_slice(#lit);));
                }
                Op::Code(t) => stmts.extend(t),
            }
        }
        stmts
    }

    /// Emits a sub-sequence into its own token stream (for conditionals).
    fn nested(&mut self, f: impl FnOnce(&mut Self)) -> TokenStream {
        let saved = std::mem::take(&mut self.ops);
        f(self);
        let inner = std::mem::replace(&mut self.ops, saved);
        Self::finish_ops(inner, &self.out)
    }

    fn local(order: usize) -> syn::Ident {
        format_ident!("__eventum_v{}", order)
    }

    fn new_flag(&mut self) -> syn::Ident {
        let f = format_ident!("__eventum_first{}", self.flags);
        self.flags += 1;
        self.code(quote!(let mut #f = true;));
        f
    }

    /// The comma before a member that is always written.
    fn required(&mut self, comma: &mut Comma) {
        match comma {
            Comma::First => {}
            Comma::NotFirst => self.bytes(","),
            Comma::Flag(f) => {
                let (f, out) = (f.clone(), self.out.clone());
                self.code(quote!(if !#f { #out.push(b','); }));
            }
        }
        *comma = Comma::NotFirst;
    }

    /// The comma code inside a member that may be skipped at run time.
    fn optional_comma(&mut self, comma: &mut Comma) -> TokenStream {
        if matches!(comma, Comma::First) {
            *comma = Comma::Flag(self.new_flag());
        }
        let out = &self.out;
        match comma {
            Comma::NotFirst => quote!(#out.push(b',');),
            Comma::Flag(f) => quote!(if !#f { #out.push(b','); } #f = false;),
            Comma::First => quote!(),
        }
    }

    /// Resolves the field at `path` (reporting unknown paths on the key).
    fn resolve(&self, path: &str, key_span: Span) -> FieldCheck {
        match self.schema {
            Some(schema) => ecs_fields::resolve(self.cx, schema, self.files, path, key_span),
            None => FieldCheck::None,
        }
    }

    /// Checks a literal and gives the run-time check function for a value.
    fn check_fn(&self, path: &str, check: FieldCheck, expr: &Expr) -> Option<syn::Ident> {
        if let Some(schema) = self.schema {
            ecs_fields::check_literal(self.cx, schema, path, check, expr);
        }
        match check {
            FieldCheck::Kind(k) => k.check_fn().map(|f| format_ident!("{}", f)),
            FieldCheck::None => None,
        }
    }

    fn value(&mut self, path: &str, leaf: &Leaf, field: FieldCheck) {
        let check = self.check_fn(path, field, &leaf.expr);
        if let Some((json, _)) = literal_json(&leaf.expr) {
            self.bytes(&json);
            return;
        }
        let local = Self::local(leaf.order);
        let krate = self.krate;
        let arg = borrow_spanned(&leaf.expr);
        let scrutinee = match check {
            Some(f) => quote!(#krate::__private::ecs::#f(#arg)),
            None => arg,
        };
        self.lets.push(Binding {
            order: leaf.order,
            local: local.clone(),
            scrutinee,
            rebind: TokenStream::new(),
        });
        let out = &self.out;
        self.code(quote!(#krate::__private::WriteJson::write_json(#local, #out);));
    }

    fn object(&mut self, tree: &Tree, path: &str, with_meta: bool) {
        self.bytes("{");
        let mut comma = Comma::First;
        if with_meta {
            match self.meta {
                Meta::None => {}
                Meta::Static(members) => {
                    let members = members.clone();
                    self.bytes(&members);
                    comma = Comma::NotFirst;
                }
                Meta::PerAlias => {
                    let f = self.new_flag();
                    let (out, meta) = (self.out.clone(), self.meta_expr.clone());
                    self.code(quote! {
                        if !#meta.is_empty() { #out.extend_from_slice(#meta.as_bytes()); #f = false; }
                    });
                    comma = Comma::Flag(f);
                }
            }
        }
        for member in &tree.members {
            match member {
                Member::Node(n) if !n.optional => {
                    self.required(&mut comma);
                    self.node(n, path);
                }
                Member::Node(n) => self.optional_node(n, path, &mut comma),
                Member::Spread(leaf) => self.spread(leaf, &mut comma),
            }
        }
        self.bytes("}");
    }

    fn optional_node(&mut self, n: &Node, path: &str, comma: &mut Comma) {
        let NodeKind::Leaf(leaf) = &n.kind else {
            self.cx.error_at(
                n.key_span,
                "`?` applies to single values, not to objects or arrays",
            );
            return;
        };
        let child = join(path, &n.key);
        let field = self.resolve(&child, n.key_span);
        let check = self.check_fn(&child, field, &leaf.expr);
        let local = Self::local(leaf.order);
        let krate = self.krate.clone();
        let arg = borrow_spanned(&leaf.expr);
        // The whole option is checked (the check traits see through
        // `Option`); naming the type makes a non-`Option` value a plain
        // type mismatch. Both errors point at the user's expression.
        let option = quote_spanned!(expr_span(&leaf.expr)=> <::core::option::Option<_>>);
        let scrutinee = match check {
            Some(f) => quote!(#krate::__private::ecs::#f::#option(#arg)),
            None => quote!(::core::convert::identity::<&::core::option::Option<_>>(#arg)),
        };
        self.lets.push(Binding {
            order: leaf.order,
            local: local.clone(),
            scrutinee,
            rebind: TokenStream::new(),
        });
        let comma_code = self.optional_comma(comma);
        let mut key = String::new();
        json_string(&mut key, &n.key);
        key.push(':');
        let out = self.out.clone();
        let inner = self.nested(|e| {
            e.code(comma_code);
            e.bytes(&key);
            e.code(quote!(#krate::__private::WriteJson::write_json(__eventum_some, #out);));
        });
        self.code(quote!(if let ::core::option::Option::Some(__eventum_some) = #local { #inner }));
    }

    fn spread(&mut self, leaf: &Leaf, comma: &mut Comma) {
        let local = Self::local(leaf.order);
        let krate = self.krate.clone();
        let arg = borrow_spanned(&leaf.expr);
        self.lets.push(Binding {
            order: leaf.order,
            local: local.clone(),
            scrutinee: quote!(::core::convert::identity::<&#krate::__private::Fragment>(#arg)),
            rebind: TokenStream::new(),
        });
        let comma_code = self.optional_comma(comma);
        let out = self.out.clone();
        self.code(quote!(if !#local.is_empty() { #comma_code #out.extend_from_slice(#local.as_bytes()); }));
    }

    fn node(&mut self, n: &Node, path: &str) {
        let child = join(path, &n.key);
        let mut key = String::new();
        json_string(&mut key, &n.key);
        key.push(':');
        self.bytes(&key);
        match &n.kind {
            NodeKind::Object(t) => {
                if let Some(schema) = self.schema
                    && let Resolved::Field(def) = schema.resolve(&child)
                    && JsonKind::of(&def.ty) != JsonKind::Any
                {
                    self.cx.error_at(
                        n.key_span,
                        format!("`{child}` is a `{}` field, not an object", def.ty),
                    );
                    // Its members would each be reported as unknown too.
                    let schema = self.schema.take();
                    self.object(t, &child, false);
                    self.schema = schema;
                    return;
                }
                let with_meta = self.inject_meta && path.is_empty() && n.key == "event";
                self.object(t, &child, with_meta);
            }
            NodeKind::Array(items) => {
                let field = self.resolve(&child, n.key_span);
                self.array(items, &child, field);
            }
            NodeKind::Leaf(leaf) => {
                let field = self.resolve(&child, n.key_span);
                self.value(&child, leaf, field);
            }
        }
    }

    fn array(&mut self, items: &[Item], path: &str, field: FieldCheck) {
        self.bytes("[");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.bytes(",");
            }
            match item {
                Item::Object(t) => self.object(t, path, false),
                Item::Array(inner) => self.array(inner, path, field),
                Item::Leaf(leaf) => self.value(path, leaf, field),
            }
        }
        self.bytes("]");
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Generates the writer for one `ecs!` literal.
///
/// `out` is the buffer expression (`cx.__out`); `meta_expr` the run-time
/// metadata string (`cx.__meta`) used when `meta` is [`Meta::PerAlias`].
/// With `fragment`, the result is a `Fragment` (object members without
/// braces, for spreading into another literal) instead of an event.
#[allow(clippy::too_many_arguments)] // one call site; the arguments are the context
pub(crate) fn expand_ecs(
    cx: &Ctxt,
    schema: Option<&Schema>,
    files: &[String],
    krate: &TokenStream,
    tree: &Tree,
    meta: &Meta,
    out: &TokenStream,
    meta_expr: &TokenStream,
    fragment: bool,
) -> TokenStream {
    let buf = quote!(__eventum_out);
    let mut e = Emitter {
        cx,
        schema,
        files,
        krate,
        out: buf.clone(),
        ops: Vec::new(),
        lets: Vec::new(),
        flags: 0,
        meta,
        meta_expr: meta_expr.clone(),
        inject_meta: !fragment,
    };
    let mut tree = tree.clone();
    let has_event = tree
        .nodes()
        .any(|n| n.key == "event" && matches!(n.kind, NodeKind::Object(_)));
    if !fragment && !matches!(meta, Meta::None) && !has_event {
        tree.members.push(Member::Node(Node {
            key: "event".to_owned(),
            key_span: Span::call_site(),
            optional: false,
            kind: NodeKind::Object(Tree::default()),
        }));
    }
    e.object(&tree, "", false);
    if fragment {
        // A fragment is the members without the braces.
        if let Some(Op::Bytes(b)) = e.ops.first_mut() {
            b.remove(0);
        }
        if let Some(Op::Bytes(b)) = e.ops.last_mut() {
            b.pop();
        }
    }
    let Emitter { ops, mut lets, .. } = e;
    let writes = Emitter::finish_ops(ops, &buf);
    let mut body = if fragment {
        quote! {
            let mut __eventum_frag = #krate::__private::Fragment::buffer();
            {
                let #buf: &mut ::std::vec::Vec<u8> = &mut __eventum_frag;
                #writes
            }
            #krate::__private::Fragment::from_vec(__eventum_frag)
        }
    } else {
        quote! {
            let #buf: &mut ::std::vec::Vec<u8> = &mut *#out;
            #writes
            #krate::Event::WRITTEN
        }
    };
    // Innermost binding last written, so values evaluate in source order.
    lets.sort_by_key(|b| b.order);
    for Binding {
        local,
        scrutinee,
        rebind,
        ..
    } in lets.into_iter().rev()
    {
        body = quote! {
            match #scrutinee {
                #local => { #rebind #body }
            }
        };
    }
    quote!({ #body })
}
