// Parameters of every numeric type take literal defaults and bounds of
// their own type (`3` on a `u32`, `1.5` on an `f32`, `0` on an `f64`), and
// bounds are checked when a value is set.
#[eventum_runtime::generator(name = "test-param-types")]
pub mod gen_x {
    #[params]
    pub struct Params {
        #[param(default = 3, min = 1, max = 200)]
        pub small: u8,
        #[param(default = 3, min = 0)]
        pub hosts: u32,
        #[param(default = 1.5, min = 0, max = 2.5)]
        pub ratio: f32,
        #[param(default = 4, max = 100)]
        pub rate: f64,
        #[param(default = -2, min = -10)]
        pub offset: i16,
    }

    #[event(weight = 1)]
    fn hello(cx: &mut Cx) -> Event {
        ecs! {
            "@timestamp": cx.timestamp,
            "labels": {
                "small": i64::from(cx.params.small),
                "hosts": i64::from(cx.params.hosts),
                "ratio": f64::from(cx.params.ratio),
                "rate": cx.params.rate,
                "offset": i64::from(cx.params.offset),
            },
        }
    }
}

fn main() {
    use eventum_runtime::generator::{Init, ParamValues};
    use eventum_runtime::{EventBatch, Timestamp};

    let entry = &gen_x::GENERATOR;
    let bounds: Vec<(&str, Option<&str>, Option<&str>)> =
        entry.spec.params.iter().map(|p| (p.name, p.min, p.max)).collect();
    assert_eq!(
        bounds,
        [
            ("small", Some("1"), Some("200")),
            ("hosts", Some("0"), None),
            ("ratio", Some("0"), Some("2.5")),
            ("rate", None, Some("100")),
            ("offset", Some("-10"), None),
        ]
    );
    let start = |params: &ParamValues| {
        (entry.create)(&Init {
            params,
            seed: 1,
            worker: 0,
        })
    };

    // Defaults, then values on the bounds.
    for (set, labels) in [
        (
            vec![],
            serde_json::json!({"small": 3, "hosts": 3, "ratio": 1.5, "rate": 4.0, "offset": -2}),
        ),
        (
            vec![("small", serde_json::json!(200)), ("ratio", serde_json::json!("2.5"))],
            serde_json::json!({"small": 200, "hosts": 3, "ratio": 2.5, "rate": 4.0, "offset": -2}),
        ),
    ] {
        let params: ParamValues = set.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        let mut g = start(&params).unwrap();
        let mut out = EventBatch::new();
        g.produce(
            Timestamp::from_utc_micros(0),
            &eventum_runtime::__private::empty_tags(),
            &mut out,
        );
        let event: serde_json::Value = serde_json::from_slice(out.iter().next().unwrap()).unwrap();
        assert_eq!(event["labels"], labels);
    }

    // Out of bounds: the error names the parameter and the bounds.
    for (name, value, message) in [
        ("small", serde_json::json!(0), "parameter `small`: must be between 1 and 200, got 0"),
        ("ratio", serde_json::json!(2.6), "parameter `ratio`: must be between 0 and 2.5, got 2.6"),
        ("rate", serde_json::json!(100.5), "parameter `rate`: must be at most 100, got 100.5"),
        ("offset", serde_json::json!(-11), "parameter `offset`: must be at least -10, got -11"),
    ] {
        let params: ParamValues = [(name.to_owned(), value)].into_iter().collect();
        let Err(err) = start(&params) else {
            panic!("{name} out of bounds was accepted")
        };
        assert_eq!(err.0, message);
    }
}
