//! A generator that uses every construct the Jinja exporter translates, so
//! its exported pack can be run by the real Eventum and compared with the
//! native events (see `xtask/tests/constructs_pack.rs`). Each event type
//! writes `"construct": "<its name>"` so the events of both engines can be
//! grouped by type; `spin` mode renders the types in turn.

#[eventum_runtime::generator(name = "test-constructs", mode = spin)]
pub mod constructs {
    #[params]
    pub struct Params {
        /// Domain appended to host names.
        #[param(default = "example.com")]
        pub domain: String,
        /// Cap of the session pool.
        #[param(default = 8)]
        pub cap: i64,
    }

    /// Users, with typed CSV columns.
    #[sample(csv = "fixtures/constructs/users.csv", weight = "weight")]
    pub struct User {
        pub name: Str,
        pub uid: i64,
        pub weight: f64,
        pub admin: bool,
    }

    /// Hosts, from JSON objects.
    #[sample(json = "fixtures/constructs/hosts.json")]
    pub struct Host {
        pub name: Str,
        pub ip: Str,
        pub cores: i64,
        pub tags: &'static [Str],
    }

    /// Ports and their services: rows without a header, so the fields
    /// take the columns in order (Eventum names them `_0`, `_1`).
    #[sample(items = [[22, "ssh"], [80, "http"], [443, "https"]], name = "ports")]
    pub struct Port {
        pub number: i64,
        pub service: Str,
    }

    /// A session kept between events.
    #[derive(Debug, Clone)]
    pub struct Session {
        pub user: Str,
        pub pid: i64,
    }

    #[shared]
    pub struct Shared {
        /// Per-host sequence numbers.
        #[state(start = 1, wrap = 1000)]
        pub seq: Counter<Str>,
        /// One counter for all events.
        pub total: Counter,
        /// Open sessions.
        #[state(cap = params.cap)]
        pub sessions: Pool<Session>,
        /// Host -> user.
        pub owners: Map<Str, Str>,
        /// The last pid seen.
        #[state(default = 7)]
        pub last_pid: Value<i64>,
        /// A plain counter.
        pub hits: i64,
    }

    #[locals]
    pub struct Locals {
        /// Renders of each event type.
        pub renders: Counter,
    }

    /// The host's fully qualified name.
    fn fqdn(name: &str, p: &Params) -> String {
        format!("{}.{}", name, p.domain)
    }

    /// A number padded to three digits.
    fn pad3(n: i64) -> String {
        if n < 10 {
            format!("00{n}")
        } else if n < 100 {
            format!("0{n}")
        } else {
            n.to_string()
        }
    }

    /// A number helper: exported as a macro whose text is read back as an
    /// integer.
    fn clamp_level(n: i64) -> i64 {
        if n > 50 { 50 } else { n * 2 }
    }

    /// A float helper.
    fn ratio(part: i64, total: i64) -> f64 {
        part as f64 / total as f64
    }

    /// A bool helper.
    fn is_admin_uid(uid: i64) -> bool {
        uid == 0 || uid >= 1000
    }

    /// `host.*`.
    fn host_part(h: &Host, p: &Params) -> Fragment {
        let full = fqdn(h.name, p);
        ecs! { "host": { "name": full, "hostname": h.name, "ip": [h.ip] } }
    }

    /// `user.*`, or nothing.
    fn maybe_user(on: bool, name: &str) -> Fragment {
        if on {
            ecs! { "user": { "name": name } }
        } else {
            ecs! {}
        }
    }

