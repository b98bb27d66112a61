//! The pseudo-random generator behind every random call.
//!
//! [`FastRng`] is xoshiro256++ (Blackman and Vigna) with its state in a
//! [`Cell`], so every random call takes `&self`. That lets event bodies nest
//! calls the way templates do (`clamp(lognormal(8, 1.2), 64, 1e6)`) without
//! fighting the borrow checker, and costs nothing: the state is loaded and
//! stored like any other field. A generator instance lives on one worker
//! thread, so the type is `Send` but deliberately not `Sync`.
//!
//! Streams are derived from one seed with `SplitMix64`, so a worker, a sample
//! and each `rand` sub-module get independent, reproducible sequences.

use std::cell::Cell;
use std::convert::Infallible;

/// A fast, seedable, interior-mutable pseudo-random generator (xoshiro256++).
#[derive(Debug, Clone)]
pub struct FastRng {
    state: Cell<[u64; 4]>,
}

/// Lets APIs that draw random values take either a [`FastRng`] or the
/// template context's `cx.rand` (see `Pool::pop_random`).
impl AsRef<FastRng> for FastRng {
    fn as_ref(&self) -> &FastRng {
        self
    }
}

/// One step of `SplitMix64`; used to expand seeds into full states.
#[inline]
pub const fn splitmix64(x: &mut u64) -> u64 {
    *x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *x;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl FastRng {
    /// A generator seeded from one 64-bit value.
    pub fn from_seed(seed: u64) -> Self {
        let mut x = seed;
        let mut s = [0u64; 4];
        for word in &mut s {
            *word = splitmix64(&mut x);
        }
        // The all-zero state is the only one xoshiro cannot leave; SplitMix64
        // never yields four zeros in a row, but keep the guard explicit.
        if s == [0; 4] {
            s[0] = 1;
        }
        Self::from_state(s)
    }

    /// A generator with exactly this xoshiro256 state (used by tests against
    /// the reference implementation).
    pub fn from_state(state: [u64; 4]) -> Self {
        Self {
            state: Cell::new(state),
        }
    }

    /// A generator seeded from the operating system's clock and address
    /// entropy, for runs without `--seed`.
    pub fn from_entropy() -> Self {
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        Self::from_seed(h.finish())
    }

    /// An independent generator for stream number `stream`, derived from this
    /// generator's current state without advancing it.
    #[must_use]
    pub fn fork(&self, stream: u64) -> Self {
        let s = self.state.get();
        let mut x = s[0] ^ s[1].rotate_left(17) ^ s[2].rotate_left(31) ^ s[3].rotate_left(47);
        x ^= stream.wrapping_mul(0xD1B5_4A32_D192_ED03);
        Self::from_seed(splitmix64(&mut x))
    }

    /// The next 64 random bits.
    #[inline]
    pub fn next_u64(&self) -> u64 {
        let mut s = self.state.get();
        let result = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        self.state.set(s);
        result
    }

    /// The next 32 random bits (the high half of a 64-bit draw).
    #[inline]
    pub fn next_u32(&self) -> u32 {
        (self.next_u64() >> 32) as u32
    }

    /// A uniform float in `[0, 1)` with 53 bits of precision, like Python's
    /// `random.random()`.
    #[inline]
    pub fn next_f64(&self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform integer in `[0, n)`; `n` must be positive. Lemire's
    /// multiply-and-reject method: unbiased, usually one draw.
    #[inline]
    pub fn below(&self, n: u64) -> u64 {
        debug_assert!(n > 0, "below(0)");
        let mut m = u128::from(self.next_u64()) * u128::from(n);
        let mut low = m as u64;
        if low < n {
            let threshold = n.wrapping_neg() % n;
            while low < threshold {
                m = u128::from(self.next_u64()) * u128::from(n);
                low = m as u64;
            }
        }
        (m >> 64) as u64
    }

    /// A uniform index into a collection of `len` items; `len` must be positive.
    #[inline]
    pub fn index(&self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    /// A uniform integer in `[lo, hi]`, both inclusive. Returns `lo` when
    /// `hi < lo` rather than panicking in the middle of an event.
    #[inline]
    pub fn int_inclusive(&self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = (i128::from(hi) - i128::from(lo)) as u128 + 1;
        if span > u128::from(u64::MAX) {
            return self.next_u64() as i64;
        }
        lo.wrapping_add(self.below(span as u64) as i64)
    }

    /// Fill a byte slice with random bytes.
    pub fn fill_bytes(&self, dest: &mut [u8]) {
        let mut chunks = dest.chunks_exact_mut(8);
        for chunk in &mut chunks {
            chunk.copy_from_slice(&self.next_u64().to_le_bytes());
        }
        let rest = chunks.into_remainder();
        if !rest.is_empty() {
            let bytes = self.next_u64().to_le_bytes();
            rest.copy_from_slice(&bytes[..rest.len()]);
        }
    }
}

/// Lets `rand_distr` distributions and the `fake` crate draw from a shared
/// reference: `dist.sample(&mut &rng)`.
impl rand::TryRng for &FastRng {
    type Error = Infallible;

    #[inline]
    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        Ok(FastRng::next_u32(self))
    }

    #[inline]
    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        Ok(FastRng::next_u64(self))
    }

    #[inline]
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        FastRng::fill_bytes(self, dst);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first outputs of xoshiro256++ from state [1, 2, 3, 4], as produced
    /// by the authors' reference C implementation.
    #[test]
    fn matches_reference_sequence() {
        let rng = FastRng::from_state([1, 2, 3, 4]);
        let expected: [u64; 6] = [
            41_943_041,
            58_720_359,
            3_588_806_011_781_223,
            3_591_011_842_654_386,
            9_228_616_714_210_784_205,
            9_973_669_472_204_895_162,
        ];
        for e in expected {
            assert_eq!(rng.next_u64(), e);
        }
    }

    #[test]
    fn same_seed_same_stream_and_forks_differ() {
        let a = FastRng::from_seed(7);
        let b = FastRng::from_seed(7);
        let xs: Vec<u64> = (0..8).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..8).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        let f1 = a.fork(1);
        let f2 = a.fork(2);
        assert_ne!(f1.next_u64(), f2.next_u64());
    }

    #[test]
    fn below_is_in_range_and_roughly_uniform() {
        let rng = FastRng::from_seed(1);
        let mut counts = [0u32; 7];
        for _ in 0..70_000 {
            counts[rng.below(7) as usize] += 1;
        }
        for c in counts {
            assert!((9_000..11_000).contains(&c), "{counts:?}");
        }
    }

    #[test]
    fn int_inclusive_hits_both_ends() {
        let rng = FastRng::from_seed(3);
        let mut seen = [false; 3];
        for _ in 0..1000 {
            let v = rng.int_inclusive(-1, 1);
            seen[(v + 1) as usize] = true;
        }
        assert_eq!(seen, [true; 3]);
        assert_eq!(rng.int_inclusive(5, 5), 5);
        assert_eq!(rng.int_inclusive(5, 4), 5);
        let full = rng.int_inclusive(i64::MIN, i64::MAX);
        let _ = full;
    }

    #[test]
    fn f64_in_unit_interval() {
        let rng = FastRng::from_seed(9);
        let mut sum = 0.0;
        for _ in 0..100_000 {
            let x = rng.next_f64();
            assert!((0.0..1.0).contains(&x));
            sum += x;
        }
        let mean = sum / 100_000.0;
        assert!((mean - 0.5).abs() < 0.01, "{mean}");
    }

    #[test]
    fn works_with_rand_distr() {
        use rand_distr::Distribution;
        let rng = FastRng::from_seed(11);
        let n = rand_distr::Normal::new(10.0, 2.0).unwrap();
        let mean: f64 = (0..20_000).map(|_| n.sample(&mut &rng)).sum::<f64>() / 20_000.0;
        assert!((mean - 10.0).abs() < 0.1, "{mean}");
    }
}
