// A struct field the csv has no column for, with the closest column.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[sample(csv = "fixtures/samples/users.csv")]
    pub struct Row {
        pub name: Str,
        pub user_id: Str,
        pub weight: f64,
    }

    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
