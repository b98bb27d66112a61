//! Eventum's picking modes (`all`, `any`, `chance`, `spin`, `chain`, `fsm`)
//! and the per-timestamp driver that applies the dispatch rules
//! (`drop`, `next` with `max_repicks`, `exhaust`) exactly as Eventum does.

use crate::generator::{EventBatch, Mode, Outcome, Produced};
use crate::rng::FastRng;
use std::borrow::Cow;

/// Walker's alias table (Vose's construction): an O(1) weighted pick.
/// The macro builds it at compile time and emits it as two static arrays.
#[derive(Debug, Clone)]
pub struct AliasTable {
    prob: Cow<'static, [f64]>,
    alias: Cow<'static, [u32]>,
}

impl AliasTable {
    /// A table from arrays built ahead of time (by the macro).
    pub const fn from_static(prob: &'static [f64], alias: &'static [u32]) -> Self {
        Self {
            prob: Cow::Borrowed(prob),
            alias: Cow::Borrowed(alias),
        }
    }

    /// Builds the table for `weights` (non-negative, not all zero).
    pub fn new(weights: &[f64]) -> Option<Self> {
        let (prob, alias) = build_alias(weights)?;
        Some(Self {
            prob: Cow::Owned(prob),
            alias: Cow::Owned(alias),
        })
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.prob.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.prob.is_empty()
    }

    /// Picks an index with probability proportional to its weight.
    #[inline]
    pub fn pick(&self, rng: &FastRng) -> usize {
        let i = rng.index(self.prob.len());
        if rng.next_f64() < self.prob[i] {
            i
        } else {
            self.alias[i] as usize
        }
    }
}

/// Vose's alias method: `(prob, alias)` arrays, or `None` for bad weights.
pub fn build_alias(weights: &[f64]) -> Option<(Vec<f64>, Vec<u32>)> {
    let n = weights.len();
    let total: f64 = weights.iter().sum();
    if n == 0
        || total.is_nan()
        || total <= 0.0
        || weights
            .iter()
            .any(|w| w.is_nan() || *w < 0.0 || !w.is_finite())
    {
        return None;
    }
    let mut scaled: Vec<f64> = weights.iter().map(|w| w * n as f64 / total).collect();
    let mut prob = vec![1.0; n];
    let mut alias: Vec<u32> = (0..n as u32).collect();
    let (mut small, mut large): (Vec<usize>, Vec<usize>) = (0..n).partition(|&i| scaled[i] < 1.0);
    while let (Some(s), Some(&l)) = (small.pop(), large.last()) {
        prob[s] = scaled[s];
        alias[s] = l as u32;
        scaled[l] = scaled[l] + scaled[s] - 1.0;
        if scaled[l] < 1.0 {
            large.pop();
            small.push(l);
        }
    }
    // Whatever is left is 1 up to rounding.
    for i in large.into_iter().chain(small) {
        prob[i] = 1.0;
    }
    Some((prob, alias))
}

/// A cumulative-weights table: one draw and a binary search, as Python's
/// `random.choices(..., weights=...)` does. Used for weights known only at
/// run time.
#[derive(Debug, Clone)]
pub struct CumulativeTable {
    cumulative: Vec<f64>,
}

impl CumulativeTable {
    /// A table for `weights` (non-negative, finite, not all zero).
    pub fn new<I: IntoIterator<Item = f64>>(weights: I) -> Option<Self> {
        let mut acc = 0.0;
        let mut cumulative = Vec::new();
        for w in weights {
            if w.is_nan() || w < 0.0 || !w.is_finite() {
                return None;
            }
            acc += w;
            cumulative.push(acc);
        }
        if cumulative.is_empty() || acc <= 0.0 {
            return None;
        }
        Some(Self { cumulative })
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.cumulative.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.cumulative.is_empty()
    }

    /// Picks an index with probability proportional to its weight.
    #[inline]
    pub fn pick(&self, rng: &FastRng) -> usize {
        let total = self.cumulative[self.cumulative.len() - 1];
        let x = rng.next_f64() * total;
        // bisect_right, like Python's `bisect(cum_weights, x)`.
        let i = self.cumulative.partition_point(|&c| c <= x);
        i.min(self.cumulative.len() - 1)
    }
}

/// The picker of one generator instance.
#[derive(Debug, Clone)]
pub struct Picker {
    mode: Mode,
    count: usize,
    table: Option<AliasTable>,
    chain: Cow<'static, [u16]>,
    position: usize,
    fsm_state: Option<usize>,
    rng: FastRng,
}

impl Picker {
    fn base(mode: Mode, count: usize, rng: FastRng) -> Self {
        Self {
            mode,
            count,
            table: None,
            chain: Cow::Borrowed(&[]),
            position: 0,
            fsm_state: None,
            rng,
        }
    }

    /// `all`: every one of `count` event types per timestamp.
    pub fn all(count: usize, rng: FastRng) -> Self {
        Self::base(Mode::All, count, rng)
    }

