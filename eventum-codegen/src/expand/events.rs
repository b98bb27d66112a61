//! Event functions: the signature gets its concrete `Cx` type, and every
//! `ecs!` in the body becomes writer code. Helper functions whose body holds
//! an `ecs!` return a `Fragment` for spreading (`..helper(x)`).

use super::serialize::{Meta, expand_ecs, json_string};
use crate::check::ecs_fields;
use crate::ctxt::Ctxt;
use crate::ecs::Schema;
use crate::ecs_lit::{Item, NodeKind, Tree, normalize, parse_ecs};
use crate::model::{Alias, EventFn, EventMeta};
use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote};
use syn::spanned::Spanned as _;
use syn::visit_mut::VisitMut;

/// The pre-serialized `event.*` members of one alias (`"action":"x",...`).
pub(crate) fn meta_members(meta: &EventMeta) -> String {
    let mut parts = Vec::new();
    if let Some(a) = &meta.action {
        let mut s = String::from("\"action\":");
        json_string(&mut s, &a.value);
        parts.push(s);
    }
    if !meta.category.is_empty() {
        let mut s = String::from("\"category\":[");
        for (i, c) in meta.category.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            json_string(&mut s, &c.value);
        }
        s.push(']');
        parts.push(s);
    }
    if let Some(k) = &meta.kind {
        let mut s = String::from("\"kind\":");
        json_string(&mut s, &k.value);
        parts.push(s);
    }
    if !meta.types.is_empty() {
        let mut s = String::from("\"type\":[");
        for (i, c) in meta.types.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            json_string(&mut s, &c.value);
        }
        s.push(']');
        parts.push(s);
    }
    parts.join(",")
}

/// How the function's aliases' metadata is written.
pub(crate) fn meta_of(aliases: &[Alias]) -> Meta {
    let all: Vec<String> = aliases.iter().map(|a| meta_members(&a.meta)).collect();
    if all.iter().all(String::is_empty) {
        Meta::None
    } else if all.iter().all(|m| *m == all[0]) {
        Meta::Static(all[0].clone())
    } else {
        Meta::PerAlias
    }
}

/// The `event.*` keys the aliases fill in.
fn meta_keys(aliases: &[Alias]) -> Vec<&'static str> {
    let mut keys = Vec::new();
    for a in aliases {
        for (set, key) in [
            (a.meta.action.is_some(), "action"),
            (!a.meta.category.is_empty(), "category"),
            (a.meta.kind.is_some(), "kind"),
            (!a.meta.types.is_empty(), "type"),
        ] {
            if set && !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys
}

struct EcsRewriter<'a> {
    cx: &'a Ctxt,
    schema: Option<&'a Schema>,
    files: &'a [String],
    krate: &'a TokenStream,
    meta: Meta,
    meta_keys: Vec<&'static str>,
    out: TokenStream,
    meta_expr: TokenStream,
    fragment: bool,
    /// The normalized literals, for the spec's field lists and the exporter.
    trees: Vec<Tree>,
}

impl EcsRewriter<'_> {
    fn expand(&mut self, mac: &syn::Macro) -> syn::Expr {
        let tokens = match parse_ecs(mac.tokens.clone(), mac.span()) {
            Ok(obj) => {
                let tree = normalize(self.cx, &obj);
                self.check_meta_twice(&tree);
                let t = expand_ecs(
                    self.cx,
                    self.schema,
                    self.files,
                    self.krate,
                    &tree,
                    &self.meta,
                    &self.out,
                    &self.meta_expr,
                    self.fragment,
                );
                self.trees.push(tree);
                t
            }
            Err(e) => {
                self.cx.syn_error(e);
                let krate = self.krate;
                quote!(#krate::Event::WRITTEN)
            }
        };
        syn::parse2(tokens).unwrap_or_else(|e| {
            self.cx.syn_error(e);
            syn::parse_quote!(())
        })
    }

    /// `event.kind` from `#[event(kind = ...)]` and from the literal is an error.
    fn check_meta_twice(&self, tree: &Tree) {
        for n in tree.nodes() {
            if n.key != "event" {
                continue;
            }
            if let NodeKind::Object(t) = &n.kind {
                for m in t.nodes() {
                    if self.meta_keys.contains(&m.key.as_str()) {
                        self.cx.error_at(
                            m.key_span,
                            format!(
                                "`event.{}` is already set by #[event({} = ...)]; write it in one place",
                                m.key, m.key
                            ),
                        );
                    }
                }
            }
        }
    }
}

fn is_ecs(mac: &syn::Macro) -> bool {
    mac.path.segments.last().is_some_and(|s| s.ident == "ecs")
}

impl VisitMut for EcsRewriter<'_> {
    fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
        if let syn::Expr::Macro(m) = e
            && is_ecs(&m.mac)
        {
            *e = self.expand(&m.mac);
            return;
        }
        syn::visit_mut::visit_expr_mut(self, e);
    }

    fn visit_stmt_mut(&mut self, s: &mut syn::Stmt) {
        if let syn::Stmt::Macro(m) = s
            && is_ecs(&m.mac)
        {
            let expr = self.expand(&m.mac);
            *s = syn::Stmt::Expr(expr, m.semi_token);
            return;
        }
        syn::visit_mut::visit_stmt_mut(self, s);
    }
}

/// Whether a function body contains an `ecs!` literal.
pub(crate) fn has_ecs(f: &syn::ItemFn) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_macro(&mut self, m: &'ast syn::Macro) {
            if is_ecs(m) {
                self.0 = true;
            }
        }
    }
    let mut f2 = Finder(false);
    syn::visit::Visit::visit_item_fn(&mut f2, f);
    f2.0
}

