//! Parsing of `#[generator(...)]` and the helper attributes. Nothing here
//! returns a `Result`: a malformed or duplicate key is reported to the
//! [`Ctxt`] and otherwise ignored, so every bad attribute in the module is
//! reported in one compile (`serde_derive`'s policy).

use crate::ctxt::Ctxt;
use crate::model::{EventMeta, GeneratorArgs, Mode, Spanned, StateInit, VarValue};
use crate::suggest::{closest, did_you_mean_among};
use crate::symbol;
use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned as _;
use syn::{Expr, ExprLit, Ident, Lit};

/// A slot for one attribute value that reports duplicates.
pub(crate) struct Attr<'c, T> {
    cx: &'c Ctxt,
    owner: &'static str,
    name: &'static str,
    value: Option<T>,
}

impl<'c, T> Attr<'c, T> {
    pub(crate) fn none(cx: &'c Ctxt, owner: &'static str, name: &'static str) -> Self {
        Self {
            cx,
            owner,
            name,
            value: None,
        }
    }

    pub(crate) fn set<A: ToTokens>(&mut self, obj: A, value: T) {
        if self.value.is_some() {
            self.cx.error_spanned_by(
                obj,
                format!("duplicate `{}` in #[{}(...)]", self.name, self.owner),
            );
        } else {
            self.value = Some(value);
        }
    }

    pub(crate) fn get(self) -> Option<T> {
        self.value
    }
}

/// Reports an unknown key and skips its value. Returns the known key it
/// is most likely a misspelling of, if exactly one is close.
fn unknown_key(
    cx: &Ctxt,
    meta: &ParseNestedMeta<'_>,
    attr: &str,
    known: &[&'static str],
) -> Option<&'static str> {
    let key = meta.path.to_token_stream().to_string().replace(' ', "");
    cx.error_spanned_by(
        &meta.path,
        format!(
            "unknown key `{key}` in #[{attr}(...)]{}",
            did_you_mean_among(&key, known, "expected one of")
        ),
    );
    // Consume whatever value follows so parsing continues with the next key.
    if meta.input.peek(syn::Token![=]) {
        let _ = meta
            .value()
            .and_then(syn::parse::ParseBuffer::parse::<Expr>);
    } else if meta.input.peek(syn::token::Paren) {
        let _ = meta.parse_nested_meta(|inner| {
            if inner.input.peek(syn::Token![=]) {
                let _ = inner.value()?.parse::<Expr>()?;
            }
            Ok(())
        });
    }
    match closest(&key, known.iter().copied(), 2).as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

fn key_of(meta: &ParseNestedMeta<'_>) -> String {
    meta.path.get_ident().map_or_else(
        || meta.path.to_token_stream().to_string(),
        ToString::to_string,
    )
}

/// Reads `= "text"`.
pub(crate) fn lit_str(cx: &Ctxt, expr: &Expr, what: &str) -> Option<Spanned<String>> {
    if let Expr::Lit(ExprLit {
        lit: Lit::Str(s), ..
    }) = expr
    {
        Some(Spanned::new(s.value(), s.span()))
    } else {
        cx.error_spanned_by(
            expr,
            format!("`{what}` takes a string literal, e.g. {what} = \"...\""),
        );
        None
    }
}

/// Reads `= "a"` or `= ["a", "b"]`.
fn lit_strs(cx: &Ctxt, expr: &Expr, what: &str) -> Vec<Spanned<String>> {
    match expr {
        Expr::Array(arr) => arr
            .elems
            .iter()
            .filter_map(|e| lit_str(cx, e, what))
            .collect(),
        other => lit_str(cx, other, what).into_iter().collect(),
    }
}

fn lit_bool(cx: &Ctxt, expr: &Expr, what: &str) -> Option<bool> {
    if let Expr::Lit(ExprLit {
        lit: Lit::Bool(b), ..
    }) = expr
    {
        Some(b.value)
    } else {
        cx.error_spanned_by(expr, format!("`{what}` takes `true` or `false`"));
        None
    }
}

/// Reads a positive number (integer or float literal).
fn positive_number(cx: &Ctxt, expr: &Expr, what: &str) -> Option<Spanned<f64>> {
    let (value, span) = match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Int(i), ..
        }) => (i.base10_parse::<f64>().ok(), i.span()),
        Expr::Lit(ExprLit {
            lit: Lit::Float(f), ..
        }) => (f.base10_parse::<f64>().ok(), f.span()),
        Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            ..
        }) => {
            cx.error_spanned_by(
                expr,
                format!(
                    "`{what}` must be greater than zero, found `{}`",
                    expr.to_token_stream().to_string().replace(' ', "")
                ),
            );
            return None;
        }
        _ => {
            cx.error_spanned_by(
                expr,
                format!("`{what}` takes a number literal, e.g. {what} = 10"),
            );
            return None;
        }
    };
    match value {
        Some(v) if v > 0.0 && v.is_finite() => Some(Spanned::new(v, span)),
        Some(v) if v.is_finite() => {
            cx.error_at(
                span,
                format!("`{what}` must be greater than zero, found `{v}`"),
            );
            None
        }
        Some(_) => {
            cx.error_at(span, format!("`{what}` is too large for an f64"));
            None
        }
        None => {
            cx.error_at(span, format!("`{what}` is not a valid number"));
            None
        }
    }
}

