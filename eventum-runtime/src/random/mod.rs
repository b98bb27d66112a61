//! `module.rand`, Eventum's random-value module, as a typed API.
//!
//! Generated code reaches it as `cx.rand`, so `module.rand.number.integer(1, 6)`
//! becomes `cx.rand.number.integer(1, 6)`. The top level ([`Rand`]) holds the
//! sequence helpers (`shuffle`, `choice`, `choices`, `weighted_choice`,
//! `weighted_choices`, `chance`); the namespaces are the fields
//! [`number`](Rand::number), [`string`](Rand::string),
//! [`network`](Rand::network), [`crypto`](Rand::crypto) and
//! [`datetime`](Rand::datetime).
//!
//! Every method takes `&self` ([`FastRng`] is interior-mutable), so calls nest
//! the way templates write them:
//! `r.number.clamp(r.number.lognormal(8.0, 1.2), 64.0, 1e6)`.
//!
//! Where Python raises inside a template (an empty sequence, bad weights, a
//! malformed pattern), these methods panic with a message that starts with
//! the Eventum name of the call; the engine turns that into a produce error
//! for the timestamp, as Eventum does.

mod crypto;
mod datetime;
mod network;
mod network_data;
mod number;
mod string;

pub use crypto::Crypto;
pub use datetime::DateTimes;
pub use network::{Ipv4Subnet, Network, SubnetError, parse_oui, vendor_ouis, vendors};
pub use number::Number;
pub use string::{PatternError, Strings};

use crate::rng::FastRng;

/// A weight accepted by the weighted picks: any of the numeric types a
/// template literal can be, converted to `f64` like Python's `float(w)`.
pub trait Weight: Copy {
    /// The weight as a float.
    fn weight(self) -> f64;
}

macro_rules! weight_from {
    ($($t:ty)*) => {$(
        impl Weight for $t {
            #[inline]
            fn weight(self) -> f64 {
                f64::from(self)
            }
        }
    )*};
}

// 64-bit integers round to the nearest float, as Python's float() does.
macro_rules! weight_rounded {
    ($($t:ty)*) => {$(
        impl Weight for $t {
            #[inline]
            fn weight(self) -> f64 {
                self as f64
            }
        }
    )*};
}

weight_from!(f64 f32 i32 u32);
weight_rounded!(i64 u64 usize);

/// `module.rand`: the sequence helpers plus the sub-modules.
#[derive(Debug)]
pub struct Rand {
    rng: FastRng,
    /// `module.rand.number`.
    pub number: Number,
    /// `module.rand.string`.
    pub string: Strings,
    /// `module.rand.network`.
    pub network: Network,
    /// `module.rand.crypto`.
    pub crypto: Crypto,
    /// `module.rand.datetime`.
    pub datetime: DateTimes,
}

impl Rand {
    /// The module seeded from `seed`; the top level and each sub-module draw
    /// from their own stream, so adding calls to one does not shift the
    /// others.
    pub fn new(seed: &FastRng) -> Self {
        Self {
            rng: seed.fork(0),
            number: Number::new(seed.fork(1)),
            string: Strings::new(seed.fork(2)),
            network: Network::new(seed.fork(3)),
            crypto: Crypto::new(seed.fork(4)),
            datetime: DateTimes::new(seed.fork(5)),
        }
    }

    /// `rand.shuffle(items)`: a shuffled copy of the items (the input is left
    /// alone).
    pub fn shuffle<T: Clone>(&self, items: impl AsRef<[T]>) -> Vec<T> {
        let mut out = items.as_ref().to_vec();
        shuffle_in_place(&self.rng, &mut out);
        out
    }

    /// `rand.shuffle(text)` on a string: the characters in a random order.
    pub fn shuffle_str(&self, s: &str) -> String {
        let mut chars: Vec<char> = s.chars().collect();
        shuffle_in_place(&self.rng, &mut chars);
        chars.into_iter().collect()
    }

