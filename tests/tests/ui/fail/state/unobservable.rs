// FSM conditions read only state that starts missing natively too, as
// Eventum's state does: `Value<T>` without a default, `Option<T>`, and
// collections through `.contains(..)`, `.len() > n`, `.len() >= n` (n >= 1).
#[eventum_runtime::generator(name = "test-x", mode = fsm)]
pub mod gen_x {
    #[shared]
    pub struct Shared {
        pub plain: i64,
        #[state(default = 3)]
        pub with_default: Value<i64>,
        pub sessions: Pool<i64>,
        pub seq: Counter,
        pub fine: Value<i64>,
    }

    #[event(initial)]
    #[transition(to = b, when = shared.plain < 5)]
    #[transition(to = b, when = shared.with_default == 3)]
    #[transition(to = b, when = shared.sessions.len() == 0)]
    #[transition(to = b, when = shared.seq > 1)]
    #[transition(to = b, when = shared.fine < 5 && shared.sessions.len() > 0)]
    fn a(cx: &mut Cx) -> Event {
        ecs! { "message": "a" }
    }

    #[event]
    #[transition(to = a, when = always())]
    fn b(cx: &mut Cx) -> Event {
        ecs! { "message": "b" }
    }
}

fn main() {}
