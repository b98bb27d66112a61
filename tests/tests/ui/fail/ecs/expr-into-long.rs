// A string expression written into `process.pid`: the type check is spanned on the expression.
#[eventum_runtime::generator(name = "test-x", ecs = "8.11.0")]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        let pid = cx.rand.choice(["1234", "5678"]);
        ecs! {
            "@timestamp": cx.timestamp,
            "process.pid": pid,
        }
    }
}

fn main() {}
