//! One small generator per picking mode, for behaviour tests.

/// `all`: every event type per timestamp.
#[eventum_runtime::generator(name = "test-all", mode = all, ecs = "8.11.0")]
pub mod all {
    #[event(name = "first")]
    fn first(cx: &mut Cx) -> Event {
        ecs! { "message": "first" }
    }

    #[event(name = "second")]
    fn second(cx: &mut Cx) -> Event {
        ecs! { "message": "second" }
    }
}

/// `spin`: round-robin.
#[eventum_runtime::generator(name = "test-spin", mode = spin, ecs = "8.11.0")]
pub mod spin {
    #[event(name = "a", vars(n = 1))]
    #[event(name = "b", vars(n = 2))]
    #[event(name = "c", vars(n = 3))]
    fn step(cx: &mut Cx) -> Event {
        ecs! { "event.sequence": cx.vars.n }
    }
}

/// `chain`: the given sequence, one event type per timestamp.
#[eventum_runtime::generator(name = "test-chain", mode = chain, ecs = "8.11.0", chain = [open, use_it, use_it, close])]
pub mod chain {
    #[event(name = "open", vars(n = 1))]
    #[event(name = "use_it", vars(n = 2))]
    #[event(name = "close", vars(n = 3))]
    fn step(cx: &mut Cx) -> Event {
        ecs! { "event.sequence": cx.vars.n }
    }
}

/// `any`: uniform.
#[eventum_runtime::generator(name = "test-any", mode = any, ecs = "8.11.0")]
pub mod any {
    #[event(name = "x", vars(n = 1))]
    #[event(name = "y", vars(n = 2))]
    fn step(cx: &mut Cx) -> Event {
        ecs! { "event.sequence": cx.vars.n }
    }
}

/// `fsm`: login, then commands until three have run, then logout; a failed
/// login (one in four) goes back to login.
#[eventum_runtime::generator(name = "test-fsm", mode = fsm, ecs = "8.11.0")]
pub mod fsm {
    #[shared]
    pub struct Shared {
        /// Commands run in the open session.
        pub commands: Value<i64>,
        /// Whether the last login failed.
        pub failed: Value<bool>,
    }

    #[event(
        initial,
        category = "authentication",
        type = "start",
        kind = "event",
        action = "logged-in"
    )]
    #[transition(to = login, when = shared.failed == true)]
    #[transition(to = command, when = always())]
    fn login(cx: &mut Cx) -> Event {
        let failed = cx.rand.chance(0.25);
        cx.shared.failed.set(failed);
        cx.shared.commands.set(0);
        ecs! { "event.outcome": if failed { "failure" } else { "success" } }
    }

    #[event(
        category = "process",
        type = "start",
        kind = "event",
        action = "executed"
    )]
    #[transition(to = logout, when = shared.commands >= 3)]
    fn command(cx: &mut Cx) -> Event {
        let n = *cx.shared.commands.get_or(&0) + 1;
        cx.shared.commands.set(n);
        ecs! { "event.sequence": n }
    }

    #[event(
        category = "authentication",
        type = "end",
        kind = "event",
        action = "logged-out"
    )]
    #[transition(to = login, when = always())]
    fn logout(cx: &mut Cx) -> Event {
        ecs! { "event.outcome": "success" }
    }
}
