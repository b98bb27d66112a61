// A bound that does not fit the parameter's type fails to compile at the
// bound.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[params]
    pub struct Params {
        #[param(default = 3, min = -1)]
        pub hosts: u32,
        #[param(default = 3, max = 300)]
        pub small: u8,
    }

    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
