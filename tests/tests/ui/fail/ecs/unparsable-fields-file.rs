// A fields file that is not valid YAML.
#[eventum_runtime::generator(
    name = "test-x",
    ecs = "8.11.0",
    fields = "fixtures/fields/broken.yml"
)]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
