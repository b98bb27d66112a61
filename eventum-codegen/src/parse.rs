//! Walks the items of a `#[generator]` module and builds the [`Generator`]
//! model, reporting every misplaced or malformed item.

use crate::attr;
use crate::ctxt::Ctxt;
use crate::model::{
    Alias, EventFn, Generator, GeneratorArgs, Param, Params, Sample, SampleSource, Scope, Spanned,
    State, StateField, StateInit, Transition, doc_of,
};
use crate::symbol;
use quote::ToTokens as _;
use syn::{Fields, FnArg, Item, ItemFn, ItemStruct, Pat, ReturnType, Type};

/// Builds the model of `module`. Items that cannot be understood are
/// reported and left out of the model, but still re-emitted by the caller.
pub(crate) fn parse_module(cx: &Ctxt, args: GeneratorArgs, module: syn::ItemMod) -> Generator {
    let mut generator = Generator {
        args,
        doc: doc_of(&module.attrs),
        params: None,
        samples: Vec::new(),
        states: Vec::new(),
        events: Vec::new(),
        other_items: Vec::new(),
        module: module.clone(),
    };
    let Some((_, items)) = &module.content else {
        cx.error_spanned_by(
            &module,
            "#[generator] needs an inline module: `mod name { ... }` (attributes on `mod name;` are unstable)",
        );
        return generator;
    };
    for item in items {
        match item {
            Item::Struct(s) => parse_struct(cx, s, &mut generator),
            Item::Fn(f) if f.attrs.iter().any(|a| a.path().is_ident(symbol::EVENT)) => {
                generator.events.push(parse_event_fn(cx, f));
            }
            Item::Fn(f) => {
                if let Some(a) = f
                    .attrs
                    .iter()
                    .find(|a| a.path().is_ident(symbol::TRANSITION))
                {
                    cx.error_spanned_by(a, "#[transition] belongs on an event function (one that also has #[event(...)])");
                }
                report_misplaced(cx, &f.attrs);
                generator.other_items.push(item.clone());
            }
            other => {
                report_misplaced(cx, item_attrs(other));
                let mut other = other.clone();
                if let Some(attrs) = item_attrs_mut(&mut other) {
                    attr::strip_helpers(attrs);
                }
                generator.other_items.push(other);
            }
        }
    }
    if generator.args.name.is_none() && !generator.args.written.contains(&"name") {
        cx.error_at(
            proc_macro2::Span::call_site(),
            "#[generator] needs `name = \"<category>-<source>\"`, e.g. name = \"linux-auditd\"",
        );
    }
    generator
}

fn item_attrs(item: &Item) -> &[syn::Attribute] {
    match item {
        Item::Const(i) => &i.attrs,
        Item::Enum(i) => &i.attrs,
        Item::Fn(i) => &i.attrs,
        Item::Impl(i) => &i.attrs,
        Item::Mod(i) => &i.attrs,
        Item::Static(i) => &i.attrs,
        Item::Struct(i) => &i.attrs,
        Item::Trait(i) => &i.attrs,
        Item::Type(i) => &i.attrs,
        Item::Use(i) => &i.attrs,
        Item::Union(i) => &i.attrs,
        _ => &[],
    }
}

fn item_attrs_mut(item: &mut Item) -> Option<&mut Vec<syn::Attribute>> {
    Some(match item {
        Item::Const(i) => &mut i.attrs,
        Item::Enum(i) => &mut i.attrs,
        Item::Fn(i) => &mut i.attrs,
        Item::Impl(i) => &mut i.attrs,
        Item::Mod(i) => &mut i.attrs,
        Item::Static(i) => &mut i.attrs,
        Item::Struct(i) => &mut i.attrs,
        Item::Trait(i) => &mut i.attrs,
        Item::Type(i) => &mut i.attrs,
        Item::Use(i) => &mut i.attrs,
        Item::Union(i) => &mut i.attrs,
        _ => return None,
    })
}

fn report_misplaced(cx: &Ctxt, attrs: &[syn::Attribute]) {
    for a in attrs {
        let where_ = if a.path().is_ident(symbol::EVENT) || a.path().is_ident(symbol::TRANSITION) {
            "on a function `fn name(cx: &mut Cx) -> Event`"
        } else if a.path().is_ident(symbol::PARAM) {
            "on a field of the #[params] struct"
        } else if a.path().is_ident(symbol::STATE) {
            "on a field of a #[shared], #[locals] or #[globals] struct"
        } else if attr::is_helper(a) {
            "on a struct with named fields"
        } else {
            continue;
        };
        let name = a
            .path()
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        cx.error_spanned_by(a, format!("#[{name}] can only be used {where_}"));
    }
}

