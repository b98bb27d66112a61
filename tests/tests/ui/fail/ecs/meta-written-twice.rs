// event.kind set by #[event(kind = ...)] and written again in ecs!.
#[eventum_runtime::generator(name = "test-x", ecs = "8.11.0")]
pub mod gen_x {
    #[event(weight = 1, kind = "event")]
    fn hello(cx: &mut Cx) -> Event {
        ecs! {
            "@timestamp": cx.timestamp,
            "event": { "kind": "event" },
        }
    }
}

fn main() {}
