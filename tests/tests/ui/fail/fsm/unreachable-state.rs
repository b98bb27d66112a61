// A state no chain of transitions reaches from the initial state.
#[eventum_runtime::generator(name = "test-x", mode = fsm)]
pub mod gen_x {
    #[event(initial)]
    #[transition(to = logout, when = always())]
    fn login(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }

    #[event]
    #[transition(to = login, when = always())]
    fn logout(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }

    #[event]
    #[transition(to = login, when = always())]
    fn reboot(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
