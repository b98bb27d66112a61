//! Generated code does not depend on what the user's crate and module call
//! `Result`, `Option`, `Some`, `None`, `Ok`, `Err`, `Vec`, `String`, `Box`,
//! the prelude's traits, `core` or `std`, and compiles without a warning
//! under the lints the workspace uses.

#![deny(warnings, rust_2018_idioms, unused_qualifications, missing_docs)]

// Shadows at the crate root.
/// Shadows the prelude's name.
#[allow(dead_code)] // exists only to shadow
pub struct Result;
/// Shadows the prelude's name.
#[allow(dead_code)] // exists only to shadow
pub struct Option;
/// Shadows the prelude's name.
#[allow(dead_code)] // exists only to shadow
pub struct Vec;
/// Shadows the prelude's name.
#[allow(dead_code)] // exists only to shadow
pub struct Box;
/// Shadows the crate's name in paths.
#[allow(dead_code)] // exists only to shadow
pub mod core {}
/// Shadows the crate's name in paths.
#[allow(dead_code)] // exists only to shadow
pub mod std {}

/// A generator that uses every kind of item.
#[eventum_runtime::generator(name = "test-hygiene", mode = fsm, ecs = "8.11.0")]
pub mod hygienic {
    // Shadows inside the module, next to the generated items.
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct Result;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct Option;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct Some;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct Ok;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct Vec;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct String;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct Box;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct Default;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct Clone;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct Copy;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct Into;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct From;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct Iterator;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct Sized;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct Send;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct Sync;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct Fn;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct Drop;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct ToString;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct ToOwned;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct Err;
    /// Shadows the prelude's name.
    #[allow(dead_code)] // exists only to shadow
    pub struct None;
    /// Shadows the crate's name in paths.
    #[allow(dead_code)] // exists only to shadow
    pub mod core {}
    /// Shadows the crate's name in paths.
    #[allow(dead_code)] // exists only to shadow
    pub mod std {}

    /// Parameters.
    #[params]
    pub struct Params {
        /// A parameter with a default.
        #[param(default = 3)]
        pub limit: i64,
    }

    /// Users.
    #[sample(items = ["alice", "bob"], name = "users")]
    pub struct User {
        /// The user name.
        pub name: Str,
    }

    /// State shared by the events.
    #[shared]
    pub struct Shared {
        /// Open sessions.
        pub open: Value<i64>,
        /// Per-user sequence numbers.
        #[state(start = 1, wrap = 100)]
        pub sequence: Counter<Str>,
    }

    /// Host fields shared by the events.
    fn host_fields(name: &str) -> Fragment {
        ecs! { "host.name": name, "host.hostname"?: ::core::option::Option::Some(name) }
    }

    #[event(initial, kind = "event", category = "session", type = "start")]
    #[transition(to = stop, when = shared.open >= 2)]
    #[transition(to = start, when = always())]
    fn start(cx: &mut Cx) -> Event {
        let user = cx.samples.users.pick();
        let n = cx.shared.open.get().copied().unwrap_or(0) + 1;
        cx.shared.open.set(n);
        let seq = cx.shared.sequence.next(&user.name);
        let port = if n > cx.params.limit {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(n)
        };
        ecs! {
            "@timestamp": cx.timestamp,
            "user.name": user.name,
            "event.sequence": seq,
            "source.port"?: port,
            "related.user": [user.name],
            ..host_fields("web-01"),
        }
    }

    #[event(kind = "event", category = "session", type = "end")]
    #[transition(to = start, when = always())]
    fn stop(cx: &mut Cx) -> Event {
        cx.shared.open.set(0);
        ecs! { "@timestamp": cx.timestamp, "event.outcome": "success" }
    }
}

fn main() {
    use eventum_runtime::generator::{Init, ParamValues};
    let params = ParamValues::new();
    let mut g = (hygienic::GENERATOR.create)(&Init {
        params: &params,
        seed: 3,
        worker: 0,
    })
    .unwrap();
    let tags = eventum_runtime::__private::empty_tags();
    let mut out = eventum_runtime::EventBatch::new();
    let ts = eventum_runtime::Timestamp::from_utc_micros(0);
    assert_eq!(
        g.produce(ts, &tags, &mut out),
        eventum_runtime::Produced::Events
    );
    let event = ::std::string::String::from_utf8(out.get(0).unwrap().to_vec()).unwrap();
    assert!(
        event.contains("\"host\":{\"name\":\"web-01\",\"hostname\":\"web-01\"}"),
        "{event}"
    );
}
