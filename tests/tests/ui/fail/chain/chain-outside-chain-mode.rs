// `chain` only means something in chain mode.
#[eventum_runtime::generator(name = "test-x", mode = spin, chain = [login])]
pub mod gen_x {
    #[event]
    fn login(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
