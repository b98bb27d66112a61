// A transition needs a condition.
#[eventum_runtime::generator(name = "test-x", mode = fsm)]
pub mod gen_x {
    #[event(initial)]
    #[transition(to = logout)]
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
