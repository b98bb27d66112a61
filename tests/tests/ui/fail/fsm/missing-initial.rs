// fsm mode needs exactly one initial state; here there is none.
#[eventum_runtime::generator(name = "test-x", mode = fsm)]
pub mod gen_x {
    #[event]
    #[transition(to = logout, when = always())]
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
