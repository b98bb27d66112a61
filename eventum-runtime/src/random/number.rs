//! `module.rand.number`: integers, uniform floats and the skewed
//! distributions, with Python's parameter semantics.

use crate::rng::FastRng;
use rand_distr::{Distribution, Exp1, StandardNormal};

/// `module.rand.number`.
#[derive(Debug)]
pub struct Number {
    rng: FastRng,
}

impl Number {
    /// The namespace drawing from `rng`.
    pub fn new(rng: FastRng) -> Self {
        Self { rng }
    }

    /// `rand.number.integer(a, b)`: a uniform integer in `[a, b]`, both
    /// ends included (Python's `randint`).
    ///
    /// # Panics
    /// When `a > b` (Python raises `ValueError`).
    pub fn integer(&self, a: i64, b: i64) -> i64 {
        assert!(
            a <= b,
            "rand.number.integer: empty range in randint({a}, {b})"
        );
        self.rng.int_inclusive(a, b)
    }

    /// `rand.number.floating(a, b)`: `a + (b - a) * random()` (Python's
    /// `uniform`; `b < a` is allowed).
    pub fn floating(&self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.rng.next_f64()
    }

    /// `rand.number.gauss(mu, sigma)`: a normal draw. A negative `sigma`
    /// mirrors the distribution, as in Python.
    pub fn gauss(&self, mu: f64, sigma: f64) -> f64 {
        mu + sigma * self.standard_normal()
    }

    /// `rand.number.lognormal(mu, sigma)`: `exp` of a normal draw with mean
    /// `mu` and deviation `sigma`.
    pub fn lognormal(&self, mu: f64, sigma: f64) -> f64 {
        self.gauss(mu, sigma).exp()
    }

    /// `rand.number.exponential(lambd)`: an exponential draw with rate
    /// `lambd` (mean `1 / lambd`; a negative rate gives negative values, as
    /// in Python's `expovariate`).
    ///
    /// # Panics
    /// When `lambd` is 0 (Python raises `ZeroDivisionError`).
    pub fn exponential(&self, lambd: f64) -> f64 {
        assert!(
            lambd != 0.0,
            "rand.number.exponential: float division by zero (lambd is 0)"
        );
        self.exp1() / lambd
    }

    /// `rand.number.pareto(alpha, xmin)`: `xmin * paretovariate(alpha)`,
    /// values from `xmin` up with a heavy tail. Eventum's default `xmin` is
    /// 1.0; Rust has no default arguments, so pass it.
    ///
    /// # Panics
    /// When `alpha` is 0 (Python raises `ZeroDivisionError`).
    pub fn pareto(&self, alpha: f64, xmin: f64) -> f64 {
        assert!(
            alpha != 0.0,
            "rand.number.pareto: float division by zero (alpha is 0)"
        );
        // paretovariate is u ** (-1 / alpha) with u uniform in (0, 1];
        // -ln(u) is a unit exponential, so this is the same law.
        xmin * (self.exp1() / alpha).exp()
    }

    /// `rand.number.triangular(low, high, mode)`, with Python's algorithm:
    /// `low > high` is allowed, `low == high` returns `low`, and a `mode`
    /// outside the range is used as given.
    pub fn triangular(&self, low: f64, high: f64, mode: f64) -> f64 {
        let mut u = self.rng.next_f64();
        let span = high - low;
        if span == 0.0 {
            // Python's (mode - low) / (high - low) raises ZeroDivisionError,
            // which `triangular` catches to return `low`. (Infinite bounds
            // give a NaN span, not a zero one, in both languages.)
            return low;
        }
        let mut c = (mode - low) / span;
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        low + (high - low) * (u * c).sqrt()
    }

    /// `rand.number.clamp(value, min_val, max_val)`:
    /// `max(min_val, min(max_val, value))`, with Python's tie and NaN rules
    /// (the first argument wins unless the second is strictly better).
    pub fn clamp<T: PartialOrd>(&self, value: T, min: T, max: T) -> T {
        let upper = if value < max { value } else { max };
        if upper > min { upper } else { min }
    }