fn value_expr(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Option<Expr> {
    match meta
        .value()
        .and_then(syn::parse::ParseBuffer::parse::<Expr>)
    {
        Ok(e) => Some(e),
        Err(e) => {
            cx.syn_error(e);
            None
        }
    }
}

/// Parses the arguments of `#[generator(...)]`.
pub(crate) fn generator_args(cx: &Ctxt, args: TokenStream) -> GeneratorArgs {
    let mut name = Attr::none(cx, "generator", "name");
    let mut title = Attr::none(cx, "generator", "title");
    let mut description = Attr::none(cx, "generator", "description");
    let mut mode = Attr::none(cx, "generator", "mode");
    let mut ecs = Attr::none(cx, "generator", "ecs");
    let mut fields: Attr<'_, Vec<Spanned<String>>> = Attr::none(cx, "generator", "fields");
    let mut krate = Attr::none(cx, "generator", "crate");
    let mut chain: Attr<'_, (Vec<Ident>, Span)> = Attr::none(cx, "generator", "chain");
    let mut export = Attr::none(cx, "generator", "export");
    let mut written = Vec::new();

    let parser = syn::meta::parser(|meta| {
        let key = key_of(&meta);
        match symbol::GENERATOR_KEYS.iter().find(|k| **k == key) {
            Some(k) => written.push(*k),
            None => {
                written.extend(unknown_key(cx, &meta, "generator", symbol::GENERATOR_KEYS));
                return Ok(());
            }
        }
        let Some(expr) = value_expr(cx, &meta) else {
            return Ok(());
        };
        match key.as_str() {
            "name" => {
                if let Some(v) = lit_str(cx, &expr, "name") {
                    name.set(&meta.path, v);
                }
            }
            "title" => {
                if let Some(v) = lit_str(cx, &expr, "title") {
                    title.set(&meta.path, v.value);
                }
            }
            "description" => {
                if let Some(v) = lit_str(cx, &expr, "description") {
                    description.set(&meta.path, v.value);
                }
            }
            "ecs" => {
                if let Some(v) = lit_str(cx, &expr, "ecs") {
                    ecs.set(&meta.path, v);
                }
            }
            "fields" => fields.set(&meta.path, lit_strs(cx, &expr, "fields")),
            "export" => {
                if let Some(v) = lit_bool(cx, &expr, "export") {
                    export.set(&meta.path, v);
                }
            }
            "mode" => match &expr {
                Expr::Path(p) if p.path.get_ident().is_some() => {
                    let ident = p
                        .path
                        .get_ident()
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    match Mode::parse(&ident) {
                        Some(m) => mode.set(&meta.path, Spanned::new(m, p.span())),
                        None => cx.error_spanned_by(
                            p,
                            format!(
                                "unknown mode `{ident}`{}",
                                did_you_mean_among(&ident, symbol::MODES, "expected one of")
                            ),
                        ),
                    }
                }
                other => cx.error_spanned_by(
                    other,
                    "`mode` takes one of: all, any, chance, spin, chain, fsm",
                ),
            },
            "crate" => match &expr {
                Expr::Path(p) => krate.set(&meta.path, p.path.clone()),
                Expr::Lit(ExprLit {
                    lit: Lit::Str(s), ..
                }) => match s.parse::<syn::Path>() {
                    Ok(p) => krate.set(&meta.path, p),
                    Err(e) => cx.syn_error(e),
                },
                other => cx.error_spanned_by(
                    other,
                    "`crate` takes a path, e.g. crate = ::eventum_runtime",
                ),
            },
            "chain" => match &expr {
                Expr::Array(arr) => {
                    let mut idents = Vec::new();
                    for e in &arr.elems {
                        match e {
                            Expr::Path(p) if p.path.get_ident().is_some() => {
                                idents.extend(p.path.get_ident().cloned());
                            }
                            other => cx.error_spanned_by(
                                other,
                                "`chain` lists event names, e.g. chain = [login, logout]",
                            ),
                        }
                    }
                    if idents.is_empty() {
                        cx.error_spanned_by(arr, "`chain` needs at least one event name");
                    }
                    chain.set(&meta.path, (idents, arr.span()));
                }
                other => cx.error_spanned_by(
                    other,
                    "`chain` takes a list of event names, e.g. chain = [login, logout]",
                ),
            },
            _ => {}
        }
        Ok(())
    });
    if let Err(e) = syn::parse::Parser::parse2(parser, args) {
        cx.syn_error(e);
    }
    let (chain, chain_span) = chain
        .get()
        .map_or((Vec::new(), None), |(c, s)| (c, Some(s)));
    GeneratorArgs {
        name: name.get(),
        title: title.get(),
        description: description.get(),
        mode: mode.get(),
        ecs: ecs.get(),
        fields: fields.get().unwrap_or_default(),
        krate: krate.get(),
        chain,
        chain_span,
        export: export.get().unwrap_or(true),
        written,
    }
}

/// What one `#[event(...)]` says.
pub(crate) struct EventAttr {
    pub(crate) name: Option<Spanned<String>>,
    pub(crate) weight: Option<Spanned<f64>>,
    pub(crate) meta: EventMeta,
    pub(crate) initial: Option<Span>,
    pub(crate) vars: Vec<(Ident, VarValue)>,
    pub(crate) written: Vec<&'static str>,
}

fn var_value(cx: &Ctxt, expr: &Expr) -> Option<VarValue> {
    let lit = match expr {
        Expr::Lit(ExprLit { lit, .. }) => lit,
        Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr: inner,
            ..
        }) => {
            return match var_value(cx, inner)? {
                VarValue::Int(i) => Some(VarValue::Int(-i)),
                VarValue::Float(f) => Some(VarValue::Float(-f)),
                _ => {
                    cx.error_spanned_by(expr, "only numbers can be negated");
                    None
                }
            };
        }
        other => {
            cx.error_spanned_by(
                other,
                "`vars` values are literals: a string, an integer, a float or a bool",
            );
            return None;
        }
    };
    match lit {
        Lit::Str(s) => Some(VarValue::Str(s.value())),
        Lit::Int(i) => match i.base10_parse() {
            Ok(v) => Some(VarValue::Int(v)),
            Err(_) => {
                cx.error_spanned_by(i, "this integer does not fit in an i64");
                None
            }
        },
        Lit::Float(f) => match f.base10_parse::<f64>() {
            Ok(v) if v.is_finite() => Some(VarValue::Float(v)),
            _ => {
                cx.error_spanned_by(f, "this number does not fit in an f64");
                None
            }
        },
        Lit::Bool(b) => Some(VarValue::Bool(b.value)),
        other => {
            cx.error_spanned_by(
                other,
                "`vars` values are literals: a string, an integer, a float or a bool",
            );
            None
        }
    }
}

