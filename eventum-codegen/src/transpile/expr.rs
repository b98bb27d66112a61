//! Expressions: a Rust expression becomes a Jinja expression, with any
//! side-effecting part hoisted into statements emitted before it.

use super::Tr;
use super::api;
use super::jinja;
use super::types::Ty;
use crate::model::Scope;
use quote::ToTokens;
use syn::spanned::Spanned as _;
use syn::{BinOp, Expr, Lit, UnOp};

/// A translated expression.
#[derive(Debug, Clone)]
pub(crate) struct J {
    pub(crate) code: String,
    pub(crate) ty: Ty,
    /// No side effects and no randomness: safe to use inline anywhere.
    pub(crate) pure: bool,
    /// Needs no parentheses as an operand or a filter input.
    pub(crate) atomic: bool,
}

impl J {
    pub(crate) fn new(code: impl Into<String>, ty: Ty, pure: bool, atomic: bool) -> Self {
        Self {
            code: code.into(),
            ty,
            pure,
            atomic,
        }
    }

    /// The code, parenthesized unless atomic.
    pub(crate) fn operand(&self) -> String {
        if self.atomic {
            self.code.clone()
        } else {
            format!("({})", self.code)
        }
    }
}

/// What a path in the context refers to.
#[derive(Debug, Clone)]
pub(crate) enum Handle {
    Cx,
    Rand,
    RandSub(String),
    Faker,
    FakerLocale,
    Samples,
    Sample(String),
    Params,
    Vars,
    Dispatch,
    State(Scope),
    StateField(Scope, String, Ty),
}

/// A value or a handle.
pub(crate) enum V {
    Val(J),
    Handle(Handle),
}

fn ident_of(e: &Expr) -> Option<String> {
    match e {
        Expr::Path(p) if p.qself.is_none() => p.path.get_ident().map(ToString::to_string),
        Expr::Paren(p) => ident_of(&p.expr),
        Expr::Reference(r) => ident_of(&r.expr),
        _ => None,
    }
}

pub(crate) fn strip(e: &Expr) -> &Expr {
    match e {
        Expr::Paren(p) => strip(&p.expr),
        Expr::Group(g) => strip(&g.expr),
        Expr::Reference(r) => strip(&r.expr),
        Expr::Unary(u) if matches!(u.op, UnOp::Deref(_)) => strip(&u.expr),
        _ => e,
    }
}

impl Tr<'_, '_> {
    /// Translates an expression that must be a value.
    pub(crate) fn expr(&mut self, e: &Expr) -> J {
        match self.value_or_handle(e) {
            V::Val(j) => j,
            V::Handle(h) => match h {
                Handle::StateField(scope, name, ty) => self.state_read(scope, &name, &ty),
                Handle::Params => J::new("params", Ty::Params, true, true),
                other => {
                    self.unsupported(
                        e,
                        &format!("`{}` is not a value ({other:?})", e.to_token_stream()),
                    );
                    Self::error_value()
                }
            },
        }
    }

    /// `j` itself when pure, else a temporary bound to it here.
    pub(crate) fn pin(&mut self, j: J, hint: &str) -> J {
        if j.pure {
            return j;
        }
        let t = self.temp(hint);
        self.buf.set(&t, &j.code);
        J::new(t, j.ty, true, true)
    }

    /// Translates and binds to a temporary when the value is not pure.
    pub(crate) fn expr_hoisted(&mut self, e: &Expr, hint: &str) -> J {
        let j = self.expr(e);
        if j.pure {
            return j;
        }
        let t = self.temp(hint);
        self.buf.set(&t, &j.code);
        J::new(t, j.ty, true, true)
    }

