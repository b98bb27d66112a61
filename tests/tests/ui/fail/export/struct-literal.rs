// A struct literal of a type the module does not declare.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[event(weight = 1)]
    fn probe(cx: &mut Cx) -> Event {
        let span = std::ops::Range { start: cx.rand.number.integer(1, 9), end: 10 };
        ecs! { "start": span.start, "end": span.end }
    }
}

fn main() {}
