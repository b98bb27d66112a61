//! `eventum-runtime`: what compiled generators call, and the engine that runs
//! them with Eventum's pipeline semantics (inputs → batcher → events →
//! formatter → outputs).
//!
//! The template context is available natively under the names Eventum
//! templates use, so every call has an obvious Jinja twin: `cx.rand.number.integer(1, 6)`
//! is `module.rand.number.integer(1, 6)`, `cx.samples.hosts.pick()` is
//! `samples.hosts.pick()`, `cx.timestamp.isoformat()` is `timestamp.isoformat()`.

pub mod batcher;
pub mod generator;
pub mod inline_str;
pub mod input;
pub mod json;
pub mod picking;
pub mod rng;
pub mod time;

pub use generator::{
    Dispatch, Event, EventBatch, Generator, GeneratorEntry, GeneratorSpec, Mode, Produced, Tags,
};
pub use inline_str::InlineStr;
pub use rng::FastRng;
pub use time::{TimeDelta, Timestamp, Zone};
