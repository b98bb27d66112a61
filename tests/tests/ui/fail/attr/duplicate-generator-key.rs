// A key given twice in #[generator(...)] is reported on the second one.
#[eventum_runtime::generator(name = "test-x", mode = chance, mode = spin)]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
