//! A small generator exercising params, samples, state, vars and metadata.

#[eventum_runtime::generator(name = "test-demo", mode = chance, ecs = "8.11.0")]
pub mod demo {
    #[params]
    pub struct Params {
        /// Domain appended to host names.
        #[param(default = "example.com")]
        pub domain: String,
        /// Failure rate in percent.
        #[param(default = 5)]
        pub failure_rate: i64,
    }

    /// Users who log in.
    #[sample(csv = "fixtures/samples/users.csv", weight = "weight")]
    pub struct User {
        pub name: Str,
        pub uid: Str,
        pub weight: f64,
    }

    /// Hosts.
    #[sample(json = "fixtures/samples/hosts.json")]
    pub struct Host {
        pub name: Str,
        pub ip: Str,
        pub cores: i64,
        pub tags: &'static [Str],
    }

    #[shared]
    pub struct Shared {
        /// Per-host sequence numbers.
        #[state(start = 1, wrap = 1_000_000)]
        pub sequence: Counter<Str>,
    }

    /// A user logs in.
    #[event(
        weight = 80,
        name = "login_ok",
        category = "authentication",
        type = "start",
        kind = "event",
        action = "logged-in",
        vars(outcome = "success")
    )]
    #[event(
        weight = 20,
        name = "login_failed",
        category = "authentication",
        type = "start",
        kind = "event",
        action = "logged-in",
        vars(outcome = "failure")
    )]
    fn login(cx: &mut Cx) -> Event {
        let user = cx.samples.users.weighted_pick();
        let host = cx.samples.hosts.pick();
        let seq = cx.shared.sequence.next(&host.name);
        let fqdn = format!("{}.{}", host.name, cx.params.domain);
        ecs! {
            "@timestamp": cx.timestamp,
            "event": { "outcome": cx.vars.outcome, "sequence": seq },
            "host": { "hostname": host.name, "name": fqdn, "ip": [host.ip] },
            "user.name": user.name,
            "user.id": user.uid,
            "source.port"?: if cx.rand.chance(0.5) { Some(cx.rand.number.integer(1024, 65535)) } else { None },
            "related.user": [user.name],
            "message": "login",
        }
    }

    /// A process starts.
    #[event(
        weight = 100,
        category = "process",
        type = "start",
        kind = "event",
        action = "executed"
    )]
    fn exec(cx: &mut Cx) -> Event {
        let pid = cx.rand.number.integer(1000, 65535);
        ecs! {
            "@timestamp": cx.timestamp,
            "process": { "pid": pid, "name": cx.rand.choice(["bash", "sshd", "cron"]), "args": ["-c", "true"] },
            "event.duration": cx.rand.number.integer(1, 1_000_000),
        }
    }
}
