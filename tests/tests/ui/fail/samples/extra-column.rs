// A csv column the struct does not declare.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[sample(csv = "fixtures/samples/accounts.csv")]
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
