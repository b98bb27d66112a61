// `weight` takes a number literal, not a string.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[event(weight = "10")]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
