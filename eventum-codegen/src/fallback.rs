//! What the macro emits when the module has errors: the module again, with
//! the helper attributes stripped and event bodies stubbed, plus stand-ins
//! for the items the macro would have generated. The rest of the crate keeps
//! type-checking and only the real errors are shown (bon's `Fallback`,
//! clap's dummies).

use crate::attr::strip_helpers;
use crate::expand::events::has_ecs;
use crate::symbol;
use proc_macro2::TokenStream;
use quote::quote;

/// Whether a signature names the context type `Cx`.
fn mentions_cx(sig: &syn::Signature) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_path_segment(&mut self, s: &'ast syn::PathSegment) {
            self.0 |= s.ident == "Cx";
            syn::visit::visit_path_segment(self, s);
        }
    }
    let mut finder = Finder(false);
    syn::visit::Visit::visit_signature(&mut finder, sig);
    finder.0
}

/// The fallback expansion of `module`.
pub(crate) fn fallback(krate: &syn::Path, module: &syn::ItemMod) -> TokenStream {
    let mut module = module.clone();
    strip_helpers(&mut module.attrs);
    let has = |name: &str, items: &[syn::Item]| {
        items.iter().any(|i| match i {
            syn::Item::Struct(s) => s.ident == name,
            syn::Item::Static(s) => s.ident == name,
            _ => false,
        })
    };
    if let Some((_, items)) = &mut module.content {
        for item in items.iter_mut() {
            match item {
                syn::Item::Fn(f) => {
                    let is_event = f.attrs.iter().any(|a| a.path().is_ident(symbol::EVENT));
                    strip_helpers(&mut f.attrs);
                    // Bodies that read the context or hold an `ecs!` would
                    // only produce errors against the stand-ins.
                    if is_event || has_ecs(f) || mentions_cx(&f.sig) {
                        *f.block = syn::parse_quote!({ ::core::unreachable!() });
                        for input in &mut f.sig.inputs {
                            if let syn::FnArg::Typed(pt) = input {
                                *pt.pat = syn::parse_quote!(_);
                                // `&mut Cx` gets its lifetime, as in the real expansion.
                                if let syn::Type::Reference(r) = &mut *pt.ty
                                    && matches!(&*r.elem, syn::Type::Path(p) if p.path.is_ident("Cx"))
                                {
                                    *r.elem = syn::parse_quote!(Cx<'_>);
                                }
                            }
                        }
                    }
                }
                syn::Item::Struct(s) => {
                    strip_helpers(&mut s.attrs);
                    for field in &mut s.fields {
                        strip_helpers(&mut field.attrs);
                    }
                }
                _ => {}
            }
        }
        let mut extra: Vec<syn::Item> = vec![
            syn::parse_quote!(#[doc(hidden)] #[allow(unused_imports)] use #krate as __eventum;),
            syn::parse_quote!(
                #[allow(unused_imports)]
                use __eventum::prelude::*;
            ),
        ];
        if !has("Cx", items) {
            extra.push(syn::parse_quote!(
                /// Stand-in while the module has errors.
                pub struct Cx<'__a, __V = ()>(::core::marker::PhantomData<(&'__a (), __V)>);
            ));
        }
        if !has("SPEC", items) {
            // Struct update copies the (all `Copy`) fields: a static cannot
            // move another static's value.
            extra.push(syn::parse_quote!(
                /// Stand-in while the module has errors.
                pub static SPEC: __eventum::GeneratorSpec = __eventum::GeneratorSpec {
                    ..__eventum::__private::FALLBACK_SPEC
                };
            ));
        }
        if !has("GENERATOR", items) {
            extra.push(syn::parse_quote!(
                /// Stand-in while the module has errors.
                pub static GENERATOR: __eventum::GeneratorEntry =
                    __eventum::__private::FALLBACK_ENTRY;
            ));
        }
        items.splice(0..0, extra);
    }
    quote!(#module)
}
