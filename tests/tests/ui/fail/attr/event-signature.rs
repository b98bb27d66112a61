// An event function takes the context and returns an Event.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx, n: u32) -> Event {
        ecs! { "@timestamp": cx.timestamp, "event.sequence": n }
    }
}

fn main() {}
