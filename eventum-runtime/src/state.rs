//! Typed state containers for `#[shared]`, `#[locals]` and `#[globals]`
//! structs: the Rust twins of the idioms Eventum templates build on
//! `shared.get(...)`/`shared.set(...)` (Eventum §6.7).
//!
//! Eventum's state values start missing; FSM conditions treat a missing or
//! `None` value as false. [`Value`] keeps that distinction; every container
//! implements [`Observe`] so FSM conditions can read it.
//!
//! Keyed containers hash with [`FxHasher`] (a few lines, below): keys are
//! generator data, not attacker input, so `SipHash`'s flood resistance buys
//! nothing here.

use crate::fsm::{Elements, Entries, Observe, Observed, py_eq};
use crate::rng::FastRng;
use std::borrow::Borrow;
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;
use std::sync::Arc;

// ---------------------------------------------------------------------------
// Hashing.

/// The Fx hash (Firefox, rustc): one rotate, xor and multiply per word.
/// Fast on short keys; not resistant to crafted collisions.
#[derive(Debug, Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The multiply leaves the best bits at the top; the hash table takes
        // its bucket from the low bits, so bring the top ones down.
        self.hash.rotate_left(26)
    }
}

/// `BuildHasher` for [`FxHasher`].
pub type FxBuildHasher = BuildHasherDefault<FxHasher>;

/// A `HashMap` hashed with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, FxBuildHasher>;

/// An owned key that can be made from its borrowed form, so lookups take
/// `&str` for `String`, `Box<str>`, `Arc<str>` and `Rc<str>` keys and only
/// allocate when a new key is inserted.
pub trait OwnedKey<Q: ?Sized>: Borrow<Q> {
    /// The owned key for `key`.
    fn from_borrowed(key: &Q) -> Self;
}

impl<K: Clone> OwnedKey<K> for K {
    fn from_borrowed(key: &K) -> Self {
        key.clone()
    }
}

impl OwnedKey<str> for String {
    fn from_borrowed(key: &str) -> Self {
        key.to_owned()
    }
}

impl OwnedKey<str> for Box<str> {
    fn from_borrowed(key: &str) -> Self {
        key.into()
    }
}

impl OwnedKey<str> for Arc<str> {
    fn from_borrowed(key: &str) -> Self {
        key.into()
    }
}

impl OwnedKey<str> for Rc<str> {
    fn from_borrowed(key: &str) -> Self {
        key.into()
    }
}

// ---------------------------------------------------------------------------
// Counter.

/// Per-key counters that wrap: each key's values run `start`,
/// `start + 1`, …, `wrap_at - 1`, then `start` again. The twin of
/// `{% set n = shared.get('seq', 0) %}{% do shared.set('seq', n + 1 if n + 1 < cap else 0) %}`.
///
/// `Counter<()>` (the default key) is a single counter: see
/// [`Counter::next_value`].
#[derive(Debug, Clone)]
pub struct Counter<K = ()> {
    start: i64,
    wrap_at: i64,
    /// The value `next` returns next, per key.
    upcoming: FxHashMap<K, i64>,
}

/// Starts at 0 and never wraps in practice (`wrap_at` is `i64::MAX`).
impl<K> Default for Counter<K> {
    fn default() -> Self {
        Self::new(0, i64::MAX)
    }
}

impl<K> Counter<K> {
    /// Counters whose values run `start..wrap_at`.
    ///
    /// # Panics
    ///
    /// If `wrap_at <= start` (no value to count with): a mistake in the
    /// generator's code, caught when the state is created.
    pub fn new(start: i64, wrap_at: i64) -> Self {
        assert!(
            start < wrap_at,
            "Counter::new: start ({start}) must be below wrap_at ({wrap_at})"
        );
        Self {
            start,
            wrap_at,
            upcoming: FxHashMap::default(),
        }
    }

    /// The first value of every key.
    pub fn start(&self) -> i64 {
        self.start
    }

    /// The value after which a key starts over (exclusive bound).
    pub fn wrap_at(&self) -> i64 {
        self.wrap_at
    }

    /// Number of keys counted so far.
    pub fn len(&self) -> usize {
        self.upcoming.len()
    }

    /// Whether no key has been counted.
    pub fn is_empty(&self) -> bool {
        self.upcoming.is_empty()
    }

    /// Forgets every key.
    pub fn clear(&mut self) {
        self.upcoming.clear();
    }

