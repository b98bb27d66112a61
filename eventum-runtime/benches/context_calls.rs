//! Per-call cost of the template-context calls generators make on every
//! event: `rand.number.integer`, `rand.weighted_choice`, sample `pick` and
//! `weighted_pick`, `rand.crypto.uuid4`, `rand.network.ip_v4_public` and
//! `timestamp.isoformat` (as a `String`, and written into a reused buffer
//! the way `ecs!` writes it).
//!
//! `cargo bench -p eventum-runtime --bench context_calls`

use criterion::{Criterion, criterion_group, criterion_main};
use eventum_runtime::fsm::Observed;
use eventum_runtime::sample::{CellRef, Row, Sample};
use eventum_runtime::{FastRng, Rand, Timestamp};
use std::hint::black_box;

/// A sample row as the macro generates them: typed columns, one of them
/// the weight.
#[derive(Debug, Clone, Copy)]
struct Host {
    name: &'static str,
    weight: f64,
}

impl Row for Host {
    const COLUMNS: &'static [&'static str] = &["name", "weight"];

    fn from_cells(_: &[serde_json::Value]) -> Result<Self, String> {
        Err("the bench's rows are static".to_owned())
    }

    fn column(&self, name: &str) -> Option<CellRef<'_>> {
        match name {
            "name" => Some(Observed::Str(self.name)),
            "weight" => Some(Observed::Float(self.weight)),
            _ => None,
        }
    }
}

/// 24 hosts with skewed weights (the size of linux-auditd's host sample).
static HOSTS: [Host; 24] = {
    const NAMES: [&str; 24] = [
        "web-01",
        "web-02",
        "web-03",
        "web-04",
        "db-01",
        "db-02",
        "db-03",
        "db-04",
        "app-01",
        "app-02",
        "app-03",
        "app-04",
        "ci-01",
        "ci-02",
        "ci-03",
        "ci-04",
        "bastion-01",
        "bastion-02",
        "bastion-03",
        "bastion-04",
        "k8s-01",
        "k8s-02",
        "k8s-03",
        "k8s-04",
    ];
    let mut rows = [Host {
        name: "",
        weight: 0.0,
    }; 24];
    let mut i = 0;
    while i < 24 {
        rows[i] = Host {
            name: NAMES[i],
            weight: (1 + (i % 6) * 3) as f64,
        };
        i += 1;
    }
    rows
};

fn context_calls(c: &mut Criterion) {
    let rand = Rand::new(&FastRng::from_seed(1));
    let hosts = Sample::from_static("hosts", &HOSTS, Some("weight"), FastRng::from_seed(2));
    // The weights are folded on first use; keep that out of the loop.
    black_box(hosts.weighted_pick());

    let mut g = c.benchmark_group("context");
    g.bench_function("rand.number.integer", |b| {
        b.iter(|| rand.number.integer(black_box(1), black_box(65_535)));
    });
    g.bench_function("rand.weighted_choice (5 items)", |b| {
        b.iter(|| {
            rand.weighted_choice(
                black_box([0i64, 1, 2, 126, 127]),
                black_box([90i64, 4, 3, 1, 2]),
            )
        });
    });
    g.bench_function("rand.chance", |b| b.iter(|| rand.chance(black_box(0.04))));
    g.bench_function("samples.hosts.pick", |b| b.iter(|| hosts.pick().name));
    g.bench_function("samples.hosts.weighted_pick", |b| {
        b.iter(|| hosts.weighted_pick().name);
    });
    g.bench_function("rand.crypto.uuid4", |b| b.iter(|| rand.crypto.uuid4()));
    g.bench_function("rand.network.ip_v4_public", |b| {
        b.iter(|| rand.network.ip_v4_public());
    });
    let ts = Timestamp::from_utc_micros(1_767_225_600_123_456);
    g.bench_function("timestamp.isoformat (String)", |b| {
        b.iter(|| black_box(ts).isoformat());
    });
    let mut buf = Vec::with_capacity(64);
    g.bench_function("timestamp.isoformat (into the event buffer)", |b| {
        b.iter(|| {
            buf.clear();
            black_box(ts).write_isoformat(&mut buf);
            buf.len()
        });
    });
    g.finish();
}

criterion_group!(benches, context_calls);
criterion_main!(benches);