    /// Bindings, conditionals, `match`, strings and `format!`.
    #[event]
    fn bindings(cx: &mut Cx) -> Event {
        let u = cx.samples.users.pick();
        let port = 443;
        let (proto, number) = cx.rand.choice([("tcp", 6), ("udp", 17)]);
        let (_, weight) = ("unused", 2.5);
        let code = cx.rand.number.integer(0, 600);
        let mut level = "info";
        if code < 100 {
            level = "debug";
        } else if code < 200 {
            let extra = cx.rand.number.integer(1, 9);
            cx.shared.hits = extra;
        } else {
            level = "error";
        }
        let outcome = if code % 2 == 0 { "success" } else { "failure" };
        let grade = if code < 10 {
            "a"
        } else if code < 300 {
            "b"
        } else {
            "c"
        };
        let big = if code > 300 {
            cx.rand.number.integer(1024, 65535)
        } else {
            22
        };
        let class = match code {
            0 => "none",
            1..=3 => "low",
            100..200 => "info",
            200..=299 => "ok",
            n if n >= 500 => "server",
            n if n > 450 && cx.rand.chance(0.5) => "maybe",
            _ => "other",
        };
        let method = cx.rand.choice(["GET", "POST", "PUT"]);
        let write = match method {
            "GET" => false,
            "POST" | "PUT" => {
                cx.shared.hits = code;
                true
            }
            _ => false,
        };
        let host = String::from("web") + "-" + u.name;
        let line = String::from("uid=") + &u.uid.to_string();
        let ok = cx.rand.chance(0.5);
        let x = cx.rand.number.floating(0.0, 100.0);
        let whole = 3.0;
        let a = format!("{}@{}", u.name, cx.params.domain);
        let b = format!("{0}:{1}/{0}", u.name, port);
        let c = format!("port={port} ok={ok} braces={{}}");
        let d = format!("at {} took {} of {}", cx.timestamp, whole, x);
        let e = format!("{code:04}|{code:x}|{code:X}|{code:08x}|{x:.2}|{proto:6}|{code:5}|{x:.0}");
        ecs! {
            "construct": "bindings",
            "in": { "code": code, "x": x },
            "a": [port, number],
            "b": [proto, level, outcome, grade, class],
            "c": weight,
            "d": big,
            "e": write,
            "f": [host, line],
            "g": [a, b, c, d, e],
            "len": ["héllo".len(), host.len()],
        }
    }

    /// Arithmetic, casts, number methods, comparisons and boolean logic.
    #[event]
    fn arithmetic(cx: &mut Cx) -> Event {
        let a = cx.rand.number.integer(1, 100);
        let b = 7;
        let x: f64 = cx.rand.number.floating(-9.0, 9.0);
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
        let narrow = i64::from((a * 1000) as u8);
        let signed = i64::from((a * 1000) as i8);
        let sat = i64::from((x * 100.0) as u8);
        let trunc = x as i64;
        let u = cx.samples.users.pick();
        let both = a > 10 && u.name != "root";
        let either = a < 5 || !u.admin;
        let nested = (a > 1 && a < 50) || (a > 90 && u.uid != 0);
        let cmp = [a == 1, a != 2, a < 3, a <= 4, a > 5, a >= 6];
        ecs! {
            "construct": "arithmetic",
            "in": { "a": a, "x": x },
            "int": [q, r, total, neg, narrow, signed, sat, trunc, a.abs(), a.min(3), neg.max(-50)],
            "float": [f, mixed, p, x.round(), x.floor(), x.ceil(), x.abs()],
            "bool": [both, either, nested],
            "cmp": cmp,
            "helpers": {
                "level": clamp_level(a) + 1,
                "ratio": ratio(a, 100),
                "admin": is_admin_uid(u.uid) && a > 0,
            },
        }
    }

