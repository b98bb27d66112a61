// A string literal that is not an IP address written into an `ip` field.
#[eventum_runtime::generator(name = "test-x", ecs = "8.11.0")]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! {
            "@timestamp": cx.timestamp,
            "source.ip": "10.0.0.256",
        }
    }
}

fn main() {}
