//! `format!` in the functions of a generator module, lowered to a `String`
//! allocated once and filled piece by piece (see the runtime's
//! `fast_format`): `format!` goes through the formatting machinery and grows
//! its buffer from a guess, which made it the largest cost of text-heavy
//! generators. The text is the same: string and integer arguments are
//! pushed directly, any other argument through its `Display`.
//!
//! Only plain placeholders are lowered (`{}`, `{0}`, `{name}`, `{{`, `}}`);
//! a `format!` with a format spec (`{:>5}`, `{:?}`), an unused argument or
//! anything unexpected is left to `format!` itself (and its errors).
//! Arguments are evaluated once, in the order written, as `format!` does.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned as _;
use syn::visit_mut::VisitMut;
use syn::{Expr, Lit};

/// A piece of the lowered string.
#[derive(Debug, PartialEq)]
enum Piece {
    Text(String),
    /// An explicit argument, by position in the call.
    Arg(usize),
    /// An identifier captured from the scope (`{name}` with no `name = `).
    Capture(String),
}

/// The explicit arguments of a `format!` call.
struct Args {
    positional: Vec<Expr>,
    named: Vec<(String, Expr)>,
}

impl Args {
    fn len(&self) -> usize {
        self.positional.len() + self.named.len()
    }

    fn expr(&self, i: usize) -> &Expr {
        if i < self.positional.len() {
            &self.positional[i]
        } else {
            &self.named[i - self.positional.len()].1
        }
    }
}

/// Splits a format string into pieces, or `None` when it has a format spec
/// or is malformed.
fn pieces(text: &str, args: &Args) -> Option<Vec<Piece>> {
    let mut out = Vec::new();
    let mut text_piece = String::new();
    let mut next = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text_piece.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text_piece.push('}');
            }
            '}' => return None,
            '{' => {
                let mut inner = String::new();
                loop {
                    match chars.next()? {
                        '}' => break,
                        c => inner.push(c),
                    }
                }
                let piece = if inner.is_empty() {
                    next += 1;
                    Piece::Arg(next - 1)
                } else if inner.bytes().all(|b| b.is_ascii_digit()) {
                    Piece::Arg(inner.parse().ok()?)
                } else if is_identifier(&inner) {
                    match args.named.iter().position(|(n, _)| *n == inner) {
                        Some(i) => Piece::Arg(args.positional.len() + i),
                        None => Piece::Capture(inner),
                    }
                } else {
                    // A spec (`:x`), a width argument, or something malformed.
                    return None;
                };
                if let Piece::Arg(i) = piece
                    && i >= args.len()
                {
                    return None;
                }
                if !text_piece.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut text_piece)));
                }
                out.push(piece);
            }
            c => text_piece.push(c),
        }
    }
    if !text_piece.is_empty() {
        out.push(Piece::Text(text_piece));
    }
    Some(out)
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
        && s != "_"
}

/// The text of a literal argument known at compile time (strings, chars,
/// integers, booleans: their `Display` is their spelling).
fn literal_text(e: &Expr) -> Option<String> {
    match e {
        Expr::Lit(l) => match &l.lit {
            Lit::Str(s) => Some(s.value()),
            Lit::Char(c) => Some(c.value().to_string()),
            Lit::Int(i) => Some(i.base10_digits().to_owned()),
            Lit::Bool(b) => Some(b.value.to_string()),
            _ => None,
        },
        Expr::Group(g) => literal_text(&g.expr),
        Expr::Paren(p) => literal_text(&p.expr),
        _ => None,
    }
}