/// Parses one `#[event(...)]`.
pub(crate) fn event_attr(cx: &Ctxt, attr: &syn::Attribute) -> EventAttr {
    let mut name = Attr::none(cx, "event", "name");
    let mut weight = Attr::none(cx, "event", "weight");
    let mut kind = Attr::none(cx, "event", "kind");
    let mut category = Attr::none(cx, "event", "category");
    let mut types = Attr::none(cx, "event", "type");
    let mut action = Attr::none(cx, "event", "action");
    let mut initial = Attr::none(cx, "event", "initial");
    let mut vars: Attr<'_, Vec<(Ident, VarValue)>> = Attr::none(cx, "event", "vars");
    if matches!(attr.meta, syn::Meta::Path(_)) {
        return EventAttr {
            name: None,
            weight: None,
            meta: EventMeta::default(),
            initial: None,
            vars: Vec::new(),
            written: Vec::new(),
        };
    }
    let mut written = Vec::new();
    let result = attr.parse_nested_meta(|meta| {
        let key = key_of(&meta);
        if let Some(k) = symbol::EVENT_KEYS
            .iter()
            .find(|k| **k == key && **k != "initial")
        {
            written.push(*k);
        }
        match key.as_str() {
            "initial" => {
                if meta.input.peek(syn::Token![=]) {
                    match value_expr(cx, &meta).and_then(|e| lit_bool(cx, &e, "initial")) {
                        Some(true) => initial.set(&meta.path, meta.path.span()),
                        Some(false) => {}
                        None => written.push("initial"),
                    }
                } else {
                    initial.set(&meta.path, meta.path.span());
                }
            }
            "vars" => {
                let mut list = Vec::new();
                let nested = meta.parse_nested_meta(|inner| {
                    let Some(ident) = inner.path.get_ident().cloned() else {
                        cx.error_spanned_by(&inner.path, "a var name is a plain identifier");
                        return Ok(());
                    };
                    if list.iter().any(|(i, _): &(Ident, VarValue)| *i == ident) {
                        cx.error_spanned_by(&ident, format!("duplicate var `{ident}`"));
                    }
                    let expr = inner.value()?.parse::<Expr>()?;
                    if let Some(v) = var_value(cx, &expr) {
                        list.push((ident, v));
                    }
                    Ok(())
                });
                if let Err(e) = nested {
                    cx.syn_error(e);
                }
                vars.set(&meta.path, list);
            }
            "weight" | "name" | "category" | "type" | "kind" | "action" => {
                let Some(expr) = value_expr(cx, &meta) else {
                    return Ok(());
                };
                match key.as_str() {
                    "weight" => {
                        if let Some(w) = positive_number(cx, &expr, "weight") {
                            weight.set(&meta.path, w);
                        }
                    }
                    "name" => {
                        if let Some(v) = lit_str(cx, &expr, "name") {
                            name.set(&meta.path, v);
                        }
                    }
                    "kind" => {
                        if let Some(v) = lit_str(cx, &expr, "kind") {
                            kind.set(&meta.path, v);
                        }
                    }
                    "action" => {
                        if let Some(v) = lit_str(cx, &expr, "action") {
                            action.set(&meta.path, v);
                        }
                    }
                    "category" => category.set(&meta.path, lit_strs(cx, &expr, "category")),
                    _ => types.set(&meta.path, lit_strs(cx, &expr, "type")),
                }
            }
            _ => written.extend(unknown_key(cx, &meta, "event", symbol::EVENT_KEYS)),
        }
        Ok(())
    });
    if let Err(e) = result {
        cx.syn_error(e);
    }
    EventAttr {
        name: name.get(),
        weight: weight.get(),
        meta: EventMeta {
            kind: kind.get(),
            category: category.get().unwrap_or_default(),
            types: types.get().unwrap_or_default(),
            action: action.get(),
        },
        initial: initial.get(),
        vars: vars.get().unwrap_or_default(),
        written,
    }
}