    /// `any`: one uniformly.
    pub fn any(count: usize, rng: FastRng) -> Self {
        Self::base(Mode::Any, count, rng)
    }

    /// `chance`: one by weight.
    pub fn chance(table: AliasTable, rng: FastRng) -> Self {
        let mut p = Self::base(Mode::Chance, table.len(), rng);
        p.table = Some(table);
        p
    }

    /// `spin`: round-robin.
    pub fn spin(count: usize, rng: FastRng) -> Self {
        Self::base(Mode::Spin, count, rng)
    }

    /// `chain`: cycle through `chain` (indexes of event types).
    pub fn chain(count: usize, chain: Cow<'static, [u16]>, rng: FastRng) -> Self {
        let mut p = Self::base(Mode::Chain, count, rng);
        p.chain = chain;
        p
    }

    /// `fsm`: start in `initial`.
    pub fn fsm(count: usize, initial: usize, rng: FastRng) -> Self {
        let mut p = Self::base(Mode::Fsm, count, rng);
        p.position = initial;
        p
    }

    /// The mode.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The current FSM state, once the first event has been picked.
    pub fn fsm_state(&self) -> Option<usize> {
        self.fsm_state
    }

    /// Picks for one timestamp: the event types to render, in order.
    fn pick(&mut self, render: &mut impl Render, picked: &mut Vec<usize>) {
        picked.clear();
        match self.mode {
            Mode::All => picked.extend(0..self.count),
            Mode::Any => picked.push(self.rng.index(self.count)),
            Mode::Chance => {
                let t = self.table.as_ref().map_or(0, |t| t.pick(&self.rng));
                picked.push(t);
            }
            Mode::Spin => {
                picked.push(self.position);
                self.position = (self.position + 1) % self.count;
            }
            Mode::Chain => {
                picked.push(usize::from(self.chain[self.position]));
                self.position = (self.position + 1) % self.chain.len();
            }
            Mode::Fsm => {
                let state = match self.fsm_state {
                    // The first pick returns the initial state unchecked.
                    None => self.position,
                    Some(current) => render.transition(current).unwrap_or(current),
                };
                self.fsm_state = Some(state);
                picked.push(state);
            }
        }
    }
}

/// What the driver needs from a generator: render one event type, and (in
/// fsm mode) evaluate the transitions out of a state.
pub trait Render {
    /// Writes one event of event type `index` into `out` (after its last
    /// byte) and reports the outcome.
    fn render(&mut self, index: usize, out: &mut Vec<u8>) -> crate::generator::Event;

    /// The first transition of `from` whose condition holds, if any.
    fn transition(&mut self, from: usize) -> Option<usize> {
        let _ = from;
        None
    }
}