/// The lowered expression of one `format!(...)`, or `None` to keep it.
fn lower(krate: &TokenStream, mac: &syn::Macro) -> Option<TokenStream> {
    let parts = mac
        .parse_body_with(syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated)
        .ok()?;
    let mut iter = parts.into_iter();
    let Some(Expr::Lit(syn::ExprLit {
        lit: Lit::Str(fmt),
        attrs,
    })) = iter.next()
    else {
        return None;
    };
    if !attrs.is_empty() {
        return None;
    }
    let mut args = Args {
        positional: Vec::new(),
        named: Vec::new(),
    };
    for a in iter {
        match a {
            Expr::Assign(asg) => {
                let Expr::Path(p) = &*asg.left else {
                    return None;
                };
                let name = p.path.get_ident()?.to_string();
                if !args.positional.is_empty() && args.named.iter().any(|(n, _)| *n == name) {
                    return None;
                }
                args.named.push((name, *asg.right));
            }
            // Positional arguments after named ones are an error of format!.
            other if args.named.is_empty() => args.positional.push(other),
            _ => return None,
        }
    }
    let pieces = pieces(&fmt.value(), &args)?;
    // An unused argument is an error of format!; keep its diagnostic.
    let used = |i: usize| pieces.contains(&Piece::Arg(i));
    if !(0..args.len()).all(used) {
        return None;
    }

    let p = quote!(#krate::__private::fast_format);
    let s = format_ident!("__eventum_s");
    // Arguments known at compile time join the text; the others are bound
    // once, in call order.
    let mut bound: Vec<(usize, syn::Ident)> = Vec::new();
    let mut scrutinees = Vec::new();
    for i in 0..args.len() {
        let e = args.expr(i);
        if literal_text(e).is_none() {
            let local = format_ident!("__eventum_f{}", i);
            let span = e.span();
            scrutinees.push(quote_spanned!(span=> &(#e)));
            bound.push((i, local));
        }
    }
    let mut text_len = 0usize;
    let mut hints = Vec::new();
    let mut pushes = Vec::new();
    let mut pending = String::new();
    let flush = |pending: &mut String, pushes: &mut Vec<TokenStream>| {
        if !pending.is_empty() {
            let lit = syn::LitStr::new(pending, Span::call_site());
            pushes.push(quote!(#s.push_str(#lit);));
            pending.clear();
        }
    };
    for piece in &pieces {
        let value = match piece {
            Piece::Text(t) => {
                pending.push_str(t);
                text_len += t.len();
                continue;
            }
            Piece::Arg(i) => {
                if let Some(t) = literal_text(args.expr(*i)) {
                    pending.push_str(&t);
                    text_len += t.len();
                    continue;
                }
                let local = &bound.iter().find(|(j, _)| j == i)?.1;
                quote!(#local)
            }
            Piece::Capture(name) => {
                let ident = syn::Ident::new(name, fmt.span());
                quote!(&#ident)
            }
        };
        flush(&mut pending, &mut pushes);
        hints.push(quote!((&#p::Arg(#value)).len_hint()));
        pushes.push(quote!((&#p::Arg(#value)).push_to(&mut #s);));
    }
    flush(&mut pending, &mut pushes);
    let locals = bound.iter().map(|(_, l)| l);
    let body = quote! {
        #[allow(unused_imports)]
        use #p::{PushDisplay as _, PushFast as _};
        let mut #s = ::std::string::String::with_capacity(#text_len #(+ #hints)*);
        #(#pushes)*
        #s
    };
    Some(if scrutinees.is_empty() {
        quote!({ #body })
    } else {
        quote!({
            match (#(#scrutinees,)*) {
                (#(#locals,)*) => { #body }
            }
        })
    })
}

struct Rewriter<'a> {
    krate: &'a TokenStream,
}

fn is_format(path: &syn::Path) -> bool {
    let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    matches!(
        names
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        ["format"] | ["std" | "alloc", "format"]
    )
}

impl VisitMut for Rewriter<'_> {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        syn::visit_mut::visit_expr_mut(self, e);
        if let Expr::Macro(m) = e
            && is_format(&m.mac.path)
            && let Some(tokens) = lower(self.krate, &m.mac)
            && let Ok(parsed) = syn::parse2::<Expr>(tokens)
        {
            *e = parsed;
        }
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {
        // Items nested in a function keep their own `format!`.
    }
}

/// Lowers every `format!` expression in a function of a generator module.
pub(crate) fn rewrite_fn(krate: &TokenStream, f: &mut syn::ItemFn) {
    Rewriter { krate }.visit_block_mut(&mut f.block);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowered(src: &str) -> Option<String> {
        let e: Expr = syn::parse_str(src).unwrap();
        let Expr::Macro(m) = e else {
            panic!("not a macro")
        };
        lower(&quote!(k), &m.mac).map(|t| t.to_string())
    }

    #[test]
    fn plain_placeholders_are_lowered() {
        let out =
            lowered(r#"format!("type={rtype} msg=audit({}): {}{{x}}", stamp, body)"#).unwrap();
        assert!(out.contains(r#"push_str ("type=")"#), "{out}");
        assert!(out.contains(r#"push_str (" msg=audit(")"#), "{out}");
        assert!(out.contains(r#"push_str ("{x}")"#), "{out}");
        assert!(out.contains("& rtype"), "{out}");
        assert!(out.contains("match (& (stamp) , & (body) ,)"), "{out}");
        assert!(out.contains("with_capacity (22usize +"), "{out}");
    }

    #[test]
    fn literal_arguments_join_the_text() {
        let out = lowered(r#"format!("{}-{}-{}-{}", "a", 7, 'c', x)"#).unwrap();
        assert!(out.contains(r#"push_str ("a-7-c-")"#), "{out}");
        assert!(out.contains("match (& (x) ,)"), "{out}");
        let out = lowered(r#"format!("{0}{0}{n}", "ab", n = 3)"#).unwrap();
        assert!(out.contains(r#"push_str ("abab3")"#), "{out}");
        assert!(!out.contains("match"), "{out}");
    }

    #[test]
    fn other_forms_are_left_to_format() {
        for src in [
            r#"format!("{:>5}", x)"#,
            r#"format!("{:?}", x)"#,
            r#"format!("{x:}")"#,
            r#"format!("{}", a, b)"#,
            r#"format!("{2}", a)"#,
            r#"format!("}")"#,
            r#"format!("{")"#,
            r#"format!(concat!("a", "{}"), x)"#,
            r#"format!("{:width$}", x, width = 3)"#,
        ] {
            assert_eq!(lowered(src), None, "{src}");
        }
    }

    #[test]
    fn only_format_macros_are_matched() {
        for (src, yes) in [
            ("format", true),
            ("std::format", true),
            ("alloc::format", true),
            ("format_args", false),
            ("my::format", false),
        ] {
            let p: syn::Path = syn::parse_str(src).unwrap();
            assert_eq!(is_format(&p), yes, "{src}");
        }
    }
}
