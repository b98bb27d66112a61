// An event.outcome literal outside ECS's allowed values.
#[eventum_runtime::generator(name = "test-x", ecs = "8.11.0")]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! {
            "@timestamp": cx.timestamp,
            "event": { "outcome": "sucess" },
        }
    }
}

fn main() {}
