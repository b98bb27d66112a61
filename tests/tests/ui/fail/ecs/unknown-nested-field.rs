// An unknown field written in a nested object is reported with its full path.
#[eventum_runtime::generator(name = "test-x", ecs = "8.11.0")]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! {
            "@timestamp": cx.timestamp,
            "user": { "nmae": "alice" },
        }
    }
}

fn main() {}