fn named_fields<'a>(cx: &Ctxt, s: &'a ItemStruct, what: &str) -> Option<&'a syn::FieldsNamed> {
    match &s.fields {
        Fields::Named(f) => Some(f),
        _ => {
            cx.error_spanned_by(
                &s.ident,
                format!(
                    "a {what} struct needs named fields: `struct {} {{ ... }}`",
                    s.ident
                ),
            );
            None
        }
    }
}

fn parse_struct(cx: &Ctxt, s: &ItemStruct, generator: &mut Generator) {
    let marker = s
        .attrs
        .iter()
        .filter(|a| attr::is_helper(a))
        .collect::<Vec<_>>();
    let kinds: Vec<&syn::Attribute> = marker
        .iter()
        .copied()
        .filter(|a| {
            [
                symbol::PARAMS,
                symbol::SAMPLE,
                symbol::SHARED,
                symbol::LOCALS,
                symbol::GLOBALS,
            ]
            .iter()
            .any(|k| a.path().is_ident(k))
        })
        .collect();
    if kinds.len() > 1 {
        cx.error_spanned_by(
            kinds[1],
            "a struct can carry only one of #[params], #[sample], #[shared], #[locals], #[globals]",
        );
    }
    for a in &marker {
        if !kinds.iter().any(|k| std::ptr::eq(*k, *a)) {
            report_misplaced(cx, std::slice::from_ref(*a));
        }
    }
    let mut clean = s.clone();
    attr::strip_helpers(&mut clean.attrs);
    let Some(kind) = kinds.first() else {
        check_field_attrs(cx, s, None);
        let mut item = clean;
        for f in &mut item.fields {
            attr::strip_helpers(&mut f.attrs);
        }
        generator.other_items.push(Item::Struct(item));
        return;
    };
    for f in &mut clean.fields {
        attr::strip_helpers(&mut f.attrs);
    }
    if kind.path().is_ident(symbol::PARAMS) {
        require_path_only(cx, kind);
        check_field_attrs(cx, s, Some(symbol::PARAM));
        let Some(fields) = named_fields(cx, s, "#[params]") else {
            return;
        };
        let params = fields
            .named
            .iter()
            .map(|f| {
                let attr = f
                    .attrs
                    .iter()
                    .filter(|a| a.path().is_ident(symbol::PARAM))
                    .fold(attr::ParamAttr::default(), |acc, a| {
                        let next = attr::param_attr(cx, a);
                        attr::ParamAttr {
                            default: next.default.or(acc.default),
                            min: next.min.or(acc.min),
                            max: next.max.or(acc.max),
                        }
                    });
                Param {
                    ident: f.ident.clone().expect("named field"),
                    ty: f.ty.clone(),
                    default: attr.default,
                    min: attr.min,
                    max: attr.max,
                    doc: doc_of(&f.attrs),
                }
            })
            .collect();
        match &generator.params {
            Some(first) => cx.error_spanned_by(
                kind,
                format!(
                    "a generator has one #[params] struct and `{}` is already it; move the fields of `{}` there",
                    first.item.ident, s.ident
                ),
            ),
            None => require_name(cx, s, "params", "Params"),
        }
        generator.params = Some(Params {
            item: clean,
            fields: params,
        });
    } else if kind.path().is_ident(symbol::SAMPLE) {
        check_field_attrs(cx, s, None);
        if let Some(sample) = parse_sample(cx, s, kind, clean) {
            if generator
                .samples
                .iter()
                .any(|x| x.name.value == sample.name.value)
            {
                cx.error_at(
                    sample.name.span,
                    format!("duplicate sample name `{}`", sample.name.value),
                );
            }
            generator.samples.push(sample);
        }
    } else {
        require_path_only(cx, kind);
        check_field_attrs(cx, s, Some(symbol::STATE));
        let scope = if kind.path().is_ident(symbol::SHARED) {
            Scope::Shared
        } else if kind.path().is_ident(symbol::LOCALS) {
            Scope::Locals
        } else {
            Scope::Globals
        };

        let Some(fields) = named_fields(cx, s, &format!("#[{}]", scope.as_str())) else {
            return;
        };
        let fields = fields
            .named
            .iter()
            .map(|f| {
                let mut init = StateInit::default();
                for a in f.attrs.iter().filter(|a| a.path().is_ident(symbol::STATE)) {
                    attr::state_attr(cx, a, &mut init);
                }
                StateField {
                    ident: f.ident.clone().expect("named field"),
                    ty: f.ty.clone(),
                    init,
                    doc: doc_of(&f.attrs),
                }
            })
            .collect();
        match generator.state(scope) {
            Some(first) => cx.error_spanned_by(
                kind,
                format!(
                    "a generator has one #[{}] struct and `{}` is already it; move the fields of `{}` there",
                    scope.as_str(),
                    first.item.ident,
                    s.ident
                ),
            ),
            None => require_name(
                cx,
                s,
                scope.as_str(),
                &crate::expand::state::ident(scope).to_string(),
            ),
        }
        generator.states.push(State {
            scope,
            item: clean,
            fields,
        });
    }
}

