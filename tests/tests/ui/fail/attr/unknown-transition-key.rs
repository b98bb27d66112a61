// An unknown key in #[transition(...)], with the closest known key.
#[eventum_runtime::generator(name = "test-x", mode = fsm)]
pub mod gen_x {
    #[event(initial)]
    #[transition(to = logout, wehn = always())]
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
