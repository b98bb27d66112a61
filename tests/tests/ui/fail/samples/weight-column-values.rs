// A weight column whose values are not numbers.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[sample(csv = "fixtures/samples/text_weights.csv", weight = "weight")]
    pub struct Row {
        pub name: Str,
        pub weight: f64,
    }

    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
