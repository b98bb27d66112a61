// The aliases of one function define the same vars.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[event(weight = 8, name = "login_ok", vars(outcome = "success"))]
    #[event(weight = 2, name = "login_failed", vars(result = "failure"))]
    fn login(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
