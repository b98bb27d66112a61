// A weight column that is not a field of the row, with the closest field.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[sample(csv = "fixtures/samples/users.csv", weight = "wieght")]
    pub struct Row {
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
