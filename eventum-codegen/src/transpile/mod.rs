//! The exporter's half of the macro: every event body is lowered to a Jinja
//! template with the same behaviour, so the exported Eventum pack produces
//! events with the same shape and statistics as the native code.
//!
//! The lowering follows the syntax tree the native expansion compiles:
//! `let` becomes `{%- set -%}`, conditionals become `{%- if -%}`, context
//! calls become their `module.rand` / `samples` / `timestamp` twins, typed
//! state operations become `shared.get/set` idioms, helpers become macros in
//! `templates/_base.json.jinja` (numbers and bools they return are read back
//! from the macro's text), and `ecs!` becomes a readable JSON skeleton
//! with `{{ value | tojson }}` holes. Side effects are hoisted into `set`
//! statements in source order, so they happen in the same order as in Rust.
//! A construct with no faithful translation is a compile error naming it
//! (unless the generator says `export = false`).

mod api;
mod expr;
pub(crate) mod jinja;
mod methods;
mod skeleton;
mod stmt;
pub(crate) mod types;

#[cfg(test)]
mod golden;

use crate::ctxt::Ctxt;
use crate::ecs_lit::Tree;
use crate::model::{EventFn, Generator, SampleSource, Scope};
use jinja::Buf;
use std::collections::{BTreeSet, HashMap};
use types::{Scopes, Ty};

/// One exported template file.
#[derive(Debug, Clone)]
pub(crate) struct Template {
    /// File name under `templates/`.
    pub(crate) file: String,
    /// The text.
    pub(crate) text: String,
}

/// Everything the pack needs from the event bodies.
#[derive(Debug, Clone, Default)]
pub(crate) struct Export {
    /// One template per event function.
    pub(crate) templates: Vec<Template>,
    /// `templates/_base.json.jinja` (empty when no helper is used).
    pub(crate) base: String,
    /// For each alias, in declaration order: (template file, extra vars as
    /// `(name, json)` carrying per-alias `event.*` metadata).
    pub(crate) aliases: Vec<(String, Vec<(String, String)>)>,
}

/// What the translator knows about the module.
pub(crate) struct Module<'a> {
    pub(crate) g: &'a Generator,
    /// Named-field structs of the module (rows included): name -> fields.
    pub(crate) structs: HashMap<String, Vec<(String, Ty)>>,
    /// Sample field name -> (row struct, weight column, csv?).
    pub(crate) samples: HashMap<String, (String, Option<String>, bool)>,
    /// Row struct name -> csv? (CSV cells are strings in Jinja).
    pub(crate) row_is_csv: HashMap<String, bool>,
    /// Row structs of samples without a header (items, CSV with `header =
    /// false`, JSON arrays of arrays): Eventum names their columns `_0`,
    /// `_1`, ..., so a field is read by its position.
    pub(crate) row_positional: HashMap<String, Vec<String>>,
    pub(crate) params: HashMap<String, Ty>,
    /// (scope, field) -> type.
    pub(crate) state: HashMap<(Scope, String), Ty>,
    /// Helper functions (non-event functions of the module).
    pub(crate) helpers: HashMap<String, &'a syn::ItemFn>,
}

impl<'a> Module<'a> {
    fn new(g: &'a Generator) -> Self {
        let rows: Vec<String> = g.samples.iter().map(|s| s.item.ident.to_string()).collect();
        let mut structs: HashMap<String, Vec<(String, Ty)>> = HashMap::new();
        // Two passes so structs can refer to each other.
        for _ in 0..2 {
            let snapshot = structs.clone();
            for item in &g.other_items {
                if let syn::Item::Struct(s) = item
                    && let syn::Fields::Named(f) = &s.fields
                {
                    let fields = f
                        .named
                        .iter()
                        .map(|x| {
                            (
                                x.ident
                                    .as_ref()
                                    .map(ToString::to_string)
                                    .unwrap_or_default(),
                                types::from_syn(&x.ty, &snapshot, &rows),
                            )
                        })
                        .collect();
                    structs.insert(s.ident.to_string(), fields);
                }
            }
            for s in &g.samples {
                let fields = s
                    .fields
                    .iter()
                    .map(|(i, t)| (i.to_string(), types::from_syn(t, &snapshot, &rows)))
                    .collect();
                structs.insert(s.item.ident.to_string(), fields);
            }
        }
        let samples = g
            .samples
            .iter()
            .map(|s| {
                (
                    s.name.value.clone(),
                    (
                        s.item.ident.to_string(),
                        s.weight.as_ref().map(|w| w.value.clone()),
                        matches!(s.source, SampleSource::Csv { .. }),
                    ),
                )
            })
            .collect();
        let row_is_csv = g
            .samples
            .iter()
            .map(|s| {
                (
                    s.item.ident.to_string(),
                    matches!(s.source, SampleSource::Csv { .. }),
                )
            })
            .collect();
        let row_positional = g
            .samples
            .iter()
            .filter(|s| match &s.source {
                SampleSource::Items { .. } => true,
                SampleSource::Csv { header, .. } => !header,
                // Only the file tells whether its rows are objects.
                SampleSource::Json { .. } => crate::expand::samples::load(&Ctxt::quiet(), s)
                    .is_some_and(|(table, _, _)| !table.has_header),
            })
            .map(|s| {
                (
                    s.item.ident.to_string(),
                    s.fields.iter().map(|(i, _)| i.to_string()).collect(),
                )
            })
            .collect();
        let params = g
            .params
            .iter()
            .flat_map(|p| p.fields.iter())
            .map(|f| (f.ident.to_string(), types::from_syn(&f.ty, &structs, &rows)))
            .collect();
        let state = g
            .states
            .iter()
            .flat_map(|s| {
                s.fields
                    .iter()
                    .map(move |f| ((s.scope, f.ident.to_string()), &f.ty))
            })
            .map(|(k, t)| (k, types::from_syn(t, &structs, &rows)))
            .collect();
        let helpers = g
            .other_items
            .iter()
            .filter_map(|i| match i {
                syn::Item::Fn(f) => Some((f.sig.ident.to_string(), f)),
                _ => None,
            })
            .collect();
        Self {
            g,
            structs,
            samples,
            row_is_csv,
            row_positional,
            params,
            state,
            helpers,
        }
    }

