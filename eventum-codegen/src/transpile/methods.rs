//! Method calls: the context API (rand, faker, samples, state, dispatch)
//! and the methods of values (timestamps, strings, numbers, options, lists).

use super::Tr;
use super::api;
use super::expr::{Handle, J, V};
use super::jinja;
use super::types::Ty;
use crate::model::Scope;
use syn::Expr;

impl Tr<'_, '_> {
    /// A method call; `unused` when its value is dropped.
    pub(crate) fn method(&mut self, e: &Expr, mc: &syn::ExprMethodCall, unused: bool) -> J {
        let name = mc.method.to_string();
        let args: Vec<&Expr> = mc.args.iter().collect();
        match self.value_or_handle(&mc.receiver) {
            V::Handle(Handle::StateField(scope, field, ty)) => {
                self.state_method(e, (scope, &field, &ty), &name, &args, unused)
            }
            V::Handle(h) => self.handle_method(e, h, &name, &args),
            V::Val(recv) => self.value_method(e, recv, &name, &args),
        }
    }

    fn args_code(&mut self, args: &[&Expr]) -> (Vec<J>, bool) {
        let js: Vec<J> = args.iter().map(|a| self.expr(a)).collect();
        let pure = js.iter().all(|j| j.pure);
        (js, pure)
    }

