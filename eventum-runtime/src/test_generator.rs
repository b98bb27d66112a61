//! A tiny hand-written generator for the runtime's own tests (engine and
//! CLI): it numbers its events and fails on purpose.

use crate::generator::{
    EventBatch, GeneratorEntry, GeneratorSpec, Init, InitError, Mode, Produced, Tags,
};
use crate::time::Timestamp;

pub(crate) static SPEC: GeneratorSpec = GeneratorSpec {
    name: "test-numbered",
    title: "",
    description: "",
    mode: Mode::Chance,
    ecs_version: "8.11.0",
    field_files: &[],
    events: &[],
    chain: &[],
    params: &[],
    samples: &[],
    state: &[],
    export: None,
};

/// Numbers its events (`{"n": 1}`, ...); panics on every 10th; exhausts at
/// `stop_at` if set.
struct Numbered {
    n: u64,
    stop_at: Option<u64>,
}

impl crate::Generator for Numbered {
    fn produce(&mut self, _ts: Timestamp, _tags: &Tags, out: &mut EventBatch) -> Produced {
        self.n += 1;
        if self.stop_at == Some(self.n) {
            return Produced::Exhausted;
        }
        assert!(
            !self.n.is_multiple_of(10),
            "event {} fails on purpose",
            self.n
        );
        out.push(format!("{{\"n\": {}}}", self.n).as_bytes());
        Produced::Events
    }

    fn render(&mut self, _: &str, _: Timestamp, _: &Tags, _: &mut EventBatch) -> Option<Produced> {
        None
    }
}

/// A `Numbered` that never stops.
// The signature of `GeneratorEntry::create`.
#[allow(clippy::unnecessary_wraps)]
pub(crate) fn plain(_: &Init<'_>) -> Result<Box<dyn crate::Generator>, InitError> {
    Ok(Box::new(Numbered {
        n: 0,
        stop_at: None,
    }))
}

/// A `Numbered` that exhausts at its 25th timestamp.
// The signature of `GeneratorEntry::create`.
#[allow(clippy::unnecessary_wraps)]
pub(crate) fn stopping(_: &Init<'_>) -> Result<Box<dyn crate::Generator>, InitError> {
    Ok(Box::new(Numbered {
        n: 0,
        stop_at: Some(25),
    }))
}

/// `test-numbered` as a bundled generator: every 10th event fails.
pub(crate) static NUMBERED: GeneratorEntry = GeneratorEntry {
    spec: &SPEC,
    create: plain,
};