    fn before(&self, upcoming: i64) -> i64 {
        if upcoming == self.start {
            self.wrap_at - 1
        } else {
            upcoming - 1
        }
    }
}

/// The value after `value` in `start..wrap_at`, wrapping.
fn advance(value: i64, start: i64, wrap_at: i64) -> i64 {
    if value >= wrap_at - 1 {
        start
    } else {
        value + 1
    }
}

impl<K: Eq + Hash> Counter<K> {
    /// Returns `key`'s current value (`start` for a new key) and advances
    /// it, wrapping at `wrap_at`.
    pub fn next<Q>(&mut self, key: &Q) -> i64
    where
        K: OwnedKey<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let (start, wrap_at) = (self.start, self.wrap_at);
        if let Some(slot) = self.upcoming.get_mut(key) {
            let current = *slot;
            *slot = advance(current, start, wrap_at);
            current
        } else {
            self.upcoming
                .insert(K::from_borrowed(key), advance(start, start, wrap_at));
            start
        }
    }

    /// What [`Counter::next`] would return for `key`; `None` for a key never
    /// counted.
    pub fn peek<Q>(&self, key: &Q) -> Option<i64>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.upcoming.get(key).copied()
    }

    /// The value [`Counter::next`] last returned for `key` (what the Eventum
    /// idiom leaves in the state); `None` for a key never counted.
    pub fn last<Q>(&self, key: &Q) -> Option<i64>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.upcoming.get(key).map(|&u| self.before(u))
    }

    /// Forgets `key`: its next value is `start` again.
    pub fn reset<Q>(&mut self, key: &Q)
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.upcoming.remove(key);
    }
}

impl Counter<()> {
    /// The single counter's current value, then advances it.
    pub fn next_value(&mut self) -> i64 {
        self.next(&())
    }

    /// The value [`Counter::next_value`] last returned.
    pub fn value(&self) -> Option<i64> {
        self.last(&())
    }
}

/// A single counter observes as its last value (missing before the first).
impl Observe for Counter<()> {
    fn observe(&self) -> Observed<'_> {
        self.value().map_or(Observed::Missing, Observed::Int)
    }
}

/// Keyed counters observe as a mapping from key to last value.
impl<K: Observe + Eq + Hash> Observe for Counter<K> {
    fn observe(&self) -> Observed<'_> {
        Observed::Map(self)
    }
}

impl<K: Observe + Eq + Hash> Entries for Counter<K> {
    fn len(&self) -> usize {
        self.upcoming.len()
    }
    fn get(&self, key: Observed<'_>) -> Option<Observed<'_>> {
        self.upcoming
            .iter()
            .find(|(k, _)| py_eq(k.observe(), key))
            .map(|(_, &u)| Observed::Int(self.before(u)))
    }
    fn all(&self, f: &mut dyn FnMut(Observed<'_>, Observed<'_>) -> bool) -> bool {
        self.upcoming
            .iter()
            .all(|(k, &u)| f(k.observe(), Observed::Int(self.before(u))))
    }
}

// ---------------------------------------------------------------------------
// Pool.

/// A capped first-in, first-out pool: the twin of Eventum's "list in
/// `shared`, `append`, then `pop(0)` when over the cap" idiom (recent
/// sessions, open connections, issued tickets).
#[derive(Debug, Clone)]
pub struct Pool<T> {
    items: VecDeque<T>,
    cap: usize,
}

/// An empty pool without a cap.
impl<T> Default for Pool<T> {
    fn default() -> Self {
        Self::with_cap(usize::MAX)
    }
}

impl<T> Pool<T> {
    /// An empty pool holding at most `cap` items.
    pub fn with_cap(cap: usize) -> Self {
        Self {
            items: VecDeque::new(),
            cap,
        }
    }

    /// The cap.
    pub fn cap(&self) -> usize {
        self.cap
    }

    /// Changes the cap, dropping the oldest items that no longer fit.
    pub fn set_cap(&mut self, cap: usize) {
        self.cap = cap;
        while self.items.len() > cap {
            self.items.pop_front();
        }
    }

    /// Adds `item` as the newest; when that goes over the cap, removes and
    /// returns the oldest (with a cap of 0, `item` itself).
    pub fn push(&mut self, item: T) -> Option<T> {
        self.items.push_back(item);
        if self.items.len() > self.cap {
            self.items.pop_front()
        } else {
            None
        }
    }

