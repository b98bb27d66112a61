//! Golden tests of the lowering: a Rust event body in, its Jinja out, one
//! test per construct the exporter supports. The snapshots are the
//! reviewed translations; `UPDATE_EXPECT=1 cargo test -p eventum-codegen`
//! rewrites them (read the diff before committing it).
//!
//! Every module goes through the macro's whole pipeline (attributes, model,
//! checks, native expansion), so a snapshot is what the macro exports.

// expect-test writes every snapshot as `r#"..."#`, needed or not.
#![allow(clippy::needless_raw_string_hashes)]

use expect_test::{Expect, expect};

/// Declarations every test module starts with: params, a CSV sample with
/// typed columns, an items sample, state of every kind, a user struct.
const PRELUDE: &str = r#"
    #[params]
    pub struct Params {
        #[param(default = "example.com")]
        pub domain: String,
        #[param(default = 16)]
        pub cap: i64,
    }

    #[sample(csv = "tests/fixtures/users.csv", weight = "weight")]
    pub struct User {
        pub name: Str,
        pub uid: i64,
        pub weight: f64,
        pub admin: bool,
    }

    #[sample(items = [["web-01", "10.0.0.1", 8], ["db-01", "10.0.0.2", 16]], name = "hosts")]
    pub struct Host {
        pub name: Str,
        pub ip: Str,
        pub cores: i64,
    }

    #[shared]
    pub struct Shared {
        #[state(start = 1, wrap = 1000)]
        pub seq: Counter<Str>,
        pub total: Counter,
        #[state(cap = params.cap)]
        pub sessions: Pool<Session>,
        pub owners: Map<Str, Str>,
        #[state(default = 7)]
        pub last_pid: Value<i64>,
        pub hits: i64,
    }

    pub struct Session {
        pub user: Str,
        pub pid: i64,
    }
"#;

/// The export of a module made of [`PRELUDE`] and `items`: every template,
/// then `_base.json.jinja` and the per-alias vars when there are any.
fn lower(items: &str) -> String {
    let module = format!("mod g {{ {PRELUDE} {items} }}");
    let export = match crate::export_of(r#"name = "test-golden""#, &module) {
        Ok(e) => e,
        Err(errors) => panic!("the module does not compile:\n{}", errors.join("\n")),
    };
    let mut out = String::new();
    let many = export.templates.len() > 1;
    for t in &export.templates {
        if many {
            out.push_str(&format!("==> templates/{}\n", t.file));
        }
        out.push_str(&t.text);
    }
    if !export.base.is_empty() {
        out.push_str("==> templates/_base.json.jinja\n");
        out.push_str(&export.base);
    }
    if export.aliases.iter().any(|(_, vars)| !vars.is_empty()) {
        out.push_str("==> vars\n");
        for (file, vars) in &export.aliases {
            out.push_str(&format!("{file}: {vars:?}\n"));
        }
    }
    out
}

/// The template of one event function whose body is `body`.
fn event(body: &str) -> String {
    lower(&format!(
        "#[event(weight = 1)] fn probe(cx: &mut Cx) -> Event {{ {body} }}"
    ))
}

fn check(actual: &str, expected: &Expect) {
    expected.assert_eq(actual);
}

