// A `while` loop has no Jinja counterpart.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[event(weight = 1)]
    fn probe(cx: &mut Cx) -> Event {
        let mut n = cx.rand.number.integer(1, 9);
        while n < 100 {
            n *= 2;
        }
        ecs! { "n": n }
    }
}

fn main() {}
