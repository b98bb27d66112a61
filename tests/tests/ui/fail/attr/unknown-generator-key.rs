// An unknown key in #[generator(...)] is reported on the key, with the closest known key.
#[eventum_runtime::generator(name = "test-x", mdoe = chance)]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
