// An unknown key in #[event(...)] is reported on the key, with the closest known key.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[event(wieght = 10)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
