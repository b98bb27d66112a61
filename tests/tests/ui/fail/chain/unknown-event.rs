// `chain` names an event that does not exist, with the closest event.
#[eventum_runtime::generator(name = "test-x", mode = chain, chain = [login, logut])]
pub mod gen_x {
    #[event]
    fn login(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }

    #[event]
    fn logout(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
