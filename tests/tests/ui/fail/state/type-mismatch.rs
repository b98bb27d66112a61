// A condition comparing an integer field with a string.
#[eventum_runtime::generator(name = "test-x", mode = fsm)]
pub mod gen_x {
    #[shared]
    pub struct Shared {
        pub open_sessions: Value<i64>,
        pub last_user: Value<String>,
    }

    #[event(initial)]
    #[transition(to = logout, when = shared.open_sessions == "many")]
    fn login(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }

    #[event]
    #[transition(to = login, when = always())]
    fn logout(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
