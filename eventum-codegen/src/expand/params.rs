//! The `#[params]` struct: defaults, run-time overrides, and its spec.

use crate::ctxt::Ctxt;
use crate::expand::serialize::{LitKind, literal_json};
use crate::model::{Param, Params};
use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;
use syn::{Expr, Type};

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
                match (numeric(ty), literal_json(e)) {
                    // Typed where it is written: `default = 3` on a `u32`
                    // is a `u32`, not an `i32` converted.
                    (Some(Numeric::Int(..)), _) => {
                        quote_spanned!(e.span()=> #id: { let d: #ty = #e; d })
                    }
                    (Some(Numeric::Float), Some((json, LitKind::Int | LitKind::Float))) => {
                        let v: f64 = json.parse().unwrap_or_default();
                        let l = Literal::f64_unsuffixed(v);
                        quote_spanned!(e.span()=> #id: { let d: #ty = #l; d })
                    }
                    _ => quote!(#id: <#ty as #krate::__private::ParamType>::from_default(#e)),
                }
            }
            None => quote!(#id: ::core::default::Default::default()),
        }
    });
    let bounds: Vec<Bounds> = p.fields.iter().map(|f| bounds(cx, f)).collect();
    let arms = p.fields.iter().zip(&bounds).map(|(f, b)| {
        let id = &f.ident;
        let name = id.to_string();
        let ty = &f.ty;
        let check = (b.min.is_some() || b.max.is_some()).then(|| {
            let min = option_tokens(b.min.as_ref());
            let max = option_tokens(b.max.as_ref());
            quote!(#krate::__private::check_bounds(&v, #min, #max)?;)
        });
        quote!(#name => {
            let v = <#ty as #krate::__private::ParamType>::from_param(value)?;
            #check
            self.#id = v;
        })
    });
    let specs = p.fields.iter().zip(&bounds).map(|(f, b)| {
        let name = f.ident.to_string();
        let ty = &f.ty;
        let ty_s = quote!(#ty).to_string().replace(' ', "");
        let json = f.default.as_ref().and_then(|e| default_json(&Ctxt::quiet(), e)).unwrap_or_else(|| "null".to_owned());
        let doc = &f.doc;
        let min = option_tokens(b.min_json.as_ref());
        let max = option_tokens(b.max_json.as_ref());
        quote!(#krate::__private::ParamSpec { name: #name, ty: #ty_s, default_json: #json, doc: #doc, min: #min, max: #max })
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

/// A parameter's `min`/`max`: typed literals for the run-time check and
/// their JSON spellings for the spec.
#[derive(Default)]
struct Bounds {
    min: Option<TokenStream>,
    max: Option<TokenStream>,
    min_json: Option<String>,
    max_json: Option<String>,
}

/// `Some(x)` or `None` as tokens.
fn option_tokens<T: quote::ToTokens>(v: Option<&T>) -> TokenStream {
    match v {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    }
}

/// A primitive numeric parameter type.
#[derive(Clone, Copy)]
enum Numeric {
    /// An integer type and its values, `lo..=hi`.
    Int(i128, i128),
    Float,
}

/// The primitive numeric type `ty` names, if it names one.
fn numeric(ty: &Type) -> Option<Numeric> {
    let Type::Path(p) = ty else { return None };
    if p.qself.is_some() || p.path.segments.len() != 1 {
        return None;
    }
    Some(match p.path.segments[0].ident.to_string().as_str() {
        "i8" => Numeric::Int(i8::MIN.into(), i8::MAX.into()),
        "i16" => Numeric::Int(i16::MIN.into(), i16::MAX.into()),
        "i32" => Numeric::Int(i32::MIN.into(), i32::MAX.into()),
        "i64" | "isize" => Numeric::Int(i64::MIN.into(), i64::MAX.into()),
        "i128" => Numeric::Int(i128::MIN, i128::MAX),
        "u8" => Numeric::Int(0, u8::MAX.into()),
        "u16" => Numeric::Int(0, u16::MAX.into()),
        "u32" => Numeric::Int(0, u32::MAX.into()),
        "u64" | "usize" => Numeric::Int(0, u64::MAX.into()),
        "u128" => Numeric::Int(0, i128::MAX),
        "f32" | "f64" => Numeric::Float,
        _ => return None,
    })
}

/// Checks `min`/`max` at compile time (numeric parameter, numeric literals,
/// `min <= default <= max`) and lowers them to literals of the field's type.
fn bounds(cx: &Ctxt, f: &Param) -> Bounds {
    let mut out = Bounds::default();
    if f.min.is_none() && f.max.is_none() {
        return out;
    }
    let Some(kind) = numeric(&f.ty) else {
        let ty = &f.ty;
        let e = f.min.as_ref().or(f.max.as_ref()).expect("min or max");
        cx.error_spanned_by(
            e,
            format!(
                "`min` and `max` bound numeric parameters (integers, floats); `{}` is `{}`",
                f.ident,
                quote!(#ty).to_string().replace(' ', "")
            ),
        );
        return out;
    };
    let ty = &f.ty;
    let value = |e: &Expr, which: &str| -> Option<(f64, TokenStream, String)> {
        let (json, lit_kind) = literal_json(e).or_else(|| {
            cx.error_spanned_by(e, format!("`{which}` is a number literal"));
            None
        })?;
        let v: f64 = match (kind, lit_kind) {
            (Numeric::Float, LitKind::Int | LitKind::Float) => json.parse().ok()?,
            (Numeric::Int(lo, hi), LitKind::Int) => {
                let v: i128 = json.parse().ok()?;
                if v < lo || v > hi {
                    cx.error_spanned_by(
                        e,
                        format!(
                            "`{which} = {v}` does not fit in `{}` ({lo} to {hi})",
                            quote!(#ty)
                        ),
                    );
                    return None;
                }
                v as f64
            }
            (Numeric::Int(..), _) => {
                cx.error_spanned_by(
                    e,
                    format!("`{which}` of `{}` is an integer literal", f.ident),
                );
                return None;
            }
            (Numeric::Float, _) => {
                cx.error_spanned_by(e, format!("`{which}` of `{}` is a number literal", f.ident));
                return None;
            }
        };
        // Typed where it is written, so rustc sees the bound as the
        // field's type.
        let lit = match kind {
            Numeric::Float => {
                let l = Literal::f64_unsuffixed(v);
                quote_spanned!(e.span()=> { let b: #ty = #l; b })
            }
            Numeric::Int(..) => quote_spanned!(e.span()=> { let b: #ty = #e; b }),
        };
        Some((v, lit, json))
    };
    let min = f.min.as_ref().and_then(|e| value(e, "min"));
    let max = f.max.as_ref().and_then(|e| value(e, "max"));
    if let (Some((lo, ..)), Some((hi, ..)), Some(e)) = (&min, &max, &f.max)
        && hi < lo
    {
        cx.error_spanned_by(e, format!("`max` ({hi}) is below `min` ({lo})"));
        return out;
    }
    if let Some(e) = &f.default
        && let Some((d, _)) = literal_json(e)
        && let Ok(d) = d.parse::<f64>()
    {
        if let Some((lo, _, j)) = &min
            && d < *lo
        {
            cx.error_spanned_by(e, format!("the default is below `min = {j}`"));
        }
        if let Some((hi, _, j)) = &max
            && d > *hi
        {
            cx.error_spanned_by(e, format!("the default is above `max = {j}`"));
        }
    }
    if let Some((_, lit, json)) = min {
        out.min = Some(lit);
        out.min_json = Some(json);
    }
    if let Some((_, lit, json)) = max {
        out.max = Some(lit);
        out.max_json = Some(json);
    }
    out
}
