//! Samples read at compile time: the file is parsed with Eventum's rules
//! (`eventum-data`), its columns are matched against the row struct, every
//! cell is converted to the field's type, and the rows are embedded as a
//! `static` array of structs, so nothing is parsed at run time. Each file is
//! also `include_bytes!`-ed so that editing it rebuilds the generator.

use crate::ctxt::Ctxt;
use crate::model::Spanned;
use crate::model::{Generator, Sample, SampleSource};
use crate::suggest::{did_you_mean, did_you_mean_among};
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens as _, format_ident, quote};
use serde_json::Value;

/// What samples contribute to the expansion.
#[derive(Default)]
pub(crate) struct SampleParts {
    pub(crate) items: TokenStream,
    pub(crate) struct_fields: TokenStream,
    pub(crate) inits: TokenStream,
    pub(crate) specs: TokenStream,
}

/// The Rust types a sample column may have.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ColType {
    Str,
    Int(String),
    Float(String),
    Bool,
    Option(Box<ColType>),
    List(Box<ColType>),
}

impl ColType {
    /// Whether the column is numeric (a possible weight column).
    pub(crate) fn is_number(&self) -> bool {
        matches!(self, Self::Int(_) | Self::Float(_))
    }
}

/// Classifies a row field's type.
pub(crate) fn col_type(ty: &syn::Type) -> Option<ColType> {
    match ty {
        syn::Type::Reference(r) => match &*r.elem {
            syn::Type::Path(p) if p.path.is_ident("str") => Some(ColType::Str),
            syn::Type::Slice(s) => Some(ColType::List(Box::new(col_type(&s.elem)?))),
            _ => None,
        },
        syn::Type::Path(p) => {
            let seg = p.path.segments.last()?;
            let name = seg.ident.to_string();
            match name.as_str() {
                "Str" => Some(ColType::Str),
                "i8" | "i16" | "i32" | "i64" | "isize" | "u8" | "u16" | "u32" | "u64" | "usize" => {
                    Some(ColType::Int(name))
                }
                "f32" | "f64" => Some(ColType::Float(name)),
                "bool" => Some(ColType::Bool),
                "Option" => match &seg.arguments {
                    syn::PathArguments::AngleBracketed(a) => match a.args.first() {
                        Some(syn::GenericArgument::Type(inner)) => {
                            Some(ColType::Option(Box::new(col_type(inner)?)))
                        }
                        _ => None,
                    },
                    _ => None,
                },
                _ => None,
            }
        }
        _ => None,
    }
}

