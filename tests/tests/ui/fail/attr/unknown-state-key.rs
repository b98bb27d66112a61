// An unknown key in #[state(...)] is reported on the key, with the closest known key.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[shared]
    pub struct Shared {
        #[state(strat = 1)]
        pub sequence: Counter<Str>,
    }

    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
