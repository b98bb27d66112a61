//! The macro's view of a generator module (the IR). Every node keeps the
//! spans of the user's tokens so later phases can point errors at them.

use proc_macro2::Span;
use syn::{Expr, Ident, ItemFn, ItemStruct, Type};

/// A value with the span of the tokens it came from.
#[derive(Debug, Clone)]
pub(crate) struct Spanned<T> {
    pub(crate) value: T,
    pub(crate) span: Span,
}

impl<T> Spanned<T> {
    pub(crate) fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}

/// Eventum's picking modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    All,
    Any,
    Chance,
    Spin,
    Chain,
    Fsm,
}

impl Mode {
    pub(crate) fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "all" => Self::All,
            "any" => Self::Any,
            "chance" => Self::Chance,
            "spin" => Self::Spin,
            "chain" => Self::Chain,
            "fsm" => Self::Fsm,
            _ => return None,
        })
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Any => "any",
            Self::Chance => "chance",
            Self::Spin => "spin",
            Self::Chain => "chain",
            Self::Fsm => "fsm",
        }
    }
}

/// The arguments of `#[generator(...)]`.
#[derive(Debug, Clone)]
pub(crate) struct GeneratorArgs {
    pub(crate) name: Option<Spanned<String>>,
    pub(crate) title: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) mode: Option<Spanned<Mode>>,
    pub(crate) ecs: Option<Spanned<String>>,
    pub(crate) fields: Vec<Spanned<String>>,
    pub(crate) krate: Option<syn::Path>,
    pub(crate) chain: Vec<Ident>,
    pub(crate) chain_span: Option<Span>,
    pub(crate) export: bool,
    /// Every key the user wrote, including rejected values and the keys
    /// that misspelled keys most likely meant: a "missing key" error for
    /// them would only repeat the error already shown.
    pub(crate) written: Vec<&'static str>,
}

/// One parameter (a field of the `#[params]` struct).
#[derive(Debug, Clone)]
pub(crate) struct Param {
    pub(crate) ident: Ident,
    pub(crate) ty: Type,
    pub(crate) default: Option<Expr>,
    /// Lowest value accepted (numeric parameters).
    pub(crate) min: Option<Expr>,
    /// Highest value accepted (numeric parameters).
    pub(crate) max: Option<Expr>,
    pub(crate) doc: String,
}

/// The `#[params]` struct.
#[derive(Debug, Clone)]
pub(crate) struct Params {
    pub(crate) item: ItemStruct,
    pub(crate) fields: Vec<Param>,
}

/// Where a sample's rows come from.
#[derive(Debug, Clone)]
pub(crate) enum SampleSource {
    Csv {
        path: Spanned<String>,
        header: bool,
        delimiter: String,
        quotechar: char,
    },
    Json {
        path: Spanned<String>,
    },
    Items {
        items: Vec<Expr>,
        span: Span,
    },
}

/// A `#[sample(...)]` row struct.
#[derive(Debug, Clone)]
pub(crate) struct Sample {
    pub(crate) item: ItemStruct,
    pub(crate) name: Spanned<String>,
    pub(crate) source: SampleSource,
    pub(crate) weight: Option<Spanned<String>>,
    pub(crate) fields: Vec<(Ident, Type)>,
    pub(crate) doc: String,
    /// The source passed the checks that make loading it meaningful (a
    /// csv path must end in `.csv`, ...).
    pub(crate) loadable: bool,
}

impl Sample {
    /// The file the rows come from, as written (None for items).
    pub(crate) fn source_path(&self) -> Option<&str> {
        match &self.source {
            SampleSource::Csv { path, .. } | SampleSource::Json { path } => Some(&path.value),
            SampleSource::Items { .. } => None,
        }
    }
}

/// Which state a struct holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Scope {
    Shared,
    Locals,
    Globals,
}

impl Scope {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Shared => "shared",
            Self::Locals => "locals",
            Self::Globals => "globals",
        }
    }
}

/// How a state field starts.
#[derive(Debug, Clone, Default)]
pub(crate) struct StateInit {
    pub(crate) cap: Option<Expr>,
    pub(crate) start: Option<Expr>,
    pub(crate) wrap: Option<Expr>,
    pub(crate) default: Option<Expr>,
}

