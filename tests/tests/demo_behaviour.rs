//! Behaviour of a generator written with the macro.

use eventum_runtime::generator::{Init, ParamValues};
use eventum_runtime::{EventBatch, Produced, Timestamp};
use eventum_tests::demo::demo;

fn events(seed: u64, n: usize, params: &ParamValues) -> Vec<serde_json::Value> {
    let mut g = (demo::GENERATOR.create)(&Init {
        params,
        seed,
        worker: 0,
    })
    .unwrap();
    let tags = eventum_runtime::__private::empty_tags();
    let mut out = EventBatch::new();
    for i in 0..n {
        let ts = Timestamp::from_utc_micros(1_767_268_800_000_000 + i as i64 * 200_000);
        assert_eq!(g.produce(ts, &tags, &mut out), Produced::Events);
    }
    out.iter()
        .map(|e| {
            serde_json::from_slice(e)
                .unwrap_or_else(|err| panic!("{err}: {}", String::from_utf8_lossy(e)))
        })
        .collect()
}

#[test]
fn produces_valid_ecs_json() {
    let evs = events(1, 2000, &ParamValues::new());
    assert_eq!(evs.len(), 2000);
    println!("{}", serde_json::to_string_pretty(&evs[0]).unwrap());
    println!("{}", serde_json::to_string_pretty(&evs[1]).unwrap());
    let logins = evs
        .iter()
        .filter(|e| e["event"]["action"] == "logged-in")
        .count();
    assert!((900..1100).contains(&logins), "{logins}");
}

#[test]
fn print_export() {
    let e = demo::SPEC.export.unwrap();
    for t in e.templates {
        println!("==== {}\n{}", t.file, t.text);
    }
    println!("==== base\n{}", e.base);
    for a in e.aliases {
        println!("alias {} {:?}", a.template, a.vars);
    }
}
