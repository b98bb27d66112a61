// Errors accumulate: unrelated mistakes in one module are all reported by
// one compile, and nothing else (the module is re-emitted without its
// helper attributes, so no secondary errors follow).
#[eventum_runtime::generator(name = "test-x", mode = fsm, ecs = "8.11.0", titel = "Many")]
pub mod gen_x {
    #[sample(csv = "fixtures/samples/users.csv")]
    pub struct User {
        pub name: Str,
        pub user_id: Str,
        pub weight: f64,
    }

    #[shared]
    pub struct Shared {
        pub open_sessions: Value<i64>,
    }

    #[event(initial, kind = "evnt")]
    #[transition(to = logut, when = shared.open_sesions > 0)]
    fn login(cx: &mut Cx) -> Event {
        ecs! {
            "@timestamp": cx.timestamp,
            "process.pdi": 42,
            "event": { "outcome": "sucess" },
        }
    }

    #[event]
    #[transition(to = login, when = always())]
    fn logout(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp, "user.name": 1000 }
    }
}

// The rest of the crate still type-checks against the module.
pub fn spec_name() -> &'static str {
    gen_x::SPEC.name
}

fn main() {}
