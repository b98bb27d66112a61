// In chance mode every event needs a weight.
#[eventum_runtime::generator(name = "test-x", mode = chance)]
pub mod gen_x {
    #[event(weight = 3)]
    fn login(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }

    #[event]
    fn logout(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
