// An unknown key in #[sample(...)] is reported on the key, with the closest known key.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[sample(csv = "fixtures/samples/users.csv", wieght = "weight")]
    pub struct User {
        pub name: Str,
        pub uid: Str,
        pub weight: f64,
    }

    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