/// Parses `#[transition(to = state, when = condition)]`.
pub(crate) fn transition_attr(cx: &Ctxt, attr: &syn::Attribute) -> Option<(Ident, Expr)> {
    let mut to = Attr::none(cx, "transition", "to");
    let mut when = Attr::none(cx, "transition", "when");
    let mut written = Vec::new();
    let result = attr.parse_nested_meta(|meta| {
        let key = key_of(&meta);
        if let Some(k) = symbol::TRANSITION_KEYS.iter().find(|k| **k == key) {
            written.push(*k);
        }
        match key.as_str() {
            "to" => {
                if let Some(expr) = value_expr(cx, &meta) {
                    match &expr {
                        Expr::Path(p) if p.path.get_ident().is_some() => {
                            if let Some(ident) = p.path.get_ident() {
                                to.set(&meta.path, ident.clone());
                            }
                        }
                        other => {
                            cx.error_spanned_by(
                                other,
                                "`to` takes an event name, e.g. to = logout",
                            );
                        }
                    }
                }
            }
            "when" => {
                if let Some(expr) = value_expr(cx, &meta) {
                    when.set(&meta.path, expr);
                }
            }
            _ => written.extend(unknown_key(
                cx,
                &meta,
                "transition",
                symbol::TRANSITION_KEYS,
            )),
        }
        Ok(())
    });
    if let Err(e) = result {
        cx.syn_error(e);
        return None;
    }
    let to = to.get();
    let when = when.get();
    if to.is_none() && !written.contains(&"to") {
        cx.error_spanned_by(attr, "#[transition] needs `to = <event name>`");
    }
    if when.is_none() && !written.contains(&"when") {
        cx.error_spanned_by(attr, "#[transition] needs `when = <condition>` (use `when = always()` for an unconditional move)");
    }
    Some((to?, when?))
}