/// The literal for one cell, or an error message.
fn cell(ty: &ColType, v: &Value, csv: bool) -> Result<TokenStream, String> {
    match ty {
        ColType::Option(inner) => match v {
            Value::Null => Ok(quote!(::core::option::Option::None)),
            Value::String(s) if csv && s.is_empty() => Ok(quote!(::core::option::Option::None)),
            other => {
                let inner = cell(inner, other, csv)?;
                Ok(quote!(::core::option::Option::Some(#inner)))
            }
        },
        ColType::Str => match v {
            Value::String(s) => Ok(quote!(#s)),
            other => Err(format!("expected a string, found `{other}`")),
        },
        ColType::Int(name) => {
            let n: i128 = match v {
                Value::Number(n) if n.is_i64() || n.is_u64() => n
                    .to_string()
                    .parse()
                    .map_err(|_| "not an integer".to_owned())?,
                Value::String(s) if csv => s
                    .trim()
                    .parse()
                    .map_err(|_| format!("`{s}` is not an integer"))?,
                other => return Err(format!("expected an integer, found `{other}`")),
            };
            let ty = format_ident!("{}", name);
            let lit = proc_macro2::Literal::i128_unsuffixed(n);
            Ok(quote!(#lit as #ty))
        }
        ColType::Float(name) => {
            let f: f64 = match v {
                Value::Number(n) => n.as_f64().ok_or("not a number")?,
                Value::String(s) if csv => s
                    .trim()
                    .parse()
                    .map_err(|_| format!("`{s}` is not a number"))?,
                other => return Err(format!("expected a number, found `{other}`")),
            };
            if !f.is_finite() {
                return Err(format!("`{f}` is not a finite number"));
            }
            let ty = format_ident!("{}", name);
            let lit = proc_macro2::Literal::f64_unsuffixed(f);
            Ok(quote!(#lit as #ty))
        }
        ColType::Bool => match v {
            Value::Bool(b) => Ok(quote!(#b)),
            Value::String(s) if csv => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" => Ok(quote!(true)),
                "false" | "0" | "no" => Ok(quote!(false)),
                _ => Err(format!("`{s}` is not a bool (true/false)")),
            },
            other => Err(format!("expected a bool, found `{other}`")),
        },
        ColType::List(inner) => match v {
            Value::Array(items) => {
                let items = items
                    .iter()
                    .map(|i| cell(inner, i, false))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(quote!(&[#(#items),*]))
            }
            other => Err(format!("expected a list, found `{other}`")),
        },
    }
}

fn lit_to_json(cx: &Ctxt, e: &syn::Expr) -> Option<Value> {
    match e {
        syn::Expr::Lit(l) => match &l.lit {
            syn::Lit::Str(s) => Some(Value::String(s.value())),
            syn::Lit::Int(i) => i.base10_parse::<i64>().ok().map(Value::from),
            syn::Lit::Float(f) => f.base10_parse::<f64>().ok().map(Value::from),
            syn::Lit::Bool(b) => Some(Value::Bool(b.value)),
            other => {
                cx.error_spanned_by(
                    other,
                    "items are literals: strings, numbers, bools, or lists of them",
                );
                None
            }
        },
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => match lit_to_json(cx, &u.expr)?
        {
            Value::Number(n) => n
                .as_i64()
                .map(|i| Value::from(-i))
                .or_else(|| n.as_f64().map(|f| Value::from(-f))),
            _ => None,
        },
        syn::Expr::Array(a) => a
            .elems
            .iter()
            .map(|x| lit_to_json(cx, x))
            .collect::<Option<Vec<_>>>()
            .map(Value::Array),
        syn::Expr::Tuple(t) => t
            .elems
            .iter()
            .map(|x| lit_to_json(cx, x))
            .collect::<Option<Vec<_>>>()
            .map(Value::Array),
        other => {
            cx.error_spanned_by(
                other,
                "items are literals: strings, numbers, bools, or lists of them",
            );
            None
        }
    }
}

/// The directory sample paths are relative to: the generator crate.
fn manifest_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| std::path::PathBuf::from("."), std::path::PathBuf::from)
}

/// Loads one sample's table, reporting errors on the attribute.
pub(crate) fn load(cx: &Ctxt, s: &Sample) -> Option<(eventum_data::Table, Option<String>, bool)> {
    if !s.loadable {
        return None;
    }
    match &s.source {
        SampleSource::Csv {
            path,
            header,
            delimiter,
            quotechar,
        } => {
            let full = manifest_dir().join(&path.value);
            let text = read(cx, &full, &path.value, path.span)?;
            match eventum_data::load_csv(&text, *header, delimiter, *quotechar) {
                Ok(t) => Some((t, Some(full.display().to_string()), true)),
                Err(e) => {
                    cx.error_at(
                        path.span,
                        format!(
                            "cannot load sample `{}`: {}",
                            s.name.value,
                            e.in_file(std::path::Path::new(&path.value))
                        ),
                    );
                    None
                }
            }
        }
        SampleSource::Json { path } => {
            let full = manifest_dir().join(&path.value);
            let text = read(cx, &full, &path.value, path.span)?;
            match eventum_data::load_json(&text) {
                Ok(t) => Some((t, Some(full.display().to_string()), false)),
                Err(e) => {
                    cx.error_at(
                        path.span,
                        format!(
                            "cannot load sample `{}`: {}",
                            s.name.value,
                            e.in_file(std::path::Path::new(&path.value))
                        ),
                    );
                    None
                }
            }
        }
        SampleSource::Items { items, span } => {
            let values: Vec<Value> = items.iter().filter_map(|e| lit_to_json(cx, e)).collect();
            if values.len() != items.len() {
                return None;
            }
            match eventum_data::load_items(&values) {
                Ok(t) => Some((t, None, false)),
                Err(e) => {
                    cx.error_at(
                        *span,
                        format!("invalid items for sample `{}`: {e}", s.name.value),
                    );
                    None
                }
            }
        }
    }
}

fn read(cx: &Ctxt, full: &std::path::Path, shown: &str, span: Span) -> Option<String> {
    match std::fs::read_to_string(full) {
        Ok(t) => Some(t),
        Err(e) => {
            // The full path differs between machines; the message names the
            // path as written and what it is relative to.
            let _ = full;
            cx.error_at(
                span,
                format!(
                    "cannot read sample file `{shown}`: {e} (sample paths are relative to the directory of the crate's Cargo.toml)"
                ),
            );
            None
        }
    }
}

/// Reports the first negative weight by its data row (1-based, as the cell
/// errors count; Eventum's own message counts rows from 0). True if any.
fn negative_weights(
    cx: &Ctxt,
    s: &Sample,
    table: &eventum_data::Table,
    w: &Spanned<String>,
) -> bool {
    let Some(col) = table.column_index(&w.value) else {
        return false;
    };
    let negative = table.rows.iter().enumerate().find_map(|(r, cells)| {
        let v = eventum_data::python_float(cells.get(col)?)?;
        (v < 0.0).then(|| (r, cells[col].clone()))
    });
    let Some((r, value)) = negative else {
        return false;
    };
    let shown = s
        .source_path()
        .map_or_else(String::new, |p| format!(" of `{p}`"));
    let value = match value {
        Value::String(text) => text,
        other => other.to_string(),
    };
    cx.error_at(
        w.span,
        format!(
            "sample `{}`, data row {}{shown}: weight `{value}` is negative; Eventum's weighted_pick rejects negative weights",
            s.name.value,
            r + 1
        ),
    );
    true
}

/// Whether the weight column names a numeric field of the row struct.
fn check_weight_field(cx: &Ctxt, s: &Sample, types: &[ColType], w: &Spanned<String>) -> bool {
    let row = &s.item.ident;
    match s.fields.iter().position(|(i, _)| *i == w.value) {
        None => {
            let names: Vec<String> = s.fields.iter().map(|(i, _)| i.to_string()).collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            cx.error_at(
                w.span,
                format!(
                    "weight column `{}` is not a field of `{row}`{}",
                    w.value,
                    did_you_mean_among(&w.value, &names, "its fields are")
                ),
            );
            false
        }
        Some(i) if !types[i].is_number() => {
            let ty = &s.fields[i].1;
            cx.error_at(
                w.span,
                format!(
                    "weight column `{}` must be numeric (f64 or an integer type), but `{row}` declares it as `{}`",
                    w.value,
                    ty.to_token_stream().to_string().replace(' ', "")
                ),
            );
            false
        }
        Some(_) => true,
    }
}

/// Maps each field of the row to its column by name, reporting fields
/// without a column and columns without a field. `None` on any mismatch.
fn match_columns(cx: &Ctxt, s: &Sample, table: &eventum_data::Table) -> Option<Vec<usize>> {
    let name = &s.name.value;
    let row = &s.item.ident;
    let missing: Vec<&syn::Ident> = s
        .fields
        .iter()
        .map(|(i, _)| i)
        .filter(|i| table.column_index(&i.to_string()).is_none())
        .collect();
    let unread: Vec<&str> = table
        .columns
        .iter()
        .map(String::as_str)
        .filter(|c| !s.fields.iter().any(|(i, _)| i == c))
        .collect();
    let columns: Vec<&str> = table.columns.iter().map(String::as_str).collect();
    for ident in &missing {
        let f = ident.to_string();
        let mut hint = did_you_mean(&f, unread.iter().copied());
        if hint.is_empty() && missing.len() == 1 && unread.len() == 1 {
            // One field without a column and one column without a field:
            // almost certainly a rename, however different the names.
            hint = format!(
                "; did you mean `{}`, the one column no field reads?",
                unread[0]
            );
        }
        cx.error_spanned_by(
            ident,
            format!(
                "sample `{name}` has no column `{f}`{hint} (its columns are: {})",
                columns.join(", ")
            ),
        );
    }
    if missing.is_empty() {
        for c in &unread {
            cx.error_at(
                s.name.span,
                format!("sample `{name}` has a column `{c}` that `{row}` does not declare; add a field `{c}` (or remove the column)"),
            );
        }
    }
    if !missing.is_empty() || !unread.is_empty() {
        return None;
    }
    Some(
        s.fields
            .iter()
            .filter_map(|(i, _)| table.column_index(&i.to_string()))
            .collect(),
    )
}

/// Expands every sample.
pub(crate) fn expand(cx: &Ctxt, krate: &TokenStream, g: &Generator) -> SampleParts {
    let p = quote!(#krate::__private);
    let mut parts = SampleParts::default();
    for (k, s) in g.samples.iter().enumerate() {
        let item = &s.item;
        let row = &item.ident;
        parts.items.extend(quote!(#item));
        let name = &s.name.value;
        let field_ident = format_ident!("{}", name);
        let stat = format_ident!("__EVENTUM_ROWS_{}", name.to_uppercase());
        let span = s.name.span;

        // Types of the row fields.
        let mut types = Vec::new();
        for (ident, ty) in &s.fields {
            match col_type(ty) {
                Some(t) => types.push(t),
                None => {
                    cx.error_spanned_by(
                        ty,
                        format!(
                            "unsupported sample column type for `{ident}`; use Str, an integer, f64, bool, Option<...> or &'static [...]"
                        ),
                    );
                    types.push(ColType::Str);
                }
            }
        }
        let loaded = load(cx, s);
        let mut rows_tokens = Vec::new();
        let mut n_rows = 0usize;
        let mut columns: Vec<String> = s.fields.iter().map(|(i, _)| i.to_string()).collect();
        // The weight column is checked against the struct even when the
        // file cannot be read.
        let weight_ok = s
            .weight
            .as_ref()
            .is_none_or(|w| check_weight_field(cx, s, &types, w));
        if let Some((table, file, csv)) = &loaded {
            let by_position = !table.has_header;
            let index = if by_position {
                if table.columns.len() != s.fields.len() && !table.rows.is_empty() {
                    cx.error_at(
                        span,
                        format!(
                            "sample `{name}` has {} columns but `{row}` has {} fields (a sample without a header maps columns to fields by position)",
                            table.columns.len(),
                            s.fields.len()
                        ),
                    );
                }
                columns.clone_from(&table.columns);
                Some((0..s.fields.len()).collect())
            } else {
                match_columns(cx, s, table)
            };
            let mut cells_ok = index.is_some();
            if let Some(index) = &index {
                let mut bad: Vec<Option<(usize, String, usize)>> = vec![None; s.fields.len()];
                for (r, cells) in table.rows.iter().enumerate() {
                    let mut inits = Vec::new();
                    for (k, ((ident, _), (ty, &ci))) in
                        s.fields.iter().zip(types.iter().zip(index)).enumerate()
                    {
                        let v = cells.get(ci).cloned().unwrap_or(Value::Null);
                        match cell(ty, &v, *csv) {
                            Ok(t) => inits.push(quote!(#ident: #t)),
                            Err(e) => match &mut bad[k] {
                                Some((_, _, more)) => *more += 1,
                                slot @ None => *slot = Some((r, e, 0)),
                            },
                        }
                    }
                    rows_tokens.push(quote!(#row { #(#inits,)* }));
                }
                for ((ident, ty), bad) in s.fields.iter().zip(&bad) {
                    let Some((r, e, more)) = bad else { continue };
                    cells_ok = false;
                    let role = if s.weight.as_ref().is_some_and(|w| *ident == w.value) {
                        " (the sample's weight column)"
                    } else {
                        ""
                    };
                    let more = match more {
                        0 => String::new(),
                        1 => " (and 1 more row)".to_owned(),
                        n => format!(" (and {n} more rows)"),
                    };
                    let shown = s
                        .source_path()
                        .map_or_else(String::new, |p| format!(" of `{p}`"));
                    cx.error_spanned_by(
                        ident,
                        format!(
                            "sample `{name}`, data row {}{shown}, column `{ident}`: {e}, but the field is `{}`{role}{more}",
                            r + 1,
                            ty.to_token_stream().to_string().replace(' ', "")
                        ),
                    );
                }
                n_rows = table.rows.len();
            }
            if let Some(file) = file {
                parts.items.extend(quote!(
                    const _: &[u8] = ::core::include_bytes!(#file);
                ));
            }
            // Weight values, as Eventum's `weighted_pick` checks them (once
            // the cells themselves are known to be numbers).
            if let Some(w) = &s.weight
                && weight_ok
                && cells_ok
                && !by_position
                && !negative_weights(cx, s, table, w)
                && let Err(e) = eventum_data::weights(table, &w.value)
            {
                cx.error_at(w.span, format!("sample `{name}`: {e}"));
            }
        }
        parts.items.extend(quote! {
            #[doc(hidden)]
            static #stat: [#row; #n_rows] = [#(#rows_tokens),*];
        });
        let weight = match &s.weight {
            Some(w) => {
                let v = &w.value;
                quote!(::core::option::Option::Some(#v))
            }
            None => quote!(::core::option::Option::None),
        };
        // The row type reads cells (run-time loading) and exposes columns
        // (`where`, `columns`, weights).
        let col_names: Vec<String> = s.fields.iter().map(|(i, _)| i.to_string()).collect();
        let conversions = s.fields.iter().enumerate().map(|(i, (ident, ty))| {
            let name = ident.to_string();
            quote! {
                #ident: <#ty as #p::FromCell>::from_cell(cells.get(#i).unwrap_or(&#p::Value::Null))
                    .map_err(|e| ::std::format!("column `{}`: {}", #name, e))?
            }
        });
        let column_arms = s.fields.iter().map(|(ident, _)| {
            let name = ident.to_string();
            quote!(#name => ::core::option::Option::Some(#p::Observe::observe(&self.#ident)))
        });
        parts.items.extend(quote! {
            impl #p::Row for #row {
                const COLUMNS: &'static [&'static str] = &[#(#col_names),*];
                fn from_cells(cells: &[#p::Value]) -> ::core::result::Result<Self, ::std::string::String> {
                    ::core::result::Result::Ok(Self { #(#conversions,)* })
                }
                fn column(&self, name: &str) -> ::core::option::Option<#p::CellRef<'_>> {
                    match name {
                        #(#column_arms,)*
                        _ => ::core::option::Option::None,
                    }
                }
            }
        });
        let stream = 100 + k as u64;
        parts.struct_fields.extend(quote! {
            #[doc = concat!("The `", #name, "` sample.")]
            pub #field_ident: #p::Sample<#row>,
        });
        parts.inits.extend(quote! {
            #field_ident: #p::Sample::from_static(#name, &#stat, #weight, master.fork(#stream)),
        });
        let kind = match &s.source {
            SampleSource::Csv { .. } => "csv",
            SampleSource::Json { .. } => "json",
            SampleSource::Items { .. } => "items",
        };
        let source = match &s.source {
            SampleSource::Csv { path, .. } | SampleSource::Json { path } => path.value.clone(),
            SampleSource::Items { .. } => String::new(),
        };
        let weight_spec = match &s.weight {
            Some(w) => {
                let v = &w.value;
                quote!(::core::option::Option::Some(#v))
            }
            None => quote!(::core::option::Option::None),
        };
        let doc = &s.doc;
        let (header, delimiter, quotechar) = match &s.source {
            SampleSource::Csv {
                header,
                delimiter,
                quotechar,
                ..
            } => (*header, delimiter.clone(), quotechar.to_string()),
            _ => (false, String::new(), String::new()),
        };
        let items_json = match &s.source {
            SampleSource::Items { items, .. } => {
                let values: Vec<Value> = items
                    .iter()
                    .filter_map(|e| lit_to_json(&Ctxt::quiet(), e))
                    .collect();
                Value::Array(values).to_string()
            }
            _ => String::new(),
        };
        parts.specs.extend(quote! {
            #p::SampleSpec {
                name: #name, kind: #kind, source: #source, columns: &[#(#columns),*], weight: #weight_spec,
                rows: #n_rows, doc: #doc, header: #header, delimiter: #delimiter, quotechar: #quotechar,
                items_json: #items_json,
            },
        });
        let _ = loaded;
    }
    parts
}
