// Iterator adapters have no Jinja counterpart; a `for` loop does.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[event(weight = 1)]
    fn probe(cx: &mut Cx) -> Event {
        let ports: Vec<i64> = [22, 80].iter().map(|p| p + 1).collect();
        ecs! { "ports": ports, "t": cx.timestamp }
    }
}

fn main() {}
