// Generator names are lowercase `<category>-<source>`, as in the content packs.
#[eventum_runtime::generator(name = "Linux_Auditd")]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp }
    }
}

fn main() {}
