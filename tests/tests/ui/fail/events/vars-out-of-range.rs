// A `vars` number that does not fit its type.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[event(weight = 1, vars(limit = 99999999999999999999))]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