/// The context refers to the params and state structs by fixed names
/// (`cx.params: &Params`, `cx.shared: &mut Shared`, ...).
fn require_name(cx: &Ctxt, s: &ItemStruct, field: &str, expected: &str) {
    if s.ident != expected {
        cx.error_spanned_by(
            &s.ident,
            format!(
                "the #[{field}] struct must be named `{expected}` (it is the type of `cx.{field}`), not `{}`",
                s.ident
            ),
        );
    }
}

fn require_path_only(cx: &Ctxt, a: &syn::Attribute) {
    if !matches!(a.meta, syn::Meta::Path(_)) {
        let name = a
            .path()
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        cx.error_spanned_by(a, format!("#[{name}] takes no arguments"));
    }
}

/// Field attributes allowed on this struct kind; any other helper is misplaced.
fn check_field_attrs(cx: &Ctxt, s: &ItemStruct, allowed: Option<&str>) {
    for f in &s.fields {
        for a in f.attrs.iter().filter(|a| attr::is_helper(a)) {
            if allowed.is_some_and(|al| a.path().is_ident(al)) {
                continue;
            }
            report_misplaced(cx, std::slice::from_ref(a));
        }
    }
}

fn parse_sample(
    cx: &Ctxt,
    s: &ItemStruct,
    a: &syn::Attribute,
    clean: ItemStruct,
) -> Option<Sample> {
    let sa = attr::sample_attr(cx, a);
    let fields: Vec<_> = named_fields(cx, s, "#[sample]")?
        .named
        .iter()
        .map(|f| (f.ident.clone().expect("named field"), f.ty.clone()))
        .collect();
    let sources: Vec<(&str, proc_macro2::Span)> = [
        ("csv", sa.csv.as_ref().map(|p| p.span)),
        ("json", sa.json.as_ref().map(|p| p.span)),
        ("items", sa.items.as_ref().map(|i| i.1)),
    ]
    .into_iter()
    .filter_map(|(k, s)| Some((k, s?)))
    .collect();
    match sources.as_slice() {
        [] => {
            cx.error_spanned_by(a, "#[sample] needs a source: csv = \"path.csv\", json = \"path.json\" or items = [...]");
            return None;
        }
        [_] => {}
        [(first, _), rest @ ..] => {
            for (key, span) in rest {
                cx.error_at(
                    *span,
                    format!("`{key}` is a second source for this sample, which already reads `{first}`; a sample has exactly one of csv, json, items"),
                );
            }
            return None;
        }
    }
    let is_csv = sa.csv.is_some();
    if !is_csv {
        for (set, key) in [
            (sa.header.is_some(), "header"),
            (sa.delimiter.is_some(), "delimiter"),
            (sa.quotechar.is_some(), "quotechar"),
        ] {
            if set {
                cx.error_spanned_by(a, format!("`{key}` applies only to csv samples"));
            }
        }
    }
    let quotechar = match &sa.quotechar {
        Some(q) => {
            let mut chars = q.value.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => c,
                _ => {
                    cx.error_at(q.span, "`quotechar` must be exactly one character");
                    '"'
                }
            }
        }
        None => '"',
    };
    let delimiter = match &sa.delimiter {
        Some(d) if d.value.is_empty() => {
            cx.error_at(d.span, "`delimiter` must not be empty");
            ",".to_owned()
        }
        Some(d) => d.value.clone(),
        None => ",".to_owned(),
    };
    let mut loadable = true;
    let (source, stem) = if let Some(path) = sa.csv {
        if !std::path::Path::new(&path.value)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
        {
            cx.error_at(
                path.span,
                "a csv sample's source must end in `.csv` (Eventum checks the suffix)",
            );
            loadable = false;
        }
        let stem = file_stem(&path.value).map(|s| Spanned::new(s, path.span));
        (
            SampleSource::Csv {
                path,
                // Row structs have named columns, so the header is the default
                // here (Eventum's own default is false: the exporter writes it).
                header: sa.header.unwrap_or(true),
                delimiter,
                quotechar,
            },
            stem,
        )
    } else if let Some(path) = sa.json {
        if !std::path::Path::new(&path.value)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            cx.error_at(
                path.span,
                "a json sample's source must end in `.json` (Eventum checks the suffix)",
            );
            loadable = false;
        }
        let stem = file_stem(&path.value).map(|s| Spanned::new(s, path.span));
        (SampleSource::Json { path }, stem)
    } else {
        let (items, span) = sa.items?;
        if items.is_empty() {
            cx.error_at(span, "an items sample needs at least one item");
        }
        (SampleSource::Items { items, span }, None)
    };
    let name = match (sa.name, stem) {
        (Some(n), _) => n,
        (None, Some(stem)) => stem,
        (None, None) => {
            cx.error_spanned_by(
                a,
                "an items sample needs `name = \"...\"` (file samples are named after their file)",
            );
            return None;
        }
    };
    if !is_identifier(&name.value) {
        cx.error_at(
            name.span,
            format!(
                "sample name `{}` is not an identifier; set `name = \"...\"`",
                name.value
            ),
        );
        return None;
    }
    Some(Sample {
        doc: doc_of(&s.attrs),
        item: clean,
        name,
        source,
        weight: sa.weight,
        fields,
        loadable,
    })
}