/// What `#[sample(...)]` says.
pub(crate) struct SampleAttr {
    pub(crate) csv: Option<Spanned<String>>,
    pub(crate) json: Option<Spanned<String>>,
    pub(crate) items: Option<(Vec<Expr>, Span)>,
    pub(crate) name: Option<Spanned<String>>,
    pub(crate) header: Option<bool>,
    pub(crate) delimiter: Option<Spanned<String>>,
    pub(crate) quotechar: Option<Spanned<String>>,
    pub(crate) weight: Option<Spanned<String>>,
}

/// Parses `#[sample(...)]`.
pub(crate) fn sample_attr(cx: &Ctxt, attr: &syn::Attribute) -> SampleAttr {
    let mut csv = Attr::none(cx, "sample", "csv");
    let mut json = Attr::none(cx, "sample", "json");
    let mut items = Attr::none(cx, "sample", "items");
    let mut name = Attr::none(cx, "sample", "name");
    let mut header = Attr::none(cx, "sample", "header");
    let mut delimiter = Attr::none(cx, "sample", "delimiter");
    let mut quotechar = Attr::none(cx, "sample", "quotechar");
    let mut weight = Attr::none(cx, "sample", "weight");
    let result = attr.parse_nested_meta(|meta| {
        let key = key_of(&meta);
        if !symbol::SAMPLE_KEYS.contains(&key.as_str()) {
            unknown_key(cx, &meta, "sample", symbol::SAMPLE_KEYS);
            return Ok(());
        }
        let Some(expr) = value_expr(cx, &meta) else {
            return Ok(());
        };
        match key.as_str() {
            "csv" => {
                if let Some(v) = lit_str(cx, &expr, "csv") {
                    csv.set(&meta.path, v);
                }
            }
            "json" => {
                if let Some(v) = lit_str(cx, &expr, "json") {
                    json.set(&meta.path, v);
                }
            }
            "items" => match &expr {
                Expr::Array(arr) => items.set(
                    &meta.path,
                    (arr.elems.iter().cloned().collect(), arr.span()),
                ),
                other => {
                    cx.error_spanned_by(other, "`items` takes a list, e.g. items = [200, 404]");
                }
            },
            "name" => {
                if let Some(v) = lit_str(cx, &expr, "name") {
                    name.set(&meta.path, v);
                }
            }
            "header" => {
                if let Some(v) = lit_bool(cx, &expr, "header") {
                    header.set(&meta.path, v);
                }
            }
            "delimiter" => {
                if let Some(v) = lit_str(cx, &expr, "delimiter") {
                    delimiter.set(&meta.path, v);
                }
            }
            "quotechar" => {
                if let Some(v) = lit_str(cx, &expr, "quotechar") {
                    quotechar.set(&meta.path, v);
                }
            }
            _ => {
                if let Some(v) = lit_str(cx, &expr, "weight") {
                    weight.set(&meta.path, v);
                }
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        cx.syn_error(e);
    }
    SampleAttr {
        csv: csv.get(),
        json: json.get(),
        items: items.get(),
        name: name.get(),
        header: header.get(),
        delimiter: delimiter.get(),
        quotechar: quotechar.get(),
        weight: weight.get(),
    }
}

/// What `#[param(...)]` says of a parameter.
#[derive(Default)]
pub(crate) struct ParamAttr {
    pub(crate) default: Option<Expr>,
    pub(crate) min: Option<Expr>,
    pub(crate) max: Option<Expr>,
}

/// Parses `#[param(default = ..., min = ..., max = ...)]`.
pub(crate) fn param_attr(cx: &Ctxt, attr: &syn::Attribute) -> ParamAttr {
    let mut default = Attr::none(cx, "param", "default");
    let mut min = Attr::none(cx, "param", "min");
    let mut max = Attr::none(cx, "param", "max");
    let result = attr.parse_nested_meta(|meta| {
        let key = key_of(&meta);
        if !symbol::PARAM_KEYS.contains(&key.as_str()) {
            unknown_key(cx, &meta, "param", symbol::PARAM_KEYS);
            return Ok(());
        }
        if let Some(expr) = value_expr(cx, &meta) {
            match key.as_str() {
                "default" => default.set(&meta.path, expr),
                "min" => min.set(&meta.path, expr),
                _ => max.set(&meta.path, expr),
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        cx.syn_error(e);
    }
    ParamAttr {
        default: default.get(),
        min: min.get(),
        max: max.get(),
    }
}

/// Parses `#[state(cap = ..., start = ..., wrap = ..., default = ...)]`.
pub(crate) fn state_attr(cx: &Ctxt, attr: &syn::Attribute, init: &mut StateInit) {
    let mut cap = Attr::none(cx, "state", "cap");
    let mut start = Attr::none(cx, "state", "start");
    let mut wrap = Attr::none(cx, "state", "wrap");
    let mut default = Attr::none(cx, "state", "default");
    let result = attr.parse_nested_meta(|meta| {
        let key = key_of(&meta);
        if !symbol::STATE_KEYS.contains(&key.as_str()) {
            unknown_key(cx, &meta, "state", symbol::STATE_KEYS);
            return Ok(());
        }
        if let Some(expr) = value_expr(cx, &meta) {
            match key.as_str() {
                "cap" => cap.set(&meta.path, expr),
                "start" => start.set(&meta.path, expr),
                "wrap" => wrap.set(&meta.path, expr),
                _ => default.set(&meta.path, expr),
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        cx.syn_error(e);
    }
    init.cap = cap.get();
    init.start = start.get();
    init.wrap = wrap.get();
    init.default = default.get();
}

/// Whether an attribute is one of the macro's helper attributes.
pub(crate) fn is_helper(attr: &syn::Attribute) -> bool {
    symbol::HELPER_ATTRS.iter().any(|h| attr.path().is_ident(h))
}

/// Removes the helper attributes from a list.
pub(crate) fn strip_helpers(attrs: &mut Vec<syn::Attribute>) {
    attrs.retain(|a| !is_helper(a));
}
