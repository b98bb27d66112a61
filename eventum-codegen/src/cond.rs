//! FSM conditions: `#[transition(when = ...)]` is a Rust expression limited
//! to Eventum's operators over typed state fields, tags and timestamp parts.
//! It is parsed into [`Cond`], checked against the state structs, compiled
//! to native code, and rendered as Eventum's YAML condition.
//!
//! | Rust | Eventum |
//! |---|---|
//! | `shared.x == 5`, `!=`, `>`, `>=`, `<`, `<=` | `eq`, `not: eq`, `gt`, `ge`, `lt`, `le` |
//! | `shared.x.len() > 2` | `len_gt` (and `len_eq`, `len_ge`, ...) |
//! | `shared.x.contains("a")` / `contains(shared.x, "a")` | `contains` |
//! | `is_in(shared.x, ["a", "b"])` | `in` |
//! | `matches(shared.x, "^ab")` | `matches` |
//! | `defined(shared.x)` | `defined` |
//! | `has_tags("vpn")`, `has_tags(["a", "b"])` | `has_tags` |
//! | `before(hour = 9)`, `after(hour = 18, minute = 30)` | `before`, `after` |
//! | `always()`, `never()` | `always`, `never` |
//! | `a && b`, `a \|\| b`, `!a` | `and`, `or`, `not` |

use crate::ctxt::Ctxt;
use crate::model::{Generator, Scope};
use crate::suggest::did_you_mean_among;
use syn::{BinOp, Expr, ExprLit, Lit, UnOp};

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CmpOp {
    Eq,
    Gt,
    Ge,
    Lt,
    Le,
}

impl CmpOp {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Eq => "eq",
            Self::Gt => "gt",
            Self::Ge => "ge",
            Self::Lt => "lt",
            Self::Le => "le",
        }
    }

    fn flip(self) -> Self {
        match self {
            Self::Eq => Self::Eq,
            Self::Gt => Self::Lt,
            Self::Ge => Self::Le,
            Self::Lt => Self::Gt,
            Self::Le => Self::Ge,
        }
    }
}

/// A literal target.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Target {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<Target>),
}

impl Target {
    fn kind(&self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Bool(_) => "a bool",
            Self::Int(_) => "an integer",
            Self::Float(_) => "a float",
            Self::Str(_) => "a string",
            Self::List(_) => "a list",
        }
    }

    /// YAML flow spelling.
    pub(crate) fn yaml(&self) -> String {
        match self {
            Self::Null => "null".to_owned(),
            Self::Bool(b) => b.to_string(),
            Self::Int(i) => i.to_string(),
            Self::Float(f) => format!("{f:?}"),
            Self::Str(s) => format!("'{}'", s.replace('\'', "''")),
            Self::List(items) => format!(
                "[{}]",
                items
                    .iter()
                    .map(Target::yaml)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// A state field reference: `shared.open_sessions`.
#[derive(Debug, Clone)]
pub(crate) struct FieldRef {
    pub(crate) scope: Scope,
    pub(crate) name: syn::Ident,
    pub(crate) class: TypeClass,
}

impl FieldRef {
    pub(crate) fn key(&self) -> String {
        format!("{}.{}", self.scope.as_str(), self.name)
    }
}

/// A timestamp component set for `before`/`after`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Components(pub(crate) Vec<(String, i64)>);

/// A parsed condition.
#[derive(Debug, Clone)]
pub(crate) enum Cond {
    Cmp(CmpOp, FieldRef, Target),
    Len(CmpOp, FieldRef, i64),
    Contains(FieldRef, Target),
    In(FieldRef, Target),
    Matches(FieldRef, String),
    Defined(FieldRef),
    HasTags(Vec<String>),
    Before(Components),
    After(Components),
    Always,
    Never,
    And(Vec<Cond>),
    Or(Vec<Cond>),
    Not(Box<Cond>),
}

/// What a state field holds, as far as conditions care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TypeClass {
    Int,
    Float,
    Str,
    Bool,
    Collection,
    Counter,
    Other,
}

impl TypeClass {
    fn describe(self) -> &'static str {
        match self {
            Self::Int => "an integer",
            Self::Float => "a float",
            Self::Str => "a string",
            Self::Bool => "a bool",
            Self::Collection => "a collection",
            Self::Counter => "a counter",
            Self::Other => "a value",
        }
    }
}

/// Classifies a state field type (looking through `Value<T>` and `Option<T>`).
pub(crate) fn classify(ty: &syn::Type) -> TypeClass {
    let syn::Type::Path(p) = ty else {
        return match ty {
            syn::Type::Reference(r) => classify(&r.elem),
            syn::Type::Slice(_) | syn::Type::Array(_) => TypeClass::Collection,
            _ => TypeClass::Other,
        };
    };
    let Some(seg) = p.path.segments.last() else {
        return TypeClass::Other;
    };
    match seg.ident.to_string().as_str() {
        "i8" | "i16" | "i32" | "i64" | "isize" | "u8" | "u16" | "u32" | "u64" | "usize" => {
            TypeClass::Int
        }
        "f32" | "f64" => TypeClass::Float,
        "String" | "str" | "Str" => TypeClass::Str,
        "bool" => TypeClass::Bool,
        "Pool" | "Vec" | "VecDeque" | "Map" | "HashMap" | "BTreeMap" | "HashSet" | "BTreeSet" => {
            TypeClass::Collection
        }
        "Counter" => TypeClass::Counter,
        "Value" | "Option" | "Box" => match &seg.arguments {
            syn::PathArguments::AngleBracketed(a) => match a.args.first() {
                Some(syn::GenericArgument::Type(inner)) => classify(inner),
                _ => TypeClass::Other,
            },
            _ => TypeClass::Other,
        },
        _ => TypeClass::Other,
    }
}

struct Parser<'a> {
    cx: &'a Ctxt,
    g: &'a Generator,
}

