// An optional value (`"key"?: option`) is type-checked against its field too.
#[eventum_runtime::generator(name = "test-x", ecs = "8.11.0")]
pub mod gen_x {
    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        let pid: Option<&str> = cx.rand.chance(0.5).then_some("1234");
        ecs! {
            "@timestamp": cx.timestamp,
            "process.pid"?: pid,
        }
    }
}

fn main() {}
