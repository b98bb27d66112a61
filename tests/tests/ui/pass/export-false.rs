//! `export = false`: a native-only generator may use what has no Jinja
//! counterpart (each construct here is a compile error when exporting, see
//! `ui/fail/export/`), and has no Eventum pack.

use eventum_runtime::generator::{Init, ParamValues};
use eventum_runtime::{EventBatch, Produced, Timestamp};

#[eventum_runtime::generator(name = "test-native", export = false)]
pub mod native_only {
    fn ports() -> std::collections::BTreeSet<i64> {
        std::collections::BTreeSet::from([22, 80])
    }

    #[event(weight = 1)]
    fn probe(cx: &mut Cx) -> Event {
        let double = |x: i64| x * 2;
        let shifted: Vec<i64> = [22, 80].iter().map(|p| p + 1).collect();
        let mut n = cx.rand.number.integer(1, 9);
        while n < 100 {
            n *= 2;
        }
        let mut total = 0;
        for p in [22, 80, 443] {
            total += p;
        }
        let mut sizes = Vec::new();
        sizes.push(n);
        let half = sizes[0] / 2;
        let name = cx.faker.locale.en_US.user_name().to_ascii_uppercase();
        let span = std::ops::Range { start: 1, end: 10 };
        let kind = match (n % 2, total) {
            (0, 545) => "even",
            _ => "odd",
        };
        ecs! {
            "double": double(n),
            "shifted": shifted,
            "total": total,
            "half": half,
            "name": name,
            "span": [span.start, span.end],
            "ports": ports().len(),
            "kind": kind,
        }
    }
}

fn main() {
    assert!(native_only::SPEC.export.is_none());
    let params = ParamValues::new();
    let mut g = (native_only::GENERATOR.create)(&Init {
        params: &params,
        seed: 1,
        worker: 0,
    })
    .unwrap();
    let tags = eventum_runtime::__private::empty_tags();
    let mut out = EventBatch::new();
    assert_eq!(
        g.produce(Timestamp::from_utc_micros(0), &tags, &mut out),
        Produced::Events
    );
    let event = String::from_utf8(out.get(0).unwrap().to_vec()).unwrap();
    assert!(event.contains("\"total\":545"), "{event}");
    assert!(event.contains("\"kind\":\"even\""), "{event}");
}
