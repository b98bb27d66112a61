// `/` is `//` on integers and `/` on floats: the types must be known.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[event(weight = 1)]
    fn probe(cx: &mut Cx) -> Event {
        let mut sizes = Vec::new();
        sizes.push(cx.rand.number.integer(1, 9));
        let half = sizes[0] / 2;
        ecs! { "half": half }
    }
}

fn main() {}