    fn handle_method(&mut self, e: &Expr, h: Handle, name: &str, args: &[&Expr]) -> J {
        match h {
            Handle::Rand => {
                let Some((jname, ty)) = api::rand_top(name) else {
                    self.unsupported(e, &format!("`rand.{name}`"));
                    return Self::error_value();
                };
                let (js, _) = self.args_code(args);
                let elem = js.first().map_or(Ty::Unknown, |j| match &j.ty {
                    Ty::List(t) => (**t).clone(),
                    Ty::Str => Ty::Str,
                    _ => Ty::Unknown,
                });
                let ty = ty.unwrap_or_else(|| match name {
                    "shuffle" | "choices" | "weighted_choices" => Ty::List(Box::new(elem.clone())),
                    "shuffle_str" => Ty::Str,
                    _ => elem.clone(),
                });
                let code = if name.ends_with("_map") {
                    // pairs [(item, weight), ...] -> {item: weight, ...}
                    let pairs = js.first().map(|j| j.code.clone()).unwrap_or_default();
                    let n = js
                        .get(1)
                        .map(|j| format!(", {}", j.code))
                        .unwrap_or_default();
                    format!("module.rand.{jname}(dict({pairs}){n})")
                } else {
                    format!(
                        "module.rand.{jname}({})",
                        js.iter()
                            .map(|j| j.code.clone())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                J::new(code, ty, false, true)
            }
            Handle::RandSub(sub) => {
                let Some((jname, ty)) = api::rand_sub(&sub, name) else {
                    self.unsupported(e, &format!("`rand.{sub}.{name}`"));
                    return Self::error_value();
                };
                let (js, _) = self.args_code(args);
                let mut codes: Vec<String> = js.iter().map(|j| j.code.clone()).collect();
                let ty = if name == "clamp" {
                    js.first().map_or(Ty::Unknown, |j| j.ty.clone())
                } else {
                    ty
                };
                match name {
                    "mac_oui" => codes = vec![format!("oui={}", codes.join(""))],
                    "mac_vendor" => codes = vec![format!("vendor={}", codes.join(""))],
                    _ => {}
                }
                J::new(
                    format!("module.rand.{sub}.{jname}({})", codes.join(", ")),
                    ty,
                    false,
                    true,
                )
            }
            Handle::FakerLocale => {
                if !api::faker(name) || !args.is_empty() {
                    self.unsupported(e, &format!("`faker.locale.en_US.{name}(...)`"));
                }
                J::new(
                    format!("module.faker.locale.en_US.{name}()"),
                    Ty::Str,
                    false,
                    true,
                )
            }
            Handle::Dispatch => {
                let call = match name {
                    "drop" => "dispatch.drop()".to_owned(),
                    "next" => "dispatch.next()".to_owned(),
                    "next_with" => {
                        let (js, _) = self.args_code(args);
                        format!(
                            "dispatch.next(max_repicks={})",
                            js.first().map(|j| j.code.clone()).unwrap_or_default()
                        )
                    }
                    "exhaust" => "dispatch.exhaust()".to_owned(),
                    other => {
                        self.unsupported(e, &format!("`dispatch.{other}`"));
                        return Self::error_value();
                    }
                };
                self.buf.do_(&call);
                J::new("none", Ty::Event, true, true)
            }
            Handle::Sample(s) => self.sample_method(e, &s, name, args),
            other => {
                self.unsupported(e, &format!("`.{name}()` on {other:?}"));
                Self::error_value()
            }
        }
    }

    fn sample_method(&mut self, e: &Expr, s: &str, name: &str, args: &[&Expr]) -> J {
        let (row, weight, _) = self.m.samples.get(s).cloned().unwrap_or_default();
        let row_ty = Ty::Row(row);
        let base = format!("samples.{s}");
        match name {
            "pick" => J::new(format!("{base}.pick()"), row_ty, false, true),
            "pick_n" | "weighted_pick_n" => {
                let (js, _) = self.args_code(args);
                let n = js.first().map(|j| j.code.clone()).unwrap_or_default();
                let code = if name == "pick_n" {
                    format!("{base}.pick_n({n})")
                } else {
                    format!(
                        "{base}.weighted_pick_n({}, {n})",
                        jinja::string(&weight.unwrap_or_default())
                    )
                };
                J::new(code, Ty::List(Box::new(row_ty)), false, true)
            }
            "weighted_pick" => {
                let Some(w) = weight else {
                    self.unsupported(
                        e,
                        &format!(
                            "`weighted_pick` on sample `{s}`, which declares no weight column"
                        ),
                    );
                    return Self::error_value();
                };
                J::new(
                    format!("{base}.weighted_pick({})", jinja::string(&w)),
                    row_ty,
                    false,
                    true,
                )
            }
            "len" => J::new(format!("{base} | length"), Ty::Int, true, false),
            "is_empty" => J::new(format!("({base} | length) == 0"), Ty::Bool, true, false),
            "get" => {
                let (js, _) = self.args_code(args);
                J::new(
                    format!(
                        "{base}[{}]",
                        js.first().map(|j| j.code.clone()).unwrap_or_default()
                    ),
                    Ty::Opt(Box::new(row_ty)),
                    true,
                    true,
                )
            }
            other => {
                self.unsupported(e, &format!("`samples.{s}.{other}(...)`"));
                Self::error_value()
            }
        }
    }

    /// A method of the state field `place` (scope, name, type).
    fn state_method(
        &mut self,
        e: &Expr,
        place: (Scope, &str, &Ty),
        name: &str,
        args: &[&Expr],
        unused: bool,
    ) -> J {
        let (scope, field, ty) = place;
        let st = scope.as_str();
        let key = jinja::string(field);
        // The random stream a pool method takes has no Jinja counterpart:
        // `module.rand` is used.
        let random = matches!(
            name,
            "take_random" | "pop_random" | "peek_random" | "get_random"
        );
        let (js, _) = if random {
            (Vec::new(), true)
        } else {
            self.args_code(args)
        };
        let arg = |i: usize| js.get(i).map(|j| j.code.clone()).unwrap_or_default();
        let init = self.m.state_init(scope, field).cloned().unwrap_or_default();
        let value_default = match (ty, &init.default) {
            (Ty::Value(_), Some(d)) => Some(self.const_expr(d)),
            _ => None,
        };
        let (start, wrap) = if matches!(ty, Ty::Counter(_)) {
            (
                init.start
                    .as_ref()
                    .map_or_else(|| "1".to_owned(), |x| self.const_expr(x)),
                init.wrap
                    .as_ref()
                    .map_or_else(|| "9223372036854775807".to_owned(), |x| self.const_expr(x)),
            )
        } else {
            (String::new(), String::new())
        };
        let single = matches!(ty, Ty::Counter(k) if **k == Ty::Unit);
        match (ty, name) {
            (Ty::Counter(k), "next" | "next_value") => {
                let v = self.temp("seq");
                if **k == Ty::Unit || name == "next_value" {
                    // The state holds the last value returned.
                    self.buf.set(&v, &format!("{st}.get({key})"));
                    self.buf.set(
                        &v,
                        &format!("{start} if {v} is none or {v} + 1 >= {wrap} else {v} + 1"),
                    );
                    self.buf.do_(&format!("{st}.set({key}, {v})"));
                } else {
                    // Per key: the state holds the value each key returns next.
                    let c = self.temp("counter");
                    self.buf.set(&c, &format!("{st}.get({key}, {{}})"));
                    self.buf.set(&v, &format!("{c}.get({}, {start})", arg(0)));
                    self.buf.do_(&format!(
                        "{c}.update({{{}: ({start} if {v} >= {wrap} - 1 else {v} + 1)}})",
                        arg(0)
                    ));
                    self.buf.do_(&format!("{st}.set({key}, {c})"));
                }
                J::new(v, Ty::Int, true, true)
            }
            // A single counter's state is the last value, a keyed one's the
            // value each key returns next.
            (Ty::Counter(_), "peek") if single => {
                let v = format!("{st}.get({key})");
                J::new(
                    format!("none if {v} is none else ({start} if {v} + 1 >= {wrap} else {v} + 1)"),
                    Ty::Opt(Box::new(Ty::Int)),
                    true,
                    false,
                )
            }
            (Ty::Counter(_), "peek") => J::new(
                format!("{st}.get({key}, {{}}).get({})", arg(0)),
                Ty::Opt(Box::new(Ty::Int)),
                true,
                true,
            ),
            (Ty::Counter(_), "value" | "last") if single => J::new(
                format!("{st}.get({key})"),
                Ty::Opt(Box::new(Ty::Int)),
                true,
                true,
            ),
            (Ty::Counter(_), "last") => {
                let u = format!("{st}.get({key}, {{}}).get({})", arg(0));
                J::new(
                    format!("none if {u} is none else ({wrap} - 1 if {u} == {start} else {u} - 1)"),
                    Ty::Opt(Box::new(Ty::Int)),
                    true,
                    false,
                )
            }
            (Ty::Counter(_), "reset") if single => {
                self.buf.do_(&format!("{st}.set({key}, none)"));
                J::new("none", Ty::Unit, true, true)
            }
            (Ty::Counter(_), "reset") => {
                let c = self.temp("counter");
                self.buf.set(&c, &format!("{st}.get({key}, {{}})"));
                self.buf.do_(&format!("{c}.pop({}, none)", arg(0)));
                self.buf.do_(&format!("{st}.set({key}, {c})"));
                J::new("none", Ty::Unit, true, true)
            }
            (Ty::Counter(_) | Ty::Pool(_) | Ty::Map(..), "clear") => {
                let empty = match ty {
                    Ty::Pool(_) => "[]",
                    _ if single => "none",
                    _ => "{}",
                };
                self.buf.do_(&format!("{st}.set({key}, {empty})"));
                J::new("none", Ty::Unit, true, true)
            }
            (Ty::Counter(_), "len" | "is_empty") if !single => {
                let n = format!("{st}.get({key}, {{}}) | length");
                if name == "len" {
                    J::new(n, Ty::Int, true, false)
                } else {
                    J::new(format!("({n}) == 0"), Ty::Bool, true, false)
                }
            }
            (Ty::Pool(t), "push") => {
                let cap = init
                    .cap
                    .as_ref()
                    .map_or_else(|| "1000".to_owned(), |x| self.const_expr(x));
                let p = self.temp("pool");
                self.buf.set(&p, &format!("{st}.get({key}, [])"));
                self.buf.do_(&format!("{p}.append({})", arg(0)));
                let evicted = if unused {
                    // The capped-pool idiom: the oldest item leaves a full pool.
                    self.buf.open(&format!("if {p} | length > {cap}"));
                    self.buf.do_(&format!("{p}.pop(0)"));
                    self.buf.close("endif");
                    "none".to_owned()
                } else {
                    // `push` returns the item it evicted.
                    let v = self.temp("evicted");
                    self.buf
                        .set(&v, &format!("{p}.pop(0) if {p} | length > {cap} else none"));
                    v
                };
                self.buf.do_(&format!("{st}.set({key}, {p})"));
                J::new(evicted, Ty::Opt(t.clone()), true, true)
            }
            (Ty::Pool(t), "take_random" | "pop_oldest" | "pop_newest") => {
                let p = self.temp("pool");
                let v = self.temp("taken");
                self.buf.set(&p, &format!("{st}.get({key}, [])"));
                let index = match name {
                    "take_random" => format!("module.rand.number.integer(0, ({p} | length) - 1)"),
                    "pop_oldest" => "0".to_owned(),
                    _ => "-1".to_owned(),
                };
                self.buf
                    .set(&v, &format!("{p}.pop({index}) if {p} else none"));
                self.buf.do_(&format!("{st}.set({key}, {p})"));
                J::new(v, Ty::Opt(t.clone()), true, true)
            }
            (Ty::Pool(t), "pop_random") => {
                // Like take_random on a pool known not to be empty (an empty
                // pool raises, as Python's `pop` does).
                let p = self.temp("pool");
                let v = self.temp("taken");
                self.buf.set(&p, &format!("{st}.get({key}, [])"));
                self.buf.set(
                    &v,
                    &format!("{p}.pop(module.rand.number.integer(0, ({p} | length) - 1))"),
                );
                self.buf.do_(&format!("{st}.set({key}, {p})"));
                J::new(v, (**t).clone(), true, true)
            }
            (Ty::Pool(t), "get_random") => {
                let p = self.temp("pool");
                let v = self.temp("peeked");
                self.buf.set(&p, &format!("{st}.get({key}, [])"));
                self.buf.set(&v, &format!("module.rand.choice({p})"));
                J::new(v, (**t).clone(), true, true)
            }
            (Ty::Pool(t), "peek_random") => {
                let p = self.temp("pool");
                let v = self.temp("peeked");
                self.buf.set(&p, &format!("{st}.get({key}, [])"));
                self.buf
                    .set(&v, &format!("module.rand.choice({p}) if {p} else none"));
                J::new(v, Ty::Opt(t.clone()), true, true)
            }
            (Ty::Pool(t), "oldest" | "newest") => {
                let i = if name == "oldest" { "0" } else { "-1" };
                let p = format!("{st}.get({key}, [])");
                J::new(
                    format!("{p}[{i}] if {p} else none"),
                    Ty::Opt(t.clone()),
                    true,
                    false,
                )
            }
            (Ty::Pool(_) | Ty::Map(..), "len") => J::new(
                format!(
                    "{st}.get({key}, {}) | length",
                    if matches!(ty, Ty::Map(..)) {
                        "{}"
                    } else {
                        "[]"
                    }
                ),
                Ty::Int,
                true,
                false,
            ),
            (Ty::Pool(_) | Ty::Map(..), "is_empty") => J::new(
                format!(
                    "({st}.get({key}, {}) | length) == 0",
                    if matches!(ty, Ty::Map(..)) {
                        "{}"
                    } else {
                        "[]"
                    }
                ),
                Ty::Bool,
                true,
                false,
            ),
            (Ty::Map(_, v), "get") => J::new(
                format!("{st}.get({key}, {{}}).get({})", arg(0)),
                Ty::Opt(v.clone()),
                true,
                true,
            ),
            (Ty::Map(_, v), "get_or") => J::new(
                format!("{st}.get({key}, {{}}).get({}, {})", arg(0), arg(1)),
                (**v).clone(),
                true,
                true,
            ),
            (Ty::Map(..), "contains_key") => J::new(
                format!("{} in {st}.get({key}, {{}})", arg(0)),
                Ty::Bool,
                true,
                false,
            ),
            (Ty::Map(_, v), "insert") => {
                let m = self.temp("map");
                self.buf.set(&m, &format!("{st}.get({key}, {{}})"));
                // `insert` returns the value it replaced.
                let old = if unused {
                    "none".to_owned()
                } else {
                    let old = self.temp("replaced");
                    self.buf.set(&old, &format!("{m}.get({})", arg(0)));
                    old
                };
                self.buf
                    .do_(&format!("{m}.update({{{}: {}}})", arg(0), arg(1)));
                self.buf.do_(&format!("{st}.set({key}, {m})"));
                J::new(old, Ty::Opt(v.clone()), true, true)
            }
            (Ty::Map(_, v), "remove") => {
                let m = self.temp("map");
                let out = self.temp("removed");
                self.buf.set(&m, &format!("{st}.get({key}, {{}})"));
                self.buf.set(&out, &format!("{m}.pop({}, none)", arg(0)));
                self.buf.do_(&format!("{st}.set({key}, {m})"));
                J::new(out, Ty::Opt(v.clone()), true, true)
            }
            // A `Value` with a declared default holds it until the first
            // `take`: Eventum's state starts empty, so reads fall back to
            // the default and `take` stores `none` instead of removing it.
            (Ty::Value(t), "get") => J::new(
                value_read(st, &key, value_default.as_deref()),
                Ty::Opt(t.clone()),
                true,
                true,
            ),
            (Ty::Value(t), "get_or") => match &value_default {
                None => J::new(
                    format!("{st}.get({key}, {})", arg(0)),
                    (**t).clone(),
                    true,
                    true,
                ),
                Some(d) => {
                    let read = format!("{st}.get({key}, {d})");
                    J::new(
                        format!("{read} if {read} is not none else {}", arg(0)),
                        (**t).clone(),
                        true,
                        false,
                    )
                }
            },
            (Ty::Value(_), "is_defined") => J::new(
                format!(
                    "{} is not none",
                    value_read(st, &key, value_default.as_deref())
                ),
                Ty::Bool,
                true,
                false,
            ),
            (Ty::Value(_), "set") => {
                self.buf.do_(&format!("{st}.set({key}, {})", arg(0)));
                J::new("none", Ty::Unit, true, true)
            }
            (Ty::Value(t), "take") => {
                let v = self.temp("value");
                match &value_default {
                    None => self.buf.set(&v, &format!("{st}.pop({key}, none)")),
                    Some(d) => {
                        self.buf.set(&v, &format!("{st}.get({key}, {d})"));
                        self.buf.do_(&format!("{st}.set({key}, none)"));
                    }
                }
                J::new(v, Ty::Opt(t.clone()), true, true)
            }
            _ => {
                self.unsupported(
                    e,
                    &format!("`{st}.{field}.{name}(...)` on {}", ty.describe()),
                );
                Self::error_value()
            }
        }
    }

    fn value_method(&mut self, e: &Expr, recv: J, name: &str, args: &[&Expr]) -> J {
        // One error per construct: the rest of a failed chain is not translated.
        if recv.ty == Ty::Error {
            return Self::error_value();
        }
        let (js, apure) = self.args_code(args);
        if js.iter().any(|j| j.ty == Ty::Error) {
            return Self::error_value();
        }
        let pure = recv.pure && apure;
        let arg = |i: usize| js.get(i).map(|j| j.code.clone()).unwrap_or_default();
        let r = recv.operand();
        match (&recv.ty, name) {
            (
                _,
                "clone" | "to_owned" | "into" | "as_str" | "as_ref" | "borrow" | "copied"
                | "cloned",
            ) => recv,
            (Ty::Bool, "then_some") => {
                // Rust evaluates the argument whether or not the bool holds.
                let v = js.first().cloned().unwrap_or_else(Self::error_value);
                let (recv, v) = if v.pure {
                    (recv, v)
                } else {
                    (self.pin(recv, "cond"), self.pin(v, "some"))
                };
                J::new(
                    format!("{} if {} else none", v.operand(), recv.operand()),
                    Ty::Opt(Box::new(v.ty)),
                    true,
                    false,
                )
            }
            (Ty::Timestamp, "isoformat") => J::new(format!("{r}.isoformat()"), Ty::Str, pure, true),
            (Ty::Timestamp, "strftime" | "strftime_or_panic") => {
                J::new(format!("{r}.strftime({})", arg(0)), Ty::Str, pure, true)
            }
            (Ty::Timestamp, "timestamp") => {
                J::new(format!("{r}.timestamp()"), Ty::Float, pure, true)
            }
            (
                Ty::Timestamp,
                f @ ("year" | "month" | "day" | "hour" | "minute" | "second" | "microsecond"),
            ) => J::new(format!("{r}.{f}"), Ty::Int, pure, true),
            (Ty::Timestamp, f @ ("weekday" | "isoweekday")) => {
                J::new(format!("{r}.{f}()"), Ty::Int, pure, true)
            }
            (Ty::Delta, "total_seconds") => {
                J::new(format!("{r}.total_seconds()"), Ty::Float, pure, true)
            }
            (_, "to_string") => match recv.ty {
                Ty::Bool => J::new(format!("{r} and 'true' or 'false'"), Ty::Str, pure, false),
                Ty::Str => recv,
                // Python's repr, as the native `__private::py::to_string`.
                _ => J::new(format!("{r} | string"), Ty::Str, pure, false),
            },
            // Rust counts UTF-8 bytes, Python code points.
            (Ty::Str, "len") => J::new(
                format!("{r}.encode('utf-8') | length"),
                Ty::Int,
                pure,
                false,
            ),
            (Ty::Str, "is_empty") => J::new(format!("({r} | length) == 0"), Ty::Bool, pure, false),
            (Ty::Str, "to_uppercase") => J::new(format!("{r} | upper"), Ty::Str, pure, false),
            (Ty::Str, "to_lowercase") => J::new(format!("{r} | lower"), Ty::Str, pure, false),
            (Ty::Str, "trim") => J::new(format!("{r} | trim"), Ty::Str, pure, false),
            (Ty::Str, "contains") => J::new(format!("{} in {r}", arg(0)), Ty::Bool, pure, false),
            (Ty::Str, "starts_with") => {
                J::new(format!("{r}.startswith({})", arg(0)), Ty::Bool, pure, true)
            }
            (Ty::Str, "ends_with") => {
                J::new(format!("{r}.endswith({})", arg(0)), Ty::Bool, pure, true)
            }
            (Ty::Str, "replace") => J::new(
                format!("{r}.replace({}, {})", arg(0), arg(1)),
                Ty::Str,
                pure,
                true,
            ),
            (Ty::Str, "repeat") => J::new(format!("{r} * {}", arg(0)), Ty::Str, pure, false),
            (Ty::List(_), "len") => J::new(format!("{r} | length"), Ty::Int, pure, false),
            (Ty::List(_), "is_empty") => {
                J::new(format!("({r} | length) == 0"), Ty::Bool, pure, false)
            }
            (Ty::List(_), "contains") => {
                J::new(format!("{} in {r}", arg(0)), Ty::Bool, pure, false)
            }
            (Ty::List(_), "join") => {
                J::new(format!("{r} | join({})", arg(0)), Ty::Str, pure, false)
            }
            (Ty::List(t), "first") => J::new(
                format!("{r}[0] if {r} else none"),
                Ty::Opt(t.clone()),
                pure,
                false,
            ),
            (Ty::List(t), "last") => J::new(
                format!("{r}[-1] if {r} else none"),
                Ty::Opt(t.clone()),
                pure,
                false,
            ),
            (Ty::List(_), "push") => {
                self.buf.do_(&format!("{r}.append({})", arg(0)));
                J::new("none", Ty::Unit, true, true)
            }
            (Ty::Opt(t), "unwrap_or") => {
                // The fallback is evaluated even when the option is `Some`.
                let t = t.clone();
                let v = self.pin(recv, "opt").code;
                let fallback = js.first().cloned().unwrap_or_else(Self::error_value);
                let fallback = self.pin(fallback, "or");
                J::new(
                    format!("{v} if {v} is not none else {}", fallback.operand()),
                    *t,
                    true,
                    false,
                )
            }
            (Ty::Opt(_), "is_some") => J::new(format!("{r} is not none"), Ty::Bool, pure, false),
            (Ty::Opt(_), "is_none") => J::new(format!("{r} is none"), Ty::Bool, pure, false),
            (Ty::Int | Ty::Float, "abs") => {
                J::new(format!("{r} | abs"), recv.ty.clone(), pure, false)
            }
            (Ty::Int | Ty::Float, "min") => J::new(
                format!("[{}, {}] | min", recv.code, arg(0)),
                recv.ty.clone(),
                pure,
                false,
            ),
            (Ty::Int | Ty::Float, "max") => J::new(
                format!("[{}, {}] | max", recv.code, arg(0)),
                recv.ty.clone(),
                pure,
                false,
            ),
            (Ty::Int | Ty::Float, "pow" | "powi" | "powf") => {
                J::new(format!("{r} ** {}", arg(0)), recv.ty.clone(), pure, false)
            }
            // Rust rounds half away from zero, Python's `round` half to even.
            (Ty::Float, "round") => {
                let x = self.pin(recv, "x").operand();
                J::new(
                    format!("((({x} | abs) + 0.5) | round(0, 'floor')) * (1 if {x} >= 0 else -1)"),
                    Ty::Float,
                    true,
                    false,
                )
            }
            (Ty::Float, "floor") => {
                J::new(format!("{r} | round(0, 'floor')"), Ty::Float, pure, false)
            }
            (Ty::Float, "ceil") => {
                J::new(format!("{r} | round(0, 'ceil')"), Ty::Float, pure, false)
            }
            (
                _,
                "iter" | "into_iter" | "iter_mut" | "map" | "filter" | "filter_map" | "collect"
                | "fold" | "enumerate" | "zip" | "any" | "all" | "find" | "position" | "sum"
                | "count" | "rev" | "take" | "skip" | "chain" | "flat_map" | "for_each",
            ) => {
                self.unsupported(
                    e,
                    &format!("the iterator method `.{name}()` (iterator chains have no Jinja counterpart; use a `for` loop that pushes into a list)"),
                );
                Self::error_value()
            }
            _ => {
                self.unsupported(
                    e,
                    &format!(
                        "the method `.{name}()` on {} (no Jinja counterpart)",
                        recv.ty.describe()
                    ),
                );
                Self::error_value()
            }
        }
    }
}

/// A `Value` state field read as an `Option`.
fn value_read(st: &str, key: &str, default: Option<&str>) -> String {
    match default {
        Some(d) => format!("{st}.get({key}, {d})"),
        None => format!("{st}.get({key})"),
    }
}
