//! Python semantics in native code. An exported generator's events must be
//! the same whether the native code or its Jinja twin computes them, so in
//! the function bodies of exported generators the macro rewrites:
//!
//! - `a / b` and `a % b` into `__private::py::div/rem` (floor division and
//!   the divisor's sign for integers, as Jinja's `//` and `%` do);
//! - the arguments of `format!` into `__private::py::fmt(&x)` and
//!   `x.to_string()` into `__private::py::to_string(&x)`, so floats print as
//!   Python's `repr` (`1.0`, not `1`).
//!
//! Arithmetic on two literals is left alone (there is nothing to differ).

use proc_macro2::TokenStream;
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned as _;
use syn::visit_mut::VisitMut;
use syn::{BinOp, Expr};

struct Rewriter<'a> {
    krate: &'a TokenStream,
}

fn is_literal(e: &Expr) -> bool {
    match e {
        Expr::Lit(_) => true,
        Expr::Unary(u) => is_literal(&u.expr),
        Expr::Paren(p) => is_literal(&p.expr),
        _ => false,
    }
}

impl VisitMut for Rewriter<'_> {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        syn::visit_mut::visit_expr_mut(self, e);
        let krate = self.krate;
        match e {
            Expr::Binary(b) if !(is_literal(&b.left) && is_literal(&b.right)) => {
                let (l, r) = (&b.left, &b.right);
                let span = b.op.span();
                let new: Option<TokenStream> = match b.op {
                    BinOp::Div(_) => {
                        Some(quote_spanned!(span=> #krate::__private::py::div(#l, #r)))
                    }
                    BinOp::Rem(_) => {
                        Some(quote_spanned!(span=> #krate::__private::py::rem(#l, #r)))
                    }
                    BinOp::DivAssign(_) => Some(quote_spanned!(span=> {
                        let __eventum_place = &mut #l;
                        *__eventum_place = #krate::__private::py::div(*__eventum_place, #r);
                    })),
                    BinOp::RemAssign(_) => Some(quote_spanned!(span=> {
                        let __eventum_place = &mut #l;
                        *__eventum_place = #krate::__private::py::rem(*__eventum_place, #r);
                    })),
                    _ => None,
                };
                if let Some(t) = new
                    && let Ok(parsed) = syn::parse2(t)
                {
                    *e = parsed;
                }
            }
            Expr::MethodCall(m) if m.method == "to_string" && m.args.is_empty() => {
                let recv = &m.receiver;
                let span = m.method.span();
                if let Ok(parsed) =
                    syn::parse2(quote_spanned!(span=> #krate::__private::py::to_string(&#recv)))
                {
                    *e = parsed;
                }
            }
            Expr::Macro(m) if m.mac.path.is_ident("format") => {
                if let Some(tokens) = rewrite_format(krate, &m.mac) {
                    m.mac.tokens = tokens;
                }
            }
            _ => {}
        }
    }
}

/// `format!("{a}-{}", b)` -> `format!("{}-{}", py::fmt(&a), py::fmt(&b))`.
/// Returns `None` (leave it) for forms it does not handle (`{:?}`, `{:#}`).
fn rewrite_format(krate: &TokenStream, mac: &syn::Macro) -> Option<TokenStream> {
    let parts = mac
        .parse_body_with(syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated)
        .ok()?;
    let mut iter = parts.iter();
    let Some(Expr::Lit(syn::ExprLit {
        lit: syn::Lit::Str(fmt),
        ..
    })) = iter.next()
    else {
        return None;
    };
    let mut positional: Vec<&Expr> = Vec::new();
    let mut named: Vec<(String, &Expr)> = Vec::new();
    for a in iter {
        match a {
            Expr::Assign(asg) => {
                let name = asg.left.to_token_stream().to_string();
                named.push((name, &asg.right));
            }
            other => positional.push(other),
        }
    }
    let text = fmt.value();
    let mut out = String::new();
    let mut args: Vec<TokenStream> = Vec::new();
    let mut chars = text.chars().peekable();
    let mut next = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push_str("{{");
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push_str("}}");
            }
            '{' => {
                let mut inner = String::new();
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                    inner.push(c);
                }
                let (name, spec) = inner
                    .split_once(':')
                    .map_or((inner.as_str(), ""), |(a, b)| (a, b));
                if spec.contains('?') || spec.contains('#') {
                    return None;
                }
                let arg: TokenStream = if name.is_empty() {
                    let a = positional.get(next)?;
                    next += 1;
                    quote!(#a)
                } else if let Ok(i) = name.parse::<usize>() {
                    let a = positional.get(i)?;
                    quote!(#a)
                } else if let Some((_, a)) = named.iter().find(|(n, _)| n == name) {
                    quote!(#a)
                } else {
                    let ident = syn::Ident::new(name, fmt.span());
                    quote!(#ident)
                };
                // Only plain `{}` differs between Rust and Python (floats);
                // explicit specs (`{:x}`, `{:.2}`, `{:5}`) keep Rust's meaning,
                // which the Jinja translation mirrors.
                if spec.is_empty() {
                    args.push(quote!(#krate::__private::py::fmt(&(#arg))));
                } else {
                    args.push(arg);
                }
                out.push('{');
                if !spec.is_empty() {
                    out.push(':');
                    out.push_str(spec);
                }
                out.push('}');
            }
            c => out.push(c),
        }
    }
    let lit = syn::LitStr::new(&out, fmt.span());
    Some(quote!(#lit #(, #args)*))
}

/// Rewrites a function body of an exported generator.
pub(crate) fn rewrite_fn(krate: &TokenStream, f: &mut syn::ItemFn) {
    Rewriter { krate }.visit_block_mut(&mut f.block);
}