/// One field of a state struct.
#[derive(Debug, Clone)]
pub(crate) struct StateField {
    pub(crate) ident: Ident,
    pub(crate) ty: Type,
    pub(crate) init: StateInit,
    pub(crate) doc: String,
}

/// A `#[shared]`, `#[locals]` or `#[globals]` struct.
#[derive(Debug, Clone)]
pub(crate) struct State {
    pub(crate) scope: Scope,
    pub(crate) item: ItemStruct,
    pub(crate) fields: Vec<StateField>,
}

/// The `event.*` metadata of an alias.
#[derive(Debug, Clone, Default)]
pub(crate) struct EventMeta {
    pub(crate) kind: Option<Spanned<String>>,
    pub(crate) category: Vec<Spanned<String>>,
    pub(crate) types: Vec<Spanned<String>>,
    pub(crate) action: Option<Spanned<String>>,
}

/// A literal value of `vars(...)`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum VarValue {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
}

impl VarValue {
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Self::Str(_) => "&'static str",
            Self::Int(_) => "i64",
            Self::Float(_) => "f64",
            Self::Bool(_) => "bool",
        }
    }
}

/// One `#[event(...)]` on a function: an Eventum template alias.
#[derive(Debug, Clone)]
pub(crate) struct Alias {
    pub(crate) name: Spanned<String>,
    pub(crate) weight: Option<Spanned<f64>>,
    pub(crate) meta: EventMeta,
    pub(crate) initial: Option<Span>,
    pub(crate) vars: Vec<(Ident, VarValue)>,
    /// The keys written in the attribute (see [`GeneratorArgs::written`]).
    pub(crate) written: Vec<&'static str>,
    /// The whole `#[event(...)]`, for errors about the alias as a whole.
    pub(crate) attr: proc_macro2::TokenStream,
}

/// One `#[transition(to = ..., when = ...)]`.
#[derive(Debug, Clone)]
pub(crate) struct Transition {
    pub(crate) to: Ident,
    pub(crate) when: Expr,
}

/// A function with one or more `#[event]` attributes.
#[derive(Debug, Clone)]
pub(crate) struct EventFn {
    pub(crate) item: ItemFn,
    pub(crate) aliases: Vec<Alias>,
    pub(crate) transitions: Vec<Transition>,
    /// A `#[transition]` could not be parsed (already reported).
    pub(crate) transitions_broken: bool,
    pub(crate) cx: Ident,
    pub(crate) doc: String,
}

/// The whole module.
#[derive(Debug, Clone)]
pub(crate) struct Generator {
    pub(crate) args: GeneratorArgs,
    pub(crate) module: syn::ItemMod,
    pub(crate) doc: String,
    pub(crate) params: Option<Params>,
    pub(crate) samples: Vec<Sample>,
    pub(crate) states: Vec<State>,
    pub(crate) events: Vec<EventFn>,
    /// Items the macro passes through unchanged (helper attributes stripped).
    pub(crate) other_items: Vec<syn::Item>,
}

impl Generator {
    pub(crate) fn mode(&self) -> Mode {
        self.args.mode.as_ref().map_or(Mode::Chance, |m| m.value)
    }

    /// False when `mode` was written but rejected: the rules that depend
    /// on the mode would then report errors against a mode the user did
    /// not choose.
    pub(crate) fn mode_known(&self) -> bool {
        self.args.mode.is_some() || !self.args.written.contains(&"mode")
    }

    pub(crate) fn state(&self, scope: Scope) -> Option<&State> {
        self.states.iter().find(|s| s.scope == scope)
    }

    /// Every alias in declaration order, with the function it belongs to.
    pub(crate) fn aliases(&self) -> impl Iterator<Item = (&EventFn, &Alias)> {
        self.events
            .iter()
            .flat_map(|e| e.aliases.iter().map(move |a| (e, a)))
    }
}

/// The doc comment of an item, lines joined with newlines.
pub(crate) fn doc_of(attrs: &[syn::Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        if let syn::Meta::NameValue(nv) = &attr.meta
            && let Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) = &nv.value
        {
            let v = s.value();
            lines.push(v.strip_prefix(' ').unwrap_or(&v).to_owned());
        }
    }
    lines.join("\n").trim().to_owned()
}
