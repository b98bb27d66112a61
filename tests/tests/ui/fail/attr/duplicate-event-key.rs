// A key given twice in #[event(...)] is reported on the second one.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[event(weight = 1, weight = 2)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
