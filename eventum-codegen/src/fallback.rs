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
                    if is_event || has_ecs(f) {
                        *f.block = syn::parse_quote!({ ::core::unreachable!() });
                        for input in &mut f.sig.inputs {
                            if let syn::FnArg::Typed(pt) = input {
                                *pt.pat = syn::parse_quote!(_);
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
