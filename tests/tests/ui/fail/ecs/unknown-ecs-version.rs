// An ECS version the macro has no definitions for.
#[eventum_runtime::generator(name = "test-x", ecs = "8.12.0")]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
