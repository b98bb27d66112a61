// A field neither ECS nor the generator's fields file defines.
#[eventum_runtime::generator(
    name = "test-x",
    ecs = "8.11.0",
    fields = "fixtures/fields/auditd.yml"
)]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! {
            "@timestamp": cx.timestamp,
            "auditd.sesion": "42",
        }
    }
}

fn main() {}
