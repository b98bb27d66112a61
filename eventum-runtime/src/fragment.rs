//! [`Fragment`]: object members built by a helper's `ecs!` and spread into
//! an event with `..helper(...)`.
//!
//! Helpers run for every event, so their buffers are recycled: a dropped
//! fragment gives its buffer back to a small per-thread pool, and the next
//! helper call takes it with its capacity (no allocation, no regrowth).

use std::cell::RefCell;

/// Serialized JSON object members (`"a":1,"b":"x"`), without braces.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Fragment(Vec<u8>);

/// Buffers kept per thread (helpers nest a few levels deep, and an event
/// holds a handful of fragments at once).
const POOL_BUFFERS: usize = 32;

/// Buffers that grew beyond this are freed rather than kept.
const POOL_MAX_CAPACITY: usize = 1 << 16;

thread_local! {
    static POOL: RefCell<Vec<Vec<u8>>> = const { RefCell::new(Vec::new()) };
}

impl Fragment {
    /// Wraps member bytes written by generated code.
    pub fn from_vec(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }

    /// An empty buffer for generated code to write members into, taken
    /// from the thread's pool when one is free.
    #[inline]
    pub fn buffer() -> Vec<u8> {
        POOL.try_with(|p| p.borrow_mut().pop())
            .ok()
            .flatten()
            .unwrap_or_default()
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

impl Clone for Fragment {
    fn clone(&self) -> Self {
        let mut bytes = Self::buffer();
        bytes.extend_from_slice(&self.0);
        Self(bytes)
    }
}

impl Drop for Fragment {
    fn drop(&mut self) {
        let mut bytes = std::mem::take(&mut self.0);
        if bytes.capacity() == 0 || bytes.capacity() > POOL_MAX_CAPACITY {
            return;
        }
        bytes.clear();
        // During thread teardown the pool may be gone: the buffer is freed.
        let _ = POOL.try_with(|p| {
            let mut pool = p.borrow_mut();
            if pool.len() < POOL_BUFFERS {
                pool.push(bytes);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffers_are_recycled_with_their_capacity() {
        let mut bytes = Fragment::buffer();
        bytes.extend_from_slice(&[b'x'; 1000]);
        let f = Fragment::from_vec(bytes);
        assert_eq!(f.as_bytes().len(), 1000);
        let copy = f.clone();
        assert_eq!(copy, f);
        drop(f);
        drop(copy);
        let again = Fragment::buffer();
        assert!(again.is_empty());
        assert!(again.capacity() >= 1000);
        assert!(Fragment::default().is_empty());
    }
}
