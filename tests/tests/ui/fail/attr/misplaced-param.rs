// #[param] belongs on a field of the #[params] struct.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[shared]
    pub struct Shared {
        #[param(default = 5)]
        pub count: Value<i64>,
    }

    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
