// #[transition] only means something in fsm mode.
#[eventum_runtime::generator(name = "test-x", mode = spin)]
pub mod gen_x {
    #[event]
    #[transition(to = logout, when = always())]
    fn login(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }

    #[event]
    fn logout(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
