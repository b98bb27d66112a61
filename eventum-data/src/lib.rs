//! Eventum's sample-loading rules, shared by the `#[generator]` macro (which
//! reads sample files at compile time) and the runtime (which loads them at
//! start-up).
//!
//! Eventum loads samples with `tablib`; the rules here reproduce what it
//! produces for each sample type (`csv`, `json`, `items`) and the checks of
//! `Sample.weighted_pick`. Every value is a [`serde_json::Value`]: CSV cells
//! are strings, JSON cells keep their JSON types.
//!
//! Deviations from Eventum, all of them turning a silent surprise into an
//! error:
//! - JSON objects whose keys differ in name or order from the first object's
//!   are rejected (Eventum takes values by position and misaligns them);
//! - `items` whose first item is a mapping, or later items that are not lists
//!   when the first one is, are rejected (Eventum keeps a mapping's keys and
//!   splits a string into characters);
//! - a top-level JSON object, even `{}`, is rejected (Eventum accepts `{}` and
//!   `""` as empty samples);
//! - CSV delimiters and quote characters must be ASCII (the `csv` crate works
//!   on bytes; Python accepts any single character).

mod csv_sample;
mod error;
mod items_sample;
mod json_sample;
mod table;
mod weights;

pub use csv_sample::load_csv;
pub use error::DataError;
pub use items_sample::load_items;
pub use json_sample::load_json;
pub use table::Table;
pub use weights::{parse_python_float, python_float, weights};