    /// Removes and returns a uniformly random item (Python's
    /// `pool.pop(randrange(len(pool)))`). The others keep their order, so
    /// eviction stays oldest-first; the cost is a shift of up to half the
    /// pool.
    pub fn take_random(&mut self, rng: &FastRng) -> Option<T> {
        if self.items.is_empty() {
            return None;
        }
        self.items.remove(rng.index(self.items.len()))
    }

    /// A uniformly random item, left in place.
    pub fn peek_random(&self, rng: &FastRng) -> Option<&T> {
        if self.items.is_empty() {
            return None;
        }
        self.items.get(rng.index(self.items.len()))
    }

    /// Removes and returns a uniformly random item, as the template idiom
    /// `{% set s = pool.pop(module.rand.number.integer(0, pool|length - 1)) %}`
    /// does: the value itself, for bodies that check
    /// [`is_empty`](Self::is_empty) first. `rng` is `cx.rand` (or any
    /// [`FastRng`]).
    ///
    /// # Panics
    ///
    /// `shared: pop from empty list` when the pool is empty (Python raises
    /// `IndexError`).
    pub fn pop_random(&mut self, rng: &impl AsRef<FastRng>) -> T {
        match self.take_random(rng.as_ref()) {
            Some(item) => item,
            None => panic!("shared: pop from empty list"),
        }
    }

    /// A uniformly random item, left in place (`pool | random`); the value
    /// form of [`peek_random`](Self::peek_random).
    ///
    /// # Panics
    ///
    /// `shared: cannot choose from an empty sequence` when the pool is
    /// empty (as Jinja's `random` filter on an empty list).
    pub fn get_random(&self, rng: &impl AsRef<FastRng>) -> &T {
        match self.peek_random(rng.as_ref()) {
            Some(item) => item,
            None => panic!("shared: cannot choose from an empty sequence"),
        }
    }

    /// Removes and returns the oldest item (`pool.pop(0)`).
    pub fn pop_oldest(&mut self) -> Option<T> {
        self.items.pop_front()
    }

    /// Removes and returns the newest item (`pool.pop()`).
    pub fn pop_newest(&mut self) -> Option<T> {
        self.items.pop_back()
    }

    /// The oldest item.
    pub fn oldest(&self) -> Option<&T> {
        self.items.front()
    }

    /// The newest item.
    pub fn newest(&self) -> Option<&T> {
        self.items.back()
    }

    /// Removes and returns the first item (oldest first) for which `pred`
    /// holds (`pool.remove(x)` for a found `x`).
    pub fn take_first(&mut self, mut pred: impl FnMut(&T) -> bool) -> Option<T> {
        let i = self.items.iter().position(&mut pred)?;
        self.items.remove(i)
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the pool is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The items, oldest first.
    pub fn iter(&self) -> std::collections::vec_deque::Iter<'_, T> {
        self.items.iter()
    }

    /// Removes every item.
    pub fn clear(&mut self) {
        self.items.clear();
    }
}

impl<'a, T> IntoIterator for &'a Pool<T> {
    type Item = &'a T;
    type IntoIter = std::collections::vec_deque::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<T: Observe> Elements for Pool<T> {
    fn len(&self) -> usize {
        self.items.len()
    }
    fn at(&self, index: usize) -> Observed<'_> {
        self.items[index].observe()
    }
}

/// A pool observes as a list, oldest first.
impl<T: Observe> Observe for Pool<T> {
    fn observe(&self) -> Observed<'_> {
        Observed::Seq(self)
    }
}

// ---------------------------------------------------------------------------
// Map.

/// A mapping kept in the state (`shared.set('sessions', {...})`), with
/// allocation-free `&str` lookups for string keys.
#[derive(Debug, Clone)]
pub struct Map<K, V> {
    inner: FxHashMap<K, V>,
}

impl<K, V> Default for Map<K, V> {
    fn default() -> Self {
        Self {
            inner: FxHashMap::default(),
        }
    }
}

