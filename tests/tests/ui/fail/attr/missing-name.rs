// #[generator] needs a name.
#[eventum_runtime::generator(mode = chance)]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
