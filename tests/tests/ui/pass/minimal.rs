//! The smallest generator: one event in the default (chance) mode.

#[eventum_runtime::generator(name = "test-minimal")]
pub mod minimal {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp, "message": "hello" }
    }
}

fn main() {
    assert_eq!(minimal::SPEC.name, "test-minimal");
    assert_eq!(minimal::SPEC.events.len(), 1);
}