impl<K: Eq + Hash, V> Map<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value under `key` (`d.get(key)`).
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.inner.get(key)
    }

    /// The value under `key`, or `default` (`d.get(key, default)`).
    pub fn get_or<'a, Q>(&'a self, key: &Q, default: &'a V) -> &'a V
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.inner.get(key).unwrap_or(default)
    }

    /// The value under `key`, mutably.
    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.inner.get_mut(key)
    }

    /// The value under `key`, inserting `make()` first if there is none
    /// (`d.setdefault(key, make())`).
    pub fn get_or_insert_with<Q>(&mut self, key: &Q, make: impl FnOnce() -> V) -> &mut V
    where
        K: OwnedKey<Q>,
        Q: Hash + Eq + ?Sized,
    {
        if !self.inner.contains_key(key) {
            self.inner.insert(K::from_borrowed(key), make());
        }
        self.inner
            .get_mut(key)
            .unwrap_or_else(|| unreachable!("inserted above"))
    }

    /// Sets `key` to `value`, returning the previous value.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        self.inner.insert(key, value)
    }

    /// Removes `key`, returning its value (`d.pop(key, None)`).
    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.inner.remove(key)
    }

    /// Whether `key` is present.
    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.inner.contains_key(key)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.inner.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }

    /// The entries, in no particular order.
    pub fn iter(&self) -> std::collections::hash_map::Iter<'_, K, V> {
        self.inner.iter()
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.inner.clear();
    }
}

impl<'a, K, V> IntoIterator for &'a Map<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::collections::hash_map::Iter<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.inner.iter()
    }
}

impl<K: Observe, V: Observe> Entries for Map<K, V> {
    fn len(&self) -> usize {
        self.inner.len()
    }
    fn get(&self, key: Observed<'_>) -> Option<Observed<'_>> {
        Entries::get(&self.inner, key)
    }
    fn all(&self, f: &mut dyn FnMut(Observed<'_>, Observed<'_>) -> bool) -> bool {
        Entries::all(&self.inner, f)
    }
}

/// A map observes as a `dict`.
impl<K: Observe, V: Observe> Observe for Map<K, V> {
    fn observe(&self) -> Observed<'_> {
        Observed::Map(self)
    }
}

// ---------------------------------------------------------------------------
// Value.

/// A state key that may be missing, as every Eventum state key starts.
/// `Value<Option<T>>` also tells "set to `None`" from "never set".
#[derive(Debug, Clone, PartialEq)]
pub struct Value<T> {
    inner: Option<T>,
}

/// Missing.
impl<T> Default for Value<T> {
    fn default() -> Self {
        Self { inner: None }
    }
}

impl<T> Value<T> {
    /// A missing value.
    pub const fn missing() -> Self {
        Self { inner: None }
    }

    /// The value, if set (`state.get(key)`).
    pub fn get(&self) -> Option<&T> {
        self.inner.as_ref()
    }

    /// The value, mutably, if set.
    pub fn get_mut(&mut self) -> Option<&mut T> {
        self.inner.as_mut()
    }

    /// The value, or `default` when missing (`state.get(key, default)`).
    pub fn get_or<'a>(&'a self, default: &'a T) -> &'a T {
        self.inner.as_ref().unwrap_or(default)
    }

    /// Sets the value (`state.set(key, value)`).
    pub fn set(&mut self, value: T) {
        self.inner = Some(value);
    }

    /// Removes and returns the value (`state.pop(key)`); it is missing after.
    pub fn take(&mut self) -> Option<T> {
        self.inner.take()
    }

    /// Whether the key exists (FSM `defined`).
    pub fn is_defined(&self) -> bool {
        self.inner.is_some()
    }

    /// Sets the value computed from the current one (`None` when missing),
    /// and returns it: `v.update(|n| n.unwrap_or(0) + 1)` is
    /// `state.set(key, state.get(key, 0) + 1)`.
    pub fn update(&mut self, f: impl FnOnce(Option<T>) -> T) -> &mut T {
        let value = f(self.inner.take());
        self.inner.insert(value)
    }
}