    /// The context API: rand, faker, samples, params, vars, timestamps, tags.
    #[event(name = "api_a", vars(flavour = "a", level = 1))]
    #[event(name = "api_b", vars(flavour = "b", level = 2))]
    fn api(cx: &mut Cx) -> Event {
        let u = cx.samples.users.weighted_pick();
        let h = cx.samples.hosts.pick();
        let port = cx.samples.ports.pick();
        let some = cx.samples.hosts.pick_n(2);
        let more = cx.samples.users.weighted_pick_n(3);
        let start = cx.timestamp - TimeDelta::seconds(30.0);
        let end = cx.timestamp + TimeDelta::milliseconds(250.0);
        let took = (end - start).total_seconds();
        let tagged = cx.tags.contains(&"vpn".into());
        ecs! {
            "construct": "api",
            "@timestamp": cx.timestamp,
            "vars": { "flavour": cx.vars.flavour, "level": cx.vars.level + 1 },
            "params": { "domain": cx.params.domain, "cap": cx.params.cap },
            "samples": {
                "user": { "name": u.name, "uid": u.uid, "next": u.uid + 1, "weight": u.weight, "admin": u.admin },
                "host": { "name": h.name, "cores": h.cores, "tags": h.tags },
                "port": { "number": port.number, "service": port.service },
                "counts": [some.len(), more.len(), cx.samples.hosts.len()],
                "empty": cx.samples.ports.is_empty(),
            },
            "rand": {
                "choice": cx.rand.choice(["x", "y"]),
                "choices": cx.rand.choices(["x", "y"], 3),
                "shuffle": cx.rand.shuffle([1, 2, 3]),
                "weighted": cx.rand.weighted_choice(["x", "y"], [3, 1]),
                "weighted_n": cx.rand.weighted_choices(["x", "y"], [3, 1], 2),
                "weighted_map": cx.rand.weighted_choice_map([("x", 3), ("y", 1)]),
                "weighted_map_n": cx.rand.weighted_choices_map([("x", 3), ("y", 1)], 2),
                "chance": cx.rand.chance(0.25),
                "shuffle_str": cx.rand.shuffle_str("abc"),
                "number": [
                    cx.rand.number.floating(0.0, 1.0),
                    cx.rand.number.gauss(0.0, 1.0),
                    cx.rand.number.lognormal(0.0, 1.0),
                    cx.rand.number.exponential(1.5),
                    cx.rand.number.pareto(2.0, 1.0),
                    cx.rand.number.triangular(0.0, 10.0, 3.0),
                ],
                "clamped": cx.rand.number.clamp(cx.rand.number.integer(0, 20), 5, 15),
                "string": [
                    cx.rand.string.letters_lowercase(4),
                    cx.rand.string.letters_uppercase(4),
                    cx.rand.string.letters(4),
                    cx.rand.string.digits(4),
                    cx.rand.string.punctuation(4),
                    cx.rand.string.hex(8),
                    cx.rand.string.pattern("%a%a-%d%d"),
                ],
                "network": [
                    cx.rand.network.ip_v4().to_string(),
                    cx.rand.network.ip_v4_private().to_string(),
                    cx.rand.network.ip_v4_private_a().to_string(),
                    cx.rand.network.ip_v4_private_b().to_string(),
                    cx.rand.network.ip_v4_private_c().to_string(),
                    cx.rand.network.ip_v4_public().to_string(),
                    cx.rand.network.ip_v4_in_subnet("10.1.0.0/16").to_string(),
                    cx.rand.network.ip_v6().to_string(),
                    cx.rand.network.ip_v6_global().to_string(),
                    cx.rand.network.ip_v6_link_local().to_string(),
                    cx.rand.network.ip_v6_ula().to_string(),
                ],
                "mac": [cx.rand.network.mac(), cx.rand.network.mac_oui("00:1a:2b"), cx.rand.network.mac_vendor("cisco")],
                "crypto": [cx.rand.crypto.uuid4(), cx.rand.crypto.md5(), cx.rand.crypto.sha1(), cx.rand.crypto.sha256()],
                "when": cx.rand.datetime.timestamp(start, end),
            },
            "faker": [
                cx.faker.locale.en_US.user_name(),
                cx.faker.locale.en_US.user_agent(),
                cx.faker.locale.en_US.email(),
                cx.faker.locale.en_US.domain_name(),
                cx.faker.locale.en_US.hostname(),
            ],
            "time": {
                "start": start,
                "end": end,
                "took": took,
                "day": cx.timestamp.strftime_or_panic("%Y.%m.%d"),
                "epoch": cx.timestamp.timestamp(),
                "hour": cx.timestamp.hour(),
            },
            "tags": { "vpn": tagged },
        }
    }

