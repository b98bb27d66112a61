// chain mode needs the sequence.
#[eventum_runtime::generator(name = "test-x", mode = chain)]
pub mod gen_x {
    #[event]
    fn login(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
