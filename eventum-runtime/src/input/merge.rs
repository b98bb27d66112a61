//! Merging several sources into one stream ordered by `(timestamp, plugin
//! id)` (spec §5.9, Eventum's `InputPluginsMerger`).
//!
//! Each source is pulled in chunks of `max(10000, size / n)`. Every round the
//! cutoff is the smallest last timestamp among the current chunks; each chunk
//! gives up its timestamps ≤ cutoff, and the round's timestamps are sorted
//! stably by `(timestamp, id)`. A source that ends drops out and the others
//! go on. The merged stream is then cut into chunks of exactly `size` (the
//! last may be partial).
//!
//! One detail of Eventum's slicing is kept: a chunk that *starts* at the
//! cutoff (and goes beyond it) gives nothing that round, so its timestamps
//! equal to the cutoff come out in the next round, after the other sources'
//! equal timestamps. Ties are therefore ordered by plugin id except across
//! such a chunk boundary.
//!
//! With a single source, the merger passes its chunks (of `size`) through
//! unchanged, like Eventum's adapter.
//!
//! Interactive sources that have nothing ready are skipped for the round;
//! when only such sources are left to pull, the merger sleeps on a
//! [`Wakeup`] until one of them signals.

use super::{TimestampSource, Wakeup};
use std::collections::VecDeque;
use std::fmt;

/// Timestamps of several sources, merged and tagged with their plugin ids.
/// An iterator over chunks of `(timestamp, plugin id)`.
pub struct Merger {
    slots: Vec<Slot>,
    size: usize,
    consume: usize,
    /// Slots to pull before the next round (Eventum's `next_required_guids`).
    required: Vec<usize>,
    out: VecDeque<(i64, u16)>,
    finished: bool,
    wakeup: Wakeup,
}

struct Slot {
    id: u16,
    source: Box<dyn TimestampSource>,
    interactive: bool,
    /// The source may still produce timestamps.
    active: bool,
    /// The current chunk and how much of it was taken.
    chunk: Vec<i64>,
    taken: usize,
}

impl Slot {
    fn rest(&self) -> &[i64] {
        &self.chunk[self.taken..]
    }
}

impl fmt::Debug for Merger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Merger")
            .field("ids", &self.slots.iter().map(|s| s.id).collect::<Vec<_>>())
            .field("size", &self.size)
            .field("consume", &self.consume)
            .finish_non_exhaustive()
    }
}

impl Merger {
    /// Merges `sources` (each with its plugin id), yielding chunks of `size`.
    pub fn new(sources: Vec<(u16, Box<dyn TimestampSource>)>, size: usize) -> Self {
        let size = size.max(1);
        let consume = if sources.len() > 1 {
            (size / sources.len()).max(10_000)
        } else {
            size
        };
        Self::with_chunk_sizes(sources, size, consume)
    }

    /// As [`Merger::new`], pulling each source in chunks of `consume`.
    pub(crate) fn with_chunk_sizes(
        sources: Vec<(u16, Box<dyn TimestampSource>)>,
        size: usize,
        consume: usize,
    ) -> Self {
        let wakeup = Wakeup::default();
        let slots: Vec<Slot> = sources
            .into_iter()
            .map(|(id, mut source)| {
                let interactive = source.is_interactive();
                if interactive {
                    source.set_wakeup(wakeup.clone());
                }
                Slot {
                    id,
                    source,
                    interactive,
                    active: true,
                    chunk: Vec::new(),
                    taken: 0,
                }
            })
            .collect();
        Self {
            required: (0..slots.len()).collect(),
            slots,
            size: size.max(1),
            consume: consume.max(1),
            out: VecDeque::new(),
            finished: false,
            wakeup,
        }
    }

    /// Whether some source never ends by itself.
    pub fn is_unbounded(&self) -> bool {
        self.slots.iter().any(|s| s.source.is_unbounded())
    }

    /// Pass-through for a single source.
    fn next_single(&mut self) -> Option<Vec<(i64, u16)>> {
        let slot = self.slots.first_mut()?;
        while slot.active {
            slot.chunk.clear();
            slot.active = slot.source.fill(self.size, &mut slot.chunk);
            if !slot.chunk.is_empty() {
                let id = slot.id;
                return Some(slot.chunk.iter().map(|&t| (t, id)).collect());
            }
        }
        None
    }

