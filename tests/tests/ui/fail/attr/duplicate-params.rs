// A generator has one #[params] struct.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[params]
    pub struct Params {
        #[param(default = "example.com")]
        pub domain: String,
    }

    #[params]
    pub struct MoreParams {
        #[param(default = 5)]
        pub rate: i64,
    }

    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