/// A missing value observes as [`Observed::Missing`].
impl<T: Observe> Observe for Value<T> {
    fn observe(&self) -> Observed<'_> {
        match &self.inner {
            None => Observed::Missing,
            // `Some(None)`: the key is set to null.
            Some(v) => match v.observe() {
                Observed::Missing => Observed::Null,
                o => o,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fsm;
    use std::hash::BuildHasher;

    #[test]
    fn fx_hash_separates_similar_keys() {
        let b = FxBuildHasher::default();
        let hashes: Vec<u64> = ["", "a", "b", "ab", "ba", "abcdefgh", "abcdefgh\0"]
            .iter()
            .map(|s| b.hash_one(s))
            .collect();
        for (i, x) in hashes.iter().enumerate() {
            for y in &hashes[i + 1..] {
                assert_ne!(x, y);
            }
        }
        assert_eq!(b.hash_one("key"), b.hash_one(String::from("key")));
    }

    #[test]
    fn counter_wraps_per_key() {
        let mut c: Counter<String> = Counter::new(1, 4);
        let seq: Vec<i64> = (0..7).map(|_| c.next("a")).collect();
        assert_eq!(seq, [1, 2, 3, 1, 2, 3, 1]);
        // Keys are independent.
        assert_eq!(c.next("b"), 1);
        assert_eq!(c.next("b"), 2);
        assert_eq!(c.peek("a"), Some(2));
        assert_eq!(c.last("a"), Some(1));
        assert_eq!(c.last("b"), Some(2));
        assert_eq!(c.peek("zzz"), None);
        assert_eq!(c.last("zzz"), None);
        assert_eq!(c.len(), 2);
        c.reset("a");
        assert_eq!(c.next("a"), 1);
        c.clear();
        assert!(c.is_empty());
        // A one-value range always gives start.
        let mut one: Counter<u32> = Counter::new(7, 8);
        assert_eq!([one.next(&1), one.next(&1)], [7, 7]);
        assert_eq!(one.last(&1), Some(7));
    }

    #[test]
    fn counter_with_arc_keys_and_default() {
        let mut c: Counter<Arc<str>> = Counter::default();
        assert_eq!((c.start(), c.wrap_at()), (0, i64::MAX));
        assert_eq!(c.next("x"), 0);
        assert_eq!(c.next("x"), 1);
        let mut top: Counter<()> = Counter::new(i64::MAX - 2, i64::MAX);
        assert_eq!(top.next_value(), i64::MAX - 2);
        assert_eq!(top.next_value(), i64::MAX - 1);
        assert_eq!(top.next_value(), i64::MAX - 2);
    }

    #[test]
    fn counter_observes_its_last_value() {
        let mut single: Counter = Counter::new(0, 10);
        assert!(!fsm::defined(&single));
        assert!(!fsm::ge(&single, Observed::Int(0)));
        for _ in 0..5 {
            single.next_value();
        }
        assert_eq!(single.value(), Some(4));
        assert!(fsm::eq(&single, Observed::Int(4)));
        let mut keyed: Counter<String> = Counter::new(0, 10);
        keyed.next("web");
        keyed.next("web");
        assert!(fsm::contains(&keyed, Observed::Str("web")));
        assert!(fsm::len_eq(&keyed, 1));
        assert!(fsm::eq(
            &keyed,
            Observed::Map(&[(Observed::Str("web"), Observed::Int(1))])
        ));
    }

    #[test]
    #[should_panic(expected = "Counter::new: start (5) must be below wrap_at (5)")]
    fn counter_needs_a_range() {
        let _ = Counter::<()>::new(5, 5);
    }

    #[test]
    fn pool_evicts_the_oldest_over_cap() {
        let mut p = Pool::with_cap(3);
        assert_eq!(p.push(1), None);
        assert_eq!(p.push(2), None);
        assert_eq!(p.push(3), None);
        assert_eq!(p.push(4), Some(1));
        assert_eq!(p.iter().copied().collect::<Vec<_>>(), [2, 3, 4]);
        assert_eq!((p.oldest(), p.newest()), (Some(&2), Some(&4)));
        p.set_cap(1);
        assert_eq!(p.iter().copied().collect::<Vec<_>>(), [4]);
        assert_eq!(p.cap(), 1);
        let mut zero = Pool::with_cap(0);
        assert_eq!(zero.push("x"), Some("x"));
        assert!(zero.is_empty());
        let mut p: Pool<i32> = Pool::default();
        for i in 0..5 {
            p.push(i);
        }
        assert_eq!(p.pop_oldest(), Some(0));
        assert_eq!(p.pop_newest(), Some(4));
        assert_eq!(p.take_first(|&x| x == 2), Some(2));
        assert_eq!(p.take_first(|&x| x == 9), None);
        assert_eq!((&p).into_iter().copied().collect::<Vec<_>>(), [1, 3]);
        p.clear();
        assert_eq!(p.pop_oldest(), None);
    }

    #[test]
    fn pool_random_take_is_uniform_and_keeps_order() {
        let rng = FastRng::from_seed(11);
        let mut counts = [0usize; 4];
        for _ in 0..20_000 {
            let mut p = Pool::with_cap(10);
            for i in 0..4 {
                p.push(i);
            }
            let taken = p.take_random(&rng).unwrap();
            counts[taken] += 1;
            // The rest keep their order.
            let rest: Vec<usize> = p.iter().copied().collect();
            assert!(rest.windows(2).all(|w| w[0] < w[1]));
            assert_eq!(rest.len(), 3);
        }
        for c in counts {
            assert!((4_500..5_500).contains(&c), "{counts:?}");
        }
        let mut empty: Pool<u8> = Pool::with_cap(2);
        assert_eq!(empty.take_random(&rng), None);
        assert_eq!(empty.peek_random(&rng), None);
        empty.push(9);
        assert_eq!(empty.peek_random(&rng), Some(&9));
        assert_eq!(empty.len(), 1);
    }

    #[test]
    fn pool_value_picks_draw_from_cx_rand() {
        let rand = crate::Rand::new(&FastRng::from_seed(3));
        let mut p = Pool::with_cap(4);
        p.push(7);
        p.push(8);
        let seen = *p.get_random(&rand);
        assert!(seen == 7 || seen == 8);
        assert_eq!(p.len(), 2);
        let a = p.pop_random(&rand);
        let b = p.pop_random(&FastRng::from_seed(5));
        let mut both = [a, b];
        both.sort_unstable();
        assert_eq!(both, [7, 8]);
        assert!(p.is_empty());
        let err = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| p.pop_random(&rand)))
            .unwrap_err();
        assert_eq!(
            err.downcast_ref::<&str>(),
            Some(&"shared: pop from empty list")
        );
    }