    pub(crate) fn value_or_handle(&mut self, e: &Expr) -> V {
        let unused = std::mem::take(&mut self.value_unused);
        match e {
            Expr::Paren(_) | Expr::Group(_) | Expr::Reference(_) => {
                self.value_unused = unused;
                self.value_or_handle(strip(e))
            }
            Expr::Unary(u) if matches!(u.op, UnOp::Deref(_)) => {
                self.value_unused = unused;
                self.value_or_handle(&u.expr)
            }
            Expr::Lit(l) => V::Val(self.lit(&l.lit)),
            Expr::Path(p) => self.path(e, p),
            Expr::Field(f) => self.field(e, f),
            Expr::MethodCall(mc) => V::Val(self.method(e, mc, unused)),
            Expr::Call(c) => V::Val(self.call(e, c)),
            Expr::Macro(m) => V::Val(self.macro_expr(e, &m.mac)),
            Expr::Binary(b) => V::Val(self.binary(e, b)),
            Expr::Unary(u) => {
                let inner = self.expr(&u.expr);
                V::Val(match u.op {
                    UnOp::Not(_) => J::new(
                        format!("not {}", inner.operand()),
                        Ty::Bool,
                        inner.pure,
                        false,
                    ),
                    UnOp::Neg(_) => {
                        J::new(format!("-{}", inner.operand()), inner.ty, inner.pure, false)
                    }
                    _ => inner,
                })
            }
            Expr::Cast(c) => V::Val(self.cast(e, c)),
            Expr::If(i) => V::Val(self.if_expr(e, i)),
            Expr::Match(m) => V::Val(self.match_expr(e, m)),
            Expr::Array(a) => V::Val(self.list(&a.elems)),
            Expr::Tuple(t) => {
                let items: Vec<J> = t.elems.iter().map(|x| self.expr(x)).collect();
                let pure = items.iter().all(|j| j.pure);
                let code = if items.len() == 1 {
                    format!("({},)", items[0].code)
                } else {
                    format!(
                        "({})",
                        items
                            .iter()
                            .map(|j| j.code.clone())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                V::Val(J::new(
                    code,
                    Ty::Tuple(items.into_iter().map(|j| j.ty).collect()),
                    pure,
                    true,
                ))
            }
            Expr::Index(ix) => {
                let base = self.expr(&ix.expr);
                if let Expr::Range(r) = &*ix.index {
                    let from = r
                        .start
                        .as_ref()
                        .map(|x| self.expr(x).code)
                        .unwrap_or_default();
                    let to = r
                        .end
                        .as_ref()
                        .map(|x| self.expr(x).code)
                        .unwrap_or_default();
                    return V::Val(J::new(
                        format!("{}[{from}:{to}]", base.operand()),
                        base.ty,
                        base.pure,
                        true,
                    ));
                }
                let i = self.expr(&ix.index);
                let ty = match &base.ty {
                    Ty::List(t) => (**t).clone(),
                    Ty::Str => Ty::Str,
                    _ => Ty::Unknown,
                };
                V::Val(J::new(
                    format!("{}[{}]", base.operand(), i.code),
                    ty,
                    base.pure && i.pure,
                    true,
                ))
            }
            Expr::Struct(s) => V::Val(self.struct_lit(e, s)),
            Expr::Block(b) if b.block.stmts.len() == 1 => match &b.block.stmts[0] {
                syn::Stmt::Expr(inner, None) => self.value_or_handle(inner),
                _ => {
                    self.unsupported(
                        e,
                        "a block with statements used as a value; bind it with `let` first",
                    );
                    V::Val(Self::error_value())
                }
            },
            _ => {
                self.unsupported(e, &construct_name(e));
                V::Val(Self::error_value())
            }
        }
    }

    fn lit(&mut self, l: &Lit) -> J {
        match l {
            Lit::Str(s) => J::new(jinja::string(&s.value()), Ty::Str, true, true),
            Lit::Char(c) => J::new(jinja::string(&c.value().to_string()), Ty::Str, true, true),
            Lit::Int(i) => J::new(i.base10_digits().to_owned(), Ty::Int, true, true),
            Lit::Float(f) => J::new(
                jinja::float(f.base10_parse::<f64>().unwrap_or(0.0)),
                Ty::Float,
                true,
                true,
            ),
            Lit::Bool(b) => J::new(if b.value { "true" } else { "false" }, Ty::Bool, true, true),
            other => {
                self.unsupported(other, "this literal");
                Self::error_value()
            }
        }
    }

    fn path(&mut self, e: &Expr, p: &syn::ExprPath) -> V {
        let Some(name) = p.path.get_ident().map(ToString::to_string) else {
            let segs: Vec<String> = p
                .path
                .segments
                .iter()
                .map(|s| s.ident.to_string())
                .collect();
            if segs.last().is_some_and(|s| s == "None") {
                return V::Val(J::new("none", Ty::Opt(Box::new(Ty::Unknown)), true, true));
            }
            if segs.len() == 2 && segs[0] == "i64" && segs[1] == "MAX" {
                return V::Val(J::new("9223372036854775807", Ty::Int, true, true));
            }
            self.unsupported(e, &format!("the path `{}`", segs.join("::")));
            return V::Val(Self::error_value());
        };
        if Some(&name) == self.cx_name.as_ref() {
            return V::Handle(Handle::Cx);
        }
        if let Some((j, ty)) = self.scopes.lookup(&name) {
            let ty = ty.clone();
            return match ty {
                Ty::Params => V::Handle(Handle::Params),
                _ => V::Val(J::new(j.to_owned(), ty, true, true)),
            };
        }
        match name.as_str() {
            "None" => V::Val(J::new("none", Ty::Opt(Box::new(Ty::Unknown)), true, true)),
            _ => {
                self.unsupported(
                    e,
                    &format!("`{name}` is not a local variable of this function"),
                );
                V::Val(Self::error_value())
            }
        }
    }

    fn field(&mut self, e: &Expr, f: &syn::ExprField) -> V {
        let member = match &f.member {
            syn::Member::Named(i) => i.to_string(),
            syn::Member::Unnamed(i) => {
                let base = self.expr(&f.base);
                let ty = match &base.ty {
                    Ty::Tuple(ts) => ts.get(i.index as usize).cloned().unwrap_or(Ty::Unknown),
                    _ => Ty::Unknown,
                };
                return V::Val(J::new(
                    format!("{}[{}]", base.operand(), i.index),
                    ty,
                    base.pure,
                    true,
                ));
            }
        };
        match self.value_or_handle(&f.base) {
            V::Handle(Handle::Cx) => V::Handle(match member.as_str() {
                "timestamp" => {
                    if self.in_macro {
                        self.unsupported(e, "`timestamp` inside a helper; pass it as an argument");
                    }
                    return V::Val(J::new("timestamp", Ty::Timestamp, true, true));
                }
                "tags" => return V::Val(J::new("tags", Ty::List(Box::new(Ty::Str)), true, true)),
                "rand" => Handle::Rand,
                "faker" => Handle::Faker,
                "samples" => Handle::Samples,
                "params" => Handle::Params,
                "vars" => Handle::Vars,
                "dispatch" => Handle::Dispatch,
                "shared" => Handle::State(Scope::Shared),
                "locals" => Handle::State(Scope::Locals),
                "globals" => Handle::State(Scope::Globals),
                other => {
                    self.unsupported(e, &format!("`cx.{other}`"));
                    return V::Val(Self::error_value());
                }
            }),
            V::Handle(Handle::Rand) => V::Handle(Handle::RandSub(member)),
            V::Handle(Handle::Faker) if member == "locale" => V::Handle(Handle::Faker),
            V::Handle(Handle::Faker) if member == "en_US" => V::Handle(Handle::FakerLocale),
            V::Handle(Handle::Samples) => {
                if self.m.samples.contains_key(&member) {
                    V::Handle(Handle::Sample(member))
                } else {
                    self.unsupported(e, &format!("unknown sample `{member}`"));
                    V::Val(Self::error_value())
                }
            }
            V::Handle(Handle::Params) => {
                let ty = self.m.params.get(&member).cloned().unwrap_or(Ty::Unknown);
                V::Val(J::new(format!("params.{member}"), ty, true, true))
            }
            V::Handle(Handle::Vars) => {
                let ty = self.vars.get(&member).cloned().unwrap_or(Ty::Unknown);
                V::Val(J::new(format!("vars.{member}"), ty, true, true))
            }
            V::Handle(Handle::State(scope)) => {
                let ty = self
                    .m
                    .state
                    .get(&(scope, member.clone()))
                    .cloned()
                    .unwrap_or(Ty::Unknown);
                V::Handle(Handle::StateField(scope, member, ty))
            }
            V::Val(base) if base.ty == Ty::Error => V::Val(base),
            V::Val(base) => {
                let ty = match &base.ty {
                    Ty::Row(s) | Ty::Struct(s) => self
                        .m
                        .structs
                        .get(s)
                        .and_then(|fs| fs.iter().find(|(n, _)| *n == member))
                        .map_or(Ty::Unknown, |(_, t)| t.clone()),
                    Ty::Opt(inner) => match &**inner {
                        Ty::Row(s) | Ty::Struct(s) => self
                            .m
                            .structs
                            .get(s)
                            .and_then(|fs| fs.iter().find(|(n, _)| *n == member))
                            .map_or(Ty::Unknown, |(_, t)| t.clone()),
                        _ => Ty::Unknown,
                    },
                    _ => Ty::Unknown,
                };
                let row = match &base.ty {
                    Ty::Row(r) => Some(r),
                    Ty::Opt(inner) => match &**inner {
                        Ty::Row(r) => Some(r),
                        _ => None,
                    },
                    _ => None,
                };
                let position = row
                    .and_then(|r| self.m.row_positional.get(r))
                    .and_then(|fields| fields.iter().position(|f| *f == member));
                let code = match position {
                    Some(i) => format!("{}[{i}]", base.operand()),
                    None => format!("{}.{member}", base.operand()),
                };
                // CSV cells are strings in Jinja: convert typed columns.
                if let Ty::Row(row) = &base.ty
                    && self.m.row_is_csv.get(row).copied().unwrap_or(false)
                {
                    return V::Val(csv_cell(&code, &ty, base.pure));
                }
                V::Val(J::new(code, ty, base.pure, true))
            }
            V::Handle(h) => {
                self.unsupported(e, &format!("`.{member}` on {h:?}"));
                V::Val(Self::error_value())
            }
        }
    }

    fn struct_lit(&mut self, e: &Expr, s: &syn::ExprStruct) -> J {
        let name = s
            .path
            .segments
            .last()
            .map(|x| x.ident.to_string())
            .unwrap_or_default();
        if !self.m.structs.contains_key(&name) || s.rest.is_some() {
            self.unsupported(
                e,
                &format!(
                    "a struct literal of `{}`, a type the module does not declare (a struct declared in the generator module becomes a dict)",
                    s.path.to_token_stream().to_string().replace(' ', "")
                ),
            );
            return Self::error_value();
        }
        let mut parts = Vec::new();
        let mut pure = true;
        for f in &s.fields {
            let key = match &f.member {
                syn::Member::Named(i) => i.to_string(),
                syn::Member::Unnamed(i) => i.index.to_string(),
            };
            let v = self.expr(&f.expr);
            pure &= v.pure;
            parts.push(format!("{}: {}", jinja::string(&key), v.code));
        }
        J::new(
            format!("{{{}}}", parts.join(", ")),
            Ty::Struct(name),
            pure,
            true,
        )
    }

    fn cast(&mut self, e: &Expr, c: &syn::ExprCast) -> J {
        let inner = self.expr(&c.expr);
        if inner.ty == Ty::Error {
            return inner;
        }
        let target = super::types::from_syn(&c.ty, &self.m.structs, &[]);
        let bits = int_bits(&c.ty);
        match (&inner.ty, &target) {
            (Ty::Int | Ty::Unknown, Ty::Float) => J::new(
                format!("{} | float", inner.operand()),
                Ty::Float,
                inner.pure,
                false,
            ),
            // Rust saturates a float cast to an integer type's range.
            (Ty::Float, Ty::Int) => {
                let x = format!("{} | int", inner.operand());
                let code = match bits {
                    Some((b, signed)) if b < 64 => {
                        let (lo, hi) = int_range(b, signed);
                        format!("[[{x}, {hi}] | min, {lo}] | max")
                    }
                    Some((_, false)) => format!("[{x}, 0] | max"),
                    _ => x,
                };
                J::new(code, Ty::Int, inner.pure, false)
            }
            (Ty::Unknown | Ty::Bool, Ty::Int) => J::new(
                format!("{} | int", inner.operand()),
                Ty::Int,
                inner.pure,
                false,
            ),
            // Rust wraps an integer cast to a narrower type.
            (Ty::Int, Ty::Int) if bits.is_some_and(|(b, _)| b < 64) => {
                let (b, signed) = bits.unwrap_or((64, true));
                let modulus = 1_u64 << b;
                let code = if signed {
                    let half = modulus / 2;
                    format!("(({} + {half}) % {modulus}) - {half}", inner.operand())
                } else {
                    format!("{} % {modulus}", inner.operand())
                };
                J::new(code, Ty::Int, inner.pure, false)
            }
            (a, b) if a == b => inner,
            (Ty::Float, Ty::Float) | (Ty::Int, Ty::Int) => inner,
            _ => {
                self.unsupported(
                    e,
                    &format!(
                        "a cast from {} to {}",
                        inner.ty.describe(),
                        target.describe()
                    ),
                );
                inner
            }
        }
    }

    fn binary(&mut self, e: &Expr, b: &syn::ExprBinary) -> J {
        let l = self.expr(&b.left);
        let before_right = self.buf.lines.len();
        let r = self.expr(&b.right);
        if matches!(b.op, BinOp::And(_) | BinOp::Or(_)) && self.buf.lines.len() > before_right {
            // The right operand needs statements: they must only run when
            // `&&`/`||` evaluates it.
            self.buf.lines.truncate(before_right);
            let t = self.temp("cond");
            let test = if matches!(b.op, BinOp::And(_)) {
                t.clone()
            } else {
                format!("not {t}")
            };
            self.buf.set(&t, &l.code);
            self.buf.open(&format!("if {test}"));
            let r = self.expr(&b.right);
            self.buf.set(&t, &r.code);
            self.buf.close("endif");
            return J::new(t, Ty::Bool, true, true);
        }
        if l.ty == Ty::Error || r.ty == Ty::Error {
            return Self::error_value();
        }
        let pure = l.pure && r.pure;
        let num_ty = |l: &Ty, r: &Ty| {
            if *l == Ty::Float || *r == Ty::Float {
                Ty::Float
            } else {
                Ty::Int
            }
        };
        let (op, ty) = match b.op {
            BinOp::Add(_) | BinOp::AddAssign(_) => match (&l.ty, &r.ty) {
                (Ty::Str, _) | (_, Ty::Str) => ("~", Ty::Str),
                (Ty::Timestamp, _) | (_, Ty::Timestamp) => ("+", Ty::Timestamp),
                (Ty::Delta, Ty::Delta) => ("+", Ty::Delta),
                (a, c) if a.is_number() && c.is_number() => ("+", num_ty(a, c)),
                _ => {
                    self.unsupported(
                        e,
                        &format!("`+` on {} and {}", l.ty.describe(), r.ty.describe()),
                    );
                    ("+", Ty::Unknown)
                }
            },
            BinOp::Sub(_) | BinOp::SubAssign(_) => match (&l.ty, &r.ty) {
                (Ty::Timestamp, Ty::Timestamp) => ("-", Ty::Delta),
                (Ty::Timestamp, _) => ("-", Ty::Timestamp),
                (a, c) => ("-", num_ty(a, c)),
            },
            BinOp::Mul(_) | BinOp::MulAssign(_) => ("*", num_ty(&l.ty, &r.ty)),
            BinOp::Div(_) | BinOp::DivAssign(_) => match (&l.ty, &r.ty) {
                (Ty::Int, Ty::Int) => ("//", Ty::Int),
                (a, c) if a.is_number() && c.is_number() => ("/", Ty::Float),
                _ => {
                    self.unsupported(e, "`/` on values of unknown type (annotate them, e.g. `let x: f64 = ...`, or cast)");
                    ("/", Ty::Unknown)
                }
            },
            BinOp::Rem(_) | BinOp::RemAssign(_) => ("%", num_ty(&l.ty, &r.ty)),
            BinOp::And(_) => ("and", Ty::Bool),
            BinOp::Or(_) => ("or", Ty::Bool),
            BinOp::Eq(_) => ("==", Ty::Bool),
            BinOp::Ne(_) => ("!=", Ty::Bool),
            BinOp::Lt(_) => ("<", Ty::Bool),
            BinOp::Le(_) => ("<=", Ty::Bool),
            BinOp::Gt(_) => (">", Ty::Bool),
            BinOp::Ge(_) => (">=", Ty::Bool),
            _ => {
                self.unsupported(e, "this operator");
                ("+", Ty::Unknown)
            }
        };
        J::new(
            format!("{} {op} {}", l.operand(), r.operand()),
            ty,
            pure,
            false,
        )
    }

    fn if_expr(&mut self, e: &Expr, i: &syn::ExprIf) -> J {
        let simple =
            |b: &syn::Block| b.stmts.len() == 1 && matches!(&b.stmts[0], syn::Stmt::Expr(_, None));
        let else_simple = match &i.else_branch {
            Some((_, el)) => match &**el {
                Expr::Block(b) => simple(&b.block),
                Expr::If(_) => true,
                _ => false,
            },
            None => false,
        };
        if matches!(&*i.cond, Expr::Let(_)) || !simple(&i.then_branch) || !else_simple {
            // Statements in a branch: evaluate into a temporary.
            let t = self.temp("if");
            let ty = self.if_stmt_into(e, i, Some(&t));
            return J::new(t, ty, true, true);
        }
        let mark = self.buf.lines.len();
        let c = self.expr(&i.cond);
        let after_cond = self.buf.lines.len();
        let then = match &i.then_branch.stmts[0] {
            syn::Stmt::Expr(x, None) => self.expr(x),
            _ => unreachable!("checked simple"),
        };
        let other = match &i.else_branch {
            Some((_, el)) => self.expr(el),
            None => J::new("none", Ty::Unit, true, true),
        };
        // A branch that needed statements must only run when taken.
        let branch_statements = self.buf.lines.len() > after_cond;
        let pure = c.pure && then.pure && other.pure && !branch_statements;
        if !pure {
            self.buf.lines.truncate(mark);
            // Only the taken branch may run: hoist into statements.
            let t = self.temp("if");
            let ty = self.if_stmt_into(e, i, Some(&t));
            return J::new(t, ty, true, true);
        }
        J::new(
            format!(
                "{} if {} else {}",
                then.operand(),
                c.operand(),
                other.operand()
            ),
            then.ty,
            true,
            false,
        )
    }

    fn match_expr(&mut self, e: &Expr, m: &syn::ExprMatch) -> J {
        let t = self.temp("m");
        let ty = self.match_stmt_into(e, m, Some(&t));
        J::new(t, ty, true, true)
    }

    /// Reads a state field as a value (plain typed fields).
    pub(crate) fn state_read(&mut self, scope: Scope, name: &str, ty: &Ty) -> J {
        let default = self.state_default(scope, name, ty);
        J::new(
            format!("{}.get({}, {default})", scope.as_str(), jinja::string(name)),
            ty.inner().clone(),
            true,
            true,
        )
    }

    pub(crate) fn state_default(&mut self, scope: Scope, name: &str, ty: &Ty) -> String {
        if let Some(init) = self.m.state_init(scope, name)
            && let Some(d) = &init.default
        {
            return self.const_expr(d);
        }
        match ty {
            Ty::Int => "0".into(),
            Ty::Float => "0.0".into(),
            Ty::Str => "''".into(),
            Ty::Bool => "false".into(),
            Ty::List(_) | Ty::Pool(_) => "[]".into(),
            Ty::Map(..) | Ty::Counter(_) => "{}".into(),
            _ => "none".into(),
        }
    }

    /// A constant expression from an attribute (`start = 1`, `cap = params.x`).
    pub(crate) fn const_expr(&mut self, e: &Expr) -> String {
        match strip(e) {
            Expr::Lit(l) => self.lit(&l.lit).code,
            Expr::Field(f) if ident_of(&f.base).as_deref() == Some("params") => {
                format!("params.{}", f.member.to_token_stream())
            }
            Expr::Binary(b) => {
                let l = self.const_expr(&b.left);
                let r = self.const_expr(&b.right);
                format!("({l} {} {r})", b.op.to_token_stream())
            }
            Expr::Unary(u) if matches!(u.op, UnOp::Neg(_)) => {
                format!("-{}", self.const_expr(&u.expr))
            }
            Expr::Path(p) if p.path.segments.len() == 2 && p.path.segments[1].ident == "MAX" => {
                "9223372036854775807".into()
            }
            Expr::Cast(c) => self.const_expr(&c.expr),
            Expr::Call(c)
                if matches!(&*c.func, Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "from" || s.ident == "new"))
                    && c.args.len() == 1 =>
            {
                self.const_expr(&c.args[0])
            }
            Expr::MethodCall(mc)
                if mc.method == "into" || mc.method == "to_string" || mc.method == "to_owned" =>
            {
                self.const_expr(&mc.receiver)
            }
            other => {
                self.unsupported(
                    other,
                    "a state or parameter initializer that is not a literal or `params.<name>`",
                );
                "none".into()
            }
        }
    }

    fn call(&mut self, e: &Expr, c: &syn::ExprCall) -> J {
        let Expr::Path(p) = &*c.func else {
            self.unsupported(e, "calling this expression");
            return Self::error_value();
        };
        let segs: Vec<String> = p
            .path
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        let args: Vec<&Expr> = c.args.iter().collect();
        let last = segs.last().map_or("", String::as_str);
        let short: Vec<&str> = if last == "Some" {
            vec![last]
        } else {
            segs.iter().map(String::as_str).collect()
        };
        match short.as_slice() {
            ["Some"] => {
                let v = self.expr(args[0]);
                J::new(v.code, Ty::Opt(Box::new(v.ty)), v.pure, v.atomic)
            }
            ["TimeDelta", unit] if api::delta_unit(unit).is_some() => {
                let v = self.expr(args[0]);
                let kw = api::delta_unit(unit).unwrap_or("seconds");
                J::new(
                    format!("module.datetime.timedelta({kw}={})", v.code),
                    Ty::Delta,
                    v.pure,
                    true,
                )
            }
            ["String", "from" | "new"] => match args.first() {
                Some(a) => self.expr(a),
                None => J::new("''", Ty::Str, true, true),
            },
            ["Vec", "new"] => J::new("[]", Ty::List(Box::new(Ty::Unknown)), true, true),
            // Lossless conversions (`i64::from(x as u8)`, `f64::from(n)`).
            [
                t @ ("i16" | "i32" | "i64" | "i128" | "u16" | "u32" | "u64" | "u128" | "f32"
                | "f64"),
                "from",
            ] if args.len() == 1 => {
                let v = self.expr(args[0]);
                match (t.starts_with('f'), &v.ty) {
                    (true, Ty::Int) => {
                        J::new(format!("{} | float", v.operand()), Ty::Float, v.pure, false)
                    }
                    (false, Ty::Bool) => {
                        J::new(format!("{} | int", v.operand()), Ty::Int, v.pure, false)
                    }
                    (_, Ty::Error) => v,
                    _ => J::new(
                        v.code,
                        if t.starts_with('f') {
                            Ty::Float
                        } else {
                            Ty::Int
                        },
                        v.pure,
                        v.atomic,
                    ),
                }
            }
            // A local that failed to translate (a closure): already reported.
            [name]
                if self
                    .scopes
                    .lookup(name)
                    .is_some_and(|(_, t)| *t == Ty::Error) =>
            {
                Self::error_value()
            }
            [name] if self.m.helpers.contains_key(*name) => self.helper_call(e, name, &args),
            _ => {
                self.unsupported(e, &format!("the call `{}(...)`", segs.join("::")));
                Self::error_value()
            }
        }
    }

    /// A call of a module helper: a macro of `_base.json.jinja`.
    pub(crate) fn helper_call(&mut self, e: &Expr, name: &str, args: &[&Expr]) -> J {
        let Some(f) = self.m.helpers.get(name).copied() else {
            return Self::error_value();
        };
        let ret = match &f.sig.output {
            syn::ReturnType::Default => Ty::Unit,
            syn::ReturnType::Type(_, t) => super::types::from_syn(t, &self.m.structs, &[]),
        };
        if !matches!(ret, Ty::Fragment | Ty::Str | Ty::Int | Ty::Float | Ty::Bool) {
            let written = match &f.sig.output {
                syn::ReturnType::Default => "nothing".to_owned(),
                syn::ReturnType::Type(_, t) => {
                    format!("`{}`", t.to_token_stream().to_string().replace(' ', ""))
                }
            };
            self.unsupported(e, &format!("calling helper `{name}`, which returns {written}: a helper exported as a Jinja macro returns text (`String`), a number (`i64`, `f64`), a `bool` or a `Fragment`"));
            // Its body is not exported, so it reports nothing more.
            return Self::error_value();
        }
        let mut out = Vec::new();
        for (a, p) in args.iter().zip(f.sig.inputs.iter()) {
            if helper_param_is_context(p) {
                continue;
            }
            out.push(self.expr(a).code);
        }
        self.used_helpers.insert(name.to_owned());
        let call = format!("{name}({})", out.join(", "));
        // A macro renders text: numbers and booleans are read back from
        // Python's spelling of them (`repr` round-trips floats exactly).
        let code = match ret {
            Ty::Int => format!("({call} | int)"),
            Ty::Float => format!("({call} | float)"),
            Ty::Bool => format!("(({call} | trim) == 'True')"),
            _ => call,
        };
        J::new(code, ret, false, true)
    }

    /// A list literal (`[a, b]`, `vec![a, b]`), typed by its first item.
    fn list<'e>(&mut self, elems: impl IntoIterator<Item = &'e Expr>) -> J {
        let items: Vec<J> = elems.into_iter().map(|x| self.expr(x)).collect();
        let ty = items.first().map_or(Ty::Unknown, |j| j.ty.clone());
        let pure = items.iter().all(|j| j.pure);
        let code = items
            .iter()
            .map(|j| j.code.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        J::new(format!("[{code}]"), Ty::List(Box::new(ty)), pure, true)
    }

    fn macro_expr(&mut self, e: &Expr, mac: &syn::Macro) -> J {
        let name = mac
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        match name.as_str() {
            "format" => self.format(e, mac),
            "vec" => {
                let parsed = mac.parse_body_with(
                    syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated,
                );
                match parsed {
                    Ok(items) => self.list(&items),
                    Err(_) => {
                        self.unsupported(e, "`vec![x; n]`");
                        J::new("[]", Ty::Unknown, true, true)
                    }
                }
            }
            other => {
                self.unsupported(e, &format!("the macro `{other}!`"));
                Self::error_value()
            }
        }
    }

    /// `format!("{}.{}", a, b)` -> `a ~ '.' ~ b`, with the format specs the
    /// content packs use turned into Python %-formatting.
    fn format(&mut self, e: &Expr, mac: &syn::Macro) -> J {
        let parsed = mac
            .parse_body_with(syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated);
        let Ok(parts) = parsed else {
            self.unsupported(e, "this `format!`");
            return J::new("''", Ty::Str, true, true);
        };
        let mut iter = parts.iter();
        let Some(Expr::Lit(syn::ExprLit {
            lit: Lit::Str(fmt), ..
        })) = iter.next()
        else {
            self.unsupported(e, "`format!` without a literal format string");
            return J::new("''", Ty::Str, true, true);
        };
        let args: Vec<&Expr> = iter.collect();
        let fmt = fmt.value();
        let mut pieces: Vec<String> = Vec::new();
        let mut pure = true;
        let mut lit = String::new();
        let mut chars = fmt.chars().peekable();
        let mut next_arg = 0usize;
        while let Some(ch) = chars.next() {
            match ch {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    lit.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    lit.push('}');
                }
                '{' => {
                    let mut spec = String::new();
                    for c in chars.by_ref() {
                        if c == '}' {
                            break;
                        }
                        spec.push(c);
                    }
                    if !lit.is_empty() {
                        pieces.push(jinja::string(&lit));
                        lit.clear();
                    }
                    let (name, spec) = spec
                        .split_once(':')
                        .map_or((spec.as_str(), ""), |(a, b)| (a, b));
                    let j = if name.is_empty() {
                        let Some(a) = args.get(next_arg) else {
                            self.unsupported(e, "a `format!` with fewer arguments than `{}`");
                            break;
                        };
                        next_arg += 1;
                        self.expr(a)
                    } else if let Ok(i) = name.parse::<usize>() {
                        match args.get(i) {
                            Some(a) => self.expr(a),
                            None => {
                                self.unsupported(e, "a `format!` argument index out of range");
                                break;
                            }
                        }
                    } else {
                        let ident = syn::Ident::new(name, e.span());
                        let path: Expr = syn::parse_quote!(#ident);
                        self.expr(&path)
                    };
                    pure &= j.pure;
                    pieces.push(self.format_piece(e, &j, spec));
                }
                c => lit.push(c),
            }
        }
        if !lit.is_empty() {
            pieces.push(jinja::string(&lit));
        }
        if pieces.is_empty() {
            return J::new("''", Ty::Str, true, true);
        }
        if pieces.len() == 1 {
            return J::new(format!("{} | string", pieces[0]), Ty::Str, pure, false);
        }
        J::new(pieces.join(" ~ "), Ty::Str, pure, false)
    }

    fn format_piece(&mut self, e: &Expr, j: &J, spec: &str) -> String {
        if spec.is_empty() {
            return match j.ty {
                // Rust prints `true`, Python `True`.
                Ty::Bool => format!("({} and 'true' or 'false')", j.operand()),
                Ty::Timestamp => format!("{} | string", j.operand()),
                // Exported generators print floats as Python's repr natively
                // too (`__private::py::fmt`).
                Ty::Float => format!("({} | string)", j.operand()),
                _ => j.operand(),
            };
        }
        // {:0N} {:N} {:.P} {:x} {:X} {:0Nx}
        let (zero, rest) = spec.strip_prefix('0').map_or((false, spec), |r| (true, r));
        let (width, prec_ty) = rest.split_at(
            rest.find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len()),
        );
        let (prec, ty) = match prec_ty.strip_prefix('.') {
            Some(p) => {
                let end = p.find(|c: char| !c.is_ascii_digit()).unwrap_or(p.len());
                (Some(&p[..end]), &p[end..])
            }
            None => (None, prec_ty),
        };
        let conv = match (ty, &j.ty, prec) {
            ("x", _, None) => "x",
            ("X", _, None) => "X",
            ("", Ty::Float, Some(_)) => "f",
            ("", Ty::Int, None) => "d",
            ("", Ty::Str, None) if !zero => "s",
            _ => {
                self.unsupported(e, &format!("the format spec `{{:{spec}}}`"));
                return j.operand();
            }
        };
        let mut pct = String::from("%");
        if zero {
            pct.push('0');
        }
        if conv == "s" && !width.is_empty() {
            pct.push('-');
        }
        pct.push_str(width);
        if let Some(p) = prec {
            pct.push('.');
            pct.push_str(p);
        }
        pct.push_str(conv);
        format!("({} | format({}))", jinja::string(&pct), j.code)
    }
}

