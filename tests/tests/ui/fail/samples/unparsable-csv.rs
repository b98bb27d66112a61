// A csv sample whose rows have different widths: the error names file:line.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[sample(csv = "fixtures/samples/ragged.csv")]
    pub struct Row {
        pub name: Str,
        pub uid: Str,
    }

    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
