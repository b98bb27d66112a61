//! One generator per picking mode, each run for a few timestamps.

use eventum_runtime::generator::{Init, ParamValues};
use eventum_runtime::{EventBatch, GeneratorEntry, Mode, Produced, Timestamp};

#[eventum_runtime::generator(name = "test-all", mode = all, ecs = "8.11.0")]
pub mod all_mode {
    #[event(kind = "event", category = "authentication", type = "start")]
    fn login(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp, "event.outcome": "success" }
    }

    #[event(kind = "event", category = "authentication", type = "end")]
    fn logout(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp, "event.outcome": "success" }
    }
}

#[eventum_runtime::generator(name = "test-any", mode = any, ecs = "8.11.0")]
pub mod any_mode {
    // A type is fine when one of the categories expects it.
    #[event(category = ["network", "session"], type = ["connection", "start"])]
    fn login(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp, "message": "login" }
    }

    #[event]
    fn logout(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp, "message": "logout" }
    }
}

#[eventum_runtime::generator(name = "test-chance", mode = chance, ecs = "8.11.0")]
pub mod chance_mode {
    #[event(weight = 9, name = "login_ok", vars(outcome = "success"))]
    #[event(weight = 1, name = "login_failed", vars(outcome = "failure"))]
    fn login(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp, "event.outcome": cx.vars.outcome }
    }
}

#[eventum_runtime::generator(name = "test-spin", mode = spin, ecs = "8.11.0")]
pub mod spin_mode {
    #[event]
    fn first(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp, "event.sequence": 1 }
    }

    #[event]
    fn second(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp, "event.sequence": 2 }
    }
}

#[eventum_runtime::generator(name = "test-chain", mode = chain, chain = [open, open, close], ecs = "8.11.0")]
pub mod chain_mode {
    #[event]
    fn open(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp, "event.action": "open" }
    }

    #[event]
    fn close(cx: &mut Cx) -> Event {
        ecs! { "@timestamp": cx.timestamp, "event.action": "close" }
    }
}

#[eventum_runtime::generator(name = "test-fsm", mode = fsm, ecs = "8.11.0")]
pub mod fsm_mode {
    #[shared]
    pub struct Shared {
        pub open_sessions: Value<i64>,
        pub last_user: Value<String>,
    }

    #[event(initial)]
    #[transition(to = logout, when = shared.open_sessions >= 2 && shared.last_user == "alice")]
    #[transition(to = login, when = always())]
    fn login(cx: &mut Cx) -> Event {
        let open = cx.shared.open_sessions.get().copied().unwrap_or(0) + 1;
        cx.shared.open_sessions.set(open);
        cx.shared.last_user.set("alice".to_owned());
        ecs! { "@timestamp": cx.timestamp, "event.action": "login" }
    }

    #[event]
    #[transition(to = login, when = !(shared.open_sessions > 0) || has_tags("reset"))]
    #[transition(to = logout, when = always())]
    fn logout(cx: &mut Cx) -> Event {
        let open = cx.shared.open_sessions.get().copied().unwrap_or(0) - 1;
        cx.shared.open_sessions.set(open);
        ecs! { "@timestamp": cx.timestamp, "event.action": "logout" }
    }
}

/// The JSON events `entry` produces for `n` timestamps.
fn run(entry: &GeneratorEntry, n: usize) -> Vec<String> {
    let params = ParamValues::new();
    let mut g = (entry.create)(&Init {
        params: &params,
        seed: 7,
        worker: 0,
    })
    .unwrap();
    let tags = eventum_runtime::__private::empty_tags();
    let mut out = EventBatch::new();
    for i in 0..n {
        let ts = Timestamp::from_utc_micros(1_767_268_800_000_000 + i as i64 * 1_000_000);
        assert_eq!(g.produce(ts, &tags, &mut out), Produced::Events);
    }
    out.iter()
        .map(|e| String::from_utf8(e.to_vec()).unwrap())
        .collect()
}

fn main() {
    assert_eq!(all_mode::SPEC.mode, Mode::All);
    assert_eq!(run(&all_mode::GENERATOR, 3).len(), 6);
    assert_eq!(any_mode::SPEC.mode, Mode::Any);
    assert_eq!(run(&any_mode::GENERATOR, 5).len(), 5);
    assert_eq!(chance_mode::SPEC.mode, Mode::Chance);
    assert_eq!(run(&chance_mode::GENERATOR, 5).len(), 5);
    let spin = run(&spin_mode::GENERATOR, 4);
    assert!(
        spin[0].contains("\"sequence\":1") && spin[1].contains("\"sequence\":2"),
        "{spin:?}"
    );
    let chain = run(&chain_mode::GENERATOR, 3);
    assert!(
        chain[0].contains("open") && chain[1].contains("open") && chain[2].contains("close"),
        "{chain:?}"
    );
    let fsm = run(&fsm_mode::GENERATOR, 4);
    assert!(
        fsm[0].contains("login") && fsm[1].contains("login") && fsm[2].contains("logout"),
        "{fsm:?}"
    );
}