    fn state_init(&self, scope: Scope, name: &str) -> Option<&crate::model::StateInit> {
        self.g
            .state(scope)?
            .fields
            .iter()
            .find(|f| f.ident == name)
            .map(|f| &f.init)
    }
}

/// The translation of one function body.
pub(crate) struct Tr<'m, 'a> {
    pub(crate) cx: &'m Ctxt,
    pub(crate) m: &'m Module<'a>,
    /// The name of the context parameter (`cx`), if any.
    pub(crate) cx_name: Option<String>,
    /// `vars` of the function's aliases: name -> type.
    pub(crate) vars: HashMap<String, Ty>,
    pub(crate) scopes: Scopes,
    pub(crate) buf: Buf,
    pub(crate) tmp: usize,
    pub(crate) used_helpers: BTreeSet<String>,
    /// The event metadata of the function's aliases.
    pub(crate) meta: skeleton::MetaOut,
    /// Inside a macro (helpers): render-time variables are not visible.
    pub(crate) in_macro: bool,
    /// Whether translation failed (an error was reported).
    pub(crate) failed: bool,
    /// The scope depth of each open `for` loop's body: a variable bound
    /// below the innermost one cannot be assigned (Jinja loops have their
    /// own scope).
    pub(crate) loop_frames: Vec<usize>,
    /// An `if let Some(x)` binding for the branch about to open.
    pub(crate) pending_binding: Option<(syn::Pat, expr::J)>,
    /// The expression about to be translated is a statement whose value is
    /// dropped (state operations then skip computing what they return).
    pub(crate) value_unused: bool,
}

impl<'m, 'a> Tr<'m, 'a> {
    pub(crate) fn new(cx: &'m Ctxt, m: &'m Module<'a>) -> Self {
        Self {
            cx,
            m,
            cx_name: None,
            vars: HashMap::new(),
            scopes: Scopes::default(),
            buf: Buf::default(),
            tmp: 0,
            used_helpers: BTreeSet::new(),
            meta: skeleton::MetaOut::None,
            in_macro: false,
            failed: false,
            loop_frames: Vec::new(),
            pending_binding: None,
            value_unused: false,
        }
    }

    /// The value of a construct that failed to translate.
    pub(crate) fn error_value() -> expr::J {
        expr::J::new("none", Ty::Error, true, true)
    }

    /// Reports a construct that has no faithful translation.
    pub(crate) fn unsupported<T: quote::ToTokens>(&mut self, at: T, what: &str) {
        self.failed = true;
        self.cx.error_spanned_by(
            at,
            format!("cannot export this to Eventum: {what} (mark the generator `export = false` to keep it native-only)"),
        );
    }

    /// A fresh temporary name.
    pub(crate) fn temp(&mut self, hint: &str) -> String {
        self.tmp += 1;
        format!("_{hint}{}", self.tmp)
    }
}

/// The template file name of an event function.
pub(crate) fn template_file(e: &EventFn) -> String {
    format!(
        "{}.json.jinja",
        e.item
            .sig
            .ident
            .to_string()
            .trim_start_matches("r#")
            .replace('_', "-")
    )
}

/// Lowers every event function and helper of a checked generator.
pub(crate) fn transpile(cx: &Ctxt, g: &Generator, trees: &[Vec<Tree>]) -> Export {
    let _ = trees;
    let m = Module::new(g);
    let mut export = Export::default();
    let mut used_helpers = BTreeSet::new();
    for e in &g.events {
        let file = template_file(e);
        let mut tr = Tr::new(cx, &m);
        let text = tr.event_template(e);
        used_helpers.extend(tr.used_helpers.iter().cloned());
        for a in &e.aliases {
            export
                .aliases
                .push((file.clone(), skeleton::alias_meta_vars(&tr.meta, &a.meta)));
        }
        export.templates.push(Template { file, text });
    }
    // Helpers used by events (and by each other) become macros.
    let mut done = BTreeSet::new();
    let mut todo: Vec<String> = used_helpers.into_iter().collect();
    let mut macros = Vec::new();
    while let Some(name) = todo.pop() {
        if !done.insert(name.clone()) {
            continue;
        }
        let Some(f) = m.helpers.get(&name) else {
            continue;
        };
        let mut tr = Tr::new(cx, &m);
        tr.in_macro = true;
        let text = tr.macro_def(f);
        for h in &tr.used_helpers {
            if !done.contains(h) {
                todo.push(h.clone());
            }
        }
        macros.push((name, text));
    }
    macros.sort();
    if !macros.is_empty() {
        let mut base = String::from(
            "{#- Blocks shared by the templates of this pack (macros of the generator's helper functions). -#}\n",
        );
        for (_, text) in macros {
            base.push_str(&text);
            base.push('\n');
        }
        export.base = base;
    }
    export
}
