// The #[params] struct is the context's `params`: it is named `Params`.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[params]
    pub struct Settings {
        #[param(default = "example.com")]
        pub domain: String,
    }

    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp, "host.domain": cx.params.domain }
    }
}

fn main() {}
