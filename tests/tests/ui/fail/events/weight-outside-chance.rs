// `weight` only means something in chance mode.
#[eventum_runtime::generator(name = "test-x", mode = spin)]
pub mod gen_x {
    #[event(weight = 3)]
    fn login(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
