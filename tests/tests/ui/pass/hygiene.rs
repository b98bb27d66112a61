//! Generated code does not depend on what the user's crate and module call
//! `Result`, `Option`, `Some`, `Ok`, `Vec`, `String`, `Box`, `core` or `std`,
//! and compiles without a warning.

#![deny(warnings)]

// Shadows at the crate root.
#[allow(dead_code)] // exists only to shadow the prelude's name
pub struct Result;
#[allow(dead_code)] // exists only to shadow the prelude's name
pub struct Option;
#[allow(dead_code)] // exists only to shadow the prelude's name
pub struct Vec;
#[allow(dead_code)] // exists only to shadow the prelude's name
pub struct Box;
#[allow(dead_code)] // exists only to shadow the crate's name in paths
pub mod core {}
#[allow(dead_code)] // exists only to shadow the crate's name in paths
pub mod std {}

#[eventum_runtime::generator(name = "test-hygiene", mode = fsm, ecs = "8.11.0")]
pub mod hygienic {
    // Shadows inside the module, next to the generated items.
    #[allow(dead_code)] // exists only to shadow the prelude's name
    pub struct Result;
    #[allow(dead_code)] // exists only to shadow the prelude's name
    pub struct Option;
    #[allow(dead_code)] // exists only to shadow the prelude's name
    pub struct Some;
    #[allow(dead_code)] // exists only to shadow the prelude's name
    pub struct Ok;
    #[allow(dead_code)] // exists only to shadow the prelude's name
    pub struct Vec;
    #[allow(dead_code)] // exists only to shadow the prelude's name
    pub struct String;
    #[allow(dead_code)] // exists only to shadow the prelude's name
    pub struct Box;
    #[allow(dead_code)] // exists only to shadow the crate's name in paths
    pub mod core {}
    #[allow(dead_code)] // exists only to shadow the crate's name in paths
    pub mod std {}

    #[params]
    pub struct Params {
        /// A parameter with a default.
        #[param(default = 3)]
        pub limit: i64,
    }

    #[sample(items = ["alice", "bob"], name = "users")]
    pub struct User {
        pub name: Str,
    }

    #[shared]
    pub struct Shared {
        pub open: Value<i64>,
        #[state(start = 1, wrap = 100)]
        pub sequence: Counter<Str>,
    }

    #[event(initial, kind = "event", category = "session", type = "start")]
    #[transition(to = stop, when = shared.open >= 2)]
    #[transition(to = start, when = always())]
    fn start(cx: &mut Cx) -> Event {
        let user = cx.samples.users.pick();
        let n = cx.shared.open.get().copied().unwrap_or(0) + 1;
        cx.shared.open.set(n);
        let seq = cx.shared.sequence.next(&user.name);
        let port = if n > cx.params.limit { None } else { ::core::option::Option::Some(n) };
        ecs! {
            "@timestamp": cx.timestamp,
            "user.name": user.name,
            "event.sequence": seq,
            "source.port"?: port,
            "related.user": [user.name],
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
    assert_eq!(hygienic::SPEC.name, "test-hygiene");
}
