// Event names (Eventum's template aliases) are unique.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[event(weight = 1, name = "login")]
    fn login_ok(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }

    #[event(weight = 1, name = "login")]
    fn login_failed(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