#[test]
fn let_bindings_and_tuple_destructuring() {
    check(
        &event(
            r#"
            let port = 443;
            let name: String = String::from("alice");
            let (proto, p) = cx.rand.choice([("tcp", 6), ("udp", 17)]);
            let (_, weight) = ("unused", 2.5);
            ecs! { "a": port, "b": name, "c": proto, "d": p, "e": weight }
            "#,
        ),
        &expect![[r#"
            {%- set port = 443 -%}
            {%- set name = 'alice' -%}
            {%- set proto, p = module.rand.choice([('tcp', 6), ('udp', 17)]) -%}
            {%- set _unused1, weight = ('unused', 2.5) -%}
            {
                "a": {{ port | tojson }},
                "b": {{ name | tojson }},
                "c": {{ proto | tojson }},
                "d": {{ p | tojson }},
                "e": {{ weight | tojson }}
            }
        "#]],
    );
}

#[test]
fn if_else_if_else_statements() {
    check(
        &event(
            r#"
            let code = cx.rand.number.integer(0, 3);
            let mut level = "info";
            if code == 0 {
                level = "debug";
            } else if code == 1 {
                let extra = cx.rand.number.integer(1, 9);
                cx.shared.hits = extra;
            } else {
                level = "error";
            }
            ecs! { "log.level": level }
            "#,
        ),
        &expect![[r#"
            {%- set code = module.rand.number.integer(0, 3) -%}
            {%- set level = 'info' -%}
            {%- if code == 0 -%}
              {%- set level = 'debug' -%}
            {%- elif code == 1 -%}
              {%- set extra = module.rand.number.integer(1, 9) -%}
              {%- do shared.set('hits', extra) -%}
            {%- else -%}
              {%- set level = 'error' -%}
            {%- endif -%}
            {
                "log": {
                    "level": {{ level | tojson }}
                }
            }
        "#]],
    );
}

#[test]
fn if_expressions() {
    check(
        &event(
            r#"
            let code = cx.rand.number.integer(0, 3);
            let outcome = if code == 0 { "success" } else { "failure" };
            let grade = if code == 0 { "a" } else if code == 1 { "b" } else { "c" };
            let port = if code > 1 { cx.rand.number.integer(1024, 65535) } else { 22 };
            let user = if code == 2 {
                let u = cx.samples.users.pick();
                u.name
            } else {
                "root".into()
            };
            ecs! { "a": outcome, "b": grade, "c": port, "d": user }
            "#,
        ),
        &expect![[r#"
            {%- set code = module.rand.number.integer(0, 3) -%}
            {%- set outcome = 'success' if (code == 0) else 'failure' -%}
            {%- set grade = 'a' if (code == 0) else ('b' if (code == 1) else 'c') -%}
            {%- if code > 1 -%}
              {%- set _if1 = module.rand.number.integer(1024, 65535) -%}
            {%- else -%}
              {%- set _if1 = 22 -%}
            {%- endif -%}
            {%- set port = _if1 -%}
            {%- if code == 2 -%}
              {%- set u = samples.users.pick() -%}
              {%- set _if2 = u.name -%}
            {%- else -%}
              {%- set _if2 = 'root' -%}
            {%- endif -%}
            {%- set user = _if2 -%}
            {
                "a": {{ outcome | tojson }},
                "b": {{ grade | tojson }},
                "c": {{ port | tojson }},
                "d": {{ user | tojson }}
            }
        "#]],
    );
}

#[test]
fn match_on_literals() {
    check(
        &event(
            r#"
            let code = cx.rand.number.integer(0, 600);
            let method = cx.rand.choice(["GET", "POST", "PUT"]);
            let class = match code {
                0 => "none",
                1 | 2 | 3 => "low",
                100..200 => "info",
                200..=299 => "ok",
                n if n >= 500 => "server",
                n if n > 450 && cx.rand.chance(0.5) => "maybe",
                _ => "other",
            };
            let write = match method {
                "GET" => false,
                "POST" | "PUT" => {
                    cx.shared.hits = code;
                    true
                }
                _ => false,
            };
            match cx.rand.choice(["a", "b"]) {
                "a" => cx.shared.owners.insert("a".into(), method.into()),
                _ => None,
            };
            ecs! { "a": class, "b": write }
            "#,
        ),
        &expect![[r#"
            {%- set code = module.rand.number.integer(0, 600) -%}
            {%- set method = module.rand.choice(['GET', 'POST', 'PUT']) -%}
            {%- if code == 0 -%}
              {%- set _m1 = 'none' -%}
            {%- elif code == 1 or code == 2 or code == 3 -%}
              {%- set _m1 = 'low' -%}
            {%- elif code >= 100 and code < 200 -%}
              {%- set _m1 = 'info' -%}
            {%- elif code >= 200 and code <= 299 -%}
              {%- set _m1 = 'ok' -%}
            {%- elif code >= 500 -%}
              {%- set n = code -%}
              {%- set _m1 = 'server' -%}
            {%- elif (code > 450) and module.rand.chance(0.5) -%}
              {%- set n = code -%}
              {%- set _m1 = 'maybe' -%}
            {%- else -%}
              {%- set _m1 = 'other' -%}
            {%- endif -%}
            {%- set class = _m1 -%}
            {%- if method == 'GET' -%}
              {%- set _m2 = false -%}
            {%- elif method == 'POST' or method == 'PUT' -%}
              {%- do shared.set('hits', code) -%}
              {%- set _m2 = true -%}
            {%- else -%}
              {%- set _m2 = false -%}
            {%- endif -%}
            {%- set write = _m2 -%}
            {%- set _m3 = module.rand.choice(['a', 'b']) -%}
            {%- if _m3 == 'a' -%}
              {%- set _map4 = shared.get('owners', {}) -%}
              {%- do _map4.update({'a': method}) -%}
              {%- do shared.set('owners', _map4) -%}
            {%- endif -%}
            {
                "a": {{ class | tojson }},
                "b": {{ write | tojson }}
            }
        "#]],
    );
}

#[test]
fn string_concatenation() {
    check(
        &event(
            r#"
            let user = cx.samples.users.pick();
            let host = String::from("web") + "-" + &user.name;
            let fqdn = host.clone() + "." + &cx.params.domain;
            let line = "uid=" + user.uid.to_string();
            ecs! { "a": host, "b": fqdn, "c": line }
            "#,
        ),
        &expect![[r#"
            {%- set user = samples.users.pick() -%}
            {%- set host = ('web' ~ '-') ~ user.name -%}
            {%- set fqdn = (host ~ '.') ~ params.domain -%}
            {%- set line = 'uid=' ~ ((user.uid | int) | string) -%}
            {
                "a": {{ host | tojson }},
                "b": {{ fqdn | tojson }},
                "c": {{ line | tojson }}
            }
        "#]],
    );
}

#[test]
fn format_macro() {
    check(
        &event(
            r#"
            let user = cx.samples.users.pick();
            let ok = cx.rand.chance(0.5);
            let port = 22;
            let a = format!("{}@{}", user.name, cx.params.domain);
            let b = format!("{0}:{1}/{0}", user.name, port);
            let c = format!("port={port} ok={ok} braces={{}}");
            let d = format!("{}", user.uid);
            let e = format!("at {}", cx.timestamp);
            let f = format!("{} {}", cx.rand.number.integer(1, 9), cx.rand.crypto.uuid4());
            ecs! { "a": a, "b": b, "c": c, "d": d, "e": e, "f": f }
            "#,
        ),
        &expect![[r#"
            {%- set user = samples.users.pick() -%}
            {%- set ok = module.rand.chance(0.5) -%}
            {%- set port = 22 -%}
            {%- set a = user.name ~ '@' ~ params.domain -%}
            {%- set b = user.name ~ ':' ~ port ~ '/' ~ user.name -%}
            {%- set c = 'port=' ~ port ~ ' ok=' ~ (ok and 'true' or 'false') ~ ' braces={}' -%}
            {%- set d = (user.uid | int) | string -%}
            {%- set e = 'at ' ~ timestamp | string -%}
            {%- set f = module.rand.number.integer(1, 9) ~ ' ' ~ module.rand.crypto.uuid4() -%}
            {
                "a": {{ a | tojson }},
                "b": {{ b | tojson }},
                "c": {{ c | tojson }},
                "d": {{ d | tojson }},
                "e": {{ e | tojson }},
                "f": {{ f | tojson }}
            }
        "#]],
    );
}

#[test]
fn format_specs() {
    check(
        &event(
            r#"
            let n = cx.rand.number.integer(0, 65535);
            let x = cx.rand.number.floating(0.0, 100.0);
            let name = "ab";
            let s = format!("{:04}|{:x}|{:X}|{:08x}|{:.2}|{:6}|{:5}|{:.0}", n, n, n, n, x, name, n, x);
            let t = format!("{n:04}/{x:.1}/{name:3}/{x}");
            ecs! { "message": s, "inline": t }
            "#,
        ),
        &expect![[r#"
            {%- set n = module.rand.number.integer(0, 65535) -%}
            {%- set x = module.rand.number.floating(0.0, 100.0) -%}
            {%- set name = 'ab' -%}
            {%- set s = ('%04d' | format(n)) ~ '|' ~ ('%x' | format(n)) ~ '|' ~ ('%X' | format(n)) ~ '|' ~ ('%08x' | format(n)) ~ '|' ~ ('%.2f' | format(x)) ~ '|' ~ ('%-6s' | format(name)) ~ '|' ~ ('%5d' | format(n)) ~ '|' ~ ('%.0f' | format(x)) -%}
            {%- set t = ('%04d' | format(n)) ~ '/' ~ ('%.1f' | format(x)) ~ '/' ~ ('%-3s' | format(name)) ~ '/' ~ (x | string) -%}
            {
                "message": {{ s | tojson }},
                "inline": {{ t | tojson }}
            }
        "#]],
    );
}

#[test]
fn arithmetic() {
    check(
        &event(
            r#"
            let a = cx.rand.number.integer(1, 100);
            let b = 7;
            let x: f64 = cx.rand.number.floating(0.0, 1.0);
            let q = a / b;
            let r = a % b;
            let f = x / 2.0;
            let mixed = a as f64 / 3.0;
            let mut total = a * b + 1 - q;
            total += 5;
            total -= r;
            total *= 2;
            total /= 3;
            let neg = -a;
            let p = x.powi(2) + (a.pow(2) as f64);
            ecs! { "q": q, "r": r, "f": f, "m": mixed, "t": total, "n": neg, "p": p }
            "#,
        ),
        &expect![[r#"
            {%- set a = module.rand.number.integer(1, 100) -%}
            {%- set b = 7 -%}
            {%- set x = module.rand.number.floating(0.0, 1.0) -%}
            {%- set q = a // b -%}
            {%- set r = a % b -%}
            {%- set f = x / 2.0 -%}
            {%- set mixed = (a | float) / 3.0 -%}
            {%- set total = ((a * b) + 1) - q -%}
            {%- set total = total + 5 -%}
            {%- set total = total - r -%}
            {%- set total = total * 2 -%}
            {%- set total = total // 3 -%}
            {%- set neg = -a -%}
            {%- set p = (x ** 2) + ((a ** 2) | float) -%}
            {
                "q": {{ q | tojson }},
                "r": {{ r | tojson }},
                "f": {{ f | tojson }},
                "m": {{ mixed | tojson }},
                "t": {{ total | tojson }},
                "n": {{ neg | tojson }},
                "p": {{ p | tojson }}
            }
        "#]],
    );
}

#[test]
fn comparisons_and_boolean_logic() {
    check(
        &event(
            r#"
            let a = cx.rand.number.integer(1, 100);
            let user = cx.samples.users.pick();
            let flags = (a == 1, a != 2, a < 3, a <= 4, a > 5, a >= 6);
            let both = a > 10 && user.name != "root";
            let either = a < 5 || !user.admin;
            let nested = (a > 1 && a < 50) || (a > 90 && !(user.uid == 0));
            ecs! { "f": flags.0, "b": both, "e": either, "n": nested }
            "#,
        ),
        &expect![[r#"
            {%- set a = module.rand.number.integer(1, 100) -%}
            {%- set user = samples.users.pick() -%}
            {%- set flags = (a == 1, a != 2, a < 3, a <= 4, a > 5, a >= 6) -%}
            {%- set both = (a > 10) and (user.name != 'root') -%}
            {%- set either = (a < 5) or (not ((user.admin | lower) in ['true', '1', 'yes'])) -%}
            {%- set nested = ((a > 1) and (a < 50)) or ((a > 90) and (not ((user.uid | int) == 0))) -%}
            {
                "f": {{ flags[0] | tojson }},
                "b": {{ both | tojson }},
                "e": {{ either | tojson }},
                "n": {{ nested | tojson }}
            }
        "#]],
    );
}

#[test]
fn rand_api() {
    check(
        &event(
            r#"
            let a = cx.rand.choice(["x", "y"]);
            let b = cx.rand.choices(["x", "y"], 3);
            let c = cx.rand.shuffle([1, 2, 3]);
            let d = cx.rand.weighted_choice(["x", "y"], [3, 1]);
            let e = cx.rand.weighted_choices(["x", "y"], [3, 1], 2);
            let f = cx.rand.weighted_choice_map([("x", 3), ("y", 1)]);
            let g = cx.rand.weighted_choices_map([("x", 3), ("y", 1)], 2);
            let h = cx.rand.chance(0.25);
            let i = cx.rand.shuffle_str("abc");
            ecs! { "a": a, "b": b, "c": c, "d": d, "e": e, "f": f, "g": g, "h": h, "i": i }
            "#,
        ),
        &expect![[r#"
            {%- set a = module.rand.choice(['x', 'y']) -%}
            {%- set b = module.rand.choices(['x', 'y'], 3) -%}
            {%- set c = module.rand.shuffle([1, 2, 3]) -%}
            {%- set d = module.rand.weighted_choice(['x', 'y'], [3, 1]) -%}
            {%- set e = module.rand.weighted_choices(['x', 'y'], [3, 1], 2) -%}
            {%- set f = module.rand.weighted_choice(dict([('x', 3), ('y', 1)])) -%}
            {%- set g = module.rand.weighted_choices(dict([('x', 3), ('y', 1)]), 2) -%}
            {%- set h = module.rand.chance(0.25) -%}
            {%- set i = module.rand.shuffle('abc') -%}
            {
                "a": {{ a | tojson }},
                "b": {{ b | tojson }},
                "c": {{ c | tojson }},
                "d": {{ d | tojson }},
                "e": {{ e | tojson }},
                "f": {{ f | tojson }},
                "g": {{ g | tojson }},
                "h": {{ h | tojson }},
                "i": {{ i | tojson }}
            }
        "#]],
    );
}

#[test]
fn rand_submodules() {
    check(
        &event(
            r#"
            ecs! {
                "n": {
                    "i": cx.rand.number.integer(1, 6),
                    "f": cx.rand.number.floating(0.0, 1.0),
                    "g": cx.rand.number.gauss(0.0, 1.0),
                    "l": cx.rand.number.lognormal(0.0, 1.0),
                    "e": cx.rand.number.exponential(1.5),
                    "p": cx.rand.number.pareto(2.0, 1.0),
                    "t": cx.rand.number.triangular(0.0, 10.0, 3.0),
                    "c": cx.rand.number.clamp(cx.rand.number.integer(0, 20), 5, 15),
                },
                "s": [
                    cx.rand.string.letters_lowercase(4),
                    cx.rand.string.letters_uppercase(4),
                    cx.rand.string.letters(4),
                    cx.rand.string.digits(4),
                    cx.rand.string.punctuation(4),
                    cx.rand.string.hex(8),
                    cx.rand.string.pattern("??-##"),
                ],
                "net": [
                    cx.rand.network.ip_v4(),
                    cx.rand.network.ip_v4_private(),
                    cx.rand.network.ip_v4_private_a(),
                    cx.rand.network.ip_v4_private_b(),
                    cx.rand.network.ip_v4_private_c(),
                    cx.rand.network.ip_v4_public(),
                    cx.rand.network.ip_v4_in_subnet("10.1.0.0/16"),
                    cx.rand.network.ip_v6(),
                    cx.rand.network.ip_v6_global(),
                    cx.rand.network.ip_v6_link_local(),
                    cx.rand.network.ip_v6_ula(),
                    cx.rand.network.mac(),
                    cx.rand.network.mac_oui("00:1a:2b"),
                    cx.rand.network.mac_vendor("Cisco"),
                ],
                "crypto": [
                    cx.rand.crypto.uuid4(),
                    cx.rand.crypto.md5(),
                    cx.rand.crypto.sha1(),
                    cx.rand.crypto.sha256(),
                ],
                "when": cx.rand.datetime.timestamp(cx.timestamp - TimeDelta::hours(1), cx.timestamp),
            }
            "#,
        ),
        &expect![[r#"
            {%- set _v1 = module.rand.number.integer(1, 6) -%}
            {%- set _v2 = module.rand.number.floating(0.0, 1.0) -%}
            {%- set _v3 = module.rand.number.gauss(0.0, 1.0) -%}
            {%- set _v4 = module.rand.number.lognormal(0.0, 1.0) -%}
            {%- set _v5 = module.rand.number.exponential(1.5) -%}
            {%- set _v6 = module.rand.number.pareto(2.0, 1.0) -%}
            {%- set _v7 = module.rand.number.triangular(0.0, 10.0, 3.0) -%}
            {%- set _v8 = module.rand.number.clamp(module.rand.number.integer(0, 20), 5, 15) -%}
            {%- set _v9 = module.rand.string.letters_lowercase(4) -%}
            {%- set _v10 = module.rand.string.letters_uppercase(4) -%}
            {%- set _v11 = module.rand.string.letters(4) -%}
            {%- set _v12 = module.rand.string.digits(4) -%}
            {%- set _v13 = module.rand.string.punctuation(4) -%}
            {%- set _v14 = module.rand.string.hex(8) -%}
            {%- set _v15 = module.rand.string.pattern('??-##') -%}
            {%- set _v16 = module.rand.network.ip_v4() -%}
            {%- set _v17 = module.rand.network.ip_v4_private() -%}
            {%- set _v18 = module.rand.network.ip_v4_private_a() -%}
            {%- set _v19 = module.rand.network.ip_v4_private_b() -%}
            {%- set _v20 = module.rand.network.ip_v4_private_c() -%}
            {%- set _v21 = module.rand.network.ip_v4_public() -%}
            {%- set _v22 = module.rand.network.ip_v4_in_subnet('10.1.0.0/16') -%}
            {%- set _v23 = module.rand.network.ip_v6() -%}
            {%- set _v24 = module.rand.network.ip_v6_global() -%}
            {%- set _v25 = module.rand.network.ip_v6_link_local() -%}
            {%- set _v26 = module.rand.network.ip_v6_ula() -%}
            {%- set _v27 = module.rand.network.mac() -%}
            {%- set _v28 = module.rand.network.mac(oui='00:1a:2b') -%}
            {%- set _v29 = module.rand.network.mac(vendor='Cisco') -%}
            {%- set _v30 = module.rand.crypto.uuid4() -%}
            {%- set _v31 = module.rand.crypto.md5() -%}
            {%- set _v32 = module.rand.crypto.sha1() -%}
            {%- set _v33 = module.rand.crypto.sha256() -%}
            {%- set _v34 = module.rand.datetime.timestamp(timestamp - module.datetime.timedelta(hours=1), timestamp) -%}
            {
                "n": {
                    "i": {{ _v1 | tojson }},
                    "f": {{ _v2 | tojson }},
                    "g": {{ _v3 | tojson }},
                    "l": {{ _v4 | tojson }},
                    "e": {{ _v5 | tojson }},
                    "p": {{ _v6 | tojson }},
                    "t": {{ _v7 | tojson }},
                    "c": {{ _v8 | tojson }}
                },
                "s": [{{ _v9 | tojson }}, {{ _v10 | tojson }}, {{ _v11 | tojson }}, {{ _v12 | tojson }}, {{ _v13 | tojson }}, {{ _v14 | tojson }}, {{ _v15 | tojson }}],
                "net": [{{ _v16 | tojson }}, {{ _v17 | tojson }}, {{ _v18 | tojson }}, {{ _v19 | tojson }}, {{ _v20 | tojson }}, {{ _v21 | tojson }}, {{ _v22 | tojson }}, {{ _v23 | tojson }}, {{ _v24 | tojson }}, {{ _v25 | tojson }}, {{ _v26 | tojson }}, {{ _v27 | tojson }}, {{ _v28 | tojson }}, {{ _v29 | tojson }}],
                "crypto": [{{ _v30 | tojson }}, {{ _v31 | tojson }}, {{ _v32 | tojson }}, {{ _v33 | tojson }}],
                "when": {{ _v34.isoformat() | tojson }}
            }
        "#]],
    );
}

#[test]
fn faker_api() {
    check(
        &event(
            r#"
            ecs! {
                "a": cx.faker.locale.en_US.user_name(),
                "b": cx.faker.locale.en_US.user_agent(),
                "c": cx.faker.locale.en_US.email(),
                "d": cx.faker.locale.en_US.domain_name(),
                "e": cx.faker.locale.en_US.hostname(),
            }
            "#,
        ),
        &expect![[r#"
            {%- set _v1 = module.faker.locale.en_US.user_name() -%}
            {%- set _v2 = module.faker.locale.en_US.user_agent() -%}
            {%- set _v3 = module.faker.locale.en_US.email() -%}
            {%- set _v4 = module.faker.locale.en_US.domain_name() -%}
            {%- set _v5 = module.faker.locale.en_US.hostname() -%}
            {
                "a": {{ _v1 | tojson }},
                "b": {{ _v2 | tojson }},
                "c": {{ _v3 | tojson }},
                "d": {{ _v4 | tojson }},
                "e": {{ _v5 | tojson }}
            }
        "#]],
    );
}

#[test]
fn samples_api() {
    check(
        &event(
            r#"
            let u = cx.samples.users.pick();
            let w = cx.samples.users.weighted_pick();
            let some = cx.samples.hosts.pick_n(2);
            let more = cx.samples.users.weighted_pick_n(3);
            let n = cx.samples.hosts.len();
            let none = cx.samples.hosts.is_empty();
            ecs! { "a": u.name, "b": w.name, "c": some.len(), "d": more.len(), "e": n, "f": none }
            "#,
        ),
        &expect![[r#"
            {%- set u = samples.users.pick() -%}
            {%- set w = samples.users.weighted_pick('weight') -%}
            {%- set some = samples.hosts.pick_n(2) -%}
            {%- set more = samples.users.weighted_pick_n('weight', 3) -%}
            {%- set n = samples.hosts | length -%}
            {%- set none_ = (samples.hosts | length) == 0 -%}
            {
                "a": {{ u.name | tojson }},
                "b": {{ w.name | tojson }},
                "c": {{ (some | length) | tojson }},
                "d": {{ (more | length) | tojson }},
                "e": {{ n | tojson }},
                "f": {{ none_ | tojson }}
            }
        "#]],
    );
}

#[test]
fn csv_typed_columns() {
    check(
        &event(
            r#"
            let u = cx.samples.users.pick();
            let next_uid = u.uid + 1;
            ecs! { "name": u.name, "uid": u.uid, "next": next_uid, "weight": u.weight, "admin": u.admin }
            "#,
        ),
        &expect![[r#"
            {%- set u = samples.users.pick() -%}
            {%- set next_uid = (u.uid | int) + 1 -%}
            {
                "name": {{ u.name | tojson }},
                "uid": {{ (u.uid | int) | tojson }},
                "next": {{ next_uid | tojson }},
                "weight": {{ (u.weight | float) | tojson }},
                "admin": {{ ((u.admin | lower) in ['true', '1', 'yes']) | tojson }}
            }
        "#]],
    );
}

#[test]
fn items_sample_columns() {
    check(
        &event(
            r#"
            let h = cx.samples.hosts.pick();
            ecs! { "name": h.name, "ip": h.ip, "cores": h.cores }
            "#,
        ),
        &expect![[r#"
            {%- set h = samples.hosts.pick() -%}
            {
                "name": {{ h[0] | tojson }},
                "ip": {{ h[1] | tojson }},
                "cores": {{ h[2] | tojson }}
            }
        "#]],
    );
}

#[test]
fn params_and_vars() {
    check(
        &lower(
            r#"
            #[event(weight = 3, name = "ok", vars(outcome = "success", code = 0))]
            #[event(weight = 1, name = "bad", vars(outcome = "failure", code = 1))]
            fn login(cx: &mut Cx) -> Event {
                let fqdn = format!("h.{}", cx.params.domain);
                ecs! { "outcome": cx.vars.outcome, "code": cx.vars.code + 1, "fqdn": fqdn, "cap": cx.params.cap }
            }
            "#,
        ),
        &expect![[r#"
            {%- set fqdn = 'h.' ~ params.domain -%}
            {
                "outcome": {{ vars.outcome | tojson }},
                "code": {{ (vars.code + 1) | tojson }},
                "fqdn": {{ fqdn | tojson }},
                "cap": {{ params.cap | tojson }}
            }
        "#]],
    );
}

#[test]
fn timestamps() {
    check(
        &event(
            r#"
            let start = cx.timestamp - TimeDelta::seconds(30);
            let end = cx.timestamp + TimeDelta::milliseconds(250);
            let took = (end - start).total_seconds();
            let day = cx.timestamp.strftime("%Y.%m.%d");
            let iso = cx.timestamp.isoformat();
            let epoch = cx.timestamp.timestamp();
            let h = cx.timestamp.hour();
            ecs! {
                "@timestamp": cx.timestamp,
                "event": { "start": start, "end": end, "duration": took },
                "a": [day, iso],
                "b": epoch,
                "c": h,
                "d"?: Some(start),
            }
            "#,
        ),
        &expect![[r#"
            {%- set start = timestamp - module.datetime.timedelta(seconds=30) -%}
            {%- set end = timestamp + module.datetime.timedelta(milliseconds=250) -%}
            {%- set took = (end - start).total_seconds() -%}
            {%- set day = timestamp.strftime('%Y.%m.%d') -%}
            {%- set iso = timestamp.isoformat() -%}
            {%- set epoch = timestamp.timestamp() -%}
            {%- set h = timestamp.hour -%}
            {
                "@timestamp": {{ timestamp.isoformat() | tojson }},
                "event": {
                    "start": {{ start.isoformat() | tojson }},
                    "end": {{ end.isoformat() | tojson }},
                    "duration": {{ took | tojson }}
                },
                "a": [{{ day | tojson }}, {{ iso | tojson }}],
                "b": {{ epoch | tojson }},
                "c": {{ h | tojson }}
            {%- if start is not none %},
                "d": {{ start.isoformat() | tojson }}{%- endif %}
            }
        "#]],
    );
}

#[test]
fn counters_keyed_and_unkeyed() {
    check(
        &event(
            r#"
            let h = cx.samples.hosts.pick();
            let seq = cx.shared.seq.next(&h.name);
            let upcoming = cx.shared.seq.peek(&h.name);
            let n = cx.shared.total.next_value();
            let last = cx.shared.seq.last(&h.name);
            let value = cx.shared.total.value();
            let next = cx.shared.total.peek(&());
            let keys = cx.shared.seq.len();
            let none = cx.shared.seq.is_empty();
            cx.shared.seq.reset(&"web-01");
            cx.shared.total.reset(&());
            if n > 100 {
                cx.shared.seq.clear();
                cx.shared.total.clear();
                cx.shared.sessions.clear();
                cx.shared.owners.clear();
            }
            ecs! {
                "seq": seq,
                "upcoming"?: upcoming,
                "n": n,
                "last"?: last,
                "value"?: value,
                "next"?: next,
                "keys": keys,
                "none": none,
            }
            "#,
        ),
        &expect![[r#"
            {%- set h = samples.hosts.pick() -%}
            {%- set _counter2 = shared.get('seq', {}) -%}
            {%- set _seq1 = _counter2.get(h[0], 1) -%}
            {%- do _counter2.update({h[0]: (1 if _seq1 >= 1000 - 1 else _seq1 + 1)}) -%}
            {%- do shared.set('seq', _counter2) -%}
            {%- set seq = _seq1 -%}
            {%- set upcoming = shared.get('seq', {}).get(h[0]) -%}
            {%- set _seq3 = shared.get('total') -%}
            {%- set _seq3 = 1 if _seq3 is none or _seq3 + 1 >= 9223372036854775807 else _seq3 + 1 -%}
            {%- do shared.set('total', _seq3) -%}
            {%- set n = _seq3 -%}
            {%- set last = none if shared.get('seq', {}).get(h[0]) is none else (1000 - 1 if shared.get('seq', {}).get(h[0]) == 1 else shared.get('seq', {}).get(h[0]) - 1) -%}
            {%- set value = shared.get('total') -%}
            {%- set next = none if shared.get('total') is none else (1 if shared.get('total') + 1 >= 9223372036854775807 else shared.get('total') + 1) -%}
            {%- set keys = shared.get('seq', {}) | length -%}
            {%- set none_ = (shared.get('seq', {}) | length) == 0 -%}
            {%- set _counter4 = shared.get('seq', {}) -%}
            {%- do _counter4.pop('web-01', none) -%}
            {%- do shared.set('seq', _counter4) -%}
            {%- do shared.set('total', none) -%}
            {%- if n > 100 -%}
              {%- do shared.set('seq', {}) -%}
              {%- do shared.set('total', none) -%}
              {%- do shared.set('sessions', []) -%}
              {%- do shared.set('owners', {}) -%}
            {%- endif -%}
            {
                "seq": {{ seq | tojson }}
            {%- if upcoming is not none %},
                "upcoming": {{ upcoming | tojson }}{%- endif %},
                "n": {{ n | tojson }}
            {%- if last is not none %},
                "last": {{ last | tojson }}{%- endif %}
            {%- if value is not none %},
                "value": {{ value | tojson }}{%- endif %}
            {%- if next is not none %},
                "next": {{ next | tojson }}{%- endif %},
                "keys": {{ keys | tojson }},
                "none": {{ none_ | tojson }}
            }
        "#]],
    );
}

#[test]
fn pool_operations() {
    check(
        &event(
            r#"
            let user = cx.samples.users.pick();
            cx.shared.sessions.push(Session { user: user.name, pid: cx.rand.number.integer(100, 999) });
            let evicted = cx.shared.sessions.push(Session { user: user.name, pid: 1 });
            let a = cx.shared.sessions.take_random(cx.rand);
            let b = cx.shared.sessions.pop_oldest();
            let c = cx.shared.sessions.pop_newest();
            let d = cx.shared.sessions.oldest();
            let e = cx.shared.sessions.newest();
            let f = cx.shared.sessions.peek_random(cx.rand);
            let n = cx.shared.sessions.len();
            let empty = cx.shared.sessions.is_empty();
            let g = if empty { 0 } else { cx.shared.sessions.get_random(cx.rand).pid };
            let h = if n > 1 { cx.shared.sessions.pop_random(cx.rand).pid } else { 0 };
            ecs! {
                "evicted": evicted.is_some(),
                "some": [a.is_some(), b.is_some(), c.is_some(), d.is_some(), e.is_some(), f.is_some()],
                "g": g,
                "h": h,
            }
            "#,
        ),
        &expect![[r#"
            {%- set user = samples.users.pick() -%}
            {%- set _pool1 = shared.get('sessions', []) -%}
            {%- do _pool1.append({'user': user.name, 'pid': module.rand.number.integer(100, 999)}) -%}
            {%- if _pool1 | length > params.cap -%}
              {%- do _pool1.pop(0) -%}
            {%- endif -%}
            {%- do shared.set('sessions', _pool1) -%}
            {%- set _pool2 = shared.get('sessions', []) -%}
            {%- do _pool2.append({'user': user.name, 'pid': 1}) -%}
            {%- set _evicted3 = _pool2.pop(0) if _pool2 | length > params.cap else none -%}
            {%- do shared.set('sessions', _pool2) -%}
            {%- set evicted = _evicted3 -%}
            {%- set _pool4 = shared.get('sessions', []) -%}
            {%- set _taken5 = _pool4.pop(module.rand.number.integer(0, (_pool4 | length) - 1)) if _pool4 else none -%}
            {%- do shared.set('sessions', _pool4) -%}
            {%- set a = _taken5 -%}
            {%- set _pool6 = shared.get('sessions', []) -%}
            {%- set _taken7 = _pool6.pop(0) if _pool6 else none -%}
            {%- do shared.set('sessions', _pool6) -%}
            {%- set b = _taken7 -%}
            {%- set _pool8 = shared.get('sessions', []) -%}
            {%- set _taken9 = _pool8.pop(-1) if _pool8 else none -%}
            {%- do shared.set('sessions', _pool8) -%}
            {%- set c = _taken9 -%}
            {%- set d = shared.get('sessions', [])[0] if shared.get('sessions', []) else none -%}
            {%- set e = shared.get('sessions', [])[-1] if shared.get('sessions', []) else none -%}
            {%- set _pool10 = shared.get('sessions', []) -%}
            {%- set _peeked11 = module.rand.choice(_pool10) if _pool10 else none -%}
            {%- set f = _peeked11 -%}
            {%- set n = shared.get('sessions', []) | length -%}
            {%- set empty = (shared.get('sessions', []) | length) == 0 -%}
            {%- if empty -%}
              {%- set _if14 = 0 -%}
            {%- else -%}
              {%- set _pool15 = shared.get('sessions', []) -%}
              {%- set _peeked16 = module.rand.choice(_pool15) -%}
              {%- set _if14 = _peeked16.pid -%}
            {%- endif -%}
            {%- set g = _if14 -%}
            {%- if n > 1 -%}
              {%- set _pool20 = shared.get('sessions', []) -%}
              {%- set _taken21 = _pool20.pop(module.rand.number.integer(0, (_pool20 | length) - 1)) -%}
              {%- do shared.set('sessions', _pool20) -%}
              {%- set _if19 = _taken21.pid -%}
            {%- else -%}
              {%- set _if19 = 0 -%}
            {%- endif -%}
            {%- set h = _if19 -%}
            {
                "evicted": {{ (evicted is not none) | tojson }},
                "some": [{{ (a is not none) | tojson }}, {{ (b is not none) | tojson }}, {{ (c is not none) | tojson }}, {{ (d is not none) | tojson }}, {{ (e is not none) | tojson }}, {{ (f is not none) | tojson }}],
                "g": {{ g | tojson }},
                "h": {{ h | tojson }}
            }
        "#]],
    );
}

#[test]
fn map_operations() {
    check(
        &event(
            r#"
            let user = cx.samples.users.pick();
            let h = cx.samples.hosts.pick();
            cx.shared.owners.insert(h.name.into(), user.name.into());
            let replaced = cx.shared.owners.insert(h.name.into(), "root".into());
            let owner = cx.shared.owners.get(&h.name);
            let or = cx.shared.owners.get_or(&h.name, &"nobody".into());
            let known = cx.shared.owners.contains_key(&h.name);
            let gone = cx.shared.owners.remove(&h.name);
            let n = cx.shared.owners.len();
            let empty = cx.shared.owners.is_empty();
            ecs! { "a"?: owner, "b": or, "c": known, "d"?: gone, "e": n, "f": empty, "g"?: replaced }
            "#,
        ),
        &expect![[r#"
            {%- set user = samples.users.pick() -%}
            {%- set h = samples.hosts.pick() -%}
            {%- set _map1 = shared.get('owners', {}) -%}
            {%- do _map1.update({h[0]: user.name}) -%}
            {%- do shared.set('owners', _map1) -%}
            {%- set _map2 = shared.get('owners', {}) -%}
            {%- set _replaced3 = _map2.get(h[0]) -%}
            {%- do _map2.update({h[0]: 'root'}) -%}
            {%- do shared.set('owners', _map2) -%}
            {%- set replaced = _replaced3 -%}
            {%- set owner = shared.get('owners', {}).get(h[0]) -%}
            {%- set or_ = shared.get('owners', {}).get(h[0], 'nobody') -%}
            {%- set known = h[0] in shared.get('owners', {}) -%}
            {%- set _map4 = shared.get('owners', {}) -%}
            {%- set _removed5 = _map4.pop(h[0], none) -%}
            {%- do shared.set('owners', _map4) -%}
            {%- set gone = _removed5 -%}
            {%- set n = shared.get('owners', {}) | length -%}
            {%- set empty = (shared.get('owners', {}) | length) == 0 -%}
            {%- set _members6 = namespace(first=true) -%}
            {
            {%- if owner is not none %}{% if not _members6.first %},{% endif %}{% set _members6.first = false %}
                "a": {{ owner | tojson }}{%- endif %}
            {%- if not _members6.first %},{% endif %}
                "b": {{ or_ | tojson }},
                "c": {{ known | tojson }}
            {%- if gone is not none %},
                "d": {{ gone | tojson }}{%- endif %},
                "e": {{ n | tojson }},
                "f": {{ empty | tojson }}
            {%- if replaced is not none %},
                "g": {{ replaced | tojson }}{%- endif %}
            }
        "#]],
    );
}

#[test]
fn value_and_plain_state_operations() {
    check(
        &event(
            r#"
            let last = cx.shared.last_pid.get();
            let or = cx.shared.last_pid.get_or(&0);
            let defined = cx.shared.last_pid.is_defined();
            cx.shared.last_pid.set(cx.rand.number.integer(1, 9));
            let taken = cx.shared.last_pid.take();
            let hits = cx.shared.hits + 1;
            cx.shared.hits = hits;
            cx.shared.hits += 1;
            ecs! { "a"?: last, "b": or, "c": defined, "d"?: taken, "e": hits, "f": cx.shared.hits }
            "#,
        ),
        &expect![[r#"
            {%- set last = shared.get('last_pid', 7) -%}
            {%- set or_ = shared.get('last_pid', 7) if shared.get('last_pid', 7) is not none else 0 -%}
            {%- set defined = shared.get('last_pid', 7) is not none -%}
            {%- do shared.set('last_pid', module.rand.number.integer(1, 9)) -%}
            {%- set _value1 = shared.get('last_pid', 7) -%}
            {%- do shared.set('last_pid', none) -%}
            {%- set taken = _value1 -%}
            {%- set hits = shared.get('hits', 0) + 1 -%}
            {%- do shared.set('hits', hits) -%}
            {%- do shared.set('hits', shared.get('hits', 0) + 1) -%}
            {%- set _members2 = namespace(first=true) -%}
            {
            {%- if last is not none %}{% if not _members2.first %},{% endif %}{% set _members2.first = false %}
                "a": {{ last | tojson }}{%- endif %}
            {%- if not _members2.first %},{% endif %}
                "b": {{ or_ | tojson }},
                "c": {{ defined | tojson }}
            {%- if taken is not none %},
                "d": {{ taken | tojson }}{%- endif %},
                "e": {{ hits | tojson }},
                "f": {{ shared.get('hits', 0) | tojson }}
            }
        "#]],
    );
}

#[test]
fn loops_over_arrays_and_ranges() {
    check(
        &event(
            r#"
            let mut names: Vec<String> = Vec::new();
            for u in cx.samples.users.pick_n(3) {
                names.push(u.name.into());
            }
            let mut ports = vec![];
            for i in 0..3 {
                ports.push(1000 + i);
            }
            for p in [22, 80, 443] {
                let mut best = 0;
                if p > 22 {
                    cx.shared.hits = p;
                    best = p;
                }
                ports.push(best);
            }
            for _ in 1..=2 {
                cx.shared.seq.next("loop");
            }
            ecs! { "names": names, "ports": ports }
            "#,
        ),
        &expect![[r#"
            {%- set names = [] -%}
            {%- set _items1 = samples.users.pick_n(3) -%}
            {%- for u in _items1 -%}
              {%- do names.append(u.name) -%}
            {%- endfor -%}
            {%- set ports = [] -%}
            {%- for i in range(0, 3) -%}
              {%- do ports.append(1000 + i) -%}
            {%- endfor -%}
            {%- for p in [22, 80, 443] -%}
              {%- set best = 0 -%}
              {%- if p > 22 -%}
                {%- do shared.set('hits', p) -%}
                {%- set best = p -%}
              {%- endif -%}
              {%- do ports.append(best) -%}
            {%- endfor -%}
            {%- for _ in range(1, 2 + 1) -%}
              {%- set _counter3 = shared.get('seq', {}) -%}
              {%- set _seq2 = _counter3.get('loop', 1) -%}
              {%- do _counter3.update({'loop': (1 if _seq2 >= 1000 - 1 else _seq2 + 1)}) -%}
              {%- do shared.set('seq', _counter3) -%}
            {%- endfor -%}
            {
                "names": {{ names | tojson }},
                "ports": {{ ports | tojson }}
            }
        "#]],
    );
}

#[test]
fn number_and_bool_helpers_are_read_back_from_their_text() {
    check(
        &lower(
            r#"
            /// Twice `n`.
            fn double(n: i64) -> i64 {
                n * 2
            }

            /// A share of `total`.
            fn share(part: i64, total: i64) -> f64 {
                part as f64 / total as f64
            }

            /// Whether `n` is big.
            fn big(n: i64) -> bool {
                if n > 50 { true } else { false }
            }

            #[event(weight = 1)]
            fn probe(cx: &mut Cx) -> Event {
                let h = cx.samples.hosts.pick();
                let d = double(h.cores) + 1;
                ecs! { "d": d, "s": share(h.cores, 64), "big": big(d) && h.cores > 1 }
            }
            "#,
        ),
        &expect![[r#"
            {%- from 'templates/_base.json.jinja' import big, double, share -%}
            {%- set h = samples.hosts.pick() -%}
            {%- set d = (double(h[2]) | int) + 1 -%}
            {%- set _v1 = (share(h[2], 64) | float) -%}
            {%- set _v2 = ((big(d) | trim) == 'True') and (h[2] > 1) -%}
            {
                "d": {{ d | tojson }},
                "s": {{ _v1 | tojson }},
                "big": {{ _v2 | tojson }}
            }
            ==> templates/_base.json.jinja
            {#- Blocks shared by the templates of this pack (macros of the generator's helper functions). -#}
            {#- Whether `n` is big. -#}
            {%- macro big(n) -%}
              {%- if n > 50 -%}
                {%- set _result = true -%}
              {%- else -%}
                {%- set _result = false -%}
              {%- endif -%}
            {{ _result }}
            {%- endmacro %}

            {#- Twice `n`. -#}
            {%- macro double(n) -%}
              {%- set _result = n * 2 -%}
            {{ _result }}
            {%- endmacro %}

            {#- A share of `total`. -#}
            {%- macro share(part, total) -%}
              {%- set _result = (part | float) / (total | float) -%}
            {{ _result }}
            {%- endmacro %}

        "#]],
    );
}

#[test]
fn helpers_become_macros() {
    check(
        &lower(
            r#"
            /// The host's fully qualified name.
            fn fqdn(name: &str, p: &Params) -> String {
                format!("{}.{}", name, p.domain)
            }

            /// A padded number.
            fn pad(n: i64) -> String {
                if n < 10 { format!("00{}", n) } else if n < 100 { format!("0{}", n) } else { n.to_string() }
            }

            /// The `host` object.
            fn host_part(name: &str, p: &Params) -> Fragment {
                let full = fqdn(name, p);
                ecs! { "host": { "name": full, "hostname": name } }
            }

            /// Uses the helpers.
            #[event(weight = 1)]
            fn probe(cx: &mut Cx) -> Event {
                let h = cx.samples.hosts.pick();
                let id = pad(h.cores);
                ecs! { ..host_part(&h.name, cx.params), "id": id }
            }
            "#,
        ),
        &expect![[r#"
            {#- Uses the helpers. -#}
            {%- from 'templates/_base.json.jinja' import host_part, pad -%}
            {%- set h = samples.hosts.pick() -%}
            {%- set id = pad(h[2]) -%}
            {%- set _v1 = host_part(h[0]) -%}
            {%- set _members2 = namespace(first=true) -%}
            {
            {%- if _v1 | trim %}{% if not _members2.first %},{% endif %}{% set _members2.first = false %}
                {{ _v1 }}{%- endif %}
            {%- if not _members2.first %},{% endif %}
                "id": {{ id | tojson }}
            }
            ==> templates/_base.json.jinja
            {#- Blocks shared by the templates of this pack (macros of the generator's helper functions). -#}
            {#- The host's fully qualified name. -#}
            {%- macro fqdn(name) -%}
              {%- set _result = name ~ '.' ~ params.domain -%}
            {{ _result }}
            {%- endmacro %}

            {#- The `host` object. -#}
            {%- macro host_part(name) -%}
              {%- set full = fqdn(name) -%}

            "host": {
                "name": {{ full | tojson }},
                "hostname": {{ name | tojson }}
            }
            {%- endmacro %}

            {#- A padded number. -#}
            {%- macro pad(n) -%}
              {%- if n < 10 -%}
                {%- set _result = '00' ~ n -%}
              {%- elif n < 100 -%}
                {%- set _result = '0' ~ n -%}
              {%- else -%}
                {%- set _result = n | string -%}
              {%- endif -%}
            {{ _result }}
            {%- endmacro %}

        "#]],
    );
}

#[test]
fn skeleton_nesting_dotted_keys_arrays() {
    check(
        &event(
            r#"
            let pid = cx.rand.number.integer(1, 9);
            ecs! {
                "@timestamp": cx.timestamp,
                "process.pid": pid,
                "process.parent.pid": 1,
                "process": { "name": "bash", "args": ["-c", "id"] },
                "related": { "ip": ["10.0.0.1", cx.rand.network.ip_v4()], "hash": [] },
                "labels": { "list": [{ "a": 1 }, { "b": [true, 2.5] }] },
                "message": "it's \"quoted\" <b>",
                "n": -1.5,
            }
            "#,
        ),
        &expect![[r#"
            {%- set pid = module.rand.number.integer(1, 9) -%}
            {%- set _v1 = module.rand.network.ip_v4() -%}
            {
                "@timestamp": {{ timestamp.isoformat() | tojson }},
                "process": {
                    "pid": {{ pid | tojson }},
                    "parent": {
                        "pid": 1
                    },
                    "name": "bash",
                    "args": ["-c", "id"]
                },
                "related": {
                    "ip": ["10.0.0.1", {{ _v1 | tojson }}],
                    "hash": []
                },
                "labels": {
                    "list": [{
                        "a": 1
                    }, {
                        "b": [true, 2.5]
                    }]
                },
                "message": "it's \"quoted\" <b>",
                "n": -1.5
            }
        "#]],
    );
}

#[test]
fn optional_fields_first_middle_last() {
    check(
        &event(
            r#"
            let a = if cx.rand.chance(0.5) { Some(1) } else { None };
            let b = cx.rand.chance(0.5).then_some("b");
            let c: Option<i64> = None;
            ecs! {
                "first"?: a,
                "x": 1,
                "middle"?: b,
                "y": 2,
                "last"?: c,
                "obj": { "only"?: a },
                "obj2": { "p"?: a, "q"?: b },
                "obj3": { "p"?: a, "r": 3, "q"?: b },
            }
            "#,
        ),
        &expect![[r#"
            {%- set _cond2 = module.rand.chance(0.5) -%}
            {%- if _cond2 -%}
              {%- set _if1 = 1 -%}
            {%- else -%}
              {%- set _if1 = none -%}
            {%- endif -%}
            {%- set a = _if1 -%}
            {%- set b = 'b' if module.rand.chance(0.5) else none -%}
            {%- set c = none -%}
            {%- set _members3 = namespace(first=true) -%}
            {%- set _members4 = namespace(first=true) -%}
            {%- set _members5 = namespace(first=true) -%}
            {%- set _members6 = namespace(first=true) -%}
            {
            {%- if a is not none %}{% if not _members3.first %},{% endif %}{% set _members3.first = false %}
                "first": {{ a | tojson }}{%- endif %}
            {%- if not _members3.first %},{% endif %}
                "x": 1
            {%- if b is not none %},
                "middle": {{ b | tojson }}{%- endif %},
                "y": 2
            {%- if c is not none %},
                "last": {{ c | tojson }}{%- endif %},
                "obj": {
            {%- if a is not none %}{% if not _members4.first %},{% endif %}{% set _members4.first = false %}
                    "only": {{ a | tojson }}{%- endif %}
                },
                "obj2": {
            {%- if a is not none %}{% if not _members5.first %},{% endif %}{% set _members5.first = false %}
                    "p": {{ a | tojson }}{%- endif %}
            {%- if b is not none %}{% if not _members5.first %},{% endif %}{% set _members5.first = false %}
                    "q": {{ b | tojson }}{%- endif %}
                },
                "obj3": {
            {%- if a is not none %}{% if not _members6.first %},{% endif %}{% set _members6.first = false %}
                    "p": {{ a | tojson }}{%- endif %}
            {%- if not _members6.first %},{% endif %}
                    "r": 3
            {%- if b is not none %},
                    "q": {{ b | tojson }}{%- endif %}
                }
            }
        "#]],
    );
}

#[test]
fn fragments_and_spreads() {
    check(
        &lower(
            r#"
            fn maybe_user(on: bool, name: &str) -> Fragment {
                if on { ecs! { "user": { "name": name } } } else { ecs! {} }
            }

            fn labels(env: &str) -> Fragment {
                ecs! { "labels": { "env": env } }
            }

            #[event(weight = 1)]
            fn probe(cx: &mut Cx) -> Event {
                let on = cx.rand.chance(0.5);
                ecs! {
                    ..maybe_user(on, "alice"),
                    "message": "m",
                    ..labels("prod"),
                    "x"?: on.then_some(1),
                    ..maybe_user(!on, "bob"),
                }
            }
            "#,
        ),
        &expect![[r#"
            {%- from 'templates/_base.json.jinja' import labels, maybe_user -%}
            {%- set on = module.rand.chance(0.5) -%}
            {%- set _v1 = maybe_user(on, 'alice') -%}
            {%- set _v2 = labels('prod') -%}
            {%- set _v3 = maybe_user(not on, 'bob') -%}
            {%- set _members4 = namespace(first=true) -%}
            {
            {%- if _v1 | trim %}{% if not _members4.first %},{% endif %}{% set _members4.first = false %}
                {{ _v1 }}{%- endif %}
            {%- if not _members4.first %},{% endif %}
                "message": "m"
            {%- if _v2 | trim %},
                {{ _v2 }}{%- endif %}
            {%- if (1 if on else none) is not none %},
                "x": {{ (1 if on else none) | tojson }}{%- endif %}
            {%- if _v3 | trim %},
                {{ _v3 }}{%- endif %}
            }
            ==> templates/_base.json.jinja
            {#- Blocks shared by the templates of this pack (macros of the generator's helper functions). -#}
            {%- macro labels(env) -%}

            "labels": {
                "env": {{ env | tojson }}
            }
            {%- endmacro %}

            {%- macro maybe_user(on, name) -%}
              {%- if on -%}

            "user": {
                "name": {{ name | tojson }}
            }
              {%- else -%}

              {%- endif -%}
            {%- endmacro %}

        "#]],
    );
}

#[test]
fn static_event_metadata() {
    check(
        &lower(
            r#"
            #[event(weight = 1, category = "authentication", type = "start", kind = "event", action = "logged-in")]
            fn login(cx: &mut Cx) -> Event {
                ecs! { "@timestamp": cx.timestamp, "event": { "outcome": "success" } }
            }

            #[event(weight = 1, category = ["process"], type = ["start"], kind = "event")]
            fn exec(cx: &mut Cx) -> Event {
                ecs! { "@timestamp": cx.timestamp }
            }
            "#,
        ),
        &expect![[r#"
            ==> templates/login.json.jinja
            {
                "@timestamp": {{ timestamp.isoformat() | tojson }},
                "event": {
                    "action": "logged-in",
                    "category": ["authentication"],
                    "kind": "event",
                    "type": ["start"],
                    "outcome": "success"
                }
            }
            ==> templates/exec.json.jinja
            {
                "@timestamp": {{ timestamp.isoformat() | tojson }},
                "event": {
                    "category": ["process"],
                    "kind": "event",
                    "type": ["start"]
                }
            }
        "#]],
    );
}

#[test]
fn per_alias_event_metadata() {
    check(
        &lower(
            r#"
            #[event(weight = 3, name = "login_ok", category = "authentication", type = "start", action = "logged-in", vars(outcome = "success"))]
            #[event(weight = 1, name = "logout", category = "authentication", type = "end", action = "logged-out", vars(outcome = "success"))]
            #[event(weight = 1, name = "probe", kind = "event", vars(outcome = "unknown"))]
            fn session(cx: &mut Cx) -> Event {
                ecs! { "event.outcome": cx.vars.outcome, "message": "m" }
            }
            "#,
        ),
        &expect![[r#"
            {%- set _members1 = namespace(first=true) -%}
            {
                "event": {
            {%- if vars._event_action is defined %}{% if not _members1.first %},{% endif %}{% set _members1.first = false %}
                    "action": {{ vars._event_action | tojson }}{%- endif %}
            {%- if vars._event_category is defined %}{% if not _members1.first %},{% endif %}{% set _members1.first = false %}
                    "category": {{ vars._event_category | tojson }}{%- endif %}
            {%- if vars._event_type is defined %}{% if not _members1.first %},{% endif %}{% set _members1.first = false %}
                    "type": {{ vars._event_type | tojson }}{%- endif %}
            {%- if vars._event_kind is defined %}{% if not _members1.first %},{% endif %}{% set _members1.first = false %}
                    "kind": {{ vars._event_kind | tojson }}{%- endif %}
            {%- if not _members1.first %},{% endif %}
                    "outcome": {{ vars.outcome | tojson }}
                },
                "message": "m"
            }
            ==> vars
            session.json.jinja: [("_event_action", "\"logged-in\""), ("_event_category", "[\"authentication\"]"), ("_event_type", "[\"start\"]")]
            session.json.jinja: [("_event_action", "\"logged-out\""), ("_event_category", "[\"authentication\"]"), ("_event_type", "[\"end\"]")]
            session.json.jinja: [("_event_kind", "\"event\"")]
        "#]],
    );
}

#[test]
fn dispatch_calls() {
    check(
        &lower(
            r#"
            #[event(weight = 1)]
            fn a(cx: &mut Cx) -> Event {
                if cx.shared.sessions.is_empty() {
                    return cx.dispatch.next();
                }
                let s = cx.shared.sessions.pop_oldest();
                match s {
                    Some(s) => ecs! { "user.name": s.user },
                    None => cx.dispatch.drop(),
                }
            }

            #[event(weight = 1)]
            fn b(cx: &mut Cx) -> Event {
                if cx.rand.chance(0.1) {
                    cx.dispatch.exhaust()
                } else if cx.rand.chance(0.1) {
                    cx.dispatch.next_with(3)
                } else {
                    ecs! { "message": "b" }
                }
            }
            "#,
        ),
        &expect![[r#"
            ==> templates/a.json.jinja
            {%- if (shared.get('sessions', []) | length) == 0 -%}
              {%- do dispatch.next() -%}
            {%- else -%}
              {%- set _pool1 = shared.get('sessions', []) -%}
              {%- set _taken2 = _pool1.pop(0) if _pool1 else none -%}
              {%- do shared.set('sessions', _pool1) -%}
              {%- set s = _taken2 -%}
              {%- if s is not none -%}
                {%- set s_3 = s -%}
            {
                "user": {
                    "name": {{ s_3.user | tojson }}
                }
            }
              {%- elif s is none -%}
                {%- do dispatch.drop() -%}
              {%- endif -%}
            {%- endif -%}
            ==> templates/b.json.jinja
            {%- set _cond1 = module.rand.chance(0.1) -%}
            {%- if _cond1 -%}
              {%- do dispatch.exhaust() -%}
            {%- else -%}
              {%- set _cond2 = module.rand.chance(0.1) -%}
              {%- if _cond2 -%}
                {%- do dispatch.next(max_repicks=3) -%}
              {%- else -%}
            {
                "message": "b"
            }
              {%- endif -%}
            {%- endif -%}
        "#]],
    );
}

#[test]
fn if_let_some() {
    check(
        &event(
            r#"
            let user = if let Some(s) = cx.shared.sessions.take_random(cx.rand) {
                s.user
            } else {
                cx.samples.users.pick().name
            };
            if let Some(owner) = cx.shared.owners.get(&user) {
                cx.shared.owners.insert(owner.clone(), user.clone());
            }
            let pid = if let Some(p) = cx.shared.last_pid.get() { *p } else { 0 };
            let first = if let Some(s) = cx.shared.sessions.oldest() { s.pid } else { 0 };
            ecs! { "user.name": user, "pid": pid, "first": first }
            "#,
        ),
        &expect![[r#"
            {%- set _pool2 = shared.get('sessions', []) -%}
            {%- set _taken3 = _pool2.pop(module.rand.number.integer(0, (_pool2 | length) - 1)) if _pool2 else none -%}
            {%- do shared.set('sessions', _pool2) -%}
            {%- if _taken3 is not none -%}
              {%- set s = _taken3 -%}
              {%- set _if1 = s.user -%}
            {%- else -%}
              {%- set _if1 = samples.users.pick().name -%}
            {%- endif -%}
            {%- set user = _if1 -%}
            {%- if shared.get('owners', {}).get(user) is not none -%}
              {%- set owner = shared.get('owners', {}).get(user) -%}
              {%- set _map4 = shared.get('owners', {}) -%}
              {%- do _map4.update({owner: user}) -%}
              {%- do shared.set('owners', _map4) -%}
            {%- endif -%}
            {%- if shared.get('last_pid', 7) is not none -%}
              {%- set p = shared.get('last_pid', 7) -%}
              {%- set _if5 = p -%}
            {%- else -%}
              {%- set _if5 = 0 -%}
            {%- endif -%}
            {%- set pid = _if5 -%}
            {%- if (shared.get('sessions', [])[0] if shared.get('sessions', []) else none) is not none -%}
              {%- set s = shared.get('sessions', [])[0] if shared.get('sessions', []) else none -%}
              {%- set _if6 = s.pid -%}
            {%- else -%}
              {%- set _if6 = 0 -%}
            {%- endif -%}
            {%- set first = _if6 -%}
            {
                "user": {
                    "name": {{ user | tojson }}
                },
                "pid": {{ pid | tojson }},
                "first": {{ first | tojson }}
            }
        "#]],
    );
}

#[test]
fn let_else() {
    check(
        &event(
            r#"
            let Some(s) = cx.shared.sessions.pop_oldest() else {
                return cx.dispatch.next();
            };
            let Some(owner) = cx.shared.owners.get(&s.user) else {
                return ecs! { "user.name": s.user };
            };
            ecs! { "user.name": s.user, "owner": owner }
            "#,
        ),
        &expect![[r#"
            {%- set _pool1 = shared.get('sessions', []) -%}
            {%- set _taken2 = _pool1.pop(0) if _pool1 else none -%}
            {%- do shared.set('sessions', _pool1) -%}
            {%- if _taken2 is none -%}
              {%- do dispatch.next() -%}
            {%- else -%}
              {%- set s = _taken2 -%}
              {%- if shared.get('owners', {}).get(s.user) is none -%}
            {
                "user": {
                    "name": {{ s.user | tojson }}
                }
            }
              {%- else -%}
                {%- set owner = shared.get('owners', {}).get(s.user) -%}
            {
                "user": {
                    "name": {{ s.user | tojson }}
                },
                "owner": {{ owner | tojson }}
            }
              {%- endif -%}
            {%- endif -%}
        "#]],
    );
}

#[test]
fn early_return_moves_the_rest_into_else() {
    check(
        &event(
            r#"
            let n = cx.rand.number.integer(0, 9);
            if n == 0 {
                return ecs! { "message": "zero" };
            }
            let m = n * 2;
            if m > 10 {
                cx.shared.hits = m;
                return ecs! { "message": "big" };
            }
            ecs! { "message": "small", "m": m }
            "#,
        ),
        &expect![[r#"
            {%- set n = module.rand.number.integer(0, 9) -%}
            {%- if n == 0 -%}
            {
                "message": "zero"
            }
            {%- else -%}
              {%- set m = n * 2 -%}
              {%- if m > 10 -%}
                {%- do shared.set('hits', m) -%}
            {
                "message": "big"
            }
              {%- else -%}
            {
                "message": "small",
                "m": {{ m | tojson }}
            }
              {%- endif -%}
            {%- endif -%}
        "#]],
    );
}

#[test]
fn and_or_whose_right_side_needs_statements() {
    check(
        &event(
            r#"
            let n = cx.rand.number.integer(0, 9);
            let a = n > 5 && cx.rand.chance(0.5);
            let b = n > 5 || cx.shared.sessions.pop_oldest().is_some();
            let c = n > 1 && cx.shared.seq.next("k") > 3;
            let d = !cx.shared.sessions.is_empty() && cx.shared.sessions.pop_newest().is_some();
            ecs! { "a": a, "b": b, "c": c, "d": d }
            "#,
        ),
        &expect![[r#"
            {%- set n = module.rand.number.integer(0, 9) -%}
            {%- set a = (n > 5) and module.rand.chance(0.5) -%}
            {%- set _cond3 = n > 5 -%}
            {%- if not _cond3 -%}
              {%- set _pool4 = shared.get('sessions', []) -%}
              {%- set _taken5 = _pool4.pop(0) if _pool4 else none -%}
              {%- do shared.set('sessions', _pool4) -%}
              {%- set _cond3 = _taken5 is not none -%}
            {%- endif -%}
            {%- set b = _cond3 -%}
            {%- set _cond8 = n > 1 -%}
            {%- if _cond8 -%}
              {%- set _counter10 = shared.get('seq', {}) -%}
              {%- set _seq9 = _counter10.get('k', 1) -%}
              {%- do _counter10.update({'k': (1 if _seq9 >= 1000 - 1 else _seq9 + 1)}) -%}
              {%- do shared.set('seq', _counter10) -%}
              {%- set _cond8 = _seq9 > 3 -%}
            {%- endif -%}
            {%- set c = _cond8 -%}
            {%- set _cond13 = not ((shared.get('sessions', []) | length) == 0) -%}
            {%- if _cond13 -%}
              {%- set _pool14 = shared.get('sessions', []) -%}
              {%- set _taken15 = _pool14.pop(-1) if _pool14 else none -%}
              {%- do shared.set('sessions', _pool14) -%}
              {%- set _cond13 = _taken15 is not none -%}
            {%- endif -%}
            {%- set d = _cond13 -%}
            {
                "a": {{ a | tojson }},
                "b": {{ b | tojson }},
                "c": {{ c | tojson }},
                "d": {{ d | tojson }}
            }
        "#]],
    );
}

#[test]
fn nested_shadowing() {
    check(
        &event(
            r#"
            let name = "outer";
            let n = cx.rand.number.integer(0, 9);
            let inner = if n > 3 {
                let name = format!("{}-inner", name);
                let n = n * 2;
                format!("{}{}", name, n)
            } else {
                name.to_string()
            };
            let tag = match n {
                0 => "zero".to_string(),
                name => format!("n{}", name),
            };
            let parity = match if n > 4 { n % 2 } else { 2 } {
                0 => "even",
                1 => "odd",
                _ => "small",
            };
            for name in ["a", "b"] {
                cx.shared.owners.insert(name.into(), name.into());
            }
            ecs! { "a": name, "b": inner, "c": tag, "n": n, "p": parity }
            "#,
        ),
        &expect![[r#"
            {%- set name = 'outer' -%}
            {%- set n = module.rand.number.integer(0, 9) -%}
            {%- if n > 3 -%}
              {%- set name_2 = name ~ '-inner' -%}
              {%- set n_3 = n * 2 -%}
              {%- set _if1 = name_2 ~ n_3 -%}
            {%- else -%}
              {%- set _if1 = name -%}
            {%- endif -%}
            {%- set inner = _if1 -%}
            {%- if n == 0 -%}
              {%- set _m4 = 'zero' -%}
            {%- else -%}
              {%- set name_5 = n -%}
              {%- set _m4 = 'n' ~ name_5 -%}
            {%- endif -%}
            {%- set tag = _m4 -%}
            {%- if ((n % 2) if (n > 4) else 2) == 0 -%}
              {%- set _m6 = 'even' -%}
            {%- elif ((n % 2) if (n > 4) else 2) == 1 -%}
              {%- set _m6 = 'odd' -%}
            {%- else -%}
              {%- set _m6 = 'small' -%}
            {%- endif -%}
            {%- set parity = _m6 -%}
            {%- for name in ['a', 'b'] -%}
              {%- set _map7 = shared.get('owners', {}) -%}
              {%- do _map7.update({name: name}) -%}
              {%- do shared.set('owners', _map7) -%}
            {%- endfor -%}
            {
                "a": {{ name | tojson }},
                "b": {{ inner | tojson }},
                "c": {{ tag | tojson }},
                "n": {{ n | tojson }},
                "p": {{ parity | tojson }}
            }
        "#]],
    );
}

#[test]
fn casts() {
    check(
        &event(
            r#"
            let n = cx.rand.number.integer(0, 9);
            let x = cx.rand.number.floating(0.0, 9.0);
            let ok = cx.rand.chance(0.5);
            let a = n as f64;
            let b = x as i64;
            let c = ok as i64;
            let d = n as u16 as i64;
            let e = x as f32;
            let f = i64::from(n as u8);
            let g = f64::from(n as i32);
            let h = i64::from(ok);
            let i = x as u32;
            let j = n as i8;
            ecs! { "a": a, "b": b, "c": c, "d": d, "e": e, "f": f, "g": g, "h": h, "i": i, "j": j }
            "#,
        ),
        &expect![[r#"
            {%- set n = module.rand.number.integer(0, 9) -%}
            {%- set x = module.rand.number.floating(0.0, 9.0) -%}
            {%- set ok = module.rand.chance(0.5) -%}
            {%- set a = n | float -%}
            {%- set b = x | int -%}
            {%- set c = ok | int -%}
            {%- set d = n % 65536 -%}
            {%- set e = x -%}
            {%- set f = n % 256 -%}
            {%- set g = (((n + 2147483648) % 4294967296) - 2147483648) | float -%}
            {%- set h = ok | int -%}
            {%- set i = [[x | int, 4294967295] | min, 0] | max -%}
            {%- set j = ((n + 128) % 256) - 128 -%}
            {
                "a": {{ a | tojson }},
                "b": {{ b | tojson }},
                "c": {{ c | tojson }},
                "d": {{ d | tojson }},
                "e": {{ e | tojson }},
                "f": {{ f | tojson }},
                "g": {{ g | tojson }},
                "h": {{ h | tojson }},
                "i": {{ i | tojson }},
                "j": {{ j | tojson }}
            }
        "#]],
    );
}

#[test]
fn string_and_list_methods() {
    check(
        &event(
            r#"
            let u = cx.samples.users.pick();
            let s: String = u.name.to_uppercase();
            let list = ["a", "b", "c"];
            ecs! {
                "len": s.len(),
                "empty": s.is_empty(),
                "lower": s.to_lowercase(),
                "trim": " x ".trim(),
                "has": s.contains("AL"),
                "starts": s.starts_with("A"),
                "ends": s.ends_with("E"),
                "replace": s.replace("A", "4"),
                "repeat": "ab".repeat(3),
                "str": u.uid.to_string(),
                "bool": u.admin.to_string(),
                "list_len": list.len(),
                "list_empty": list.is_empty(),
                "list_has": list.contains(&"b"),
                "joined": list.join(","),
                "first"?: list.first(),
                "last"?: list.last(),
                "idx": list[1],
                "slice": &s[0..2],
            }
            "#,
        ),
        &expect![[r#"
            {%- set u = samples.users.pick() -%}
            {%- set s = u.name | upper -%}
            {%- set list = ['a', 'b', 'c'] -%}
            {
                "len": {{ (s.encode('utf-8') | length) | tojson }},
                "empty": {{ ((s | length) == 0) | tojson }},
                "lower": {{ (s | lower) | tojson }},
                "trim": {{ (' x ' | trim) | tojson }},
                "has": {{ ('AL' in s) | tojson }},
                "starts": {{ s.startswith('A') | tojson }},
                "ends": {{ s.endswith('E') | tojson }},
                "replace": {{ s.replace('A', '4') | tojson }},
                "repeat": {{ ('ab' * 3) | tojson }},
                "str": {{ ((u.uid | int) | string) | tojson }},
                "bool": {{ (((u.admin | lower) in ['true', '1', 'yes']) and 'true' or 'false') | tojson }},
                "list_len": {{ (list | length) | tojson }},
                "list_empty": {{ ((list | length) == 0) | tojson }},
                "list_has": {{ ('b' in list) | tojson }},
                "joined": {{ (list | join(',')) | tojson }}
            {%- if (list[0] if list else none) is not none %},
                "first": {{ (list[0] if list else none) | tojson }}{%- endif %}
            {%- if (list[-1] if list else none) is not none %},
                "last": {{ (list[-1] if list else none) | tojson }}{%- endif %},
                "idx": {{ list[1] | tojson }},
                "slice": {{ s[0:2] | tojson }}
            }
        "#]],
    );
}

#[test]
fn number_and_option_methods() {
    check(
        &event(
            r#"
            let n = cx.rand.number.integer(-9, 9);
            let x = cx.rand.number.floating(-9.0, 9.0);
            let o = cx.shared.owners.get("k");
            ecs! {
                "abs": n.abs(),
                "min": n.min(3),
                "max": x.max(1.0),
                "round": x.round(),
                "floor": x.floor(),
                "ceil": x.ceil(),
                "some": o.is_some(),
                "none": o.is_none(),
                "or": o.unwrap_or(&"nobody".into()),
                "then"?: (n > 0).then_some(n),
            }
            "#,
        ),
        &expect![[r#"
            {%- set n = module.rand.number.integer(-9, 9) -%}
            {%- set x = module.rand.number.floating(-9.0, 9.0) -%}
            {%- set o = shared.get('owners', {}).get('k') -%}
            {
                "abs": {{ (n | abs) | tojson }},
                "min": {{ ([n, 3] | min) | tojson }},
                "max": {{ ([x, 1.0] | max) | tojson }},
                "round": {{ ((((x | abs) + 0.5) | round(0, 'floor')) * (1 if x >= 0 else -1)) | tojson }},
                "floor": {{ (x | round(0, 'floor')) | tojson }},
                "ceil": {{ (x | round(0, 'ceil')) | tojson }},
                "some": {{ (o is not none) | tojson }},
                "none": {{ (o is none) | tojson }},
                "or": {{ (o if o is not none else 'nobody') | tojson }}
            {%- if (n if (n > 0) else none) is not none %},
                "then": {{ (n if (n > 0) else none) | tojson }}{%- endif %}
            }
        "#]],
    );
}

#[test]
fn struct_literals_and_tags() {
    check(
        &event(
            r#"
            let s = Session { user: "alice".into(), pid: cx.rand.number.integer(1, 9) };
            let pid = s.pid + 1;
            let tagged = cx.tags.contains(&"vpn".into());
            ecs! { "user.name": s.user, "pid": pid, "tags": cx.tags, "vpn": tagged }
            "#,
        ),
        &expect![[r#"
            {%- set s = {'user': 'alice', 'pid': module.rand.number.integer(1, 9)} -%}
            {%- set pid = s.pid + 1 -%}
            {%- set tagged = 'vpn' in tags -%}
            {
                "user": {
                    "name": {{ s.user | tojson }}
                },
                "pid": {{ pid | tojson }},
                "tags": {{ tags | tojson }},
                "vpn": {{ tagged | tojson }}
            }
        "#]],
    );
}

#[test]
fn doc_comments_become_template_comments() {
    check(
        &lower(
            r#"
            /// A user logs in.
            ///
            /// Weighted by the `users` sample; `{# ... #}` in a doc is escaped.
            #[event(weight = 1)]
            fn login(cx: &mut Cx) -> Event {
                ecs! { "message": "login" }
            }
            "#,
        ),
        &expect![[r#"
            {#- A user logs in. -#}
            {#- -#}
            {#- Weighted by the `users` sample; `{# ... # }` in a doc is escaped. -#}
            {
                "message": "login"
            }
        "#]],
    );
}

/// The errors of a module made of [`PRELUDE`] and one event with `body`.
fn rejected(body: &str) -> String {
    let module = format!(
        "mod g {{ {PRELUDE} #[event(weight = 1)] fn probe(cx: &mut Cx) -> Event {{ {body} }} }}"
    );
    match crate::export_of(r#"name = "test-golden""#, &module) {
        Ok(_) => panic!("exported without an error:\n{body}"),
        Err(errors) => errors.join("\n"),
    }
}

#[test]
fn rejected_constructs_name_themselves() {
    check(
        &rejected(
            r#"
            let n = cx.rand.number.integer(0, 9);
            let a = format!("{:?}", n);
            let b = format!("{:>8}", n);
            let c = match n {
                x if cx.shared.seq.next(&"k") > 3 => x,
                _ => 0,
            };
            let mut d = 0;
            loop {
                d += 1;
                if d > 3 {
                    break;
                }
            }
            let e = cx.shared.owners.get_mut(&"k");
            ecs! { "a": a, "b": b, "c": c, "d": d, "e": e }
            "#,
        ),
        &expect![[r#"
            cannot export this to Eventum: the format spec `{:?}` (mark the generator `export = false` to keep it native-only)
            cannot export this to Eventum: the format spec `{:>8}` (mark the generator `export = false` to keep it native-only)
            cannot export this to Eventum: a match guard that needs statements, such as a state operation (they would run before the earlier arms are tested); compute it with `let` before the `match` (mark the generator `export = false` to keep it native-only)
            cannot export this to Eventum: a `loop` (Jinja only loops over lists: use `for` over a range or an array) (mark the generator `export = false` to keep it native-only)
            cannot export this to Eventum: `shared.owners.get_mut(...)` on a map (mark the generator `export = false` to keep it native-only)"#]],
    );
}

#[test]
fn side_effects_keep_rust_order_in_ecs() {
    check(
        &event(
            r#"
            ecs! {
                "before": cx.shared.sessions.len(),
                "hits": cx.shared.hits,
                "choice": cx.rand.choice(["a", "b"]),
                "popped": cx.shared.sessions.pop_oldest().is_some(),
                "after": cx.shared.sessions.len(),
                "seq": cx.shared.seq.next(&"k"),
            }
            "#,
        ),
        &expect![[r#"
            {%- set _v5 = shared.get('sessions', []) | length -%}
            {%- set _v4 = shared.get('hits', 0) -%}
            {%- set _v1 = module.rand.choice(['a', 'b']) -%}
            {%- set _pool2 = shared.get('sessions', []) -%}
            {%- set _taken3 = _pool2.pop(0) if _pool2 else none -%}
            {%- do shared.set('sessions', _pool2) -%}
            {%- set _v8 = shared.get('sessions', []) | length -%}
            {%- set _counter7 = shared.get('seq', {}) -%}
            {%- set _seq6 = _counter7.get('k', 1) -%}
            {%- do _counter7.update({'k': (1 if _seq6 >= 1000 - 1 else _seq6 + 1)}) -%}
            {%- do shared.set('seq', _counter7) -%}
            {
                "before": {{ _v5 | tojson }},
                "hits": {{ _v4 | tojson }},
                "choice": {{ _v1 | tojson }},
                "popped": {{ (_taken3 is not none) | tojson }},
                "after": {{ _v8 | tojson }},
                "seq": {{ _seq6 | tojson }}
            }
        "#]],
    );
}

#[test]
fn locals_and_globals_state() {
    check(
        &lower(
            r#"
            #[locals]
            pub struct Locals {
                pub renders: Counter,
                #[state(cap = 4)]
                pub recent: Pool<i64>,
            }

            #[globals]
            pub struct Globals {
                #[state(default = "none")]
                pub last_user: Value<String>,
            }

            #[event(weight = 1)]
            fn probe(cx: &mut Cx) -> Event {
                let n = cx.locals.renders.next_value();
                cx.locals.recent.push(n);
                let previous = cx.globals.last_user.get_or(&"nobody".to_string()).clone();
                cx.globals.last_user.set("alice".to_string());
                ecs! { "n": n, "recent": cx.locals.recent.len(), "previous": previous }
            }
            "#,
        ),
        &expect![[r#"
            {%- set _seq1 = locals.get('renders') -%}
            {%- set _seq1 = 1 if _seq1 is none or _seq1 + 1 >= 9223372036854775807 else _seq1 + 1 -%}
            {%- do locals.set('renders', _seq1) -%}
            {%- set n = _seq1 -%}
            {%- set _pool2 = locals.get('recent', []) -%}
            {%- do _pool2.append(n) -%}
            {%- if _pool2 | length > 4 -%}
              {%- do _pool2.pop(0) -%}
            {%- endif -%}
            {%- do locals.set('recent', _pool2) -%}
            {%- set previous = globals.get('last_user', 'none') if globals.get('last_user', 'none') is not none else 'nobody' -%}
            {%- do globals.set('last_user', 'alice') -%}
            {
                "n": {{ n | tojson }},
                "recent": {{ (locals.get('recent', []) | length) | tojson }},
                "previous": {{ previous | tojson }}
            }
        "#]],
    );
}

#[test]
fn returns_the_template_cannot_express() {
    check(
        &rejected(
            r#"
            let n = cx.rand.number.integer(0, 9);
            for p in [1, 2] {
                if p > n {
                    return cx.dispatch.next();
                }
            }
            let s = match cx.shared.sessions.pop_oldest() {
                Some(s) => s,
                None => return cx.dispatch.drop(),
            };
            ecs! { "user.name": s.user }
            "#,
        ),
        &expect![[r#"
            cannot export this to Eventum: a `return` inside a loop, a value or a statement that is not the body's last (a template cannot stop early: end the body with an `if`/`match` whose branches return, write `if ... { return ...; }` followed by the rest, or use `let ... else`) (mark the generator `export = false` to keep it native-only)
            cannot export this to Eventum: a `return` inside a loop, a value or a statement that is not the body's last (a template cannot stop early: end the body with an `if`/`match` whose branches return, write `if ... { return ...; }` followed by the rest, or use `let ... else`) (mark the generator `export = false` to keep it native-only)"#]],
    );
}