/// Produces the events of one timestamp with Eventum's dispatch rules:
/// `drop` discards everything of this timestamp; `next` discards and picks
/// again, counting repicks against the latest `max_repicks`; `exhaust`
/// discards this timestamp's events and ends generation.
pub fn produce(
    picker: &mut Picker,
    render: &mut impl Render,
    out: &mut EventBatch,
    picked: &mut Vec<usize>,
) -> Produced {
    let start = out.mark();
    let mut repicks: u32 = 0;
    'pick: loop {
        picker.pick(render, picked);
        for &index in picked.iter() {
            match render.render(index, out.buffer()).outcome() {
                Outcome::Written => out.commit(),
                Outcome::Drop => {
                    out.rollback(start);
                    return Produced::Dropped;
                }
                Outcome::Exhaust => {
                    out.rollback(start);
                    return Produced::Exhausted;
                }
                Outcome::Next { max_repicks } => {
                    out.rollback(start);
                    if max_repicks < 1 {
                        return Produced::Failed(
                            "dispatch.next(): max_repicks must be at least 1".to_owned(),
                        );
                    }
                    repicks += 1;
                    if repicks > max_repicks {
                        return Produced::Failed(format!(
                            "dispatch.next(): exceeded max_repicks ({max_repicks})"
                        ));
                    }
                    continue 'pick;
                }
            }
        }
        return Produced::Events;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generator::{Dispatch, Event};

    struct Fixed {
        outcomes: Vec<Event>,
        rendered: Vec<usize>,
        next_state: Option<usize>,
    }

    impl Render for Fixed {
        fn render(&mut self, index: usize, out: &mut Vec<u8>) -> Event {
            self.rendered.push(index);
            out.extend_from_slice(index.to_string().as_bytes());
            self.outcomes.get(index).copied().unwrap_or(Event::WRITTEN)
        }
        fn transition(&mut self, _from: usize) -> Option<usize> {
            self.next_state
        }
    }

    fn fixed() -> Fixed {
        Fixed {
            outcomes: Vec::new(),
            rendered: Vec::new(),
            next_state: None,
        }
    }

    fn run(p: &mut Picker, r: &mut Fixed, times: usize) -> Vec<String> {
        let mut out = EventBatch::new();
        let mut picked = Vec::new();
        for _ in 0..times {
            produce(p, r, &mut out, &mut picked);
        }
        out.iter()
            .map(|e| String::from_utf8(e.to_vec()).unwrap())
            .collect()
    }

    #[test]
    fn all_renders_every_type_in_order() {
        let mut p = Picker::all(3, FastRng::from_seed(1));
        assert_eq!(run(&mut p, &mut fixed(), 2), ["0", "1", "2", "0", "1", "2"]);
    }

    #[test]
    fn spin_and_chain_cycle() {
        let mut p = Picker::spin(3, FastRng::from_seed(1));
        assert_eq!(run(&mut p, &mut fixed(), 5), ["0", "1", "2", "0", "1"]);
        let mut c = Picker::chain(3, Cow::Borrowed(&[0, 2, 0, 1]), FastRng::from_seed(1));
        assert_eq!(run(&mut c, &mut fixed(), 6), ["0", "2", "0", "1", "0", "2"]);
    }

    #[test]
    fn any_is_uniform_and_chance_follows_weights() {
        let mut p = Picker::any(4, FastRng::from_seed(5));
        let mut counts = [0usize; 4];
        for e in run(&mut p, &mut fixed(), 40_000) {
            counts[e.parse::<usize>().unwrap()] += 1;
        }
        for c in counts {
            assert!((9_000..11_000).contains(&c), "{counts:?}");
        }
        let table = AliasTable::new(&[1.0, 0.0, 3.0, 6.0]).unwrap();
        let mut p = Picker::chance(table, FastRng::from_seed(6));
        let mut counts = [0usize; 4];
        for e in run(&mut p, &mut fixed(), 100_000) {
            counts[e.parse::<usize>().unwrap()] += 1;
        }
        assert_eq!(counts[1], 0);
        for (c, want) in [
            (counts[0], 10_000.0),
            (counts[2], 30_000.0),
            (counts[3], 60_000.0),
        ] {
            assert!((c as f64 - want).abs() < want * 0.03, "{counts:?}");
        }
    }

    #[test]
    fn fsm_first_pick_is_initial_then_transitions() {
        let mut p = Picker::fsm(3, 1, FastRng::from_seed(1));
        let mut r = fixed();
        r.next_state = Some(2);
        assert_eq!(run(&mut p, &mut r, 3), ["1", "2", "2"]);
        let mut p = Picker::fsm(3, 0, FastRng::from_seed(1));
        assert_eq!(run(&mut p, &mut fixed(), 2), ["0", "0"]);
    }

    #[test]
    fn dispatch_rules() {
        let d = Dispatch;
        // drop in all mode discards the types already rendered.
        let mut p = Picker::all(3, FastRng::from_seed(1));
        let mut r = fixed();
        r.outcomes = vec![Event::WRITTEN, d.drop(), Event::WRITTEN];
        let mut out = EventBatch::new();
        out.push(b"earlier");
        let mut picked = Vec::new();
        assert_eq!(
            produce(&mut p, &mut r, &mut out, &mut picked),
            Produced::Dropped
        );
        assert_eq!(out.len(), 1);
        // next repicks (spin advances) until a type writes.
        let mut p = Picker::spin(3, FastRng::from_seed(1));
        let mut r = fixed();
        r.outcomes = vec![d.next(), d.next(), Event::WRITTEN];
        assert_eq!(run(&mut p, &mut r, 1), ["2"]);
        assert_eq!(r.rendered, [0, 1, 2]);
        // exceeding max_repicks is a produce error.
        let mut p = Picker::spin(1, FastRng::from_seed(1));
        let mut r = fixed();
        r.outcomes = vec![d.next_with(3)];
        let mut out = EventBatch::new();
        assert!(matches!(
            produce(&mut p, &mut r, &mut out, &mut picked),
            Produced::Failed(_)
        ));
        assert_eq!(r.rendered.len(), 4);
        r.outcomes = vec![d.next_with(0)];
        assert!(matches!(
            produce(&mut p, &mut r, &mut out, &mut picked),
            Produced::Failed(_)
        ));
        // exhaust ends with nothing from this timestamp.
        r.outcomes = vec![d.exhaust()];
        assert_eq!(
            produce(&mut p, &mut r, &mut out, &mut picked),
            Produced::Exhausted
        );
        assert!(out.is_empty());
    }

    #[test]
    fn tables_reject_bad_weights() {
        assert!(AliasTable::new(&[]).is_none());
        assert!(AliasTable::new(&[0.0, 0.0]).is_none());
        assert!(AliasTable::new(&[1.0, -1.0]).is_none());
        assert!(CumulativeTable::new([f64::NAN]).is_none());
        let t = CumulativeTable::new([0.0, 2.0, 0.0, 2.0]).unwrap();
        let rng = FastRng::from_seed(2);
        let mut counts = [0; 4];
        for _ in 0..10_000 {
            counts[t.pick(&rng)] += 1;
        }
        assert_eq!(counts[0] + counts[2], 0);
        assert!((4_500..5_500).contains(&counts[1]));
    }
}
