// Weights whose total does not fit in an f64.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[event(weight = 1e308)]
    fn login(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }

    #[event(weight = 1e308)]
    fn logout(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
