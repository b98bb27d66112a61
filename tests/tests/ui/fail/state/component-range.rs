// Timestamp components in before/after are checked against their ranges.
#[eventum_runtime::generator(name = "test-x", mode = fsm)]
pub mod gen_x {
    #[event(initial)]
    #[transition(to = logout, when = after(hour = 25))]
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