fn literal(e: &Expr) -> Option<Target> {
    match e {
        Expr::Lit(ExprLit { lit, .. }) => match lit {
            Lit::Str(s) => Some(Target::Str(s.value())),
            Lit::Int(i) => i.base10_parse().ok().map(Target::Int),
            // An out-of-range float parses as infinity, which no literal spells.
            Lit::Float(f) => f
                .base10_parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .map(Target::Float),
            Lit::Bool(b) => Some(Target::Bool(b.value)),
            _ => None,
        },
        Expr::Unary(u) if matches!(u.op, UnOp::Neg(_)) => match literal(&u.expr)? {
            Target::Int(i) => Some(Target::Int(-i)),
            Target::Float(f) => Some(Target::Float(-f)),
            _ => None,
        },
        Expr::Array(a) => a
            .elems
            .iter()
            .map(literal)
            .collect::<Option<Vec<_>>>()
            .map(Target::List),
        Expr::Path(p) if p.path.is_ident("None") => Some(Target::Null),
        Expr::Paren(p) => literal(&p.expr),
        Expr::Group(g) => literal(&g.expr),
        _ => None,
    }
}

impl Parser<'_> {
    fn field(&self, e: &Expr) -> Option<FieldRef> {
        let Expr::Field(f) = e else { return None };
        let Expr::Path(base) = &*f.base else {
            return None;
        };
        let scope_name = base.path.get_ident()?.to_string();
        let scope = match scope_name.as_str() {
            "shared" => Scope::Shared,
            "locals" => Scope::Locals,
            "globals" => Scope::Globals,
            _ => return None,
        };
        let syn::Member::Named(name) = &f.member else {
            return None;
        };
        let Some(state) = self.g.state(scope) else {
            self.cx.error_spanned_by(
                e,
                format!(
                    "no #[{}] struct declares `{name}`; declare the state field first",
                    scope.as_str()
                ),
            );
            return None;
        };
        let Some(field) = state.fields.iter().find(|x| x.ident == *name) else {
            let names: Vec<String> = state.fields.iter().map(|x| x.ident.to_string()).collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            self.cx.error_spanned_by(
                name,
                format!(
                    "unknown state field `{}.{name}`{}",
                    scope.as_str(),
                    did_you_mean_among(
                        &name.to_string(),
                        &names,
                        &format!("#[{}] declares", scope.as_str())
                    ),
                ),
            );
            return None;
        };
        Some(FieldRef {
            scope,
            name: name.clone(),
            class: classify(&field.ty),
        })
    }

    fn expect_field(&self, e: &Expr) -> Option<FieldRef> {
        let f = self.field(e);
        if f.is_none() && !Self::is_field_syntax(e) {
            self.cx.error_spanned_by(
                e,
                "expected a state field here: `shared.<name>`, `locals.<name>` or `globals.<name>`",
            );
        }
        f
    }

    fn is_field_syntax(e: &Expr) -> bool {
        matches!(e, Expr::Field(f) if matches!(&*f.base, Expr::Path(p) if p.path.get_ident().is_some_and(|i| i == "shared" || i == "locals" || i == "globals")))
    }

    fn expect_literal(&self, e: &Expr) -> Option<Target> {
        let t = literal(e);
        if t.is_none() {
            self.cx.error_spanned_by(
                e,
                "expected a literal here (a string, number, bool, None or a list of them): Eventum conditions compare state with constants",
            );
        }
        t
    }

    fn check_types(&self, f: &FieldRef, t: &Target, op: &str, span_of: &Expr) {
        let ok = match (f.class, t) {
            (_, Target::Null) => true,
            (
                TypeClass::Int | TypeClass::Float | TypeClass::Bool,
                Target::Int(_) | Target::Float(_) | Target::Bool(_),
            ) => true,
            (TypeClass::Str, Target::Str(_)) => true,
            (TypeClass::Collection, Target::List(_)) => op == "eq",
            (TypeClass::Other, _) => true,
            _ => false,
        };
        if !ok {
            self.cx.error_spanned_by(
                span_of,
                format!(
                    "`{}` is {} but is compared with {} (Eventum would never match it)",
                    f.key(),
                    f.class.describe(),
                    t.kind()
                ),
            );
        }
    }

    fn parse(&self, e: &Expr) -> Option<Cond> {
        match e {
            Expr::Paren(p) => self.parse(&p.expr),
            Expr::Group(g) => self.parse(&g.expr),
            Expr::Unary(u) if matches!(u.op, UnOp::Not(_)) => {
                Some(Cond::Not(Box::new(self.parse(&u.expr)?)))
            }
            Expr::Binary(b) => match b.op {
                BinOp::And(_) => {
                    let mut parts = Vec::new();
                    for side in [&*b.left, &*b.right] {
                        match self.parse(side)? {
                            Cond::And(inner) => parts.extend(inner),
                            other => parts.push(other),
                        }
                    }
                    Some(Cond::And(parts))
                }
                BinOp::Or(_) => {
                    let mut parts = Vec::new();
                    for side in [&*b.left, &*b.right] {
                        match self.parse(side)? {
                            Cond::Or(inner) => parts.extend(inner),
                            other => parts.push(other),
                        }
                    }
                    Some(Cond::Or(parts))
                }
                BinOp::Eq(_)
                | BinOp::Ne(_)
                | BinOp::Gt(_)
                | BinOp::Ge(_)
                | BinOp::Lt(_)
                | BinOp::Le(_) => self.comparison(e, b),
                _ => {
                    self.unsupported(e);
                    None
                }
            },
            Expr::MethodCall(m) if m.method == "contains" && m.args.len() == 1 => {
                let f = self.expect_field(&m.receiver)?;
                let t = self.expect_literal(&m.args[0])?;
                Some(Cond::Contains(f, t))
            }
            Expr::Call(c) => self.call(e, c),
            _ => {
                self.unsupported(e);
                None
            }
        }
    }

    fn unsupported(&self, e: &Expr) {
        self.cx.error_spanned_by(
            e,
            "unsupported condition: use comparisons of state fields with literals, `.len()`, `.contains(..)`, \
             is_in, matches, defined, has_tags, before, after, always(), never(), `&&`, `||`, `!`",
        );
    }

    fn comparison(&self, whole: &Expr, b: &syn::ExprBinary) -> Option<Cond> {
        let (op, negate) = match b.op {
            BinOp::Eq(_) => (CmpOp::Eq, false),
            BinOp::Ne(_) => (CmpOp::Eq, true),
            BinOp::Gt(_) => (CmpOp::Gt, false),
            BinOp::Ge(_) => (CmpOp::Ge, false),
            BinOp::Lt(_) => (CmpOp::Lt, false),
            _ => (CmpOp::Le, false),
        };
        // `field.len() op n`
        for (side, other, flipped) in [(&*b.left, &*b.right, false), (&*b.right, &*b.left, true)] {
            if let Expr::MethodCall(m) = side
                && m.method == "len"
                && m.args.is_empty()
            {
                let f = self.expect_field(&m.receiver)?;
                let Some(Target::Int(n)) = literal(other) else {
                    self.cx
                        .error_spanned_by(other, "`.len()` is compared with an integer literal");
                    return None;
                };
                if !matches!(
                    f.class,
                    TypeClass::Collection | TypeClass::Str | TypeClass::Other
                ) {
                    self.cx.error_spanned_by(
                        &m.receiver,
                        format!("`{}` is {} and has no length", f.key(), f.class.describe()),
                    );
                }
                let op = if flipped { op.flip() } else { op };
                let c = Cond::Len(op, f, n);
                return Some(if negate { Cond::Not(Box::new(c)) } else { c });
            }
        }
        let (field, target, flipped) = if let Some(f) = self.field(&b.left) {
            (f, &*b.right, false)
        } else if let Some(f) = self.field(&b.right) {
            (f, &*b.left, true)
        } else {
            if !Self::is_field_syntax(&b.left) && !Self::is_field_syntax(&b.right) {
                self.cx.error_spanned_by(
                    whole,
                    "a comparison needs a state field on one side: `shared.<name> > 3`",
                );
            }
            return None;
        };
        let t = self.expect_literal(target)?;
        if op != CmpOp::Eq && !matches!(t, Target::Int(_) | Target::Float(_)) {
            self.cx.error_spanned_by(
                target,
                format!(
                    "`{}` is ordered against {}, but `>`, `>=`, `<`, `<=` compare with a number (Eventum's gt/ge/lt/le)",
                    field.key(),
                    t.kind()
                ),
            );
            return None;
        }
        self.check_types(&field, &t, op.name(), target);
        let op = if flipped { op.flip() } else { op };
        let c = Cond::Cmp(op, field, t);
        Some(if negate { Cond::Not(Box::new(c)) } else { c })
    }

    fn call(&self, whole: &Expr, c: &syn::ExprCall) -> Option<Cond> {
        let Expr::Path(p) = &*c.func else {
            self.unsupported(whole);
            return None;
        };
        let name = p
            .path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        let args: Vec<&Expr> = c.args.iter().collect();
        let arity = |n: usize| {
            if args.len() == n {
                true
            } else {
                self.cx
                    .error_spanned_by(whole, format!("`{name}` takes {n} argument(s)"));
                false
            }
        };
        match name.as_str() {
            "always" if arity(0) => Some(Cond::Always),
            "never" if arity(0) => Some(Cond::Never),
            "defined" if arity(1) => Some(Cond::Defined(self.expect_field(args[0])?)),
            "contains" if arity(2) => Some(Cond::Contains(
                self.expect_field(args[0])?,
                self.expect_literal(args[1])?,
            )),
            "is_in" if arity(2) => {
                let f = self.expect_field(args[0])?;
                let t = self.expect_literal(args[1])?;
                if !matches!(t, Target::List(_) | Target::Str(_)) {
                    self.cx
                        .error_spanned_by(args[1], "`is_in` takes a list or a string");
                }
                Some(Cond::In(f, t))
            }
            "matches" if arity(2) => {
                let f = self.expect_field(args[0])?;
                match literal(args[1]) {
                    Some(Target::Str(re)) => {
                        if let Err(e) = regex_syntax_ok(&re) {
                            self.cx.error_spanned_by(
                                args[1],
                                format!("invalid regular expression: {e}"),
                            );
                        }
                        Some(Cond::Matches(f, re))
                    }
                    _ => {
                        self.cx.error_spanned_by(
                            args[1],
                            "`matches` takes a regular expression string literal",
                        );
                        None
                    }
                }
            }
            "has_tags" if arity(1) => match literal(args[0]) {
                Some(Target::Str(s)) => Some(Cond::HasTags(vec![s])),
                Some(Target::List(items))
                    if items.iter().all(|i| matches!(i, Target::Str(_))) && !items.is_empty() =>
                {
                    Some(Cond::HasTags(
                        items
                            .into_iter()
                            .filter_map(|i| match i {
                                Target::Str(s) => Some(s),
                                _ => None,
                            })
                            .collect(),
                    ))
                }
                _ => {
                    self.cx
                        .error_spanned_by(args[0], "`has_tags` takes a tag or a list of tags");
                    None
                }
            },
            "before" | "after" => {
                let comps = self.components(whole, &args)?;
                Some(if name == "before" {
                    Cond::Before(comps)
                } else {
                    Cond::After(comps)
                })
            }
            "always" | "never" | "defined" | "contains" | "is_in" | "matches" | "has_tags" => None,
            _ => {
                self.cx.error_spanned_by(
                    &c.func,
                    format!(
                        "unknown condition `{name}`{}",
                        did_you_mean_among(
                            &name,
                            &[
                                "always", "never", "defined", "contains", "is_in", "matches",
                                "has_tags", "before", "after"
                            ],
                            "the conditions are"
                        )
                    ),
                );
                None
            }
        }
    }

    fn components(&self, whole: &Expr, args: &[&Expr]) -> Option<Components> {
        const RANGES: &[(&str, i64, i64)] = &[
            ("year", 0, 10_000),
            ("month", 1, 12),
            ("day", 1, 31),
            ("hour", 0, 23),
            ("minute", 0, 59),
            ("second", 0, 59),
            ("microsecond", 0, 999_999),
        ];
        let mut out = Vec::new();
        for a in args {
            let Expr::Assign(assign) = a else {
                self.cx
                    .error_spanned_by(a, "write components as `hour = 9, minute = 30`");
                return None;
            };
            let key = match &*assign.left {
                Expr::Path(p) => p
                    .path
                    .get_ident()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                _ => String::new(),
            };
            let Some((_, lo, hi)) = RANGES.iter().find(|(k, _, _)| *k == key) else {
                self.cx.error_spanned_by(
                    &assign.left,
                    format!("unknown timestamp component `{key}`; use year, month, day, hour, minute, second, microsecond"),
                );
                return None;
            };
            let Some(Target::Int(v)) = literal(&assign.right) else {
                self.cx
                    .error_spanned_by(&assign.right, "a component is an integer literal");
                return None;
            };
            if v < *lo || v > *hi {
                self.cx
                    .error_spanned_by(&assign.right, format!("`{key}` must be within {lo}..={hi}"));
                return None;
            }
            out.push((key, v));
        }
        if !out.iter().any(|(_, v)| *v != 0) {
            self.cx.error_spanned_by(
                whole,
                "give at least one non-zero component (Eventum rejects sets like `hour = 0` alone)",
            );
            return None;
        }
        Some(Components(out))
    }
}

