// A helper becomes a Jinja macro, which returns text, a number, a bool or a
// fragment; not a set.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    fn ports() -> std::collections::BTreeSet<i64> {
        std::collections::BTreeSet::from([22, 80])
    }

    #[event(weight = 1)]
    fn probe(cx: &mut Cx) -> Event {
        let p = ports();
        ecs! { "n": p.len(), "t": cx.timestamp }
    }
}

fn main() {}
