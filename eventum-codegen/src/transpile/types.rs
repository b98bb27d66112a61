//! The types the transpiler needs to know: a Rust expression's Jinja twin
//! depends on them (`a / b` is `//` on integers, `+` is `~` on strings, a
//! timestamp is written as `isoformat()`). The inference is deliberately
//! small: literals, the context API, declared structs and annotated `let`s.
//! Where it cannot tell, translation fails with a message asking for an
//! annotation instead of guessing.

use std::collections::HashMap;

/// A type as far as translation cares.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ty {
    Int,
    Float,
    Str,
    Bool,
    Timestamp,
    Delta,
    /// A row of the named sample struct.
    Row(String),
    /// A user struct from the module (stored as a dict in Jinja).
    Struct(String),
    List(Box<Ty>),
    Opt(Box<Ty>),
    Tuple(Vec<Ty>),
    Fragment,
    Event,
    Unit,
    /// The generator's parameters (`params`).
    Params,
    /// A state container: `Counter<K>`, `Pool<T>`, `Map<K, V>`, `Value<T>`.
    Counter(Box<Ty>),
    Pool(Box<Ty>),
    Map(Box<Ty>, Box<Ty>),
    Value(Box<Ty>),
    /// Unknown: a translation that needs the type fails.
    Unknown,
    /// The translation of this value already failed (no further errors).
    Error,
}

impl Ty {
    /// A readable name for messages.
    pub(crate) fn describe(&self) -> String {
        match self {
            Self::Int => "an integer".into(),
            Self::Float => "a float".into(),
            Self::Str => "a string".into(),
            Self::Bool => "a bool".into(),
            Self::Timestamp => "a timestamp".into(),
            Self::Delta => "a time delta".into(),
            Self::Row(s) => format!("a `{s}` row"),
            Self::Struct(s) => format!("a `{s}`"),
            Self::List(t) => format!("a list of {}", t.describe()),
            Self::Opt(t) => format!("an `Option` of {}", t.describe()),
            Self::Tuple(_) => "a tuple".into(),
            Self::Fragment => "a fragment".into(),
            Self::Event => "an event".into(),
            Self::Unit => "nothing".into(),
            Self::Params => "the params".into(),
            Self::Counter(_) => "a counter".into(),
            Self::Pool(_) => "a pool".into(),
            Self::Map(..) => "a map".into(),
            Self::Value(_) => "a state value".into(),
            Self::Unknown => "a value of unknown type".into(),
            Self::Error => "an untranslatable value".into(),
        }
    }

    pub(crate) fn is_number(&self) -> bool {
        matches!(self, Self::Int | Self::Float)
    }

    /// The type inside `Option`/`Value`, or itself.
    pub(crate) fn inner(&self) -> &Ty {
        match self {
            Self::Opt(t) | Self::Value(t) => t,
            other => other,
        }
    }
}

/// Converts a written Rust type.
pub(crate) fn from_syn(
    ty: &syn::Type,
    structs: &HashMap<String, Vec<(String, Ty)>>,
    rows: &[String],
) -> Ty {
    match ty {
        syn::Type::Reference(r) => match &*r.elem {
            syn::Type::Path(p) if p.path.is_ident("str") => Ty::Str,
            syn::Type::Slice(s) => Ty::List(Box::new(from_syn(&s.elem, structs, rows))),
            other => from_syn(other, structs, rows),
        },
        syn::Type::Slice(s) => Ty::List(Box::new(from_syn(&s.elem, structs, rows))),
        syn::Type::Array(a) => Ty::List(Box::new(from_syn(&a.elem, structs, rows))),
        syn::Type::Tuple(t) if t.elems.is_empty() => Ty::Unit,
        syn::Type::Tuple(t) => {
            Ty::Tuple(t.elems.iter().map(|e| from_syn(e, structs, rows)).collect())
        }
        syn::Type::Paren(p) => from_syn(&p.elem, structs, rows),
        syn::Type::Path(p) => {
            let Some(seg) = p.path.segments.last() else {
                return Ty::Unknown;
            };
            let args: Vec<Ty> = match &seg.arguments {
                syn::PathArguments::AngleBracketed(a) => a
                    .args
                    .iter()
                    .filter_map(|g| match g {
                        syn::GenericArgument::Type(t) => Some(from_syn(t, structs, rows)),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let arg = |i: usize| Box::new(args.get(i).cloned().unwrap_or(Ty::Unit));
            let name = seg.ident.to_string();
            match name.as_str() {
                "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64"
                | "u128" | "usize" => Ty::Int,
                "f32" | "f64" => Ty::Float,
                "String" | "str" | "Str" | "InlineStr" | "Ipv4Addr" | "Ipv6Addr" | "IpAddr" => {
                    Ty::Str
                }
                "bool" => Ty::Bool,
                "Timestamp" => Ty::Timestamp,
                "TimeDelta" => Ty::Delta,
                "Fragment" => Ty::Fragment,
                "Event" => Ty::Event,
                "Vec" | "VecDeque" => Ty::List(arg(0)),
                "Option" => Ty::Opt(arg(0)),
                "Box" | "Rc" | "Arc" => *arg(0),
                "Counter" => Ty::Counter(arg(0)),
                "Pool" => Ty::Pool(arg(0)),
                "Map" | "HashMap" | "BTreeMap" => Ty::Map(arg(0), arg(1)),
                "Value" => Ty::Value(arg(0)),
                "Params" => Ty::Params,
                other if rows.iter().any(|r| r == other) => Ty::Row(other.to_owned()),
                other if structs.contains_key(other) => Ty::Struct(other.to_owned()),
                _ => Ty::Unknown,
            }
        }
        _ => Ty::Unknown,
    }
}

/// Lexical scopes of local variables: name -> (Jinja name, type).
#[derive(Debug, Default, Clone)]
pub(crate) struct Scopes {
    frames: Vec<Vec<(String, String, Ty)>>,
}

impl Scopes {
    pub(crate) fn push(&mut self) {
        self.frames.push(Vec::new());
    }

    pub(crate) fn pop(&mut self) {
        self.frames.pop();
    }

    pub(crate) fn bind(&mut self, name: &str, jinja: &str, ty: Ty) {
        if self.frames.is_empty() {
            self.push();
        }
        if let Some(f) = self.frames.last_mut() {
            f.push((name.to_owned(), jinja.to_owned(), ty));
        }
    }

    pub(crate) fn lookup(&self, name: &str) -> Option<(&str, &Ty)> {
        self.frames
            .iter()
            .rev()
            .flat_map(|f| f.iter().rev())
            .find(|(n, _, _)| n == name)
            .map(|(_, j, t)| (j.as_str(), t))
    }

    /// How many frames are open (0 = function level).
    pub(crate) fn depth(&self) -> usize {
        self.frames.len()
    }

    /// The frame depth at which `name` was bound.
    pub(crate) fn depth_of(&self, name: &str) -> Option<usize> {
        self.frames
            .iter()
            .enumerate()
            .rev()
            .find(|(_, f)| f.iter().any(|(n, _, _)| n == name))
            .map(|(i, _)| i + 1)
    }
}