    /// `rand.choice(items)`: one item, uniformly.
    ///
    /// # Panics
    /// On an empty sequence (Python raises `IndexError`).
    pub fn choice<T: Clone>(&self, items: impl AsRef<[T]>) -> T {
        let items = items.as_ref();
        assert!(
            !items.is_empty(),
            "rand.choice: cannot choose from an empty sequence"
        );
        items[self.rng.index(items.len())].clone()
    }

    /// `rand.choices(items, n)`: `n` items drawn uniformly with replacement.
    ///
    /// # Panics
    /// On an empty sequence when `n > 0` (Python raises `IndexError`).
    pub fn choices<T: Clone>(&self, items: impl AsRef<[T]>, n: usize) -> Vec<T> {
        let items = items.as_ref();
        if n == 0 {
            return Vec::new();
        }
        assert!(
            !items.is_empty(),
            "rand.choices: cannot choose from an empty sequence"
        );
        (0..n)
            .map(|_| items[self.rng.index(items.len())].clone())
            .collect()
    }

    /// `rand.weighted_choice(items, weights)`: one item, with probability
    /// proportional to its weight (Python's `random.choices(..., k=1)`).
    ///
    /// # Panics
    /// When the lengths differ, a weight is negative, or the total is not a
    /// positive finite number (Python raises `ValueError`), and on an empty
    /// sequence.
    pub fn weighted_choice<T: Clone, W: Weight>(
        &self,
        items: impl AsRef<[T]>,
        weights: impl AsRef<[W]>,
    ) -> T {
        let (items, weights) = (items.as_ref(), weights.as_ref());
        check_lengths("rand.weighted_choice", items.len(), weights.len());
        let i = pick_weighted(
            &self.rng,
            "rand.weighted_choice",
            weights.iter().map(|w| w.weight()),
        );
        items[i].clone()
    }

    /// `rand.weighted_choice({item: weight, ...})`, the dict form, with the
    /// pairs in the dict's order.
    ///
    /// # Panics
    /// As [`weighted_choice`](Self::weighted_choice).
    pub fn weighted_choice_map<T: Clone, W: Weight>(&self, pairs: impl AsRef<[(T, W)]>) -> T {
        let pairs = pairs.as_ref();
        let i = pick_weighted(
            &self.rng,
            "rand.weighted_choice",
            pairs.iter().map(|(_, w)| w.weight()),
        );
        pairs[i].0.clone()
    }

    /// `rand.weighted_choices(items, weights, n)`: `n` weighted picks with
    /// replacement.
    ///
    /// # Panics
    /// As [`weighted_choice`](Self::weighted_choice); the weights are checked
    /// even when `n` is 0, as in Python.
    pub fn weighted_choices<T: Clone, W: Weight>(
        &self,
        items: impl AsRef<[T]>,
        weights: impl AsRef<[W]>,
        n: usize,
    ) -> Vec<T> {
        let (items, weights) = (items.as_ref(), weights.as_ref());
        check_lengths("rand.weighted_choices", items.len(), weights.len());
        let cumulative =
            cumulative_weights("rand.weighted_choices", weights.iter().map(|w| w.weight()));
        (0..n)
            .map(|_| items[pick_cumulative(&self.rng, &cumulative)].clone())
            .collect()
    }

    /// `rand.weighted_choices({item: weight, ...}, n)`, the dict form.
    ///
    /// # Panics
    /// As [`weighted_choices`](Self::weighted_choices).
    pub fn weighted_choices_map<T: Clone, W: Weight>(
        &self,
        pairs: impl AsRef<[(T, W)]>,
        n: usize,
    ) -> Vec<T> {
        let pairs = pairs.as_ref();
        let cumulative = cumulative_weights(
            "rand.weighted_choices",
            pairs.iter().map(|(_, w)| w.weight()),
        );
        (0..n)
            .map(|_| pairs[pick_cumulative(&self.rng, &cumulative)].0.clone())
            .collect()
    }

