//! Generators used by the integration tests, written with the macro.

pub mod demo;
pub mod constructs;
