// A Jinja loop body has its own scope: an assignment to an outer variable would be lost.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[event(weight = 1)]
    fn probe(cx: &mut Cx) -> Event {
        let mut total = 0;
        for p in [22, 80, 443] {
            total += p;
        }
        ecs! { "total": total, "t": cx.timestamp }
    }
}

fn main() {}
