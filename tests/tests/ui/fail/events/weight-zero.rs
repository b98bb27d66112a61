// A weight must be greater than zero.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[event(weight = 0)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
