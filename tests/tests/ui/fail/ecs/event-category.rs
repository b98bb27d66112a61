// `category` outside ECS's allowed values of event.category.
#[eventum_runtime::generator(name = "test-x", ecs = "8.11.0")]
pub mod gen_x {
    #[event(weight = 1, category = "authentification")]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