/// The expanded event function and the literals it writes.
pub(crate) struct ExpandedFn {
    pub(crate) item: syn::ItemFn,
    pub(crate) trees: Vec<Tree>,
}

/// Expands one event function.
pub(crate) fn expand_event_fn(
    cx: &Ctxt,
    schema: Option<&Schema>,
    files: &[String],
    krate: &TokenStream,
    e: &EventFn,
    vars_ty: &syn::Ident,
) -> ExpandedFn {
    let mut item = e.item.clone();
    // `cx: &mut Cx` gets its lifetime and vars type.
    if let Some(syn::FnArg::Typed(pt)) = item.sig.inputs.first_mut() {
        *pt.ty = syn::parse_quote!(&mut Cx<'_, #vars_ty>);
    }
    item.sig.output = syn::parse_quote!(-> #krate::Event);
    let cx_ident = &e.cx;
    let mut rw = EcsRewriter {
        cx,
        schema,
        files,
        krate,
        meta: meta_of(&e.aliases),
        meta_keys: meta_keys(&e.aliases),
        out: quote!(#cx_ident.__out),
        meta_expr: quote!(#cx_ident.__meta),
        fragment: false,
        trees: Vec::new(),
    };
    rw.visit_block_mut(&mut item.block);
    if let Some(schema) = schema {
        let written = written_categorization(&rw.trees);
        let mut problems: Vec<(proc_macro2::Span, String)> = Vec::new();
        for a in &e.aliases {
            check_alias_meta(cx, schema, a);
            let pair = |meta: &[crate::model::Spanned<String>],
                        lit: &[(String, proc_macro2::Span)]| {
                meta.iter()
                    .map(|c| (c.value.clone(), c.span))
                    .chain(lit.iter().cloned())
                    .collect::<Vec<_>>()
            };
            let cats = pair(&a.meta.category, &written.0);
            let types = pair(&a.meta.types, &written.1);
            for p in ecs_fields::category_type_problems(schema, &cats, &types) {
                // Aliases sharing a literal would report it once each.
                if !problems.iter().any(|q| q.1 == p.1) {
                    problems.push(p);
                }
            }
        }
        for (span, msg) in problems {
            cx.error_at(span, msg);
        }
    }
    ExpandedFn {
        item,
        trees: rw.trees,
    }
}

/// Checks `#[event(kind, category, type, outcome...)]` literals against ECS.
fn check_alias_meta(cx: &Ctxt, schema: &Schema, a: &Alias) {
    if let Some(k) = &a.meta.kind {
        ecs_fields::check_allowed(cx, schema, "event.kind", &k.value, lit_at(&k.value, k.span));
    }
    for c in &a.meta.category {
        ecs_fields::check_allowed(
            cx,
            schema,
            "event.category",
            &c.value,
            lit_at(&c.value, c.span),
        );
    }
    for t in &a.meta.types {
        ecs_fields::check_allowed(cx, schema, "event.type", &t.value, lit_at(&t.value, t.span));
    }
}

/// The literal `event.category` and `event.type` strings the function's
/// `ecs!` literals write, with their spans.
type Categorization = (
    Vec<(String, proc_macro2::Span)>,
    Vec<(String, proc_macro2::Span)>,
);

fn written_categorization(trees: &[Tree]) -> Categorization {
    fn strings(kind: &NodeKind, out: &mut Vec<(String, proc_macro2::Span)>) {
        let mut push = |e: &syn::Expr| {
            if let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) = e
            {
                out.push((s.value(), s.span()));
            }
        };
        match kind {
            NodeKind::Leaf(leaf) => push(&leaf.expr),
            NodeKind::Array(items) => {
                for item in items {
                    if let Item::Leaf(leaf) = item {
                        push(&leaf.expr);
                    }
                }
            }
            NodeKind::Object(_) => {}
        }
    }
    let mut found = (Vec::new(), Vec::new());
    for tree in trees {
        for event in tree.nodes().filter(|n| n.key == "event") {
            let NodeKind::Object(t) = &event.kind else {
                continue;
            };
            for n in t.nodes() {
                match n.key.as_str() {
                    "category" => strings(&n.kind, &mut found.0),
                    "type" => strings(&n.kind, &mut found.1),
                    _ => {}
                }
            }
        }
    }
    found
}

fn lit_at(value: &str, span: proc_macro2::Span) -> TokenStream {
    syn::LitStr::new(value, span).into_token_stream()
}

/// Expands a helper function whose body builds a fragment with `ecs!`.
pub(crate) fn expand_fragment_fn(
    cx: &Ctxt,
    schema: Option<&Schema>,
    files: &[String],
    krate: &TokenStream,
    f: &syn::ItemFn,
) -> syn::ItemFn {
    let mut item = f.clone();
    let mut rw = EcsRewriter {
        cx,
        // Fragment paths are relative to where they are spread, so they
        // cannot be resolved here; the spread site's own fields are checked.
        schema: None,
        files,
        krate,
        meta: Meta::None,
        meta_keys: Vec::new(),
        out: quote!(__eventum_unused),
        meta_expr: quote!(""),
        fragment: true,
        trees: Vec::new(),
    };
    let _ = schema;
    rw.visit_block_mut(&mut item.block);
    item
}

/// The name of a function's vars struct.
pub(crate) fn vars_ident(e: &EventFn) -> syn::Ident {
    format_ident!("__EventumVars_{}", e.item.sig.ident)
}
