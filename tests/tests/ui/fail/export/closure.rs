// A closure has no Jinja counterpart.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[event(weight = 1)]
    fn probe(cx: &mut Cx) -> Event {
        let double = |x: i64| x * 2;
        let n = cx.rand.number.integer(1, 9);
        ecs! { "n": double(n) }
    }
}

fn main() {}
