// A field ECS does not define, with the closest fields.
#[eventum_runtime::generator(name = "test-x", ecs = "8.11.0")]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! {
            "@timestamp": cx.timestamp,
            "process.pdi": 42,
        }
    }
}

fn main() {}