    /// `rand.chance(prob)`: `false` for `prob <= 0`, `true` for `prob >= 1`
    /// (no draw in either case), otherwise `random() < prob`.
    pub fn chance(&self, prob: f64) -> bool {
        if prob <= 0.0 {
            return false;
        }
        if prob >= 1.0 {
            return true;
        }
        // A NaN probability fails both tests above and every comparison
        // here, so it yields false, as in Python.
        self.rng.next_f64() < prob
    }
}

/// The top-level stream, so state containers draw from the same source as
/// the template's `module.rand` (`cx.shared.pool.pop_random(cx.rand)`).
impl AsRef<FastRng> for Rand {
    fn as_ref(&self) -> &FastRng {
        &self.rng
    }
}

/// Fisher–Yates, like Python's `random.shuffle`.
fn shuffle_in_place<T>(rng: &FastRng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.index(i + 1));
    }
}

fn check_lengths(call: &str, items: usize, weights: usize) {
    assert!(
        items == weights,
        "{call}: the number of weights ({weights}) does not match the population ({items})"
    );
}

/// Sums the weights, rejecting what `random.choices` rejects (plus negative
/// weights, which Python silently mis-handles). A NaN weight is reported as
/// a non-finite total, as in Python.
fn checked_total(call: &str, weights: impl Iterator<Item = f64>) -> f64 {
    let mut total = 0.0;
    let mut count = 0usize;
    for w in weights {
        assert!(
            w >= 0.0 || w.is_nan(),
            "{call}: weights must be non-negative (got {w})"
        );
        total += w;
        count += 1;
    }
    assert!(count > 0, "{call}: cannot choose from an empty sequence");
    assert!(
        total > 0.0 || total.is_nan(),
        "{call}: total of weights must be greater than zero"
    );
    assert!(total.is_finite(), "{call}: total of weights must be finite");
    total
}

/// One weighted index without allocating: a pass for the total, one draw,
/// a scan. Same rule as Python's bisect over the running sums: the first
/// index whose running sum exceeds `random() * total`.
fn pick_weighted<I>(rng: &FastRng, call: &str, weights: I) -> usize
where
    I: Iterator<Item = f64> + Clone,
{
    let total = checked_total(call, weights.clone());
    let x = rng.next_f64() * total;
    let mut acc = 0.0;
    let mut last = 0;
    for (i, w) in weights.enumerate() {
        acc += w;
        if x < acc {
            return i;
        }
        last = i;
    }
    // Rounding can leave x at or above the final sum; Python's bisect is
    // capped at the last index too.
    last
}

/// Running sums for repeated picks.
fn cumulative_weights(call: &str, weights: impl Iterator<Item = f64> + Clone) -> Vec<f64> {
    checked_total(call, weights.clone());
    let mut acc = 0.0;
    weights
        .map(|w| {
            acc += w;
            acc
        })
        .collect()
}

fn pick_cumulative(rng: &FastRng, cumulative: &[f64]) -> usize {
    let total = cumulative[cumulative.len() - 1];
    let x = rng.next_f64() * total;
    cumulative
        .partition_point(|&c| c <= x)
        .min(cumulative.len() - 1)
}

/// Mean and population variance, for the distribution tests.
#[cfg(test)]
fn mean_var(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n;
    (mean, var)
}

