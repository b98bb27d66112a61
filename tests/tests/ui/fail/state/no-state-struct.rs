// A condition on locals when the generator declares no #[locals] struct.
#[eventum_runtime::generator(name = "test-x", mode = fsm)]
pub mod gen_x {
    #[shared]
    pub struct Shared {
        pub open_sessions: Value<i64>,
        pub last_user: Value<String>,
    }

    #[event(initial)]
    #[transition(to = logout, when = locals.attempts > 3)]
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
