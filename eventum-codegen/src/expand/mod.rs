//! Native expansion: the module is re-emitted with its helper attributes
//! stripped, plus the context type, the compiled event functions, picking
//! tables, the generator type the engine drives, and the static spec.
//!
//! Generated code reaches the runtime only through `__eventum::__private`
//! (`__eventum` is bound to the runtime crate, or to `#[generator(crate = ...)]`).

pub(crate) mod events;
pub(crate) mod fast_format;
pub(crate) mod fsm;
pub(crate) mod params;
pub(crate) mod picking;
pub(crate) mod python;
pub(crate) mod samples;
pub(crate) mod serialize;
pub(crate) mod state;

use crate::ctxt::Ctxt;
use crate::ecs::Schema;
use crate::model::{Generator, Scope, VarValue};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// What the checks resolved, needed by the expansion.
pub(crate) struct Resolved {
    pub(crate) schema: Option<Schema>,
    pub(crate) field_files: Vec<String>,
}

fn var_literal(v: &VarValue) -> TokenStream {
    match v {
        VarValue::Str(s) => quote!(#s),
        VarValue::Int(i) => quote!(#i),
        VarValue::Float(f) => quote!(#f),
        VarValue::Bool(b) => quote!(#b),
    }
}

fn var_json(v: &VarValue) -> String {
    match v {
        VarValue::Str(s) => {
            let mut out = String::new();
            serialize::json_string(&mut out, s);
            out
        }
        VarValue::Int(i) => i.to_string(),
        VarValue::Float(f) => format!("{f:?}"),
        VarValue::Bool(b) => b.to_string(),
    }
}

/// Expands a checked generator.
pub(crate) fn expand(cx: &Ctxt, g: &Generator, resolved: &Resolved) -> TokenStream {
    let krate_path = g
        .args
        .krate
        .clone()
        .unwrap_or_else(|| syn::parse_quote!(::eventum_runtime));
    let krate = quote!(__eventum);
    let p = quote!(#krate::__private);
    let schema = resolved.schema.as_ref();
    let files = &resolved.field_files;

    // Pass-through items; helpers that build fragments get their ecs!
    // expanded, and every function its format! lowered.
    let others = g.other_items.iter().map(|item| match item {
        syn::Item::Fn(f) => {
            let mut f = if events::has_ecs(f) {
                events::expand_fragment_fn(cx, schema, files, &krate, f)
            } else {
                f.clone()
            };
            // Python semantics first: `fast_format` keeps `py::fmt` arguments.
            if g.args.export {
                python::rewrite_fn(&krate, &mut f);
            }
            fast_format::rewrite_fn(&krate, &mut f);
            quote!(#f)
        }
        other => quote!(#other),
    });

    let (params_items, param_specs) = params::expand(cx, &krate, g.params.as_ref());
    let sample_parts = samples::expand(cx, &krate, g);
    let sample_items = &sample_parts.items;
    let shared = state::expand(&krate, Scope::Shared, g.state(Scope::Shared));
    let locals = state::expand(&krate, Scope::Locals, g.state(Scope::Locals));
    let globals = state::expand(&krate, Scope::Globals, g.state(Scope::Globals));

    // Vars: one struct per function, one static per alias.
    let mut vars_items = Vec::new();
    let mut alias_vars = Vec::new();
    for e in &g.events {
        let ty = events::vars_ident(e);
        let fields = e
            .aliases
            .first()
            .map(|a| a.vars.clone())
            .unwrap_or_default();
        let decls = fields.iter().map(|(i, v)| {
            let t: syn::Type =
                syn::parse_str(v.type_name()).unwrap_or_else(|_| syn::parse_quote!(()));
            quote!(pub #i: #t)
        });
        let doc = format!(
            " The `vars` of the event types rendered by `{}`.",
            e.item.sig.ident
        );
        vars_items.push(quote! {
            #[doc = #doc]
            #[doc(hidden)]
            #[allow(non_camel_case_types)]
            #[derive(Debug, Clone, Copy)]
            pub struct #ty { #(#decls,)* }
        });
        for a in &e.aliases {
            let inits = a.vars.iter().map(|(i, v)| {
                let lit = var_literal(v);
                quote!(#i: #lit)
            });
            alias_vars.push((ty.clone(), quote!(#ty { #(#inits,)* })));
        }
    }

    // Event functions.
    let mut fns = Vec::new();
    let mut field_lists = Vec::new();
    for e in &g.events {
        let vars_ty = events::vars_ident(e);
        let mut expanded = events::expand_event_fn(cx, schema, files, &krate, e, &vars_ty);
        if g.args.export {
            python::rewrite_fn(&krate, &mut expanded.item);
        }
        fast_format::rewrite_fn(&krate, &mut expanded.item);
        let item = &expanded.item;
        fns.push(quote!(#item));
        let mut paths: Vec<(String, String)> = Vec::new();
        for tree in &expanded.trees {
            tree.walk("", &mut |path, node| {
                if matches!(node.kind, crate::ecs_lit::NodeKind::Object(_)) {
                    return;
                }
                let ty = schema
                    .and_then(|s| s.fields.get(path))
                    .map(|d| d.ty.clone())
                    .unwrap_or_default();
                if !paths.iter().any(|(p, _)| p == path) {
                    paths.push((path.to_owned(), ty));
                }
            });
        }
        for a in &e.aliases {
            let mut ps = paths.clone();
            for (key, set) in [
                ("event.action", a.meta.action.is_some()),
                ("event.category", !a.meta.category.is_empty()),
                ("event.kind", a.meta.kind.is_some()),
                ("event.type", !a.meta.types.is_empty()),
            ] {
                if set && !ps.iter().any(|(p, _)| p == key) {
                    let ty = schema
                        .and_then(|s| s.fields.get(key))
                        .map(|d| d.ty.clone())
                        .unwrap_or_default();
                    ps.push((key.to_owned(), ty));
                }
            }
            field_lists.push(ps);
        }
    }

    let names: Vec<String> = g.aliases().map(|(_, a)| a.name.value.clone()).collect();
    let n = names.len();
    let picker = picking::picker(&krate, g, &names);

    // Render arms: one per alias.
    let mut arms = Vec::new();
    let mut i = 0usize;
    for e in &g.events {
        let f = &e.item.sig.ident;
        for a in &e.aliases {
            let (vars_ty, vars_init) = &alias_vars[i];
            let meta = events::meta_members(&a.meta);
            arms.push(quote! {
                #i => {
                    static VARS: #vars_ty = #vars_init;
                    let mut cx = Cx {
                        timestamp: self.timestamp,
                        tags: &self.tags,
                        params: &self.params,
                        samples: &self.samples,
                        shared: &mut self.shared,
                        locals: &mut self.locals[#i],
                        globals: &mut self.globals,
                        rand: &self.rand,
                        faker: &self.faker,
                        dispatch: #krate::Dispatch,
                        vars: &VARS,
                        __out: out,
                        __meta: #meta,
                    };
                    #f(&mut cx)
                }
            });
            i += 1;
        }
    }
    let transition = fsm::transition_fn(cx, &krate, g, &names);

    // Spec.
    let gname = g
        .args
        .name
        .as_ref()
        .map_or_else(String::new, |n| n.value.clone());
    let title = g.args.title.clone().unwrap_or_else(|| gname.clone());
    let description = g.args.description.clone().unwrap_or_else(|| g.doc.clone());
    let ecs_version = g
        .args
        .ecs
        .as_ref()
        .map_or_else(|| "8.11.0".to_owned(), |e| e.value.clone());
    let mode_ident = format_ident!(
        "{}",
        match g.mode() {
            crate::model::Mode::All => "All",
            crate::model::Mode::Any => "Any",
            crate::model::Mode::Chance => "Chance",
            crate::model::Mode::Spin => "Spin",
            crate::model::Mode::Chain => "Chain",
            crate::model::Mode::Fsm => "Fsm",
        }
    );
    let chain: Vec<String> = g.args.chain.iter().map(ToString::to_string).collect();
    let field_files: Vec<&String> = g.args.fields.iter().map(|f| &f.value).collect();
    let mut event_specs = Vec::new();
    let mut k = 0usize;
    for e in &g.events {
        let function = e.item.sig.ident.to_string();
        let doc = &e.doc;
        for a in &e.aliases {
            let name = &a.name.value;
            let weight = a.weight.as_ref().map_or(1.0, |w| w.value);
            let kind = match &a.meta.kind {
                Some(k) => {
                    let v = &k.value;
                    quote!(::core::option::Option::Some(#v))
                }
                None => quote!(::core::option::Option::None),
            };
            let action = match &a.meta.action {
                Some(k) => {
                    let v = &k.value;
                    quote!(::core::option::Option::Some(#v))
                }
                None => quote!(::core::option::Option::None),
            };
            let cats = a.meta.category.iter().map(|c| &c.value);
            let types = a.meta.types.iter().map(|c| &c.value);
            let initial = a.initial.is_some();
            let transitions = fsm::transition_specs(&krate, g, e);
            let vars = a.vars.iter().map(|(i, v)| {
                let name = i.to_string();
                let json = var_json(v);
                quote!((#name, #json))
            });
            let fields = field_lists[k]
                .iter()
                .map(|(path, ty)| quote!(#p::FieldSpec { path: #path, ecs_type: #ty }));
            event_specs.push(quote! {
                #p::EventSpec {
                    name: #name,
                    function: #function,
                    doc: #doc,
                    weight: #weight,
                    kind: #kind,
                    category: &[#(#cats),*],
                    types: &[#(#types),*],
                    action: #action,
                    initial: #initial,
                    transitions: &[#(#transitions),*],
                    vars: &[#(#vars),*],
                    fields: &[#(#fields),*],
                }
            });
            k += 1;
        }
    }
    let sample_specs = &sample_parts.specs;
    let state_specs = state::spec(&krate, &g.states);
    let sample_fields = &sample_parts.struct_fields;
    let sample_inits = &sample_parts.inits;

    let (export_ref, export_static) = export_tokens(cx, g, &krate);
    let module = &g.module;
    let vis = &module.vis;
    let ident = &module.ident;
    let attrs = module.attrs.iter().filter(|a| !crate::attr::is_helper(a));
    let unsafety = &module.unsafety;

    quote! {
        #(#attrs)*
        #vis #unsafety mod #ident {
            #[doc(hidden)]
            #[allow(unused_imports)]
            use #krate_path as __eventum;
            #[allow(unused_imports)]
            use __eventum::prelude::*;

            #(#others)*

            #params_items
            #sample_items
            /// The samples of this generator, with their per-worker random streams.
            pub struct Samples { #sample_fields }
            #shared
            #locals
            #globals
            #(#vars_items)*

            /// The template context of one event: Eventum's names, typed.
            pub struct Cx<'__a, __V = ()> {
                /// The event's timestamp (`timestamp`).
                pub timestamp: #krate::Timestamp,
                /// Tags of the input that produced the timestamp (`tags`).
                pub tags: &'__a #krate::Tags,
                /// Parameters (`params`).
                pub params: &'__a Params,
                /// Samples (`samples`).
                pub samples: &'__a Samples,
                /// State shared by every event type (`shared`).
                pub shared: &'__a mut Shared,
                /// State of this event type (`locals`).
                pub locals: &'__a mut Locals,
                /// Process-wide state (`globals`).
                pub globals: &'__a mut Globals,
                /// Random values (`module.rand`).
                pub rand: &'__a #krate::Rand,
                /// Fake data (`module.faker`).
                pub faker: &'__a #krate::Faker,
                /// Dispatch signals (`dispatch`).
                pub dispatch: #krate::Dispatch,
                /// This event type's `vars`.
                pub vars: &'__a __V,
                #[doc(hidden)]
                pub __out: &'__a mut ::std::vec::Vec<u8>,
                #[doc(hidden)]
                pub __meta: &'static str,
            }

            #(#fns)*

            #[doc(hidden)]
            pub struct __EventumState {
                params: Params,
                samples: Samples,
                shared: Shared,
                locals: [Locals; #n],
                globals: Globals,
                rand: #krate::Rand,
                faker: #krate::Faker,
                timestamp: #krate::Timestamp,
                tags: #krate::Tags,
                last: usize,
            }

            impl #p::Render for __EventumState {
                fn render(&mut self, index: usize, out: &mut ::std::vec::Vec<u8>) -> #krate::Event {
                    self.last = index;
                    match index {
                        #(#arms)*
                        _ => #krate::Dispatch.drop(),
                    }
                }
                #transition
            }

            #[doc(hidden)]
            pub struct __EventumGenerator {
                picker: #p::Picker,
                state: __EventumState,
                picked: ::std::vec::Vec<usize>,
            }

            impl #krate::Generator for __EventumGenerator {
                fn produce(&mut self, timestamp: #krate::Timestamp, tags: &#krate::Tags, out: &mut #krate::EventBatch) -> #krate::Produced {
                    self.state.timestamp = timestamp;
                    if !#p::Arc::ptr_eq(&self.state.tags, tags) {
                        self.state.tags = ::core::clone::Clone::clone(tags);
                    }
                    #p::produce(&mut self.picker, &mut self.state, out, &mut self.picked)
                }

                fn render(&mut self, event: &str, timestamp: #krate::Timestamp, tags: &#krate::Tags, out: &mut #krate::EventBatch) -> ::core::option::Option<#krate::Produced> {
                    let index = [#(#names),*].iter().position(|n| *n == event)?;
                    self.state.timestamp = timestamp;
                    self.state.tags = ::core::clone::Clone::clone(tags);
                    ::core::option::Option::Some(#p::render_one(&mut self.state, index, out))
                }

                fn last_picked(&self) -> &[usize] {
                    &self.picked
                }
            }

            #[doc(hidden)]
            fn __eventum_create(init: &#p::Init<'_>) -> ::core::result::Result<::std::boxed::Box<dyn #krate::Generator>, #p::InitError> {
                let master = #krate::FastRng::from_seed(init.seed);
                let mut params = <Params as ::core::default::Default>::default();
                params.__eventum_apply(init.params)?;
                let samples = Samples { #sample_inits };
                let shared = Shared::__eventum_new(&params);
                let globals = Globals::__eventum_new(&params);
                let locals: [Locals; #n] = ::core::array::from_fn(|_| Locals::__eventum_new(&params));
                let rng = master.fork(1);
                let picker = #picker;
                let state = __EventumState {
                    rand: #krate::Rand::new(&master.fork(2)),
                    faker: #krate::Faker::new(&master.fork(3)),
                    params,
                    samples,
                    shared,
                    locals,
                    globals,
                    timestamp: #krate::Timestamp::from_utc_micros(0),
                    tags: #p::empty_tags(),
                    last: 0,
                };
                ::core::result::Result::Ok(::std::boxed::Box::new(__EventumGenerator {
                    picker,
                    state,
                    picked: ::std::vec::Vec::with_capacity(#n),
                }))
            }

            /// What this generator is: events, weights, params, samples, state.
            pub static SPEC: #krate::GeneratorSpec = #krate::GeneratorSpec {
                name: #gname,
                title: #title,
                description: #description,
                mode: #krate::Mode::#mode_ident,
                ecs_version: #ecs_version,
                field_files: &[#(#field_files),*],
                events: &[#(#event_specs),*],
                chain: &[#(#chain),*],
                params: &[#param_specs],
                samples: &[#sample_specs],
                state: &[#state_specs],
                export: #export_ref,
            };

            #export_static

            /// This generator, ready to run.
            pub static GENERATOR: #krate::GeneratorEntry = #krate::GeneratorEntry {
                spec: &SPEC,
                create: __eventum_create,
            };
        }
    }
}

/// The `EXPORT` static (the Jinja lowering) and the spec's reference to it.
fn export_tokens(cx: &Ctxt, g: &Generator, krate: &TokenStream) -> (TokenStream, TokenStream) {
    // Translating a module that has other errors would only add noise.
    if !g.args.export || cx.has_errors() {
        return (quote!(::core::option::Option::None), quote!());
    }
    let p = quote!(#krate::__private);
    let export = crate::transpile::transpile(cx, g, &[]);
    let templates = export.templates.iter().map(|t| {
        let (file, text) = (&t.file, &t.text);
        quote!(#p::TemplateFile { file: #file, text: #text })
    });
    let aliases = export.aliases.iter().map(|(file, vars)| {
        let vars = vars.iter().map(|(k, v)| quote!((#k, #v)));
        quote!(#p::AliasExport { template: #file, vars: &[#(#vars),*] })
    });
    let base = &export.base;
    (
        quote!(::core::option::Option::Some(&EXPORT)),
        quote! {
            /// The Eventum templates the event bodies were lowered to.
            pub static EXPORT: #p::ExportSpec = #p::ExportSpec {
                templates: &[#(#templates),*],
                base: #base,
                aliases: &[#(#aliases),*],
            };
        },
    )
}
