//! Each picking mode, driven through the compiled generators.

use eventum_runtime::generator::{GeneratorEntry, Init, ParamValues};
use eventum_runtime::{EventBatch, Produced, Timestamp};
use eventum_tests::modes;

/// Event-type names picked over `n` timestamps, and the events.
fn walk(
    entry: &GeneratorEntry,
    n: usize,
    seed: u64,
) -> (Vec<&'static str>, Vec<serde_json::Value>) {
    let params = ParamValues::new();
    let mut g = (entry.create)(&Init {
        params: &params,
        seed,
        worker: 0,
    })
    .unwrap();
    let tags = eventum_runtime::__private::empty_tags();
    let mut names = Vec::new();
    let mut out = EventBatch::new();
    for i in 0..n {
        let ts = Timestamp::from_utc_micros(1_767_225_600_000_000 + i as i64 * 1_000_000);
        assert_eq!(g.produce(ts, &tags, &mut out), Produced::Events);
        names.extend(g.last_picked().iter().map(|&k| entry.spec.events[k].name));
    }
    let events = out
        .iter()
        .map(|e| serde_json::from_slice(e).unwrap())
        .collect();
    (names, events)
}

#[test]
fn all_renders_every_type_in_order() {
    let (names, events) = walk(&modes::all::GENERATOR, 3, 1);
    assert_eq!(
        names,
        ["first", "second", "first", "second", "first", "second"]
    );
    assert_eq!(events[1]["message"], "second");
}

#[test]
fn spin_cycles_in_declaration_order() {
    let (names, events) = walk(&modes::spin::GENERATOR, 7, 1);
    assert_eq!(names, ["a", "b", "c", "a", "b", "c", "a"]);
    let seq: Vec<i64> = events
        .iter()
        .map(|e| e["event"]["sequence"].as_i64().unwrap())
        .collect();
    assert_eq!(seq, [1, 2, 3, 1, 2, 3, 1]);
}

#[test]
fn chain_follows_the_list() {
    let (names, _) = walk(&modes::chain::GENERATOR, 9, 1);
    assert_eq!(
        names,
        [
            "open", "use_it", "use_it", "close", "open", "use_it", "use_it", "close", "open"
        ]
    );
}

#[test]
fn any_is_uniform() {
    let (names, _) = walk(&modes::any::GENERATOR, 10_000, 3);
    let x = names.iter().filter(|n| **n == "x").count();
    assert!((4_700..5_300).contains(&x), "{x}");
}

#[test]
fn fsm_walks_sessions() {
    let (names, events) = walk(&modes::fsm::GENERATOR, 5_000, 9);
    assert_eq!(names[0], "login");
    let mut failed_logins = 0u32;
    let mut logins = 0u32;
    for (i, pair) in names.windows(2).enumerate() {
        let (now, next) = (pair[0], pair[1]);
        match now {
            "login" => {
                logins += 1;
                let failed = events[i]["event"]["outcome"] == "failure";
                failed_logins += u32::from(failed);
                assert_eq!(next, if failed { "login" } else { "command" }, "at {i}");
            }
            "command" => {
                let n = events[i]["event"]["sequence"].as_i64().unwrap();
                assert_eq!(next, if n >= 3 { "logout" } else { "command" }, "at {i}");
            }
            _ => assert_eq!(next, "login"),
        }
    }
    let rate = f64::from(failed_logins) / f64::from(logins);
    assert!((0.2..0.3).contains(&rate), "{rate}");
}

#[test]
fn fsm_spec_describes_transitions_in_eventum_terms() {
    let spec = &modes::fsm::SPEC;
    let login = spec.event("login").unwrap();
    assert!(login.initial);
    assert_eq!(
        login.transitions[0].when_eventum,
        "{eq: {shared.failed: true}}"
    );
    assert_eq!(login.transitions[1].when_eventum, "{always: null}");
    assert_eq!(
        spec.event("command").unwrap().transitions[0].when_eventum,
        "{ge: {shared.commands: 3}}"
    );
}
