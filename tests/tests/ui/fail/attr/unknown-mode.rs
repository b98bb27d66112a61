// An unknown mode, with the closest mode.
#[eventum_runtime::generator(name = "test-x", mode = chanse)]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
