//! Generators used by the integration tests, written with the macro.

pub mod constructs;
pub mod demo;
pub mod modes;