    fn standard_normal(&self) -> f64 {
        StandardNormal.sample(&mut &self.rng)
    }

    fn exp1(&self) -> f64 {
        Exp1.sample(&mut &self.rng)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{mean_var, panic_message};
    use super::*;

    const N: usize = 200_000;

    fn number(seed: u64) -> Number {
        Number::new(FastRng::from_seed(seed))
    }

    fn draws(n: usize, f: impl FnMut(usize) -> f64) -> Vec<f64> {
        (0..n).map(f).collect()
    }

    /// Exact float equality (the values are copied, not computed).
    fn same(a: f64, b: f64) -> bool {
        a.to_bits() == b.to_bits()
    }

    fn median(mut xs: Vec<f64>) -> f64 {
        xs.sort_by(f64::total_cmp);
        xs[xs.len() / 2]
    }

    #[test]
    fn integer_is_inclusive_and_uniform() {
        let n = number(1);
        let mut counts = [0u32; 6];
        for _ in 0..60_000 {
            let v = n.integer(1, 6);
            assert!((1..=6).contains(&v));
            counts[(v - 1) as usize] += 1;
        }
        for c in counts {
            assert!((9_500..10_500).contains(&c), "{counts:?}");
        }
        assert_eq!(n.integer(7, 7), 7);
        let mut ends = (false, false);
        for _ in 0..200 {
            match n.integer(-1, 1) {
                -1 => ends.0 = true,
                1 => ends.1 = true,
                _ => {}
            }
        }
        assert_eq!(ends, (true, true));
        let _ = n.integer(i64::MIN, i64::MAX);
    }

    #[test]
    fn integer_with_reversed_bounds_panics() {
        let n = number(2);
        let msg = panic_message(|| {
            n.integer(5, 4);
        });
        assert!(msg.starts_with("rand.number.integer:"), "{msg}");
    }

    #[test]
    fn floating_is_uniform_in_range() {
        let n = number(3);
        let xs = draws(N, |_| n.floating(2.0, 5.0));
        assert!(xs.iter().all(|x| (2.0..5.0).contains(x)));
        let (mean, var) = mean_var(&xs);
        assert!((mean - 3.5).abs() < 0.01, "{mean}");
        assert!((var - 0.75).abs() < 0.01, "{var}"); // (b - a)^2 / 12
        // Reversed bounds are allowed: values fall in (2, 5].
        assert!((0..1000).all(|_| (2.0..=5.0).contains(&n.floating(5.0, 2.0))));
    }

    #[test]
    fn gauss_has_the_asked_moments() {
        let n = number(4);
        let (mean, var) = mean_var(&draws(N, |_| n.gauss(10.0, 3.0)));
        assert!((mean - 10.0).abs() < 0.04, "{mean}");
        assert!((var - 9.0).abs() < 0.15, "{var}");
        let (mean, var) = mean_var(&draws(N, |_| n.gauss(0.0, -2.0)));
        assert!(
            mean.abs() < 0.03 && (var - 4.0).abs() < 0.08,
            "{mean} {var}"
        );
    }

    #[test]
    fn lognormal_is_positive_with_mean_exp_mu_plus_half_sigma_squared() {
        let n = number(5);
        let xs = draws(N, |_| n.lognormal(0.0, 0.5));
        assert!(xs.iter().all(|x| *x > 0.0));
        let (mean, _) = mean_var(&xs);
        let want = (0.5f64 * 0.5 / 2.0).exp();
        assert!((mean - want).abs() < 0.01, "{mean} vs {want}");
        // The content packs' call: median exp(8) ~ 2981.
        let med = median(draws(N, |_| n.lognormal(8.0, 1.2)));
        assert!((med / 8f64.exp() - 1.0).abs() < 0.03, "{med}");
    }

    #[test]
    fn exponential_has_mean_one_over_lambda() {
        let n = number(6);
        let xs = draws(N, |_| n.exponential(2.0));
        assert!(xs.iter().all(|x| *x >= 0.0));
        let (mean, var) = mean_var(&xs);
        assert!((mean - 0.5).abs() < 0.006, "{mean}");
        assert!((var - 0.25).abs() < 0.01, "{var}");
        assert!((0..100).all(|_| n.exponential(-1.0) <= 0.0));
        let msg = panic_message(|| {
            n.exponential(0.0);
        });
        assert!(msg.starts_with("rand.number.exponential:"), "{msg}");
    }

    #[test]
    fn pareto_starts_at_xmin_with_the_textbook_mean_and_median() {
        let n = number(7);
        let xs = draws(N, |_| n.pareto(3.0, 2.0));
        assert!(xs.iter().all(|x| *x >= 2.0));
        let (mean, _) = mean_var(&xs);
        assert!((mean - 3.0).abs() < 0.03, "{mean}"); // alpha * xmin / (alpha - 1)
        // Heavy tail (alpha = 1.16, the 80/20 rule): check the median
        // xmin * 2^(1/alpha) instead of the mean.
        let med = median(draws(N, |_| n.pareto(1.16, 1.0)));
        let want = 2f64.powf(1.0 / 1.16);
        assert!((med - want).abs() < 0.02, "{med} vs {want}");
        let msg = panic_message(|| {
            n.pareto(0.0, 1.0);
        });
        assert!(msg.starts_with("rand.number.pareto:"), "{msg}");
    }

    #[test]
    fn triangular_has_mean_a_third_of_the_corners() {
        let n = number(8);
        let xs = draws(N, |_| n.triangular(1.0, 10.0, 4.0));
        assert!(xs.iter().all(|x| (1.0..=10.0).contains(x)));
        let (mean, _) = mean_var(&xs);
        assert!((mean - 5.0).abs() < 0.025, "{mean}");
        // low > high is allowed in Python: values in [high, low].
        let xs = draws(N, |_| n.triangular(10.0, 0.0, 2.0));
        assert!(xs.iter().all(|x| (0.0..=10.0).contains(x)));
        let (mean, _) = mean_var(&xs);
        assert!((mean - 4.0).abs() < 0.03, "{mean}");
        // With the mode at `low` the density falls linearly, so three
        // quarters of the draws land below the midpoint.
        let below = draws(10_000, |_| n.triangular(1.0, 10.0, 1.0))
            .iter()
            .filter(|x| **x < 5.5)
            .count();
        assert!(below > 7_000, "{below}");
        assert!((0..100).all(|_| same(n.triangular(3.0, 3.0, 9.0), 3.0)));
    }

    #[test]
    fn clamp_follows_pythons_min_max() {
        let n = number(9);
        assert!(same(n.clamp(5.0, 64.0, 1e6), 64.0));
        assert!(same(n.clamp(2e6, 64.0, 1e6), 1e6));
        assert!(same(n.clamp(100.0, 64.0, 1e6), 100.0));
        assert_eq!(n.clamp(7, 1, 10), 7);
        assert_eq!(n.clamp(-7, 1, 10), 1);
        // max(min, min(max, nan)): min(max, nan) keeps max, so NaN clamps
        // to max_val, as in Python.
        assert!(same(n.clamp(f64::NAN, 1.0, 10.0), 10.0));
        // Inverted bounds: min wins, as in Python.
        assert_eq!(n.clamp(5, 10, 1), 10);
        // Nested like the content packs write it.
        let v = n.clamp(n.lognormal(8.0, 1.2), 64.0, 1e6);
        assert!((64.0..=1e6).contains(&v));
    }

    #[test]
    fn same_seed_same_draws() {
        let (a, b) = (number(10), number(10));
        for _ in 0..100 {
            assert_eq!(a.gauss(0.0, 1.0).to_bits(), b.gauss(0.0, 1.0).to_bits());
            assert_eq!(a.pareto(2.0, 1.0).to_bits(), b.pareto(2.0, 1.0).to_bits());
            assert_eq!(a.integer(0, 99), b.integer(0, 99));
        }
    }
}
