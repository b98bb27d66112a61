// The same field written twice in one literal.
#[eventum_runtime::generator(name = "test-x", ecs = "8.11.0")]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! {
            "@timestamp": cx.timestamp,
            "user.name": "alice",
            "user": { "name": "bob" },
        }
    }
}

fn main() {}
