// Ordering comparisons take numbers (Eventum's gt/ge/lt/le).
#[eventum_runtime::generator(name = "test-x", mode = fsm)]
pub mod gen_x {
    #[shared]
    pub struct Shared {
        pub open_sessions: Value<i64>,
        pub last_user: Value<String>,
    }

    #[event(initial)]
    #[transition(to = logout, when = shared.last_user > "m")]
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
