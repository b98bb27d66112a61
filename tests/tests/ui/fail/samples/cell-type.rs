// A cell that does not convert to its field's type, named by row and column.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[sample(csv = "fixtures/samples/bad_pid.csv")]
    pub struct Row {
        pub name: Str,
        pub pid: i64,
    }

    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
