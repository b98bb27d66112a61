// An integer expression written into `user.name`: the type check is spanned on the expression.
#[eventum_runtime::generator(name = "test-x", ecs = "8.11.0")]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        let uid = cx.rand.number.integer(1000, 2000);
        ecs! {
            "@timestamp": cx.timestamp,
            "user.name": uid,
        }
    }
}

fn main() {}