    /// Typed state: counters, the pool, the map, values and plain fields.
    #[event]
    // `Option::map` takes a closure, which has no Jinja counterpart.
    #[allow(clippy::manual_map)]
    fn state(cx: &mut Cx) -> Event {
        let u = cx.samples.users.pick();
        let h = cx.samples.hosts.pick();
        let seq = cx.shared.seq.next(&h.name);
        let upcoming = cx.shared.seq.peek(&h.name);
        let n = cx.shared.total.next_value();
        let seq_last = cx.shared.seq.last(&h.name);
        let value = cx.shared.total.value();
        let next = cx.shared.total.peek(&());
        let keys = cx.shared.seq.len();
        cx.shared.seq.reset(&"nobody");
        let pid = cx.rand.number.integer(100, 999);
        let evicted = cx.shared.sessions.push(Session { user: u.name, pid });
        let pool_len = cx.shared.sessions.len();
        let oldest = if let Some(s) = cx.shared.sessions.oldest() {
            s.pid
        } else {
            0
        };
        let taken = if cx.rand.chance(0.3) {
            cx.shared.sessions.take_random(cx.rand.as_ref())
        } else if cx.rand.chance(0.4) {
            cx.shared.sessions.pop_oldest()
        } else {
            cx.shared.sessions.pop_newest()
        };
        let peeked = cx.shared.sessions.peek_random(cx.rand.as_ref()).is_some();
        cx.shared.owners.insert(h.name, u.name);
        let owner = cx.shared.owners.get(&h.name).copied();
        let fallback = *cx.shared.owners.get_or(&"nobody", &"none");
        let known = cx.shared.owners.contains_key(&h.name);
        let gone = if cx.rand.chance(0.5) {
            cx.shared.owners.remove(&h.name)
        } else {
            None
        };
        let last = cx.shared.last_pid.get().copied();
        let last_or = *cx.shared.last_pid.get_or(&0);
        let defined = cx.shared.last_pid.is_defined();
        let old = if cx.rand.chance(0.2) {
            cx.shared.last_pid.take()
        } else {
            None
        };
        if cx.rand.chance(0.5) {
            cx.shared.last_pid.set(pid);
        }
        cx.shared.hits += 1;
        let hits = cx.shared.hits;
        // Not empty when `order` pops.
        cx.shared.sessions.push(Session {
            user: "svc",
            pid: 3,
        });
        ecs! {
            "construct": "state",
            "counter": {
                "seq": seq,
                "upcoming"?: upcoming,
                "total": n,
                "last"?: seq_last,
                "value"?: value,
                "next"?: next,
                "keys": keys,
            },
            "pool": {
                "evicted": evicted.is_some(),
                "len": pool_len,
                "oldest": oldest,
                "taken"?: if let Some(s) = taken { Some(s.pid) } else { None },
                "peeked": peeked,
                "empty": cx.shared.sessions.is_empty(),
            },
            "map": { "owner"?: owner, "fallback": fallback, "known": known, "gone"?: gone, "len": cx.shared.owners.len() },
            "value": { "last"?: last, "or": last_or, "defined": defined, "old"?: old },
            "hits": hits,
            "order": {
                "renders": cx.locals.renders.next_value(),
                "before": cx.shared.sessions.len(),
                "popped": cx.shared.sessions.pop_oldest().is_some(),
                "after": cx.shared.sessions.len(),
            },
        }
    }