fn file_stem(path: &str) -> Option<String> {
    std::path::Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .map(|s| s.strip_suffix(".json").unwrap_or(s).to_owned())
}

pub(crate) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn parse_event_fn(cx: &Ctxt, f: &ItemFn) -> EventFn {
    let mut aliases = Vec::new();
    let mut transitions = Vec::new();
    let mut transitions_broken = false;
    for a in &f.attrs {
        if a.path().is_ident(symbol::EVENT) {
            let ea = attr::event_attr(cx, a);
            aliases.push(Alias {
                name: ea
                    .name
                    .unwrap_or_else(|| Spanned::new(f.sig.ident.to_string(), f.sig.ident.span())),
                weight: ea.weight,
                meta: ea.meta,
                initial: ea.initial,
                vars: ea.vars,
                written: ea.written,
                attr: a.to_token_stream(),
            });
        } else if a.path().is_ident(symbol::TRANSITION) {
            match attr::transition_attr(cx, a) {
                Some((to, when)) => transitions.push(Transition { to, when }),
                None => transitions_broken = true,
            }
        } else if attr::is_helper(a) {
            report_misplaced(cx, std::slice::from_ref(a));
        }
    }
    // A function with a bad signature stays an event, so its body is still
    // checked and the generator does not look empty.
    let cx_ident = check_signature(cx, f).unwrap_or_else(|| quote::format_ident!("cx"));
    let mut item = f.clone();
    attr::strip_helpers(&mut item.attrs);
    EventFn {
        doc: doc_of(&f.attrs),
        item,
        aliases,
        transitions,
        transitions_broken,
        cx: cx_ident,
    }
}

/// An event function is `fn name(cx: &mut Cx) -> Event`.
fn check_signature(cx: &Ctxt, f: &ItemFn) -> Option<syn::Ident> {
    let sig = &f.sig;
    let expected = format!(
        "an event function has the signature `fn {}(cx: &mut Cx) -> Event`",
        sig.ident
    );
    let mut ok = true;
    if sig.inputs.len() != 1 || !sig.generics.params.is_empty() || sig.asyncness.is_some() {
        cx.error_spanned_by(&sig.inputs, &expected);
        ok = false;
    }
    let ident = match sig.inputs.first() {
        Some(FnArg::Typed(pt)) => {
            let is_cx = matches!(&*pt.ty, Type::Reference(r) if r.mutability.is_some()
                && matches!(&*r.elem, Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Cx")));
            if !is_cx {
                cx.error_spanned_by(&pt.ty, &expected);
                ok = false;
            }
            match &*pt.pat {
                Pat::Ident(pi) => Some(pi.ident.clone()),
                other => {
                    cx.error_spanned_by(other, "name the context parameter, e.g. `cx: &mut Cx`");
                    None
                }
            }
        }
        Some(other) => {
            cx.error_spanned_by(other, &expected);
            None
        }
        None => None,
    };
    match &sig.output {
        ReturnType::Type(_, ty) if matches!(&**ty, Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Event")) =>
            {}
        other => {
            cx.error_spanned_by(other, &expected);
            ok = false;
        }
    }
    if ok { ident } else { None }
}