fn regex_syntax_ok(re: &str) -> Result<(), String> {
    // A light check of balanced delimiters; the runtime compiles the regex
    // once when the generator starts and reports a clear error there.
    let mut depth: i32 = 0;
    let mut escaped = false;
    for ch in re.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match ch {
            '\\' => escaped = true,
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return Err("unbalanced `)`".to_owned());
        }
    }
    if depth != 0 {
        return Err("unbalanced `(`".to_owned());
    }
    if escaped {
        return Err("trailing backslash".to_owned());
    }
    Ok(())
}

/// Parses and checks a `when` expression.
pub(crate) fn parse_condition(cx: &Ctxt, g: &Generator, e: &Expr) -> Option<Cond> {
    let c = Parser { cx, g }.parse(e)?;
    check_observable(cx, g, &c);
    Some(c)
}

/// How a state field starts, as far as conditions can tell.
enum Start {
    /// Missing until an event sets it, as in Eventum (`Value<T>` without a
    /// default, `Option<T>`).
    Missing,
    /// Has a value from the start (plain fields, `Value` with a default).
    Valued(&'static str),
    /// An empty collection (Eventum: missing until an event stores it).
    Empty,
    /// A counter.
    Counter,
}

fn start_of(g: &Generator, f: &FieldRef) -> Start {
    let Some(field) = g
        .state(f.scope)
        .and_then(|s| s.fields.iter().find(|x| x.ident == f.name))
    else {
        return Start::Missing;
    };
    let kind = match &field.ty {
        syn::Type::Path(p) => p
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default(),
        _ => String::new(),
    };
    match kind.as_str() {
        "Value" if field.init.default.is_some() => Start::Valued("it has a `default`"),
        "Value" | "Option" => Start::Missing,
        "Pool" | "Map" | "Vec" | "VecDeque" | "HashMap" | "BTreeMap" => Start::Empty,
        "Counter" => Start::Counter,
        _ => Start::Valued("it is a plain field"),
    }
}

/// Eventum's state starts empty and its operators are false on a missing
/// key; a condition must read only state that starts the same way natively,
/// or the two engines would take different transitions.
fn check_observable(cx: &Ctxt, g: &Generator, c: &Cond) {
    let report = |f: &FieldRef, why: String| {
        cx.error_spanned_by(
            &f.name,
            format!(
                "an FSM condition cannot read `{}` this way: {why}; Eventum's state starts empty and its operators are false on a missing key",
                f.key()
            ),
        );
    };
    let leaf = |f: &FieldRef, len: Option<(CmpOp, i64)>, contains: bool| match start_of(g, f) {
        Start::Missing => {}
        Start::Valued(why) => report(
            f,
            format!(
                "{why}, so natively it has a value from the start (declare it `Value<T>` without a default and set it in an event)"
            ),
        ),
        Start::Counter => report(
            f,
            "counters are not conditions' state (keep the number in a `Value<i64>`)".to_owned(),
        ),
        Start::Empty => {
            // Empty (native) and missing (Eventum) agree on `contains`,
            // `len() > n` and `len() >= n` with n >= 1: all false.
            let agrees = contains
                || matches!(len, Some((CmpOp::Gt, n)) if n >= 0)
                || matches!(len, Some((CmpOp::Ge, n)) if n >= 1);
            if !agrees {
                report(f, "a collection starts empty natively but missing in Eventum; they agree only on `.contains(..)`, `.len() > n` and `.len() >= n` with n >= 1".to_owned());
            }
        }
    };
    match c {
        Cond::Cmp(_, f, _) | Cond::In(f, _) | Cond::Matches(f, _) | Cond::Defined(f) => {
            leaf(f, None, false);
        }
        Cond::Len(op, f, n) => leaf(f, Some((*op, *n)), false),
        Cond::Contains(f, _) => leaf(f, None, true),
        Cond::And(parts) | Cond::Or(parts) => {
            for p in parts {
                check_observable(cx, g, p);
            }
        }
        Cond::Not(inner) => check_observable(cx, g, inner),
        Cond::HasTags(_) | Cond::Before(_) | Cond::After(_) | Cond::Always | Cond::Never => {}
    }
}

/// Eventum's YAML (flow style) for a condition.
pub(crate) fn to_yaml(c: &Cond) -> String {
    match c {
        Cond::Cmp(op, f, t) => format!("{{{}: {{{}: {}}}}}", op.name(), f.key(), t.yaml()),
        Cond::Len(op, f, n) => format!("{{len_{}: {{{}: {n}}}}}", op.name(), f.key()),
        Cond::Contains(f, t) => format!("{{contains: {{{}: {}}}}}", f.key(), t.yaml()),
        Cond::In(f, t) => format!("{{in: {{{}: {}}}}}", f.key(), t.yaml()),
        Cond::Matches(f, re) => format!(
            "{{matches: {{{}: {}}}}}",
            f.key(),
            Target::Str(re.clone()).yaml()
        ),
        Cond::Defined(f) => format!("{{defined: {}}}", f.key()),
        Cond::HasTags(tags) => format!(
            "{{has_tags: [{}]}}",
            tags.iter()
                .map(|t| Target::Str(t.clone()).yaml())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Cond::Before(cs) | Cond::After(cs) => {
            let name = if matches!(c, Cond::Before(_)) {
                "before"
            } else {
                "after"
            };
            format!(
                "{{{name}: {{{}}}}}",
                cs.0.iter()
                    .map(|(k, v)| format!("{k}: {v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        Cond::Always => "{always: null}".to_owned(),
        Cond::Never => "{never: null}".to_owned(),
        Cond::And(parts) => format!(
            "{{and: [{}]}}",
            parts.iter().map(to_yaml).collect::<Vec<_>>().join(", ")
        ),
        Cond::Or(parts) => format!(
            "{{or: [{}]}}",
            parts.iter().map(to_yaml).collect::<Vec<_>>().join(", ")
        ),
        Cond::Not(inner) => format!("{{not: {}}}", to_yaml(inner)),
    }
}
