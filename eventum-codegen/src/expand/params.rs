//! The `#[params]` struct: defaults, run-time overrides, and its spec.

use crate::ctxt::Ctxt;
use crate::expand::serialize::literal_json;
use crate::model::Params;
use proc_macro2::TokenStream;
use quote::quote;
use syn::Expr;

/// The JSON text of a default value (a literal, or a list of literals).
pub(crate) fn default_json(cx: &Ctxt, e: &Expr) -> Option<String> {
    if let Some((json, _)) = literal_json(e) {
        return Some(json);
    }
    if let Expr::Array(arr) = e {
        let mut parts = Vec::new();
        for el in &arr.elems {
            parts.push(default_json(cx, el)?);
        }
        return Some(format!("[{}]", parts.join(",")));
    }
    cx.error_spanned_by(
        e,
        "a parameter default is a literal (string, number, bool) or a list of literals, so it can be written into generator.yml",
    );
    None
}

/// Items for the params struct, and the spec entries.
pub(crate) fn expand(
    cx: &Ctxt,
    krate: &TokenStream,
    params: Option<&Params>,
) -> (TokenStream, TokenStream) {
    let Some(p) = params else {
        let items = quote! {
            /// This generator has no parameters.
            #[derive(Debug, Clone, Default)]
            pub struct Params {}
            impl Params {
                #[doc(hidden)]
                fn __eventum_apply(&mut self, values: &#krate::__private::ParamValues) -> ::core::result::Result<(), #krate::__private::InitError> {
                    #krate::__private::apply_params(values, &[], |_, _| ::core::result::Result::Ok(()))
                }
            }
        };
        return (items, quote!());
    };
    let item = &p.item;
    let ident = &item.ident;
    let names: Vec<String> = p.fields.iter().map(|f| f.ident.to_string()).collect();
    let defaults = p.fields.iter().map(|f| {
        let id = &f.ident;
        match &f.default {
            Some(e) => {
                let _ = default_json(cx, e);
                let ty = &f.ty;
                quote!(#id: <#ty as #krate::__private::ParamType>::from_default(#e))
            }
            None => quote!(#id: ::core::default::Default::default()),
        }
    });
    let arms = p.fields.iter().map(|f| {
        let id = &f.ident;
        let name = id.to_string();
        let ty = &f.ty;
        quote!(#name => { self.#id = <#ty as #krate::__private::ParamType>::from_param(value)?; })
    });
    let specs = p.fields.iter().map(|f| {
        let name = f.ident.to_string();
        let ty = &f.ty;
        let ty_s = quote!(#ty).to_string().replace(' ', "");
        let json = f.default.as_ref().and_then(|e| default_json(&Ctxt::quiet(), e)).unwrap_or_else(|| "null".to_owned());
        let doc = &f.doc;
        quote!(#krate::__private::ParamSpec { name: #name, ty: #ty_s, default_json: #json, doc: #doc })
    });
    let items = quote! {
        #item
        impl ::core::default::Default for #ident {
            fn default() -> Self {
                Self { #(#defaults,)* }
            }
        }
        impl #ident {
            #[doc(hidden)]
            fn __eventum_apply(&mut self, values: &#krate::__private::ParamValues) -> ::core::result::Result<(), #krate::__private::InitError> {
                #krate::__private::apply_params(values, &[#(#names),*], |name, value| {
                    match name {
                        #(#arms)*
                        _ => {}
                    }
                    ::core::result::Result::Ok(())
                })
            }
        }
    };
    (items, quote!(#(#specs),*))
}
