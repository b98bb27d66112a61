// `match` translates to if/elif tests: literals, ranges, `|`, `Some`, `None` and `_` only.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[event(weight = 1)]
    fn probe(cx: &mut Cx) -> Event {
        let a = cx.rand.number.integer(0, 1);
        let b = cx.rand.number.integer(0, 1);
        let kind = match (a, b) {
            (0, 0) => "none",
            (1, _) => "first",
            _ => "other",
        };
        ecs! { "kind": kind }
    }
}

fn main() {}