    /// Control flow: `if let`, `let ... else`, early returns, `&&`/`||`
    /// with side effects, shadowing, loops, `then_some`, `unwrap_or`.
    #[event]
    fn flow(cx: &mut Cx) -> Event {
        let u = cx.samples.users.pick();
        if cx.rand.chance(0.5) {
            cx.shared.sessions.push(Session {
                user: u.name,
                pid: 1,
            });
        }
        let user = if let Some(s) = cx.shared.sessions.take_random(cx.rand.as_ref()) {
            s.user
        } else {
            cx.samples.users.pick().name
        };
        if let Some(owner) = cx.shared.owners.get(&user).copied() {
            cx.shared.owners.insert(owner, user);
        }
        let n = cx.rand.number.integer(0, 9);
        let a = n > 5 && cx.rand.chance(0.5);
        let b = n > 5 || cx.shared.sessions.pop_oldest().is_some();
        let c = n > 1 && cx.shared.seq.next(&"flow") > 3;
        let name = "outer";
        let inner = if n > 3 {
            let name = format!("{name}-inner");
            let n = n * 2;
            format!("{name}{n}")
        } else {
            name.to_string()
        };
        let tag = match n {
            0 => "zero".to_string(),
            other => format!("n{other}"),
        };
        let mut names: Vec<Str> = Vec::new();
        for v in cx.samples.users.pick_n(2) {
            names.push(v.name);
        }
        let mut ports = vec![];
        for i in 0..3 {
            ports.push(1000 + i);
        }
        for p in [22, 80, 443] {
            let mut best = 0;
            if p > n * 100 {
                cx.shared.hits = p;
                best = p;
            }
            ports.push(best);
        }
        let parity = match if n > 4 { n % 2 } else { 2 } {
            0 => "even",
            1 => "odd",
            _ => "small",
        };
        let replaced = cx.shared.owners.insert("flow", parity);
        let maybe = (n > 4).then_some(n);
        let fallback = cx.shared.owners.get(&"nobody").copied().unwrap_or("none");
        let Some(s) = cx.shared.sessions.pop_oldest() else {
            return ecs! {
                "construct": "flow",
                "bool": [a, b, c],
                "str": [user, name.to_string(), inner, tag, fallback.to_string()],
                "names": names,
                "ports": ports,
                "maybe"?: maybe,
                "replaced"?: replaced,
            };
        };
        if s.pid > 100 {
            return ecs! { "construct": "flow", "user": { "name": s.user }, "late": true };
        }
        ecs! {
            "construct": "flow",
            "bool": [a, b, c],
            "str": [user, name.to_string(), inner, tag, fallback.to_string()],
            "names": names,
            "ports": ports,
            "maybe"?: maybe,
            "user": { "name": s.user },
        }
    }

    /// The JSON skeleton: optional fields, nested objects, arrays,
    /// fragments that may be empty, helpers; metadata that differs per alias.
    #[event(
        name = "skeleton_auth",
        category = "authentication",
        type = "start",
        action = "logged-in"
    )]
    #[event(name = "skeleton_proc", category = "process", kind = "event")]
    fn skeleton(cx: &mut Cx) -> Event {
        let h = cx.samples.hosts.pick();
        let on = cx.rand.chance(0.5);
        let first = if cx.rand.chance(0.5) { Some(1) } else { None };
        let middle = cx.rand.chance(0.5).then_some("m");
        let last: Option<i64> = if on { None } else { Some(3) };
        let id = pad3(h.cores);
        ecs! {
            ..maybe_user(on, "alice"),
            "construct": "skeleton",
            "first"?: first,
            "x": 1,
            "middle"?: middle,
            "y": [2, 3],
            "last"?: last,
            ..host_part(h, cx.params),
            "obj": { "only"?: first },
            "obj2": { "p"?: first, "q"?: middle },
            "obj3": { "p"?: first, "r": 3, "q"?: middle },
            "process.pid": 4,
            "process.parent.pid": 1,
            "labels": { "list": [{ "a": 1 }, { "b": [true, 2.5] }], "id": id },
            "message": "it's \"quoted\" <b> & more",
            ..maybe_user(!on, "bob"),
        }
    }

    /// Dispatch: another event type when there is nothing to close.
    #[event]
    fn dispatching(cx: &mut Cx) -> Event {
        if cx.rand.chance(0.2) {
            return cx.dispatch.next();
        }
        if cx.rand.chance(0.5) {
            cx.shared.sessions.push(Session {
                user: "svc",
                pid: 2,
            });
        }
        match cx.shared.sessions.pop_newest() {
            None => cx.dispatch.drop(),
            Some(s) => ecs! { "construct": "dispatching", "user": { "name": s.user } },
        }
    }
}
