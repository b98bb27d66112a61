//! Names of the attributes and keys the macro understands, in one place.

/// The helper attributes on items inside a generator module.
pub(crate) const PARAMS: &str = "params";
pub(crate) const PARAM: &str = "param";
pub(crate) const SAMPLE: &str = "sample";
pub(crate) const SHARED: &str = "shared";
pub(crate) const LOCALS: &str = "locals";
pub(crate) const GLOBALS: &str = "globals";
pub(crate) const STATE: &str = "state";
pub(crate) const EVENT: &str = "event";
pub(crate) const TRANSITION: &str = "transition";

/// Every helper attribute, stripped from whatever the macro re-emits.
pub(crate) const HELPER_ATTRS: &[&str] = &[
    PARAMS, PARAM, SAMPLE, SHARED, LOCALS, GLOBALS, STATE, EVENT, TRANSITION,
];

/// Keys of `#[generator(...)]`.
pub(crate) const GENERATOR_KEYS: &[&str] = &[
    "name",
    "title",
    "description",
    "mode",
    "ecs",
    "fields",
    "crate",
    "chain",
    "export",
];

/// Keys of `#[event(...)]`.
pub(crate) const EVENT_KEYS: &[&str] = &[
    "weight", "name", "category", "type", "kind", "action", "initial", "vars",
];

/// Keys of `#[sample(...)]`.
pub(crate) const SAMPLE_KEYS: &[&str] = &[
    "csv",
    "json",
    "items",
    "name",
    "header",
    "delimiter",
    "quotechar",
    "weight",
];

/// Keys of `#[param(...)]`.
pub(crate) const PARAM_KEYS: &[&str] = &["default", "min", "max"];

/// Keys of `#[state(...)]`.
pub(crate) const STATE_KEYS: &[&str] = &["cap", "start", "wrap", "default"];

/// Keys of `#[transition(...)]`.
pub(crate) const TRANSITION_KEYS: &[&str] = &["to", "when"];

/// Picking modes.
pub(crate) const MODES: &[&str] = &["all", "any", "chance", "spin", "chain", "fsm"];