/// The message of the panic `f` must raise, for the error-path tests.
#[cfg(test)]
fn panic_message(f: impl FnOnce()) -> String {
    let err =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).expect_err("expected a panic");
    err.downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    type Case<'a> = (&'static str, Box<dyn Fn() + 'a>);

    fn rand(seed: u64) -> Rand {
        Rand::new(&FastRng::from_seed(seed))
    }

    #[test]
    fn same_seed_same_sequence_across_all_sub_modules() {
        let (a, b) = (rand(42), rand(42));
        for _ in 0..100 {
            assert_eq!(a.choice([1, 2, 3, 4, 5]), b.choice([1, 2, 3, 4, 5]));
            assert_eq!(a.number.integer(0, 1000), b.number.integer(0, 1000));
            assert_eq!(a.string.hex(8), b.string.hex(8));
            assert_eq!(a.network.ip_v4_public(), b.network.ip_v4_public());
            assert_eq!(a.crypto.uuid4(), b.crypto.uuid4());
        }
        let c = rand(43);
        let xs: Vec<i64> = (0..20).map(|_| a.number.integer(0, 1 << 40)).collect();
        let ys: Vec<i64> = (0..20).map(|_| c.number.integer(0, 1 << 40)).collect();
        assert_ne!(xs, ys);
    }

    #[test]
    fn sub_modules_draw_from_independent_streams() {
        // Extra top-level calls must not shift the number stream.
        let (a, b) = (rand(5), rand(5));
        for _ in 0..10 {
            a.chance(0.5);
        }
        let xs: Vec<i64> = (0..20).map(|_| a.number.integer(0, 1 << 40)).collect();
        let ys: Vec<i64> = (0..20).map(|_| b.number.integer(0, 1 << 40)).collect();
        assert_eq!(xs, ys);
    }

    #[test]
    fn shuffle_is_a_permutation_and_covers_all_orders() {
        let r = rand(1);
        let input = vec![1, 2, 3];
        let mut seen = std::collections::HashMap::new();
        for _ in 0..6000 {
            let out = r.shuffle(&input);
            let mut sorted = out.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, input);
            *seen.entry(out).or_insert(0u32) += 1;
        }
        assert_eq!(input, vec![1, 2, 3], "input is left alone");
        assert_eq!(seen.len(), 6);
        for count in seen.values() {
            assert!((800..1200).contains(count), "{seen:?}");
        }
        assert!(r.shuffle(Vec::<u8>::new()).is_empty());
        assert_eq!(r.shuffle(["only"]), vec!["only"]);
    }

    #[test]
    fn shuffle_str_keeps_the_characters() {
        let r = rand(2);
        let out = r.shuffle_str("héllo wörld");
        let mut a: Vec<char> = out.chars().collect();
        let mut b: Vec<char> = "héllo wörld".chars().collect();
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b);
        assert_eq!(r.shuffle_str(""), "");
        let outs: std::collections::HashSet<String> =
            (0..50).map(|_| r.shuffle_str("abcdef")).collect();
        assert!(outs.len() > 20);
    }

    #[test]
    fn choice_is_uniform_and_accepts_arrays_slices_and_vecs() {
        let r = rand(3);
        let mut counts = [0u32; 4];
        for _ in 0..40_000 {
            counts[r.choice([0usize, 1, 2, 3])] += 1;
        }
        for c in counts {
            assert!((9_400..10_600).contains(&c), "{counts:?}");
        }
        let v = vec!["a".to_owned(), "b".to_owned()];
        assert!(v.contains(&r.choice(&v)));
        assert!(v.contains(&r.choice(v.as_slice())));
        assert_eq!(r.choice(&["x"][..]), "x");
    }

    #[test]
    fn choice_on_empty_panics_like_index_error() {
        let r = rand(4);
        let msg = panic_message(|| {
            r.choice(Vec::<i32>::new());
        });
        assert!(msg.starts_with("rand.choice:"), "{msg}");
    }

    #[test]
    fn choices_draws_n_with_replacement() {
        let r = rand(5);
        let out = r.choices(["a", "b", "c"], 30_000);
        assert_eq!(out.len(), 30_000);
        for item in ["a", "b", "c"] {
            let n = out.iter().filter(|x| **x == item).count();
            assert!((9_400..10_600).contains(&n), "{item}: {n}");
        }
        assert!(r.choices(Vec::<u8>::new(), 0).is_empty());
        let msg = panic_message(|| {
            r.choices(Vec::<u8>::new(), 1);
        });
        assert!(msg.starts_with("rand.choices:"), "{msg}");
    }

    #[test]
    fn weighted_choice_follows_weights() {
        let r = rand(6);
        let mut counts = [0u32; 3];
        for _ in 0..100_000 {
            counts[r.weighted_choice([0usize, 1, 2], [70, 20, 10])] += 1;
        }
        let expect = [70_000.0, 20_000.0, 10_000.0];
        for (c, e) in counts.iter().zip(expect) {
            assert!((f64::from(*c) - e).abs() < e * 0.05, "{counts:?}");
        }
    }

    #[test]
    fn weighted_choice_never_picks_zero_weights_and_takes_any_weight_type() {
        let r = rand(7);
        for _ in 0..10_000 {
            assert_eq!(r.weighted_choice(["a", "b", "c"], [0.0, 1.0, 0.0]), "b");
            assert_eq!(r.weighted_choice(["a", "b"], [0u64, 3]), "b");
            assert_eq!(r.weighted_choice(["a", "b"], [2.5f32, 0.0]), "a");
            assert_eq!(r.weighted_choice(vec!["a", "b"], vec![0usize, 1]), "b");
            assert_eq!(r.weighted_choice(["a", "b"], [0i64, 1]), "b");
            assert_eq!(r.weighted_choice(["a", "b"], [1u32, 0]), "a");
        }
    }

    #[test]
    fn weighted_choice_map_follows_weights() {
        let r = rand(8);
        let pairs = [("a", 1), ("b", 3)];
        let n = (0..40_000)
            .filter(|_| r.weighted_choice_map(pairs) == "b")
            .count();
        assert!((29_400..30_600).contains(&n), "{n}");
    }

    #[test]
    fn weighted_choices_follow_weights_and_validate_even_for_zero() {
        let r = rand(9);
        let out = r.weighted_choices(["x", "y"], [1.0, 4.0], 50_000);
        let y = out.iter().filter(|s| **s == "y").count();
        assert!((39_300..40_700).contains(&y), "{y}");
        let out = r.weighted_choices_map([("x", 0), ("y", 1)], 1000);
        assert!(out.iter().all(|s| *s == "y"));
        assert!(r.weighted_choices(["x"], [1], 0).is_empty());
        let msg = panic_message(|| {
            r.weighted_choices(["x"], [0], 0);
        });
        assert!(msg.starts_with("rand.weighted_choices:"), "{msg}");
    }

    #[test]
    fn bad_weights_panic_with_pythons_value_errors() {
        let r = rand(10);
        let cases: [Case<'_>; 6] = [
            (
                "does not match",
                Box::new(|| {
                    r.weighted_choice(["a", "b"], [1]);
                }),
            ),
            (
                "greater than zero",
                Box::new(|| {
                    r.weighted_choice(["a", "b"], [0, 0]);
                }),
            ),
            (
                "non-negative",
                Box::new(|| {
                    r.weighted_choice(["a", "b"], [-1.0, 2.0]);
                }),
            ),
            (
                "finite",
                Box::new(|| {
                    r.weighted_choice(["a"], [f64::INFINITY]);
                }),
            ),
            (
                "finite",
                Box::new(|| {
                    r.weighted_choice(["a"], [f64::NAN]);
                }),
            ),
            (
                "empty sequence",
                Box::new(|| {
                    r.weighted_choice_map(Vec::<(u8, f64)>::new());
                }),
            ),
        ];
        for (want, f) in cases {
            let msg = panic_message(f);
            assert!(msg.starts_with("rand.weighted_choice:"), "{msg}");
            assert!(msg.contains(want), "{msg}");
        }
    }

    #[test]
    fn chance_follows_eventums_rule() {
        let r = rand(11);
        assert!(!r.chance(0.0));
        assert!(!r.chance(-3.0));
        assert!(r.chance(1.0));
        assert!(r.chance(7.0));
        assert!(!r.chance(f64::NAN));
        let hits = (0..100_000).filter(|_| r.chance(0.25)).count();
        assert!((24_300..25_700).contains(&hits), "{hits}");
    }

    #[test]
    fn chance_at_the_bounds_does_not_draw() {
        let (a, b) = (rand(12), rand(12));
        a.chance(0.0);
        a.chance(1.0);
        assert_eq!(a.rng.next_u64(), b.rng.next_u64());
    }
}
