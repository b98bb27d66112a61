//! Samples from csv, json and items, a weight column, a fields file,
//! parameters and keyed state, all in one generator.

use eventum_runtime::generator::{Init, ParamValues};
use eventum_runtime::{EventBatch, Produced, Timestamp};

#[eventum_runtime::generator(
    name = "test-samples",
    ecs = "8.11.0",
    fields = "fixtures/fields/auditd.yml"
)]
pub mod with_samples {
    #[params]
    pub struct Params {
        /// Domain appended to host names.
        #[param(default = "example.com")]
        pub domain: String,
    }

    /// Users, picked by weight.
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

    /// Exit codes.
    #[sample(items = [0, 1, 127], name = "codes")]
    pub struct Code {
        pub value: i64,
    }

    #[shared]
    pub struct Shared {
        #[state(start = 1, wrap = 1000)]
        pub sequence: Counter<Str>,
    }

    #[event(weight = 1, kind = "event", category = "process", type = "start")]
    fn exec(cx: &mut Cx) -> Event {
        let user = cx.samples.users.weighted_pick();
        let host = cx.samples.hosts.pick();
        let code = cx.samples.codes.pick();
        let seq = cx.shared.sequence.next(&host.name);
        let fqdn = format!("{}.{}", host.name, cx.params.domain);
        ecs! {
            "@timestamp": cx.timestamp,
            "user.name": user.name,
            "host": { "name": fqdn, "ip": [host.ip] },
            "process.exit_code": code.value,
            "auditd": { "session": user.uid, "sequence": seq },
        }
    }
}

fn main() {
    let params = ParamValues::new();
    let mut g = (with_samples::GENERATOR.create)(&Init {
        params: &params,
        seed: 1,
        worker: 0,
    })
    .unwrap();
    let tags = eventum_runtime::__private::empty_tags();
    let mut out = EventBatch::new();
    assert_eq!(
        g.produce(Timestamp::from_utc_micros(0), &tags, &mut out),
        Produced::Events
    );
    let event = String::from_utf8(out.get(0).unwrap().to_vec()).unwrap();
    assert!(event.contains("\"auditd\":{\"session\":\"100"), "{event}");
    assert!(event.contains(".example.com\""), "{event}");
    assert_eq!(with_samples::SPEC.samples.len(), 3);
}