/// The width and signedness of a primitive integer type (`usize` and
/// `isize` are 64 bits wide on the platforms Eventum runs on).
fn int_bits(ty: &syn::Type) -> Option<(u32, bool)> {
    let syn::Type::Path(p) = ty else { return None };
    let name = p.path.get_ident()?.to_string();
    let signed = name.starts_with('i');
    let bits = match name.trim_start_matches(['i', 'u']) {
        "8" => 8,
        "16" => 16,
        "32" => 32,
        "64" | "size" => 64,
        "128" => 128,
        _ => return None,
    };
    Some((bits, signed))
}

/// The bounds of an integer type, as Jinja literals.
fn int_range(bits: u32, signed: bool) -> (String, String) {
    if signed {
        let half = 1_u128 << (bits - 1);
        (format!("-{half}"), (half - 1).to_string())
    } else {
        ("0".to_owned(), ((1_u128 << bits) - 1).to_string())
    }
}

/// A CSV cell read as the column's declared type.
fn csv_cell(code: &str, ty: &Ty, pure: bool) -> J {
    match ty {
        Ty::Int => J::new(format!("{code} | int"), Ty::Int, pure, false),
        Ty::Float => J::new(format!("{code} | float"), Ty::Float, pure, false),
        Ty::Bool => J::new(
            format!("({code} | lower) in ['true', '1', 'yes']"),
            Ty::Bool,
            pure,
            false,
        ),
        Ty::Opt(inner) => {
            let conv = csv_cell(code, inner, pure);
            J::new(
                format!("{} if {code} != '' else none", conv.operand()),
                ty.clone(),
                pure,
                false,
            )
        }
        other => J::new(code.to_owned(), other.clone(), pure, true),
    }
}

