//! `#[shared]`, `#[locals]` and `#[globals]` structs and how they start.

use crate::model::{Scope, State};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

fn last_segment(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

/// The struct name for a scope.
pub(crate) fn ident(scope: Scope) -> syn::Ident {
    format_ident!(
        "{}",
        match scope {
            Scope::Shared => "Shared",
            Scope::Locals => "Locals",
            Scope::Globals => "Globals",
        }
    )
}

/// The struct (user-written or empty) and its constructor from params.
pub(crate) fn expand(krate: &TokenStream, scope: Scope, state: Option<&State>) -> TokenStream {
    let name = ident(scope);
    let Some(s) = state else {
        let doc = format!(" This generator keeps no `{}` state.", scope.as_str());
        return quote! {
            #[doc = #doc]
            #[derive(Debug, Default)]
            pub struct #name {}
            impl #name {
                #[doc(hidden)]
                #[allow(unused_variables)]
                fn __eventum_new(params: &Params) -> Self { Self {} }
            }
        };
    };
    let item = &s.item;
    let ident = &item.ident;
    let inits = s.fields.iter().map(|f| {
        let id = &f.ident;
        let ty = &f.ty;
        let init = &f.init;
        let kind = last_segment(ty).unwrap_or_default();
        let value = match kind.as_str() {
            "Pool" => {
                let cap = init.cap.as_ref().map_or_else(|| quote!(1000), |c| quote!(#c));
                quote!(<#ty>::with_cap(#krate::__private::as_usize(#cap)))
            }
            "Counter" => {
                let start = init.start.as_ref().map_or_else(|| quote!(1), |c| quote!(#c));
                let wrap = init.wrap.as_ref().map_or_else(|| quote!(i64::MAX), |c| quote!(#c));
                quote!(<#ty>::new(#start, #wrap))
            }
            "Value" => match &init.default {
                Some(d) => quote!({ let mut v = <#ty>::default(); v.set(::core::convert::Into::into(#d)); v }),
                None => quote!(<#ty>::default()),
            },
            _ => match &init.default {
                Some(d) => quote!(::core::convert::Into::into(#d)),
                None => quote!(::core::default::Default::default()),
            },
        };
        quote!(#id: #value)
    });
    quote! {
        #item
        impl #ident {
            #[doc(hidden)]
            #[allow(unused_variables)]
            fn __eventum_new(params: &Params) -> Self {
                Self { #(#inits,)* }
            }
        }
    }
}

/// Spec entries for the state fields.
pub(crate) fn spec(krate: &TokenStream, states: &[State]) -> TokenStream {
    let entries = states.iter().flat_map(|s| {
        s.fields.iter().map(move |f| {
            let scope = s.scope.as_str();
            let name = f.ident.to_string();
            let ty = &f.ty;
            let ty_s = quote!(#ty).to_string().replace(' ', "");
            let doc = &f.doc;
            quote!(#krate::__private::StateSpec { scope: #scope, name: #name, ty: #ty_s, doc: #doc })
        })
    });
    quote!(#(#entries),*)
}
