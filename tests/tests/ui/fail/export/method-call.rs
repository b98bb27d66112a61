// A method the exporter has no Jinja twin for.
#[eventum_runtime::generator(name = "test-x")]
pub mod gen_x {
    #[event(weight = 1)]
    fn probe(cx: &mut Cx) -> Event {
        let name = cx.faker.locale.en_US.user_name();
        let initials = name.to_ascii_uppercase();
        ecs! { "initials": initials }
    }
}

fn main() {}