/// Helper parameters bound to globals (`&Rand`, `&Params`, ...) are not
/// passed to the macro: inside it the global is used.
pub(crate) fn helper_param_is_context(p: &syn::FnArg) -> bool {
    let syn::FnArg::Typed(pt) = p else {
        return false;
    };
    let ty = match &*pt.ty {
        syn::Type::Reference(r) => &*r.elem,
        other => other,
    };
    matches!(ty, syn::Type::Path(tp) if tp.path.segments.last().is_some_and(|s| {
        matches!(s.ident.to_string().as_str(), "Rand" | "Faker" | "Params" | "Samples" | "Shared" | "Globals")
    }))
}

/// What an expression without a Jinja counterpart is, for messages.
fn construct_name(e: &Expr) -> String {
    match e {
        Expr::Closure(_) => {
            "a closure (Jinja has no functions as values; write a helper function, which becomes a macro)".to_owned()
        }
        Expr::While(_) => {
            "a `while` loop (Jinja only loops over lists: use `for` over a range or an array)".to_owned()
        }
        Expr::Loop(_) => {
            "a `loop` (Jinja only loops over lists: use `for` over a range or an array)".to_owned()
        }
        Expr::Try(_) => "the `?` operator (Jinja has no early exit from an expression)".to_owned(),
        Expr::Break(_) | Expr::Continue(_) => {
            "`break` / `continue` (Jinja's loop controls are an extension Eventum does not enable)".to_owned()
        }
        Expr::Async(_) | Expr::Await(_) => "async code".to_owned(),
        Expr::Unsafe(_) => "an `unsafe` block".to_owned(),
        Expr::Range(_) => "a range outside a `for` loop or a slice index".to_owned(),
        Expr::Repeat(_) => "an array repeat expression `[x; n]`".to_owned(),
        _ => format!("the expression `{}`", short(e)),
    }
}

/// A short rendering of an expression for messages.
pub(crate) fn short(e: &Expr) -> String {
    let s = e.to_token_stream().to_string();
    if s.len() > 60 {
        format!(
            "{}...",
            &s[..s.char_indices().nth(57).map_or(s.len(), |(i, _)| i)]
        )
    } else {
        s
    }
}

pub(crate) use strip as strip_expr;
