//! [`Fragment`]: object members built by a helper's `ecs!` and spread into
//! an event with `..helper(...)`.

/// Serialized JSON object members (`"a":1,"b":"x"`), without braces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fragment(Vec<u8>);

impl Fragment {
    /// Wraps member bytes written by generated code.
    pub fn from_vec(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }

    /// Whether there are no members.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The member bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}
