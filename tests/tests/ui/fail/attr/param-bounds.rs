// `min` and `max` bound numeric parameters with number literals, and the
// default lies between them. Every mistake is reported at once.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[params]
    pub struct Params {
        #[param(default = "example.com", min = 1)]
        pub domain: String,
        #[param(default = 5, min = 10)]
        pub hosts: i64,
        #[param(default = 50.0, min = 0, max = 10)]
        pub rate: f64,
        #[param(default = 3, min = 5, max = 1)]
        pub pool: i64,
        #[param(default = 3, min = 0.5)]
        pub workers: i64,
        #[param(default = 3, max = LIMIT)]
        pub users: i64,
        #[param(default = 3, mn = 1)]
        pub groups: i64,
    }

    const LIMIT: i64 = 9;

    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