    /// Pulls the required sources (skipping, or waiting for, interactive
    /// sources with nothing ready).
    fn pull_required(&mut self) {
        let required = std::mem::take(&mut self.required);
        let seen = self.wakeup.generation();
        let mut postponed = Vec::new();
        let mut idle = 0;
        for &i in &required {
            let slot = &mut self.slots[i];
            if slot.interactive && !slot.source.poll_ready() {
                postponed.push(i);
                idle += 1;
                continue;
            }
            slot.chunk.clear();
            slot.taken = 0;
            slot.active = slot.source.fill(self.consume, &mut slot.chunk);
            if slot.chunk.is_empty() && slot.active {
                // Nothing this time but not finished: ask again next round.
                postponed.push(i);
            }
        }
        // Sleep only when every source to pull is interactive and idle.
        if idle > 0 && idle == required.len() {
            self.wakeup.wait_past(seen);
        }
        self.required = postponed;
    }

    /// One round of Eventum's `_slice`: everything up to the cutoff, sorted
    /// by `(timestamp, id)`; `None` once every source is done.
    fn next_round(&mut self) -> Option<Vec<(i64, u16)>> {
        loop {
            if !self.required.is_empty() {
                self.pull_required();
            }
            let cutoff = self
                .slots
                .iter()
                .filter_map(|s| s.rest().last().copied())
                .min();
            let Some(cutoff) = cutoff else {
                if self.slots.iter().any(|s| s.active) {
                    continue;
                }
                return None;
            };
            let mut round = Vec::new();
            for (i, slot) in self.slots.iter_mut().enumerate() {
                let rest = slot.rest();
                let (Some(&first), Some(&last)) = (rest.first(), rest.last()) else {
                    continue;
                };
                let take = if last <= cutoff {
                    rest.len()
                } else if first < cutoff {
                    rest.partition_point(|&t| t <= cutoff)
                } else {
                    0
                };
                let id = slot.id;
                round.extend(rest[..take].iter().map(|&t| (t, id)));
                slot.taken += take;
                if slot.rest().is_empty() && slot.active {
                    self.required.push(i);
                }
            }
            round.sort_by_key(|&(t, id)| (t, id));
            return Some(round);
        }
    }
}

