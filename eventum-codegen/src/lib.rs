//! The code generator behind `#[eventum_runtime::generator]`: an ordinary
//! library (askama's split), so every phase can be tested in process.
//!
//! Pipeline: [`attr`] parses the attributes (errors accumulate in a
//! [`ctxt::Ctxt`], never a panic), [`parse`] builds the [`model`], [`check`]
//! applies the cross-item rules, [`expand`] emits native code. On any error
//! the module is re-emitted by [`fallback`] so the rest of the crate still
//! type-checks, and every error is shown at once.

mod attr;
mod check;
mod cond;
mod ctxt;
mod ecs;
mod ecs_lit;
mod expand;
mod fallback;
mod model;
mod parse;
mod suggest;
mod symbol;
mod transpile;

use proc_macro2::TokenStream;
use quote::quote;

/// Expands a `#[generator(...)] mod name { ... }` item. Never panics: a bug
/// in the macro becomes a compile error asking for a report.
pub fn expand_generator(args: TokenStream, item: TokenStream) -> TokenStream {
    let module: syn::ItemMod = match syn::parse2(item.clone()) {
        Ok(m) => m,
        Err(_) => {
            let err = syn::Error::new_spanned(
                &item,
                "#[generator] applies to an inline module: `pub mod name { ... }`",
            )
            .into_compile_error();
            return quote!(#err #item);
        }
    };
    let fallback_path: syn::Path = syn::parse_quote!(::eventum_runtime);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        expand_checked(args, &module)
    }));
    match result {
        Ok(Ok(tokens)) => tokens,
        Ok(Err((err, krate))) => {
            let errors = err.into_compile_error();
            let fb = fallback::fallback(&krate, &module);
            quote!(#errors #fb)
        }
        Err(panic) => {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            let err = syn::Error::new_spanned(
                &module.ident,
                format!("the #[generator] macro panicked (a bug in eventum-codegen; please report it): {msg}"),
            )
            .into_compile_error();
            let fb = fallback::fallback(&fallback_path, &module);
            quote!(#err #fb)
        }
    }
}

fn expand_checked(
    args: TokenStream,
    module: &syn::ItemMod,
) -> Result<TokenStream, (syn::Error, syn::Path)> {
    let cx = ctxt::Ctxt::new();
    let args = attr::generator_args(&cx, args);
    let krate = args
        .krate
        .clone()
        .unwrap_or_else(|| syn::parse_quote!(::eventum_runtime));
    let generator = parse::parse_module(&cx, args, module.clone());
    check::check(&cx, &generator);
    let resolved = resolve_schema(&cx, &generator);
    let tokens = expand::expand(&cx, &generator, &resolved);
    match cx.check() {
        Ok(()) => Ok(tokens),
        Err(e) => Err((e, krate)),
    }
}

/// The export of `#[generator(args)] item` as the macro computes it, or
/// the messages of every error the macro reports (the golden tests'
/// entry point: the same pipeline, with the lowering's result kept).
#[cfg(test)]
pub(crate) fn export_of(args: &str, item: &str) -> Result<transpile::Export, Vec<String>> {
    let cx = ctxt::Ctxt::new();
    let args = attr::generator_args(&cx, args.parse().expect("args tokenize"));
    let module: syn::ItemMod = syn::parse_str(item).expect("an inline module");
    let generator = parse::parse_module(&cx, args, module);
    check::check(&cx, &generator);
    let resolved = resolve_schema(&cx, &generator);
    // The native expansion runs its own checks (ECS fields, samples) and
    // the lowering; its errors are the macro's errors.
    let _ = expand::expand(&cx, &generator, &resolved);
    if let Err(e) = cx.check() {
        return Err(e.into_iter().map(|e| e.to_string()).collect());
    }
    let cx = ctxt::Ctxt::new();
    let export = transpile::transpile(&cx, &generator, &[]);
    cx.check().expect("the lowering is deterministic");
    Ok(export)
}

/// The ECS schema of the declared version plus the generator's field files.
fn resolve_schema(cx: &ctxt::Ctxt, g: &model::Generator) -> expand::Resolved {
    let version = g.args.ecs.as_ref();
    let Some(v) = version else {
        return expand::Resolved {
            schema: None,
            field_files: Vec::new(),
        };
    };
    let Some(base) = ecs::ecs(&v.value) else {
        cx.error_at(
            v.span,
            format!(
                "no ECS definitions for version `{}`; supported: {}",
                v.value,
                ecs::version_names().join(", ")
            ),
        );
        return expand::Resolved {
            schema: None,
            field_files: Vec::new(),
        };
    };
    let mut schema = base.clone();
    let mut names = Vec::new();
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| std::path::PathBuf::from("."), std::path::PathBuf::from);
    for f in &g.args.fields {
        let full = dir.join(&f.value);
        match std::fs::read_to_string(&full) {
            Ok(text) => match ecs::load_fields_file(&text, &f.value, base) {
                Ok(defs) => {
                    schema.extend(defs);
                    names.push(f.value.clone());
                }
                Err(e) => cx.error_at(f.span, format!("cannot use fields file `{}`: {e}", f.value)),
            },
            // The full path differs between machines: name the path as
            // written and what it is relative to.
            Err(e) => cx.error_at(
                f.span,
                format!(
                    "cannot read fields file `{}`: {e} (paths are relative to the directory of the crate's Cargo.toml)",
                    f.value
                ),
            ),
        }
    }
    expand::Resolved {
        schema: Some(schema),
        field_files: names,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The expansion of `args` on `item`, as text.
    fn expand(args: &str, item: &str) -> String {
        let args: TokenStream = args.parse().unwrap();
        let item: TokenStream = item.parse().unwrap();
        expand_generator(args, item).to_string()
    }

    #[test]
    fn odd_inputs_are_errors_not_panics() {
        let cases = [
            // Weights whose total overflows, and floats that parse as infinity.
            (
                r#"name = "test-x""#,
                "mod g { #[event(weight = 1e308)] fn a(cx: &mut Cx) -> Event { ecs!{} } \
                 #[event(weight = 1e308)] fn b(cx: &mut Cx) -> Event { ecs!{} } }",
            ),
            (
                r#"name = "test-x""#,
                "mod g { #[event(weight = 1e999, vars(x = 1e999, y = 99999999999999999999))] \
                 fn a(cx: &mut Cx) -> Event { ecs!{} } }",
            ),
            (
                r#"name = "test-x", mode = fsm"#,
                "mod g { #[shared] pub struct Shared { pub n: Value<f64> } \
                 #[event(initial)] #[transition(to = a, when = shared.n > 1e999)] \
                 fn a(cx: &mut Cx) -> Event { ecs!{} } }",
            ),
            // Malformed attributes and literals.
            (
                r#"name = "test-x", mode = fsm, chain = [], crate = "not a path""#,
                "mod g { #[event = 5] #[transition] fn a(cx: &mut Cx) -> Event { ecs!{ \"\": 1, \"a..b\": 2, x } } }",
            ),
            (
                "name",
                "mod g { #[event(initial = maybe)] fn a() {} #[sample] struct S; #[params(x)] struct Params(u8); }",
            ),
            (
                r#"name = "test-x", ecs = "8.11.0""#,
                "mod g { #[sample(items = [], name = \"type\")] pub struct Row { pub v: i64 } \
                 #[event(weight = 1)] fn r#type(cx: &mut Cx) -> Event { ecs!{ \"a\"?: { \"b\": 1 }, ..f(), \"process\": { \"pid\": \"x\" } } } }",
            ),
            ("", "mod g;"),
            ("", "struct NotAModule;"),
        ];
        for (args, item) in cases {
            let out = expand(args, item);
            assert!(!out.contains("panicked"), "{args} / {item}:\n{out}");
            assert!(out.contains("compile_error"), "{args} / {item}:\n{out}");
        }
    }
}
