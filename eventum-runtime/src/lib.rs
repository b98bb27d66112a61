//! `eventum-runtime`: what compiled generators call, and the engine that runs
//! them with Eventum's pipeline semantics (inputs → batcher → events →
//! formatter → outputs).
//!
//! The template context is available natively under the names Eventum
//! templates use, so every call has an obvious Jinja twin: `cx.rand.number.integer(1, 6)`
//! is `module.rand.number.integer(1, 6)`, `cx.samples.hosts.pick()` is
//! `samples.hosts.pick()`, `cx.timestamp.isoformat()` is `timestamp.isoformat()`.

pub mod batcher;
pub mod cli;
pub mod config;
#[doc(hidden)]
pub mod ecs_check;
pub mod engine;
pub mod faker;
#[doc(hidden)]
pub mod fast_format;
pub mod format;
mod fragment;
pub mod fsm;
pub mod generator;
pub mod inline_str;
pub mod input;
pub mod json;
pub mod output;
pub mod pack;
pub mod params;
pub mod picking;
pub mod prelude;
pub mod py;
pub mod random;
pub mod rng;
pub mod sample;
pub mod state;
pub mod time;

#[cfg(test)]
mod test_generator;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

/// Text columns of embedded samples: the file's text, compiled into the binary.
pub type Str = &'static str;

pub use eventum_derive::generator;

pub use faker::Faker;
pub use generator::{
    Dispatch, Event, EventBatch, Generator, GeneratorEntry, GeneratorSpec, Mode, Produced, Tags,
};
pub use inline_str::InlineStr;
pub use random::Rand;
pub use rng::FastRng;
pub use time::{TimeDelta, Timestamp, Zone};
