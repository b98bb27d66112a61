//! `#[generator(crate = ...)]`: the generated code reaches the runtime only
//! through the given path, here a re-export under another name.

pub mod vendored {
    pub use ::eventum_runtime as runtime;
}

#[vendored::runtime::generator(name = "test-crate-path", crate = crate::vendored::runtime)]
pub mod renamed {
    #[shared]
    pub struct Shared {
        pub count: Value<i64>,
    }

    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp, "message": "hello" }
    }
}

fn main() {
    assert_eq!(renamed::SPEC.name, "test-crate-path");
    assert_eq!(renamed::GENERATOR.spec.events.len(), 1);
}
