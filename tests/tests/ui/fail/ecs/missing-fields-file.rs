// A fields file that does not exist.
#[eventum_runtime::generator(
    name = "test-x",
    ecs = "8.11.0",
    fields = "fixtures/fields/nosuch.yml"
)]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
