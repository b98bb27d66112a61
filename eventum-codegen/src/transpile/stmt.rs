//! Statements and blocks: `let`, assignments, `if`/`match`/`for`, early
//! returns (the rest of the block moves into the `else`), and the tail of
//! an event body (an `ecs!` literal, a dispatch call, or a branch of them).

use super::Tr;
use super::expr::{J, helper_param_is_context, strip_expr};
use super::jinja;
use super::types::Ty;
use crate::model::EventFn;
use quote::ToTokens;
use syn::{Expr, Pat, Stmt};

/// What the value of a block is for.
#[derive(Clone, Copy)]
pub(crate) enum Tail<'t> {
    /// The block produces the event (an event function body).
    Event,
    /// The block produces a fragment (a helper's body).
    Fragment,
    /// The block's value is stored in this variable.
    Into(&'t str),
    /// A helper's body: its value, `return`s included, is stored in this
    /// variable.
    Result(&'t str),
    /// The value is not used.
    Discard,
}

fn diverges(b: &syn::Block) -> bool {
    match b.stmts.last() {
        Some(Stmt::Expr(Expr::Return(_), _)) => true,
        Some(Stmt::Expr(Expr::If(i), _)) => {
            diverges(&i.then_branch)
                && i.else_branch.as_ref().is_some_and(|(_, e)| match &**e {
                    Expr::Block(b) => diverges(&b.block),
                    Expr::If(_) => diverges(&syn::Block {
                        brace_token: syn::token::Brace::default(),
                        stmts: vec![Stmt::Expr((**e).clone(), None)],
                    }),
                    _ => false,
                })
        }
        _ => false,
    }
}

/// A doc comment as Jinja comments, one per line.
fn doc_comment(doc: &str) -> String {
    let mut out = String::new();
    for line in doc.lines() {
        let line = line.trim_end().replace("#}", "# }");
        if line.is_empty() {
            out.push_str("{#- -#}\n");
        } else {
            out.push_str(&format!("{{#- {line} -#}}\n"));
        }
    }
    out
}

impl Tr<'_, '_> {
    /// The template of an event function.
    pub(crate) fn event_template(&mut self, e: &EventFn) -> String {
        self.cx_name = Some(e.cx.to_string());
        if let Some(a) = e.aliases.first() {
            for (name, v) in &a.vars {
                let ty = match v {
                    crate::model::VarValue::Str(_) => Ty::Str,
                    crate::model::VarValue::Int(_) => Ty::Int,
                    crate::model::VarValue::Float(_) => Ty::Float,
                    crate::model::VarValue::Bool(_) => Ty::Bool,
                };
                self.vars.insert(name.to_string(), ty);
            }
        }
        self.meta = super::skeleton::meta_out(&e.aliases);
        self.scopes.push();
        let stmts = e.item.block.stmts.clone();
        self.block_stmts(&stmts, Tail::Event);
        let mut out = String::new();
        out.push_str(&doc_comment(&e.doc));
        if !self.used_helpers.is_empty() {
            let names: Vec<&str> = self.used_helpers.iter().map(String::as_str).collect();
            out.push_str(&format!(
                "{{%- from 'templates/_base.json.jinja' import {} -%}}\n",
                names.join(", ")
            ));
        }
        out.push_str(&self.buf.text());
        out.push('\n');
        out
    }

    /// A helper function as a Jinja macro.
    pub(crate) fn macro_def(&mut self, f: &syn::ItemFn) -> String {
        let mut params = Vec::new();
        self.scopes.push();
        for input in &f.sig.inputs {
            let syn::FnArg::Typed(pt) = input else {
                self.unsupported(input, "a method receiver in a helper");
                continue;
            };
            let Pat::Ident(pi) = &*pt.pat else {
                self.unsupported(&pt.pat, "a pattern parameter in a helper; name it");
                continue;
            };
            let rust = pi.ident.to_string();
            let ty = super::types::from_syn(
                &pt.ty,
                &self.m.structs,
                &self
                    .m
                    .samples
                    .values()
                    .map(|(r, _, _)| r.clone())
                    .collect::<Vec<_>>(),
            );
            if helper_param_is_context(input) {
                let global = match &*pt.ty {
                    syn::Type::Reference(r) => r.elem.to_token_stream().to_string(),
                    other => other.to_token_stream().to_string(),
                };
                match global.as_str() {
                    "Params" => self.scopes.bind(&rust, "params", Ty::Params),
                    _ => {
                        self.unsupported(
                            &pt.ty,
                            "a helper taking this context part; pass the values it needs",
                        );
                    }
                }
                continue;
            }
            let name = jinja::local_name(&rust);
            self.scopes.bind(&rust, &name, ty);
            params.push(name);
        }
        let ret = match &f.sig.output {
            syn::ReturnType::Default => Ty::Unit,
            syn::ReturnType::Type(_, t) => super::types::from_syn(t, &self.m.structs, &[]),
        };
        let tail = if ret == Ty::Fragment {
            Tail::Fragment
        } else {
            Tail::Result("_result")
        };
        let name = f.sig.ident.to_string();
        self.buf.indent = 1;
        self.block_stmts(&f.block.stmts, tail);
        if !matches!(ret, Ty::Fragment) {
            self.buf.raw("{{ _result }}");
        }
        let body = self.buf.text();
        let doc = crate::model::doc_of(&f.attrs);
        let mut out = String::new();
        out.push_str(&doc_comment(&doc));
        out.push_str(&format!(
            "{{%- macro {name}({}) -%}}\n{body}\n{{%- endmacro %}}\n",
            params.join(", ")
        ));
        out
    }

    /// Translates statements; `tail` says what the last expression is for.
    pub(crate) fn block_stmts(&mut self, stmts: &[Stmt], tail: Tail<'_>) -> Ty {
        for (i, s) in stmts.iter().enumerate() {
            let last = i + 1 == stmts.len();
            match s {
                Stmt::Local(l) => {
                    if let Some(init) = &l.init
                        && let Some((_, else_block)) = &init.diverge
                    {
                        // let-else: the rest of the block runs when the pattern matches.
                        self.let_else(&l.pat, &init.expr, else_block, &stmts[i + 1..], tail);
                        return Ty::Unit;
                    }
                    self.local(l);
                }
                Stmt::Expr(Expr::Return(r), _) => {
                    if matches!(tail, Tail::Into(_) | Tail::Discard) {
                        self.unsupported(
                            r,
                            "a `return` inside a loop, a value or a statement that is not the body's last (a template cannot stop early: end the body with an `if`/`match` whose branches return, write `if ... { return ...; }` followed by the rest, or use `let ... else`)",
                        );
                        return Ty::Error;
                    }
                    return match &r.expr {
                        Some(x) => self.tail_expr(x, tail),
                        None => Ty::Unit,
                    };
                }
                Stmt::Expr(Expr::If(ifx), _)
                    if !last && diverges(&ifx.then_branch) && ifx.else_branch.is_none() =>
                {
                    // `if c { ...; return x; } rest` == `if c { ... } else { rest }`.
                    let c = self.cond(&ifx.cond);
                    self.buf.open(&format!("if {c}"));
                    self.scopes.push();
                    let ty = self.block_stmts(&ifx.then_branch.stmts, tail);
                    self.scopes.pop();
                    self.buf.middle("else");
                    self.scopes.push();
                    self.block_stmts(&stmts[i + 1..], tail);
                    self.scopes.pop();
                    self.buf.close("endif");
                    return ty;
                }
                Stmt::Expr(x, None) if last => return self.tail_expr(x, tail),
                Stmt::Expr(x, _) => self.stmt_expr(x),
                Stmt::Macro(m) => {
                    let x = Expr::Macro(syn::ExprMacro {
                        attrs: m.attrs.clone(),
                        mac: m.mac.clone(),
                    });
                    if last && m.semi_token.is_none() {
                        return self.tail_expr(&x, tail);
                    }
                    self.stmt_expr(&x);
                }
                Stmt::Item(item) => self.unsupported(
                    item,
                    "an item inside a function body; move it to the module",
                ),
            }
        }
        Ty::Unit
    }

    fn let_else(
        &mut self,
        pat: &Pat,
        init: &Expr,
        else_block: &Expr,
        rest: &[Stmt],
        tail: Tail<'_>,
    ) {
        let v = self.expr_hoisted(init, "let");
        let (cond, binding) = match pat {
            Pat::TupleStruct(ts) if ts.path.is_ident("Some") && ts.elems.len() == 1 => {
                (format!("{} is none", v.operand()), ts.elems.first())
            }
            other => {
                self.unsupported(other, "a `let ... else` pattern other than `Some(x)`");
                return;
            }
        };
        self.buf.open(&format!("if {cond}"));
        if let Expr::Block(b) = else_block {
            self.scopes.push();
            self.block_stmts(&b.block.stmts, tail);
            self.scopes.pop();
        }
        self.buf.middle("else");
        if let Some(p) = binding {
            let inner = v.ty.inner().clone();
            self.bind_pattern(p, &J::new(v.code.clone(), inner, true, true));
        }
        self.block_stmts(rest, tail);
        self.buf.close("endif");
    }

    fn local(&mut self, l: &syn::Local) {
        let (pat, annotated) = match &l.pat {
            Pat::Type(pt) => (
                &*pt.pat,
                Some(super::types::from_syn(
                    &pt.ty,
                    &self.m.structs,
                    &self.row_names(),
                )),
            ),
            other => (other, None),
        };
        let Some(init) = &l.init else {
            self.unsupported(l, "a `let` without a value");
            return;
        };
        if let Pat::Wild(_) = pat {
            let j = self.expr(&init.expr);
            if !j.pure {
                self.buf.do_(&j.code);
            }
            return;
        }
        let mut j = self.expr(&init.expr);
        if let Some(t) = annotated
            && t != Ty::Unknown
        {
            j.ty = t;
        }
        self.bind_pattern(pat, &j);
    }

    pub(crate) fn row_names(&self) -> Vec<String> {
        self.m.samples.values().map(|(r, _, _)| r.clone()).collect()
    }

    /// Binds a pattern to a value: `x`, `(a, b)`, `_`.
    pub(crate) fn bind_pattern(&mut self, pat: &Pat, j: &J) {
        match pat {
            Pat::Ident(pi) => {
                let rust = pi.ident.to_string();
                let name = self.fresh_local(&rust);
                if name != j.code {
                    self.buf.set(&name, &j.code);
                }
                self.scopes.bind(&rust, &name, j.ty.clone());
            }
            Pat::Tuple(t) => {
                let tys = match &j.ty {
                    Ty::Tuple(ts) => ts.clone(),
                    _ => vec![Ty::Unknown; t.elems.len()],
                };
                let mut names = Vec::new();
                for (p, ty) in t.elems.iter().zip(tys) {
                    match p {
                        Pat::Ident(pi) => {
                            let rust = pi.ident.to_string();
                            let name = self.fresh_local(&rust);
                            self.scopes.bind(&rust, &name, ty);
                            names.push(name);
                        }
                        Pat::Wild(_) => names.push(self.temp("unused")),
                        other => self.unsupported(other, "this pattern in a tuple binding"),
                    }
                }
                self.buf.set(&names.join(", "), &j.code);
            }
            Pat::Wild(_) => {
                if !j.pure {
                    self.buf.do_(&j.code);
                }
            }
            Pat::Type(pt) => self.bind_pattern(&pt.pat, j),
            other => self.unsupported(other, "this `let` pattern"),
        }
    }

    /// A Jinja name for a new binding of `rust`: the same name at function
    /// level; a fresh one when an inner block would clobber an outer binding
    /// (Jinja `set` inside `if` is visible after it).
    fn fresh_local(&mut self, rust: &str) -> String {
        let base = jinja::local_name(rust);
        match self.scopes.depth_of(rust) {
            Some(d) if d < self.scopes.depth() => {
                let t = self.temp(&format!("{base}_"));
                t.trim_start_matches('_').to_owned()
            }
            _ => base,
        }
    }

    /// An expression statement.
    fn stmt_expr(&mut self, x: &Expr) {
        match strip_expr(x) {
            Expr::If(i) => {
                self.if_stmt_into(x, i, None);
            }
            Expr::Match(m) => {
                self.match_stmt_into(x, m, None);
            }
            Expr::ForLoop(f) => self.for_loop(f),
            Expr::Assign(a) => self.assign(&a.left, None, &a.right),
            Expr::Binary(b)
                if matches!(
                    b.op,
                    syn::BinOp::AddAssign(_)
                        | syn::BinOp::SubAssign(_)
                        | syn::BinOp::MulAssign(_)
                        | syn::BinOp::DivAssign(_)
                        | syn::BinOp::RemAssign(_)
                ) =>
            {
                self.assign(&b.left, Some(b), &b.right);
            }
            Expr::Block(b) => {
                self.scopes.push();
                self.block_stmts(&b.block.stmts, Tail::Discard);
                self.scopes.pop();
            }
            other => {
                self.value_unused = true;
                let j = self.expr(other);
                self.value_unused = false;
                if !j.pure && j.code != "none" {
                    self.buf.do_(&j.code);
                }
            }
        }
    }

    fn assign(&mut self, left: &Expr, op: Option<&syn::ExprBinary>, right: &Expr) {
        use super::expr::{Handle, V};
        let value = match op {
            Some(b) => self.expr(&Expr::Binary(syn::ExprBinary {
                attrs: Vec::new(),
                left: b.left.clone(),
                op: match b.op {
                    syn::BinOp::AddAssign(t) => syn::BinOp::Add(syn::Token![+](t.spans[0])),
                    syn::BinOp::SubAssign(t) => syn::BinOp::Sub(syn::Token![-](t.spans[0])),
                    syn::BinOp::MulAssign(t) => syn::BinOp::Mul(syn::Token![*](t.spans[0])),
                    syn::BinOp::DivAssign(t) => syn::BinOp::Div(syn::Token![/](t.spans[0])),
                    syn::BinOp::RemAssign(t) => syn::BinOp::Rem(syn::Token![%](t.spans[0])),
                    other => other,
                },
                right: b.right.clone(),
            })),
            None => self.expr(right),
        };
        if let Expr::Path(p) = strip_expr(left)
            && let Some(name) = p.path.get_ident().map(ToString::to_string)
        {
            let Some((j, _)) = self.scopes.lookup(&name) else {
                self.unsupported(left, "assignment to an unknown variable");
                return;
            };
            let j = j.to_owned();
            if let Some(&body) = self.loop_frames.last()
                && self.scopes.depth_of(&name).is_some_and(|d| d < body)
            {
                self.unsupported(left, "assigning a variable declared outside a `for` loop from inside it (Jinja loops have their own scope); collect into a list with `.push()` instead");
                return;
            }
            self.buf.set(&j, &value.code);
            return;
        }
        match self.value_or_handle(left) {
            V::Handle(Handle::StateField(scope, field, _)) => {
                self.buf.do_(&format!(
                    "{}.set({}, {})",
                    scope.as_str(),
                    jinja::string(&field),
                    value.code
                ));
            }
            _ => self.unsupported(
                left,
                "assignment to this place (assign locals or plain state fields)",
            ),
        }
    }

    fn for_loop(&mut self, f: &syn::ExprForLoop) {
        let iter = match strip_expr(&f.expr) {
            Expr::Range(r) => {
                let from = r
                    .start
                    .as_ref()
                    .map_or_else(|| "0".to_owned(), |x| self.expr(x).code);
                let to = r
                    .end
                    .as_ref()
                    .map(|x| self.expr(x).code)
                    .unwrap_or_default();
                let to = if matches!(r.limits, syn::RangeLimits::Closed(_)) {
                    format!("{to} + 1")
                } else {
                    to
                };
                J::new(
                    format!("range({from}, {to})"),
                    Ty::List(Box::new(Ty::Int)),
                    true,
                    true,
                )
            }
            other => self.expr_hoisted(other, "items"),
        };
        let elem = match &iter.ty {
            Ty::List(t) => (**t).clone(),
            _ => Ty::Unknown,
        };
        self.scopes.push();
        let var = match &*f.pat {
            Pat::Ident(pi) => {
                let rust = pi.ident.to_string();
                let name = jinja::local_name(&rust);
                self.scopes.bind(&rust, &name, elem);
                name
            }
            Pat::Wild(_) => "_".to_owned(),
            other => {
                self.unsupported(other, "this loop pattern");
                "_".to_owned()
            }
        };
        self.buf.open(&format!("for {var} in {}", iter.code));
        self.loop_frames.push(self.scopes.depth());
        self.block_stmts(&f.body.stmts, Tail::Discard);
        self.loop_frames.pop();
        self.buf.close("endfor");
        self.scopes.pop();
    }

    /// A condition, `if let Some(x) = e` included (binding `x` for the branch).
    pub(crate) fn cond(&mut self, c: &Expr) -> String {
        if let Expr::Let(l) = strip_expr(c) {
            let v = self.expr_hoisted(&l.expr, "opt");
            match &*l.pat {
                Pat::TupleStruct(ts) if ts.path.is_ident("Some") && ts.elems.len() == 1 => {
                    let inner = v.ty.inner().clone();
                    // Bound in the branch's scope by the caller's push.
                    self.pending_binding = Some((
                        ts.elems[0].clone(),
                        J::new(v.code.clone(), inner, true, true),
                    ));
                    return format!("{} is not none", v.operand());
                }
                other => {
                    self.unsupported(other, "an `if let` pattern other than `Some(x)`");
                    return "false".to_owned();
                }
            }
        }
        let j = self.expr(c);
        if j.pure {
            j.code
        } else {
            let t = self.temp("cond");
            self.buf.set(&t, &j.code);
            t
        }
    }

    fn branch(&mut self, b: &syn::Block, tail: Tail<'_>) -> Ty {
        self.scopes.push();
        if let Some((p, j)) = self.pending_binding.take() {
            self.bind_pattern(&p, &j);
        }
        let ty = self.block_stmts(&b.stmts, tail);
        self.scopes.pop();
        ty
    }

    /// An `if` as statements; with `into`, each branch stores its value there.
    pub(crate) fn if_stmt_into(&mut self, _e: &Expr, i: &syn::ExprIf, into: Option<&str>) -> Ty {
        let tail = into.map_or(Tail::Discard, Tail::Into);
        self.if_chain(i, tail)
    }

    fn if_chain(&mut self, i: &syn::ExprIf, tail: Tail<'_>) -> Ty {
        let c = self.cond(&i.cond);
        self.buf.open(&format!("if {c}"));
        self.if_rest(i, tail)
    }

    /// The branches of an `if` whose test is open, through its `endif`.
    /// `else if` becomes `elif` when its condition needs no statements;
    /// otherwise they run inside the `else`, before a nested `if`.
    fn if_rest(&mut self, i: &syn::ExprIf, tail: Tail<'_>) -> Ty {
        let ty = self.branch(&i.then_branch, tail);
        match &i.else_branch {
            Some((_, el)) => match &**el {
                Expr::If(inner) => {
                    let mark = self.buf.lines.len();
                    let c = self.cond(&inner.cond);
                    if self.buf.lines.len() == mark {
                        self.buf.middle(&format!("elif {c}"));
                        self.if_rest(inner, tail);
                        return ty;
                    }
                    // The statements were written at the branches' depth,
                    // where they belong inside the `else`.
                    let hoisted: Vec<String> = self.buf.lines.drain(mark..).collect();
                    self.buf.middle("else");
                    self.buf.lines.extend(hoisted);
                    self.buf.open(&format!("if {c}"));
                    self.if_rest(inner, tail);
                }
                Expr::Block(b) => {
                    self.buf.middle("else");
                    self.branch(&b.block, tail);
                }
                other => self.unsupported(other, "this `else` branch"),
            },
            None => {
                if let Tail::Into(t) | Tail::Result(t) = tail {
                    self.buf.middle("else");
                    self.buf.set(t, "none");
                }
            }
        }
        self.buf.close("endif");
        ty
    }

    /// A `match` on literals (or `Some`/`None`) as an if/elif chain.
    pub(crate) fn match_stmt_into(
        &mut self,
        _e: &Expr,
        m: &syn::ExprMatch,
        into: Option<&str>,
    ) -> Ty {
        let tail = into.map_or(Tail::Discard, Tail::Into);
        self.match_chain(m, tail)
    }

    fn match_chain(&mut self, m: &syn::ExprMatch, tail: Tail<'_>) -> Ty {
        let scrutinee = self.expr_hoisted(&m.expr, "m");
        // The arms' tests use it as an operand.
        let scrutinee = J::new(scrutinee.operand(), scrutinee.ty, true, true);
        let mut ty = Ty::Unknown;
        let mut first = true;
        for arm in &m.arms {
            let (test, binding) = self.arm_test(&arm.pat, &scrutinee);
            let mut test = test;
            if let Some((_, guard)) = &arm.guard {
                // The guard sees the arm's binding: the (hoisted, pure)
                // scrutinee itself, as no statement can run between the
                // tests of an if/elif chain.
                self.scopes.push();
                if let Some((rust, j)) = &binding {
                    self.scopes.bind(rust, &j.code, j.ty.clone());
                }
                let before = self.buf.lines.len();
                let g = self.expr(guard);
                self.scopes.pop();
                // A guard is only evaluated when the arms before it did not
                // match: inline in its `elif` test it is, statements are not.
                if self.buf.lines.len() > before {
                    self.buf.lines.truncate(before);
                    self.unsupported(
                        guard,
                        "a match guard that needs statements, such as a state operation (they would run before the earlier arms are tested); compute it with `let` before the `match`",
                    );
                }
                test = match test {
                    Some(t) => Some(format!("({t}) and ({})", g.code)),
                    None => Some(g.code),
                };
            }
            let arm_start = self.buf.lines.len();
            let opens_else = test.is_none() && !first;
            match (&test, first) {
                (Some(t), true) => self.buf.open(&format!("if {t}")),
                (Some(t), false) => self.buf.middle(&format!("elif {t}")),
                (None, true) => self.buf.open("if true"),
                (None, false) => self.buf.middle("else"),
            }
            first = false;
            self.scopes.push();
            if let Some((rust, j)) = binding {
                let name = self.fresh_local(&rust);
                self.buf.set(&name, &j.code);
                self.scopes.bind(&rust, &name, j.ty.clone());
            }
            let body: Vec<Stmt> = match &*arm.body {
                Expr::Block(b) => b.block.stmts.clone(),
                other => vec![Stmt::Expr(other.clone(), None)],
            };
            let t = self.block_stmts(&body, tail);
            if opens_else && self.buf.lines.len() == arm_start + 1 {
                // `_ => {}` (or a value nobody uses): no `else` needed.
                self.buf.lines.pop();
            }
            if ty == Ty::Unknown {
                ty = t;
            }
            self.scopes.pop();
            if test.is_none() {
                break;
            }
        }
        if !first {
            self.buf.close("endif");
        }
        ty
    }

    /// The test of a match arm, and a binding it introduces.
    fn arm_test(&mut self, pat: &Pat, s: &J) -> (Option<String>, Option<(String, J)>) {
        match pat {
            Pat::Wild(_) => (None, None),
            // `None` parses as a binding pattern: it is the `None` test.
            Pat::Ident(pi) if pi.ident == "None" && pi.subpat.is_none() => {
                (Some(format!("{} is none", s.code)), None)
            }
            Pat::Ident(pi) if pi.subpat.is_none() => {
                (None, Some((pi.ident.to_string(), s.clone())))
            }
            Pat::Lit(l) => {
                let v = self.expr(&Expr::Lit(l.clone()));
                (Some(format!("{} == {}", s.code, v.code)), None)
            }
            Pat::Or(o) => {
                let tests: Vec<String> = o
                    .cases
                    .iter()
                    .filter_map(|c| self.arm_test(c, s).0)
                    .collect();
                (Some(tests.join(" or ")), None)
            }
            Pat::Range(r) => {
                let lo = r.start.as_ref().map(|x| self.expr(x).code);
                let hi = r.end.as_ref().map(|x| self.expr(x).code);
                let mut parts = Vec::new();
                if let Some(lo) = lo {
                    parts.push(format!("{} >= {lo}", s.code));
                }
                if let Some(hi) = hi {
                    let op = if matches!(r.limits, syn::RangeLimits::Closed(_)) {
                        "<="
                    } else {
                        "<"
                    };
                    parts.push(format!("{} {op} {hi}", s.code));
                }
                (Some(parts.join(" and ")), None)
            }
            Pat::TupleStruct(ts) if ts.path.is_ident("Some") && ts.elems.len() == 1 => {
                let inner = s.ty.inner().clone();
                let binding = match ts.elems.first() {
                    Some(Pat::Ident(pi)) => Some((
                        pi.ident.to_string(),
                        J::new(s.code.clone(), inner, true, true),
                    )),
                    _ => None,
                };
                (Some(format!("{} is not none", s.code)), binding)
            }
            Pat::Path(p) if p.path.is_ident("None") => (Some(format!("{} is none", s.code)), None),
            other => {
                self.unsupported(
                    other,
                    &format!(
                        "the match pattern `{}` (a `match` becomes if/elif tests: use literals, ranges, `|`, `Some(x)`, `None`, `_` or a name)",
                        other.to_token_stream()
                    ),
                );
                (Some("false".to_owned()), None)
            }
        }
    }

    /// The last expression of a block.
    pub(crate) fn tail_expr(&mut self, x: &Expr, tail: Tail<'_>) -> Ty {
        match (strip_expr(x), tail) {
            (Expr::Macro(m), Tail::Event | Tail::Fragment)
                if m.mac.path.segments.last().is_some_and(|s| s.ident == "ecs") =>
            {
                self.skeleton(&m.mac, matches!(tail, Tail::Fragment));
                if matches!(tail, Tail::Fragment) {
                    Ty::Fragment
                } else {
                    Ty::Event
                }
            }
            (Expr::If(i), Tail::Event | Tail::Fragment | Tail::Result(_)) => self.if_chain(i, tail),
            (Expr::Match(m), Tail::Event | Tail::Fragment | Tail::Result(_)) => {
                self.match_chain(m, tail)
            }
            (Expr::Block(b), _) => {
                self.scopes.push();
                let t = self.block_stmts(&b.block.stmts, tail);
                self.scopes.pop();
                t
            }
            (other, Tail::Event) => {
                // Dispatch calls are emitted as statements by the translation.
                let j = self.expr(other);
                if j.ty != Ty::Event {
                    self.unsupported(
                        other,
                        "an event body must end with `ecs! { ... }` or a `cx.dispatch` call",
                    );
                }
                Ty::Event
            }
            (other, Tail::Into(t) | Tail::Result(t)) => {
                let j = self.expr(other);
                self.buf.set(t, &j.code);
                j.ty
            }
            (other, Tail::Discard) => {
                self.stmt_expr(other);
                Ty::Unit
            }
            (other, Tail::Fragment) => {
                // Another helper's fragment, written as is.
                let j = self.expr(other);
                if j.ty == Ty::Fragment {
                    self.buf.raw(&format!("{{{{ {} }}}}", j.code));
                } else if j.ty != Ty::Error {
                    self.unsupported(
                        other,
                        "a fragment helper must end with `ecs! { ... }` or another fragment",
                    );
                }
                Ty::Fragment
            }
        }
    }
}
