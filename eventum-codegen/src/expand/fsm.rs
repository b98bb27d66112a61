//! FSM transitions compiled to a `match` over states: each arm checks the
//! state's transitions in order and returns the first target whose
//! condition holds (Eventum's order), with Eventum's operator semantics
//! supplied by `__private::fsm`.

use crate::cond::{Cond, Target, parse_condition, to_yaml};
use crate::ctxt::Ctxt;
use crate::model::{EventFn, Generator, Mode};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

fn target(p: &TokenStream, t: &Target) -> TokenStream {
    match t {
        Target::Null => quote!(#p::fsm::Observed::Null),
        Target::Bool(b) => quote!(#p::fsm::Observed::Bool(#b)),
        Target::Int(i) => quote!(#p::fsm::Observed::Int(#i)),
        Target::Float(f) => quote!(#p::fsm::Observed::Float(#f)),
        Target::Str(s) => quote!(#p::fsm::Observed::Str(#s)),
        Target::List(items) => {
            let items = items.iter().map(|i| target(p, i));
            quote!(#p::fsm::Observed::Seq(&[#(#items),*]))
        }
    }
}

fn cond(p: &TokenStream, c: &Cond) -> TokenStream {
    let field = |f: &crate::cond::FieldRef| {
        let scope = format_ident!("{}", f.scope.as_str());
        let name = &f.name;
        quote!(&#scope.#name)
    };
    match c {
        Cond::Cmp(op, f, t) => {
            let func = format_ident!("{}", op.name());
            let (fe, te) = (field(f), target(p, t));
            quote!(#p::fsm::#func(#fe, #te))
        }
        Cond::Len(op, f, n) => {
            let func = format_ident!("len_{}", op.name());
            let fe = field(f);
            quote!(#p::fsm::#func(#fe, #n))
        }
        Cond::Contains(f, t) => {
            let (fe, te) = (field(f), target(p, t));
            quote!(#p::fsm::contains(#fe, #te))
        }
        Cond::In(f, t) => {
            let (fe, te) = (field(f), target(p, t));
            quote!(#p::fsm::in_(#fe, #te))
        }
        Cond::Matches(f, re) => {
            let fe = field(f);
            quote! {{
                static RE: #p::LazyLock<::core::option::Option<#p::Regex>> =
                    #p::LazyLock::new(|| #p::fsm::match_regex(#re).ok());
                RE.as_ref().is_some_and(|re| #p::fsm::matches(#fe, re))
            }}
        }
        Cond::Defined(f) => {
            let fe = field(f);
            quote!(#p::fsm::defined(#fe))
        }
        Cond::HasTags(tags) => quote!(#p::fsm::has_tags(tags, &[#(#tags),*])),
        Cond::Before(cs) | Cond::After(cs) => {
            let func = format_ident!(
                "{}",
                if matches!(c, Cond::Before(_)) {
                    "before"
                } else {
                    "after"
                }
            );
            let sets = cs.0.iter().map(|(k, v)| {
                let k = format_ident!("{}", k);
                quote!(#k: ::core::option::Option::Some(#v))
            });
            quote!(#p::fsm::#func(timestamp, &#p::fsm::Components { #(#sets,)* ..#p::fsm::Components::NONE }))
        }
        Cond::Always => quote!(true),
        Cond::Never => quote!(false),
        Cond::And(parts) => {
            let parts = parts.iter().map(|x| cond(p, x));
            quote!((#(#parts)&&*))
        }
        Cond::Or(parts) => {
            let parts = parts.iter().map(|x| cond(p, x));
            quote!((#(#parts)||*))
        }
        Cond::Not(inner) => {
            let inner = cond(p, inner);
            quote!((!#inner))
        }
    }
}

/// The `Render::transition` method (fsm mode only).
pub(crate) fn transition_fn(
    cx: &Ctxt,
    krate: &TokenStream,
    g: &Generator,
    names: &[String],
) -> TokenStream {
    if g.mode() != Mode::Fsm {
        return quote!();
    }
    let p = quote!(#krate::__private);
    let mut arms = Vec::new();
    let mut i = 0usize;
    for e in &g.events {
        let mut checks = Vec::new();
        for t in &e.transitions {
            // The condition is checked even when the target is unknown
            // (reported by the checks), so every mistake shows at once.
            let parsed = parse_condition(cx, g, &t.when);
            if let (Some(to), Some(c)) = (names.iter().position(|n| t.to == n), parsed) {
                let code = cond(&p, &c);
                checks.push(quote!(if #code { return ::core::option::Option::Some(#to); }));
            }
        }
        for _ in &e.aliases {
            arms.push(quote!(#i => { #(#checks)* ::core::option::Option::None }));
            i += 1;
        }
    }
    quote! {
        #[allow(unused_variables, clippy::nonminimal_bool)]
        fn transition(&mut self, from: usize) -> ::core::option::Option<usize> {
            let shared = &self.shared;
            let globals = &self.globals;
            let locals = &self.locals[self.last];
            let timestamp = self.timestamp;
            let tags: &[#p::Arc<str>] = &self.tags;
            match from {
                #(#arms)*
                _ => ::core::option::Option::None,
            }
        }
    }
}

/// Spec entries for a function's transitions.
pub(crate) fn transition_specs(
    krate: &TokenStream,
    g: &Generator,
    e: &EventFn,
) -> Vec<TokenStream> {
    let p = quote!(#krate::__private);
    e.transitions
        .iter()
        .map(|t| {
            let to = t.to.to_string();
            let when = &t.when;
            let rust = quote!(#when).to_string();
            // Conditions were checked by `transition_fn`; re-parse quietly.
            let yaml = parse_condition(&Ctxt::quiet(), g, &t.when)
                .map(|c| to_yaml(&c))
                .unwrap_or_default();
            quote!(#p::TransitionSpec { to: #to, when_rust: #rust, when_eventum: #yaml })
        })
        .collect()
}
