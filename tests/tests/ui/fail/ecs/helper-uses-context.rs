// A helper that reads the context still type-checks while the module has an
// error: only the real mistake is reported.
#[eventum_runtime::generator(name = "test-x", ecs = "8.11.0")]
pub mod gen_x {
    #[sample(items = ["alice", "bob"], name = "users")]
    pub struct User {
        pub name: Str,
    }

    fn user_name(cx: &Cx) -> &'static str {
        cx.samples.users.pick().name
    }

    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        let name = user_name(cx);
        ecs! {
            "@timestamp": cx.timestamp,
            "user.nmae": name,
        }
    }
}

fn main() {}
