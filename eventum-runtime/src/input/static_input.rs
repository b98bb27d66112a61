//! The `static` input (spec §5.5): `count` timestamps, all equal to the
//! moment generation started.

use super::config::StaticConfig;
use super::{InputContext, TimestampSource, push_repeated};

/// `count` copies of the start time.
#[derive(Debug, Clone)]
pub struct StaticSource {
    at: i64,
    remaining: usize,
}

impl StaticSource {
    /// The source for `config` (already validated: `count > 0`).
    pub fn new(config: &StaticConfig, ctx: &InputContext) -> Self {
        Self {
            at: ctx.now,
            remaining: usize::try_from(config.count).unwrap_or(0),
        }
    }
}

impl TimestampSource for StaticSource {
    fn fill(&mut self, max: usize, out: &mut Vec<i64>) -> bool {
        let n = self.remaining.min(max);
        push_repeated(out, self.at, n);
        self.remaining -= n;
        self.remaining > 0
    }

    fn is_unbounded(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::test_util::{chunks, ctx};

    #[test]
    fn count_copies_of_now() {
        let mut s = StaticSource::new(
            &StaticConfig {
                count: 5,
                tags: vec![],
            },
            &ctx(77),
        );
        assert!(!s.is_unbounded());
        assert_eq!(
            chunks(&mut s, 2),
            vec![vec![77, 77], vec![77, 77], vec![77]]
        );
    }
}
