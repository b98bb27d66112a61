// A json sample with a syntax error: the error names file:line:column.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[sample(json = "fixtures/samples/broken.json")]
    pub struct Row {
        pub name: Str,
        pub ip: Str,
    }

    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