    #[test]
    fn pool_observes_as_a_list() {
        let mut p = Pool::with_cap(3);
        assert!(fsm::len_eq(&p, 0));
        p.push("s1".to_owned());
        p.push("s2".to_owned());
        assert!(fsm::len_ge(&p, 2));
        assert!(fsm::contains(&p, Observed::Str("s2")));
        assert!(fsm::defined(&p));
    }

    #[test]
    fn map_operations_with_borrowed_keys() {
        let mut m: Map<String, i64> = Map::new();
        assert_eq!(m.insert("a".into(), 1), None);
        assert_eq!(m.insert("a".into(), 2), Some(1));
        assert_eq!(m.get("a"), Some(&2));
        assert_eq!(m.get_or("b", &7), &7);
        assert!(m.contains_key("a") && !m.contains_key("b"));
        *m.get_or_insert_with("b", || 10) += 1;
        *m.get_or_insert_with("b", || 10) += 1;
        assert_eq!(m.get("b"), Some(&12));
        *m.get_mut("a").unwrap() = 5;
        assert_eq!(m.len(), 2);
        assert!(fsm::eq(
            &m,
            Observed::Map(&[
                (Observed::Str("b"), Observed::Int(12)),
                (Observed::Str("a"), Observed::Int(5))
            ])
        ));
        assert!(fsm::contains(&m, Observed::Str("a")));
        assert_eq!(m.remove("a"), Some(5));
        assert_eq!(m.remove("a"), None);
        assert_eq!((&m).into_iter().count(), 1);
        assert_eq!(m.iter().count(), 1);
        m.clear();
        assert!(m.is_empty());
    }

    #[test]
    fn value_may_be_missing() {
        let mut v: Value<i64> = Value::missing();
        assert!(!v.is_defined());
        assert_eq!(v.get(), None);
        assert_eq!(v.get_or(&3), &3);
        assert!(!fsm::defined(&v) && !fsm::eq(&v, Observed::Int(0)));
        assert_eq!(*v.update(|n| n.unwrap_or(0) + 1), 1);
        assert_eq!(*v.update(|n| n.unwrap_or(0) + 1), 2);
        assert!(fsm::eq(&v, Observed::Int(2)));
        *v.get_mut().unwrap() += 1;
        assert_eq!(v.get(), Some(&3));
        assert_eq!(v.take(), Some(3));
        assert!(!v.is_defined());
        v.set(9);
        assert_eq!(v.get_or(&3), &9);
        // Set to null: defined, but compares as None.
        let mut n: Value<Option<i64>> = Value::default();
        n.set(None);
        assert!(fsm::defined(&n));
        assert!(!fsm::eq(&n, Observed::Null));
        assert!(matches!(n.observe(), Observed::Null));
    }
}