impl Iterator for Merger {
    type Item = Vec<(i64, u16)>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.slots.len() == 1 {
            return self.next_single();
        }
        loop {
            if self.out.len() >= self.size {
                return Some(self.out.drain(..self.size).collect());
            }
            if self.finished {
                return (!self.out.is_empty()).then(|| self.out.drain(..).collect());
            }
            match self.next_round() {
                Some(round) => self.out.extend(round),
                None => self.finished = true,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    /// A source over fixed chunks.
    struct Chunks(VecDeque<Vec<i64>>);

    impl TimestampSource for Chunks {
        fn fill(&mut self, _max: usize, out: &mut Vec<i64>) -> bool {
            if let Some(c) = self.0.pop_front() {
                out.extend(c);
            }
            !self.0.is_empty()
        }
        fn is_unbounded(&self) -> bool {
            false
        }
    }

    /// A source of a list, in chunks of `max`.
    struct List(Vec<i64>, usize);

    impl TimestampSource for List {
        fn fill(&mut self, max: usize, out: &mut Vec<i64>) -> bool {
            let end = self.0.len().min(self.1 + max);
            out.extend_from_slice(&self.0[self.1..end]);
            self.1 = end;
            end < self.0.len()
        }
        fn is_unbounded(&self) -> bool {
            false
        }
    }

    fn list(v: &[i64]) -> Box<dyn TimestampSource> {
        Box::new(List(v.to_vec(), 0))
    }

    #[test]
    fn merges_in_order_with_ties_by_id() {
        let m = Merger::new(
            vec![
                (1, list(&[1, 3, 3, 5])),
                (2, list(&[0, 3, 4])),
                (3, list(&[3])),
            ],
            4,
        );
        let chunks: Vec<Vec<(i64, u16)>> = m.collect();
        assert_eq!(
            chunks,
            vec![
                vec![(0, 2), (1, 1), (3, 1), (3, 1)],
                vec![(3, 2), (3, 3), (4, 2), (5, 1)],
            ]
        );
    }

    #[test]
    fn finished_sources_drop_out() {
        let m = Merger::with_chunk_sizes(
            vec![(1, list(&[1, 2])), (2, list(&[1, 5, 6, 7, 8, 9]))],
            3,
            2,
        );
        let all: Vec<(i64, u16)> = m.flatten().collect();
        assert_eq!(
            all,
            vec![
                (1, 1),
                (1, 2),
                (2, 1),
                (5, 2),
                (6, 2),
                (7, 2),
                (8, 2),
                (9, 2)
            ]
        );
    }

    #[test]
    fn eventum_chunk_boundary_detail() {
        // Plugin 1's chunk starts at the cutoff 5, so its 5 follows plugin 2's.
        let m = Merger::with_chunk_sizes(
            vec![
                (1, Box::new(Chunks(VecDeque::from([vec![5, 6]])))),
                (
                    2,
                    Box::new(Chunks(VecDeque::from([vec![3, 4, 5], vec![7, 8]]))),
                ),
            ],
            100,
            3,
        );
        let all: Vec<(i64, u16)> = m.flatten().collect();
        assert_eq!(
            all,
            vec![(3, 2), (4, 2), (5, 2), (5, 1), (6, 1), (7, 2), (8, 2)]
        );
    }

    #[test]
    fn single_source_passes_chunks_through() {
        let m = Merger::new(vec![(7, list(&[1, 2, 3, 4, 5]))], 2);
        let chunks: Vec<Vec<(i64, u16)>> = m.collect();
        assert_eq!(
            chunks,
            vec![vec![(1, 7), (2, 7)], vec![(3, 7), (4, 7)], vec![(5, 7)]]
        );
        assert_eq!(Merger::new(vec![], 5).next(), None);
    }

    #[test]
    fn exact_output_chunks() {
        let a: Vec<i64> = (0..25).map(|x| x * 2).collect();
        let b: Vec<i64> = (0..25).map(|x| x * 2 + 1).collect();
        let m = Merger::with_chunk_sizes(vec![(1, list(&a)), (2, list(&b))], 7, 4);
        let chunks: Vec<Vec<(i64, u16)>> = m.collect();
        let sizes: Vec<usize> = chunks.iter().map(Vec::len).collect();
        assert_eq!(sizes, [7, 7, 7, 7, 7, 7, 7, 1]);
        let ts: Vec<i64> = chunks.concat().iter().map(|p| p.0).collect();
        assert_eq!(ts, (0..50).collect::<Vec<_>>());
    }

    /// An interactive source fed through a channel.
    struct Feed {
        rx: mpsc::Receiver<Vec<i64>>,
        ready: Option<Vec<i64>>,
        done: bool,
    }

    impl TimestampSource for Feed {
        fn fill(&mut self, _max: usize, out: &mut Vec<i64>) -> bool {
            let next = self.ready.take().or_else(|| self.rx.recv().ok());
            match next {
                Some(v) => {
                    out.extend(v);
                    true
                }
                None => false,
            }
        }
        fn is_unbounded(&self) -> bool {
            true
        }
        fn is_interactive(&self) -> bool {
            true
        }
        fn poll_ready(&mut self) -> bool {
            if self.ready.is_some() || self.done {
                return true;
            }
            match self.rx.try_recv() {
                Ok(v) => {
                    self.ready = Some(v);
                    true
                }
                Err(mpsc::TryRecvError::Empty) => false,
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.done = true;
                    true
                }
            }
        }
    }

    #[test]
    fn waits_for_interactive_sources() {
        let (tx1, rx1) = mpsc::channel();
        let (tx2, rx2) = mpsc::channel::<Vec<i64>>();
        let feed = |rx| -> Box<dyn TimestampSource> {
            Box::new(Feed {
                rx,
                ready: None,
                done: false,
            })
        };
        let mut m = Merger::new(vec![(1, feed(rx1)), (2, feed(rx2))], 100);
        let wakeup = m.wakeup.clone();
        let sender = std::thread::spawn(move || {
            tx1.send(vec![10, 11]).unwrap();
            wakeup.notify();
            drop(tx2);
            wakeup.notify();
            tx1.send(vec![12]).unwrap();
            drop(tx1);
            wakeup.notify();
        });
        let all: Vec<(i64, u16)> = m.by_ref().flatten().collect();
        sender.join().unwrap();
        assert_eq!(all, vec![(10, 1), (11, 1), (12, 1)]);
    }
}
