// A negative weight is rejected.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[event(weight = -5)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
