// The #[shared] struct is the context's `shared`: it is named `Shared`.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[shared]
    pub struct Sessions {
        pub open: Value<i64>,
    }

    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        cx.shared.open.set(1);
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
