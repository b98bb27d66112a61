//! Names every generator module uses, imported automatically inside a
//! `#[generator]` module (explicit items of the module take precedence).

pub use crate::fragment::Fragment;
pub use crate::generator::{Dispatch, Event};
pub use crate::sample::Sample;
pub use crate::state::{Counter, Map, Pool, Value};
pub use crate::time::{TimeDelta, Timestamp};
pub use crate::{InlineStr, Str};
