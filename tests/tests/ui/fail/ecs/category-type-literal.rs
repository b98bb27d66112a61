// Category/type pairs are checked in ecs! literals too.
#[eventum_runtime::generator(name = "test-x", ecs = "8.11.0")]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! {
            "@timestamp": cx.timestamp,
            "event": { "category": ["authentication"], "type": ["creation"] },
        }
    }
}

fn main() {}
