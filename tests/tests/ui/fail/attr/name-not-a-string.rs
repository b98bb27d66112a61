// `name` takes a string literal.
#[eventum_runtime::generator(name = linux_auditd)]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
